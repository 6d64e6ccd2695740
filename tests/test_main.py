"""The composition root: arguments, the crash handler and an embedded --sandbox run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.compose import sandbox_catalog
from app.main import DEFAULT_SPEED, CrashHandler, crash_details, parse_args


def test_sandbox_flags_default_to_a_moving_seeded_sandbox() -> None:
    args = parse_args(["--sandbox"])
    assert args.sandbox
    assert args.sandbox_speed == DEFAULT_SPEED > 1
    assert args.sandbox_seed > 0
    assert parse_args(["--sandbox-speed", "0"]).sandbox_speed == 0


def test_crash_details_name_type_and_place_but_never_the_message() -> None:
    try:
        raise KeyError("jane.doe@example.test")
    except KeyError:
        _type, _exc, tb = sys.exc_info()
        details = crash_details(KeyError, tb)
    assert details.startswith("KeyError at test_main.py:")
    assert "in test_crash_details_name_type_and_place_but_never_the_message" in details
    assert "jane" not in details


def test_crash_handler_logs_without_the_message(caplog: pytest.LogCaptureFixture) -> None:
    handler = CrashHandler()
    try:
        raise ValueError("Patient Testy McFake, 555-0100")
    except ValueError as exc:
        handler._on_exception(ValueError, exc, exc.__traceback__)
    assert handler.last_details.startswith("ValueError at test_main.py:")
    assert "McFake" not in caplog.text
    assert "ValueError at test_main.py" in caplog.text


def test_sandbox_catalog_names_every_kit_type() -> None:
    catalog = sandbox_catalog()
    assert "health_kit_1" in catalog
    assert all(name for name in catalog.values())


def test_embedded_sandbox_run_starts_syncs_and_stops_cleanly(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = dict(os.environ, SPOT_FRONT_DESK_HOME=str(home), QT_QPA_PLATFORM="offscreen",
               SPOT_FRONT_DESK_QUIT_AFTER_MS="6000")
    result = subprocess.run(
        [sys.executable, "-m", "app", "--sandbox", "--sandbox-seed", "25"],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    log = (home / "logs" / "frontdesk.log").read_text()
    assert "embedded sandbox started" in log
    assert "25 orders" in log  # the first sync fetched the seeded orders
    assert "session closed" in log
    assert "Traceback" not in log
    assert (home / "data" / "sandbox").is_dir()


def test_log_level_is_a_command_line_choice() -> None:
    assert parse_args([]).log_level == "INFO"
    assert parse_args(["--log-level", "debug"]).log_level == "DEBUG"
    with pytest.raises(SystemExit):
        parse_args(["--log-level", "chatty"])


def test_app_icon_has_every_shipped_size(qapp: object) -> None:
    from app.compose import app_icon

    sizes = {size.width() for size in app_icon().availableSizes()}
    assert {16, 32, 48, 256} <= sizes


# Windows sign-out: Qt ends the process right after aboutToQuit, so code after app.exec()
# (the `finally`) never runs. Simulated by leaving with os._exit once aboutToQuit is handled.
SIGN_OUT_PROBE = """
import os
from PySide6.QtCore import QTimer
import app.compose as c
import app.main as m

make = c.make_application

def make_then_end_at_sign_out():
    app = make()
    # Connected after main's own handlers (first event-loop turn): runs after the clean-up.
    QTimer.singleShot(0, lambda: app.aboutToQuit.connect(lambda: os._exit(0)))
    return app

c.make_application = make_then_end_at_sign_out
raise SystemExit(m.main(["--sandbox", "--sandbox-seed", "5"]))
"""


def test_clean_up_runs_even_when_the_process_ends_at_about_to_quit(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = dict(os.environ, SPOT_FRONT_DESK_HOME=str(home), QT_QPA_PLATFORM="offscreen",
               SPOT_FRONT_DESK_QUIT_AFTER_MS="4000")
    result = subprocess.run(
        [sys.executable, "-c", SIGN_OUT_PROBE],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    log = (home / "logs" / "frontdesk.log").read_text()
    assert "session closed" in log
    assert "Spot Front Desk stopped" in log
    assert list((home / "cache" / "reports").iterdir()) == []


REFUSED_FOLDER_PROBE = """
from PySide6.QtWidgets import QMessageBox
import app.paths
from app.services.data_folder import NetworkFolderRefused

def on_a_network_drive(folders, facts=None):
    raise NetworkFolderRefused(debug="probe")

shown = []
app.paths.secure_folders = on_a_network_drive
QMessageBox.exec = lambda box: shown.append((box.text(), box.informativeText())) or 0
import app.main
code = app.main.main(["--sandbox"])
print("shown:", shown)
raise SystemExit(code)
"""


def test_a_refused_data_folder_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    env = dict(os.environ, SPOT_FRONT_DESK_HOME=str(tmp_path / "home"),
               QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", REFUSED_FOLDER_PROBE],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )
    assert result.returncode == 1
    assert "network drive" in result.stdout  # the message box the user sees
    assert "SPOT_FRONT_DESK_HOME" in result.stdout
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "home" / "logs").exists()  # nothing written there
def test_demo_mode_never_reads_saved_tokens() -> None:
    """With --sandbox anyone may use the demo PIN: the production token must stay out of
    reach (it has to be typed to reach a real account)."""
    from keyring.backends import fail

    from app.compose import EmbeddedSandbox, build_sign_in
    from app.services.credentials import NoKeyringAvailable

    context = build_sign_in(EmbeddedSandbox(Path("unused"), speed=0, seed_orders=0), demo=True)
    assert isinstance(context.credentials._keyring(), fail.Keyring)
    with pytest.raises(NoKeyringAvailable):
        context.credentials.load("production")
