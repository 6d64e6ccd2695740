"""Unreturned kits: the worklist of kits stuck on their way back, and whom to chase.

Rules (thresholds from Settings) over each kit's own events, so a metadata write (a logged
call) does not restart the clock:
- delivered, not registered after ``delivered_not_registered_days``;
- registered, no sample on its way after ``registered_no_sample_days``;
- sample in transit to the lab over ``sample_in_transit_days``;
- a delivery or collection exception nobody has followed up (no contact logged since).
A "declined" or "closed" contact takes the kit off the list. `build_worklist` is pure (a fake
clock tests it); `WorklistService` fetches the kits the synced list says may qualify.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Final, Literal, Protocol

from app.api import models
from app.marks import QT_TRANSLATE_NOOP
from app.services.contact_log import OUTCOMES, ContactEntry, read_contact_log
from app.services.errors import translate
from app.services.order_import import LANGUAGE_KEY
from app.services.order_rules import OrderRow
from app.services.spreadsheets import write_csv

__all__ = [
    "REASONS",
    "WorklistItem",
    "WorklistService",
    "WorklistThresholds",
    "build_worklist",
    "export_worklist",
    "worklist_item",
]

logger = logging.getLogger(__name__)

Reason = Literal["delivered_not_registered", "registered_no_sample", "sample_in_transit",
                 "exception"]  # fmt: skip
REASONS: Final[dict[str, str]] = {
    "delivered_not_registered": QT_TRANSLATE_NOOP("Worklist", "Delivered, not registered"),
    "registered_no_sample": QT_TRANSLATE_NOOP("Worklist", "Registered, no sample sent"),
    "sample_in_transit": QT_TRANSLATE_NOOP("Worklist", "Sample in transit too long"),
    "exception": QT_TRANSLATE_NOOP("Worklist", "Delivery or collection exception"),
}
_NOT_STARTED: Final = frozenset({"", "awaiting_collection"})
_KIT_EXCEPTIONS: Final = frozenset({"delivery_exception"})
_SAMPLE_EXCEPTIONS: Final = frozenset({"delivery_exception", "collection_exception"})
_DAY_S: Final = 86400.0


@dataclass(frozen=True, slots=True)
class WorklistThresholds:
    delivered_not_registered_days: int = 10
    registered_no_sample_days: int = 7
    sample_in_transit_days: int = 10


@dataclass(frozen=True, slots=True)
class WorklistItem:
    kit_id: str
    kit_type: str
    order_id: str
    first_name: str
    last_name: str
    phone: str
    email: str
    language: str  # "en"/"fr" when the import said so, else ""
    reason: Reason
    since: datetime
    days_waiting: int
    contacts: tuple[ContactEntry, ...]

    @property
    def last_contact(self) -> ContactEntry | None:
        return self.contacts[-1] if self.contacts else None


def _last_event(events: Iterable[models.KitEvent | models.SampleEvent], status: str,
                fallback: datetime) -> datetime:  # fmt: skip
    times = [e.created for e in events if e.status == status and e.created is not None]
    return max(times) if times else fallback


def worklist_item(
    kit: models.Kit,
    order: OrderRow | None,
    now: datetime,
    thresholds: WorklistThresholds,
    *,
    fallback_since: datetime | None = None,
) -> WorklistItem | None:
    """The kit's worklist line, or None when it is on track (or closed)."""
    contacts = tuple(read_contact_log(kit.metadata))
    if any(entry.closes for entry in contacts):
        return None
    kit_status = kit.status or ""
    sample = kit.sample
    sample_status = (sample.status if sample is not None else None) or ""
    sample_events = sample.events if sample is not None else []
    fallback = fallback_since or now
    reason: Reason
    if kit_status in _KIT_EXCEPTIONS or sample_status in _SAMPLE_EXCEPTIONS:
        reason = "exception"
        if sample_status in _SAMPLE_EXCEPTIONS:
            since = _last_event(sample_events, sample_status, fallback)
        else:
            since = _last_event(kit.events, kit_status, fallback)
        if any(entry.when is not None and entry.when >= since for entry in contacts):
            return None  # followed up
        limit = 0
    elif kit_status == "delivered" and sample_status in _NOT_STARTED:
        reason, limit = "delivered_not_registered", thresholds.delivered_not_registered_days
        since = _last_event(kit.events, "delivered", fallback)
    elif kit_status == "registered" and sample_status in _NOT_STARTED:
        reason, limit = "registered_no_sample", thresholds.registered_no_sample_days
        since = _last_event(kit.events, "registered", fallback)
    elif sample_status == "in_transit":
        reason, limit = "sample_in_transit", thresholds.sample_in_transit_days
        since = _last_event(sample_events, "in_transit", fallback)
    else:
        return None
    waited = (now - since).total_seconds() / _DAY_S
    if reason != "exception" and waited <= limit:
        return None
    return WorklistItem(
        kit_id=kit.kit_id,
        kit_type=kit.type or "",
        order_id=order.order_id if order is not None else "",
        first_name=order.first_name if order is not None else "",
        last_name=order.last_name if order is not None else "",
        phone=order.phone if order is not None else "",
        email=order.email if order is not None else "",
        language="",  # filled in from the order by WorklistService
        reason=reason,
        since=since,
        days_waiting=max(0, int(waited)),
        contacts=contacts,
    )


