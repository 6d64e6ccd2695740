"""Lock and audit settings: an administrator sets the idle minutes and audit retention."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.services.audit import AuditAction
from app.tasks import InlineTaskRunner
from app.views.common.app_settings import AppSettings
from app.views.staff.settings import WorkstationSettingsDialog
from tests.helpers.staff import FakeClock, admin_and_desk, make_workstation


def _ok(qtbot: QtBot, dialog: WorkstationSettingsDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)


def test_administrator_changes_idle_minutes_and_retention(qtbot: QtBot, tmp_path: Path) -> None:
    clock = FakeClock()
    ws = make_workstation(tmp_path, clock)
    ana = ws.create_first_administrator("Ana Admin", "AA", "pin", "3691")
    ws.sign_in(ana.staff_id, "3691")
    settings = AppSettings(tmp_path / "settings.ini")
    dialog = WorkstationSettingsDialog(ws, settings, InlineTaskRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    assert (dialog.idle_spin.value(), dialog.retention_spin.value()) == (5, 6)
    dialog.idle_spin.setValue(12)
    dialog.retention_spin.setValue(4)
    assert "HIPAA" in dialog.note_label.text()
    dialog.retention_spin.setValue(8)
    assert dialog.note_label.text() == ""
    _ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert (settings.idle_lock_minutes, settings.audit_retention_years) == (12, 8)
    assert AppSettings(tmp_path / "settings.ini").idle_lock_minutes == 12
    assert ws.policy.idle_minutes == 12
    changed = [r.detail for r in ws.audit.records() if r.action == AuditAction.SETTINGS_CHANGED]
    assert changed == ["idle_lock_minutes", "audit_retention_years"]
    clock.advance(11 * 60)
    assert not ws.check_idle()
    clock.advance(60)
    assert ws.check_idle()


def test_front_desk_cannot_change_them(qtbot: QtBot, tmp_path: Path) -> None:
    ws = make_workstation(tmp_path, FakeClock())
    _ana, fay = admin_and_desk(ws)
    ws.sign_in(fay.staff_id, "5802")
    settings = AppSettings(tmp_path / "settings.ini")
    dialog = WorkstationSettingsDialog(ws, settings, InlineTaskRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.idle_spin.setValue(30)
    _ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.message_label.text().startswith("Only an administrator can do that.")
    assert settings.idle_lock_minutes == 5
    assert ws.policy.idle_minutes == 5
