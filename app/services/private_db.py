"""Open the SQLite files that hold patient data: encrypted (SQLCipher), 0600, WAL, secure delete.

Encryption at rest: **SQLCipher** (the ``sqlcipher3`` wheels: SQLCipher 4, statically linked
with its own crypto library; cp312 wheels exist for Linux x86_64/aarch64 (manylinux_2_28),
Windows (win_amd64) and macOS (x86_64 and arm64)). Chosen over per-value AES-GCM with
``cryptography`` because:

- every page is encrypted (AES-256, HMAC-SHA512 per page), so the -wal file, indexes, free
  pages and a discarded draft still sitting in the WAL after a kill are ciphertext too. With
  per-value encryption each store must pick its PHI columns by hand, and a new column added
  later would be plaintext by default;
- every column stays queryable (the order cache searches names and emails);
- adopting it is one argument: ``open_private_db(path, key)``; the outbox and the audit trail
  keep their SQL unchanged.

The key (32 random bytes) comes from ``app.services.data_key``: one per data folder, kept in
the OS keyring, never in a file. ``key`` decides where a store lives:

- a ``DataKey`` with a secret: the SQLCipher file at ``path``;
- a ``DataKey`` without one (no keyring this session): an in-memory database, gone at exit;
- ``None``: a plaintext stdlib SQLite file. Only for stores not yet moved over; no new code.

A file that the key cannot open (a lost key, e.g. a new Windows profile) raises
``StoreUnreadable``; ``open_or_reset`` turns that into a fresh, empty store and says how many
files were unreadable (caches re-sync). A store whose content must never be dropped silently
(the outbox, import batches) uses ``open_or_set_aside`` instead: the file is kept aside and
the count it recorded (``record_count_hint``) is reported to the user. An older
plaintext file is encrypted in place on first open (``sqlcipher_export``), then the plaintext
is overwritten and removed.

Every connection runs ``PRAGMA secure_delete=ON`` (deleted rows are zeroed, not left in free
pages); ``close_private_db`` checkpoints the WAL into the main file and truncates it.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import sqlcipher3  # type: ignore[import-untyped]

from app.fileops import private_opener

if TYPE_CHECKING:
    from app.services.data_key import DataKey

__all__ = [
    "DB_ERRORS",
    "UNKNOWN_COUNT",
    "CountHint",
    "StoreUnreadable",
    "close_private_db",
    "count_hint",
    "create_private_file",
    "open_or_reset",
    "open_or_set_aside",
    "open_private_db",
    "record_count_hint",
    "remove_store",
    "set_aside",
    "tighten_permissions",
]

log = logging.getLogger(__name__)

_SIDE_FILES = ("-wal", "-shm", "-journal")
_PLAINTEXT_HEADER = b"SQLite format 3\x00"
SET_ASIDE_SUFFIX = ".unreadable"
COUNT_HINT_SUFFIX = ".count"
#: What ``open_or_set_aside`` returns for a set-aside file whose item count is unknown.
UNKNOWN_COUNT = -1
_PLAINTEXT_SUFFIX = ".plaintext"

#: Errors from either driver: code that catches ``sqlite3.Error`` must catch these.
DB_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, sqlcipher3.Error)


class StoreUnreadable(Exception):
    """The file at ``path`` can't be opened with this data key (lost or replaced key)."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path.name} can't be decrypted with this workstation's data key")
        self.path = path


