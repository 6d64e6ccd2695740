"""Autosaved order drafts: what staff were typing survives a crash or a closed window.

The form debounces and calls `DraftStore.save` off the GUI thread. Drafts hold patient details,
so they live in the user's data folder in a 0600 SQLite file encrypted with the data folder's
key (``app.services.private_db``), and are removed once submitted. A draft not saved for
``DRAFT_DAYS`` days is deleted (``expire``, run at start and hourly by the retention pass).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.services.private_db import close_private_db, open_or_reset, tighten_permissions

if TYPE_CHECKING:
    from app.services.data_key import DataKey

__all__ = [
    "DRAFTS_FILE_NAME",
    "DRAFT_DAYS",
    "OPEN_DRAFTS",
    "DraftStore",
    "DraftWriter",
    "OpenDrafts",
]

DRAFTS_FILE_NAME = "drafts.sqlite3"
DRAFT_DAYS = 30

_SCHEMA = """
CREATE TABLE IF NOT EXISTS drafts (
    draft_id TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    saved REAL NOT NULL
);
"""


class DraftStore:
    """Drafts by id (the form picks the id, e.g. a UUID per open form); thread-safe.

    ``unreadable_files`` is 1 when the drafts file could not be opened with ``key`` (a lost
    key): its drafts are gone and the caller tells the user.
    """

    def __init__(
        self,
        db_path: Path,
        *,
        key: DataKey | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._path = db_path
        self._clock = clock
        self._lock = threading.Lock()
        self._db, self.unreadable_files = open_or_reset(db_path, key)
        self._db.executescript(_SCHEMA)

    def save(self, draft_id: str, data: dict[str, Any]) -> None:
        """Replace the draft. ``data`` must be JSON-serialisable (form field values)."""
        text = json.dumps(data)
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO drafts (draft_id, data, saved) VALUES (?, ?, ?)",
                (draft_id, text, self._clock()),
            )
        tighten_permissions(self._path)

    def load_all(self) -> dict[str, dict[str, Any]]:
        """Every saved draft, oldest first. A draft that no longer parses is skipped."""
        with self._lock:
            rows = self._db.execute("SELECT draft_id, data FROM drafts ORDER BY saved").fetchall()
        drafts: dict[str, dict[str, Any]] = {}
        for draft_id, text in rows:
            try:
                data = json.loads(text)
            except ValueError:
                continue
            if isinstance(data, dict):
                drafts[draft_id] = data
        return drafts

    def discard(self, draft_id: str) -> None:
        """Forget the draft (submitted or thrown away). Unknown ids are fine."""
        with self._lock:
            self._db.execute("DELETE FROM drafts WHERE draft_id = ?", (draft_id,))

    def expire(self, days: int = DRAFT_DAYS) -> int:
        """Delete drafts not saved for ``days`` days; how many were deleted."""
        cutoff = self._clock() - days * 86400
        with self._lock:
            gone = self._db.execute("DELETE FROM drafts WHERE saved < ?", (cutoff,)).rowcount
        return max(gone, 0)

    def close(self) -> None:
        with self._lock:
            close_private_db(self._db)


class DraftWriter:
    """Draft saves and discards for one form, safe to run on any worker thread.

    An autosave can still be running when the order is placed and its draft discarded; were
    the save to land last, the placed order would be offered for restore and could be sent
    twice. So a discarded id is remembered and never written again, whichever runs first.
    """

    def __init__(self, drafts: Any) -> None:
        self._drafts = drafts
        self._lock = threading.Lock()
        self._discarded: set[str] = set()

    def save(self, draft_id: str, data: dict[str, Any]) -> None:
        with self._lock:
            if draft_id not in self._discarded:
                self._drafts.save(draft_id, data)

    def discard(self, draft_id: str) -> None:
        with self._lock:
            self._discarded.add(draft_id)
            self._drafts.discard(draft_id)


class OpenDrafts:
    """Draft ids that a live form in this process is editing: never offered for restore.

    ``switch`` moves a form from one id to the next (a new order, a restored draft).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._ids: set[str] = set()

    def switch(self, old: str | None, new: str | None) -> None:
        with self._lock:
            if old is not None:
                self._ids.discard(old)
            if new is not None:
                self._ids.add(new)

    def __contains__(self, draft_id: object) -> bool:
        with self._lock:
            return draft_id in self._ids

    def ids(self) -> frozenset[str]:
        with self._lock:
            return frozenset(self._ids)


#: The process's open drafts (one process per data folder: see app/instance.py).
OPEN_DRAFTS = OpenDrafts()

