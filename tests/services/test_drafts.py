"""Drafts survive a crash, stay private on disk, and go away once discarded."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from app.paths import paths
from app.services.drafts import DraftStore


def test_saved_drafts_come_back_in_a_new_store(tmp_path: Path) -> None:
    db = tmp_path / "drafts.sqlite3"
    store = DraftStore(db)
    store.save("a", {"first_name": "Testy", "kit_types": ["kit_a"]})
    store.save("b", {"first_name": "Other"})
    store.save("a", {"first_name": "Testy", "last_name": "Fakeperson"})  # newer typing wins
    store.close()
    assert DraftStore(db).load_all() == {
        "b": {"first_name": "Other"},
        "a": {"first_name": "Testy", "last_name": "Fakeperson"},
    }


def test_discard_removes_only_that_draft(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "drafts.sqlite3")
    store.save("a", {"x": 1})
    store.save("b", {"x": 2})
    store.discard("a")
    store.discard("never-saved")
    assert store.load_all() == {"b": {"x": 2}}


def test_draft_survives_the_process_being_killed(tmp_path: Path) -> None:
    db = paths().data / "drafts.sqlite3"
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from app.services.drafts import DraftStore\n"
        "DraftStore(Path(sys.argv[1])).save('d1', {'city': 'Springfield'})\n"
        "os._exit(9)  # no close, no cleanup: as if the app crashed\n"
    )
    result = subprocess.run([sys.executable, "-c", script, str(db)], check=False)
    assert result.returncode == 9
    assert DraftStore(db).load_all() == {"d1": {"city": "Springfield"}}


def test_files_are_readable_by_the_user_only(tmp_path: Path) -> None:
    db = tmp_path / "drafts.sqlite3"
    DraftStore(db).save("a", {"x": 1})
    for suffix in ("", "-wal", "-shm"):
        path = Path(str(db) + suffix)
        if path.exists():
            assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, suffix
