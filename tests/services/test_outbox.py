"""The outbox places every submitted order exactly once, whatever fails and wherever.

A small fake Spot keeps the orders "server-side"; a fake client in front of it can fail before
the server does anything, or after it created the order (the ambiguous case), on any call.
"""

from __future__ import annotations

import os
import random
import sqlite3
import stat
import threading
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from app.api import errors, models
from app.api.client import Page, SkippedRecord
from app.services.outbox import (
    LOOKUP_AT,
    REF_KEY,
    SETTLE_WINDOW_S,
    Outbox,
    OutboxItem,
    OutboxItemBusy,
)
from tests.helpers.outbox import (
    FakeClient,
    FakeSpot,
    Fault,
    Harness,
    bad_body,
    bad_request,
    dropped,
    new_order,
    rate_limited,
    refused,
    server_error,
    timeout,
    unauthorized,
)


@pytest.fixture
def h(tmp_path: Path) -> Iterator[Harness]:
    harness = Harness(tmp_path)
    yield harness
    harness.outbox.close()


AMBIGUOUS = [timeout, dropped, server_error, bad_body]



@pytest.mark.parametrize("when", ["before", "after"])
@pytest.mark.parametrize("make", [*AMBIGUOUS, rate_limited], ids=lambda f: f.__name__)
def test_one_failed_post_still_gives_exactly_one_order(
    h: Harness, when: str, make: Callable[[], Exception]
) -> None:
    h.client.faults["create_order"] = [(when, make())]
    item = h.outbox.submit(new_order())
    assert h.outbox.drain(timeout=3600)
    h.assert_exactly_once(item)


@pytest.mark.parametrize("lookup_call", ["list_orders", "get_order"])
@pytest.mark.parametrize("make", [timeout, dropped, lambda: server_error("GET"), rate_limited],
                         ids=["timeout", "dropped", "server_error", "rate_limited"])
def test_failing_lookups_never_lead_to_a_second_order(
    h: Harness, lookup_call: str, make: Callable[[], Exception]
) -> None:
    h.client.faults["create_order"] = [("after", timeout()), ("after", dropped())]
    h.client.faults[lookup_call] = [("before", make()), ("before", make())]
    item = h.outbox.submit(new_order())
    assert h.outbox.drain(timeout=3600)
    h.assert_exactly_once(item)


def test_found_by_lookup_is_sent_without_posting_again(h: Harness) -> None:
    h.client.faults["create_order"] = [("after", timeout())]
    item = h.outbox.submit(new_order())
    h.outbox.send_pending()
    assert h.client.calls == ["create_order"]
    assert h.outbox.get(item.item_id).state == "queued"  # type: ignore[union-attr]
    assert h.outbox.drain(timeout=3600)
    assert h.client.calls.count("create_order") == 1
    h.assert_exactly_once(item)


def test_not_found_by_lookup_is_sent_again(h: Harness) -> None:
    h.client.faults["create_order"] = [("before", dropped())]
    item = h.outbox.submit(new_order())
    assert h.outbox.drain(timeout=3600)
    # Looked up through the whole settle window (growing intervals), then posted again.
    assert h.client.calls == ["create_order", *["list_orders"] * len(LOOKUP_AT), "create_order"]
    assert h.client.post_times[1] - h.client.post_times[0] >= SETTLE_WINDOW_S
    h.assert_exactly_once(item)


def test_lookup_skips_orders_that_are_not_ours(h: Harness) -> None:
    # Same patient ordered before (another reference): that order is not this one.
    h.spot.create(new_order(metadata={REF_KEY: "someone-else"}))
    h.client.faults["create_order"] = [("before", server_error())]
    item = h.outbox.submit(new_order())
    assert h.outbox.drain(timeout=3600)
    h.assert_exactly_once(item)
    assert len(h.spot.orders) == 2


def test_lookup_searches_from_the_day_before_the_first_attempt(h: Harness) -> None:
    seen: list[date | str | None] = []
    original = h.client.list_orders

    def spy(**kwargs: object) -> list[models.OrderSummary]:
        seen.append(kwargs["created_after"])  # type: ignore[arg-type]
        return original(**kwargs)  # type: ignore[arg-type]

    h.client.list_orders = spy  # type: ignore[method-assign]
    h.client.faults["create_order"] = [("before", timeout())]
    h.outbox.submit(new_order())
    h.outbox.drain(timeout=3600)
    # First attempt on 2026-03-02 23:30 UTC; no Date header seen: two more days for a
    # workstation clock that is off.
    assert set(seen) == {date(2026, 2, 27)}


