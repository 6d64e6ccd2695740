"""Windows behaviour simulated on any OS: O_BINARY on descriptors, antivirus holding a file."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from app import fileops

FAKE_O_BINARY = 0x8000  # Windows' value; O_LARGEFILE on Linux, so harmless to pass here


def record_open_flags(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Pretend this OS has O_BINARY; returns {path: flags} of every ``os.open`` from now on."""
    seen: dict[str, int] = {}
    real_open = os.open

    def recording_open(path: str | os.PathLike[str], flags: int, mode: int = 0o777) -> int:
        seen[os.fspath(path)] = flags
        return real_open(path, flags & ~FAKE_O_BINARY, mode)

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
