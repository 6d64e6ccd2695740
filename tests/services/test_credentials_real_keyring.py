"""CredentialStore against a real Secret Service: gnome-keyring under dbus-run-session.

Runs in a subprocess with a throwaway HOME (a reused keyring with another password would be
locked). CI installs gnome-keyring and dbus, so there a missing tool is a failure, not a skip.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

SCRIPT = textwrap.dedent(
    """
    import json, keyring
    from app.services.credentials import CredentialStore

    store = CredentialStore(service_name="spot-front-desk-ci")
    report = {"backend": store.backend_name()}
    store.save("custom:https://spot.example.test", "tok-real-keyring-0123456789")
    report["loaded"] = CredentialStore(service_name="spot-front-desk-ci").load(
        "custom:https://spot.example.test")
    store.delete("custom:https://spot.example.test")
    report["after_delete"] = CredentialStore(service_name="spot-front-desk-ci").load(
        "custom:https://spot.example.test")
    print("RESULT " + json.dumps(report))
    """
)


def _tools_missing() -> list[str]:
    return [tool for tool in ("dbus-run-session", "gnome-keyring-daemon") if not shutil.which(tool)]


@pytest.mark.keyring_real
def test_round_trip_through_gnome_keyring(tmp_path: Path) -> None:
    missing = _tools_missing()
    if missing:
        reason = f"{', '.join(missing)} not installed (apt-get install gnome-keyring dbus)"
        if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
            pytest.fail(f"CI must exercise the real Secret Service: {reason}")
        pytest.skip(reason)

    home = tmp_path / "home"
    (home / "share").mkdir(parents=True)
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    script = tmp_path / "round_trip.py"
    script.write_text(SCRIPT)
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DBUS_SESSION_BUS_ADDRESS", "PYTHON_KEYRING_BACKEND", "XDG_CONFIG_HOME"}
    }
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "share"), XDG_RUNTIME_DIR=str(runtime))
    inner = (
        "echo -n ci-pass | gnome-keyring-daemon --unlock --components=secrets >/dev/null && "
        f'exec "{sys.executable}" "{script}"'
    )
    result = subprocess.run(
        ["dbus-run-session", "--", "bash", "-c", inner],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("RESULT ")]
    assert result.returncode == 0, result.stdout + result.stderr
    assert lines, result.stdout + result.stderr
    report = json.loads(lines[-1].removeprefix("RESULT "))
    assert "SecretService" in report["backend"]
    assert report["loaded"] == "tok-real-keyring-0123456789"
    assert report["after_delete"] is None
