"""The audit trail's encrypted storage: its lines in one SQLCipher table (no Qt).

`AuditTrail` (``app.services.audit``) keeps the hash chain, retention and export; this class
only stores its lines, like ``PlainAuditFile`` did, so the chain logic is unchanged and
``--verify-audit`` checks the same bytes. The file (``audit-trail.sqlite3``) is encrypted
with the data folder's key (``app.services.data_key``), like every store of issue 16:

- the key is asked for on first use, not at construction, so building the workstation at
  start costs no keyring call on the GUI thread (the first use is the retention pass, on a
  worker);
- without a keyring the trail lives in memory for the session: records made then are lost
  at exit (the app says the password store is missing). A plaintext trail left by an older
  version is read into memory so the chain goes on, and left on disk untouched;
- a plaintext trail (``audit-trail.jsonl``) is moved in on first open with a key, in one
  transaction, then shredded; a crash before the shredding is finished at the next open;
- a file this key can't open (a lost key) is set aside, never deleted (``set_aside_as``), and
  a new trail starts; ``--verify-audit`` names the set-aside files.

``read_only`` (for ``--verify-audit``): no migration, no setting aside; an unreadable file
raises ``StoreUnreadable``.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from app.services.private_db import (
    SET_ASIDE_SUFFIX,
    StoreUnreadable,
    close_private_db,
    open_private_db,
    set_aside,
)

if TYPE_CHECKING:
    from app.services.data_key import DataKey

__all__ = ["AUDIT_DB_NAME", "EncryptedAuditStore", "set_aside_trails"]

log = logging.getLogger(__name__)

AUDIT_DB_NAME = "audit-trail.sqlite3"

_SCHEMA = "CREATE TABLE IF NOT EXISTS lines (n INTEGER PRIMARY KEY, line BLOB NOT NULL)"


class LegacyTrail(Protocol):
    """A plaintext trail to move in (``PlainAuditFile``)."""

    def read_lines(self) -> list[bytes]: ...

    def discard(self) -> None: ...


class EncryptedAuditStore:
    """``AuditStorage`` in an SQLCipher table. Not thread-safe by itself: `AuditTrail` calls
    it under its lock. ``key`` is a key or a function that gets it (called once)."""

    def __init__(
        self,
        path: Path,
        key: DataKey | Callable[[], DataKey],
        *,
        legacy: LegacyTrail | None = None,
        read_only: bool = False,
    ) -> None:
        self.path = path
        self._key = key
        self._legacy = legacy
        self._read_only = read_only
        self._db: sqlite3.Connection | None = None
        #: Where an unreadable trail (lost key) was moved at this open; None if not.
        self.set_aside_as: Path | None = None

    # -- AuditStorage ----------------------------------------------------------------------

    def read_lines(self) -> list[bytes]:
        rows = self._conn().execute("SELECT line FROM lines ORDER BY n").fetchall()
        return [bytes(line) for (line,) in rows]

    def append_line(self, line: bytes) -> None:
        self._conn().execute("INSERT INTO lines (line) VALUES (?)", (line,))

    def replace_lines(self, lines: Sequence[bytes]) -> None:
        conn = self._conn()
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute("DELETE FROM lines")
            conn.executemany("INSERT INTO lines (line) VALUES (?)", [(ln,) for ln in lines])
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def close(self) -> None:
        close_private_db(self._db)
        self._db = None

    # -- opening ---------------------------------------------------------------------------

    def _conn(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = self._open()
        return self._db

    def _open(self) -> sqlite3.Connection:
        key = self._key() if callable(self._key) else self._key
        try:
            conn = open_private_db(self.path, key)
        except StoreUnreadable:
            if self._read_only:
                raise
            self.set_aside_as = set_aside(self.path)
            log.warning("audit trail could not be decrypted (new data key): set aside, a new "
                        "trail starts")
            conn = open_private_db(self.path, key)
        conn.execute(_SCHEMA)
        if self._legacy is not None and not self._read_only:
            self._move_in(conn, self._legacy, keep_plaintext=key.memory_only)
        return conn

    @staticmethod
    def _move_in(conn: sqlite3.Connection, legacy: LegacyTrail, *, keep_plaintext: bool) -> None:
        """Copy a plaintext trail's lines in (once), then shred it (unless memory-only)."""
        old = legacy.read_lines()
        if not old:
            return
        (count,) = conn.execute("SELECT count(*) FROM lines").fetchone()
        if count == 0:
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany("INSERT INTO lines (line) VALUES (?)", [(ln,) for ln in old])
            conn.execute("COMMIT")
            log.info("audit trail: %d plaintext record(s) moved into the encrypted trail",
                     len(old))
        if keep_plaintext:
            return  # memory-only: the plaintext file is the only lasting copy
        first = [bytes(line) for (line,) in conn.execute(
            "SELECT line FROM lines ORDER BY n LIMIT ?", (len(old),))]
        if first == old:
            legacy.discard()
        else:
            log.warning("audit trail: a plaintext trail that differs from the encrypted one "
                        "was left in place")


def set_aside_trails(data_dir: Path) -> list[Path]:
    """Encrypted trails set aside after a lost key (for ``--verify-audit`` to name)."""
    prefix = AUDIT_DB_NAME + SET_ASIDE_SUFFIX
    return sorted(p for p in data_dir.glob(prefix + "-*") if p.name[-1].isdigit())
