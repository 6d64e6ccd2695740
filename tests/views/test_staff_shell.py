"""The real main window behind the lock: nothing shows before a PIN, the Staff menu follows
who is signed in, and orders placed carry who placed them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.api.models import Address, NewOrder, Recipient
from app.compose import build_staff, build_workstation
from app.paths import paths
from app.sandbox import SandboxServer
from app.services.audit import AuditAction
from app.services.staff import DEMO_PIN, DEMO_STAFF_ID, ORDERED_BY_KEY, Role
from app.services.workstation import Workstation
from app.tasks import TaskRunner
from app.views.common.app_settings import AppSettings
from app.views.shell.main_window import MainWindow
from app.views.shell.staff_shell import StaffShell
from app.views.staff.lock_controller import LockController
from tests.helpers.main_window import MakeWindow
from tests.helpers.staff import unlock_as

WAIT_MS = 15_000


@pytest.fixture
def staffed(
    qtbot: QtBot, make_window: MakeWindow, runner: TaskRunner
) -> Iterator[tuple[MainWindow, Workstation, LockController, StaffShell]]:
    window = make_window()
    workstation = build_workstation(paths(), AppSettings(), sandbox=True)
    controller, shell = build_staff(window, runner, workstation)
    window.show()
    controller.start_locked()
    yield window, workstation, controller, shell
    controller.shutdown()


def _unlock_as_demo(qtbot: QtBot, controller: LockController) -> None:
    unlock_as(qtbot, controller, DEMO_STAFF_ID, DEMO_PIN)


def test_sandbox_opens_behind_the_lock_and_the_demo_pin_opens_it(
    qtbot: QtBot, staffed: tuple[MainWindow, Workstation, LockController, StaffShell],
    sandbox: SandboxServer,
) -> None:
    window, workstation, controller, shell = staffed
    window.start("sandbox")
    qtbot.waitUntil(lambda: window.session is not None, timeout=WAIT_MS)
    assert not window.isVisible()
    assert controller.lock_screen.isVisible()
    assert "2468" in controller.lock_screen.demo_label.text()
    _unlock_as_demo(qtbot, controller)
    assert window.isVisible()
    assert shell.who_label.text() == "Signed in: Demo (DM)"
    assert shell.audit_action.isEnabled()
    assert window.commands["settings"].isEnabled()

    session = window.session
    assert session is not None
    order = NewOrder(
        kit_types=["health_kit_1"],
        recipient=Recipient(
            first_name="Testy", last_name="Stamped", email="testy.stamped@example.com",
            phone="3125550199",
            address=Address(street1="1 Test Street", city="Chicago", state="IL",
                            zip="60601", country="US"),
        ),
    )
    item = session.outbox.submit(order)
    assert item.payload.metadata is not None
    assert item.payload.metadata[ORDERED_BY_KEY] == "DM"
    qtbot.waitUntil(lambda: any(r.action == AuditAction.ORDER_PLACED
                                for r in workstation.audit.records()), timeout=WAIT_MS)
    assert workstation.audit.verify().intact


def test_front_desk_staff_cannot_reach_settings_token_or_audit(
    qtbot: QtBot, staffed: tuple[MainWindow, Workstation, LockController, StaffShell],
) -> None:
    window, workstation, controller, shell = staffed
    _unlock_as_demo(qtbot, controller)
    fay = workstation.add_profile("Fay Desk", "FD", Role.FRONT_DESK, "pin", "5802")
    shell.open_audit()
    assert shell.audit_window is not None
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert shell.audit_window is None  # an administrator's window closes with the lock
    screen = controller.lock_screen
    screen.refresh()
    assert screen.picker.select_staff(fay.staff_id)
    qtbot.keyClicks(screen.pin_edit, "5802")
    with qtbot.waitSignal(controller.unlocked, timeout=WAIT_MS):
        qtbot.keyClick(screen.pin_edit, Qt.Key.Key_Return)
    assert shell.who_label.text() == "Signed in: Fay Desk (FD)"
    assert not shell.audit_action.isEnabled()
    assert not shell.profiles_action.isEnabled()
    assert not shell.lock_settings_action.isEnabled()
    assert not window.commands["settings"].isEnabled()
    assert not window.commands["sign_in"].isEnabled()
    assert shell.open_audit() is None
    assert not any(w.objectName() == "auditWindow" and w.isVisible()
                   for w in QApplication.topLevelWidgets())


def test_data_folder_holds_the_trail_and_profiles() -> None:
    where = paths()
    assert where.audit_trail.parent == where.data
    assert where.staff_db.parent == where.data
    assert "audit" in where.audit_trail.name


class FakeRegisterKitDialog(QDialog):
    kit_registered = Signal(str)


def test_what_windows_report_is_recorded_for_who_is_signed_in(
    qtbot: QtBot, staffed: tuple[MainWindow, Workstation, LockController, StaffShell],
) -> None:
    window, workstation, controller, _shell = staffed
    _unlock_as_demo(qtbot, controller)
    dialog = FakeRegisterKitDialog(window)
    dialog.show()
    dialog.hide()
    dialog.show()  # shown again: still recorded once per registration
    dialog.kit_registered.emit("SPOT123456")
    qtbot.waitUntil(lambda: workstation.audit.records()[-1].action == AuditAction.KIT_REGISTERED,
                    timeout=WAIT_MS)
    record = workstation.audit.records()[-1]
    assert (record.staff_id, dict(record.ids)) == (DEMO_STAFF_ID, {"kit": "SPOT123456"})
    assert [r.action for r in workstation.audit.records()].count(AuditAction.KIT_REGISTERED) == 1


def test_only_an_administrator_gets_the_sign_in_dialog(
    qtbot: QtBot, staffed: tuple[MainWindow, Workstation, LockController, StaffShell],
) -> None:
    window, workstation, controller, _shell = staffed
    _unlock_as_demo(qtbot, controller)
    fay = workstation.add_profile("Fay Desk", "FD", Role.FRONT_DESK, "pin", "5802")
    admin_dialog = window.show_sign_in("Spot rejected the token")
    assert admin_dialog is not None
    assert admin_dialog.isVisible()
    admin_dialog.reject()

    controller.lock_now()
    screen = controller.lock_screen
    assert screen.picker.select_staff(fay.staff_id)
    qtbot.keyClicks(screen.pin_edit, "5802")
    with qtbot.waitSignal(controller.unlocked, timeout=WAIT_MS):
        qtbot.keyClick(screen.pin_edit, Qt.Key.Key_Return)
    dialog = window.show_sign_in("Spot rejected the token")  # e.g. after a 401
    assert dialog is not None
    assert not dialog.isVisible()
    assert window.banner.isVisible()
    assert window.banner.details.startswith("Sign-in to Spot needed")


def test_results_inbox_signs_as_whoever_unlocked(
    qtbot: QtBot, staffed: tuple[MainWindow, Workstation, LockController, StaffShell],
    sandbox: SandboxServer,
) -> None:
    """Sign-offs carry the staff member's initials and role, not a name typed in the inbox."""
    window, _workstation, controller, _shell = staffed
    window.start("sandbox")
    qtbot.waitUntil(lambda: window.inbox_tab.view is not None, timeout=WAIT_MS)
    _unlock_as_demo(qtbot, controller)
    view = window.inbox_tab.view
    assert view is not None
    assert view.reviewer_name.text() == "DM"
    assert not view.reviewer_name.isEnabled()  # who signs is who unlocked: not editable


