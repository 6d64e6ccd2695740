"""When the workstation locks, and whose work shows after it unlocks (no Qt, injected clock).

The shell feeds `LockPolicy.activity()` from user input and asks `due()` / `check_idle()` on a
timer (`seconds_until_lock()` says when next); Ctrl+L and the OS session locking call
`lock()`. Nothing is thrown away on a lock: windows keep their state behind the lock screen.

Open work (a typed form, an open report) is registered with its owner. When the same person
unlocks, everything comes back. When someone else unlocks, the first person's work stays
hidden (the view saves it as a draft) until its owner unlocks again; `UnlockResult` lists
which work to show and which to keep hidden.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "DEFAULT_IDLE_MINUTES",
    "MAX_IDLE_MINUTES",
    "MIN_IDLE_MINUTES",
    "LockPolicy",
    "LockReason",
    "UnlockResult",
    "check_idle_minutes",
]

DEFAULT_IDLE_MINUTES = 5
MIN_IDLE_MINUTES = 1
MAX_IDLE_MINUTES = 30


class LockReason(StrEnum):
    START = "start"
    IDLE = "idle"
    SHORTCUT = "shortcut"  # Ctrl+L
    OS_SESSION = "os_session"
    SIGN_OUT = "sign_out"


def check_idle_minutes(minutes: int) -> int:
    """``minutes`` if administrators may choose it (1–30), else ValueError with a plain text."""
    if not MIN_IDLE_MINUTES <= minutes <= MAX_IDLE_MINUTES:
        raise ValueError(
            f"Lock after {MIN_IDLE_MINUTES} to {MAX_IDLE_MINUTES} minutes without input"
        )
    return minutes


@dataclass(frozen=True)
class UnlockResult:
    staff_id: str
    same_person: bool  # the one who was working before the lock
    shown: tuple[str, ...]  # work ids to show again (the new person's own)
    hidden: tuple[str, ...]  # work ids of others: keep hidden, save as drafts


class LockPolicy:
    """Locked/unlocked, who is working, and who owns which open work.

    ``clock`` is monotonic seconds (``time.monotonic``; tests pass a fake). Starts locked.
    """

    def __init__(
        self,
        *,
        clock: Callable[[], float] = time.monotonic,
        idle_minutes: int = DEFAULT_IDLE_MINUTES,
    ) -> None:
        self._clock = clock
        self._idle_s = check_idle_minutes(idle_minutes) * 60.0
        self._last_input = clock()
        self._locked = True
        self._lock_reason: LockReason | None = LockReason.START
        self._staff: str | None = None
        self._previous: str | None = None
        self._work: dict[str, str] = {}  # work id -> owner staff id

    # state

    @property
    def locked(self) -> bool:
        return self._locked

    @property
    def lock_reason(self) -> LockReason | None:
        return self._lock_reason if self._locked else None

    @property
    def staff_id(self) -> str | None:
        """Who is working (None while locked)."""
        return None if self._locked else self._staff

    @property
    def last_staff_id(self) -> str | None:
        """Who was working before the current lock (the lock screen preselects them)."""
        return self._staff

    @property
    def idle_minutes(self) -> int:
        return int(self._idle_s // 60)

    def set_idle_minutes(self, minutes: int) -> None:
        """Change the idle time (the caller checks that an administrator asked)."""
        self._idle_s = check_idle_minutes(minutes) * 60.0

    # input and time

    def activity(self) -> None:
        """The user typed or moved the mouse (ignored while locked)."""
        if not self._locked:
            self._last_input = self._clock()

    def seconds_until_lock(self) -> float | None:
        """When the idle lock is due (None while locked): arm a single-shot timer with it."""
        if self._locked:
            return None
        return max(0.0, self._last_input + self._idle_s - self._clock())

    def check_idle(self) -> bool:
        """Lock if the idle time has passed; True when this call locked."""
        remaining = self.seconds_until_lock()
        if remaining is None or remaining > 0:
            return False
        self.lock(LockReason.IDLE)
        return True

    def lock(self, reason: LockReason) -> bool:
        """Lock now; True if it was unlocked (a second lock changes nothing)."""
        if reason is LockReason.SIGN_OUT and self._staff is not None:
            self._previous, self._staff = self._staff, None  # also from the lock screen
        if self._locked:
            return False
        self._locked = True
        self._lock_reason = LockReason(reason)
        return True

    def unlock(self, staff_id: str) -> UnlockResult:
        """``staff_id`` has proved who they are (the caller authenticated them)."""
        same = staff_id == self._staff or (self._staff is None and staff_id == self._previous)
        self._locked = False
        self._lock_reason = None
        self._staff = staff_id
        self._last_input = self._clock()
        shown = tuple(w for w, owner in self._work.items() if owner == staff_id)
        hidden = tuple(w for w, owner in self._work.items() if owner != staff_id)
        return UnlockResult(staff_id, same, shown, hidden)

    # open work

    def open_work(self, work_id: str) -> None:
        """Work started now belongs to whoever is working (e.g. a new order form opened)."""
        if self._locked or self._staff is None:
            raise RuntimeError("no one is signed in to own this work")
        self._work[work_id] = self._staff

    def close_work(self, work_id: str) -> None:
        """The work was submitted, discarded or its window closed. Unknown ids are fine."""
        self._work.pop(work_id, None)

    def owner(self, work_id: str) -> str | None:
        return self._work.get(work_id)

    def visible(self, work_id: str) -> bool:
        """Whether ``work_id`` may be shown now: unlocked, and it belongs to who is working."""
        return not self._locked and self._work.get(work_id, self._staff) == self._staff

    def hidden_work(self) -> tuple[str, ...]:
        """Work to keep out of sight now (everything while locked)."""
        if self._locked:
            return tuple(self._work)
        return tuple(w for w, owner in self._work.items() if owner != self._staff)
