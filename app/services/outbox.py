"""The order outbox: every submitted order reaches Spot exactly once, even across crashes.

Submit writes the order to SQLite (0600, WAL, synchronous=FULL) with a client reference in
``metadata["frontdesk_ref"]`` before any network traffic. A sender (one plain thread, or
`send_pending()` called directly) posts it. After an ambiguous failure (timeout, dropped
connection, 5xx, 429, an unreadable 201) the order may exist at Spot, so before posting again the
sender looks it up: orders for the recipient's email created since the day before the first
attempt, fetched one by one and matched on the client reference. The "may exist" flag is
written to disk *before* each POST, so a crash mid-request is treated the same way on restart.
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
from app.services.errors import ServiceError, describe_error
from app.services.private_db import open_private_db, tighten_permissions

__all__ = [
    "REF_KEY",
    "Attention",
    "ItemState",
    "Outbox",
    "OutboxClient",
    "OutboxItem",
    "OutboxItemBusy",
    "UnknownOutboxItem",
]

logger = logging.getLogger(__name__)

REF_KEY = "frontdesk_ref"
ItemState = Literal["queued", "sending", "sent", "needs_attention"]
# Why an item needs attention: Spot rejected fields / the token / something else.
Attention = Literal["", "fix_fields", "sign_in", "problem"]

LOOKUP_PAGE_SIZE = 100
SENT_KEPT_DAYS = 7  # sent items (with the patient's details) are dropped from disk after this


class OutboxClient(Protocol):
    """The part of `app.api.SpotClient` the outbox uses."""

    def create_order(self, order: models.NewOrder) -> models.Order: ...

    def list_orders(
        self, *, email: str | None = ..., created_after: date | str | None = ...,
        results: int = ..., offset: int = ...,
    ) -> list[models.OrderSummary]: ...

    def get_order(self, order_id: str) -> models.Order: ...


@dataclass(frozen=True, slots=True)
class OutboxItem:
    """One order in the outbox as the UI sees it. ``last_error`` is user text, PHI-free."""

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


class OutboxItemBusy(ServiceError):
    default_title = QT_TRANSLATE_NOOP("Errors", "This order is still being sent")
    default_advice = QT_TRANSLATE_NOOP(
        "Errors",
        "Wait until Spot has confirmed or rejected it; an earlier attempt may already have "
        "reached Spot.",
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
    due: float = 0.0  # clock() time of the next try
    settle_until: float = 0.0  # no lookup before this, even when woken (see settle_delay)


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
"""

_NETWORK = api_errors.SpotConnectionError | api_errors.SpotTimeout


