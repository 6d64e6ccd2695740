"""Retention: patient data is kept no longer than needed, checked at start and every hour.

- The order cache keeps patient fields (name, email, phone) only for orders updated in the
  last ``patient_days`` days (Settings, default 180); older rows keep ids, statuses and dates
  and are fetched again from Spot when opened (``OrderStore.forget_patients_before``).
- Drafts expire after ``draft_days`` (30) days without a save (``DraftStore.expire``).
- Sent outbox items go after ``sent_outbox_days`` (7). The outbox takes part by having
  ``forget_sent_before(cutoff: float) -> int`` (epoch seconds; delete items in state "sent"
  whose sending finished before ``cutoff``; never an item needing attention: those stay until
  a person acts). An outbox without that method is skipped.

``RetentionScheduler`` runs one pass at once and then every ``interval_s`` on its own daemon
thread (no Qt); the clock and the wait are injectable so tests move time by hand.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol

from app.services.drafts import DRAFT_DAYS
from app.services.order_store import DEFAULT_PATIENT_DAYS

__all__ = [
    "SENT_OUTBOX_DAYS",
    "RetentionPolicy",
    "RetentionResult",
    "RetentionScheduler",
    "run_retention",
]

log = logging.getLogger(__name__)

SENT_OUTBOX_DAYS = 7
HOUR_S = 3600.0


class _Orders(Protocol):
    def forget_patients_before(self, cutoff: datetime) -> int: ...


class _Drafts(Protocol):
    def expire(self, days: int = ...) -> int: ...


@dataclass(frozen=True)
class RetentionPolicy:
    patient_days: int = DEFAULT_PATIENT_DAYS
    draft_days: int = DRAFT_DAYS
    sent_outbox_days: int = SENT_OUTBOX_DAYS


@dataclass(frozen=True)
class RetentionResult:
    """Counts only (no patient data): orders blanked, drafts and sent items deleted."""

    orders_blanked: int = 0
    drafts_expired: int = 0
    sent_items_removed: int = 0


def run_retention(
    orders: _Orders,
    drafts: _Drafts,
    outbox: object,
    now: datetime,
    policy: RetentionPolicy | None = None,
) -> RetentionResult:
    """One retention pass over the stores of a session, as of ``now`` (aware datetime)."""
    policy = policy or RetentionPolicy()
    blanked = orders.forget_patients_before(now - timedelta(days=policy.patient_days))
    expired = drafts.expire(policy.draft_days)
    removed = 0
    forget_sent = getattr(outbox, "forget_sent_before", None)
    if callable(forget_sent):
        cutoff = (now - timedelta(days=policy.sent_outbox_days)).timestamp()
        removed = int(forget_sent(cutoff))
    result = RetentionResult(blanked, expired, removed)
    if blanked or expired or removed:
        log.info(
            "retention: %d order(s) without patient fields, %d draft(s) expired, "
            "%d sent item(s) removed", blanked, expired, removed,
        )
    return result


class RetentionScheduler:
    """Calls ``run_pass`` now and then every ``interval_s`` seconds until ``stop``.

    A failing pass is logged (type only) and retried at the next tick: retention must never
    take the app down.
    """

    def __init__(
        self,
        run_pass: Callable[[], object],
        *,
        interval_s: float = HOUR_S,
        wait: Callable[[threading.Event, float], bool] | None = None,
    ) -> None:
        self._run_pass = run_pass
        self._interval = interval_s
        self._stop = threading.Event()
        self._wait = wait or (lambda event, seconds: event.wait(seconds))
        self._thread: threading.Thread | None = None
        self.passes = 0

    def run_once(self) -> None:
        try:
            self._run_pass()
        except Exception as exc:  # noqa: BLE001 - logged; the next tick tries again
            log.warning("retention pass failed: %s", type(exc).__name__)
        self.passes += 1

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._loop, name="retention", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
        self._thread = None

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.run_once()
            if self._wait(self._stop, self._interval):
                return


def utc_now() -> datetime:
    return datetime.fromtimestamp(time.time(), UTC)
