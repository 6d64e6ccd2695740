"""`--diagnostics` after `--self-test`: what support needs, and no patient name or token."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app.sandbox.catalog import FIRST_NAMES, LAST_NAMES


def run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # A password store both runs share, as at a desk: the outbox is encrypted with its key.
    root = Path(__file__).resolve().parent.parent
    env = {
        **os.environ, "QT_QPA_PLATFORM": "offscreen", "SPOT_FRONT_DESK_HOME": str(home),
        "PYTHON_KEYRING_BACKEND": "tests.helpers.keyring.FileKeyring",
        "SPOT_TEST_KEYRING_FILE": str(home / "test-keyring.json"),
        "PYTHONPATH": os.pathsep.join([str(root), os.environ.get("PYTHONPATH", "")]),
    }
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True, text=True, env=env, timeout=240, check=False,
    )


def test_diagnostics_after_the_self_test_name_no_patient_and_no_token(tmp_path: Path) -> None:
    selftest = run(tmp_path, "--self-test")
    assert selftest.returncode == 0, selftest.stdout + selftest.stderr
    result = run(tmp_path, "--diagnostics")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    lines = text.splitlines()
    assert lines[0].startswith("Spot Front Desk ")
    assert any(line.startswith("Python 3.") for line in lines)
    assert any(line.startswith("Qt 6.") for line in lines)
    assert any(line.startswith("OS ") for line in lines)
    assert any(line.startswith("Keyring: ") for line in lines)
    assert any(line.startswith("Outbox (sandbox-") for line in lines)  # the self-test's order
    assert any(line.startswith("Last sync: 20") for line in lines)
    assert any(line.startswith("Last 20 problems logged") for line in lines)
    # Never patient data or the token: the self-test's own patient and the sandbox's people.
    for secret in ("Selftest", "self-test@example.com", "4155550123", "1 Example Way",
                   "sandbox-token", *FIRST_NAMES, *LAST_NAMES):
        assert secret not in text, secret
