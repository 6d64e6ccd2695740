"""The order outbox: every submitted order reaches Spot exactly once, even across crashes.

Submit writes the order to SQLite (0600, WAL, synchronous=FULL) with a client reference in
``metadata["frontdesk_ref"]`` before any network traffic. A sender (one plain thread, or
`send_pending()` called directly) posts it.

**Ambiguous failures.** A 5xx, a 429 without Retry-After, a dropped connection, a timeout once
the request may have left, or a success whose body can't be read all leave it unknown whether
Spot created the order: gateways answer 502/504 after the backend committed, and list/get can
lag behind writes. Such a failure starts a settle window of `SETTLE_WINDOW_S` seconds. Inside
it the sender looks the order up at growing intervals (`LOOKUP_AT`); a lookup that finds it
marks the item sent. The item is posted again only after a lookup *started* at least
`SETTLE_WINDOW_S` after the last ambiguous attempt found nothing. Until then the item "may
already exist at Spot" (``unconfirmed``): no later answer (a 400 to something else, a restart)
clears that, only such a lookup or a member of staff who checked ("I checked: it isn't there",
recorded in the audit table with their reason). Lookups that keep failing stop after
`MAX_LOOKUP_FAILURES` and the item needs attention ("Couldn't confirm with Spot whether this
order exists"); nothing retries forever without staff seeing it.

**The lookup** lists orders for each email an attempt went out with, as sent and lower-cased,
created since the day before the first attempt on Spot's clock (from the server's ``Date``
header when the client saw one, else three days back so a workstation clock off by two days
still finds it), every page, and fetches each candidate to match the client reference.

The "may exist" flag is written to disk *before* each POST, so a crash mid-request is treated
as an ambiguous attempt at the next start; so is quitting while a POST is in flight (`quit`
never waits for it).
"""

from __future__ import annotations

import json
import logging
import random
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, Literal, Protocol

from app.api import errors as api_errors
from app.api import models
from app.api.client import received_count
from app.marks import QT_TRANSLATE_NOOP
from app.services.errors import ServiceError, describe_error, translate
from app.services.private_db import open_private_db, tighten_permissions

__all__ = [
    "LOOKUP_AT",
    "MAX_LOOKUP_FAILURES",
    "REF_KEY",
    "SETTLE_WINDOW_S",
    "Action",
    "Attention",
    "AuditEntry",
    "ItemState",
    "Outbox",
    "OutboxClient",
    "OutboxEntry",
    "OutboxItem",
    "OutboxItemBusy",
    "OutboxMayExist",
    "ReasonRequired",
    "Stage",
    "UnknownOutboxItem",
    "is_ambiguous",
]

logger = logging.getLogger(__name__)

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
class _Record:
    item: OutboxItem
    first_attempt: datetime | None
    emails: list[str]  # every recipient email an attempt went out with (lookups search each)
    failures: int = 0  # consecutive failures, for the backoff
    due: float = 0.0  # clock() time of the next try (a POST, or a lookup while unconfirmed)
    last_ambiguous: float | None = None  # clock() time of the last ambiguous attempt
    lookups: int = 0  # lookups since the last ambiguous attempt (shown, not used for timing)
    lookup_failures: int = 0  # consecutive failed lookups
    sent_at: datetime | None = None


_SCHEMA = """
CREATE TABLE IF NOT EXISTS items (
    item_id TEXT PRIMARY KEY,
    client_ref TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL,
    order_id TEXT,
    attempts INTEGER NOT NULL,
    field_errors TEXT NOT NULL,
    last_error TEXT NOT NULL,
    attention TEXT NOT NULL,
    unconfirmed INTEGER NOT NULL,
    first_attempt TEXT,
    emails TEXT NOT NULL,
    created TEXT NOT NULL,
    payload TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS audit (
    item_id TEXT NOT NULL,
    client_ref TEXT NOT NULL,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    reason TEXT NOT NULL
);
"""
# Columns added after the first release: (name, declaration). Old files get them on open.
_ADDED_COLUMNS = (
    ("last_ambiguous", "REAL"),
    ("due", "REAL NOT NULL DEFAULT 0"),
    ("lookups", "INTEGER NOT NULL DEFAULT 0"),
    ("lookup_failures", "INTEGER NOT NULL DEFAULT 0"),
    ("sent_at", "TEXT"),
)
_COLUMNS = (
    "state", "order_id", "attempts", "field_errors", "last_error", "attention", "unconfirmed",
    "first_attempt", "emails", "created", "payload", "last_ambiguous", "due", "lookups",
    "lookup_failures", "sent_at",
)

_NETWORK = api_errors.SpotConnectionError | api_errors.SpotTimeout


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
    if isinstance(exc, _NETWORK):
        return exc.maybe_delivered
    return True  # ResponseValidationError (an unreadable 2xx), or a bug: assume the worst


