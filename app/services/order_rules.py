"""Order rules: plain Python rows the order list reads fast, and the pure rules over them.

`OrderRow` is one order joined with its kits by ``order_id``; `progress_for` says where a kit
is, `needs_attention` what needs a person, `find_duplicates` which synced orders look like the
one being placed. No I/O here: the SQLite cache that holds the rows is `order_store`.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

from app.marks import QT_TRANSLATE_NOOP
from app.services.errors import translate

__all__ = [
    "KitInfo",
    "OrderInfo",
    "OrderRow",
    "Progress",
    "Tone",
    "build_row",
    "find_duplicates",
    "needs_attention",
    "phone_digits",
    "progress_for",
    "results_to_review",
]

logger = logging.getLogger(__name__)

Tone = Literal["neutral", "active", "good", "warning"]



@dataclass(frozen=True, slots=True)
class Progress:
    """Where an order stands, in words for staff; `rank` sorts from early to late."""

    label: str
    tone: Tone
    rank: int


# English labels; the order list shows them translated (context "Progress").
AWAITING_FULFILMENT = Progress(QT_TRANSLATE_NOOP("Progress", "Awaiting fulfilment"), "neutral", 0)
KIT_PREPARING = Progress(QT_TRANSLATE_NOOP("Progress", "Kit preparing"), "neutral", 1)
KIT_SHIPPED = Progress(QT_TRANSLATE_NOOP("Progress", "Kit shipped"), "active", 2)
KIT_DELIVERED = Progress(QT_TRANSLATE_NOOP("Progress", "Kit delivered"), "active", 3)
KIT_REGISTERED = Progress(QT_TRANSLATE_NOOP("Progress", "Kit registered"), "active", 4)
SAMPLE_ON_ITS_WAY = Progress(QT_TRANSLATE_NOOP("Progress", "Sample on its way"), "active", 5)
SAMPLE_AT_LAB = Progress(QT_TRANSLATE_NOOP("Progress", "Sample at lab"), "active", 6)
PARTIALLY_RESULTED = Progress(QT_TRANSLATE_NOOP("Progress", "Partially resulted"), "good", 7)
RESULTS_READY = Progress(QT_TRANSLATE_NOOP("Progress", "Results ready"), "good", 8)
CANCELED = Progress(QT_TRANSLATE_NOOP("Progress", "Canceled"), "neutral", 9)
DELIVERY_EXCEPTION = Progress(QT_TRANSLATE_NOOP("Progress", "Delivery exception"), "warning", 10)
COLLECTION_EXCEPTION = Progress(
    QT_TRANSLATE_NOOP("Progress", "Collection exception"), "warning", 11
)
# Statuses Spot adds later are shown as-is; they sort after everything we understand.
UNKNOWN_RANK = 50

_KIT_STAGES: dict[str, Progress] = {
    "preparing": KIT_PREPARING,
    "pending": KIT_PREPARING,  # the lifecycle guide's name for "preparing" (SPEC §14.1)
    "": KIT_PREPARING,
    "in_transit": KIT_SHIPPED,
    "delivered": KIT_DELIVERED,
    "registered": KIT_REGISTERED,
}
_SAMPLE_STAGES: dict[str, Progress] = {
    "in_transit": SAMPLE_ON_ITS_WAY,
    "delivered": SAMPLE_AT_LAB,
    "received": SAMPLE_AT_LAB,
    "extra_quality_checks": SAMPLE_AT_LAB,
    "partially_resulted": PARTIALLY_RESULTED,
    "resulted": RESULTS_READY,
}
_KNOWN_ORDER_STATUSES = frozenset({"", "pending", "in_progress", "completed"})
RESULT_SAMPLE_STATUSES = frozenset({"resulted", "partially_resulted"})
EXCEPTION_KIT_STATUSES = frozenset({"delivery_exception"})
EXCEPTION_SAMPLE_STATUSES = frozenset({"delivery_exception", "collection_exception"})

DELIVERED_NOT_REGISTERED_DAYS = 14
SAMPLE_IN_TRANSIT_DAYS = 10


def _kit_progress(kit_status: str, sample_status: str) -> Progress:
    if kit_status == "delivery_exception" or sample_status == "delivery_exception":
        return DELIVERY_EXCEPTION
    if sample_status == "collection_exception":
        return COLLECTION_EXCEPTION
    if kit_status == "canceled" or sample_status == "canceled":
        return CANCELED
    stage = _SAMPLE_STAGES.get(sample_status)
    if stage is not None:
        return stage
    if sample_status not in ("", "awaiting_collection"):
        return Progress(sample_status, "neutral", UNKNOWN_RANK)
    stage = _KIT_STAGES.get(kit_status)
    if stage is not None:
        return stage
    return Progress(kit_status, "neutral", UNKNOWN_RANK)


def progress_for(
    kit_statuses: Sequence[str], sample_statuses: Sequence[str], order_status: str = ""
) -> Progress:
    """One order's progress from its kits' statuses (parallel sequences, one entry per kit).

    See `_progress` for the rules; the few status combinations that occur are memoised.
    """
    return _progress(tuple(kit_statuses), tuple(sample_statuses), order_status)


@functools.lru_cache(maxsize=4096)
def _progress(
    kit_statuses: tuple[str, ...], sample_statuses: tuple[str, ...], order_status: str
) -> Progress:
    """One order's progress from its kits' statuses (parallel sequences, one entry per kit).

    Exceptions win (staff must act); then a status we do not know, shown as-is; then
    "Results ready" once every live sample is resulted, "Partially resulted" once any is;
    otherwise the least advanced live kit. Canceled kits count only when all are canceled.
    """
    if not kit_statuses:
        if order_status == "canceled":
            return CANCELED
        if order_status not in _KNOWN_ORDER_STATUSES:
            return Progress(order_status, "neutral", UNKNOWN_RANK)
        return AWAITING_FULFILMENT
    samples = list(sample_statuses) + [""] * (len(kit_statuses) - len(sample_statuses))
    stages = [_kit_progress(k or "", s or "") for k, s in zip(kit_statuses, samples, strict=False)]
    for stage in stages:
        if stage.tone == "warning":
            return stage
    for stage in stages:
        if stage.rank == UNKNOWN_RANK:
            return stage
    live = [stage for stage in stages if stage is not CANCELED]
    if not live:
        return CANCELED
    if all(stage is RESULTS_READY for stage in live):
        return RESULTS_READY
    if any(stage is RESULTS_READY or stage is PARTIALLY_RESULTED for stage in live):
        return PARTIALLY_RESULTED
    return min(live, key=lambda stage: stage.rank)


# Rows and their parts are plain slots dataclasses, not frozen ones: a frozen __init__ costs
# 3x more, and the list builds 100,000 of them. Treat them as read-only all the same.


@dataclass(slots=True)
class OrderInfo:
    """The order-level facts from ``GET /orders/`` (no kits)."""

    order_id: str
    status: str
    first_name: str
    last_name: str
    email: str
    phone: str
    state: str
    country: str
    created: datetime
    updated: datetime


@dataclass(slots=True)
class KitInfo:
    """One kit as ``GET /kits/`` summarises it."""

    kit_id: str
    kit_type: str
    order_id: str | None
    kit_status: str
    sample_status: str
    created: datetime
    updated: datetime


@dataclass(slots=True)
class OrderRow:
    """One line of the order list. Kit tuples are parallel: index i describes kit_ids[i].

    ``kit_updated`` is each kit's last update (when its current status began, at the latest);
    the needs-attention rules age statuses with it.
    """

    order_id: str
    status: str
    first_name: str
    last_name: str
    email: str
    phone: str
    state: str
    country: str
    created: datetime
    updated: datetime
    kit_ids: tuple[str, ...]
    kit_types: tuple[str, ...]
    kit_statuses: tuple[str, ...]
    sample_statuses: tuple[str, ...]
    progress: Progress
    search_text: str
    kit_updated: tuple[datetime, ...] = field(default=())


_NON_DIGITS = re.compile(r"\D+")


def phone_digits(phone: str) -> str:
    """The phone's digits without a leading NANP country code: "+1 (415) 555-0100" → 4155550100."""
    digits = _NON_DIGITS.sub("", phone)
    if len(digits) == 11 and digits.startswith("1"):
        return digits[1:]
    return digits


