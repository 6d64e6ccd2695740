"""Windows-safe file operations: binary descriptors, a rename that survives antivirus, clean-up
that reports locked files. Windows behaviour is simulated (flags, PermissionError)."""

from __future__ import annotations

import errno
import logging
import os
import stat
from pathlib import Path

import pytest

from app.fileops import private_opener, remove_files, replace_retrying
from app.services.logs import close_logging, setup_logging
from app.services.private_db import create_private_file
from tests.helpers.windows import FAKE_O_BINARY, posix_modes, record_open_flags, refuse_renames


@pytest.fixture
def recorded_flags(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    return record_open_flags(monkeypatch)


def test_private_file_round_trips_every_line_ending(tmp_path: Path) -> None:
    data = b"%PDF-1.4\n\r\n\r\x00\xff stream\nend\r\n"
    path = tmp_path / "r.pdf"
    with open(path, "xb", opener=private_opener) as handle:
        handle.write(data)
    assert path.read_bytes() == data


@posix_modes
def test_private_files_are_created_for_the_user_only(tmp_path: Path) -> None:
    path = tmp_path / "r.pdf"
    with open(path, "xb", opener=private_opener) as handle:
        handle.write(b"x")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_log_and_database_files_open_binary(
    tmp_path: Path, recorded_flags: dict[str, int]
) -> None:
    create_private_file(tmp_path / "db.sqlite3")
    log_path = setup_logging(tmp_path / "logs")
    try:
        logging.getLogger("app.test").warning("one\ntwo\r\nthree")
    finally:
        close_logging()
    for path in (tmp_path / "db.sqlite3", log_path):
        assert recorded_flags[str(path)] & FAKE_O_BINARY, path.name
    # Lines end in \n on every OS; a \r\n inside a message is kept as it was, never doubled.
    assert log_path.read_bytes().endswith(b"WARNING app.test [MainThread] one\ntwo\r\nthree\n")


def test_replace_retries_while_the_file_is_held(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, target = tmp_path / "a.part", tmp_path / "a"
    source.write_bytes(b"new")
    refuse_renames(monkeypatch, 3)
    sleeps: list[float] = []
    replace_retrying(source, target, sleep=sleeps.append)
    assert target.read_bytes() == b"new"
    assert len(sleeps) == 3


def test_replace_gives_up_after_the_last_attempt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def always_refused(src: Path, dst: Path) -> None:
        raise PermissionError(errno.EACCES, "denied")

    monkeypatch.setattr(os, "replace", always_refused)
    sleeps: list[float] = []
    with pytest.raises(PermissionError):
        replace_retrying(tmp_path / "a", tmp_path / "b", attempts=4, sleep=sleeps.append)
    assert len(sleeps) == 3


def test_replace_does_not_retry_other_errors(tmp_path: Path) -> None:
    sleeps: list[float] = []
    with pytest.raises(FileNotFoundError):
        replace_retrying(tmp_path / "missing", tmp_path / "b", sleep=sleeps.append)
    assert sleeps == []


def test_remove_files_returns_the_locked_ones(tmp_path: Path) -> None:
    free, locked = tmp_path / "free", tmp_path / "locked"
    free.write_bytes(b"x")
    locked.write_bytes(b"x")

    def viewer_holds(path: Path) -> None:
        if path == locked:
            raise PermissionError(errno.EACCES, "used by another process")
        os.remove(path)

    assert remove_files([free, locked, tmp_path / "gone"], viewer_holds) == [locked]
    assert not free.exists()
    assert locked.exists()
