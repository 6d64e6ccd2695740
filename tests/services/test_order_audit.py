"""Orders carry who placed them, to Spot and into the audit trail, even when sent later."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.services.audit import AuditAction
from app.services.order_audit import audit_outbox, stamp_orders
from app.services.outbox import Outbox
from app.services.staff import ORDERED_BY_ID_KEY, ORDERED_BY_KEY, NotAllowed
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
