"""The order outbox: every submitted order reaches Spot exactly once, even across crashes.

Submit writes the order to SQLite (0600, WAL, synchronous=FULL; encrypted with the data
folder's ``key``, see `outbox_store`) with a client reference in
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

The pieces: `outbox_items` (constants, items, errors), `outbox_store` (the SQLite file),
`outbox_ledger` (records in memory, listeners), `outbox_lookup` (finding an order at Spot),
`outbox_sender` (posting, settling, backing off; the thread) and `outbox_entries` (the Outbox
window's rows). `Outbox` puts them together behind one API.
"""

from __future__ import annotations

import logging
import random
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from app.api import models
from app.services.outbox_entries import entry_for
from app.services.outbox_items import (
    LOOKUP_AT,
    MAX_LOOKUP_FAILURES,
    RECENT_SENT,
    REF_KEY,
    SENT_KEPT_DAYS,
    SETTLE_WINDOW_S,
    Action,
    Attention,
    AuditEntry,
    ItemState,
    OutboxClient,
    OutboxEntry,
    OutboxItem,
    OutboxItemBusy,
    OutboxMayExist,
    OutboxRecord,
    ReasonRequired,
    Stage,
    UnknownOutboxItem,
    is_ambiguous,
    with_ref,
)
from app.services.outbox_ledger import OutboxLedger
from app.services.outbox_sender import OutboxSender

