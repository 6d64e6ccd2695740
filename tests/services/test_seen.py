"""SeenReports: which reports were opened here survives a restart, in a private file."""

from __future__ import annotations

import stat
import threading
from datetime import UTC, datetime
from pathlib import Path

from app.paths import paths
from app.services.seen import SeenReports


def _db() -> Path:
    return paths().data / "seen.sqlite3"


def test_marks_persist_across_instances() -> None:
    store = SeenReports(_db())
    assert store.is_seen("R1") is False
    store.mark_seen("SPOT123456", "R1")
    store.mark_seen("SPOT123456", "R2")
    store.mark_seen("SPOT654321", "R3")
    reopened = SeenReports(_db())
    assert reopened.is_seen("R1")
    assert reopened.is_seen("R3")
    assert not reopened.is_seen("R4")
    assert reopened.kits_with_seen_reports() == {"SPOT123456", "SPOT654321"}


def test_marking_twice_is_harmless() -> None:
    store = SeenReports(_db())
    store.mark_seen("SPOT1", "R1")
    store.mark_seen("SPOT1", "R1")
    assert SeenReports(_db()).kits_with_seen_reports() == {"SPOT1"}


def test_database_file_is_private() -> None:
    store = SeenReports(_db())
    store.mark_seen("SPOT1", "R1")
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600


def test_returned_kit_set_is_a_copy() -> None:
    store = SeenReports(_db())
    store.mark_seen("SPOT1", "R1")
    kits = store.kits_with_seen_reports()
    kits.add("SPOT2")
    assert store.kits_with_seen_reports() == {"SPOT1"}


def test_marks_from_several_threads_all_land() -> None:
    store = SeenReports(_db())
    threads = [
        threading.Thread(target=store.mark_seen, args=(f"SPOT{i % 3}", f"R{i}"))
        for i in range(20)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    reopened = SeenReports(_db())
    assert all(reopened.is_seen(f"R{i}") for i in range(20))
    assert reopened.kits_with_seen_reports() == {"SPOT0", "SPOT1", "SPOT2"}


def test_the_first_start_is_remembered_and_not_moved_by_later_starts() -> None:
    before = datetime.now(UTC)
    first = SeenReports(_db()).first_start
    assert first >= before
    assert SeenReports(_db()).first_start == first
