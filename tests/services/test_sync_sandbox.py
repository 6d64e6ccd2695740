"""Sync against the real sandbox over HTTP: the request budget and the joined picture."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from app.api import SpotClient
from app.sandbox import SandboxServer
from app.services.order_store import OrderStore
from app.services.sync import SyncService


class CountingTransport(httpx.BaseTransport):
    """A real HTTP transport that remembers every request it sent."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.requests: list[str] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(f"{request.method} {request.url.path}")
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


@pytest.fixture
def transport() -> CountingTransport:
    return CountingTransport()


@pytest.fixture
def client(sandbox: SandboxServer, transport: CountingTransport) -> Iterator[SpotClient]:
    with SpotClient(sandbox.base_url, sandbox.token, transport=transport) as spot_client:
        yield spot_client


def test_nothing_changed_makes_at_most_two_requests(
    sandbox: SandboxServer, client: SpotClient, transport: CountingTransport
) -> None:
    sandbox.seed(400)
    store = OrderStore()
    sync = SyncService(client, store)
    sync.refresh()
    assert len(store.rows()) == 400
    transport.requests.clear()
    result = sync.refresh()
    assert len(transport.requests) <= 2
    assert result.changed_order_ids == frozenset()


def test_every_kit_is_joined_to_its_order(sandbox: SandboxServer, client: SpotClient) -> None:
    sandbox.seed(150)
    store = OrderStore()
    SyncService(client, store).refresh()
    by_order: dict[str, set[str]] = {}
    for kit in client.iter_kits():
        if kit.order_id:
            by_order.setdefault(kit.order_id, set()).add(kit.kit_id)
    for row in store.rows():
        assert set(row.kit_ids) == by_order.get(row.order_id, set())
        assert row.progress.label


def test_time_passing_is_seen_by_an_incremental_refresh(
    sandbox: SandboxServer, client: SpotClient
) -> None:
    sandbox.seed(200)
    store = OrderStore()
    sync = SyncService(client, store)
    sync.refresh()
    before = {row.order_id: row for row in store.rows()}
    sandbox.advance(20)
    result = sync.refresh()
    assert result.changed_order_ids
    assert not result.full
    assert "results" in {note.kind for note in result.notifications}
    assert any(before[oid] != store.get(oid) for oid in result.changed_order_ids if oid in before)
    # The incremental picture equals a fresh full sync.
    fresh = OrderStore()
    SyncService(client, fresh).refresh()
    assert {r.order_id: r for r in store.rows()} == {r.order_id: r for r in fresh.rows()}
