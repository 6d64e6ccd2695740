"""Orders in the audit trail: who ordered, queued, placed (no Qt).

Every order submitted through the outbox is stamped with who is working ("ordered by" in
its Spot metadata: initials and staff id, never a PIN) and recorded when it is queued and
when Spot confirms it. The staff id comes from the order's own metadata, so an order the
outbox sends while the screen is locked, or after a restart, is still the person's who
placed it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import Any

from app.api import models
from app.services.audit import AuditAction, ObjectKind
from app.services.import_batch import BATCH_KEY, STAFF_ID_KEY, STAFF_KEY
from app.services.outbox import Outbox, OutboxItem
from app.services.staff import ORDERED_BY_ID_KEY, ORDERED_BY_KEY, STAFF_ID_PATTERN, NotAllowed
from app.services.workstation import Workstation

__all__ = ["audit_outbox", "stamp_orders"]


def stamp_orders(workstation: Workstation) -> Callable[[models.NewOrder], models.NewOrder]:
    """An `Outbox.set_stamp` function: adds who is working to the order's metadata and
    refuses an order when nobody is (the screen is locked).

    A row of an imported batch is the importer's order: it carries their initials and staff
    id from when they pressed Send, so it goes out as theirs even while the screen is locked
    (a 1,000-row batch at 2 a second outlasts the idle lock) or after a restart."""

    def stamp(order: models.NewOrder) -> models.NewOrder:
        importer = _importer(order.metadata)
        if importer is not None:
            metadata = dict(order.metadata or {})
            metadata[ORDERED_BY_KEY], metadata[ORDERED_BY_ID_KEY] = importer
            return order.model_copy(update={"metadata": metadata}, deep=True)
        if workstation.current is None:
            raise NotAllowed(
                "Sign in first", "Unlock the app with your PIN, then place the order.",
                debug="NotSignedIn",
            )
        metadata = workstation.ordered_by(order.metadata)
        return order.model_copy(update={"metadata": metadata}, deep=True)

    return stamp


def audit_outbox(outbox: Outbox, workstation: Workstation) -> Callable[[], None]:
    """Record ORDER_QUEUED and ORDER_PLACED for ``outbox``'s items; returns an unsubscribe.
    Callbacks come from the sender thread; the trail is thread-safe."""
    seen: dict[str, str] = {}  # item id -> the last state recorded
    lock = threading.Lock()

    def on_change(item: OutboxItem) -> None:
        staff = _staff_of(item)
        with lock:
            before = seen.get(item.item_id)
            if item.state == "queued" and before is None:
                seen[item.item_id] = "queued"
                action: AuditAction | None = AuditAction.ORDER_QUEUED
            elif item.state == "sent" and item.order_id and before != "sent":
                seen[item.item_id] = "sent"
                action = AuditAction.ORDER_PLACED
            else:
                action = None
        if action is AuditAction.ORDER_QUEUED:
            workstation.record(action, {ObjectKind.OUTBOX_ITEM: item.item_id}, staff_id=staff)
        elif action is AuditAction.ORDER_PLACED and item.order_id:
            workstation.record(
                action, {ObjectKind.ORDER: item.order_id, ObjectKind.OUTBOX_ITEM: item.item_id},
                detail="sent", staff_id=staff,
            )

    return outbox.subscribe(on_change)


def _importer(metadata: Mapping[str, Any] | None) -> tuple[str, str] | None:
    """(initials, staff id) of the staff member who imported this batch row, if it is one."""
    data = metadata or {}
    staff_id, initials = data.get(STAFF_ID_KEY), data.get(STAFF_KEY)
    if (isinstance(data.get(BATCH_KEY), str) and isinstance(staff_id, str)
            and STAFF_ID_PATTERN.match(staff_id) and isinstance(initials, str)):
        return initials, staff_id
    return None


def _staff_of(item: OutboxItem) -> str | None:
    value = (item.payload.metadata or {}).get(ORDERED_BY_ID_KEY)
    return value if isinstance(value, str) and STAFF_ID_PATTERN.match(value) else None
