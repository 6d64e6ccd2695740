"""The outbox's SQLite file: one row per item, and the audit table of staff decisions.

Private (0600), WAL, synchronous=FULL (`open_private_db`). Not thread-safe by itself: the
outbox calls it under its lock. Once closed, writes are skipped (quit while a POST was in
flight: the file keeps "may exist").
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

from app.api import models
from app.services.outbox_items import AuditEntry, OutboxItem, OutboxRecord
from app.services.private_db import open_private_db, tighten_permissions

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

    def __init__(self, db_path: Path) -> None:
        self._db_path = db_path
        self.closed = False
        self._db = open_private_db(db_path)
        self._db.executescript(_SCHEMA)
        present = {row[1] for row in self._db.execute("PRAGMA table_info(items)")}
        for name, declaration in _ADDED_COLUMNS:
            if name not in present:
                self._db.execute(f"ALTER TABLE items ADD COLUMN {name} {declaration}")

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            self._db.close()

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
        self._db.execute("DELETE FROM items WHERE item_id = ?", (item_id,))

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