def _language(order: models.Order | None) -> str:
    value = (order.metadata or {}).get(LANGUAGE_KEY) if order is not None else None
    return value if value in ("en", "fr") else ""


def may_qualify(kit_status: str, sample_status: str) -> bool:
    """From the synced list alone: could this kit be on the worklist (worth fetching)?"""
    return (
        kit_status in _KIT_EXCEPTIONS
        or sample_status in _SAMPLE_EXCEPTIONS
        or (kit_status in ("delivered", "registered") and sample_status in _NOT_STARTED)
        or sample_status == "in_transit"
    )


def build_worklist(
    kits: Iterable[tuple[models.Kit, OrderRow | None, datetime | None]],
    now: datetime,
    thresholds: WorklistThresholds,
) -> list[WorklistItem]:
    """Worklist lines for (kit, its order row, its last synced update), longest wait first;
    exceptions on top."""
    items = []
    for kit, order, updated in kits:
        item = worklist_item(kit, order, now, thresholds, fallback_since=updated)
        if item is not None:
            items.append(item)
    items.sort(key=lambda i: (i.reason != "exception", -i.days_waiting, i.kit_id))
    return items


class WorklistClient(Protocol):
    def get_kit(self, kit_id: str) -> models.Kit: ...

    def get_order(self, order_id: str) -> models.Order: ...


class WorklistService:
    """Builds the worklist from the synced rows by fetching the kits that may qualify (their
    events and contact log are only in the kit itself). Blocking: run it off the GUI thread."""

    def __init__(
        self,
        client: Callable[[], WorklistClient],
        thresholds: Callable[[], WorklistThresholds] = WorklistThresholds,
        *,
        workers: int = 4,
    ) -> None:
        self._client = client
        self._thresholds = thresholds
        self._workers = workers

    def build(self, rows: Iterable[OrderRow], now: datetime | None = None) -> list[WorklistItem]:
        wanted: list[tuple[str, OrderRow, datetime]] = []
        for row in rows:
            for index, kit_id in enumerate(row.kit_ids):
                kit_status = row.kit_statuses[index] if index < len(row.kit_statuses) else ""
                sample = row.sample_statuses[index] if index < len(row.sample_statuses) else ""
                if may_qualify(kit_status or "", sample or ""):
                    updated = row.kit_updated[index] if index < len(row.kit_updated) else None
                    wanted.append((kit_id, row, updated or row.updated))
        client = self._client()
        with ThreadPoolExecutor(max_workers=self._workers) as pool:
            kits = list(pool.map(lambda w: client.get_kit(w[0]), wanted))
            items = build_worklist(
                [(kit, row, updated)
                 for kit, (_id, row, updated) in zip(kits, wanted, strict=True)],
                now or datetime.now(UTC), self._thresholds(),
            )  # fmt: skip
            # The patient's language (for letters) is in the order's metadata, if an import
            # put it there: only the orders on the list are fetched.
            order_ids = sorted({item.order_id for item in items if item.order_id})
            orders = dict(zip(order_ids, pool.map(client.get_order, order_ids), strict=True))
        logger.info("worklist: %d kits fetched, %d on the list", len(kits), len(items))
        return [replace(item, language=_language(orders.get(item.order_id))) for item in items]


WORKLIST_HEADERS: Final = (
    QT_TRANSLATE_NOOP("Worklist", "First name"),
    QT_TRANSLATE_NOOP("Worklist", "Last name"),
    QT_TRANSLATE_NOOP("Worklist", "Phone"),
    QT_TRANSLATE_NOOP("Worklist", "Email"),
    QT_TRANSLATE_NOOP("Worklist", "Kit"),
    QT_TRANSLATE_NOOP("Worklist", "Kit type"),
    QT_TRANSLATE_NOOP("Worklist", "Why"),
    QT_TRANSLATE_NOOP("Worklist", "Days waiting"),
    QT_TRANSLATE_NOOP("Worklist", "Last contact"),
    QT_TRANSLATE_NOOP("Worklist", "Last contact date"),
    QT_TRANSLATE_NOOP("Worklist", "Note"),
)


def export_worklist(items: Sequence[WorklistItem], path: Path) -> None:
    """The worklist as a CSV for the phone team (UTF-8 with BOM: Excel keeps the accents)."""
    rows = []
    for item in items:
        last = item.last_contact
        rows.append([
            item.first_name, item.last_name, item.phone, item.email, item.kit_id,
            item.kit_type, translate("Worklist", REASONS[item.reason]), str(item.days_waiting),
            translate("Contact", OUTCOMES.get(last.outcome, last.outcome)) if last else "",
            last.when.date().isoformat() if last and last.when else "",
            last.note if last else "",
        ])  # fmt: skip
    write_csv(path, [translate("Worklist", h) for h in WORKLIST_HEADERS], rows)
