"""Staff profiles dialog: an administrator adds, edits, resets a PIN and removes profiles."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from app.services.audit import AuditAction
from app.services.staff import Role
from app.services.workstation import Workstation
from app.tasks import InlineTaskRunner
from app.views.staff.profiles import ProfileForm, StaffProfilesDialog
from tests.helpers.staff import FakeClock, make_workstation


@pytest.fixture
def ws(tmp_path: Path) -> Workstation:
    ws = make_workstation(tmp_path, FakeClock())
    ana = ws.create_first_administrator("Ana Admin", "AA", "pin", "3691")
    ws.sign_in(ana.staff_id, "3691")
    return ws


def _names(dialog: StaffProfilesDialog) -> list[str]:
    return [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]


def _save(qtbot: QtBot, form: ProfileForm) -> None:
    button = form.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _add(qtbot: QtBot, dialog: StaffProfilesDialog, name: str, initials: str,
         pin: str) -> ProfileForm:
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    form = dialog.form
    assert form is not None
    qtbot.keyClicks(form.name_edit, name)
    qtbot.keyClicks(form.initials_edit, initials)
    qtbot.keyClicks(form.secret_edit, pin)
    qtbot.keyClicks(form.confirm_edit, pin)
    _save(qtbot, form)
    return form


def test_administrator_adds_someone_who_can_then_sign_in(qtbot: QtBot, ws: Workstation) -> None:
    dialog = StaffProfilesDialog(ws, InlineTaskRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    _add(qtbot, dialog, "Fay Desk", "fd", "5802")
    assert dialog.form is None
    assert _names(dialog) == ["Ana Admin", "Fay Desk"]
    assert dialog.table.item(1, 2).text() == "Front desk"
    fay = next(p for p in ws.directory.profiles() if p.name == "Fay Desk")
    assert ws.directory.authenticate(fay.staff_id, "5802").ok


def test_a_refused_profile_keeps_the_form_open_with_the_reason(qtbot: QtBot,
                                                                ws: Workstation) -> None:
    dialog = StaffProfilesDialog(ws, InlineTaskRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    form = _add(qtbot, dialog, "Al Abe", "AA", "5802")
    assert dialog.form is form
    assert form.message_label.text().startswith("Someone here already uses those initials.")
    assert form.secret_edit.text() == ""


def test_edit_role_reset_pin_and_remove_are_recorded(qtbot: QtBot, ws: Workstation) -> None:
    fay = ws.add_profile("Fay Desk", "FD", Role.FRONT_DESK, "pin", "5802")
    dialog = StaffProfilesDialog(ws, InlineTaskRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.select(fay.staff_id)

    qtbot.mouseClick(dialog.edit_button, Qt.MouseButton.LeftButton)
    form = dialog.form
    assert form is not None
    form.role_combo.setCurrentIndex(form.role_combo.findText("Clinician"))
    _save(qtbot, form)
    assert dialog.table.item(1, 2).text() == "Clinician"

    qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
    form = dialog.form
    assert form is not None
    qtbot.keyClicks(form.secret_edit, "7531")
    qtbot.keyClicks(form.confirm_edit, "7531")
    _save(qtbot, form)
    assert ws.directory.authenticate(fay.staff_id, "7531").ok

    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    box = dialog.findChild(QMessageBox)
    assert box is not None
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert _names(dialog) == ["Ana Admin"]
    actions = [r.action for r in ws.audit.records()]
    assert actions[-3:] == [AuditAction.PROFILE_CHANGED, AuditAction.PIN_RESET,
                            AuditAction.PROFILE_REMOVED]


def test_non_administrators_can_only_look(qtbot: QtBot, ws: Workstation) -> None:
    fay = ws.add_profile("Fay Desk", "FD", Role.FRONT_DESK, "pin", "5802")
    ws.lock()
    ws.sign_in(fay.staff_id, "5802")
    dialog = StaffProfilesDialog(ws, InlineTaskRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.select(fay.staff_id)
    assert not dialog.add_button.isEnabled()
    assert not dialog.edit_button.isEnabled()
    assert not dialog.reset_button.isEnabled()
    assert dialog.message_label.text() == "Only an administrator can change profiles."
