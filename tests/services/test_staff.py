"""Staff profiles: hashed secrets, roles and permissions, the growing wait after wrong PINs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.services.staff import (
    DEMO_PIN,
    DEMO_STAFF_ID,
    ORDERED_BY_ID_KEY,
    ORDERED_BY_KEY,
    SELF_TEST_PIN,
    SELF_TEST_STAFF_ID,
    NotAllowed,
    Permission,
    ProfileError,
    Role,
    StaffDirectory,
    allowed,
    hash_secret,
    lockout_delay,
    ordered_by,
    sandbox_profiles,
    verify_secret,
    with_ordered_by,
)
from tests.helpers.staff import FAST, FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def directory(tmp_path: Path, clock: FakeClock) -> StaffDirectory:
    return StaffDirectory(tmp_path / "staff.sqlite3", clock=clock.seconds, params=FAST)


def test_first_start_asks_for_an_administrator_once(directory: StaffDirectory) -> None:
    assert directory.needs_first_administrator()
    admin = directory.create_first_administrator("Ana Admin", "aa", "pin", "3691")
    assert admin.role is Role.ADMINISTRATOR
    assert admin.initials == "AA"
    assert not directory.needs_first_administrator()
    with pytest.raises(NotAllowed):
        directory.create_first_administrator("Mallory", "MM", "pin", "3692")


def test_secret_is_stored_hashed_never_plain(directory: StaffDirectory, tmp_path: Path) -> None:
    directory.create_first_administrator("Ana Admin", "AA", "passphrase", "correct horse 42")
    directory.close()
    raw = (tmp_path / "staff.sqlite3").read_bytes()
    conn = sqlite3.connect(tmp_path / "staff.sqlite3")
    (stored,) = conn.execute("SELECT secret_hash FROM profiles").fetchone()
    conn.close()
    assert b"correct horse 42" not in raw
    assert stored.startswith("scrypt$")
    assert verify_secret("correct horse 42", stored)
    assert not verify_secret("correct horse 43", stored)


def test_default_hash_uses_owasp_scrypt_parameters() -> None:
    stored = hash_secret("2580")
    assert stored.split("$")[1:4] == ["131072", "8", "1"]
    assert verify_secret("2580", stored)


def test_damaged_hash_never_matches() -> None:
    assert not verify_secret("2580", "scrypt$oops")
    assert not verify_secret("2580", "bcrypt$1$2$3$4$5")


@pytest.mark.parametrize(
    ("kind", "secret", "message"),
    [
        ("pin", "12", "A PIN is 4 to 12 digits"),
        ("pin", "12a4", "A PIN is 4 to 12 digits"),
        ("pin", "1111", "That PIN is too easy to guess"),
        ("pin", "1234", "That PIN is too easy to guess"),
        ("pin", "9876", "That PIN is too easy to guess"),
        ("passphrase", "short", "A passphrase needs at least 8 characters"),
    ],
)
def test_weak_secrets_are_refused_with_a_reason(
    directory: StaffDirectory, kind: str, secret: str, message: str
) -> None:
    with pytest.raises(ProfileError) as caught:
        directory.create_first_administrator("Ana", "AA", kind, secret)  # type: ignore[arg-type]
    assert caught.value.title == message
    assert directory.needs_first_administrator()


def test_only_administrators_manage_profiles(directory: StaffDirectory) -> None:
    admin = directory.create_first_administrator("Ana Admin", "AA", "pin", "3691")
    desk = directory.add_profile(admin, "Fay Desk", "FD", Role.FRONT_DESK, "pin", "5802")
    nurse = directory.add_profile(admin, "Cal Clin", "CC", Role.CLINICIAN, "pin", "7413")
    for profile in (desk, nurse, None):
        for permission in Permission:
            assert not allowed(profile, permission)
        with pytest.raises(NotAllowed):
            directory.add_profile(profile, "Eve", "EV", Role.ADMINISTRATOR, "pin", "8520")
        with pytest.raises(NotAllowed):
            directory.reset_secret(profile, admin.staff_id, "pin", "8520")
    assert all(allowed(admin, permission) for permission in Permission)
    assert [p.name for p in directory.profiles()] == ["Ana Admin", "Cal Clin", "Fay Desk"]


def test_initials_must_tell_people_apart(directory: StaffDirectory) -> None:
    admin = directory.create_first_administrator("Ana Admin", "AA", "pin", "3691")
    with pytest.raises(ProfileError, match="initials"):
        directory.add_profile(admin, "Al Abe", "aa", Role.FRONT_DESK, "pin", "5802")


def test_the_last_administrator_stays(directory: StaffDirectory) -> None:
    admin = directory.create_first_administrator("Ana Admin", "AA", "pin", "3691")
    with pytest.raises(ProfileError, match="last administrator"):
        directory.remove_profile(admin, admin.staff_id)
    with pytest.raises(ProfileError, match="last administrator"):
        directory.update_profile(admin, admin.staff_id, role=Role.FRONT_DESK)
    other = directory.add_profile(admin, "Bo Boss", "BB", Role.ADMINISTRATOR, "pin", "5802")
    directory.remove_profile(other, admin.staff_id)
    assert [p.staff_id for p in directory.profiles()] == [other.staff_id]


def test_five_wrong_pins_make_the_profile_wait_longer_each_time(
    directory: StaffDirectory, clock: FakeClock
) -> None:
    admin = directory.create_first_administrator("Ana Admin", "AA", "pin", "3691")
    desk = directory.add_profile(admin, "Fay Desk", "FD", Role.FRONT_DESK, "pin", "5802")
    for attempt in range(1, 5):
        result = directory.authenticate(desk.staff_id, "0000")
        assert (result.outcome, result.failures, result.wait_s) == ("wrong", attempt, 0.0)
    fifth = directory.authenticate(desk.staff_id, "0000")
    assert (fifth.outcome, fifth.wait_s) == ("waiting", 30.0)
    # While waiting even the right PIN is refused, and it doesn't count as a try.
    clock.advance(10)
    early = directory.authenticate(desk.staff_id, "5802")
    assert (early.outcome, early.wait_s, early.counted) == ("waiting", 20.0, False)
    clock.advance(20)
    sixth = directory.authenticate(desk.staff_id, "0000")
    assert (sixth.outcome, sixth.wait_s) == ("waiting", 60.0)
    # Other profiles are not affected.
    assert directory.authenticate(admin.staff_id, "3691").ok
    clock.advance(60)
    assert directory.authenticate(desk.staff_id, "5802").ok
    assert directory.authenticate(desk.staff_id, "0000").outcome == "wrong"  # count restarted


def test_the_wait_survives_a_restart(tmp_path: Path, clock: FakeClock) -> None:
    first = StaffDirectory(tmp_path / "staff.sqlite3", clock=clock.seconds, params=FAST)
    admin = first.create_first_administrator("Ana Admin", "AA", "pin", "3691")
    for _ in range(5):
        first.authenticate(admin.staff_id, "0000")
    first.close()
    again = StaffDirectory(tmp_path / "staff.sqlite3", clock=clock.seconds, params=FAST)
    assert again.authenticate(admin.staff_id, "3691").outcome == "waiting"
    assert again.wait_remaining(admin.staff_id) == 30.0


def test_lockout_delay_grows_and_is_capped() -> None:
    assert [lockout_delay(n) for n in range(1, 9)] == [0, 0, 0, 0, 30, 60, 120, 240]
    assert lockout_delay(40) == 15 * 60


def test_administrator_resets_a_pin_and_the_wait(directory: StaffDirectory) -> None:
    admin = directory.create_first_administrator("Ana Admin", "AA", "pin", "3691")
    desk = directory.add_profile(admin, "Fay Desk", "FD", Role.FRONT_DESK, "pin", "5802")
    for _ in range(6):
        directory.authenticate(desk.staff_id, "0000")
    directory.reset_secret(admin, desk.staff_id, "pin", "7531")
    assert not directory.authenticate(desk.staff_id, "5802").ok
    assert directory.authenticate(desk.staff_id, "7531").ok


def test_anyone_changes_their_own_pin_with_the_old_one(directory: StaffDirectory) -> None:
    admin = directory.create_first_administrator("Ana Admin", "AA", "pin", "3691")
    desk = directory.add_profile(admin, "Fay Desk", "FD", Role.FRONT_DESK, "pin", "5802")
    assert not directory.change_own_secret(desk.staff_id, "1357", "pin", "7531").ok
    assert directory.change_own_secret(desk.staff_id, "5802", "pin", "7531").ok
    assert directory.authenticate(desk.staff_id, "7531").ok


def test_sandbox_profiles_exist_only_when_asked(tmp_path: Path, clock: FakeClock) -> None:
    plain = StaffDirectory(tmp_path / "a.sqlite3", clock=clock.seconds, params=FAST)
    assert plain.authenticate(DEMO_STAFF_ID, DEMO_PIN).outcome == "unknown"
    demo_only = StaffDirectory(
        tmp_path / "b.sqlite3", builtins=sandbox_profiles(), clock=clock.seconds, params=FAST
    )
    assert [p.staff_id for p in demo_only.profiles()] == [DEMO_STAFF_ID]
    sandbox = StaffDirectory(
        tmp_path / "c.sqlite3", builtins=sandbox_profiles(self_test=True), clock=clock.seconds,
        params=FAST,
    )
    assert not sandbox.needs_first_administrator()  # the demo opens without set-up
    assert sandbox.authenticate(DEMO_STAFF_ID, DEMO_PIN).ok
    assert sandbox.authenticate(SELF_TEST_STAFF_ID, SELF_TEST_PIN).ok
    demo = sandbox.get(DEMO_STAFF_ID)
    assert demo is not None
    assert demo.builtin
    with pytest.raises(ProfileError, match="built-in"):
        sandbox.reset_secret(demo, DEMO_STAFF_ID, "pin", "7531")


def test_ordered_by_stamps_initials_and_id_never_the_pin(directory: StaffDirectory) -> None:
    admin = directory.create_first_administrator("Ana Admin", "AA", "pin", "3691")
    metadata = with_ordered_by({"frontdesk_ref": "r-1"}, admin)
    assert metadata == {
        "frontdesk_ref": "r-1", ORDERED_BY_KEY: "AA", ORDERED_BY_ID_KEY: admin.staff_id,
    }
    assert "3691" not in repr(metadata)
    assert ordered_by(metadata) == "AA"
    assert ordered_by({}) is None
    assert ordered_by(None) is None