def test_a_page_of_unreadable_orders_does_not_end_the_lookup(h: Harness) -> None:
    # Spot sends a full first page the client can't read (so it is empty once skipped); the
    # order that did arrive is on the next page. Stopping early would post it a second time.
    original = h.client.list_orders

    def paged(**kwargs: object) -> list[models.OrderSummary]:
        offset = int(kwargs.pop("offset"))  # type: ignore[call-overload]
        if offset == 0:
            unreadable = [SkippedRecord(i, None, "created: bad") for i in range(100)]
            return Page([], unreadable, received=100)
        return original(offset=offset - 100, **kwargs)  # type: ignore[arg-type]

    h.client.list_orders = paged  # type: ignore[method-assign]
    h.client.faults["create_order"] = [("after", timeout())]
    item = h.outbox.submit(new_order())
    assert h.outbox.drain(timeout=3600)
    assert h.client.calls.count("create_order") == 1
    h.assert_exactly_once(item)


class SimulatedCrash(BaseException):
    """The process dies here (not an Exception: nothing in the outbox may swallow it)."""


@pytest.mark.parametrize("server_created", [False, True])
def test_crash_mid_post_resumes_after_restart_without_duplicates(
    h: Harness, server_created: bool
) -> None:
    h.client.faults["create_order"] = [("after" if server_created else "before",
                                        SimulatedCrash())]  # type: ignore[list-item]
    item = h.outbox.submit(new_order())
    with pytest.raises(SimulatedCrash):
        h.outbox.send_pending()
    # The process is gone; the file says "sending".
    with sqlite3.connect(h.db) as db:
        assert db.execute("SELECT state, unconfirmed FROM items").fetchall() == [("sending", 1)]
    outbox = h.restart()
    resumed = outbox.get(item.item_id)
    assert resumed is not None
    assert resumed.state == "queued"
    assert resumed.unconfirmed
    assert outbox.drain(timeout=3600)
    h.assert_exactly_once(item)
    assert h.client.calls.count("create_order") == (1 if server_created else 2)


def test_submitted_but_never_sent_is_sent_after_restart(h: Harness) -> None:
    item = h.outbox.submit(new_order())
    outbox = h.restart()
    assert outbox.counts() == (1, 0)
    assert outbox.drain(timeout=60)
    h.assert_exactly_once(item)


def test_order_is_on_disk_before_the_request_leaves(h: Harness) -> None:
    def check_disk(order: models.NewOrder) -> None:
        with sqlite3.connect(h.db) as db:
            rows = db.execute("SELECT state, unconfirmed, client_ref FROM items").fetchall()
        assert rows == [("sending", 1, (order.metadata or {})[REF_KEY])]

    h.client.before_create = check_disk
    item = h.outbox.submit(new_order())
    assert h.outbox.drain(timeout=60)
    h.assert_exactly_once(item)


def test_client_reference_joins_existing_metadata(h: Harness) -> None:
    item = h.outbox.submit(new_order(metadata={"clinic": "north"}))
    assert item.payload.metadata == {"clinic": "north", REF_KEY: item.client_ref}
    h.outbox.drain(timeout=60)
    (order,) = h.spot.orders.values()
    assert order.metadata == {"clinic": "north", REF_KEY: item.client_ref}


def test_database_files_are_private(h: Harness) -> None:
    h.outbox.submit(new_order())
    h.outbox.drain(timeout=60)
    for suffix in ("", "-wal", "-shm"):
        path = Path(str(h.db) + suffix)
        if path.exists():
            assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, suffix


