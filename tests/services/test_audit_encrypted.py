"""The audit trail encrypted at rest: chain, verify, retention and export unchanged; a trail
from an older version moved in; memory-only without a keyring; a lost key sets it aside."""

from __future__ import annotations

import csv
from pathlib import Path

import keyring.errors as kr_errors
import pytest

from app.main import main
from app.paths import paths
from app.services import data_key as data_key_module
from app.services.audit import (
    AUDIT_FILE_NAME,
    AuditAction,
    AuditTrail,
    ObjectKind,
    PlainAuditFile,
    export_csv,
    verify_audit,
)
from app.services.audit_store import AUDIT_DB_NAME, EncryptedAuditStore, set_aside_trails
from app.services.data_key import DataKey, data_key_for, memory_only_key
from app.services.private_db import StoreUnreadable, close_private_db, open_private_db
from tests.helpers.keyring import FailingKeyring, MemoryKeyring
from tests.helpers.staff import FakeClock

STAFF = "s-00000000a1"


def _key(name: str = "/desk") -> DataKey:
    return data_key_for(Path(name), MemoryKeyring())


def _fill(trail: AuditTrail, clock: FakeClock, kits: int = 3) -> None:
    for n in range(kits):
        trail.record(AuditAction.REPORT_VIEWED, STAFF, ids={ObjectKind.KIT: f"SPOT{n:06d}"})
        clock.advance(days=1)


