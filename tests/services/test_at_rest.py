"""Patient data at rest: encrypted stores, the data key in the keyring, lost keys, retention."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import keyring.errors as kr_errors
import pytest

from app.paths import paths
from app.sandbox import SandboxServer
from app.services import data_key as data_key_module
from app.services.data_key import DataKey, data_key_for, forget_data_key, memory_only_key
from app.services.drafts import DraftStore
from app.services.environments import Environment
from app.services.order_rules import OrderInfo
from app.services.order_store import OrderStore
from app.services.private_db import (
    StoreUnreadable,
    close_private_db,
    count_hint,
    open_private_db,
    record_count_hint,
    set_aside,
)
from app.services.reports import BadReportFile, ReportService
from app.services.retention import RetentionPolicy, RetentionScheduler, run_retention
from app.services.seen import SeenReports
from app.services.session import Session
from tests.helpers.keyring import FailingKeyring, MemoryKeyring

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
NAME = "Zebulon Quillfeather"
EMAIL = "zebulon.quillfeather@example.com"


def _key() -> DataKey:
    return data_key_for(Path("/nowhere"), MemoryKeyring())


def _order(order_id: str, updated: datetime) -> OrderInfo:
    first, last = NAME.split()
    return OrderInfo(order_id=order_id, status="pending", first_name=first, last_name=last,
                     email=EMAIL, phone="4155550123", state="CA", country="US",
                     created=updated, updated=updated)


def _raw_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def _readable(folder: Path) -> bool:
    raw = _raw_bytes(folder)
    return any(text.encode() in raw for text in (EMAIL, "Quillfeather", "Zebulon"))


# -- the data key ---------------------------------------------------------------------------


def test_the_key_is_created_once_per_folder_and_kept_in_the_keyring(tmp_path: Path) -> None:
    keyring = MemoryKeyring()
    first = data_key_for(tmp_path / "a", keyring)
    again = data_key_for(tmp_path / "a", keyring)
    other = data_key_for(tmp_path / "b", keyring)
    assert first.status == "created"
    assert again.status == "existing"
    assert first.secret == again.secret
    assert len(first.secret or b"") == 32
    assert other.secret != first.secret
    assert first.secret is not None
    assert first.secret.hex() not in repr(first)
    assert not any(tmp_path.rglob("*"))  # never in a file

    assert forget_data_key(tmp_path / "a", keyring) is True
    assert data_key_for(tmp_path / "a", keyring).secret != first.secret
    assert forget_data_key(tmp_path / "c", keyring) is False


@pytest.mark.parametrize("exc", [kr_errors.NoKeyringError(), kr_errors.KeyringLocked(),
                                 RuntimeError("dbus")])
def test_without_a_keyring_the_key_is_memory_only_and_says_so(
    tmp_path: Path, exc: Exception
) -> None:
    key = data_key_for(tmp_path, FailingKeyring(exc))
    assert key.memory_only
    assert key.problem is not None
    assert "password store" in key.problem.title


# -- encrypted stores ----------------------------------------------------------------------


def test_order_cache_is_unreadable_on_disk_and_reads_back_with_the_key(tmp_path: Path) -> None:
    key = _key()
    store = OrderStore(tmp_path / "orders.sqlite3", key)
    store.apply([_order("O1", NOW)], orders_complete=True)
    store.close()
    assert not _readable(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["orders.sqlite3"]  # WAL folded in

    reopened = OrderStore(tmp_path / "orders.sqlite3", key)
    assert reopened.load() is True
    row = reopened.get("O1")
    assert row is not None
    assert row.email == EMAIL
    reopened.close()


def test_a_discarded_draft_is_not_readable_even_if_the_app_is_killed(tmp_path: Path) -> None:
    drafts = DraftStore(tmp_path / "drafts.sqlite3", key=_key())
    drafts.save("d1", {"email": EMAIL, "name": NAME})
    drafts.discard("d1")
    # No close(): as after a kill, the WAL is still there.
    assert not _readable(tmp_path)
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(tmp_path / "drafts.sqlite3").execute("SELECT * FROM drafts").fetchall()


def test_secure_delete_is_on_for_every_kind_of_store(tmp_path: Path) -> None:
    for index, key in enumerate((None, _key(), memory_only_key())):
        conn = open_private_db(tmp_path / f"{index}.sqlite3", key)
        assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
        close_private_db(conn)


def test_an_older_plaintext_store_is_encrypted_in_place(tmp_path: Path) -> None:
    path = tmp_path / "orders.sqlite3"
    plain = OrderStore(path)  # no key: what an older version wrote
    plain.apply([_order("O1", NOW)])
    plain.close()
    assert _readable(tmp_path)

    store = OrderStore(path, _key())
    assert store.load() is True
    assert store.get("O1") is not None
    store.close()
    assert not _readable(tmp_path)


def test_memory_only_stores_write_no_patient_file(tmp_path: Path) -> None:
    key = memory_only_key()
    store = OrderStore(tmp_path / "orders.sqlite3", key)
    store.apply([_order("O1", NOW)])
    store.flush()
    drafts = DraftStore(tmp_path / "drafts.sqlite3", key=key)
    drafts.save("d1", {"email": EMAIL})
    seen = SeenReports(tmp_path / "seen.sqlite3", key)
    seen.mark_seen("SPOT1", "R1")
    assert drafts.load_all() == {"d1": {"email": EMAIL}}
    assert seen.is_seen("R1")
    store.close()
    drafts.close()
    seen.close()
    assert list(tmp_path.iterdir()) == []


def test_a_store_written_with_another_key_is_refused_not_misread(tmp_path: Path) -> None:
    conn = open_private_db(tmp_path / "outbox.sqlite3", _key())
    conn.execute("CREATE TABLE items (x)")
    close_private_db(conn)
    record_count_hint(tmp_path / "outbox.sqlite3", 3)
    with pytest.raises(StoreUnreadable):
        open_private_db(tmp_path / "outbox.sqlite3", _key())
    # The outbox's way: keep the file aside and tell the user how many items it held.
    aside = set_aside(tmp_path / "outbox.sqlite3")
    assert count_hint(aside) == 3
    assert not (tmp_path / "outbox.sqlite3").exists()


# -- sessions: keyring-less and lost-key starts -------------------------------------------


def _open(sandbox: SandboxServer) -> Session:
    return Session.open(Environment.sandbox(sandbox.base_url), sandbox.token, paths(),
                        start_outbox=False)


def test_a_keyring_less_start_works_in_memory_and_says_so(
    sandbox: SandboxServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(data_key_module, "default_backend",
                        lambda: FailingKeyring(kr_errors.NoKeyringError()))
    sandbox.seed(20)
    session = _open(sandbox)
    try:
        assert session.data_key is not None
        assert session.data_key.memory_only
        assert session.data_key.problem is not None
        session.sync.refresh()
        assert len(session.store) > 0
        session.drafts.save("d1", {"email": EMAIL})
        assert session.drafts.load_all()
    finally:
        session.close()
    folder = session.folder
    assert folder is not None
    names = {p.name for p in folder.iterdir()}
    assert not names & {"orders.sqlite3", "drafts.sqlite3", "seen_reports.sqlite3"}


def test_a_lost_key_starts_afresh_reports_the_count_and_resyncs(
    sandbox: SandboxServer, data_keyring: MemoryKeyring
) -> None:
    sandbox.seed(20)
    session = _open(sandbox)
    session.sync.refresh()
    count = len(session.store)
    session.drafts.save("d1", {"email": EMAIL})
    session.seen.mark_seen("SPOT1", "R1")
    session.close()
    assert count > 0

    data_keyring.entries.clear()  # e.g. a new Windows profile
    again = _open(sandbox)
    try:
        assert again.data_key is not None
        assert again.data_key.status == "created"
        assert again.unreadable_files == 4  # order cache, drafts, seen reports, inbox
        assert len(again.store) == 0
        assert again.drafts.load_all() == {}
        again.sync.refresh()
        assert len(again.store) == count
    finally:
        again.close()


# -- report cache --------------------------------------------------------------------------


class _Client:
    base_url = "https://api.example.test"

    def __init__(self, data: bytes) -> None:
        self.data = data

    def download(self, url: str) -> bytes:
        return self.data


PDF = b"%PDF-1.4\n" + f"Patient: {NAME} {EMAIL}\n".encode() + b"%%EOF\n"


def test_report_files_are_encrypted_in_the_cache(tmp_path: Path) -> None:
    key = _key()
    seen = SeenReports(tmp_path / "seen.sqlite3", key)
    reports = ReportService(lambda: _Client(PDF), tmp_path / "cache", seen, key=key)
    path = reports.fetch("https://api.example.test/r/1.pdf")
    assert path.is_file()
    assert not _readable(tmp_path / "cache")
    assert reports.read_bytes(path) == PDF
    saved = reports.save_copy(path, tmp_path / "saved.pdf")
    assert saved.read_bytes() == PDF

    other = ReportService(lambda: _Client(PDF), tmp_path / "cache", seen, key=_key())
    with pytest.raises(BadReportFile):
        other.read_bytes(path)  # another key: refused, never shown garbled
    seen.close()


def test_memory_only_reports_never_touch_the_disk(tmp_path: Path) -> None:
    key = memory_only_key()
    seen = SeenReports(tmp_path / "seen.sqlite3", key)
    reports = ReportService(lambda: _Client(PDF), tmp_path / "cache", seen, key=key)
    path = reports.fetch("https://api.example.test/r/1.pdf")
    assert reports.read_bytes(path) == PDF
    assert not path.exists()
    assert not _readable(tmp_path)
    reports.clear_cache()  # lock-out / exit: gone from memory too
    with pytest.raises(BadReportFile):
        reports.read_bytes(tmp_path / "cache" / "never-fetched.pdf")


class _CountingClient(_Client):
    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.downloads = 0

    def download(self, url: str) -> bytes:
        self.downloads += 1
        return super().download(url)


@pytest.mark.parametrize("memory_only", [False, True])
def test_a_report_wiped_at_lock_out_is_fetched_again_when_its_window_saves_it(
    tmp_path: Path, memory_only: bool
) -> None:
    key = memory_only_key() if memory_only else _key()
    seen = SeenReports(tmp_path / "seen.sqlite3", key)
    client = _CountingClient(PDF)
    reports = ReportService(lambda: client, tmp_path / "cache", seen, key=key)
    path = reports.fetch("https://api.example.test/r/1.pdf")
    external = reports.external_copy(path)
    assert client.downloads == 1

    reports.clear_cache()  # the desk locks: nothing of the report is left in the cache
    assert not external.exists()
    assert not _readable(tmp_path / "cache")
    assert not [p for p in (tmp_path / "cache").rglob("*") if p.is_file()]

    # After the unlock the report window is still open: "Save a copy" works.
    assert reports.save_copy(path, tmp_path / "saved.pdf").read_bytes() == PDF
    assert client.downloads == 2
    seen.close()


# -- retention (fake clock) ----------------------------------------------------------------


def test_old_orders_keep_ids_and_statuses_but_no_patient_fields(tmp_path: Path) -> None:
    key = _key()
    store = OrderStore(tmp_path / "orders.sqlite3", key)
    store.apply([_order("OLD", NOW - timedelta(days=181)), _order("NEW", NOW - timedelta(days=5))])
    assert store.apply_retention(NOW, days=180) == 1
    old, new = store.get("OLD"), store.get("NEW")
    assert old is not None
    assert new is not None
    assert (old.email, old.first_name, old.last_name, old.phone) == ("", "", "", "")
    assert old.order_id == "OLD"
    assert old.status == "pending"
    assert new.email == EMAIL
    store.close()

    reopened = OrderStore(tmp_path / "orders.sqlite3", key)
    reopened.load()
    cached_old = reopened.get("OLD")
    assert cached_old is not None
    assert cached_old.email == ""
    reopened.close()


def test_drafts_expire_after_thirty_days_without_a_save(tmp_path: Path) -> None:
    now = [1_000_000.0]
    drafts = DraftStore(tmp_path / "drafts.sqlite3", key=_key(), clock=lambda: now[0])
    drafts.save("old", {"email": EMAIL})
    now[0] += 20 * 86400
    drafts.save("recent", {"email": "b@example.com"})
    now[0] += 11 * 86400  # "old" is 31 days old, "recent" 11
    assert drafts.expire() == 1
    assert set(drafts.load_all()) == {"recent"}
    drafts.close()


class _Outbox:
    def __init__(self) -> None:
        self.cutoffs: list[float] = []

    def forget_sent_before(self, cutoff: float) -> int:
        self.cutoffs.append(cutoff)
        return 2


def test_a_retention_pass_covers_orders_drafts_and_the_outbox_hook(tmp_path: Path) -> None:
    store = OrderStore()
    store.apply([_order("OLD", NOW - timedelta(days=40))])
    drafts = DraftStore(tmp_path / "d.sqlite3", key=memory_only_key(),
                        clock=lambda: NOW.timestamp())
    outbox = _Outbox()
    result = run_retention(store, drafts, outbox, NOW, RetentionPolicy(patient_days=30))
    assert (result.orders_blanked, result.drafts_expired, result.sent_items_removed) == (1, 0, 2)
    assert outbox.cutoffs == [(NOW - timedelta(days=7)).timestamp()]
    # An outbox without the hook (not adopted yet) is left alone.
    assert run_retention(store, drafts, object(), NOW).sent_items_removed == 0
    drafts.close()


def test_the_scheduler_runs_at_start_and_every_tick_and_survives_a_failing_pass() -> None:
    ticks = threading.Semaphore(0)
    waits: list[float] = []
    calls: list[int] = []

    def fake_wait(stop: threading.Event, seconds: float) -> bool:
        waits.append(seconds)
        ticks.release()
        return len(waits) >= 3 or stop.is_set()

    def run_pass() -> None:
        calls.append(1)
        if len(calls) == 2:
            raise sqlite3.OperationalError("disk I/O error")

    scheduler = RetentionScheduler(run_pass, wait=fake_wait)
    scheduler.start()
    for _ in range(3):
        assert ticks.acquire(timeout=5)
    scheduler.stop()
    assert len(calls) == 3
    assert scheduler.passes == 3
    assert waits == [3600.0, 3600.0, 3600.0]


def test_a_sealed_record_opens_only_with_its_key_purpose_and_place() -> None:
    from app.services.sealed import Sealer, SealError

    secret = _key().secret
    assert secret is not None
    audit = Sealer(secret, "audit trail")
    blob = audit.seal(EMAIL.encode(), b"record 7")
    assert EMAIL.encode() not in blob
    assert audit.open(blob, b"record 7") == EMAIL.encode()
    for opener, place in ((audit, b"record 8"), (Sealer(secret, "report cache"), b"record 7"),
                          (Sealer(bytes(32), "audit trail"), b"record 7")):
        with pytest.raises(SealError):
            opener.open(blob, place)
