"""The results inbox at rest: its digest cache is encrypted like the order cache, and its
go-live date survives a lost key or a keyring-less session (it holds no patient data)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import keyring.errors as kr_errors
import pytest

from app.paths import Paths
from app.sandbox import SandboxServer
from app.services import data_key
from app.services.environments import Environment
from app.services.inbox import CriticalLimit, InboxService, Reviewer
from app.services.order_store import OrderStore
from app.services.session import Session
from tests.helpers.keyring import FailingKeyring, MemoryKeyring

CLINICIAN = Reviewer("Dr. Ada Byrne", "clinician")
GO_LIVE = datetime(2000, 1, 1, tzinfo=UTC)


def _paths(root: Path) -> Paths:
    return Paths(data=root / "data", logs=root / "logs", cache=root / "cache",
                 config=root / "config")


def _open(sandbox: SandboxServer, root: Path) -> Session:
    return Session.open(Environment.sandbox(sandbox.base_url), sandbox.token, _paths(root),
                        start_outbox=False)


def _inbox_bytes(session_folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in session_folder.iterdir()
                    if p.name.startswith("inbox.sqlite3"))


def test_the_inbox_cache_holds_no_readable_patient_and_reads_back_with_the_key(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    sandbox.seed(30)
    session = _open(sandbox, tmp_path)
    assert session.inbox is not None
    assert session.folder is not None
    session.inbox.set_go_live(GO_LIVE)
    session.sync.refresh()
    session.inbox.refresh()
    rows = session.inbox.build(CLINICIAN)
    assert rows
    names = {row.patient.encode() for row in rows if row.patient}
    assert names
    assert not any(name in _inbox_bytes(session.folder) for name in names)  # -wal too
    folder = session.folder
    session.close()
    raw = _inbox_bytes(folder)
    assert raw
    assert not any(name in raw for name in names)

    again = _open(sandbox, tmp_path)
    try:
        assert again.inbox is not None
        assert again.inbox.build(CLINICIAN) == rows
        assert again.inbox.go_live == GO_LIVE
    finally:
        again.close()


def test_a_lost_key_refetches_the_inbox_and_keeps_its_go_live(
    sandbox: SandboxServer, tmp_path: Path, data_keyring: MemoryKeyring
) -> None:
    sandbox.seed(30)
    session = _open(sandbox, tmp_path)
    assert session.inbox is not None
    session.inbox.set_go_live(GO_LIVE)
    session.inbox.set_critical_limits({"vitamin d": CriticalLimit(low=8)})
    session.sync.refresh()
    session.inbox.refresh()
    rows = session.inbox.build(CLINICIAN)
    session.close()

    data_keyring.entries.clear()  # a new Windows profile
    again = _open(sandbox, tmp_path)
    try:
        assert again.inbox is not None
        assert again.inbox.unreadable_files == 1
        assert again.unreadable_files == 4  # orders, drafts, seen reports, inbox
        # Go-live did not jump to today: reports never signed off are still in the inbox.
        assert again.inbox.go_live == GO_LIVE
        assert again.inbox.critical_limits == {"vitamin d": CriticalLimit(low=8)}
        again.sync.refresh()
        again.inbox.refresh()
        assert again.inbox.build(CLINICIAN) == rows
    finally:
        again.close()


def test_without_a_keyring_the_inbox_is_in_memory_and_go_live_still_holds(
    sandbox: SandboxServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sandbox.seed(10)
    first = _open(sandbox, tmp_path)
    assert first.inbox is not None
    first.inbox.set_go_live(GO_LIVE)
    first.close()

    monkeypatch.setattr(data_key, "default_backend",
                        lambda: FailingKeyring(kr_errors.NoKeyringError()))
    for _start in range(2):
        session = _open(sandbox, tmp_path)
        try:
            assert session.inbox is not None
            assert session.folder is not None
            assert session.inbox.go_live == GO_LIVE
            session.sync.refresh()
            session.inbox.refresh()
            assert session.inbox.build(CLINICIAN)
        finally:
            session.close()


def test_settings_kept_in_an_older_plaintext_inbox_move_to_their_own_file(
    tmp_path: Path
) -> None:
    path = tmp_path / "inbox.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    conn.execute("INSERT INTO meta VALUES ('go_live', ?)", (GO_LIVE.isoformat(),))
    conn.commit()
    conn.close()

    store = OrderStore()
    inbox = InboxService(lambda: None, store, path,  # type: ignore[arg-type, return-value]
                         key=data_key.data_key_for(tmp_path, MemoryKeyring()))
    try:
        assert inbox.go_live == GO_LIVE
    finally:
        inbox.close()
    assert not path.read_bytes().startswith(b"SQLite format 3")  # encrypted in place
    assert GO_LIVE.isoformat().encode() in (tmp_path / "inbox-settings.json").read_bytes()
