"""File → Import clinic setup shows what changes and asks; switching back to a remembered
environment signs in with its remembered token, without asking for it again."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.sandbox import SandboxServer
from app.services.environments import Environment
from app.services.setup_file import ClinicSetup, write_setup
from app.views.common.app_settings import AppSettings
from app.views.shell.main_window import MainWindow
from app.views.shell.sign_in import SignInDialog
from tests.helpers.keyring import MemoryKeyring
from tests.helpers.main_window import (  # noqa: F401 - pytestmark applies here too
    SEEDED,
    WAIT_MS,
    MakeWindow,
    open_dialog,
    pytestmark,
    sign_in_to_custom,
    sign_in_to_sandbox,
)


def visible_sign_in(window: MainWindow) -> bool:
    return any(d.isVisible() for d in window.findChildren(SignInDialog))


def test_import_shows_the_changes_asks_and_signs_in_with_the_remembered_token(
    qtbot: QtBot, sandbox: SandboxServer, make_window: MakeWindow,
    keyring_backend: MemoryKeyring, tmp_path: Path,
) -> None:
    sandbox.seed(SEEDED)
    custom = Environment.custom(sandbox.base_url)
    keyring_backend.set_password("spot-front-desk", custom.key, sandbox.token)  # remembered
    setup = tmp_path / "clinic.json"
    write_setup(setup, ClinicSetup(
        environment_kind="custom", custom_url=sandbox.base_url,
        kit_types={"health_kit_1": "Finger-prick kit"}, refresh_seconds=120,
    ))
    window = make_window()
    sign_in_to_sandbox(qtbot, window)
    window.support.setup_transfer.import_from(setup)
    qtbot.waitUntil(lambda: window.support.setup_transfer.question is not None, timeout=WAIT_MS)
    box = window.support.setup_transfer.question
    assert box is not None
    lines = box.informativeText().splitlines()
    assert f"• Environment: sandbox → custom: {custom.base_url}" in lines
    assert "• Refresh interval (seconds): 60 → 120" in lines
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    import_button = next(b for b in box.buttons()
                         if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    qtbot.mouseClick(import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session is not None
                    and window.session.environment.key == custom.key, timeout=WAIT_MS)
    assert not visible_sign_in(window)  # the remembered token was used
    assert window.session.kit_catalog == {"health_kit_1": "Finger-prick kit"}
    assert AppSettings().refresh_seconds == 120


def test_cancelling_an_import_changes_nothing(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    setup = tmp_path / "clinic.json"
    write_setup(setup, ClinicSetup(refresh_seconds=300, kit_types={"a_kit": "A kit"}))
    window = make_window()
    window.show()
    window.support.setup_transfer.import_from(setup)
    qtbot.waitUntil(lambda: window.support.setup_transfer.question is not None, timeout=WAIT_MS)
    box = window.support.setup_transfer.question
    assert box is not None
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.support.setup_transfer.question is None, timeout=WAIT_MS)
    assert AppSettings().refresh_seconds == 60
    assert AppSettings().kit_catalog == {}


def test_switching_back_uses_the_remembered_token_without_asking(
    qtbot: QtBot, sandbox: SandboxServer, make_window: MakeWindow
) -> None:
    sandbox.seed(3)
    window = make_window()
    sign_in_to_custom(qtbot, window, sandbox)  # typed once, remembered
    custom_key = Environment.custom(sandbox.base_url).key
    window.show_sign_in()
    dialog = open_dialog(qtbot, window)
    dialog.environment_combo.setCurrentIndex(dialog.environment_combo.findData("sandbox"))
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session is not None
                    and window.session.environment.kind == "sandbox", timeout=WAIT_MS)
    window.show_sign_in()  # and back to the custom server
    dialog = open_dialog(qtbot, window)
    dialog.environment_combo.setCurrentIndex(dialog.environment_combo.findData("custom"))
    assert dialog.url_edit.text() == Environment.custom(sandbox.base_url).base_url
    assert dialog.token_edit.text() == ""
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session is not None
                    and window.session.environment.key == custom_key, timeout=WAIT_MS)
