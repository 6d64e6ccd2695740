"""Exactly once over real HTTP: the sandbox fails 20% of requests three different ways."""

from __future__ import annotations

import time

from app.api import SpotClient, models
from app.paths import paths
from app.sandbox import SandboxServer
from app.services.outbox import REF_KEY, Outbox


def fake_order(n: int) -> models.NewOrder:
    return models.NewOrder(
        kit_types=["health_kit_1"],
        recipient=models.Recipient(
            first_name="Testy",
            last_name=f"Soakperson{n}",
            email=f"soak{n}@example.com",
            phone="4155550123",
            address=models.Address(street1=f"{n} Fictional Way", city="San Francisco",
                                   state="CA", country="US", zip="94105"),
        ),
        metadata={"test": "exactly-once"},
    )


def test_twenty_orders_through_faults_are_each_created_once(sandbox: SandboxServer) -> None:
    client = SpotClient(sandbox.base_url, sandbox.token, sleep=lambda _s: None)
    # The outbox's clock jumps over its waits (real time plus what it slept): the 120 s
    # settle window is kept, without the test waiting for it.
    skipped = [0.0]

    def skip(seconds: float) -> None:
        skipped[0] += seconds

    outbox = Outbox(paths().outbox_db, client, sleep=skip, clock=lambda: time.time() + skipped[0],
                    backoff_base=0.01, backoff_cap=0.05)
    sandbox.set_faults(error_rate=0.2, rate_limit_rate=0.2, drop_rate=0.2)
    try:
        items = [outbox.submit(fake_order(n)) for n in range(20)]
        assert outbox.drain(timeout=3600)
    finally:
        sandbox.set_faults()
        outbox.close()
    for item in items:
        assert sandbox.count_orders_with_metadata(REF_KEY, item.client_ref) == 1
    assert sandbox.order_count() == 20
    sent = {item.item_id: item for item in Outbox(paths().outbox_db, None).items()}
    assert all(i.state == "sent" for i in sent.values())
    # Each item knows the order Spot really created for it.
    for item in items:
        order = client.get_order(sent[item.item_id].order_id or "")
        assert (order.metadata or {})[REF_KEY] == item.client_ref
        assert (order.metadata or {})["test"] == "exactly-once"
    client.close()
