"""Test doubles for the API client tests: SPEC.md examples, a recording transport, a fake sleep.

The JSON files in ``tests/api/examples/`` are the documentation's own examples (SPEC.md §3, §6, §7),
copied verbatim: obviously fake "Alice Smith" data.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

EXAMPLES = Path(__file__).parents[1] / "api" / "examples"
BASE_URL = "https://app.spotdx.com"
TOKEN = "test-token-5f0c1d"  # fake; tests assert it never leaks

Handler = Callable[[httpx.Request], httpx.Response]


def example(name: str) -> Any:
    return json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))


class Recorder:
    """A transport handler that records every request and answers from a script.

    Each script item is an ``httpx.Response``, an exception to raise, or a callable taking the
    request. The last item repeats once the script runs out.
    """

    def __init__(self, *script: httpx.Response | Exception | Handler) -> None:
        self.script = list(script) or [httpx.Response(200, json={})]
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        item = self.script[min(len(self.requests), len(self.script)) - 1]
        if isinstance(item, Exception):
            raise item
        if isinstance(item, httpx.Response):
            # A fresh response per call: httpx responses are single-use once read.
            return httpx.Response(item.status_code, headers=item.headers, content=item.content)
        return item(request)

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]

    def body(self, index: int = -1) -> Any:
        return json.loads(self.requests[index].content)


class FakeSleep:
    """Records the waits instead of waiting."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)