def build_row(
    order: OrderInfo, kits: Sequence[KitInfo], placed_kit_types: Sequence[str] = ()
) -> OrderRow:
    """Join an order with its kits into a list row (precomputing progress and search text)."""
    if kits:
        kit_ids = tuple([kit.kit_id for kit in kits])
        kit_statuses = tuple([kit.kit_status for kit in kits])
        sample_statuses = tuple([kit.sample_status for kit in kits])
        kit_types = tuple([kit.kit_type for kit in kits])
        kit_updated = tuple([kit.updated for kit in kits])
        search_ids = " ".join(kit_ids)
    else:
        kit_ids = kit_statuses = sample_statuses = ()
        kit_types = tuple(placed_kit_types)
        kit_updated = ()
        search_ids = ""
    search_text = (
        f"{order.first_name} {order.last_name} {order.email} {phone_digits(order.phone)} "
        f"{order.order_id} {search_ids}"
    ).lower()
    return OrderRow(
        order.order_id,
        order.status,
        order.first_name,
        order.last_name,
        order.email,
        order.phone,
        order.state,
        order.country,
        order.created,
        order.updated,
        kit_ids,
        kit_types,
        kit_statuses,
        sample_statuses,
        _progress(kit_statuses, sample_statuses, order.status),
        search_text,
        kit_updated,
    )


