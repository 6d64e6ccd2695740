"""The order store: the synced local picture of orders and kits (an SQLite cache).

`OrderStore` holds one `OrderRow` per order, joined with its kits by ``order_id``; the sync
worker writes it, the GUI thread reads `rows()` (an immutable snapshot, rebuilt only after a
change). The rules over the rows live in `order_rules`.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from app.services.order_rules import (
    EXCEPTION_KIT_STATUSES,
    EXCEPTION_SAMPLE_STATUSES,
    RESULT_SAMPLE_STATUSES,
    KitInfo,
    OrderInfo,
    OrderRow,
    build_row,
    find_duplicates,
)
from app.services.private_db import close_private_db, open_or_reset, tighten_permissions

if TYPE_CHECKING:
    from app.services.data_key import DataKey

__all__ = ["DEFAULT_PATIENT_DAYS", "OrderStore", "StoreChange"]

#: Orders not updated for this many days keep only ids, statuses and dates (Settings).
DEFAULT_PATIENT_DAYS = 180

logger = logging.getLogger(__name__)

@dataclass(frozen=True, slots=True)
class StoreChange:
    """What one `OrderStore.apply` changed; counts are kits, never patient identifiers."""

    changed_order_ids: frozenset[str]
    new_results: int
    new_exceptions: int


def _is_exception(kit: KitInfo) -> bool:
    return (
        kit.kit_status in EXCEPTION_KIT_STATUSES or kit.sample_status in EXCEPTION_SAMPLE_STATUSES
    )


_SCHEMA = """
CREATE TABLE IF NOT EXISTS orders (
    order_id TEXT PRIMARY KEY, status TEXT, first_name TEXT, last_name TEXT, email TEXT,
    phone TEXT, state TEXT, country TEXT, created TEXT, updated TEXT);
CREATE TABLE IF NOT EXISTS kits (
    kit_id TEXT PRIMARY KEY, kit_type TEXT, order_id TEXT, kit_status TEXT,
    sample_status TEXT, created TEXT, updated TEXT);
CREATE TABLE IF NOT EXISTS placed (order_id TEXT PRIMARY KEY, kit_types TEXT);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""


