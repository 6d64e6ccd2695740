"""Fixtures for the sandbox tests: a SpotClient and a raw httpx client on a live sandbox."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from app.api import SpotClient
from app.sandbox import SandboxServer


@pytest.fixture
def client(sandbox: SandboxServer) -> Iterator[SpotClient]:
    with SpotClient(sandbox.base_url, sandbox.token, sleep=lambda _s: None) as spot:
        yield spot


@pytest.fixture
def http(sandbox: SandboxServer) -> Iterator[httpx.Client]:
    """Raw HTTP with the token, for what the client refuses to send (bad input, odd paths)."""
    headers = {"Authorization": f"Token {sandbox.token}"}
    with httpx.Client(base_url=sandbox.base_url, headers=headers, timeout=10) as raw:
        yield raw
