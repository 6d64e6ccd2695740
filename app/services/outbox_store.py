"""The outbox's SQLite file: one row per item, and the audit table of staff decisions.

Private (0600), WAL, synchronous=FULL, encrypted with the data folder's key (SQLCipher, see
`app.services.private_db`; a plaintext file from v0.1 is encrypted in place on first open,
every item kept). Not thread-safe by itself: the outbox calls it under its lock. Once closed,
writes are skipped (quit while a POST was in flight: the file keeps "may exist").

Queued orders must never vanish silently. So the number of unsent items is kept next to the
file (``record_count_hint``: a number, no patient data), and a file this key can't open (a
lost key) is set aside, not deleted: ``unreadable_items`` then says how many unsent orders it
held (``UNKNOWN_COUNT`` if it can't be told), for the window to tell the user.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.api import models
from app.services.outbox_items import AuditEntry, OutboxItem, OutboxRecord
from app.services.private_db import (
    DB_ERRORS,
    UNKNOWN_COUNT,
    CountHint,
    StoreUnreadable,
    close_private_db,
    open_or_set_aside,
    open_private_db,
    tighten_permissions,
)

if TYPE_CHECKING:
    from app.services.data_key import DataKey

__all__ = ["UNKNOWN_COUNT", "OutboxStore", "count_states"]

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


class OutboxStore:
    """The items table (`insert`, `update`, `delete`, `load`) and the audit table."""

    def __init__(self, db_path: Path, key: DataKey | None = None) -> None:
        """``key``: the data folder's key (None: a plaintext file, for tests and tools)."""
        self._db_path = db_path
        self.closed = False
        #: Unsent orders in a file set aside at this open (lost key): 0 if none,
        #: ``UNKNOWN_COUNT`` if how many is unknown.
        self._db, self.unreadable_items = open_or_set_aside(db_path, key)
        self._hint = CountHint(db_path, key)
        self._db.executescript(_SCHEMA)
        present = {row[1] for row in self._db.execute("PRAGMA table_info(items)")}
        for name, declaration in _ADDED_COLUMNS:
            if name not in present:
                self._db.execute(f"ALTER TABLE items ADD COLUMN {name} {declaration}")
        self._update_count_hint()

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            close_private_db(self._db)

    def load(self, sent_before: datetime) -> list[OutboxRecord]:
        """Every record, oldest first; sent items created before ``sent_before`` are deleted
        instead (they hold the patient's details)."""
        rows = self._db.execute(
            "SELECT item_id, client_ref, " + ", ".join(_COLUMNS)
            + " FROM items ORDER BY created, rowid"
        ).fetchall()
        records: list[OutboxRecord] = []
        for row in rows:
            record = _record_from_row(row)
            item = record.item
            if item.state == "sent" and item.created < sent_before:
                self.delete(item.item_id)
                continue
            records.append(record)
        return records

    def insert(self, record: OutboxRecord) -> None:
        self._write(record, insert=True)

    def update(self, record: OutboxRecord) -> None:
        self._write(record)

    def delete(self, item_id: str) -> None:
        if self.closed:
            return
        self._db.execute("DELETE FROM items WHERE item_id = ?", (item_id,))
        self._update_count_hint()

    def add_audit(self, item: OutboxItem, at: datetime, action: str, reason: str) -> None:
        self._db.execute(
            "INSERT INTO audit (item_id, client_ref, at, action, reason) VALUES (?,?,?,?,?)",
            (item.item_id, item.client_ref, at.isoformat(), action, reason),
        )

    def audit(self, item_id: str | None = None) -> list[AuditEntry]:
        """Staff decisions recorded so far (all, or one item's), oldest first."""
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

    def _write(self, record: OutboxRecord, *, insert: bool = False) -> None:
        if self.closed:
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
        self._update_count_hint()

    def _update_count_hint(self) -> None:
        """Keep the number of unsent items next to the file, so a lost key can be reported
        as "N orders waiting to be sent couldn't be unlocked" rather than lost silently."""
        (unsent,) = self._db.execute(
            "SELECT count(*) FROM items WHERE state != 'sent'"
        ).fetchone()
        self._hint.update(int(unsent))


def count_states(db_path: Path, key: DataKey | None) -> tuple[int, int] | None:
    """(waiting to be sent, needing attention) in the outbox file at ``db_path``, read without
    changing it; None if it can't be read with ``key`` (lost key, no keyring). Diagnostics."""
    if key is not None and key.memory_only:
        key = None  # only a plaintext file (from v0.1) can be read without the keyring
    try:
        conn = open_private_db(db_path, key)
    except StoreUnreadable:
        return None
    except DB_ERRORS:
        return None
    try:
        rows = dict(conn.execute("SELECT state, count(*) FROM items GROUP BY state").fetchall())
    except DB_ERRORS:
        return None
    finally:
        close_private_db(conn)
    return rows.get("queued", 0) + rows.get("sending", 0), rows.get("needs_attention", 0)


def _record_from_row(row: sqlite3.Row | tuple[Any, ...]) -> OutboxRecord:
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
    return OutboxRecord(
        item=item,
        first_attempt=datetime.fromisoformat(first_attempt) if first_attempt else None,
        emails=list(json.loads(emails)),
        due=float(due or 0.0),
        last_ambiguous=float(last_ambiguous) if last_ambiguous is not None else None,
        lookups=int(lookups or 0),
        lookup_failures=int(lookup_failures or 0),
        sent_at=datetime.fromisoformat(sent_at) if sent_at else None,
    )

