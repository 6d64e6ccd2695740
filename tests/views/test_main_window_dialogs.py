"""The main window and the windows it opens: exit keeps the newest typing, kit registration
updates the panel, unsaved metadata is not dropped silently (real window, sandbox, real runner)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from app.sandbox import SandboxServer
from app.services.session import Session
from app.settings import paths
from tests.views.conftest import MakeWindow
from tests.views.test_main_window import SEEDED, WAIT_MS, sign_in_to_sandbox

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)


@pytest.fixture
def seeded(sandbox: SandboxServer) -> SandboxServer:
    sandbox.seed(SEEDED)
    return sandbox


def _first_name_field_of_the_order_form() -> QLineEdit:
    dialogs = [w for w in QApplication.topLevelWidgets()
               if w.isVisible() and type(w).__name__ == "NewOrderDialog"]
    assert len(dialogs) == 1
    field = dialogs[0].form.fields.editor("first_name")  # type: ignore[attr-defined]
    assert isinstance(field, QLineEdit)
    return field


def test_closing_the_window_right_after_typing_keeps_the_newest_keystrokes_in_the_draft(
    qtbot: QtBot, seeded: SandboxServer, make_window: MakeWindow
) -> None:
    window = make_window()
    sign_in_to_sandbox(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: any(w.isVisible() and type(w).__name__ == "NewOrderDialog"
                    for w in QApplication.topLevelWidgets()),
        timeout=WAIT_MS,
    )
    field = _first_name_field_of_the_order_form()
    field.setFocus()
    qtbot.keyClicks(field, "Zelda")  # well inside the autosave delay
    session = window.session
    assert session is not None
    environment = session.environment
    window.close()  # quitting at once

    reopened = Session.open(environment, seeded.token, paths(), start_outbox=False)
    try:
        drafts = reopened.drafts.load_all()
    finally:
        reopened.close()
    assert [d["recipient"].get("first_name") for d in drafts.values()] == ["Zelda"]
