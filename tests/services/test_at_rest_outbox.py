"""The outbox at rest: encrypted, migrated from v0.1 without losing an order, and a lost key
that sets queued orders aside and counts them instead of dropping them."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.services import private_db
from app.services.data_key import DataKey, data_key_for, memory_only_key
from app.services.import_batch import PreparedRow, batch_store_for
from app.services.outbox import Outbox
from app.services.outbox_store import UNKNOWN_COUNT, count_states
from app.services.private_db import SET_ASIDE_SUFFIX
from tests.helpers.keyring import MemoryKeyring
from tests.helpers.outbox import new_order

ROOT = Path(__file__).resolve().parents[2]


def _key(folder: str = "/nowhere") -> DataKey:
    return data_key_for(Path(folder), MemoryKeyring())


def _raw(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def _readable(folder: Path) -> bool:
    raw = _raw(folder)
    return b"Fakeperson" in raw or b"testy" in raw


def test_queued_orders_are_unreadable_on_disk_and_come_back_with_the_key(
    tmp_path: Path,
) -> None:
    key = _key()
    path = tmp_path / "outbox.sqlite3"
    outbox = Outbox(path, None, key=key)
    submitted = outbox.submit(new_order(1))
    assert not _readable(tmp_path)  # the -wal too, while the app runs
    outbox.close()
    assert not _readable(tmp_path)

    again = Outbox(path, None, key=key)
    try:
        assert [item.item_id for item in again.items()] == [submitted.item_id]
        assert again.items()[0].payload.recipient.email == "testy1@example.com"
        assert again.unreadable_items == 0
    finally:
        again.close()


def test_a_lost_key_sets_queued_orders_aside_and_counts_them(tmp_path: Path) -> None:
    old_key = _key("/old")
    path = tmp_path / "outbox.sqlite3"
    outbox = Outbox(path, None, key=old_key)
    for n in range(3):
        outbox.submit(new_order(n))
    outbox.close()

    again = Outbox(path, None, key=_key("/new"))  # a new Windows profile: a new key
    try:
        assert again.unreadable_items == 3
        assert again.items() == []
        assert again.submit(new_order(9)).state == "queued"  # the desk keeps working
    finally:
        again.close()
    # Nothing was deleted: with the old key back, the orders are all there.
    (aside,) = [p for p in tmp_path.iterdir() if p.name.startswith(
        "outbox.sqlite3" + SET_ASIDE_SUFFIX) and p.name[-1].isdigit()]
    restored = Outbox(aside, None, key=old_key)
    try:
        assert sorted(item.payload.recipient.last_name for item in restored.items()) == [
            "Fakeperson0", "Fakeperson1", "Fakeperson2"]
    finally:
        restored.close()


def test_sent_orders_are_not_counted_as_lost(tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    outbox = Outbox(path, None, key=_key("/old"))
    first = outbox.submit(new_order(1))
    outbox.submit(new_order(2))
    outbox._ledger.update(outbox._ledger.record(first.item_id), state="sent", order_id="O1")
    outbox.close()

    again = Outbox(path, None, key=_key("/new"))
    assert again.unreadable_items == 1
    again.close()


def test_a_lost_key_without_a_count_says_the_count_is_unknown(tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    outbox = Outbox(path, None, key=_key("/old"))
    outbox.submit(new_order(1))
    outbox.close()
    path.with_name(path.name + ".count").unlink()

    again = Outbox(path, None, key=_key("/new"))
    assert again.unreadable_items == UNKNOWN_COUNT
    again.close()


def test_a_plaintext_outbox_from_v0_1_is_encrypted_with_every_order(tmp_path: Path) -> None:
    # v0.1 wrote a plaintext file; the app was killed with orders still in the -wal.
    script = textwrap.dedent(f"""
        import os
        from pathlib import Path
        from app.services.outbox import Outbox
        from tests.helpers.outbox import new_order
        outbox = Outbox(Path({str(tmp_path / "outbox.sqlite3")!r}), None)
        for n in range(3):
            outbox.submit(new_order(n))
        os._exit(0)
    """)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-c", script], check=True, env=env, timeout=120)
    assert (tmp_path / "outbox.sqlite3-wal").stat().st_size > 0
    assert _readable(tmp_path)

    key = _key()
    outbox = Outbox(tmp_path / "outbox.sqlite3", None, key=key)
    try:
        assert sorted(item.payload.recipient.last_name for item in outbox.items()) == [
            "Fakeperson0", "Fakeperson1", "Fakeperson2"]
        assert outbox.unreadable_items == 0
    finally:
        outbox.close()
    assert not _readable(tmp_path)
    assert {p.name for p in tmp_path.iterdir()} <= {
        "outbox.sqlite3", "outbox.sqlite3-wal", "outbox.sqlite3-shm", "outbox.sqlite3.count"}


def test_a_crash_in_the_middle_of_encrypting_loses_nonew_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "outbox.sqlite3"
    plain = Outbox(path, None)
    for n in range(2):
        plain.submit(new_order(n))
    plain.close()

    real_replace = os.replace
    calls: list[str] = []

    def crash_on_the_swap(source: object, target: object) -> None:
        if str(source).endswith(".encrypting"):
            calls.append("swap")
            raise KeyboardInterrupt  # the process dies here: plaintext moved, copy not in
        real_replace(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(private_db.os, "replace", crash_on_the_swap)
    key = _key()
    with pytest.raises(KeyboardInterrupt):
        Outbox(path, None, key=key)
    monkeypatch.setattr(private_db.os, "replace", real_replace)
    assert calls == ["swap"]
    assert not path.exists()

    outbox = Outbox(path, None, key=key)  # the next start
    try:
        assert len(outbox.items()) == 2
    finally:
        outbox.close()
    assert not _readable(tmp_path)


def test_a_memory_only_outbox_writes_nothing_to_disk(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox.sqlite3", None, key=memory_only_key())
    outbox.submit(new_order(1))
    assert len(outbox.items()) == 1
    outbox.close()
    assert list(tmp_path.iterdir()) == []


def test_sent_orders_are_forgotten_after_the_retention_days(tmp_path: Path) -> None:
    now = [datetime(2026, 6, 1, tzinfo=UTC).timestamp()]
    key = _key()
    outbox = Outbox(tmp_path / "outbox.sqlite3", None, key=key, clock=lambda: now[0])
    sent = outbox.submit(new_order(1))
    queued = outbox.submit(new_order(2))
    record = outbox._ledger.record(sent.item_id)
    record.sent_at = outbox._ledger.now()
    outbox._ledger.update(record, state="sent", order_id="O1")
    now[0] += timedelta(days=8).total_seconds()

    cutoff = now[0] - timedelta(days=7).total_seconds()
    assert outbox.forget_sent_before(cutoff) == 1
    assert [item.item_id for item in outbox.items()] == [queued.item_id]
    outbox.close()
    again = Outbox(tmp_path / "outbox.sqlite3", None, key=key, clock=lambda: now[0])
    assert [item.item_id for item in again.items()] == [queued.item_id]
    again.close()


def test_diagnostics_count_an_encrypted_outbox_without_changing_it(tmp_path: Path) -> None:
    key = _key()
    path = tmp_path / "outbox.sqlite3"
    outbox = Outbox(path, None, key=key)
    outbox.submit(new_order(1))
    outbox.close()
    before = path.read_bytes()
    assert count_states(path, key) == (1, 0)
    assert count_states(path, _key("/other")) is None  # a lost key: nothing set aside here
    assert count_states(path, memory_only_key()) is None
    assert path.read_bytes() == before


# -- import batches: rows still to send are orders waiting too -------------------------------


def _rows(count: int) -> list[PreparedRow]:
    return [PreparedRow(n + 2, new_order(n)) for n in range(count)]


def test_import_rows_waiting_are_encrypted_and_a_lost_key_counts_them(tmp_path: Path) -> None:
    old_key = _key("/old")
    store = batch_store_for(tmp_path, old_key)
    batch_id = store.create(_rows(4), staff="Front Desk 1", source="list.csv")
    store.mark_submitted(batch_id, 2, "item-1")  # one row is in the outbox already
    assert not _readable(tmp_path)
    store.close()
    assert not _readable(tmp_path)
    again = batch_store_for(tmp_path, old_key)
    assert again.unreadable_rows == 0
    assert again.next_waiting(batch_id) is not None
    again.close()

    lost = batch_store_for(tmp_path, _key("/new"))  # a new Windows profile
    try:
        assert lost.unreadable_rows == 3
        assert lost.unfinished() == []
    finally:
        lost.close()
    assert [p for p in tmp_path.iterdir() if p.name.startswith("imports.sqlite3.unreadable")]