class Outbox:
    """Durable queue of orders to place, with one sender.

    ``client`` may be None until sign-in (`set_client`). ``sleep`` is used by `drain`;
    ``clock`` (seconds, like time.time; a wall clock, because the settle window must hold
    across restarts) schedules retries: jittered, doubling from ``backoff_base`` up to
    ``backoff_cap``, at least Retry-After after a 429. The settle window is not a parameter.
    Callbacks given to `subscribe`/`watch` run on whichever thread changed the item (usually
    the sender thread): a window must hop to its own thread.
    """

    def __init__(
        self,
        db_path: Path,
        client: OutboxClient | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.time,
        jitter: Callable[[], float] = random.random,
        backoff_base: float = 2.0,
        backoff_cap: float = 120.0,
    ) -> None:
        self._db_path = db_path
        self._client = client
        self._sleep = sleep
        self._clock = clock
        self._jitter = jitter
        self._backoff_base = backoff_base
        self._backoff_cap = backoff_cap
        self._lock = threading.RLock()  # records and the database
        self._send_lock = threading.Lock()  # one sending pass at a time
        self._records: dict[str, _Record] = {}
        self._subscribers: list[Callable[[OutboxItem], None]] = []
        self._watchers: list[Callable[[str], None]] = []
        self._paused = False
        self._stamp: Callable[[models.NewOrder], models.NewOrder] | None = None
        self._closed = False
        self._posting = False  # the sender is waiting for a POST's answer
        self._hold_until = 0.0  # network down or rate limited: nobody sends before this
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._db = open_private_db(db_path)
        self._db.executescript(_SCHEMA)
        present = {row[1] for row in self._db.execute("PRAGMA table_info(items)")}
        for name, declaration in _ADDED_COLUMNS:
            if name not in present:
                self._db.execute(f"ALTER TABLE items ADD COLUMN {name} {declaration}")
        self._load()

    # -- public API: submitting and reading ----------------------------------------------

    def set_stamp(self, stamp: Callable[[models.NewOrder], models.NewOrder] | None) -> None:
        """Pass every submitted order through ``stamp`` first (e.g. who ordered it, into its
        metadata). ``stamp`` may raise to refuse the order (nobody signed in)."""
        self._stamp = stamp

    def submit(self, order: models.NewOrder) -> OutboxItem:
        """Store the order durably (call off the GUI thread), then wake the sender."""
        stamp = self._stamp
        if stamp is not None:
            order = stamp(order)
        client_ref = str(uuid.uuid4())
        item = OutboxItem(
            item_id=uuid.uuid4().hex,
            state="queued",
            order_id=None,
            client_ref=client_ref,
            attempts=0,
            field_errors={},
            last_error="",
            created=self._now(),
            payload=_with_ref(order, client_ref),
            kit_types=tuple(order.kit_types),
        )
        record = _Record(item=item, first_attempt=None, emails=[])
        with self._lock:
            self._write(record, insert=True)
            self._records[item.item_id] = record
        logger.info("outbox item %s queued", item.item_id)
        self._notify(item)
        self._wake.set()
        return item

    def items(self) -> list[OutboxItem]:
        """Every item, oldest first (from memory: cheap on any thread)."""
        with self._lock:
            return [record.item for record in self._records.values()]

    def get(self, item_id: str) -> OutboxItem | None:
        with self._lock:
            record = self._records.get(item_id)
            return record.item if record is not None else None

    def counts(self) -> tuple[int, int]:
        """(waiting to be sent, including in flight and being confirmed; needing attention)."""
        with self._lock:
            states = [record.item.state for record in self._records.values()]
        return (
            sum(1 for s in states if s in ("queued", "sending")),
            sum(1 for s in states if s == "needs_attention"),
        )

    def pending_count(self) -> int:
        """Orders not yet at Spot that the next start will send (for the quit message):
        queued, in flight, waiting to confirm. Items needing attention are not counted."""
        return self.counts()[0]

    def entries(self, *, sent_within: timedelta = RECENT_SENT) -> list[OutboxEntry]:
        """Every item the Outbox window lists, oldest first: all not yet sent, and those sent
        within ``sent_within``. From memory: cheap on any thread."""
        cutoff = self._now() - sent_within
        with self._lock:
            records = [
                record for record in self._records.values()
                if record.item.state != "sent" or (record.sent_at or record.item.created) >= cutoff
            ]
            return [self._entry(record) for record in records]

    def entry(self, item_id: str) -> OutboxEntry | None:
        """One row of the Outbox window, or None once the item is gone."""
        with self._lock:
            record = self._records.get(item_id)
            return self._entry(record) if record is not None else None

    def audit(self, item_id: str | None = None) -> list[AuditEntry]:
        """Staff decisions recorded so far (all, or one item's), oldest first."""
        with self._lock:
            query = "SELECT item_id, client_ref, at, action, reason FROM audit"
            args: tuple[str, ...] = ()
            if item_id is not None:
                query += " WHERE item_id = ?"
                args = (item_id,)
            rows = self._db.execute(query + " ORDER BY rowid", args).fetchall()
        return [
            AuditEntry(item_id=r[0], client_ref=r[1], at=datetime.fromisoformat(r[2]),
                       action=r[3], reason=r[4])
            for r in rows
        ]

    def subscribe(self, callback: Callable[[OutboxItem], None]) -> Callable[[], None]:
        """Call ``callback(item)`` after every change; returns a function that unsubscribes."""
        return self._add_listener(self._subscribers, callback)

    def watch(self, callback: Callable[[str], None]) -> Callable[[], None]:
        """Call ``callback(item_id)`` after every change *and* removal (discard): what a live
        list needs (`entry(item_id)` is None once removed). Returns the unsubscribe function."""
        return self._add_listener(self._watchers, callback)

    @property
    def paused(self) -> bool:
        """True after Spot rejected the token: nothing is sent until `set_client`/`resume`."""
        return self._paused

    # -- public API: what staff can do ---------------------------------------------------

    def set_client(self, client: OutboxClient | None) -> None:
        """Use a new client (after sign-in) and resume sending."""
        self._client = client
        if client is not None:
            self.resume()

    def resume(self) -> None:
        """Send again after a sign-in problem; items held for sign-in go back in the queue."""
        self._paused = False
        requeued: list[OutboxItem] = []
        with self._lock:
            for record in self._records.values():
                if record.item.attention == "sign_in":
                    requeued.append(
                        self._update(record, state="queued", attention="", last_error="")
                    )
                    record.due = 0.0
        for item in requeued:
            self._notify(item)
        self._wake.set()

    def retry(self, item_id: str) -> OutboxItem:
        """Retry now: an item waiting for its backoff or needing attention is tried at once.
        An item that may exist at Spot is looked up first; the settle window still holds
        (it is posted again only after a lookup at its end found nothing)."""
        with self._lock:
            record = self._record(item_id)
            if record.item.state in ("sent", "sending"):
                return record.item
            item = self._update(record, state="queued", attention="")
            record.failures = 0
            record.lookup_failures = 0
            record.due = 0.0
            self._hold_until = 0.0
        self._notify(item)
        self._wake.set()
        return item

    def check_now(self, item_id: str) -> OutboxItem:
        """Check with Spot now whether an item that may exist there does (a lookup at once)."""
        return self.retry(item_id)

    def confirm_absent(self, item_id: str, reason: str) -> OutboxItem:
        """Staff checked in Spot and the order is not there: clear "may exist" and record who
        said so and why (``reason``, required). The item then waits for staff to retry (a new
        POST) or discard it. Confirm in the UI before calling."""
        reason = reason.strip()
        if not reason:
            raise ReasonRequired()
        with self._lock:
            record = self._record(item_id)
            if record.item.state == "sending":
                raise OutboxItemBusy()
            if record.item.state == "sent":
                return record.item
            self._audit(record, "confirmed_absent", reason)
            record.last_ambiguous = None
            record.lookups = 0
            record.lookup_failures = 0
            item = self._update(
                record,
                state="needs_attention",
                attention="checked_absent",
                unconfirmed=False,
                last_error="",
            )
        logger.info("outbox item %s: staff confirmed it is not at Spot", item_id)
        self._notify(item)
        return item

    def resubmit(self, item_id: str, order: models.NewOrder) -> OutboxItem:
        """Fix and resend: replace the order (same client reference) and send. If an earlier
        attempt may have created the order it is still looked up first (under every email
        an attempt used), so a fix never makes a second kit."""
        with self._lock:
            record = self._record(item_id)
            if record.item.state != "needs_attention":
                raise OutboxItemBusy()
            item = self._update(
                record,
                state="queued",
                payload=_with_ref(order, record.item.client_ref),
                kit_types=tuple(order.kit_types),
                field_errors={},
                attention="",
                last_error="",
            )
            record.failures = 0
            record.lookup_failures = 0
            record.due = 0.0
        self._notify(item)
        self._wake.set()
        return item

    def discard(self, item_id: str, reason: str = "") -> None:
        """Drop an item. Refused while Spot may have it (sending, or an attempt unconfirmed)."""
        with self._lock:
            record = self._record(item_id)
            item = record.item
            if item.state == "sending":
                raise OutboxItemBusy()
            if item.unconfirmed and item.state != "sent":
                raise OutboxMayExist()
            if item.state != "sent":
                self._audit(record, "discarded", reason.strip())
            del self._records[item_id]
            self._db.execute("DELETE FROM items WHERE item_id = ?", (item_id,))
        logger.info("outbox item %s discarded", item_id)
        self._notify_watchers(item_id)

    # -- sending -------------------------------------------------------------------------

    def send_pending(self) -> float | None:
        """One pass: try each item that is due once. Returns the seconds until the next try
        is due, or None when nothing waits (or sending is paused / signed out)."""
        with self._send_lock:
            for item_id in self._due_ids():
                if (self._paused or self._client is None or self._stopping.is_set()
                        or self._clock() < self._hold_until):
                    break
                self._process(item_id)
            return self._next_delay()

    def drain(self, timeout: float | None = None) -> bool:
        """Send until nothing is queued (sleeping between tries); False if ``timeout`` ran out
        or sending is paused. For scripts and tests; the app uses `start`."""
        deadline = None if timeout is None else self._clock() + timeout
        while True:
            delay = self.send_pending()
            if delay is None:
                return self.counts()[0] == 0
            if deadline is not None and self._clock() + delay > deadline:
                return False
            self._sleep(delay)

    def start(self) -> None:
        """Start the sender thread (idempotent; a stopped thread still finishing its request
        carries on as the sender)."""
        self._stopping.clear()
        if self._thread is not None and self._thread.is_alive():
            self._wake.set()
            return
        self._thread = threading.Thread(target=self._run, name="outbox-sender", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 1.0) -> None:
        """Stop the sender thread. Never waits for a POST in flight: that item is marked
        ambiguous (looked up before any re-send) and the thread finishes on its own. Waits at
        most ``timeout`` for a thread between requests or in a lookup (a lookup changes
        nothing on disk until it ends, so leaving it behind is safe too)."""
        self._stopping.set()
        self._wake.set()
        self._abandon_in_flight()
        thread = self._thread
        if thread is not None and not self._posting:
            thread.join(timeout)
            if not thread.is_alive():
                self._thread = None

    def wake(self) -> None:
        """Try now (e.g. the network came back) instead of waiting out the backoff. Items
        that may exist at Spot get a lookup, never an early POST."""
        self._hold_until = 0.0
        with self._lock:
            for record in self._records.values():
                record.due = 0.0
        self._wake.set()

    def quit(self) -> int:
        """Stop and close without waiting for a POST in flight (the item is marked ambiguous
        on disk, so the next start checks with Spot before sending again). Returns how many
        orders wait for the next start (`pending_count`), for the quit message."""
        self.stop()
        pending = self.pending_count()
        with self._lock:
            if not self._closed:
                self._closed = True
                self._db.close()
        return pending

    def close(self) -> None:
        self.quit()

    def _run(self) -> None:
        while not self._stopping.is_set():
            self._wake.clear()
            try:
                delay = self.send_pending()
            except Exception as exc:  # noqa: BLE001 - the sender must outlive any bug
                logger.error("outbox sender pass failed: %s", type(exc).__name__)
                delay = self._backoff_cap
            if self._stopping.is_set():
                return
            self._wake.wait(timeout=delay)

    def _due_ids(self) -> list[str]:
        now = self._clock()
        with self._lock:
            return [
                item_id
                for item_id, record in self._records.items()
                if record.item.state == "queued" and record.due <= now
            ]

    def _next_delay(self) -> float | None:
        if self._paused or self._client is None:
            return None
        with self._lock:
            dues = [r.due for r in self._records.values() if r.item.state == "queued"]
        if not dues:
            return None
        return max(0.0, max(min(dues), self._hold_until) - self._clock())

    def _process(self, item_id: str) -> None:
        client = self._client
        with self._lock:
            record = self._records.get(item_id)
            if client is None or record is None or record.item.state != "queued":
                return
        if record.item.unconfirmed and not self._confirm_absent_or_sent(client, record):
            return
        with self._lock:
            if self._records.get(item_id) is not record or record.item.state != "queued":
                return  # discarded or changed while we looked it up
            if record.item.unconfirmed:
                return  # staff or a restart changed it meanwhile
            email = record.item.payload.recipient.email or ""
            if email and email not in record.emails:
                record.emails.append(email)
            if record.first_attempt is None:
                record.first_attempt = self._now()
            # On disk before the request leaves: a crash from here on means "look it up first".
            item = self._update(
                record, state="sending", attempts=record.item.attempts + 1, unconfirmed=True
            )
        logger.info("outbox item %s: POST attempt %d", item.item_id, item.attempts)
        self._notify(item)
        self._posting = True
        try:
            order = client.create_order(item.payload)
        except Exception as exc:  # noqa: BLE001 - every failure is handled by _post_failed
            failure: Exception | None = exc
        else:
            failure = None
        finally:
            self._posting = False
        if failure is not None:
            self._post_failed(record, failure)
            return
        self._sent(record, order.order_id, found_by_lookup=False)

    def _confirm_absent_or_sent(self, client: OutboxClient, record: _Record) -> bool:
        """Look the order up. True when a re-send is now safe: not found by a lookup started
        at least SETTLE_WINDOW_S after the last ambiguous attempt. Otherwise the record is
        marked sent (found) or rescheduled, and False is returned."""
        started = self._clock()
        try:
            order_id = self._lookup(client, record)
        except Exception as exc:  # noqa: BLE001 - every failure is handled by _lookup_failed
            self._lookup_failed(record, exc)
            return False
        if order_id is not None:
            self._sent(record, order_id, found_by_lookup=True)
            return False
        with self._lock:
            if self._records.get(record.item.item_id) is not record:
                return False
            if record.item.state != "queued" or not record.item.unconfirmed:
                return False
            record.lookups += 1
            record.lookup_failures = 0
            if record.last_ambiguous is None:  # never expected; fail safe: a window from now
                record.last_ambiguous = started
            last = record.last_ambiguous
            if started < last + SETTLE_WINDOW_S:
                record.due = _next_lookup(last, self._clock())
                item = self._update(record)
                logger.info(
                    "outbox item %s: not found yet (%.0f s into the settle window)",
                    item.item_id, started - last,
                )
            else:
                record.last_ambiguous = None
                record.lookups = 0
                item = self._update(record, unconfirmed=False)
                logger.info("outbox item %s: not at Spot after the settle window", item.item_id)
                return True
        self._notify(item)
        return False

    def _lookup(self, client: OutboxClient, record: _Record) -> str | None:
        """The order id if an earlier attempt created this order at Spot, else None."""
        since = self._lookup_since(client, record)
        with self._lock:
            taken = {
                r.item.order_id for r in self._records.values() if r.item.order_id is not None
            }
            emails = list(record.emails)
        ref = record.item.client_ref
        checked: set[str] = set()
        for email in _email_variants(emails):
            offset = 0
            while True:
                page = client.list_orders(
                    email=email, created_after=since, results=LOOKUP_PAGE_SIZE, offset=offset
                )
                for summary in page:
                    if summary.order_id in taken or summary.order_id in checked:
                        continue  # another of our items' order, or fetched already
                    checked.add(summary.order_id)
                    if len(checked) > MAX_LOOKUP_CANDIDATES:
                        raise _TooManyCandidates()
                    order = client.get_order(summary.order_id)
                    if (order.metadata or {}).get(REF_KEY) == ref:
                        return order.order_id
                # By what the server sent: a skipped unreadable record must not end the
                # lookup early (that could re-send an order Spot already has).
                received = received_count(page)
                if received < LOOKUP_PAGE_SIZE:
                    break
                offset += received
        logger.info("outbox item %s: lookup found no earlier order", record.item.item_id)
        return None

    def _lookup_since(self, client: OutboxClient, record: _Record) -> date:
        """``created_after`` for the lookup: the day before the first attempt on Spot's clock.
        Spot compares dates in its own time zone (not documented), hence a day's margin. With
        no ``Date`` header seen, the local date minus CLOCK_SKEW_DAYS more."""
        first = record.first_attempt or record.item.created
        offset = getattr(client, "server_time_offset", None)
        if isinstance(offset, int | float) and abs(offset) < 366 * 86400:
            return (first + timedelta(seconds=offset)).astimezone(UTC).date() - timedelta(days=1)
        return first.astimezone(UTC).date() - timedelta(days=1 + CLOCK_SKEW_DAYS)

    def _sent(self, record: _Record, order_id: str, *, found_by_lookup: bool) -> None:
        with self._lock:
            record.failures = 0
            record.last_ambiguous = None
            record.lookups = 0
            record.lookup_failures = 0
            record.sent_at = self._now()
            item = self._update(
                record,
                state="sent",
                order_id=order_id,
                unconfirmed=False,
                field_errors={},
                attention="",
                last_error="",
            )
        logger.info(
            "outbox item %s sent as order %s%s",
            item.item_id,
            order_id,
            " (found by lookup)" if found_by_lookup else "",
        )
        self._notify(item)

    def _log_failure(self, record: _Record, what: str, exc: Exception) -> None:
        status = getattr(exc, "status_code", None)
        logger.warning(
            "outbox item %s: %s failed with %s%s",
            record.item.item_id,
            what,
            type(exc).__name__,
            f" (HTTP {status})" if status is not None else "",
        )

    def _post_failed(self, record: _Record, exc: Exception) -> None:
        self._log_failure(record, "POST", exc)
        described = describe_error(exc)
        message = str(described)
        now = self._clock()
        with self._lock:
            if self._records.get(record.item.item_id) is not record:
                return
            if is_ambiguous(exc):
                # Spot may have it: settle, looking it up, before any re-send.
                record.last_ambiguous = now
                record.lookups = 0
                record.lookup_failures = 0
                record.failures += 1
                record.due = _next_lookup(now, now)
                if isinstance(exc, api_errors.RateLimited | _NETWORK):
                    self._hold_until = max(self._hold_until, now + self._backoff(record.failures))
                item = self._update(record, state="queued", last_error=message, unconfirmed=True)
                self._notify(item)
                return
            # Spot refused, or the request never left: this attempt created nothing. An
            # earlier ambiguous attempt still may have (not while the window rule holds, as
            # nothing is posted before a lookup proves absence; kept for safety).
            unconfirmed = record.last_ambiguous is not None
            if isinstance(exc, api_errors.BadRequest):
                item = self._update(
                    record,
                    state="needs_attention",
                    attention="fix_fields",
                    field_errors=described.field_errors,
                    last_error=message,
                    unconfirmed=unconfirmed,
                )
            elif isinstance(exc, api_errors.Unauthorized | api_errors.Forbidden):
                self._paused = True
                item = self._update(
                    record, state="needs_attention", attention="sign_in", last_error=message,
                    unconfirmed=unconfirmed,
                )
            elif isinstance(exc, api_errors.SpotStatusError) and not isinstance(
                exc, api_errors.RateLimited
            ):
                # 404, 405, a redirect…: retrying will not help; staff decide (retry/discard).
                item = self._update(
                    record, state="needs_attention", attention="problem", last_error=message,
                    unconfirmed=unconfirmed,
                )
            else:
                item = self._reschedule(record, exc, now, message, unconfirmed=unconfirmed)
        self._notify(item)

    def _lookup_failed(self, record: _Record, exc: Exception) -> None:
        self._log_failure(record, "lookup", exc)
        message = str(describe_error(exc))
        now = self._clock()
        with self._lock:
            if self._records.get(record.item.item_id) is not record:
                return
            if record.item.state != "queued":
                return
            if isinstance(exc, api_errors.Unauthorized | api_errors.Forbidden):
                self._paused = True
                item = self._update(
                    record, state="needs_attention", attention="sign_in", last_error=message
                )
            else:
                record.lookup_failures += 1
                if record.lookup_failures >= MAX_LOOKUP_FAILURES:
                    logger.warning(
                        "outbox item %s: gave up confirming after %d failed lookups",
                        record.item.item_id, record.lookup_failures,
                    )
                    item = self._update(
                        record,
                        state="needs_attention",
                        attention="not_confirmed",
                        last_error=translate("Outbox", COULDNT_CONFIRM),
                    )
                else:
                    item = self._reschedule(record, exc, now, message, unconfirmed=True,
                                            failures=record.lookup_failures)
        self._notify(item)

    def _reschedule(self, record: _Record, exc: Exception, now: float, message: str, *,
                    unconfirmed: bool, failures: int | None = None) -> OutboxItem:
        """Back off and try again (the item stays queued)."""
        if failures is None:
            record.failures += 1
            failures = record.failures
        delay = self._backoff(failures)
        if isinstance(exc, api_errors.RateLimited) and exc.retry_after is not None:
            delay = min(max(exc.retry_after, delay), self._backoff_cap)
        if isinstance(exc, api_errors.RateLimited | _NETWORK):
            # Not this order's fault: everyone waits.
            self._hold_until = max(self._hold_until, now + delay)
        record.due = now + delay
        return self._update(record, state="queued", last_error=message, unconfirmed=unconfirmed)

    def _backoff(self, failures: int) -> float:
        ceiling = min(self._backoff_cap, self._backoff_base * 2 ** min(failures - 1, 30))
        return ceiling * (0.5 + 0.5 * self._jitter())

    def _abandon_in_flight(self) -> None:
        """Mark the item whose POST is in flight as an ambiguous attempt (on disk): the
        sender may finish it later, or the process may end first."""
        abandoned: list[OutboxItem] = []
        now = self._clock()
        with self._lock:
            if self._closed:
                return
            for record in self._records.values():
                if record.item.state == "sending":
                    record.last_ambiguous = now
                    record.due = _next_lookup(now, now)
                    abandoned.append(self._update(record, state="queued", unconfirmed=True))
        for item in abandoned:
            logger.info("outbox item %s: left in flight at stop; checked at next start",
                        item.item_id)
            self._notify(item)

    # -- the Outbox window's rows --------------------------------------------------------

    def _entry(self, record: _Record) -> OutboxEntry:
        item = record.item
        stage: Stage = item.state
        if item.state == "queued" and item.unconfirmed:
            stage = "confirming"
        actions: set[Action] = set()
        if item.state == "sent":
            actions.add("open")
        elif item.state == "queued":
            actions.add("check" if item.unconfirmed else "retry")
            actions.add("confirm_absent" if item.unconfirmed else "discard")
        elif item.state == "needs_attention":
            if item.unconfirmed:
                actions |= {"check", "confirm_absent"}
            else:
                actions |= {"retry", "discard"}
            if item.attention in ("fix_fields", "problem", "checked_absent", "not_confirmed"):
                actions.add("fix")
        next_attempt = None
        if item.state == "queued":
            next_attempt = datetime.fromtimestamp(
                max(record.due, self._hold_until, self._clock()), UTC
            )
        return OutboxEntry(
            item_id=item.item_id,
            stage=stage,
            state_text=_state_text(item, stage),
            patient=_masked_patient(item.payload.recipient),
            kit_types=item.kit_types,
            attempts=item.attempts,
            last_error=item.last_error,
            next_attempt=next_attempt,
            may_exist=item.unconfirmed and item.state != "sent",
            attention=item.attention,
            order_id=item.order_id,
            field_errors=dict(item.field_errors),
            created=item.created,
            actions=frozenset(actions),
        )

    # -- storage -------------------------------------------------------------------------

    def _now(self) -> datetime:
        return datetime.fromtimestamp(self._clock(), UTC)

    def _record(self, item_id: str) -> _Record:
        record = self._records.get(item_id)
        if record is None:
            raise UnknownOutboxItem()
        return record

    def _update(self, record: _Record, **changes: Any) -> OutboxItem:
        record.item = replace(record.item, **changes)
        self._write(record)
        return record.item

    def _audit(self, record: _Record, action: str, reason: str) -> None:
        self._db.execute(
            "INSERT INTO audit (item_id, client_ref, at, action, reason) VALUES (?,?,?,?,?)",
            (record.item.item_id, record.item.client_ref, self._now().isoformat(), action,
             reason),
        )

    def _write(self, record: _Record, *, insert: bool = False) -> None:
        if self._closed:
            return  # quit while a POST was in flight: the file keeps "may exist"
        item = record.item
        row = (
            item.state,
            item.order_id,
            item.attempts,
            json.dumps(item.field_errors),
            item.last_error,
            item.attention,
            int(item.unconfirmed),
            record.first_attempt.isoformat() if record.first_attempt else None,
            json.dumps(record.emails),
            item.created.isoformat(),
            json.dumps(item.payload.model_dump(mode="json", exclude_none=True)),
            record.last_ambiguous,
            record.due,
            record.lookups,
            record.lookup_failures,
            record.sent_at.isoformat() if record.sent_at else None,
        )
        if insert:
            names = ", ".join((*_COLUMNS, "item_id", "client_ref"))
            marks = ",".join("?" * (len(_COLUMNS) + 2))
            self._db.execute(
                f"INSERT INTO items ({names}) VALUES ({marks})",
                (*row, item.item_id, item.client_ref),
            )
            tighten_permissions(self._db_path)
        else:
            sets = ", ".join(f"{name}=?" for name in _COLUMNS)
            self._db.execute(f"UPDATE items SET {sets} WHERE item_id=?", (*row, item.item_id))

    def _load(self) -> None:
        now = self._clock()
        cutoff = self._now() - timedelta(days=SENT_KEPT_DAYS)
        with self._lock:
            rows = self._db.execute(
                "SELECT item_id, client_ref, " + ", ".join(_COLUMNS)
                + " FROM items ORDER BY created, rowid"
            ).fetchall()
            for row in rows:
                record = _record_from_row(row)
                item = record.item
                if item.state == "sent" and item.created < cutoff:
                    self._db.execute("DELETE FROM items WHERE item_id = ?", (item.item_id,))
                    continue
                self._records[item.item_id] = record
                if item.state == "sending":
                    # We stopped mid-request: the order may be at Spot, or still on its way
                    # in. An ambiguous attempt ending now: settle, look up, then re-send.
                    record.last_ambiguous = now
                    record.due = _next_lookup(now, now)
                    self._update(record, state="queued", unconfirmed=True)
                elif item.unconfirmed and record.last_ambiguous is None:
                    # A file from before the settle window existed: start one now.
                    record.last_ambiguous = now
                    record.due = _next_lookup(now, now)
                    self._update(record)
            resumed = sum(1 for r in self._records.values() if r.item.state == "queued")
        if resumed:
            logger.info("outbox resumed with %d queued item(s)", resumed)

    def _add_listener[T](self, listeners: list[T], callback: T) -> Callable[[], None]:
        with self._lock:
            listeners.append(callback)

        def unsubscribe() -> None:
            with self._lock:
                if callback in listeners:
                    listeners.remove(callback)

        return unsubscribe

    def _notify(self, item: OutboxItem) -> None:
        if self._closed:
            return
        self._call_each(self._subscribers, item)
        self._notify_watchers(item.item_id)

    def _notify_watchers(self, item_id: str) -> None:
        """Tell watchers ``item_id`` changed (or is gone)."""
        self._call_each(self._watchers, item_id)

    def _call_each[A](self, listeners: list[Callable[[A], None]], argument: A) -> None:
        with self._lock:
            listeners = list(listeners)
        for callback in listeners:
            try:
                callback(argument)
            except Exception as exc:  # noqa: BLE001 - a broken listener must not stop sending
                logger.error("outbox listener failed: %s", type(exc).__name__)


