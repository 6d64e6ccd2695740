"""Sending an imported list: a persisted batch fed into the durable outbox at a steady pace.

The batch (its rows and where each stands) is in SQLite next to the outbox, so closing the app
mid-batch resumes the rest at the next start. Each row becomes one outbox item (one client
reference), whose order metadata carries the batch id, the row number and the staff member.
Only the outbox's public API is used: `submit`, `get`, `items`, `subscribe`.

Pacing: the next row goes into the outbox only when the previous one has left it (sent or
needing attention) and ``1 / rate`` seconds after both its submit and its completion, so Spot
never gets more than ``rate`` new orders a second; a 429's Retry-After holds the outbox, and
with it the batch. A row is marked "submitted" after the outbox has it; a crash in between is
repaired on resume by finding the item through its batch metadata (never submitted twice).
"""

from __future__ import annotations

import json
import logging
import queue
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal, Protocol

from app.api import models
from app.services.outbox import OutboxItem
from app.services.private_db import (
    CountHint,
    close_private_db,
    open_or_set_aside,
    tighten_permissions,
)

if TYPE_CHECKING:
    from app.services.data_key import DataKey

__all__ = [
    "BATCH_KEY",
    "BATCH_ROW_KEY",
    "DEFAULT_RATE",
    "STAFF_ID_KEY",
    "STAFF_KEY",
    "BatchProgress",
    "BatchRunner",
    "BatchSender",
    "BatchStore",
    "PreparedRow",
]

logger = logging.getLogger(__name__)

BATCH_KEY: Final = "frontdesk_batch"
BATCH_ROW_KEY: Final = "frontdesk_batch_row"
STAFF_KEY: Final = "frontdesk_staff"  # the importer's initials (the computer user before 15)
STAFF_ID_KEY: Final = "frontdesk_staff_id"  # the importer's staff profile id
DEFAULT_RATE: Final = 2.0  # orders a second (Settings can change it)
BatchState = Literal["sending", "paused", "canceled", "done"]
RowState = Literal["waiting", "submitted", "canceled"]


class BatchOutbox(Protocol):
    """The part of `app.services.outbox.Outbox` a batch uses (its public API)."""

    def submit(self, order: models.NewOrder) -> OutboxItem: ...

    def get(self, item_id: str) -> OutboxItem | None: ...

    def items(self) -> list[OutboxItem]: ...

    def subscribe(self, callback: Callable[[OutboxItem], None]) -> Callable[[], None]: ...


@dataclass(frozen=True, slots=True)
class PreparedRow:
    """A checked row ready to go: its sheet row number and the order to place."""

    number: int
    order: models.NewOrder


@dataclass(frozen=True, slots=True)
class BatchProgress:
    batch_id: str
    state: BatchState
    total: int
    sent: int
    waiting: int  # not yet sent: not submitted, or in the outbox still
    attention: int  # in the outbox needing attention (Spot rejected it, sign in…)
    canceled: int

    @property
    def finished(self) -> bool:
        return self.state in ("canceled", "done") and self.waiting == 0


_SCHEMA = """
CREATE TABLE IF NOT EXISTS batches (
    batch_id TEXT PRIMARY KEY, staff TEXT NOT NULL, source TEXT NOT NULL,
    created TEXT NOT NULL, state TEXT NOT NULL, rate REAL NOT NULL);
CREATE TABLE IF NOT EXISTS batch_rows (
    batch_id TEXT NOT NULL, row_number INTEGER NOT NULL, state TEXT NOT NULL,
    item_id TEXT, payload TEXT NOT NULL, PRIMARY KEY (batch_id, row_number));
"""


