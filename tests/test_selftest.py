"""`--self-test` is what CI runs on the built bundle: it must pass on a healthy install."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path


def test_self_test_places_an_order_and_opens_a_report(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SPOT_FRONT_DESK_HOME": str(tmp_path)}
    # A company proxy that answers nothing: the embedded sandbox must not depend on it.
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
        env.pop(name, None)
        env.pop(name.lower(), None)
    env.update({"HTTPS_PROXY": "http://127.0.0.1:9", "HTTP_PROXY": "http://127.0.0.1:9"})
    result = subprocess.run(
        [sys.executable, "-m", "app", "--self-test"],
        capture_output=True, text=True, env=env, timeout=240, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == "self-test passed"
    assert any(line.startswith("ok  order placed") for line in lines)
    assert any(line.startswith("ok  report opened") for line in lines)
    # Windows checks that run everywhere: binary report file, icon, keyring backend named.
    assert any(line.startswith("ok  report file matches what the server sent") for line in lines)
    assert any(line.startswith("ok  app icon loaded") for line in lines)
    assert any(line.startswith("ok  keyring backend ") for line in lines)
    assert "ok  servers on this computer bypass any proxy (manual or system)" in lines
    # Everything it wrote stayed in the folder it was given.
    assert (tmp_path / "data").is_dir()


def test_self_test_failure_is_a_reason_without_traceback(tmp_path: Path) -> None:
    # A sandbox data folder that is a file cannot start: the self-test must say which step
    # failed, exit non-zero and print no traceback.
    home = tmp_path / "home"
    (home / "data").mkdir(parents=True)
    (home / "data" / "sandbox").write_text("not a folder")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SPOT_FRONT_DESK_HOME": str(home)}
    result = subprocess.run(
        [sys.executable, "-m", "app", "--self-test"],
        capture_output=True, text=True, env=env, timeout=240, check=False,
    )
    assert result.returncode != 0
    assert "self-test FAILED" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def _run_self_test_with_a_keyring(home: Path) -> None:
    """``--self-test`` in ``home`` with a working (in-process) keyring, as at a desk."""
    root = Path(__file__).resolve().parent.parent
    env = {
        **os.environ, "QT_QPA_PLATFORM": "offscreen", "SPOT_FRONT_DESK_HOME": str(home),
        "PYTHON_KEYRING_BACKEND": "tests.helpers.keyring.MemoryKeyring",
        "PYTHONPATH": os.pathsep.join([str(root), os.environ.get("PYTHONPATH", "")]),
    }
    result = subprocess.run(
        [sys.executable, "-m", "app", "--self-test"],
        capture_output=True, text=True, env=env, timeout=240, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _sandbox_people(home: Path) -> set[bytes]:
    """Every email and full name the sandbox holds (its own database, read after the run)."""
    conn = sqlite3.connect(home / "data" / "sandbox" / "sandbox.sqlite3")
    try:
        rows = conn.execute(
            "SELECT email, first_name, last_name FROM orders UNION ALL "
            "SELECT r_email, r_first, r_last FROM kits UNION ALL "
            "SELECT p_email, p_first, p_last FROM kits"
        ).fetchall()
    finally:
        conn.close()
    people: set[bytes] = set()
    for email, first, last in rows:
        if email:
            people.add(email.encode())
        if first and last:
            people.add(f"{first} {last}".encode())
    return people


def _readable_people(home: Path, people: set[bytes], *, outbox: bool) -> dict[str, int]:
    sandbox = home / "data" / "sandbox"
    found: dict[str, int] = {}
    for path in home.rglob("*"):
        if not path.is_file() or path.is_relative_to(sandbox):
            continue
        if path.name.startswith("outbox.sqlite3") != outbox:
            continue
        raw = path.read_bytes()  # every file, -wal and -shm included
        hits = sum(1 for person in people if person in raw or person.lower() in raw.lower())
        if hits:
            found[str(path.relative_to(home))] = hits
    return found


def test_after_the_self_test_no_patient_can_be_read_in_the_data_folder(tmp_path: Path) -> None:
    _run_self_test_with_a_keyring(tmp_path)
    people = _sandbox_people(tmp_path)
    assert len(people) > 50  # the check below means something
    # Names are also stored split (first, last) in the order cache: the emails are the
    # strictest probe, and a full name would only be readable if the file were plaintext.
    assert _readable_people(tmp_path, people, outbox=False) == {}


def test_after_the_self_test_no_patient_can_be_read_in_the_outbox(tmp_path: Path) -> None:
    _run_self_test_with_a_keyring(tmp_path)
    assert _readable_people(tmp_path, _sandbox_people(tmp_path), outbox=True) == {}
