"""File operations that behave the same on Windows as on Linux and macOS (stdlib only).

Shared by the services and the embedded sandbox, so it imports nothing else from the app.

- ``private_opener``: an ``opener=`` for ``open()`` that creates files readable by the user only
  (0600 on POSIX) and always binary. A descriptor from a bare ``os.open`` is in *text* mode on
  Windows, so every ``\\n`` written through it becomes ``\\r\\n`` (a PDF is then damaged).
  ``open()`` adds ``O_BINARY`` itself; the opener adds it too, for any caller that reuses it.
- ``replace_retrying``: ``os.replace`` that retries for a moment on ``PermissionError``. On
  Windows an antivirus or indexer that has just opened the new file makes the rename fail with
  WinError 5 (access denied) or 32 (sharing violation) for a few milliseconds.
- ``remove_files``: remove what can be removed, return what could not (a file a PDF viewer
  holds open cannot be deleted on Windows).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path

__all__ = [
    "O_BINARY",
    "REPLACE_ATTEMPTS",
    "private_opener",
    "remove_files",
    "replace_retrying",
]

log = logging.getLogger(__name__)

O_BINARY: int = getattr(os, "O_BINARY", 0)  # 0 where there is no text mode (POSIX)
REPLACE_ATTEMPTS = 10
REPLACE_DELAY_S = 0.05  # 10 tries over about half a second: antivirus scans are that short


def private_opener(path: str | os.PathLike[str], flags: int) -> int:
    """``open(path, mode, opener=private_opener)``: new files 0600 and the descriptor binary."""
    return os.open(path, flags | O_BINARY, 0o600)


def replace_retrying(
    source: Path,
    target: Path,
    *,
    attempts: int = REPLACE_ATTEMPTS,
    delay: float = REPLACE_DELAY_S,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """``os.replace(source, target)``, retried briefly while the OS says PermissionError.

    Any other error, or the last PermissionError, is raised as is.
    """
    for attempt in range(1, attempts + 1):
        try:
            os.replace(source, target)
            return
        except PermissionError as exc:
            if attempt == attempts:
                raise
            log.debug("rename refused (%s), retrying", getattr(exc, "winerror", exc.errno))
            sleep(delay)


def remove_files(
    paths: Iterable[Path], remove: Callable[[Path], None] = os.remove
) -> list[Path]:
    """Remove each file; return those that could not be removed (locked, or no right to)."""
    left: list[Path] = []
    for path in paths:
        try:
            remove(path)
        except FileNotFoundError:
            continue
        except OSError:
            left.append(path)
    return left