def test_a_sign_off_and_its_note_go_to_the_audit_trail_as_who_unlocked(
    qtbot: QtBot, staffed: tuple[MainWindow, Workstation, LockController, StaffShell],
    sandbox: SandboxServer,
) -> None:
    """Issue 18: "an optional note goes to the audit trail only": typed in the inbox,
    recorded with the sign-off under the staff member, and nowhere in Spot."""
    window, workstation, controller, _shell = staffed
    sandbox.seed(20)
    window.start("sandbox")
    qtbot.waitUntil(lambda: window.inbox_tab.view is not None, timeout=WAIT_MS)
    _unlock_as_demo(qtbot, controller)
    session = window.session
    assert session is not None
    assert session.inbox is not None
    session.inbox.set_go_live(datetime(2000, 1, 1, tzinfo=UTC))
    window.inbox_tab.synced()
    view = window.inbox_tab.view
    assert view is not None
    window.commands["inbox"].trigger()  # View > Results inbox, as the user opens it
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=WAIT_MS)
    view.select(0)
    row = view.current_row()
    assert row is not None
    qtbot.keyClicks(view.panel.note, "Phoned the patient about it")
    qtbot.mouseClick(view.panel.sign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(r.action == AuditAction.RESULT_SIGNED_OFF
                                for r in workstation.audit.records()), timeout=WAIT_MS)
    record = workstation.audit.records()[-1]
    assert (record.action, record.staff_id, dict(record.ids), record.note) == (
        AuditAction.RESULT_SIGNED_OFF, DEMO_STAFF_ID,
        {"kit": row.kit_id, "report": row.report_id}, "Phoned the patient about it")
    assert "Phoned" not in str(session.client.get_kit(row.kit_id).metadata)