def open_private_db(path: Path, key: DataKey | None = None) -> sqlite3.Connection:
    """Open the store at ``path`` with ``key`` (see the module docstring for the three cases).

    A file is created with mode 0600 *before* SQLite opens it: SQLite copies the main file's
    mode onto its -wal/-shm files, and a file created by connect would follow the umask. The
    connection may be used from several threads; callers serialise access with a lock.
    Raises ``StoreUnreadable`` if ``key`` does not open an existing file.
    """
    if key is not None and key.secret is None:
        conn = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
        conn.execute("PRAGMA secure_delete=ON")
        return conn
    if key is None:
        create_private_file(path)
        conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    else:
        assert key.secret is not None
        _finish_interrupted_migration(path)
        create_private_file(path)
        if _is_plaintext_sqlite(path):
            _encrypt_in_place(path, key.secret)
        conn = _open_encrypted(path, key.secret)
    conn.execute("PRAGMA secure_delete=ON")
    conn.execute("PRAGMA journal_mode=WAL")
    # FULL: a submitted order must survive a power cut right after submit() returns.
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA busy_timeout=5000")
    tighten_permissions(path)
    return conn


def close_private_db(conn: sqlite3.Connection | None) -> None:
    """Checkpoint the WAL into the main file (truncating it), then close. Never raises."""
    if conn is None:
        return
    with contextlib.suppress(*DB_ERRORS):
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with contextlib.suppress(*DB_ERRORS):
        conn.close()


def open_or_reset(path: Path, key: DataKey | None) -> tuple[sqlite3.Connection, int]:
    """``open_private_db``, but a file this key can't open is removed and a fresh one made.

    For caches that rebuild themselves (orders re-sync) or whose loss the caller reports.
    Returns the connection and how many unreadable files were removed (0 or 1), so the caller
    can say so; never for the outbox (use ``set_aside``).
    """
    try:
        return open_private_db(path, key), 0
    except StoreUnreadable:
        log.warning("%s could not be decrypted (new data key): starting it afresh", path.name)
        remove_store(path)
        return open_private_db(path, key), 1


def open_or_set_aside(path: Path, key: DataKey | None) -> tuple[sqlite3.Connection, int]:
    """``open_private_db``, but a file this key can't open is set aside (``set_aside``: kept,
    never deleted) and a fresh one opened. For stores whose items must never vanish silently
    (the outbox, import batches). Returns the connection and how many items the set-aside
    file held by its ``record_count_hint``: 0 if nothing was set aside, ``UNKNOWN_COUNT`` if
    it had no hint."""
    try:
        return open_private_db(path, key), 0
    except StoreUnreadable:
        hint = count_hint(path)
        set_aside(path)
        log.warning("%s could not be decrypted (new data key): set aside with %s item(s)",
                    path.name, "unknown" if hint is None else hint)
        return open_private_db(path, key), UNKNOWN_COUNT if hint is None else hint


def set_aside(path: Path) -> Path:
    """Rename an unreadable store (and its side files) to ``<name>.unreadable-<time>``.

    Kept, not deleted: the key may come back (a restored profile). ``--forget-workstation``
    removes them with the rest of the data folder.
    """
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}{SET_ASIDE_SUFFIX}-{stamp}")
    for suffix in ("", *_SIDE_FILES, COUNT_HINT_SUFFIX):
        source = path.with_name(path.name + suffix)
        if source.exists():
            os.replace(source, target.with_name(target.name + suffix))
    return target


def record_count_hint(path: Path, count: int) -> None:
    """Keep how many items the store at ``path`` holds in a plaintext side file (a number,
    no patient data), so that if the key is lost the user can be told how many were lost."""
    hint = path.with_name(path.name + COUNT_HINT_SUFFIX)
    partial = hint.with_name(hint.name + ".part")
    with open(partial, "wb", opener=private_opener) as handle:
        handle.write(json.dumps({"count": int(count)}).encode("ascii"))
    os.replace(partial, hint)


class CountHint:
    """Keeps the ``record_count_hint`` of the store at ``path`` current: ``update(count)``
    writes only when the count changed, and nothing for a memory-only store."""

    def __init__(self, path: Path, key: DataKey | None) -> None:
        self._path = None if key is not None and key.memory_only else path
        self._last: int | None = None

    def update(self, count: int) -> None:
        if self._path is not None and count != self._last:
            record_count_hint(self._path, count)
            self._last = count