class BatchStore:
    """Batches on disk (0600 SQLite: the payloads hold patient details until sent), encrypted
    with the data folder's ``key`` like the outbox (None: plaintext, for tests and tools).

    A file the key can't open (a lost key) is set aside, never deleted, and
    ``unreadable_rows`` says how many rows it still had to send (``UNKNOWN_COUNT``: unknown).
    """

    def __init__(self, db_path: Path, key: DataKey | None = None) -> None:
        self._path = db_path
        self._lock = threading.RLock()
        self._db, self.unreadable_rows = open_or_set_aside(db_path, key)
        self._hint = CountHint(db_path, key)
        self._db.executescript(_SCHEMA)
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(batches)")}
        if "staff_id" not in columns:  # batches stored by a version before staff profiles
            with self._db:
                self._db.execute(
                    "ALTER TABLE batches ADD COLUMN staff_id TEXT NOT NULL DEFAULT ''")
        tighten_permissions(db_path)
        self._update_count_hint()

    def _update_count_hint(self) -> None:
        (waiting,) = self._db.execute(
            "SELECT count(*) FROM batch_rows WHERE state = 'waiting'").fetchone()
        self._hint.update(int(waiting))

    def create(
        self, rows: Sequence[PreparedRow], *, staff: str, source: str, rate: float = DEFAULT_RATE,
        staff_id: str = "",
    ) -> str:
        """Store a new batch (all rows waiting) and return its id. ``source`` is a file name;
        ``staff`` the importer's initials and ``staff_id`` their profile (never a PIN)."""
        batch_id = uuid.uuid4().hex[:12]
        while not any(ch.isdigit() for ch in batch_id):  # an id the audit trail takes
            batch_id = uuid.uuid4().hex[:12]
        with self._lock, self._db:
            self._db.execute(
                "INSERT INTO batches (batch_id, staff, source, created, state, rate, staff_id)"
                " VALUES (?,?,?,?,?,?,?)",
                (batch_id, staff, source, datetime.now(UTC).isoformat(), "sending", rate,
                 staff_id),
            )
            self._db.executemany(
                "INSERT INTO batch_rows VALUES (?,?,?,?,?)",
                [
                    (batch_id, row.number, "waiting", None,
                     json.dumps(row.order.model_dump(mode="json", exclude_none=True)))
                    for row in rows
                ],
            )
            self._update_count_hint()
        logger.info("import batch %s stored: %d rows", batch_id, len(rows))
        return batch_id

    def unfinished(self, *, include_paused: bool = True) -> list[str]:
        """Batches a previous run left sending (resume them at start) or staff paused."""
        states = ("sending", "paused") if include_paused else ("sending",)
        with self._lock:
            found = self._db.execute(
                f"SELECT batch_id FROM batches WHERE state IN ({','.join('?' * len(states))})"
                " ORDER BY created",
                states,
            ).fetchall()
        return [row[0] for row in found]

    def info(self, batch_id: str) -> tuple[str, str, BatchState, float]:
        """(staff, source, state, rate)."""
        with self._lock:
            row = self._db.execute(
                "SELECT staff, source, state, rate FROM batches WHERE batch_id = ?", (batch_id,)
            ).fetchone()
        if row is None:
            raise KeyError(batch_id)
        return row[0], row[1], row[2], float(row[3])

    def staff_id(self, batch_id: str) -> str:
        """The importer's staff profile id ("" for a batch from before staff profiles)."""
        with self._lock:
            row = self._db.execute(
                "SELECT staff_id FROM batches WHERE batch_id = ?", (batch_id,)
            ).fetchone()
        return str(row[0]) if row is not None else ""

    def set_state(self, batch_id: str, state: BatchState) -> None:
        with self._lock, self._db:
            self._db.execute("UPDATE batches SET state = ? WHERE batch_id = ?", (state, batch_id))

    def rows(self, batch_id: str) -> list[tuple[int, RowState, str | None]]:
        """(row number, state, outbox item id) in sheet order."""
        with self._lock:
            found = self._db.execute(
                "SELECT row_number, state, item_id FROM batch_rows WHERE batch_id = ?"
                " ORDER BY row_number",
                (batch_id,),
            ).fetchall()
        return [(int(n), state, item_id) for n, state, item_id in found]

    def next_waiting(self, batch_id: str) -> tuple[int, models.NewOrder] | None:
        with self._lock:
            row = self._db.execute(
                "SELECT row_number, payload FROM batch_rows WHERE batch_id = ? AND"
                " state = 'waiting' ORDER BY row_number LIMIT 1",
                (batch_id,),
            ).fetchone()
        if row is None:
            return None
        return int(row[0]), models.NewOrder.model_validate(json.loads(row[1]))

    def mark_submitted(self, batch_id: str, number: int, item_id: str) -> None:
        with self._lock, self._db:
            # The payload now lives in the outbox: do not keep a second copy of patient data.
            self._db.execute(
                "UPDATE batch_rows SET state = 'submitted', item_id = ?, payload = '{}'"
                " WHERE batch_id = ? AND row_number = ?",
                (item_id, batch_id, number),
            )
            self._update_count_hint()

    def cancel_waiting(self, batch_id: str) -> int:
        """Mark every unsent row canceled (payload dropped); returns how many."""
        with self._lock, self._db:
            cursor = self._db.execute(
                "UPDATE batch_rows SET state = 'canceled', payload = '{}'"
                " WHERE batch_id = ? AND state = 'waiting'",
                (batch_id,),
            )
            self._db.execute(
                "UPDATE batches SET state = 'canceled' WHERE batch_id = ?", (batch_id,)
            )
            self._update_count_hint()
        return int(cursor.rowcount)

    def close(self) -> None:
        with self._lock:
            close_private_db(self._db)


