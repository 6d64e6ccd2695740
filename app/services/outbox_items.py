"""The outbox's vocabulary: constants, items and rows, errors, and the record the outbox keeps
per item (see `app.services.outbox` for how they are used)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Literal, Protocol

from app.api import errors as api_errors
from app.api import models
from app.marks import QT_TRANSLATE_NOOP
from app.services.errors import ServiceError

REF_KEY = "frontdesk_ref"
ItemState = Literal["queued", "sending", "sent", "needs_attention"]
# Why an item needs attention: Spot rejected fields / the token / something else / lookups
# kept failing while the order may exist / staff confirmed it is not at Spot.
Attention = Literal["", "fix_fields", "sign_in", "problem", "not_confirmed", "checked_absent"]
# What the Outbox window shows: "confirming" is a queued item that may exist at Spot.
Stage = Literal["queued", "sending", "confirming", "needs_attention", "sent"]
Action = Literal["retry", "fix", "discard", "check", "confirm_absent", "open"]

#: Seconds after an ambiguous attempt before a lookup may prove the order absent. Never
#: shortened, not even by benchmarks: it covers gateways and list endpoints lagging behind.
SETTLE_WINDOW_S = 120.0
#: When lookups run, in seconds after the last ambiguous attempt (growing intervals; the last
#: one is the window's end, whose "not found" allows a re-send).
LOOKUP_AT: tuple[float, ...] = (5.0, 15.0, 35.0, 75.0, SETTLE_WINDOW_S)
#: Consecutive failed lookups before the item needs attention instead of trying again.
MAX_LOOKUP_FAILURES = 8
#: Candidates a lookup will fetch before giving up (a patient with thousands of orders).
MAX_LOOKUP_CANDIDATES = 2000
LOOKUP_PAGE_SIZE = 100
#: Without the server's Date header, search this far before the first attempt's local date.
CLOCK_SKEW_DAYS = 2
SENT_KEPT_DAYS = 7  # sent items (with the patient's details) are dropped from disk after this
RECENT_SENT = timedelta(hours=24)  # sent items the Outbox window lists

COULDNT_CONFIRM = QT_TRANSLATE_NOOP(
    "Outbox", "Couldn't confirm with Spot whether this order exists"
)


class OutboxClient(Protocol):
    """The part of `app.api.SpotClient` the outbox uses. A client may also have
    ``server_time_offset`` (seconds from our clock to Spot's, from its ``Date`` header)."""

    def create_order(self, order: models.NewOrder) -> models.Order: ...

    def list_orders(
        self, *, email: str | None = ..., created_after: date | str | None = ...,
        results: int = ..., offset: int = ...,
    ) -> list[models.OrderSummary]: ...

    def get_order(self, order_id: str) -> models.Order: ...


@dataclass(frozen=True, slots=True)
class OutboxItem:
    """One order in the outbox. ``last_error`` is user text, PHI-free."""

    item_id: str
    state: ItemState
    order_id: str | None
    client_ref: str
    attempts: int
    field_errors: dict[str, list[str]]
    last_error: str
    created: datetime
    payload: models.NewOrder
    attention: Attention = ""
    # True while an earlier attempt may have created the order (checked before any re-send).
    unconfirmed: bool = False
    kit_types: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    """One row of the Outbox window: everything it shows, in words, and what it may do."""

    item_id: str
    stage: Stage
    state_text: str
    patient: str  # "Last, First · t•••@example.com": no full email, phone or address
    kit_types: tuple[str, ...]
    attempts: int
    last_error: str
    next_attempt: datetime | None  # when the sender tries (posts or looks up) next
    may_exist: bool  # an attempt may have created it at Spot: discard is refused
    attention: Attention
    order_id: str | None
    field_errors: dict[str, list[str]]
    created: datetime
    actions: frozenset[Action]


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """A decision staff made about an item (kept after the item is gone; no patient data
    unless staff typed it into the reason)."""

    item_id: str
    client_ref: str
    at: datetime
    action: str
    reason: str


class OutboxItemBusy(ServiceError):
    default_title = QT_TRANSLATE_NOOP("Errors", "This order is still being sent")
    default_advice = QT_TRANSLATE_NOOP(
        "Errors",
        "Wait until Spot has confirmed or rejected it; an earlier attempt may already have "
        "reached Spot.",
    )


class OutboxMayExist(OutboxItemBusy):
    default_title = QT_TRANSLATE_NOOP("Errors", "Spot may already have this order")
    default_advice = QT_TRANSLATE_NOOP(
        "Errors",
        "Check with Spot first. If you looked in Spot and it isn't there, say so (\"I checked: "
        "it isn't there\"); then it can be discarded.",
    )


class ReasonRequired(ServiceError):
    default_title = QT_TRANSLATE_NOOP("Errors", "Say how you checked")
    default_advice = QT_TRANSLATE_NOOP(
        "Errors", "Write a few words (where you looked, who confirmed it) for the record."
    )


class UnknownOutboxItem(ServiceError):
    default_title = QT_TRANSLATE_NOOP("Errors", "This order is no longer in the outbox")
    default_advice = QT_TRANSLATE_NOOP("Errors", "Refresh the list.")


@dataclass(slots=True)
class OutboxRecord:
    """What the outbox keeps per item besides the item itself (scheduling, lookups)."""

    item: OutboxItem
    first_attempt: datetime | None
    emails: list[str]  # every recipient email an attempt went out with (lookups search each)
    failures: int = 0  # consecutive failures, for the backoff
    due: float = 0.0  # clock() time of the next try (a POST, or a lookup while unconfirmed)
    last_ambiguous: float | None = None  # clock() time of the last ambiguous attempt
    lookups: int = 0  # lookups since the last ambiguous attempt (shown, not used for timing)
    lookup_failures: int = 0  # consecutive failed lookups
    sent_at: datetime | None = None


NETWORK_ERRORS = api_errors.SpotConnectionError | api_errors.SpotTimeout


def is_ambiguous(exc: BaseException) -> bool:
    """True when the request may have done its work at Spot although it failed: a 5xx, a 429
    without Retry-After, a timeout or dropped connection after the request may have left, a
    success whose body can't be read, or anything unexpected."""
    if isinstance(exc, api_errors.RateLimited):
        return exc.retry_after is None
    if isinstance(exc, api_errors.ServerError):
        return True
    if isinstance(exc, api_errors.SpotStatusError):
        return False  # 4xx (and an unexpected 3xx): Spot refused; nothing was created
    if isinstance(exc, NETWORK_ERRORS):
        return exc.maybe_delivered
    return True  # ResponseValidationError (an unreadable 2xx), or a bug: assume the worst


def next_lookup(last_ambiguous: float, now: float) -> float:
    """The clock time of the next scheduled lookup after ``now`` (the window's end at most)."""
    for after in LOOKUP_AT:
        if last_ambiguous + after > now:
            return last_ambiguous + after
    return now


def with_ref(order: models.NewOrder, client_ref: str) -> models.NewOrder:
    """A copy of ``order`` carrying ``client_ref`` in its metadata (what lookups match)."""
    metadata = dict(order.metadata or {})
    metadata[REF_KEY] = client_ref
    return order.model_copy(update={"metadata": metadata}, deep=True)