def count_hint(path: Path) -> int | None:
    """The count last recorded by ``record_count_hint`` for ``path`` (or a set-aside copy's
    own side file); ``None`` if none was recorded or it is unreadable."""
    try:
        with open(path.with_name(path.name + COUNT_HINT_SUFFIX), "rb") as handle:
            value = json.loads(handle.read().decode("ascii")).get("count")
    except (OSError, ValueError, AttributeError):
        return None
    return value if isinstance(value, int) and value >= 0 else None


def remove_store(path: Path) -> None:
    """Delete a store file and its side files, overwriting their bytes first."""
    for suffix in ("", *_SIDE_FILES, COUNT_HINT_SUFFIX):
        _shred(path.with_name(path.name + suffix))


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


# -- internals ---------------------------------------------------------------------------


def _key_pragma(secret: bytes) -> str:
    # A raw 256-bit key (x'…' form): no passphrase derivation, so opening costs nothing.
    return f"PRAGMA key = \"x'{secret.hex()}'\""


def _open_encrypted(path: Path, secret: bytes) -> sqlite3.Connection:
    conn: Any = sqlcipher3.connect(str(path), check_same_thread=False, isolation_level=None)
    conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is ours to report, not stderr
    conn.execute(_key_pragma(secret))
    try:
        # The key is only checked on the first read of the file.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError:
        conn.close()
        raise StoreUnreadable(path) from None
    # sqlcipher3's connection has the stdlib API (DB-API 2.0, same methods).
    return cast(sqlite3.Connection, conn)


def _is_plaintext_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(_PLAINTEXT_HEADER)) == _PLAINTEXT_HEADER
    except OSError:
        return False


def _encrypt_in_place(path: Path, secret: bytes) -> None:
    """Turn a plaintext store left by an older version into an encrypted one (same content).

    Crash-safe, so no queued order is lost: the encrypted copy is complete before anything
    moves; the plaintext is renamed to ``<name>.plaintext`` and the copy put in its place;
    only then is the plaintext shredded. A start after a crash in between finishes the job
    (``_finish_interrupted_migration``).
    """
    target = path.with_name(path.name + ".encrypting")
    remove_store(target)
    create_private_file(target)
    conn: Any = sqlcipher3.connect(str(path), isolation_level=None)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # rows still in a -wal come along
        conn.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(target), ""))
        conn.execute(f"PRAGMA encrypted.key = \"x'{secret.hex()}'\"")
        conn.execute("SELECT sqlcipher_export('encrypted')")
        conn.execute("DETACH DATABASE encrypted")
    finally:
        conn.close()
    plaintext = path.with_name(path.name + _PLAINTEXT_SUFFIX)
    remove_store(plaintext)
    for suffix in ("", *_SIDE_FILES):
        source = path.with_name(path.name + suffix)
        if source.exists():
            os.replace(source, plaintext.with_name(plaintext.name + suffix))
    os.replace(target, path)
    remove_store(plaintext)
    log.info("%s encrypted in place", path.name)


def _finish_interrupted_migration(path: Path) -> None:
    """After a crash inside ``_encrypt_in_place``: put the plaintext back if the encrypted
    copy never took its place (it is encrypted again), else shred what is left of it."""
    plaintext = path.with_name(path.name + _PLAINTEXT_SUFFIX)
    if not plaintext.exists():
        return
    if path.exists() and not _is_plaintext_sqlite(path) and path.stat().st_size > 0:
        remove_store(plaintext)  # the encrypted copy is in place: the rest is leftovers
        return
    remove_store(path)
    for suffix in ("", *_SIDE_FILES):
        source = plaintext.with_name(plaintext.name + suffix)
        if source.exists():
            os.replace(source, path.with_name(path.name + suffix))
    log.info("%s: an interrupted encryption is started again", path.name)


def _shred(path: Path) -> None:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    with contextlib.suppress(OSError), open(path, "r+b") as handle:
        handle.write(b"\x00" * size)
        handle.flush()
        os.fsync(handle.fileno())
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