def needs_attention(row: OrderRow, now: datetime) -> list[str]:
    """Problems staff must act on (plain reasons, no patient details); [] if fine.

    Only problems: delivery and collection exceptions, kits delivered long ago and not
    registered, samples stuck on their way. Results waiting to be opened are not a problem
    and have their own view (`results_to_review`).
    """
    reasons: list[str] = []

    def add(reason: str) -> None:
        if reason not in reasons:
            reasons.append(reason)

    count = len(row.kit_ids)
    for index in range(count):
        kit_status = row.kit_statuses[index] if index < len(row.kit_statuses) else ""
        sample_status = row.sample_statuses[index] if index < len(row.sample_statuses) else ""
        since = row.kit_updated[index] if index < len(row.kit_updated) else row.updated
        stage = _kit_progress(kit_status or "", sample_status or "")
        # Reasons are shown as they are (a tooltip), so they come out in the UI language.
        if stage.tone == "warning":
            add(translate("Progress", stage.label))
        elif stage is KIT_DELIVERED and now - since > timedelta(days=DELIVERED_NOT_REGISTERED_DAYS):
            add(
                translate("Attention", "Kit delivered over {days} days ago, not registered").format(
                    days=DELIVERED_NOT_REGISTERED_DAYS
                )
            )
        elif stage is SAMPLE_ON_ITS_WAY and now - since > timedelta(days=SAMPLE_IN_TRANSIT_DAYS):
            add(
                translate("Attention", "Sample on its way to the lab for over {days} days").format(
                    days=SAMPLE_IN_TRANSIT_DAYS
                )
            )
    return reasons


def results_to_review(
    row: OrderRow, seen_kits: set[str], since: datetime | None = None
) -> tuple[str, ...]:
    """Kits of this order whose results are in and were not opened on this workstation.

    ``since``: results that came in before it are not new (a new workstation's first start:
    old results must not flood the view on day one).
    """
    kits: list[str] = []
    for index, kit_id in enumerate(row.kit_ids):
        sample_status = row.sample_statuses[index] if index < len(row.sample_statuses) else ""
        if sample_status not in RESULT_SAMPLE_STATUSES or kit_id in seen_kits:
            continue
        resulted = row.kit_updated[index] if index < len(row.kit_updated) else row.updated
        if since is not None and resulted < since:
            continue
        kits.append(kit_id)
    return tuple(kits)


def find_duplicates(
    rows: Iterable[OrderRow],
    recipient: dict[str, str],
    kit_types: Sequence[str],
    now: datetime,
    days: int = 30,
) -> list[OrderRow]:
    """Recent orders that look like the one being placed: same email, or same name and phone,
    with an overlapping kit type, created in the last ``days`` days. An order whose kit types
    we do not know yet (pending, placed elsewhere) counts as overlapping: better one question
    too many than a second kit shipped.
    """
    email = (recipient.get("email") or "").strip().lower()
    first = (recipient.get("first_name") or "").strip().lower()
    last = (recipient.get("last_name") or "").strip().lower()
    phone = phone_digits(recipient.get("phone") or "")
    wanted = set(kit_types)
    since = now - timedelta(days=days)
    found: list[OrderRow] = []
    for row in rows:
        if row.created < since or row.status == "canceled":
            continue
        same_email = bool(email) and row.email.strip().lower() == email
        same_person = (
            bool(first and last and phone)
            and row.first_name.strip().lower() == first
            and row.last_name.strip().lower() == last
            and phone_digits(row.phone) == phone
        )
        if not (same_email or same_person):
            continue
        if not row.kit_types or not wanted or wanted.intersection(row.kit_types):
            found.append(row)
    found.sort(key=lambda row: row.created, reverse=True)
    return found


