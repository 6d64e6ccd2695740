"""The shared workstation in one object: who is working, the lock, the audit trail (no Qt).

`Workstation` is what the shell holds. It joins `StaffDirectory` (profiles, PINs, waits),
`LockPolicy` (idle time, whose work shows) and `AuditTrail` (every sign-in, lock and action),
so that every sign-in, lock and administrator change is recorded the same way, with the right
staff id, and permission checks happen in one place.

`sign_in` hashes (~0.4 s): call it through the task runner. The rest is quick.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.services.audit import AuditAction, AuditTrail, ObjectKind
from app.services.idle_lock import LockPolicy, LockReason, UnlockResult
from app.services.staff import (
    AuthResult,
    Permission,
    Role,
    SecretKind,
    StaffDirectory,
    StaffProfile,
    allowed,
    require,
    with_ordered_by,
)

__all__ = ["SYSTEM_STAFF_ID", "SignInOutcome", "Workstation"]

# Who the trail names for what the app does with nobody signed in (retention at start-up).
SYSTEM_STAFF_ID = "system"


@dataclass(frozen=True)
class SignInOutcome:
    auth: AuthResult
    unlock: UnlockResult | None = None  # set when the sign-in unlocked the workstation

    @property
    def ok(self) -> bool:
        return self.auth.ok


class Workstation:
    def __init__(self, directory: StaffDirectory, policy: LockPolicy, audit: AuditTrail) -> None:
        self.directory = directory
        self.policy = policy
        self.audit = audit
        self._lock = threading.RLock()
        self._signed_in: StaffProfile | None = None  # kept through a lock, cleared on sign-out

    # who

    @property
    def current(self) -> StaffProfile | None:
        """Who is working now (None while locked)."""
        with self._lock:
            return None if self.policy.locked else self._signed_in

    @property
    def locked(self) -> bool:
        return self.policy.locked

    def allowed(self, permission: Permission) -> bool:
        return allowed(self.current, permission)

    def require(self, permission: Permission) -> StaffProfile:
        """The current profile if it may do ``permission``; else `NotAllowed`."""
        profile = self.current
        require(profile, permission)
        assert profile is not None
        return profile

    # signing in, locking

    def sign_in(self, staff_id: str, secret: str) -> SignInOutcome:
        """Check the PIN and, when right, unlock for that person. Blocking (hashing)."""
        auth = self.directory.authenticate(staff_id, secret)
        with self._lock:
            if not auth.ok or auth.profile is None:
                if auth.outcome == "unknown":
                    return SignInOutcome(auth)
                if auth.counted:
                    self.audit.record(AuditAction.SIGN_IN_FAILED, staff_id)
                    if auth.outcome == "waiting":
                        self.audit.record(AuditAction.SIGN_IN_WAIT, staff_id)
                return SignInOutcome(auth)
            was_signed_in = self._signed_in
            unlock = self.policy.unlock(staff_id)
            self._signed_in = auth.profile
            if was_signed_in is None:
                self.audit.record(AuditAction.SIGN_IN, staff_id)
            else:
                self.audit.record(
                    AuditAction.UNLOCK, staff_id,
                    detail="same_person" if unlock.same_person else "different_person",
                )
            return SignInOutcome(auth, unlock)

    def lock(self, reason: LockReason = LockReason.SHORTCUT) -> bool:
        """Lock now (Ctrl+L, OS session lock); True if it was unlocked."""
        with self._lock:
            staff = self._signed_in
            if not self.policy.lock(reason):
                return False
            if staff is not None:
                self.audit.record(AuditAction.LOCK, staff.staff_id, detail=reason.value)
            return True

    def check_idle(self) -> bool:
        """Lock if nobody touched the app for the idle time; True when this call locked."""
        with self._lock:
            staff = self._signed_in
            if not self.policy.check_idle():
                return False
            if staff is not None:
                self.audit.record(AuditAction.LOCK, staff.staff_id, detail=LockReason.IDLE.value)
            return True

    def activity(self) -> None:
        self.policy.activity()

    def sign_out(self) -> None:
        """End this person's turn: their work stays hidden until they sign in again."""
        with self._lock:
            staff = self._signed_in
            if staff is None:
                return
            self.audit.record(AuditAction.SIGN_OUT, staff.staff_id)
            self.policy.lock(LockReason.SIGN_OUT)
            self._signed_in = None

    # recording what people do

    def record(
        self, action: AuditAction, ids: Mapping[ObjectKind, str] | None = None,
        detail: str | None = None, *, staff_id: str | None = None, note: str = "",
    ) -> None:
        """Record ``action`` for the person working (or ``staff_id``: e.g. the one who queued
        an order the outbox sent while the screen was locked). ``note``: result sign-offs
        only (see `AuditTrail.record`)."""
        who = staff_id or self._acting_staff_id()
        self.audit.record(action, who, ids=ids, detail=detail, note=note)

    def ordered_by(self, metadata: Mapping[str, Any] | None) -> dict[str, Any]:
        """Order metadata stamped with who is working (initials and staff id, never a PIN)."""
        profile = self.current
        if profile is None:
            raise RuntimeError("an order needs someone signed in")
        return with_ordered_by(metadata, profile)

    # administrator actions (each checked and recorded)

    def set_idle_minutes(self, minutes: int) -> None:
        actor = self.require(Permission.MANAGE_SETTINGS)
        self.policy.set_idle_minutes(minutes)
        self.audit.record(AuditAction.SETTINGS_CHANGED, actor.staff_id,
                          detail="idle_lock_minutes")

    def set_retention_years(self, years: int) -> None:
        actor = self.require(Permission.MANAGE_SETTINGS)
        self.audit.set_retention_years(years)
        self.audit.record(AuditAction.SETTINGS_CHANGED, actor.staff_id,
                          detail="audit_retention_years")

    def create_first_administrator(
        self, name: str, initials: str, kind: SecretKind, secret: str
    ) -> StaffProfile:
        """First start: the administrator; the caller then signs them in (blocking: hashing)."""
        profile = self.directory.create_first_administrator(name, initials, kind, secret)
        self.audit.record(AuditAction.PROFILE_CREATED, profile.staff_id,
                          ids={ObjectKind.STAFF: profile.staff_id}, detail="role")
        return profile

    def add_profile(
        self, name: str, initials: str, role: Role, kind: SecretKind, secret: str
    ) -> StaffProfile:
        actor = self.require(Permission.MANAGE_PROFILES)
        profile = self.directory.add_profile(actor, name, initials, role, kind, secret)
        self.audit.record(AuditAction.PROFILE_CREATED, actor.staff_id,
                          ids={ObjectKind.STAFF: profile.staff_id})
        return profile

    def update_profile(
        self, staff_id: str, *, name: str | None = None, initials: str | None = None,
        role: Role | None = None,
    ) -> StaffProfile:
        actor = self.require(Permission.MANAGE_PROFILES)
        before = self.directory.get(staff_id)
        profile = self.directory.update_profile(
            actor, staff_id, name=name, initials=initials, role=role
        )
        role_changed = before is not None and before.role is not profile.role
        self.audit.record(AuditAction.PROFILE_CHANGED, actor.staff_id,
                          ids={ObjectKind.STAFF: profile.staff_id},
                          detail="role" if role_changed else None)
        return profile

    def remove_profile(self, staff_id: str) -> None:
        actor = self.require(Permission.MANAGE_PROFILES)
        target = self.directory.get(staff_id)
        self.directory.remove_profile(actor, staff_id)
        if target is not None:
            self.audit.record(AuditAction.PROFILE_REMOVED, actor.staff_id,
                              ids={ObjectKind.STAFF: target.staff_id})

    def reset_secret(self, staff_id: str, kind: SecretKind, secret: str) -> None:
        """An administrator gives someone a new PIN (blocking: hashing)."""
        actor = self.require(Permission.MANAGE_PROFILES)
        self.directory.reset_secret(actor, staff_id, kind, secret)
        target = self.directory.get(staff_id)
        if target is not None:
            self.audit.record(AuditAction.PIN_RESET, actor.staff_id,
                              ids={ObjectKind.STAFF: target.staff_id})

    # internals

    def _acting_staff_id(self) -> str:
        with self._lock:
            if self._signed_in is not None:
                return self._signed_in.staff_id
            return self.policy.last_staff_id or SYSTEM_STAFF_ID
