"""Which reports were opened on this workstation (drives "results ready but not opened").

A tiny SQLite file in the data folder (0600, encrypted with the data folder's key: report ids
tie patients to results). Reads come from an in-memory copy, so the order list can ask per
row on the GUI thread; ``mark_seen`` writes through (run it off the GUI thread).
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app.services.private_db import close_private_db, open_or_reset

if TYPE_CHECKING:
    from app.services.data_key import DataKey

__all__ = ["SeenReports"]


class SeenReports:
    """``unreadable_files`` is 1 when the file could not be opened with ``key`` (lost key):
    the list of opened reports starts empty again."""

    def __init__(self, db_path: Path, key: DataKey | None = None) -> None:
        self._path = db_path
        self._lock = threading.Lock()
        self._db, self.unreadable_files = open_or_reset(db_path, key)
        conn = self._db
        conn.execute(
            "CREATE TABLE IF NOT EXISTS seen_reports ("
            " report_id TEXT PRIMARY KEY, kit_id TEXT NOT NULL, seen_at TEXT NOT NULL)"
        )
        rows = conn.execute("SELECT report_id, kit_id FROM seen_reports").fetchall()
        conn.execute("CREATE TABLE IF NOT EXISTS first_start (at TEXT NOT NULL)")
        found = conn.execute("SELECT at FROM first_start").fetchone()
        if found is None:
            # The first start of this workstation (for this account). A workstation that
            # already opened reports started no later than the first one it opened.
            earliest = conn.execute("SELECT MIN(seen_at) FROM seen_reports").fetchone()[0]
            found = (earliest or datetime.now(UTC).isoformat(),)
            conn.execute("INSERT INTO first_start (at) VALUES (?)", found)
        self._first_start = datetime.fromisoformat(found[0])
        self._reports: set[str] = {report_id for report_id, _ in rows}
        self._kits: set[str] = {kit_id for _, kit_id in rows}

    @property
    def first_start(self) -> datetime:
        """When this workstation first kept track: older results are not "new" here."""
        return self._first_start

    @property
    def path(self) -> Path:
        return self._path

    def mark_seen(self, kit_id: str, report_id: str) -> None:
        """Remember that ``report_id`` (of ``kit_id``) was opened here."""
        with self._lock:
            if report_id in self._reports:
                return
            self._db.execute(
                "INSERT OR IGNORE INTO seen_reports (report_id, kit_id, seen_at) VALUES (?, ?, ?)",
                (report_id, kit_id, datetime.now(UTC).isoformat()),
            )
            self._reports.add(report_id)
            self._kits.add(kit_id)

    def is_seen(self, report_id: str) -> bool:
        with self._lock:
            return report_id in self._reports

    def kits_with_seen_reports(self) -> set[str]:
        with self._lock:
            return set(self._kits)

    def close(self) -> None:
        with self._lock:
            close_private_db(self._db)
