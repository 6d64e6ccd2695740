"""`--self-test` is what CI runs on the built bundle: it must pass on a healthy install."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_self_test_places_an_order_and_opens_a_report(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SPOT_FRONT_DESK_HOME": str(tmp_path)}
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
