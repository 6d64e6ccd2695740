"""The computer's lock locks the app: a fake source stands in for Win+L here; the D-Bus
signals of Linux desktops are sent on a private bus when dbus-daemon exists."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint
from pytestqt.qtbot import QtBot

from app.services.audit import AuditAction
from app.views.staff.os_lock import (
    WM_WTSSESSION_CHANGE,
    WTS_SESSION_LOCK,
    DBusSessionLock,
    OsLockSource,
    is_session_lock_message,
    logind_session_path,
)
from tests.helpers.staff import ADMIN_PIN, DESK_PIN, fake_os_lock
from tests.views.test_staff_lock import Desk, desk

__all__ = ["desk"]


def test_the_computer_locking_locks_the_app_and_keeps_the_form(
    desk: Desk, qtbot: QtBot
) -> None:
    source = fake_os_lock()
    desk.controller.follow_os_lock(source)
    desk.sign_in(desk.fay, DESK_PIN)
    form, edit = desk.open_form()
    qtbot.keyClicks(edit, "Jane")

    source.session_locked.emit()  # Win+L
    assert desk.screen.isVisible()
    assert not form.isVisible()
    assert not desk.main.isVisible()
    assert desk.screen.reason_label.text() == "Locked with the computer. Your work is kept."
    lock = desk.ws.audit.records()[-1]
    assert (lock.action, lock.staff_id, lock.detail) == (
        AuditAction.LOCK, desk.fay.staff_id, "os_session")

    source.session_locked.emit()  # the screensaver after Win+L: already locked
    assert [r.action for r in desk.ws.audit.records()].count(AuditAction.LOCK) == 1

    desk.sign_in(desk.fay, DESK_PIN)
    assert form.isVisible()
    assert edit.text() == "Jane"


def test_the_os_lock_is_followed_from_the_first_unlock(
    desk: Desk, qtbot: QtBot
) -> None:
    made: list[OsLockSource] = []

    def factory() -> OsLockSource:
        made.append(fake_os_lock())
        return made[-1]

    desk.controller.follow_os_lock_from_first_unlock(factory)
    assert made == []  # nothing to follow while the lock screen is up at start
    desk.sign_in(desk.ana, ADMIN_PIN)
    assert len(made) == 1
    made[0].session_locked.emit()
    assert desk.screen.isVisible()
    desk.sign_in(desk.ana, ADMIN_PIN)
    qtbot.mouseMove(desk.main, QPoint(3, 3))
    assert len(made) == 1  # one source for the whole run


def test_windows_session_messages() -> None:
    assert WM_WTSSESSION_CHANGE == 0x02B1
    assert is_session_lock_message(WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK)
    assert not is_session_lock_message(WM_WTSSESSION_CHANGE, 0x8)  # WTS_SESSION_UNLOCK
    assert not is_session_lock_message(0x0010, WTS_SESSION_LOCK)  # WM_CLOSE


def test_logind_session_paths_are_escaped_like_systemd() -> None:
    assert logind_session_path("2") == "/org/freedesktop/login1/session/_32"
    assert logind_session_path("c1") == "/org/freedesktop/login1/session/c1"
    assert logind_session_path("12") == "/org/freedesktop/login1/session/_312"


@pytest.fixture
def private_bus() -> Iterator[str]:
    if shutil.which("dbus-daemon") is None or shutil.which("dbus-send") is None:
        pytest.skip("needs dbus-daemon and dbus-send")
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--print-address=1", "--nofork"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    assert daemon.stdout is not None
    address = daemon.stdout.readline().strip()
    yield address
    daemon.terminate()
    daemon.wait(10)


def _send(address: str, path: str, member: str, *args: str) -> None:
    subprocess.run(["dbus-send", f"--bus={address}", "--type=signal", path, member, *args],
                   check=True, timeout=10)


def test_linux_screensaver_and_logind_signals_lock(qtbot: QtBot, private_bus: str) -> None:
    from PySide6.QtDBus import QDBusConnection

    bus = QDBusConnection.connectToBus(private_bus, "spot-test-bus")
    assert bus.isConnected()
    source = DBusSessionLock(bus, bus, session_id="2")
    assert source.listening > 0
    locks: list[None] = []
    source.session_locked.connect(lambda: locks.append(None))

    _send(private_bus, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver.ActiveChanged",
          "boolean:false")  # the screensaver going away is no lock
    _send(private_bus, "/org/freedesktop/login1/session/_33",
          "org.freedesktop.login1.Session.Lock")  # another user's session
    _send(private_bus, "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver.ActiveChanged",
          "boolean:true")
    qtbot.waitUntil(lambda: len(locks) == 1)
    _send(private_bus, "/org/freedesktop/login1/session/_32",
          "org.freedesktop.login1.Session.Lock")  # loginctl lock-session
    qtbot.waitUntil(lambda: len(locks) == 2)
    qtbot.wait(100)
    assert len(locks) == 2
    QDBusConnection.disconnectFromBus("spot-test-bus")
