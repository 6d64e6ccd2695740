"""Fixtures for the API client tests (test doubles live in ``spot_fakes``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import httpx
import pytest

from app.api import SpotClient
from tests.helpers.spot_http import BASE_URL, TOKEN, FakeSleep, Handler


@pytest.fixture
def fake_sleep() -> FakeSleep:
    return FakeSleep()


@pytest.fixture
def make_client(fake_sleep: FakeSleep) -> Iterable[Callable[..., SpotClient]]:
    clients: list[SpotClient] = []

    def make(handler: Handler, **kwargs: Any) -> SpotClient:
        kwargs.setdefault("sleep", fake_sleep)
        kwargs.setdefault("base_url", BASE_URL)
        client = SpotClient(token=TOKEN, transport=httpx.MockTransport(handler), **kwargs)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()
