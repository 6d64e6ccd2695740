"""Open SQLite files that hold patient data so only the user can read them (0600, WAL)."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from app.fileops import private_opener

__all__ = ["create_private_file", "open_private_db", "tighten_permissions"]

_SIDE_FILES = ("-wal", "-shm", "-journal")


def open_private_db(path: Path) -> sqlite3.Connection:
    """Create (if needed) and open ``path`` readable by the user only, in WAL mode.

    The file is created with mode 0600 *before* SQLite opens it: SQLite copies the main file's
    mode onto its -wal/-shm files, and a file created by sqlite3.connect would follow the umask.
    The connection may be used from several threads; callers serialise access with a lock.
    """
    create_private_file(path)
    conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    # FULL: a submitted order must survive a power cut right after submit() returns.
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA busy_timeout=5000")
    tighten_permissions(path)
    return conn


def create_private_file(path: Path) -> None:
    """Create ``path`` (and its folder) if missing, readable by the user only (0600), so that
    SQLite, which copies the main file's mode onto its side files, never follows the umask."""
    path.parent.mkdir(parents=True, exist_ok=True)
    os.close(private_opener(path, os.O_RDWR | os.O_CREAT))
    os.chmod(path, 0o600)  # a file left by an older version may be wider


def tighten_permissions(path: Path) -> None:
    """chmod the database and any side files SQLite created next to it to 0600."""
    for candidate in (path, *(path.with_name(path.name + suffix) for suffix in _SIDE_FILES)):
        # A side file may vanish between the check and the chmod (checkpoint): nothing to do.
        with contextlib.suppress(FileNotFoundError):
            os.chmod(candidate, 0o600)