def batch_order(
    order: models.NewOrder, batch_id: str, number: int, staff: str, staff_id: str = ""
) -> models.NewOrder:
    metadata = dict(order.metadata or {})
    metadata.update({BATCH_KEY: batch_id, BATCH_ROW_KEY: number, STAFF_KEY: staff})
    if staff_id:
        metadata[STAFF_ID_KEY] = staff_id
    return order.model_copy(update={"metadata": metadata}, deep=True)


def _batch_key(item: OutboxItem) -> tuple[str, int] | None:
    metadata = item.payload.metadata or {}
    batch_id, number = metadata.get(BATCH_KEY), metadata.get(BATCH_ROW_KEY)
    if isinstance(batch_id, str) and isinstance(number, int):
        return batch_id, number
    return None


def batch_store_for(folder: Path, key: DataKey | None = None) -> BatchStore:
    """The batches of one environment (next to its outbox), encrypted with ``key``."""
    return BatchStore(folder / "imports.sqlite3", key)


class BatchRunner:
    """Runs batches one after another on one daemon thread, so two batches never add up to
    more than the pace. `resume()` queues the batches a closed app left sending; `stop()` (at
    sign-out or quit) ends the current one where it is, still "sending": the next start
    resumes it."""

    def __init__(self, store: BatchStore, outbox: BatchOutbox) -> None:
        self._store = store
        self._outbox = outbox
        self._queue: queue.Queue[BatchSender | None] = queue.Queue()
        self._current: BatchSender | None = None
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="import-batches", daemon=True)
        self._thread.start()

    def resume(self) -> None:
        for batch_id in self._store.unfinished(include_paused=False):
            self.add(BatchSender(self._store, self._outbox, batch_id))

    def add(self, sender: BatchSender) -> None:
        self._queue.put(sender)

    def _run(self) -> None:
        while (sender := self._queue.get()) is not None:
            with self._lock:
                self._current = sender
            try:
                sender.run()
            except Exception as exc:  # noqa: BLE001 - the batch stays on disk; the next start resumes
                logger.error("import batch %s stopped: %s", sender.batch_id, type(exc).__name__)
            with self._lock:
                self._current = None

    def stop(self, timeout: float = 5.0) -> None:
        """Stop sending (queued batches stay "sending" on disk) and wait for the thread."""
        while True:
            try:
                self._queue.get_nowait()
            except queue.Empty:
                break
        with self._lock:
            if self._current is not None:
                self._current.stop()
        self._queue.put(None)
        self._thread.join(timeout)


