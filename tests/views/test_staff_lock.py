"""The lock screen and the app-wide lock, driven like a user with a fake clock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QMainWindow, QVBoxLayout
from pytestqt.qtbot import QtBot

from app.services.staff import DEMO_STAFF_ID, StaffProfile, sandbox_profiles
from app.services.workstation import Workstation
from app.tasks import InlineTaskRunner
from app.views.staff.lock_controller import MOVE_GATE_MS, LockController, mark_shared
from app.views.staff.lock_screen import LockScreen
from tests.helpers.staff import ADMIN_PIN, DESK_PIN, FakeClock, admin_and_desk, make_workstation


class Desk:
    """A workstation with Ana (administrator) and Fay (front desk), the main window, the lock."""

    def __init__(self, qtbot: QtBot, tmp_path: Path) -> None:
        self.clock = FakeClock()
        self.ws: Workstation = make_workstation(tmp_path, self.clock)
        self.ana, self.fay = admin_and_desk(self.ws)
        self.screen = LockScreen(self.ws, InlineTaskRunner())
        qtbot.addWidget(self.screen)
        self.controller = LockController(self.ws, self.screen)
        self.main = QMainWindow()
        self.main.setWindowTitle("Orders")
        mark_shared(self.main)
        qtbot.addWidget(self.main)
        self.main.show()
        self.controller.start_locked()
        self.qtbot = qtbot

    def sign_in(self, who: StaffProfile, pin: str) -> None:
        assert self.screen.isVisible()
        assert self.screen.picker.select_staff(who.staff_id)
        self.qtbot.keyClicks(self.screen.pin_edit, pin)
        self.qtbot.keyClick(self.screen.pin_edit, Qt.Key.Key_Return)

    def open_form(self) -> tuple[QDialog, QLineEdit]:
        form = QDialog(self.main)
        form.setWindowTitle("New order")
        edit = QLineEdit(form)
        QVBoxLayout(form).addWidget(edit)
        form.show()
        return form, edit


@pytest.fixture
def desk(qtbot: QtBot, tmp_path: Path) -> Iterator[Desk]:
    made = Desk(qtbot, tmp_path)
    yield made
    made.controller.shutdown()


def test_at_start_only_the_lock_screen_shows(desk: Desk) -> None:
    assert desk.screen.isVisible()
    assert not desk.main.isVisible()
    assert desk.screen.title_label.text() == "Who's working?"
    names = [desk.screen.picker.item(i).text() for i in range(desk.screen.picker.count())]
    assert names == ["Ana Admin  (AA) · Administrator", "Fay Desk  (FD) · Front desk"]


def test_typed_form_survives_idle_lock_and_a_wrong_pin(desk: Desk, qtbot: QtBot) -> None:
    desk.sign_in(desk.fay, DESK_PIN)
    assert desk.main.isVisible()
    assert not desk.screen.isVisible()
    form, edit = desk.open_form()
    qtbot.keyClicks(edit, "Jane")

    desk.clock.advance(5 * 60)
    desk.controller.check_idle()
    assert desk.screen.isVisible()
    assert not form.isVisible()
    assert not desk.main.isVisible()
    assert desk.screen.reason_label.text() == (
        "Locked after a while without use. Your work is kept.")
    assert desk.screen.picker.selected_staff_id() == desk.fay.staff_id  # she's preselected

    qtbot.keyClicks(desk.screen.pin_edit, "1357")
    qtbot.keyClick(desk.screen.pin_edit, Qt.Key.Key_Return)
    assert desk.screen.message_label.text() == "Wrong PIN. Tries left before a wait: 4."
    assert desk.screen.pin_edit.text() == ""
    assert not form.isVisible()

    desk.sign_in(desk.fay, DESK_PIN)
    assert form.isVisible()
    assert desk.main.isVisible()
    assert edit.text() == "Jane"


def test_ctrl_l_then_someone_else_does_not_see_the_first_persons_form(
    desk: Desk, qtbot: QtBot
) -> None:
    desk.sign_in(desk.fay, DESK_PIN)
    form, edit = desk.open_form()
    qtbot.keyClicks(edit, "Jane")
    hidden: list[list[str]] = []
    desk.controller.work_hidden.connect(hidden.append)

    qtbot.keyClick(edit, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert desk.screen.isVisible()
    assert edit.text() == "Jane"  # Ctrl+L is not typed into the form
    assert desk.screen.reason_label.text() == "Locked. Your work is kept."

    desk.sign_in(desk.ana, ADMIN_PIN)
    assert desk.main.isVisible()
    assert not form.isVisible()
    assert len(hidden) == 1

    qtbot.keyClick(desk.main, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    desk.sign_in(desk.fay, DESK_PIN)
    assert form.isVisible()
    assert edit.text() == "Jane"


@pytest.mark.parametrize("touch", ["key", "mouse_move"])
def test_activity_in_any_window_postpones_the_idle_lock(
    desk: Desk, qtbot: QtBot, touch: str
) -> None:
    desk.sign_in(desk.fay, DESK_PIN)
    _form, edit = desk.open_form()
    desk.clock.advance(4 * 60)
    if touch == "key":
        qtbot.keyClicks(edit, "J")
    else:
        qtbot.mouseMove(edit, QPoint(5, 5))  # no key, no click: the mouse only moves
    desk.clock.advance(4 * 60)
    desk.controller.check_idle()
    assert not desk.screen.isVisible()
    desk.clock.advance(60)
    desk.controller.check_idle()
    assert desk.screen.isVisible()


def test_a_moving_mouse_counts_once_a_second_not_per_move(desk: Desk, qtbot: QtBot) -> None:
    desk.sign_in(desk.fay, DESK_PIN)
    _form, edit = desk.open_form()
    counted: list[None] = []
    real_activity = desk.ws.activity
    desk.ws.activity = lambda: counted.append(real_activity())  # type: ignore[method-assign]
    for step in range(200):
        qtbot.mouseMove(edit, QPoint(5 + step % 20, 5))
    assert len(counted) == 1
    qtbot.wait(MOVE_GATE_MS + 100)
    desk.clock.advance(4 * 60)
    qtbot.mouseMove(edit, QPoint(30, 6))
    assert len(counted) == 2
    desk.clock.advance(4 * 60)
    desk.controller.check_idle()
    assert not desk.screen.isVisible()  # the move after the gate reopened counted


def test_five_wrong_pins_show_the_wait_and_block_unlock(desk: Desk, qtbot: QtBot) -> None:
    for _ in range(5):
        desk.sign_in(desk.fay, "0000")
    assert desk.screen.message_label.text() == "Too many wrong PINs. Try again in 0:30."
    assert not desk.screen.unlock_button.isEnabled()
    assert desk.screen.picker.select_staff(desk.ana.staff_id)  # others are not held up
    assert desk.screen.unlock_button.isEnabled()
    desk.clock.advance(30)
    desk.sign_in(desk.fay, DESK_PIN)
    assert desk.main.isVisible()


def test_a_window_opened_behind_the_lock_waits_for_the_unlock(desk: Desk, qtbot: QtBot) -> None:
    desk.sign_in(desk.fay, DESK_PIN)
    desk.controller.lock_now()
    late = QDialog(desk.main)
    late.show()  # e.g. a background task's result
    qtbot.waitUntil(lambda: not late.isVisible())
    desk.sign_in(desk.fay, DESK_PIN)
    assert late.isVisible()


def test_first_start_sets_up_the_administrator(qtbot: QtBot, tmp_path: Path) -> None:
    ws = make_workstation(tmp_path, FakeClock())
    screen = LockScreen(ws, InlineTaskRunner())
    qtbot.addWidget(screen)
    screen.show()
    assert screen.is_first_start()
    qtbot.keyClicks(screen.admin_name_edit, "Ana Admin")
    qtbot.keyClicks(screen.admin_initials_edit, "aa")
    qtbot.keyClicks(screen.admin_secret_edit, "1234")
    qtbot.keyClicks(screen.admin_confirm_edit, "1234")
    qtbot.mouseClick(screen.create_admin_button, Qt.MouseButton.LeftButton)
    assert screen.admin_message_label.text() == (
        "That PIN is too easy to guess. Avoid repeated digits and runs like 1234.")
    qtbot.keyClicks(screen.admin_secret_edit, "3691")
    qtbot.keyClicks(screen.admin_confirm_edit, "3619")
    qtbot.mouseClick(screen.create_admin_button, Qt.MouseButton.LeftButton)
    assert screen.admin_message_label.text() == "The two entries don't match."
    screen.admin_secret_edit.clear()
    screen.admin_confirm_edit.clear()
    qtbot.keyClicks(screen.admin_secret_edit, "3691")
    qtbot.keyClicks(screen.admin_confirm_edit, "3691")
    with qtbot.waitSignal(screen.signed_in):
        qtbot.keyClick(screen.admin_confirm_edit, Qt.Key.Key_Return)
    assert ws.current is not None
    assert ws.current.name == "Ana Admin"
    assert not screen.is_first_start()


def test_sandbox_lock_screen_shows_the_demo_pin(qtbot: QtBot, tmp_path: Path) -> None:
    ws = make_workstation(tmp_path, FakeClock(), builtins=sandbox_profiles())
    screen = LockScreen(ws, InlineTaskRunner())
    qtbot.addWidget(screen)
    screen.show()
    assert screen.demo_label.isVisible()
    assert screen.demo_label.text() == "Sandbox demo: sign in as “Demo” with PIN 2468."
    assert screen.picker.select_staff(DEMO_STAFF_ID)
    with qtbot.waitSignal(screen.signed_in):
        qtbot.keyClicks(screen.pin_edit, "2468")
        qtbot.keyClick(screen.pin_edit, Qt.Key.Key_Return)


def test_watching_from_after_the_start_covers_a_window_shown_before_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The start-up builds its main window before the lock watches events (it is three times
    quicker so): a window that showed meanwhile is hidden once watching starts, comes back
    at the unlock, and Ctrl+L works from then on."""
    clock = FakeClock()
    ws = make_workstation(tmp_path, clock)
    _ana, fay = admin_and_desk(ws)
    screen = LockScreen(ws, InlineTaskRunner())
    qtbot.addWidget(screen)
    controller = LockController(ws, screen, watch=False)
    controller.start_locked()
    early = QDialog()
    early.setWindowTitle("Shown before watching")
    qtbot.addWidget(early)
    early.show()
    assert early.isVisible()  # nobody watches yet

    controller.start_watching()
    qtbot.waitUntil(lambda: not early.isVisible())
    assert screen.isVisible()

    assert screen.picker.select_staff(fay.staff_id)
    qtbot.keyClicks(screen.pin_edit, DESK_PIN)
    qtbot.keyClick(screen.pin_edit, Qt.Key.Key_Return)
    assert early.isVisible()
    qtbot.keyClick(early, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert screen.isVisible()
    assert not early.isVisible()
    controller.shutdown()