class OrderStore:
    """Orders and kits as last synced, joined into rows; thread-safe.

    One writer (the sync worker) calls `apply`; any thread reads `rows()`/`get()`. With a
    ``db_path`` the state is also kept in SQLite (0600) so a restart shows the list at once
    (`load()`) and the next refresh is incremental. That cache is written by a background
    thread, in order, one transaction per `apply`, so a refresh does not wait for the disk;
    `flush()` waits for it. If a write fails, writing stops for this session: the file keeps
    the last complete snapshot (rows and marks agree), and its marks are wiped when possible
    so the next start syncs in full.

    ``key`` (``app.services.data_key``) encrypts the file (SQLCipher); a memory-only key keeps
    the cache in memory for this session; a file the key can't open (lost key) is replaced
    by an empty one, counted in ``unreadable_files``, and the next sync fetches everything.
    ``forget_patients_before`` is the retention rule (patient fields of old orders).
    """

    def __init__(self, db_path: Path | None = None, key: DataKey | None = None) -> None:
        self._lock = threading.RLock()
        self._orders: dict[str, OrderInfo] = {}
        self._kits: dict[str, KitInfo] = {}
        # order id -> its kit ids, as dict keys (an ordered set): a dict holding only strings
        # is not tracked by the cyclic GC, a set is, and 10,000 of them made every full
        # collection during a big sync longer (a GUI stall: the collector holds the GIL).
        self._kits_by_order: dict[str, dict[str, None]] = {}
        self._placed: dict[str, tuple[str, ...]] = {}
        self._rows: dict[str, OrderRow] = {}
        self._snapshot: list[OrderRow] | None = None
        self._version = 0
        self._orders_complete = False
        self._newest_order: datetime | None = None
        self._newest_kit: datetime | None = None
        self._kit_mark: datetime | None = None
        self._synced_at: datetime | None = None
        self._db_path = db_path
        self._key = key
        self.unreadable_files = 0
        self._db: sqlite3.Connection | None = None
        self._db_lock = threading.Lock()
        self._writer: ThreadPoolExecutor | None = None
        self._writing = True
        self._cache_broken = False

    # -- reading (any thread) ------------------------------------------------------------

    @property
    def version(self) -> int:
        """Bumped on every change; a view compares it to know whether to re-read rows()."""
        return self._version

    def rows(self) -> list[OrderRow]:
        """All rows (no particular order). A shared snapshot: read it, do not modify it."""
        snapshot = self._snapshot
        if snapshot is None:
            with self._lock:
                if self._snapshot is None:
                    self._snapshot = list(self._rows.values())
                snapshot = self._snapshot
        return snapshot

    def get(self, order_id: str) -> OrderRow | None:
        return self._rows.get(order_id)

    def kit(self, kit_id: str) -> KitInfo | None:
        return self._kits.get(kit_id)

    def kits_for(self, order_id: str) -> list[KitInfo]:
        with self._lock:
            return self._sorted_kits(order_id)

    def __len__(self) -> int:
        return len(self._rows)

    @property
    def orders_complete(self) -> bool:
        """True once a walk over all orders has finished (later refreshes are incremental)."""
        return self._orders_complete

    @property
    def newest_order_update(self) -> datetime | None:
        return self._newest_order

    @property
    def newest_kit_update(self) -> datetime | None:
        return self._newest_kit

    @property
    def kit_mark(self) -> datetime | None:
        """The newest kit update as of the last *complete* kit walk: the next walk asks for
        kits updated since its date (a partial page must not move it past unseen kits)."""
        return self._kit_mark

    def order_updated(self, order_id: str) -> datetime | None:
        order = self._orders.get(order_id)
        return order.updated if order is not None else None

    def find_duplicates(
        self, recipient: dict[str, str], kit_types: Sequence[str], now: datetime, days: int = 30
    ) -> list[OrderRow]:
        return find_duplicates(self.rows(), recipient, kit_types, now, days)

    # -- writing (the sync worker) -------------------------------------------------------

    def apply(
        self,
        orders: Iterable[OrderInfo] = (),
        kits: Iterable[KitInfo] = (),
        *,
        orders_complete: bool | None = None,
        kits_complete: bool = True,
        notify_new_kits: bool = True,
    ) -> StoreChange:
        """Merge fresh orders and kits; rebuild only the rows they touch.

        A kit counts towards ``new_results``/``new_exceptions`` when its status moves into a
        result/exception status; a kit never seen before counts only if ``notify_new_kits``
        (off for the first full sync, which would otherwise announce the whole history).
        """
        new_results = 0
        new_exceptions = 0
        with self._lock:
            touched: set[str] = set()
            changed_orders: list[OrderInfo] = []
            changed_kits: list[KitInfo] = []
            for order in orders:
                old_order = self._orders.get(order.order_id)
                if old_order == order:
                    continue
                self._orders[order.order_id] = order
                changed_orders.append(order)
                touched.add(order.order_id)
                if self._newest_order is None or order.updated > self._newest_order:
                    self._newest_order = order.updated
            batch_newest: datetime | None = None
            for kit in kits:
                if batch_newest is None or kit.updated > batch_newest:
                    batch_newest = kit.updated
                old_kit = self._kits.get(kit.kit_id)
                if old_kit == kit:
                    continue
                if old_kit is not None or notify_new_kits:
                    old_sample = old_kit.sample_status if old_kit is not None else ""
                    if (
                        kit.sample_status in RESULT_SAMPLE_STATUSES
                        and kit.sample_status != old_sample
                    ):
                        new_results += 1
                    if _is_exception(kit) and (
                        old_kit is None or not _same_exception(old_kit, kit)
                    ):
                        new_exceptions += 1
                if old_kit is not None and old_kit.order_id and old_kit.order_id != kit.order_id:
                    self._kits_by_order.get(old_kit.order_id, {}).pop(kit.kit_id, None)
                    touched.add(old_kit.order_id)
                self._kits[kit.kit_id] = kit
                changed_kits.append(kit)
                if kit.order_id:
                    self._kits_by_order.setdefault(kit.order_id, {})[kit.kit_id] = None
                    touched.add(kit.order_id)
                if self._newest_kit is None or kit.updated > self._newest_kit:
                    self._newest_kit = kit.updated
            changed_ids = self._rebuild(touched)
            if orders_complete is not None:
                self._orders_complete = self._orders_complete or orders_complete
            if kits_complete and batch_newest is not None and (
                self._kit_mark is None or batch_newest > self._kit_mark
            ):
                self._kit_mark = batch_newest
            self._persist(changed_orders, changed_kits)
        return StoreChange(frozenset(changed_ids), new_results, new_exceptions)

    def remember_kit_types(self, order_id: str, kit_types: Sequence[str]) -> None:
        """Kit types of an order placed from this app (the order list has none until kits ship)."""
        with self._lock:
            self._placed[order_id] = tuple(kit_types)
            self._rebuild({order_id})
            row = (order_id, json.dumps(list(kit_types)))
            self._write(lambda db: db.execute("INSERT OR REPLACE INTO placed VALUES (?, ?)", row))

    def clear(self) -> None:
        """Forget everything (e.g. another environment or account signed in)."""
        with self._lock:
            self._orders.clear()
            self._kits.clear()
            self._kits_by_order.clear()
            self._placed.clear()
            self._rows.clear()
            self._orders_complete = False
            self._synced_at = None
            self._newest_order = None
            self._newest_kit = None
            self._kit_mark = None
            self._changed()
            self._write(
                lambda db: db.executescript(
                    "BEGIN; DELETE FROM orders; DELETE FROM kits; DELETE FROM placed;"
                    " DELETE FROM meta; COMMIT;"
                )
            )

    def forget_patients_before(self, cutoff: datetime) -> int:
        """Retention: blank the patient fields (name, email, phone) of every order last
        updated before ``cutoff``, in memory and in the cache; ids, statuses and dates stay.
        Such an order's details are fetched again from Spot when it is opened. Returns how
        many orders were blanked."""
        with self._lock:
            old = [
                order for order in self._orders.values()
                if order.updated < cutoff and _has_patient_fields(order)
            ]
            if not old:
                return 0
            for order in old:
                self._orders[order.order_id] = _without_patient(order)
            self._rebuild([order.order_id for order in old])
            ids = [(order.order_id,) for order in old]
            self._write(
                lambda db: db.executemany(
                    "UPDATE orders SET first_name = '', last_name = '', email = '', phone = ''"
                    " WHERE order_id = ?",
                    ids,
                )
            )
        logger.info("retention: patient fields removed from %d old order(s)", len(old))
        return len(old)

    def apply_retention(self, now: datetime, days: int = DEFAULT_PATIENT_DAYS) -> int:
        """``forget_patients_before(now - days)``: the hourly retention pass calls this."""
        return self.forget_patients_before(now - timedelta(days=days))

    # -- persistence ---------------------------------------------------------------------

    def load(self) -> bool:
        """Read the cached state (call off the GUI thread). Returns True if any was found."""
        if self._db_path is None:
            return False
        self.flush()
        with self._lock, self._db_lock:
            db = self._connect()
            orders = [
                OrderInfo(
                    order_id=r[0],
                    status=r[1],
                    first_name=r[2],
                    last_name=r[3],
                    email=r[4],
                    phone=r[5],
                    state=r[6],
                    country=r[7],
                    created=datetime.fromisoformat(r[8]),
                    updated=datetime.fromisoformat(r[9]),
                )
                for r in db.execute("SELECT * FROM orders")
            ]
            kits = [
                KitInfo(
                    kit_id=r[0],
                    kit_type=r[1],
                    order_id=r[2],
                    kit_status=r[3],
                    sample_status=r[4],
                    created=datetime.fromisoformat(r[5]),
                    updated=datetime.fromisoformat(r[6]),
                )
                for r in db.execute("SELECT * FROM kits")
            ]
            placed = {r[0]: tuple(json.loads(r[1])) for r in db.execute("SELECT * FROM placed")}
            meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
            self._placed.update(placed)
            self._writing = False  # everything read is already on disk: don't write it back
            try:
                self.apply(
                    orders,
                    kits,
                    orders_complete=meta.get("orders_complete") == "1",
                    kits_complete=False,
                    notify_new_kits=False,
                )
            finally:
                self._writing = True
            mark = meta.get("kit_mark")
            self._kit_mark = datetime.fromisoformat(mark) if mark else None
            synced = meta.get("synced_at")
            with contextlib.suppress(ValueError):
                self._synced_at = datetime.fromisoformat(synced) if synced else None
            return bool(orders or kits)

    def _connect(self) -> sqlite3.Connection:
        if self._db is None:
            assert self._db_path is not None
            self._db, unreadable = open_or_reset(self._db_path, self._key)
            self.unreadable_files += unreadable
            self._db.executescript(_SCHEMA)
        return self._db

    def _persist(self, orders: list[OrderInfo], kits: list[KitInfo]) -> None:
        if self._db_path is None or not self._writing or not (orders or kits):
            return
        order_rows = [
            (o.order_id, o.status, o.first_name, o.last_name, o.email, o.phone, o.state,
             o.country, o.created.isoformat(), o.updated.isoformat())
            for o in orders
        ]
        kit_rows = [
            (k.kit_id, k.kit_type, k.order_id, k.kit_status, k.sample_status,
             k.created.isoformat(), k.updated.isoformat())
            for k in kits
        ]
        # The marks as of this change: on disk they never run ahead of the rows they cover.
        meta = [
            ("orders_complete", "1" if self._orders_complete else "0"),
            ("kit_mark", self._kit_mark.isoformat() if self._kit_mark else ""),
        ]

        def write(db: sqlite3.Connection) -> None:
            db.execute("BEGIN")
            try:
                db.executemany("INSERT OR REPLACE INTO orders VALUES (?,?,?,?,?,?,?,?,?,?)",
                               order_rows)
                db.executemany("INSERT OR REPLACE INTO kits VALUES (?,?,?,?,?,?,?)", kit_rows)
                db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", meta)
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise

        self._write(write)

    def _write(self, job: Callable[[sqlite3.Connection], object]) -> None:
        """Run ``job`` on the cache database in the writer thread (after earlier jobs)."""
        if self._db_path is None or self._cache_broken:
            return
        if self._writer is None:
            self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="order-cache")
        self._writer.submit(self._run_write, job)

    def _run_write(self, job: Callable[[sqlite3.Connection], object]) -> None:
        assert self._db_path is not None
        try:
            with self._db_lock:
                job(self._connect())
            tighten_permissions(self._db_path)
        except Exception as exc:  # noqa: BLE001 - a cache failure must not break the list
            logger.warning(
                "order cache write failed (%s); the next start syncs in full", type(exc).__name__
            )
            self._cache_broken = True
            with contextlib.suppress(Exception), self._db_lock:
                self._connect().execute("DELETE FROM meta")

    @property
    def synced_at(self) -> datetime | None:
        """When a refresh last succeeded (UTC), also as read from the cache at start."""
        return self._synced_at

    def mark_synced(self, when: datetime) -> None:
        """A refresh succeeded at ``when``: kept on disk, so the next start can show the
        cached list with how old it is before its first refresh ends."""
        self._synced_at = when
        value = when.isoformat()
        self._write(lambda db: db.execute(
            "INSERT OR REPLACE INTO meta VALUES ('synced_at', ?)", (value,)
        ))

    def flush(self) -> None:
        """Wait until everything applied so far is on disk."""
        writer = self._writer
        if writer is not None:
            writer.submit(lambda: None).result()

    def close(self) -> None:
        self.flush()
        with self._lock:
            if self._writer is not None:
                self._writer.shutdown(wait=True)
                self._writer = None
            with self._db_lock:
                close_private_db(self._db)
                self._db = None

    # -- internals -----------------------------------------------------------------------

    def _sorted_kits(self, order_id: str) -> list[KitInfo]:
        kits = [self._kits[kit_id] for kit_id in self._kits_by_order.get(order_id, ())]
        kits.sort(key=lambda kit: (kit.created, kit.kit_id))
        return kits

    def _rebuild(self, order_ids: Iterable[str]) -> set[str]:
        changed: set[str] = set()
        for order_id in order_ids:
            order = self._orders.get(order_id)
            if order is None:
                continue  # kits of an order not synced yet: joined when the order arrives
            row = build_row(order, self._sorted_kits(order_id), self._placed.get(order_id, ()))
            if self._rows.get(order_id) != row:
                self._rows[order_id] = row
                changed.add(order_id)
        if changed:
            self._changed()
        return changed

    def _changed(self) -> None:
        self._snapshot = None
        self._version += 1


def _has_patient_fields(order: OrderInfo) -> bool:
    return bool(order.first_name or order.last_name or order.email or order.phone)


def _without_patient(order: OrderInfo) -> OrderInfo:
    return replace(order, first_name="", last_name="", email="", phone="")


def _same_exception(old: KitInfo, new: KitInfo) -> bool:
    return old.kit_status == new.kit_status and old.sample_status == new.sample_status
