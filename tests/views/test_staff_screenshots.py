"""Screenshots the issue asks for (15): the lock screen with its staff picker, the first
start's administrator set-up and the Audit window, in English and French, at 1280×720.

Rendered on every run; with ``SPOT_SCREENSHOTS_DIR`` set they are also written there:
``SPOT_SCREENSHOTS_DIR=resources/screenshots QT_QPA_PLATFORM=offscreen
python -m pytest tests/views/test_staff_screenshots.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from pytestqt.qtbot import QtBot

from app.services.audit import AuditAction, ObjectKind
from app.services.idle_lock import LockReason
from app.tasks import InlineTaskRunner
from app.views.staff.audit_window import AuditWindow
from app.views.staff.lock_screen import LockScreen
from tests.helpers.screenshots import save
from tests.helpers.staff import ADMIN_PIN, DESK_PIN, FakeClock, admin_and_desk, make_workstation
from tests.views.test_inbox import language

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

__all__ = ["language"]

SIZE = (1280, 720)


def _name(base: str, language: str) -> str:
    return base if language == "en" else f"{base}_{language}"


@pytest.mark.parametrize("language", ["en", "fr_CA"], indirect=True)
def test_lock_screen_with_the_staff_picker(qtbot: QtBot, tmp_path: Path, language: str) -> None:
    clock = FakeClock()
    ws = make_workstation(tmp_path, clock)
    _ana, fay = admin_and_desk(ws)
    ws.sign_in(fay.staff_id, DESK_PIN)
    ws.lock(LockReason.IDLE)
    screen = LockScreen(ws, InlineTaskRunner())
    qtbot.addWidget(screen)
    screen.resize(*SIZE)
    screen.refresh(QCoreApplication.translate(
        "LockController", "Locked after a while without use. Your work is kept."))
    screen.show()
    qtbot.waitExposed(screen)
    assert screen.picker.selected_staff_id() == fay.staff_id  # who was working, preselected
    qtbot.keyClicks(screen.pin_edit, "0000")
    qtbot.keyClick(screen.pin_edit, Qt.Key.Key_Return)  # one wrong PIN: the message shows
    assert screen.message_label.text()
    image = save(qtbot, screen, _name("lock_screen", language), tmp_path)
    assert (image.width(), image.height()) == SIZE


@pytest.mark.parametrize("language", ["en", "fr_CA"], indirect=True)
def test_first_start_asks_for_an_administrator(
    qtbot: QtBot, tmp_path: Path, language: str
) -> None:
    screen = LockScreen(make_workstation(tmp_path, FakeClock()), InlineTaskRunner())
    qtbot.addWidget(screen)
    screen.resize(*SIZE)
    screen.show()
    qtbot.waitExposed(screen)
    assert screen.is_first_start()
    qtbot.keyClicks(screen.admin_name_edit, "Ana Admin")
    qtbot.keyClicks(screen.admin_initials_edit, "AA")
    save(qtbot, screen, _name("lock_screen_first_start", language), tmp_path)


@pytest.mark.parametrize("language", ["en", "fr_CA"], indirect=True)
def test_audit_window(qtbot: QtBot, tmp_path: Path, language: str) -> None:
    clock = FakeClock()
    ws = make_workstation(tmp_path, clock)
    ana, fay = admin_and_desk(ws)
    ws.sign_in(fay.staff_id, DESK_PIN)
    for action, ids, detail in (
        (AuditAction.ORDER_QUEUED, {ObjectKind.OUTBOX_ITEM: "5af5fe72f294"}, None),
        (AuditAction.ORDER_PLACED, {ObjectKind.ORDER: "O1234567",
                                    ObjectKind.OUTBOX_ITEM: "5af5fe72f294"}, "sent"),
        (AuditAction.REPORT_VIEWED, {ObjectKind.REPORT: "RPT-7563e8e2"}, None),
        (AuditAction.REPORT_SAVED, {ObjectKind.REPORT: "RPT-7563e8e2"}, "pdf"),
        (AuditAction.KIT_REGISTERED, {ObjectKind.KIT: "SPOT123456"}, None),
        (AuditAction.ORDER_DISCARDED, {ObjectKind.OUTBOX_ITEM: "c0ffee120042"}, None),
    ):
        clock.advance(minutes=3)
        ws.record(action, ids, detail)
    clock.advance(minutes=5)
    ws.check_idle()
    ws.sign_in(ana.staff_id, ADMIN_PIN)
    window = AuditWindow(ws, InlineTaskRunner())
    qtbot.addWidget(window)
    window.resize(*SIZE)
    window.show()
    qtbot.waitExposed(window)
    assert window.model.rowCount() > 10
    image = save(qtbot, window, _name("audit_window", language), tmp_path)
    assert (image.width(), image.height()) == SIZE