if TYPE_CHECKING:
    from app.services.data_key import DataKey

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
        key: DataKey | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.time,
        jitter: Callable[[], float] = random.random,
        backoff_base: float = 2.0,
        backoff_cap: float = 120.0,
    ) -> None:
        self._sleep = sleep
        self._clock = clock
        self._stamp: Callable[[models.NewOrder], models.NewOrder] | None = None
        self._ledger = OutboxLedger(db_path, clock, key)
        self._lock = self._ledger.lock
        self._records = self._ledger.records
        self._sender = OutboxSender(
            self._ledger, client, clock=clock, jitter=jitter, backoff_base=backoff_base,
            backoff_cap=backoff_cap,
        )
        self._ledger.load(self._ledger.now() - timedelta(days=SENT_KEPT_DAYS))

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
            created=self._ledger.now(),
            payload=with_ref(order, client_ref),
            kit_types=tuple(order.kit_types),
        )
        record = OutboxRecord(item=item, first_attempt=None, emails=[])
        with self._lock:
            self._ledger.add(record)
        logger.info("outbox item %s queued", item.item_id)
        self._ledger.notify(item)
        self._sender.poke()
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

    @property
    def unreadable_items(self) -> int:
        """Unsent orders in a file this workstation's key could not open (set aside, not
        deleted; ``UNKNOWN_COUNT`` if how many is unknown); 0 if none."""
        return self._ledger.store.unreadable_items

    def forget_sent_before(self, cutoff: float) -> int:
        """Delete sent items sent before ``cutoff`` (epoch seconds): they hold the patient's
        details (retention, hourly). Returns how many went."""
        limit = datetime.fromtimestamp(cutoff, UTC)
        with self._lock:
            gone = [
                item_id for item_id, record in self._records.items()
                if record.item.state == "sent" and (record.sent_at or record.item.created) < limit
            ]
            for item_id in gone:
                self._ledger.remove(item_id)
        for item_id in gone:
            self._ledger.notify_watchers(item_id)
        return len(gone)

    def entries(self, *, sent_within: timedelta = RECENT_SENT) -> list[OutboxEntry]:
        """Every item the Outbox window lists, oldest first: all not yet sent, and those sent
        within ``sent_within``. From memory: cheap on any thread."""
        cutoff = self._ledger.now() - sent_within
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
            return self._ledger.store.audit(item_id)

    def subscribe(self, callback: Callable[[OutboxItem], None]) -> Callable[[], None]:
        """Call ``callback(item)`` after every change; returns a function that unsubscribes."""
        return self._ledger.subscribe(callback)

    def watch(self, callback: Callable[[str], None]) -> Callable[[], None]:
        """Call ``callback(item_id)`` after every change *and* removal (discard): what a live
        list needs (`entry(item_id)` is None once removed). Returns the unsubscribe function."""
        return self._ledger.watch(callback)

    @property
    def paused(self) -> bool:
        """True after Spot rejected the token: nothing is sent until `set_client`/`resume`."""
        return self._sender.paused

    # -- public API: what staff can do ---------------------------------------------------

    def set_client(self, client: OutboxClient | None, *, resume: bool = True) -> None:
        """Use a new client and, after a sign-in (``resume``), resume sending items held for
        it. A new route to the same server (another proxy) passes ``resume=False``."""
        self._sender.client = client
        if client is not None and resume:
            self.resume()

    def resume(self) -> None:
        """Send again after a sign-in problem; items held for sign-in go back in the queue."""
        self._sender.paused = False
        requeued: list[OutboxItem] = []
        with self._lock:
            for record in self._records.values():
                if record.item.attention == "sign_in":
                    requeued.append(
                        self._ledger.update(record, state="queued", attention="", last_error="")
                    )
                    record.due = 0.0
        for item in requeued:
            self._ledger.notify(item)
        self._sender.poke()

    def retry(self, item_id: str) -> OutboxItem:
        """Retry now: an item waiting for its backoff or needing attention is tried at once.
        An item that may exist at Spot is looked up first; the settle window still holds
        (it is posted again only after a lookup at its end found nothing)."""
        with self._lock:
            record = self._ledger.record(item_id)
            if record.item.state in ("sent", "sending"):
                return record.item
            item = self._ledger.update(record, state="queued", attention="")
            record.failures = 0
            record.lookup_failures = 0
            record.due = 0.0
            self._sender.hold_until = 0.0
        self._ledger.notify(item)
        self._sender.poke()
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
            record = self._ledger.record(item_id)
            if record.item.state == "sending":
                raise OutboxItemBusy()
            if record.item.state == "sent":
                return record.item
            self._ledger.audit(record, "confirmed_absent", reason)
            record.last_ambiguous = None
            record.lookups = 0
            record.lookup_failures = 0
            item = self._ledger.update(
                record,
                state="needs_attention",
                attention="checked_absent",
                unconfirmed=False,
                last_error="",
            )
        logger.info("outbox item %s: staff confirmed it is not at Spot", item_id)
        self._ledger.notify(item)
        return item

    def resubmit(self, item_id: str, order: models.NewOrder) -> OutboxItem:
        """Fix and resend: replace the order (same client reference) and send. If an earlier
        attempt may have created the order it is still looked up first (under every email
        an attempt used), so a fix never makes a second kit."""
        with self._lock:
            record = self._ledger.record(item_id)
            if record.item.state != "needs_attention":
                raise OutboxItemBusy()
            item = self._ledger.update(
                record,
                state="queued",
                payload=with_ref(order, record.item.client_ref),
                kit_types=tuple(order.kit_types),
                field_errors={},
                attention="",
                last_error="",
            )
            record.failures = 0
            record.lookup_failures = 0
            record.due = 0.0
        self._ledger.notify(item)
        self._sender.poke()
        return item

    def discard(self, item_id: str, reason: str = "") -> None:
        """Drop an item. Refused while Spot may have it (sending, or an attempt unconfirmed)."""
        with self._lock:
            record = self._ledger.record(item_id)
            item = record.item
            if item.state == "sending":
                raise OutboxItemBusy()
            if item.unconfirmed and item.state != "sent":
                raise OutboxMayExist()
            if item.state != "sent":
                self._ledger.audit(record, "discarded", reason.strip())
            self._ledger.remove(item_id)
        logger.info("outbox item %s discarded", item_id)
        self._ledger.notify_watchers(item_id)

    # -- sending -------------------------------------------------------------------------

    def send_pending(self) -> float | None:
        """One pass: try each item that is due once. Returns the seconds until the next try
        is due, or None when nothing waits (or sending is paused / signed out)."""
        return self._sender.send_pending()

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
        self._sender.start()

    def stop(self, timeout: float = 1.0) -> None:
        """Stop the sender thread. Never waits for a POST in flight: that item is marked
        ambiguous (looked up before any re-send) and the thread finishes on its own. Waits at
        most ``timeout`` for a thread between requests or in a lookup (a lookup changes
        nothing on disk until it ends, so leaving it behind is safe too)."""
        self._sender.stop(timeout)

    def wake(self) -> None:
        """Try now (e.g. the network came back) instead of waiting out the backoff. Items
        that may exist at Spot get a lookup, never an early POST."""
        self._sender.wake()

    def quit(self) -> int:
        """Stop and close without waiting for a POST in flight (the item is marked ambiguous
        on disk, so the next start checks with Spot before sending again). Returns how many
        orders wait for the next start (`pending_count`), for the quit message."""
        self.stop()
        pending = self.pending_count()
        self._ledger.close()
        return pending

    def close(self) -> None:
        self.quit()

    # -- the Outbox window's rows --------------------------------------------------------

    def _entry(self, record: OutboxRecord) -> OutboxEntry:
        next_attempt = None
        if record.item.state == "queued":
            next_attempt = datetime.fromtimestamp(
                max(record.due, self._sender.hold_until, self._clock()), UTC
            )
        return entry_for(record, next_attempt)