class _TooManyCandidates(Exception):
    """The lookup would fetch more orders than MAX_LOOKUP_CANDIDATES (counts as a failure)."""


def _next_lookup(last_ambiguous: float, now: float) -> float:
    """The clock time of the next scheduled lookup after ``now`` (the window's end at most)."""
    for after in LOOKUP_AT:
        if last_ambiguous + after > now:
            return last_ambiguous + after
    return now


def _email_variants(emails: list[str]) -> list[str]:
    """Each email as sent, then lower-cased, without repeats (a server that matches
    case-sensitively finds the order under one of them)."""
    variants: list[str] = []
    for email in emails:
        for variant in (email, email.lower()):
            if variant and variant not in variants:
                variants.append(variant)
    return variants


def _masked_patient(recipient: models.Recipient) -> str:
    """"Last, First · t•••@example.com": enough for staff to recognise the order, no more."""
    name = f"{recipient.last_name or ''}, {recipient.first_name or ''}".strip(", ")
    email = recipient.email or ""
    local, at, domain = email.partition("@")
    masked = f"{local[:1]}•••{at}{domain}" if at else ""
    return " · ".join(part for part in (name, masked) if part)


_STAGE_TEXT = {
    "queued": QT_TRANSLATE_NOOP("Outbox", "Waiting to be sent"),
    "retrying": QT_TRANSLATE_NOOP("Outbox", "Not sent yet; will try again"),
    "sending": QT_TRANSLATE_NOOP("Outbox", "Sending to Spot…"),
    "confirming": QT_TRANSLATE_NOOP(
        "Outbox", "Waiting to confirm: Spot may already have it; checking before sending again"
    ),
    "sent": QT_TRANSLATE_NOOP("Outbox", "Sent"),
    "fix_fields": QT_TRANSLATE_NOOP("Outbox", "Spot didn't accept the details: fix and resend"),
    "sign_in": QT_TRANSLATE_NOOP("Outbox", "Waiting for you to sign in again"),
    "problem": QT_TRANSLATE_NOOP("Outbox", "Spot refused it: retry or discard"),
    "not_confirmed": COULDNT_CONFIRM,
    "checked_absent": QT_TRANSLATE_NOOP(
        "Outbox", "You checked: it isn't at Spot. Send it again or discard it"
    ),
    "needs_attention": QT_TRANSLATE_NOOP("Outbox", "Needs attention"),
}