class BatchSender:
    """Feeds one batch into the outbox at ``rate`` orders a second, on the caller's thread.

    `run` blocks until the batch is done, paused or canceled (call it from a worker thread);
    `pause` and `cancel` may be called from any thread. ``clock``/``sleep`` are injectable.
    """

    POLL_S: Final = 0.05

    def __init__(
        self,
        store: BatchStore,
        outbox: BatchOutbox,
        batch_id: str,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] | None = None,
    ) -> None:
        self._store = store
        self._outbox = outbox
        self.batch_id = batch_id
        self._clock = clock
        self._event = threading.Event()
        self._sleep = sleep or self._wait
        self._pause = threading.Event()
        self._cancel = threading.Event()
        self._stop = threading.Event()
        self.staff, self.source, _state, self.rate = store.info(batch_id)
        self.staff_id = store.staff_id(batch_id)

    def _wait(self, seconds: float) -> None:
        self._event.wait(seconds)
        self._event.clear()

    # -- controls (any thread) -------------------------------------------------------------

    def pause(self) -> None:
        self._pause.set()
        self._event.set()

    def cancel(self) -> None:
        self._cancel.set()
        self._event.set()

    def stop(self) -> None:
        """Stop handing rows over, leaving the batch "sending" (resumed at the next start)."""
        self._stop.set()
        self._event.set()

    # -- progress --------------------------------------------------------------------------

    def progress(self) -> BatchProgress:
        _staff, _source, state, _rate = self._store.info(self.batch_id)
        sent = waiting = attention = canceled = 0
        for _number, row_state, item_id in self._store.rows(self.batch_id):
            if row_state == "canceled":
                canceled += 1
                continue
            item = self._outbox.get(item_id) if item_id else None
            if row_state == "waiting" or (item is not None and item.state in ("queued",
                                                                              "sending")):
                waiting += 1
            elif item is not None and item.state == "needs_attention":
                attention += 1
            else:
                sent += 1  # sent (or long sent and dropped from the outbox)
        total = sent + waiting + attention + canceled
        return BatchProgress(self.batch_id, state, total, sent, waiting, attention, canceled)

    # -- sending ---------------------------------------------------------------------------

    def _reconcile(self) -> None:
        """Rows the outbox already has (a crash came after submit, before marking)."""
        waiting = {number for number, state, _ in self._store.rows(self.batch_id)
                   if state == "waiting"}  # fmt: skip
        if not waiting:
            return
        for item in self._outbox.items():
            key = _batch_key(item)
            if key is not None and key[0] == self.batch_id and key[1] in waiting:
                self._store.mark_submitted(self.batch_id, key[1], item.item_id)
                logger.info("import batch %s: row %d was already in the outbox",
                            self.batch_id, key[1])  # fmt: skip

    def run(self) -> BatchProgress:
        """Send the rest of the batch; returns the progress when it stops."""
        self._store.set_state(self.batch_id, "sending")
        self._reconcile()
        unsubscribe = self._outbox.subscribe(lambda _item: self._event.set())
        interval = 1.0 / self.rate if self.rate > 0 else 0.0
        ready_at = 0.0
        previous: str | None = None
        for _number, state, item_id in self._store.rows(self.batch_id):
            if state == "submitted":
                previous = item_id  # resume: wait for the last one already handed over
        logger.info("import batch %s sending at %.2g orders/s", self.batch_id, self.rate)
        try:
            while True:
                if self._cancel.is_set():
                    left = self._store.cancel_waiting(self.batch_id)
                    logger.info("import batch %s canceled; %d rows not sent", self.batch_id,
                                left)  # fmt: skip
                    break
                if self._pause.is_set():
                    self._store.set_state(self.batch_id, "paused")
                    break
                if self._stop.is_set():
                    logger.info("import batch %s stopped; the rest goes at the next start",
                                self.batch_id)  # fmt: skip
                    break
                if previous is not None:
                    item = self._outbox.get(previous)
                    # An item waiting out the outbox's settle window (an answer was lost) has
                    # left the pace: holding the batch for it would stall it for minutes.
                    if (item is not None and item.state in ("queued", "sending")
                            and not getattr(item, "unconfirmed", False)):
                        self._sleep(self.POLL_S)
                        continue
                    # Left the outbox: the next may go one interval after this moment.
                    ready_at = max(ready_at, self._clock() + interval)
                    previous = None
                now = self._clock()
                if now < ready_at:
                    self._sleep(min(ready_at - now, self.POLL_S * 4))
                    continue
                nxt = self._store.next_waiting(self.batch_id)
                if nxt is None:
                    self._store.set_state(self.batch_id, "done")
                    logger.info("import batch %s: every row handed to the outbox",
                                self.batch_id)
                    break
                number, order = nxt
                item = self._outbox.submit(
                    batch_order(order, self.batch_id, number, self.staff, self.staff_id))
                self._store.mark_submitted(self.batch_id, number, item.item_id)
                ready_at = self._clock() + interval
                previous = item.item_id
        finally:
            unsubscribe()
        return self.progress()
