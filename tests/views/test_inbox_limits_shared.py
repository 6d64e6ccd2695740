"""Critical limits are the clinic's (issue 18): an administrator sets them in Settings on one
desk, the clinic setup file carries them, and the next desk gets the same limits by importing
it. Settings says plainly that they are kept per workstation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from app.paths import paths
from app.sandbox import SandboxServer
from app.services.environments import Environment
from app.services.inbox import CriticalLimit, limits_from_text, limits_to_text
from app.services.session import Session
from app.services.setup_file import read_setup
from app.views.common.app_settings import AppSettings
from app.views.inbox.settings_box import InboxSettingsBox
from app.views.settings.dialog import SettingsDialog
from app.views.shell.main_window import MainWindow
from tests.helpers.main_window import (  # noqa: F401 - pytestmark applies here too
    SEEDED,
    WAIT_MS,
    MakeWindow,
    pytestmark,
    sign_in_to_sandbox,
)


def test_limits_text_round_trips_and_ignores_what_it_cannot_read() -> None:
    limits = {"Glucose": CriticalLimit(40, 400), "Potassium": CriticalLimit(None, 6.5)}
    assert limits_from_text(limits_to_text(limits)) == limits
    assert limits_from_text('{"A": [1, 2], "B": "high", "C": [true, 1], "": [1, 2], '
                            '"D": [null, null], "E": [1]}') == {"A": CriticalLimit(1, 2)}
    assert limits_from_text("not json") == {}
    assert limits_from_text("[1, 2]") == {}


def _type_cell(qtbot: QtBot, box: InboxSettingsBox, row: int, column: int, text: str) -> None:
    """Click the cell (the grid edits the current cell at once), type, Enter."""
    table = box.limits
    rect = table.visualRect(table.model().index(row, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editors = [e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1, editors
    editor = editors[0]
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: box.cells()[row][column] == text)  # Enter commits, queued


def _settings_box(qtbot: QtBot, window: MainWindow) -> tuple[SettingsDialog, InboxSettingsBox]:
    window.open_settings()
    qtbot.waitUntil(lambda: bool(window.findChildren(SettingsDialog)), timeout=WAIT_MS)
    dialog = window.findChildren(SettingsDialog)[-1]
    box = next(s for s in dialog.sections if isinstance(s, InboxSettingsBox))
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog, box


def test_limits_set_on_one_desk_reach_the_next_through_the_clinic_setup_file(
    qtbot: QtBot, sandbox: SandboxServer, make_window: MakeWindow, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sandbox.seed(SEEDED)
    AppSettings().inbox_reviewer = ("Admin Kim", "administrator")
    desk_a = make_window()
    sign_in_to_sandbox(qtbot, desk_a)
    dialog, box = _settings_box(qtbot, desk_a)
    assert "kept on this workstation" in box.desk_note.text()
    assert "Export clinic setup" in box.desk_note.text()
    _type_cell(qtbot, box, 0, 0, "Glucose")
    _type_cell(qtbot, box, 0, 2, "100")
    assert box.cells()[0] == ("Glucose", "", "100")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    inbox_a = desk_a.session.inbox if desk_a.session is not None else None
    assert inbox_a is not None
    qtbot.waitUntil(lambda: inbox_a.critical_limits == {"Glucose": CriticalLimit(None, 100)},
                    timeout=WAIT_MS)
    exported = tmp_path / "clinic-setup.json"
    desk_a.support.setup_transfer.export_to(exported)
    qtbot.waitUntil(exported.exists, timeout=WAIT_MS)
    section = read_setup(exported).sections["results_inbox"]
    assert json.loads(section["critical_limits"]) == {"Glucose": [None, 100.0]}
    go_live = section["go_live"]
    assert go_live == inbox_a.go_live.astimezone().date().isoformat()
    desk_a.close()

    # The desk next door: its own data folder and settings, no limits yet.
    monkeypatch.setenv("SPOT_FRONT_DESK_HOME", str(tmp_path / "desk-b"))
    desk_b = make_window(settings=AppSettings())
    sign_in_to_sandbox(qtbot, desk_b)
    inbox_b = desk_b.session.inbox if desk_b.session is not None else None
    assert inbox_b is not None
    assert inbox_b.critical_limits == {}
    transfer = desk_b.support.setup_transfer
    transfer.import_from(exported)
    qtbot.waitUntil(lambda: transfer.question is not None, timeout=WAIT_MS)
    question = transfer.question
    assert question is not None
    lines = question.informativeText().splitlines()
    assert any(line.startswith("• Results inbox (critical limits, go-live date):")
               and "Glucose" in line for line in lines), lines
    import_button = next(b for b in question.buttons()
                         if question.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    qtbot.mouseClick(import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: inbox_b.critical_limits == {"Glucose": CriticalLimit(None, 100)},
                    timeout=WAIT_MS)
    assert inbox_b.go_live.astimezone().date().isoformat() == go_live
    # Desk B's Settings now show the clinic's limit.
    _dialog_b, box_b = _settings_box(qtbot, desk_b)
    assert box_b.cells()[0] == ("Glucose", "", "100")


def test_limits_kept_only_in_an_older_desks_inbox_join_its_setup_file(
    qtbot: QtBot, sandbox: SandboxServer, make_window: MakeWindow, tmp_path: Path,
) -> None:
    """A desk whose limits predate sharing (in its inbox only) still exports them."""
    sandbox.seed(SEEDED)
    # An earlier version kept the limits in this desk's inbox only.
    earlier = Session.open(Environment.sandbox(sandbox.base_url), sandbox.token, paths(),
                           start_outbox=False)
    assert earlier.inbox is not None
    earlier.inbox.set_critical_limits({"TSH": CriticalLimit(0.1, 10)})
    earlier.close()
    window = make_window()
    sign_in_to_sandbox(qtbot, window)
    exported = tmp_path / "setup.json"
    window.support.setup_transfer.export_to(exported)
    qtbot.waitUntil(exported.exists, timeout=WAIT_MS)
    section = read_setup(exported).sections["results_inbox"]
    assert limits_from_text(section["critical_limits"]) == {"TSH": CriticalLimit(0.1, 10)}