def _state_text(item: OutboxItem, stage: Stage) -> str:
    key: str = stage
    if stage == "queued" and item.attempts and item.last_error:
        key = "retrying"
    elif stage == "needs_attention" and item.attention:
        key = item.attention
    text = translate("Outbox", _STAGE_TEXT[key])
    if stage == "sent" and item.order_id:
        text = f"{text}: {item.order_id}"
    return text


def _with_ref(order: models.NewOrder, client_ref: str) -> models.NewOrder:
    metadata = dict(order.metadata or {})
    metadata[REF_KEY] = client_ref
    return order.model_copy(update={"metadata": metadata}, deep=True)


def _record_from_row(row: sqlite3.Row | tuple[Any, ...]) -> _Record:
    (item_id, client_ref, state, order_id, attempts, field_errors, last_error, attention,
     unconfirmed, first_attempt, emails, created, payload, last_ambiguous, due, lookups,
     lookup_failures, sent_at) = row
    order = models.NewOrder.model_validate(json.loads(payload))
    item = OutboxItem(
        item_id=item_id,
        state=state,
        order_id=order_id,
        client_ref=client_ref,
        attempts=attempts,
        field_errors=json.loads(field_errors),
        last_error=last_error,
        created=datetime.fromisoformat(created),
        payload=order,
        attention=attention,
        unconfirmed=bool(unconfirmed),
        kit_types=tuple(order.kit_types),
    )
    return _Record(
        item=item,
        first_attempt=datetime.fromisoformat(first_attempt) if first_attempt else None,
        emails=list(json.loads(emails)),
        due=float(due or 0.0),
        last_ambiguous=float(last_ambiguous) if last_ambiguous is not None else None,
        lookups=int(lookups or 0),
        lookup_failures=int(lookup_failures or 0),
        sent_at=datetime.fromisoformat(sent_at) if sent_at else None,
    )
