"""Fakes shared by the staff, lock and audit tests: clocks the test moves by hand."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.services.audit import AuditTrail
from app.services.idle_lock import LockPolicy
from app.services.staff import ScryptParams, StaffDirectory, StaffProfile
from app.services.workstation import Workstation
from app.views.staff.lock_controller import LockController
from app.views.staff.os_lock import OsLockSource

# Cheap hashing so tests stay fast; the real parameters are tested once in test_staff.py.
FAST = ScryptParams(n=2**8, r=8, p=1)


class FakeClock:
    """Seconds (monotonic or wall) and an aware UTC datetime that move only with `advance`."""

    def __init__(self, start: datetime = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)) -> None:
        self.now = start

    def seconds(self) -> float:
        return self.now.timestamp()

    def utc(self) -> datetime:
        return self.now

    def advance(self, seconds: float = 0, **delta: float) -> None:
        self.now += timedelta(seconds=seconds, **delta)


def make_workstation(
    tmp_path: Path, clock: FakeClock, *, builtins: tuple[StaffProfile, ...] = ()
) -> Workstation:
    directory = StaffDirectory(
        tmp_path / "staff.sqlite3", builtins=builtins, clock=clock.seconds, params=FAST
    )
    policy = LockPolicy(clock=clock.seconds)
    audit = AuditTrail.in_folder(tmp_path, workstation="DESK-1", clock=clock.utc)
    return Workstation(directory, policy, audit)


ADMIN_PIN = "3691"
DESK_PIN = "5802"


def admin_and_desk(ws: Workstation) -> tuple[StaffProfile, StaffProfile]:
    """Ana (administrator, PIN 3691) and Fay (front desk, PIN 5802); nobody left signed in."""
    from app.services.staff import Role

    ana = ws.create_first_administrator("Ana Admin", "AA", "pin", ADMIN_PIN)
    ws.sign_in(ana.staff_id, ADMIN_PIN)
    fay = ws.add_profile("Fay Desk", "FD", Role.FRONT_DESK, "pin", DESK_PIN)
    ws.sign_out()
    return ana, fay


def fake_os_lock() -> OsLockSource:
    """An OS lock source a test fires by hand: ``source.session_locked.emit()`` is Win+L."""
    return OsLockSource()


def unlock_as(qtbot: QtBot, controller: LockController, staff_id: str, pin: str) -> None:
    """Pick ``staff_id`` on the lock screen, type ``pin``, Enter; wait for the unlock."""
    screen = controller.lock_screen
    assert screen.picker.select_staff(staff_id)
    qtbot.keyClicks(screen.pin_edit, pin)
    with qtbot.waitSignal(controller.unlocked, timeout=15_000):
        qtbot.keyClick(screen.pin_edit, Qt.Key.Key_Return)
