"""Windows behaviour simulated on any OS: O_BINARY on descriptors, antivirus holding a file."""

from __future__ import annotations

import errno
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app import fileops

# Windows' O_BINARY (0x8000); where the OS has none it is O_LARGEFILE (Linux), harmless to pass.
FAKE_O_BINARY: int = getattr(os, "O_BINARY", 0x8000)
_STRIP = 0 if hasattr(os, "O_BINARY") else FAKE_O_BINARY  # on Windows keep the real flag

# 0600/0700 modes exist on POSIX only; on Windows privacy is the folder's ACL (data_folder).
posix_modes = pytest.mark.skipif(os.name == "nt", reason="POSIX file modes; Windows uses ACLs")


def record_open_flags(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Pretend this OS has O_BINARY; returns {path: flags} of every ``os.open`` from now on."""
    seen: dict[str, int] = {}
    real_open = os.open

    def recording_open(path: str | os.PathLike[str], flags: int, mode: int = 0o777) -> int:
        seen[os.fspath(path)] = flags
        return real_open(path, flags & ~_STRIP, mode)

    monkeypatch.setattr(fileops, "O_BINARY", FAKE_O_BINARY)
    monkeypatch.setattr(os, "open", recording_open)
    return seen


def refuse_renames(monkeypatch: pytest.MonkeyPatch, times: int) -> list[PermissionError]:
    """``os.replace`` fails ``times`` times as under an antivirus scan (WinError 5/32 are
    PermissionError), then works. Returns the refusals still to come."""
    refusals = [PermissionError(errno.EACCES, "used by another process") for _ in range(times)]
    real_replace = os.replace

    def antivirus_replace(src: Path, dst: Path) -> None:
        if refusals:
            raise refusals.pop()
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", antivirus_replace)
    return refusals


def windows_astimezone(moment: datetime) -> datetime:
    """astimezone() as on Windows: the C runtime refuses times before the epoch."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    if aware < datetime(1970, 1, 2, tzinfo=UTC):
        raise OSError(errno.EINVAL, "Invalid argument")
    return moment.astimezone()