def test_outreach_works_as_the_signed_in_staff_member(
    qtbot: QtBot, staffed: tuple[MainWindow, Workstation, LockController, StaffShell],
    sandbox: SandboxServer,
) -> None:
    """Issue 19: imports and contact attempts are the staff member's (not the computer's
    user), and nobody's while the screen is locked."""
    from app.services.acting import Actor

    window, _workstation, controller, _shell = staffed
    window.start("sandbox")
    qtbot.waitUntil(lambda: window.outreach is not None, timeout=WAIT_MS)
    outreach = window.outreach
    assert outreach is not None
    assert outreach.staff.actor() is None  # behind the lock
    _unlock_as_demo(qtbot, controller)
    assert outreach.staff.actor() == Actor("DM", DEMO_STAFF_ID)


def test_settings_saved_with_ok_are_recorded_for_the_administrator(
    qtbot: QtBot, staffed: tuple[MainWindow, Workstation, LockController, StaffShell],
) -> None:
    window, workstation, controller, _shell = staffed
    _unlock_as_demo(qtbot, controller)

    def settings_records() -> list[tuple[str, str | None]]:
        return [(r.staff_id, r.detail) for r in workstation.audit.records()
                if r.action == AuditAction.SETTINGS_CHANGED]

    window.open_settings()
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if w.objectName() == "settingsDialog" and w.isVisible())
    assert isinstance(dialog, QDialog)
    dialog.reject()  # Cancel changes nothing
    qtbot.wait(50)
    assert settings_records() == []

    window.open_settings()
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if w.objectName() == "settingsDialog" and w.isVisible())
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(settings_records()), timeout=WAIT_MS)
    assert settings_records() == [(DEMO_STAFF_ID, "settings_window")]


def test_locking_the_desk_wipes_the_report_cache(
    qtbot: QtBot, staffed: tuple[MainWindow, Workstation, LockController, StaffShell],
    sandbox: SandboxServer,
) -> None:
    window, _workstation, controller, _shell = staffed
    window.start("sandbox")
    qtbot.waitUntil(lambda: window.session is not None, timeout=WAIT_MS)
    _unlock_as_demo(qtbot, controller)
    session = window.session
    assert session is not None
    cached = session.reports.cache_dir / "opened" / "report-1.pdf"  # e.g. an opened report
    cached.parent.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(b"%PDF-1.4 report\n%%EOF\n")

    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # Ctrl+L
    assert controller.is_locked
    qtbot.waitUntil(lambda: not cached.exists(), timeout=WAIT_MS)