class Outbox:
    """Durable queue of orders to place, with one sender.

    ``client`` may be None until sign-in (`set_client`). ``sleep`` is used by `drain`;
    ``clock`` (seconds, like time.time) schedules retries: jittered, doubling from
    ``backoff_base`` up to ``backoff_cap``, at least Retry-After after a 429, and at least
    ``settle_delay`` after a POST timed out (before looking the order up). Callbacks given
    to `subscribe` run on whichever thread changed the item (usually the sender thread).
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
        settle_delay: float = 30.0,
    ) -> None:
        self._db_path = db_path
        self._client = client
        self._sleep = sleep
        self._clock = clock
        self._jitter = jitter
        self._backoff_base = backoff_base
        self._backoff_cap = backoff_cap
        self._settle_delay = settle_delay
        self._lock = threading.RLock()  # records and the database
        self._send_lock = threading.Lock()  # one sending pass at a time
        self._records: dict[str, _Record] = {}
        self._subscribers: list[Callable[[OutboxItem], None]] = []
        self._paused = False
        self._stamp: Callable[[models.NewOrder], models.NewOrder] | None = None
        self._hold_until = 0.0  # network down or rate limited: nobody sends before this
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._db = open_private_db(db_path)
        self._db.executescript(_SCHEMA)
        self._load()

    # -- public API ----------------------------------------------------------------------

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
        """(waiting to be sent, including in flight; needing attention)."""
        with self._lock:
            states = [record.item.state for record in self._records.values()]
        return (
            sum(1 for s in states if s in ("queued", "sending")),
            sum(1 for s in states if s == "needs_attention"),
        )

    def subscribe(self, callback: Callable[[OutboxItem], None]) -> Callable[[], None]:
        """Call ``callback(item)`` after every change; returns a function that unsubscribes."""
        with self._lock:
            self._subscribers.append(callback)

        def unsubscribe() -> None:
            with self._lock:
                if callback in self._subscribers:
                    self._subscribers.remove(callback)

        return unsubscribe

    @property
    def paused(self) -> bool:
        """True after Spot rejected the token: nothing is sent until `set_client`/`resume`."""
        return self._paused

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
        """Put an item that hit an unexpected problem back in the queue as it is."""
        with self._lock:
            record = self._record(item_id)
            if record.item.state != "needs_attention":
                return record.item
            item = self._update(record, state="queued", attention="", last_error="")
            record.failures = 0
            record.due = 0.0
        self._notify(item)
        self._wake.set()
        return item

    def resubmit(self, item_id: str, order: models.NewOrder) -> OutboxItem:
        """Replace a rejected order with the corrected one (same client reference) and send."""
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
            record.due = 0.0
        self._notify(item)
        self._wake.set()
        return item

    def discard(self, item_id: str) -> None:
        """Drop an item. Refused while Spot may have it (sending, or an attempt unconfirmed)."""
        with self._lock:
            record = self._record(item_id)
            item = record.item
            if item.state == "sending" or (item.unconfirmed and item.state != "sent"):
                raise OutboxItemBusy()
            del self._records[item_id]
            self._db.execute("DELETE FROM items WHERE item_id = ?", (item_id,))
        logger.info("outbox item %s discarded", item_id)

    # -- sending -------------------------------------------------------------------------

    def send_pending(self) -> float | None:
        """One pass: try each item that is due once. Returns the seconds until the next try
        is due, or None when nothing waits (or sending is paused / signed out)."""
        with self._send_lock:
            for item_id in self._due_ids():
                if self._paused or self._client is None or self._clock() < self._hold_until:
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
        """Start the sender thread (idempotent)."""
        if self._thread is not None and self._thread.is_alive():
            return
        self._stopping.clear()
        self._thread = threading.Thread(target=self._run, name="outbox-sender", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the sender thread after its current request; queued items stay on disk."""
        self._stopping.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def wake(self) -> None:
        """Try now (e.g. the network came back) instead of waiting out the backoff."""
        self._hold_until = 0.0
        with self._lock:
            for record in self._records.values():
                record.due = 0.0
        self._wake.set()

    def close(self) -> None:
        self.stop()
        with self._lock:
            self._db.close()

    def _run(self) -> None:
        while not self._stopping.is_set():
            self._wake.clear()
            try:
                delay = self.send_pending()
            except Exception as exc:  # noqa: BLE001 - the sender must outlive any bug
                logger.error("outbox sender pass failed: %s", type(exc).__name__)
                delay = self._backoff_cap
            self._wake.wait(timeout=delay)

    def _due_ids(self) -> list[str]:
        now = self._clock()
        with self._lock:
            return [
                item_id
                for item_id, record in self._records.items()
                if record.item.state == "queued" and max(record.due, record.settle_until) <= now
            ]

    def _next_delay(self) -> float | None:
        if self._paused or self._client is None:
            return None
        with self._lock:
            dues = [
                max(r.due, r.settle_until)
                for r in self._records.values()
                if r.item.state == "queued"
            ]
        if not dues:
            return None
        return max(0.0, max(min(dues), self._hold_until) - self._clock())

    def _process(self, item_id: str) -> None:
        client = self._client
        with self._lock:
            record = self._records.get(item_id)
            if client is None or record is None or record.item.state != "queued":
                return
        if record.item.unconfirmed:
            try:
                order_id = self._lookup(client, record)
            except Exception as exc:  # noqa: BLE001 - every failure is handled by _failed
                self._failed(record, exc, during_lookup=True)
                return
            if order_id is not None:
                self._sent(record, order_id, found_by_lookup=True)
                return
            # Not at Spot: the earlier attempt did not create it, so posting again is safe.
        with self._lock:
            if self._records.get(item_id) is not record or record.item.state != "queued":
                return  # discarded or changed while we looked it up
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
        try:
            order = client.create_order(item.payload)
        except Exception as exc:  # noqa: BLE001 - every failure is handled by _failed
            self._failed(record, exc, during_lookup=False)
            return
        self._sent(record, order.order_id, found_by_lookup=False)

    def _lookup(self, client: OutboxClient, record: _Record) -> str | None:
        """The order id if an earlier attempt created this order at Spot, else None."""
        first = record.first_attempt or record.item.created
        # created_after is a date (inclusive) in the server's time zone: a day early is safe.
        since = first.astimezone(UTC).date() - timedelta(days=1)
        with self._lock:
            taken = {
                r.item.order_id for r in self._records.values() if r.item.order_id is not None
            }
        ref = record.item.client_ref
        for email in record.emails:
            offset = 0
            while True:
                page = client.list_orders(
                    email=email, created_after=since, results=LOOKUP_PAGE_SIZE, offset=offset
                )
                for summary in page:
                    if summary.order_id in taken:
                        continue  # another of our items' order: not this one
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

    def _sent(self, record: _Record, order_id: str, *, found_by_lookup: bool) -> None:
        with self._lock:
            item = self._update(
                record,
                state="sent",
                order_id=order_id,
                unconfirmed=False,
                field_errors={},
                attention="",
                last_error="",
            )
            record.failures = 0
        logger.info(
            "outbox item %s sent as order %s%s",
            item.item_id,
            order_id,
            " (found by lookup)" if found_by_lookup else "",
        )
        self._notify(item)

    def _failed(self, record: _Record, exc: Exception, *, during_lookup: bool) -> None:
        status = getattr(exc, "status_code", None)
        logger.warning(
            "outbox item %s: %s failed with %s%s",
            record.item.item_id,
            "lookup" if during_lookup else "POST",
            type(exc).__name__,
            f" (HTTP {status})" if status is not None else "",
        )
        described = describe_error(exc)
        message = str(described)
        now = self._clock()
        with self._lock:
            # A 4xx answer to the POST means this attempt created nothing. Anything else leaves
            # it unknown whether Spot has the order; that includes 429, whose semantics Spot
            # does not document (a limiter in front of the work, or behind it?).
            definite = (
                not during_lookup
                and isinstance(exc, api_errors.SpotStatusError)
                and not isinstance(exc, api_errors.ServerError | api_errors.RateLimited)
            )
            unconfirmed = record.item.unconfirmed and not definite
            if isinstance(exc, api_errors.BadRequest) and not during_lookup:
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
                    record,
                    state="needs_attention",
                    attention="sign_in",
                    last_error=message,
                    unconfirmed=unconfirmed,
                )
            elif isinstance(exc, api_errors.SpotStatusError) and not isinstance(
                exc, api_errors.RateLimited | api_errors.ServerError
            ):
                # 404, 405, a redirect…: retrying will not help; staff decide (retry/discard).
                item = self._update(
                    record,
                    state="needs_attention",
                    attention="problem",
                    last_error=message,
                    unconfirmed=unconfirmed,
                )
            else:
                record.failures += 1
                delay = self._backoff(record.failures)
                if isinstance(exc, api_errors.RateLimited) and exc.retry_after is not None:
                    delay = min(max(exc.retry_after, delay), self._backoff_cap)
                if isinstance(exc, api_errors.RateLimited | _NETWORK):
                    # Not this order's fault: everyone waits.
                    self._hold_until = max(self._hold_until, now + delay)
                if isinstance(exc, api_errors.SpotTimeout) and not during_lookup:
                    # Spot may still be working on the POST we gave up on; a lookup made
                    # before it finishes would miss it and the re-send would duplicate it.
                    record.settle_until = now + self._settle_delay
                record.due = now + delay
                item = self._update(
                    record,
                    state="queued",
                    last_error=message,
                    unconfirmed=unconfirmed,
                )
        self._notify(item)

    def _backoff(self, failures: int) -> float:
        ceiling = min(self._backoff_cap, self._backoff_base * 2 ** min(failures - 1, 30))
        return ceiling * (0.5 + 0.5 * self._jitter())

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

    def _write(self, record: _Record, *, insert: bool = False) -> None:
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
        )
        if insert:
            self._db.execute(
                "INSERT INTO items (state, order_id, attempts, field_errors, last_error,"
                " attention, unconfirmed, first_attempt, emails, created, payload, item_id,"
                " client_ref) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (*row, item.item_id, item.client_ref),
            )
            tighten_permissions(self._db_path)
        else:
            self._db.execute(
                "UPDATE items SET state=?, order_id=?, attempts=?, field_errors=?, last_error=?,"
                " attention=?, unconfirmed=?, first_attempt=?, emails=?, created=?, payload=?"
                " WHERE item_id=?",
                (*row, item.item_id),
            )

    def _load(self) -> None:
        cutoff = self._now() - timedelta(days=SENT_KEPT_DAYS)
        with self._lock:
            rows = self._db.execute(
                "SELECT item_id, client_ref, state, order_id, attempts, field_errors,"
                " last_error, attention, unconfirmed, first_attempt, emails, created, payload"
                " FROM items ORDER BY created, rowid"
            ).fetchall()
            for row in rows:
                record = _record_from_row(row)
                item = record.item
                if item.state == "sent" and item.created < cutoff:
                    self._db.execute("DELETE FROM items WHERE item_id = ?", (item.item_id,))
                    continue
                self._records[item.item_id] = record
                if item.state == "sending":
                    # We stopped mid-request: the order may be at Spot (or still on its way
                    # in). Give it time, then look it up before sending again.
                    self._update(record, state="queued", unconfirmed=True)
                    record.settle_until = self._clock() + self._settle_delay
            resumed = sum(1 for r in self._records.values() if r.item.state == "queued")
        if resumed:
            logger.info("outbox resumed with %d queued item(s)", resumed)

    def _notify(self, item: OutboxItem) -> None:
        with self._lock:
            subscribers = list(self._subscribers)
        for callback in subscribers:
            try:
                callback(item)
            except Exception as exc:  # noqa: BLE001 - a broken listener must not stop sending
                logger.error("outbox subscriber failed: %s", type(exc).__name__)


def _with_ref(order: models.NewOrder, client_ref: str) -> models.NewOrder:
    metadata = dict(order.metadata or {})
    metadata[REF_KEY] = client_ref
    return order.model_copy(update={"metadata": metadata}, deep=True)


def _record_from_row(row: sqlite3.Row | tuple[Any, ...]) -> _Record:
    (item_id, client_ref, state, order_id, attempts, field_errors, last_error, attention,
     unconfirmed, first_attempt, emails, created, payload) = row
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
    )
