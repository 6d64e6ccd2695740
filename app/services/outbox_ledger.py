"""The outbox's records in memory, kept in step with its file, and who hears of changes.

One lock guards the records and the file. Callbacks run on whichever thread changed the item,
outside the lock; a broken one is logged and skipped (it must not stop sending).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.services.outbox_items import (
    OutboxItem,
    OutboxRecord,
    UnknownOutboxItem,
    next_lookup,
)
from app.services.outbox_store import OutboxStore

if TYPE_CHECKING:
    from app.services.data_key import DataKey

logger = logging.getLogger("app.services.outbox")


class OutboxLedger:
    """``records`` (by item id, oldest first) under ``lock``, written through to the store."""

    def __init__(
        self, db_path: Path, clock: Callable[[], float], key: DataKey | None = None
    ) -> None:
        self.clock = clock
        self.lock = threading.RLock()  # records and the database
        self.records: dict[str, OutboxRecord] = {}
        self.store = OutboxStore(db_path, key)
        self._subscribers: list[Callable[[OutboxItem], None]] = []
        self._watchers: list[Callable[[str], None]] = []

    @property
    def closed(self) -> bool:
        return self.store.closed

    def close(self) -> None:
        with self.lock:
            self.store.close()

    def now(self) -> datetime:
        return datetime.fromtimestamp(self.clock(), UTC)

    def record(self, item_id: str) -> OutboxRecord:
        record = self.records.get(item_id)
        if record is None:
            raise UnknownOutboxItem()
        return record

    def add(self, record: OutboxRecord) -> None:
        with self.lock:
            self.store.insert(record)
            self.records[record.item.item_id] = record

    def remove(self, item_id: str) -> None:
        with self.lock:
            del self.records[item_id]
            self.store.delete(item_id)

    def update(self, record: OutboxRecord, **changes: Any) -> OutboxItem:
        record.item = replace(record.item, **changes)
        self.store.update(record)
        return record.item

    def audit(self, record: OutboxRecord, action: str, reason: str) -> None:
        self.store.add_audit(record.item, self.now(), action, reason)

    def load(self, sent_before: datetime) -> None:
        """Read the file. An item left "sending" (we stopped mid-request) or "may exist" from
        before the settle window existed becomes an ambiguous attempt ending now."""
        now = self.clock()
        with self.lock:
            for record in self.store.load(sent_before):
                item = record.item
                self.records[item.item_id] = record
                if item.state == "sending":
                    # We stopped mid-request: the order may be at Spot, or still on its way
                    # in. An ambiguous attempt ending now: settle, look up, then re-send.
                    record.last_ambiguous = now
                    record.due = next_lookup(now, now)
                    self.update(record, state="queued", unconfirmed=True)
                elif item.unconfirmed and record.last_ambiguous is None:
                    # A file from before the settle window existed: start one now.
                    record.last_ambiguous = now
                    record.due = next_lookup(now, now)
                    self.update(record)
            resumed = sum(1 for r in self.records.values() if r.item.state == "queued")
        if resumed:
            logger.info("outbox resumed with %d queued item(s)", resumed)

    # -- listeners -----------------------------------------------------------------------

    def subscribe(self, callback: Callable[[OutboxItem], None]) -> Callable[[], None]:
        return self._add_listener(self._subscribers, callback)

    def watch(self, callback: Callable[[str], None]) -> Callable[[], None]:
        return self._add_listener(self._watchers, callback)

    def _add_listener[T](self, listeners: list[T], callback: T) -> Callable[[], None]:
        with self.lock:
            listeners.append(callback)

        def unsubscribe() -> None:
            with self.lock:
                if callback in listeners:
                    listeners.remove(callback)

        return unsubscribe

    def notify(self, item: OutboxItem) -> None:
        if self.closed:
            return
        self._call_each(self._subscribers, item)
        self.notify_watchers(item.item_id)

    def notify_watchers(self, item_id: str) -> None:
        """Tell watchers ``item_id`` changed (or is gone)."""
        self._call_each(self._watchers, item_id)

    def _call_each[A](self, listeners: list[Callable[[A], None]], argument: A) -> None:
        with self.lock:
            listeners = list(listeners)
        for callback in listeners:
            try:
                callback(argument)
            except Exception as exc:  # noqa: BLE001 - a broken listener must not stop sending
                logger.error("outbox listener failed: %s", type(exc).__name__)

