"""The shared workstation: idle lock with a fake clock, whose work shows after an unlock,
and the audit records every sign-in, lock and administrator change leaves."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.services.audit import AUDIT_FILE_NAME, AuditAction, ObjectKind, verify_audit
from app.services.idle_lock import LockPolicy, LockReason
from app.services.staff import (
    DEMO_PIN,
    DEMO_STAFF_ID,
    NotAllowed,
    Permission,
    Role,
    StaffProfile,
    sandbox_profiles,
)
from app.services.workstation import Workstation
from tests.helpers.staff import ADMIN_PIN, DESK_PIN, FakeClock, admin_and_desk, make_workstation


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def desk(tmp_path: Path, clock: FakeClock) -> tuple[Workstation, StaffProfile, StaffProfile]:
    ws = make_workstation(tmp_path, clock)
    admin, fay = admin_and_desk(ws)
    return ws, admin, fay


def _actions(ws: Workstation) -> list[str]:
    return [r.action for r in ws.audit.records()]


def test_starts_locked_and_nobody_is_working(desk: tuple[Workstation, StaffProfile,
                                                         StaffProfile]) -> None:
    ws, _admin, _fay = desk
    assert ws.locked
    assert ws.current is None
    assert ws.policy.seconds_until_lock() is None


def test_typed_form_survives_idle_lock_and_a_wrong_pin(
    desk: tuple[Workstation, StaffProfile, StaffProfile], clock: FakeClock
) -> None:
    ws, _admin, fay = desk
    assert ws.sign_in(fay.staff_id, DESK_PIN).ok
    form = {"first_name": "Jane", "last_name": "Doe", "email": "jane@example.com"}
    ws.policy.open_work("new-order-1")
    typed = dict(form)

    clock.advance(4 * 60)
    ws.activity()  # she typed: the idle time restarts
    clock.advance(4 * 60 + 59)
    assert not ws.check_idle()
    assert ws.policy.seconds_until_lock() == 1.0
    clock.advance(1)
    assert ws.check_idle()
    assert ws.locked
    assert ws.current is None
    assert not ws.policy.visible("new-order-1")
    assert ws.policy.hidden_work() == ("new-order-1",)

    wrong = ws.sign_in(fay.staff_id, "1357")
    assert (wrong.ok, wrong.auth.outcome) == (False, "wrong")
    assert ws.locked
    assert not ws.policy.visible("new-order-1")

    right = ws.sign_in(fay.staff_id, DESK_PIN)
    assert right.ok
    assert right.unlock is not None
    assert right.unlock.same_person
    assert right.unlock.shown == ("new-order-1",)
    assert right.unlock.hidden == ()
    assert ws.policy.visible("new-order-1")
    assert typed == form  # nothing touched the form's data
    assert _actions(ws)[-3:] == ["lock", "sign_in_failed", "unlock"]
    lock_record = ws.audit.records()[-3]
    assert (lock_record.staff_id, lock_record.detail) == (fay.staff_id, "idle")


def test_someone_else_unlocking_does_not_see_the_first_persons_form(
    desk: tuple[Workstation, StaffProfile, StaffProfile],
) -> None:
    ws, admin, fay = desk
    ws.sign_in(fay.staff_id, DESK_PIN)
    ws.policy.open_work("new-order-1")
    ws.lock(LockReason.SHORTCUT)

    other = ws.sign_in(admin.staff_id, ADMIN_PIN)
    assert other.unlock is not None
    assert not other.unlock.same_person
    assert other.unlock.hidden == ("new-order-1",)
    assert not ws.policy.visible("new-order-1")
    assert ws.current == admin
    ws.policy.open_work("report-SPOT123456")
    assert ws.policy.visible("report-SPOT123456")

    ws.lock(LockReason.SHORTCUT)
    back = ws.sign_in(fay.staff_id, DESK_PIN)
    assert back.unlock is not None
    assert back.unlock.shown == ("new-order-1",)
    assert back.unlock.hidden == ("report-SPOT123456",)
    assert ws.policy.visible("new-order-1")
    unlocks = [r for r in ws.audit.records() if r.action == AuditAction.UNLOCK]
    assert [r.detail for r in unlocks] == ["different_person", "different_person"]


def test_closed_work_is_forgotten(desk: tuple[Workstation, StaffProfile, StaffProfile]) -> None:
    ws, _admin, fay = desk
    ws.sign_in(fay.staff_id, DESK_PIN)
    ws.policy.open_work("new-order-1")
    ws.policy.close_work("new-order-1")
    ws.policy.close_work("never-opened")
    assert ws.policy.owner("new-order-1") is None


def test_nothing_idles_while_locked_and_a_second_lock_is_a_no_op(
    desk: tuple[Workstation, StaffProfile, StaffProfile], clock: FakeClock
) -> None:
    ws, _admin, fay = desk
    ws.sign_in(fay.staff_id, DESK_PIN)
    assert ws.lock(LockReason.OS_SESSION)
    assert not ws.lock(LockReason.SHORTCUT)
    clock.advance(3600)
    assert not ws.check_idle()
    assert _actions(ws).count("lock") == 1


def test_five_wrong_pins_wait_and_are_recorded(
    desk: tuple[Workstation, StaffProfile, StaffProfile], clock: FakeClock
) -> None:
    ws, _admin, fay = desk
    for _ in range(5):
        outcome = ws.sign_in(fay.staff_id, "0000")
    assert (outcome.auth.outcome, outcome.auth.wait_s) == ("waiting", 30.0)
    assert ws.sign_in(fay.staff_id, DESK_PIN).auth.outcome == "waiting"
    assert ws.locked
    clock.advance(30)
    assert ws.sign_in(fay.staff_id, DESK_PIN).ok
    actions = _actions(ws)
    assert actions.count("sign_in_failed") == 5  # the refused try during the wait isn't one
    assert actions.count("sign_in_wait") == 1


def test_idle_minutes_are_an_administrator_setting_between_1_and_30(
    desk: tuple[Workstation, StaffProfile, StaffProfile], clock: FakeClock
) -> None:
    ws, admin, fay = desk
    ws.sign_in(fay.staff_id, DESK_PIN)
    assert not ws.allowed(Permission.MANAGE_SETTINGS)
    with pytest.raises(NotAllowed):
        ws.set_idle_minutes(10)
    ws.lock()
    ws.sign_in(admin.staff_id, ADMIN_PIN)
    with pytest.raises(ValueError, match="1 to 30 minutes"):
        ws.set_idle_minutes(31)
    ws.set_idle_minutes(1)
    clock.advance(60)
    assert ws.check_idle()
    changed = [r for r in ws.audit.records() if r.action == AuditAction.SETTINGS_CHANGED]
    assert [(r.staff_id, r.detail) for r in changed] == [(admin.staff_id, "idle_lock_minutes")]


def test_default_idle_time_is_five_minutes() -> None:
    assert LockPolicy().idle_minutes == 5


def test_profile_changes_are_recorded_with_the_administrator_and_target(
    desk: tuple[Workstation, StaffProfile, StaffProfile],
) -> None:
    ws, admin, fay = desk
    ws.sign_in(admin.staff_id, ADMIN_PIN)
    ws.reset_secret(fay.staff_id, "pin", "7531")
    ws.update_profile(fay.staff_id, role=Role.CLINICIAN)
    ws.remove_profile(fay.staff_id)
    records = [r for r in ws.audit.records() if r.action.startswith(("profile_", "pin_"))]
    assert [(r.action, r.staff_id, r.ids.get("staff"), r.detail) for r in records] == [
        ("profile_created", admin.staff_id, admin.staff_id, "role"),
        ("profile_created", admin.staff_id, fay.staff_id, None),
        ("pin_reset", admin.staff_id, fay.staff_id, None),
        ("profile_changed", admin.staff_id, fay.staff_id, "role"),
        ("profile_removed", admin.staff_id, fay.staff_id, None),
    ]


def test_actions_carry_who_did_them_even_while_locked(
    desk: tuple[Workstation, StaffProfile, StaffProfile],
) -> None:
    ws, _admin, fay = desk
    ws.sign_in(fay.staff_id, DESK_PIN)
    ws.record(AuditAction.ORDER_QUEUED, {ObjectKind.OUTBOX_ITEM: "item-1"})
    ws.lock()
    # The outbox sends it while the screen is locked: still Fay's order.
    ws.record(AuditAction.ORDER_PLACED, {ObjectKind.ORDER: "O1234567"})
    assert [r.staff_id for r in ws.audit.records()[-3:]] == [fay.staff_id] * 3
    with pytest.raises(RuntimeError, match="someone signed in"):
        ws.ordered_by({})  # nobody may place an order behind the lock screen


def test_ordered_by_uses_who_is_working(desk: tuple[Workstation, StaffProfile,
                                                    StaffProfile]) -> None:
    ws, _admin, fay = desk
    ws.sign_in(fay.staff_id, DESK_PIN)
    assert ws.ordered_by({"frontdesk_ref": "r-1"}) == {
        "frontdesk_ref": "r-1", "frontdesk_ordered_by": "FD",
        "frontdesk_ordered_by_id": fay.staff_id,
    }


def test_sign_out_then_sign_in_is_a_new_session(
    desk: tuple[Workstation, StaffProfile, StaffProfile],
) -> None:
    ws, _admin, fay = desk
    ws.sign_in(fay.staff_id, DESK_PIN)
    ws.sign_out()
    assert ws.locked
    assert ws.current is None
    ws.sign_in(fay.staff_id, DESK_PIN)
    assert _actions(ws)[-3:] == ["sign_in", "sign_out", "sign_in"]


def test_sandbox_demo_signs_in_and_leaves_a_verifiable_trail(tmp_path: Path,
                                                             clock: FakeClock) -> None:
    ws = make_workstation(tmp_path, clock, builtins=sandbox_profiles())
    assert not ws.directory.needs_first_administrator()
    assert ws.sign_in(DEMO_STAFF_ID, DEMO_PIN).ok
    assert ws.allowed(Permission.VIEW_AUDIT)
    ws.record(AuditAction.REPORT_VIEWED, {ObjectKind.REPORT: "r-7563e8e2"})
    ws.sign_out()
    result = verify_audit(tmp_path / AUDIT_FILE_NAME)
    assert (result.count, result.intact) == (4, True)