def test_bad_request_needs_attention_with_field_errors_and_keeps_the_order(h: Harness) -> None:
    h.client.faults["create_order"] = [("before", bad_request("recipient.address.zip: Invalid"))]
    item = h.outbox.submit(new_order())
    h.outbox.drain(timeout=60)
    rejected = h.outbox.get(item.item_id)
    assert rejected is not None
    assert rejected.state == "needs_attention"
    assert rejected.attention == "fix_fields"
    assert rejected.field_errors == {"recipient.address.zip": ["Invalid"]}
    assert rejected.payload.recipient.last_name == "Fakeperson1"
    assert rejected.last_error
    assert h.outbox.counts() == (0, 1)
    assert h.spot.orders == {}
    # Survives a restart, editable.
    outbox = h.restart()
    assert outbox.get(item.item_id).field_errors == rejected.field_errors  # type: ignore[union-attr]
    fixed = outbox.resubmit(item.item_id, new_order(2))
    assert fixed.client_ref == item.client_ref
    assert fixed.field_errors == {}
    assert outbox.drain(timeout=60)
    h.assert_exactly_once(item)
    (order,) = h.spot.orders.values()
    assert order.recipient.last_name == "Fakeperson2"  # type: ignore[union-attr]


def test_rejected_order_can_be_discarded(h: Harness) -> None:
    h.client.faults["create_order"] = [("before", bad_request("kit_types: Unknown kit type"))]
    item = h.outbox.submit(new_order())
    h.outbox.drain(timeout=60)
    h.outbox.discard(item.item_id)
    assert h.outbox.items() == []
    assert h.restart().items() == []


def test_discard_is_refused_while_spot_may_have_the_order(h: Harness) -> None:
    h.client.faults["create_order"] = [("after", timeout())]
    item = h.outbox.submit(new_order())
    h.outbox.send_pending()
    with pytest.raises(OutboxItemBusy):
        h.outbox.discard(item.item_id)


def test_unauthorized_pauses_everything_until_sign_in(h: Harness) -> None:
    h.client.faults["create_order"] = [("before", unauthorized())]
    first = h.outbox.submit(new_order(1))
    second = h.outbox.submit(new_order(2))
    assert h.outbox.send_pending() is None
    assert h.outbox.paused
    held = h.outbox.get(first.item_id)
    assert held is not None
    assert (held.state, held.attention) == ("needs_attention", "sign_in")
    assert h.outbox.get(second.item_id).state == "queued"  # type: ignore[union-attr]
    assert h.client.calls == ["create_order"]
    h.outbox.set_client(h.client)
    assert not h.outbox.paused
    assert h.outbox.drain(timeout=60)
    h.assert_exactly_once(first)
    h.assert_exactly_once(second)


def test_rate_limit_waits_at_least_retry_after(h: Harness) -> None:
    h.client.faults["create_order"] = [("before", rate_limited(retry_after=30))]
    h.outbox.submit(new_order())
    assert h.outbox.send_pending() == 30
    h.clock.sleep(29)
    h.outbox.send_pending()
    assert h.client.calls == ["create_order"]


def test_backoff_grows_and_is_capped(h: Harness) -> None:
    # Connection refused: the request never left, so no settle window, just backoff.
    h.client.faults["create_order"] = [("before", refused()) for _ in range(12)]
    h.outbox.submit(new_order())
    delays = []
    for _ in range(12):
        delay = h.outbox.send_pending()
        assert delay is not None
        delays.append(delay)
        h.clock.sleep(delay)
    assert delays[1] > delays[0]
    assert max(delays) <= 120
    assert delays[-1] == delays[-2]  # at the cap
    assert h.outbox.drain(timeout=3600)


def test_subscribers_see_each_state(h: Harness) -> None:
    seen: list[str] = []
    unsubscribe = h.outbox.subscribe(lambda item: seen.append(item.state))
    h.client.faults["create_order"] = [("before", server_error())]
    h.outbox.submit(new_order())
    h.outbox.drain(timeout=3600)
    assert seen[0] == "queued"
    assert seen[-1] == "sent"
    assert "sending" in seen
    unsubscribe()
    h.outbox.submit(new_order(2))
    assert seen[-1] == "sent"


def test_a_broken_subscriber_does_not_stop_sending(h: Harness) -> None:
    def broken(item: OutboxItem) -> None:
        raise RuntimeError("listener bug")

    h.outbox.subscribe(broken)
    item = h.outbox.submit(new_order())
    assert h.outbox.drain(timeout=60)
    h.assert_exactly_once(item)


def test_old_sent_items_are_dropped_at_start(h: Harness) -> None:
    item = h.outbox.submit(new_order())
    h.outbox.drain(timeout=60)
    h.clock.sleep(timedelta(days=8).total_seconds())
    outbox = h.restart()
    assert outbox.get(item.item_id) is None


