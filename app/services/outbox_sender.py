"""The outbox's sender: one pass over the due items (`send_pending`), or a plain thread
doing passes until stopped; posting, looking up while an order may exist, and backing off.

See `app.services.outbox` for the rules (settle window, lookups, what is ambiguous).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from app.api import errors as api_errors
from app.services.errors import describe_error, translate
from app.services.outbox_items import (
    COULDNT_CONFIRM,
    MAX_LOOKUP_FAILURES,
    NETWORK_ERRORS,
    SETTLE_WINDOW_S,
    OutboxClient,
    OutboxItem,
    OutboxRecord,
    is_ambiguous,
    next_lookup,
)
from app.services.outbox_ledger import OutboxLedger
from app.services.outbox_lookup import OrderLookup

logger = logging.getLogger("app.services.outbox")


class OutboxSender:
    """Sends the ledger's queued items. ``client`` None (signed out) or ``paused`` (Spot
    rejected the token) stops sending; nobody sends before ``hold_until`` (network down or
    rate limited)."""

    def __init__(
        self,
        ledger: OutboxLedger,
        client: OutboxClient | None,
        *,
        clock: Callable[[], float],
        jitter: Callable[[], float],
        backoff_base: float,
        backoff_cap: float,
    ) -> None:
        self._ledger = ledger
        self._lookup = OrderLookup()
        self.client = client
        self.paused = False
        self.hold_until = 0.0
        self._clock = clock
        self._jitter = jitter
        self._backoff_base = backoff_base
        self._backoff_cap = backoff_cap
        self._send_lock = threading.Lock()  # one sending pass at a time
        self._posting = False  # the sender is waiting for a POST's answer
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def poke(self) -> None:
        """Something changed: let a waiting sender thread look again."""
        self._wake.set()

    def send_pending(self) -> float | None:
        """One pass: try each item that is due once. Returns the seconds until the next try
        is due, or None when nothing waits (or sending is paused / signed out)."""
        with self._send_lock:
            for item_id in self._due_ids():
                if (self.paused or self.client is None or self._stopping.is_set()
                        or self._clock() < self.hold_until):
                    break
                self._process(item_id)
            return self.next_delay()

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
        self.abandon_in_flight()
        thread = self._thread
        if thread is not None and not self._posting:
            thread.join(timeout)
            if not thread.is_alive():
                self._thread = None

    def wake(self) -> None:
        """Try now (e.g. the network came back) instead of waiting out the backoff. Items
        that may exist at Spot get a lookup, never an early POST."""
        self.hold_until = 0.0
        with self._ledger.lock:
            for record in self._ledger.records.values():
                record.due = 0.0
        self._wake.set()

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
        with self._ledger.lock:
            return [
                item_id
                for item_id, record in self._ledger.records.items()
                if record.item.state == "queued" and record.due <= now
            ]

    def next_delay(self) -> float | None:
        if self.paused or self.client is None:
            return None
        with self._ledger.lock:
            dues = [r.due for r in self._ledger.records.values() if r.item.state == "queued"]
        if not dues:
            return None
        return max(0.0, max(min(dues), self.hold_until) - self._clock())

    def _process(self, item_id: str) -> None:
        client = self.client
        with self._ledger.lock:
            record = self._ledger.records.get(item_id)
            if client is None or record is None or record.item.state != "queued":
                return
        if record.item.unconfirmed and not self._confirm_absent_or_sent(client, record):
            return
        with self._ledger.lock:
            if self._ledger.records.get(item_id) is not record or record.item.state != "queued":
                return  # discarded or changed while we looked it up
            if record.item.unconfirmed:
                return  # staff or a restart changed it meanwhile
            email = record.item.payload.recipient.email or ""
            if email and email not in record.emails:
                record.emails.append(email)
            if record.first_attempt is None:
                record.first_attempt = self._ledger.now()
            # On disk before the request leaves: a crash from here on means "look it up first".
            item = self._ledger.update(
                record, state="sending", attempts=record.item.attempts + 1, unconfirmed=True
            )
        logger.info("outbox item %s: POST attempt %d", item.item_id, item.attempts)
        self._ledger.notify(item)
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

    def _confirm_absent_or_sent(self, client: OutboxClient, record: OutboxRecord) -> bool:
        """Look the order up. True when a re-send is now safe: not found by a lookup started
        at least SETTLE_WINDOW_S after the last ambiguous attempt. Otherwise the record is
        marked sent (found) or rescheduled, and False is returned."""
        started = self._clock()
        try:
            order_id = self._find(client, record)
        except Exception as exc:  # noqa: BLE001 - every failure is handled by _lookup_failed
            self._lookup_failed(record, exc)
            return False
        if order_id is not None:
            self._sent(record, order_id, found_by_lookup=True)
            return False
        with self._ledger.lock:
            if self._ledger.records.get(record.item.item_id) is not record:
                return False
            if record.item.state != "queued" or not record.item.unconfirmed:
                return False
            record.lookups += 1
            record.lookup_failures = 0
            if record.last_ambiguous is None:  # never expected; fail safe: a window from now
                record.last_ambiguous = started
            last = record.last_ambiguous
            if started < last + SETTLE_WINDOW_S:
                record.due = next_lookup(last, self._clock())
                item = self._ledger.update(record)
                logger.info(
                    "outbox item %s: not found yet (%.0f s into the settle window)",
                    item.item_id, started - last,
                )
            else:
                record.last_ambiguous = None
                record.lookups = 0
                item = self._ledger.update(record, unconfirmed=False)
                logger.info("outbox item %s: not at Spot after the settle window", item.item_id)
                return True
        self._ledger.notify(item)
        return False

    def _find(self, client: OutboxClient, record: OutboxRecord) -> str | None:
        with self._ledger.lock:
            taken = {
                r.item.order_id for r in self._ledger.records.values()
                if r.item.order_id is not None
            }
            emails = list(record.emails)
        return self._lookup.find(client, record, emails, taken)

    def _sent(self, record: OutboxRecord, order_id: str, *, found_by_lookup: bool) -> None:
        with self._ledger.lock:
            record.failures = 0
            record.last_ambiguous = None
            record.lookups = 0
            record.lookup_failures = 0
            record.sent_at = self._ledger.now()
            item = self._ledger.update(
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
        self._ledger.notify(item)

    def _log_failure(self, record: OutboxRecord, what: str, exc: Exception) -> None:
        status = getattr(exc, "status_code", None)
        logger.warning(
            "outbox item %s: %s failed with %s%s",
            record.item.item_id,
            what,
            type(exc).__name__,
            f" (HTTP {status})" if status is not None else "",
        )

    def _post_failed(self, record: OutboxRecord, exc: Exception) -> None:
        self._log_failure(record, "POST", exc)
        described = describe_error(exc)
        message = str(described)
        now = self._clock()
        with self._ledger.lock:
            if self._ledger.records.get(record.item.item_id) is not record:
                return
            if is_ambiguous(exc):
                # Spot may have it: settle, looking it up, before any re-send.
                record.last_ambiguous = now
                record.lookups = 0
                record.lookup_failures = 0
                record.failures += 1
                record.due = next_lookup(now, now)
                if isinstance(exc, api_errors.RateLimited | NETWORK_ERRORS):
                    self.hold_until = max(self.hold_until, now + self._backoff(record.failures))
                item = self._ledger.update(
                    record, state="queued", last_error=message, unconfirmed=True
                )
                self._ledger.notify(item)
                return
            # Spot refused, or the request never left: this attempt created nothing. An
            # earlier ambiguous attempt still may have (not while the window rule holds, as
            # nothing is posted before a lookup proves absence; kept for safety).
            unconfirmed = record.last_ambiguous is not None
            if isinstance(exc, api_errors.BadRequest):
                item = self._ledger.update(
                    record,
                    state="needs_attention",
                    attention="fix_fields",
                    field_errors=described.field_errors,
                    last_error=message,
                    unconfirmed=unconfirmed,
                )
            elif isinstance(exc, api_errors.Unauthorized | api_errors.Forbidden):
                self.paused = True
                item = self._ledger.update(
                    record, state="needs_attention", attention="sign_in", last_error=message,
                    unconfirmed=unconfirmed,
                )
            elif isinstance(exc, api_errors.SpotStatusError) and not isinstance(
                exc, api_errors.RateLimited
            ):
                # 404, 405, a redirect…: retrying will not help; staff decide (retry/discard).
                item = self._ledger.update(
                    record, state="needs_attention", attention="problem", last_error=message,
                    unconfirmed=unconfirmed,
                )
            else:
                item = self._reschedule(record, exc, now, message, unconfirmed=unconfirmed)
        self._ledger.notify(item)

    def _lookup_failed(self, record: OutboxRecord, exc: Exception) -> None:
        self._log_failure(record, "lookup", exc)
        message = str(describe_error(exc))
        now = self._clock()
        with self._ledger.lock:
            if self._ledger.records.get(record.item.item_id) is not record:
                return
            if record.item.state != "queued":
                return
            if isinstance(exc, api_errors.Unauthorized | api_errors.Forbidden):
                self.paused = True
                item = self._ledger.update(
                    record, state="needs_attention", attention="sign_in", last_error=message
                )
            else:
                record.lookup_failures += 1
                if record.lookup_failures >= MAX_LOOKUP_FAILURES:
                    logger.warning(
                        "outbox item %s: gave up confirming after %d failed lookups",
                        record.item.item_id, record.lookup_failures,
                    )
                    item = self._ledger.update(
                        record,
                        state="needs_attention",
                        attention="not_confirmed",
                        last_error=translate("Outbox", COULDNT_CONFIRM),
                    )
                else:
                    item = self._reschedule(record, exc, now, message, unconfirmed=True,
                                            failures=record.lookup_failures)
        self._ledger.notify(item)

    def _reschedule(self, record: OutboxRecord, exc: Exception, now: float, message: str, *,
                    unconfirmed: bool, failures: int | None = None) -> OutboxItem:
        """Back off and try again (the item stays queued)."""
        if failures is None:
            record.failures += 1
            failures = record.failures
        delay = self._backoff(failures)
        if isinstance(exc, api_errors.RateLimited) and exc.retry_after is not None:
            delay = min(max(exc.retry_after, delay), self._backoff_cap)
        if isinstance(exc, api_errors.RateLimited | NETWORK_ERRORS):
            # Not this order's fault: everyone waits.
            self.hold_until = max(self.hold_until, now + delay)
        record.due = now + delay
        return self._ledger.update(
            record, state="queued", last_error=message, unconfirmed=unconfirmed
        )

    def _backoff(self, failures: int) -> float:
        ceiling = min(self._backoff_cap, self._backoff_base * 2 ** min(failures - 1, 30))
        return ceiling * (0.5 + 0.5 * self._jitter())

    def abandon_in_flight(self) -> None:
        """Mark the item whose POST is in flight as an ambiguous attempt (on disk): the
        sender may finish it later, or the process may end first."""
        abandoned: list[OutboxItem] = []
        now = self._clock()
        with self._ledger.lock:
            if self._ledger.closed:
                return
            for record in self._ledger.records.values():
                if record.item.state == "sending":
                    record.last_ambiguous = now
                    record.due = next_lookup(now, now)
                    abandoned.append(self._ledger.update(record, state="queued", unconfirmed=True))
        for item in abandoned:
            logger.info("outbox item %s: left in flight at stop; checked at next start",
                        item.item_id)
            self._ledger.notify(item)