def _raw(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def test_the_encrypted_trail_chains_verifies_prunes_and_exports_with_nothing_readable(
    tmp_path: Path,
) -> None:
    clock = FakeClock()
    key = _key()
    trail = AuditTrail.in_folder(tmp_path, key=key, workstation="DESK-1", clock=clock.utc,
                                 retention_years=1)
    _fill(trail, clock)
    assert [r.seq for r in trail.records()] == [1, 2, 3, 4]
    assert trail.verify().intact
    raw = _raw(tmp_path)
    assert raw  # it is on disk...
    for word in (b"SPOT000001", b"report_viewed", STAFF.encode(), b"DESK-1"):
        assert word not in raw  # ...and none of it readable, -wal included
    assert not (tmp_path / AUDIT_FILE_NAME).exists()

    # Reopened with the key (the next start): same records, the chain goes on.
    again = AuditTrail.in_folder(tmp_path, key=key, workstation="DESK-1", clock=clock.utc,
                                 retention_years=1)
    assert again.records() == trail.records()
    clock.advance(days=400)
    again.record(AuditAction.SIGN_IN, STAFF)
    assert again.prune(STAFF) == 4
    assert again.verify().intact
    assert verify_audit(tmp_path / AUDIT_DB_NAME, key).intact

    out = tmp_path / "export.csv"
    assert export_csv(again.records(), out) == len(again.records())
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert [row[5] for row in rows[1:]] == ["sign_in", "retention_pruned"]


def test_a_record_changed_inside_the_encrypted_file_is_named(tmp_path: Path) -> None:
    clock = FakeClock()
    key = _key()
    trail = AuditTrail.in_folder(tmp_path, key=key, workstation="DESK-1", clock=clock.utc)
    _fill(trail, clock)
    conn = open_private_db(tmp_path / AUDIT_DB_NAME, key)  # someone who has the key
    (line,) = conn.execute("SELECT line FROM lines WHERE n = 3").fetchone()
    conn.execute("UPDATE lines SET line = ? WHERE n = 3",
                 (bytes(line).replace(b"SPOT000001", b"SPOT999999"),))
    close_private_db(conn)
    result = verify_audit(tmp_path / AUDIT_DB_NAME, key)
    assert result.first_broken == 3
    assert result.reason == "the record was changed after it was written"


def test_a_plaintext_trail_from_an_older_version_is_moved_in_whole(tmp_path: Path) -> None:
    clock = FakeClock()
    old = AuditTrail.in_folder(tmp_path, workstation="DESK-1", clock=clock.utc)  # no key
    _fill(old, clock)
    before = old.records()
    assert b"SPOT000001" in (tmp_path / AUDIT_FILE_NAME).read_bytes()

    key = _key()
    trail = AuditTrail.in_folder(tmp_path, key=key, workstation="DESK-1", clock=clock.utc)
    assert trail.records() == before
    trail.record(AuditAction.SIGN_OUT, STAFF)
    assert trail.verify().intact
    assert [r.seq for r in trail.records()] == [1, 2, 3, 4, 5]
    assert not (tmp_path / AUDIT_FILE_NAME).exists()
    assert b"SPOT000001" not in _raw(tmp_path)


def test_a_crash_before_the_plaintext_is_shredded_moves_nothing_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeClock()
    _fill(AuditTrail.in_folder(tmp_path, workstation="DESK-1", clock=clock.utc), clock)
    key = _key()

    def die(_self: PlainAuditFile) -> None:
        raise KeyboardInterrupt  # the process ends after the move, before the shredding

    monkeypatch.setattr(PlainAuditFile, "discard", die)
    with pytest.raises(KeyboardInterrupt):
        AuditTrail.in_folder(tmp_path, key=key).records()
    monkeypatch.undo()
    assert (tmp_path / AUDIT_FILE_NAME).exists()

    trail = AuditTrail.in_folder(tmp_path, key=key, workstation="DESK-1", clock=clock.utc)
    assert [r.seq for r in trail.records()] == [1, 2, 3, 4]
    assert trail.verify().intact
    assert not (tmp_path / AUDIT_FILE_NAME).exists()


def test_without_a_keyring_the_trail_is_in_memory_and_an_old_file_is_left_alone(
    tmp_path: Path,
) -> None:
    clock = FakeClock()
    _fill(AuditTrail.in_folder(tmp_path, workstation="DESK-1", clock=clock.utc), clock)
    plain = (tmp_path / AUDIT_FILE_NAME).read_bytes()

    trail = AuditTrail.in_folder(tmp_path, key=memory_only_key(), workstation="DESK-1",
                                 clock=clock.utc)
    trail.record(AuditAction.SIGN_IN, STAFF)
    assert [r.seq for r in trail.records()] == [1, 2, 3, 4, 5]  # the chain goes on
    assert trail.verify().intact
    assert (tmp_path / AUDIT_FILE_NAME).read_bytes() == plain
    assert sorted(p.name for p in tmp_path.iterdir()) == [AUDIT_FILE_NAME]


def test_the_key_is_asked_for_on_first_use_not_when_the_trail_is_built(tmp_path: Path) -> None:
    asked: list[int] = []

    def key() -> DataKey:
        asked.append(1)
        return _key()

    trail = AuditTrail.in_folder(tmp_path, key=key)
    assert asked == []
    trail.record(AuditAction.SIGN_IN, STAFF)
    trail.record(AuditAction.SIGN_OUT, STAFF)
    assert asked == [1]


def test_a_lost_key_sets_the_trail_aside_and_starts_a_new_one(tmp_path: Path) -> None:
    clock = FakeClock()
    old_key = _key("/old")
    _fill(AuditTrail.in_folder(tmp_path, key=old_key, clock=clock.utc), clock)

    trail = AuditTrail.in_folder(tmp_path, key=_key("/new"), clock=clock.utc)
    trail.record(AuditAction.SIGN_IN, STAFF)
    assert [r.action for r in trail.records()] == ["trail_started", "sign_in"]
    assert trail.verify().intact
    (aside,) = set_aside_trails(tmp_path)
    assert verify_audit(aside, old_key).count == 4  # kept whole, for the old key
    with pytest.raises(StoreUnreadable):
        verify_audit(aside, _key("/new"))
    with pytest.raises(StoreUnreadable):  # read only: verifying never sets a trail aside
        EncryptedAuditStore(aside, _key("/other"), read_only=True).read_lines()
    assert aside.exists()


# -- --verify-audit ----------------------------------------------------------------------------


def _desk_trail() -> AuditTrail:
    data = paths().data
    data.mkdir(parents=True, exist_ok=True)
    return AuditTrail.in_folder(data, key=lambda: data_key_for(data), workstation="DESK-1")


def test_verify_audit_reads_the_encrypted_trail(capsys: pytest.CaptureFixture[str]) -> None:
    trail = _desk_trail()
    _fill(trail, FakeClock())
    assert main(["--verify-audit"]) == 0
    out = capsys.readouterr().out
    assert "Audit trail intact: 4 records." in out
    assert AUDIT_DB_NAME in out


def test_verify_audit_names_a_set_aside_trail(
    capsys: pytest.CaptureFixture[str], data_keyring: MemoryKeyring
) -> None:
    _fill(_desk_trail(), FakeClock())
    data_keyring.entries.clear()  # a new Windows profile
    _desk_trail().record(AuditAction.SIGN_IN, STAFF)
    assert main(["--verify-audit"]) == 0
    out = capsys.readouterr().out
    assert "Audit trail intact: 2 records." in out
    assert "Set aside (an earlier trail this computer's key can't open)" in out


def test_verify_audit_without_the_key_says_so_and_exits_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(_desk_trail(), FakeClock())
    monkeypatch.setattr(data_key_module, "default_backend",
                        lambda: FailingKeyring(kr_errors.NoKeyringError()))
    assert main(["--verify-audit"]) == 2
    assert "can't be opened with this computer's key" in capsys.readouterr().out


def test_closing_the_trail_at_exit_leaves_no_wal_and_a_late_record_still_lands(
    tmp_path: Path,
) -> None:
    key = _key()
    trail = AuditTrail.in_folder(tmp_path, key=key)
    trail.record(AuditAction.SIGN_IN, STAFF)
    trail.close()
    assert not (tmp_path / (AUDIT_DB_NAME + "-wal")).exists()
    trail.record(AuditAction.SIGN_OUT, STAFF)  # e.g. a worker finishing after the close
    trail.close()
    assert [r.action for r in AuditTrail.in_folder(tmp_path, key=key).records()] == [
        "trail_started", "sign_in", "sign_out"]