@pytest.mark.parametrize("seed", range(8))
def test_random_faults_everywhere_exactly_once(tmp_path: Path, seed: int) -> None:
    h = Harness(tmp_path)
    rng = random.Random(seed)
    kinds: list[Callable[[], Exception]] = [timeout, dropped, server_error, rate_limited]
    for call in ("create_order", "list_orders", "get_order"):
        faults: list[Fault | None] = []
        for _ in range(400):
            if rng.random() < 0.4:
                when = "after" if call == "create_order" and rng.random() < 0.5 else "before"
                faults.append((when, rng.choice(kinds + ([bad_body] if when == "after" else []))()))
            else:
                faults.append(None)
        h.client.faults[call] = faults
    # A few orders for the same patient, so lookups see each other's orders.
    items = [h.outbox.submit(new_order(n % 3)) for n in range(12)]
    # Crash and restart a few times along the way.
    for _ in range(3):
        for _ in range(5):
            h.outbox.send_pending()
            h.clock.sleep(200)
        h.restart()
    assert h.outbox.drain(timeout=100_000)
    for item in items:
        h.assert_exactly_once(item)
    assert len(h.spot.orders) == len(items)
    h.outbox.close()


def test_background_sender_sends_on_submit(tmp_path: Path) -> None:
    spot = FakeSpot(time.time)
    client = FakeClient(spot)
    # Refused (never left): retried after the backoff, in real time. The settle window's
    # lookups are covered on a fake clock in test_outbox_settle.py.
    client.faults["create_order"] = [("before", refused())]
    sent = threading.Event()
    outbox = Outbox(tmp_path / "outbox.sqlite3", client, backoff_base=0.01, backoff_cap=0.05)
    outbox.subscribe(lambda item: sent.set() if item.state == "sent" else None)
    outbox.start()
    try:
        item = outbox.submit(new_order())
        assert sent.wait(5)
    finally:
        outbox.close()
    assert [o.metadata for o in spot.orders.values()] == [{REF_KEY: item.client_ref}]


def test_stop_leaves_queued_items_on_disk(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox.sqlite3", None)
    outbox.start()
    item = outbox.submit(new_order())
    time.sleep(0.05)
    outbox.close()  # no client: nothing sent
    again = Outbox(tmp_path / "outbox.sqlite3", None)
    assert [i.item_id for i in again.items()] == [item.item_id]
    again.close()


def test_after_a_timeout_the_first_lookup_waits_a_little(h: Harness) -> None:
    h.client.faults["create_order"] = [("before", timeout())]
    h.outbox.submit(new_order())
    assert h.outbox.send_pending() == LOOKUP_AT[0]
    h.clock.sleep(LOOKUP_AT[0] - 1)
    h.outbox.send_pending()
    assert h.client.calls == ["create_order"]


def test_an_unexpected_refusal_waits_for_staff_then_retries(h: Harness) -> None:
    not_found = errors.NotFound(404, "not_found", [], "POST", "/api/v2/orders/")
    h.client.faults["create_order"] = [("before", not_found)]
    item = h.outbox.submit(new_order())
    assert h.outbox.drain(timeout=60) is True  # nothing left to send on its own
    held = h.outbox.get(item.item_id)
    assert held is not None
    assert (held.state, held.attention) == ("needs_attention", "problem")
    assert not held.unconfirmed
    h.outbox.retry(item.item_id)
    assert h.outbox.drain(timeout=60)
    h.assert_exactly_once(item)


def test_a_queued_item_never_sent_can_be_discarded(h: Harness) -> None:
    outbox = Outbox(h.db.with_name("other.sqlite3"), None)
    item = outbox.submit(new_order())
    outbox.discard(item.item_id)
    assert outbox.counts() == (0, 0)
    outbox.close()


def test_waking_the_sender_does_not_skip_the_settle_time(h: Harness) -> None:
    h.client.faults["create_order"] = [("before", timeout())]
    h.outbox.submit(new_order())
    h.outbox.send_pending()
    h.outbox.wake()  # e.g. "the network is back"
    h.outbox.send_pending()
    # A lookup at once, but no POST before the settle window is over.
    assert h.client.calls == ["create_order", "list_orders"]
