"""Orders carry who placed them, to Spot and into the audit trail, even when sent later."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from app.api import SpotClient
from app.paths import paths
from app.sandbox import SandboxServer
from app.services.audit import AuditAction
from app.services.import_batch import BATCH_KEY, STAFF_ID_KEY, STAFF_KEY, BatchSender, BatchStore
from app.services.order_audit import audit_outbox, stamp_orders
from app.services.outbox import Outbox
from app.services.staff import ORDERED_BY_ID_KEY, ORDERED_BY_KEY, NotAllowed
from tests.helpers.imports import fake_rows
from tests.helpers.outbox import FakeClient, FakeSpot, new_order
from tests.helpers.outbox import FakeClock as OutboxClock
from tests.helpers.staff import FakeClock, admin_and_desk, make_workstation


def test_order_is_stamped_queued_and_placed_in_the_name_of_who_ordered(tmp_path: Path) -> None:
    ws = make_workstation(tmp_path, FakeClock())
    ana, fay = admin_and_desk(ws)
    ws.sign_in(fay.staff_id, "5802")
    clock = OutboxClock()
    spot = FakeSpot(clock)
    outbox = Outbox(tmp_path / "outbox.sqlite3", None, sleep=clock.sleep, clock=clock)
    outbox.set_stamp(stamp_orders(ws))
    unsubscribe = audit_outbox(outbox, ws)

    item = outbox.submit(new_order(metadata={"clinic_ref": "A-1"}))
    ws.lock()  # Fay walks away; Ana unlocks; the outbox sends Fay's order meanwhile
    ws.sign_in(ana.staff_id, "3691")
    outbox.set_client(FakeClient(spot))
    outbox.send_pending()

    (order,) = spot.orders.values()
    assert order.metadata is not None
    assert order.metadata["clinic_ref"] == "A-1"
    assert order.metadata[ORDERED_BY_KEY] == "FD"
    assert order.metadata[ORDERED_BY_ID_KEY] == fay.staff_id
    assert "5802" not in repr(order.metadata)
    records = [r for r in ws.audit.records()
               if r.action in (AuditAction.ORDER_QUEUED, AuditAction.ORDER_PLACED)]
    assert [(r.action, r.staff_id, dict(r.ids)) for r in records] == [
        (AuditAction.ORDER_QUEUED, fay.staff_id, {"outbox_item": item.item_id}),
        (AuditAction.ORDER_PLACED, fay.staff_id,
         {"order": order.order_id, "outbox_item": item.item_id}),
    ]
    unsubscribe()
    outbox.close()


def test_no_order_behind_the_lock_screen(tmp_path: Path) -> None:
    ws = make_workstation(tmp_path, FakeClock())
    ws.create_first_administrator("Ana Admin", "AA", "pin", "3691")
    outbox = Outbox(tmp_path / "outbox.sqlite3", None)
    outbox.set_stamp(stamp_orders(ws))
    with pytest.raises(NotAllowed):
        outbox.submit(new_order())
    assert outbox.items() == []
    outbox.close()


def test_an_imported_batch_goes_out_as_the_importers_while_the_screen_is_locked(
    tmp_path: Path, sandbox: SandboxServer,
) -> None:
    """Issue 19: each order of a batch carries the staff member who imported it (initials
    and staff id, never a PIN or the computer's user), even rows sent behind the lock."""
    paths().ensure()
    ws = make_workstation(tmp_path, FakeClock())
    _ana, fay = admin_and_desk(ws)
    ws.sign_in(fay.staff_id, "5802")
    client = SpotClient(sandbox.base_url, sandbox.token, sleep=lambda _s: None)
    outbox = Outbox(paths().data / "outbox.sqlite3", client, backoff_base=0.01)
    outbox.set_stamp(stamp_orders(ws))
    unsubscribe = audit_outbox(outbox, ws)
    store = BatchStore(paths().data / "imports.sqlite3")
    batch_id = store.create(fake_rows(3), staff="FD", staff_id=fay.staff_id, source="list.csv",
                            rate=50)
    ws.lock()  # the idle lock comes on while the batch is sending
    outbox.start()
    try:
        sender = BatchSender(store, outbox, batch_id)
        sender.run()
        deadline = time.monotonic() + 30
        while not sender.progress().finished:
            assert time.monotonic() < deadline, sender.progress()
            time.sleep(0.05)
        assert sender.progress().sent == 3
    finally:
        unsubscribe()
        outbox.close()
        store.close()
    assert sandbox.count_orders_with_metadata(STAFF_KEY, "FD") == 3
    assert sandbox.count_orders_with_metadata(STAFF_ID_KEY, fay.staff_id) == 3
    assert sandbox.count_orders_with_metadata(ORDERED_BY_ID_KEY, fay.staff_id) == 3
    placed = [r for r in ws.audit.records() if r.action == AuditAction.ORDER_PLACED]
    assert {r.staff_id for r in placed} == {fay.staff_id}
    assert len(placed) == 3
    client.close()


def test_an_order_claiming_to_be_from_a_batch_without_an_importer_still_needs_a_sign_in(
    tmp_path: Path,
) -> None:
    ws = make_workstation(tmp_path, FakeClock())
    ws.create_first_administrator("Ana Admin", "AA", "pin", "3691")
    stamp = stamp_orders(ws)
    with pytest.raises(NotAllowed):
        stamp(new_order(metadata={BATCH_KEY: "b1", STAFF_KEY: "someone"}))
    with pytest.raises(NotAllowed):
        stamp(new_order(metadata={BATCH_KEY: "b1", STAFF_KEY: "x", STAFF_ID_KEY: "1234"}))
