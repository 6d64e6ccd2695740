"""Who is doing an outreach action, for Spot metadata and the audit trail (no Qt).

Spot metadata names the staff member as "ordered by" does (initials, and the staff id; never
a PIN) so other desks see who imported a batch or called a patient; the audit trail records
the action under the staff id. `WorkstationActor` is the signed-in staff profile; `ComputerUser`
is what a window built without staff profiles (some tests) falls back to.
"""

from __future__ import annotations

import getpass
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from app.services.audit import AuditAction, ObjectKind
from app.services.workstation import Workstation

__all__ = [
    "ActingStaff",
    "Actor",
    "ComputerUser",
    "WorkstationActor",
    "record",
    "record_export",
    "record_import",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Actor:
    initials: str  # what other desks see in Spot metadata
    staff_id: str = ""  # the staff profile ("" without profiles: nothing is audited)


class ActingStaff(Protocol):
    def actor(self) -> Actor | None:
        """Who is working now; None while the screen is locked."""
        ...

    def record(self, action: AuditAction, ids: Mapping[ObjectKind, str],
               detail: str | None, actor: Actor) -> None:
        """Record ``action`` in the audit trail under ``actor`` (thread-safe)."""
        ...


class WorkstationActor:
    """The staff member signed in to ``workstation``."""

    def __init__(self, workstation: Workstation) -> None:
        self._workstation = workstation

    def actor(self) -> Actor | None:
        profile = self._workstation.current
        return None if profile is None else Actor(profile.initials, profile.staff_id)

    def record(self, action: AuditAction, ids: Mapping[ObjectKind, str],
               detail: str | None, actor: Actor) -> None:
        self._workstation.record(action, ids, detail, staff_id=actor.staff_id or None)


class ComputerUser:
    """No staff profiles: the computer's user name, and no audit trail to write to."""

    def actor(self) -> Actor | None:
        try:
            return Actor(getpass.getuser())
        except (OSError, KeyError):
            return Actor("")

    def record(self, action: AuditAction, ids: Mapping[ObjectKind, str],
               detail: str | None, actor: Actor) -> None:
        return None


def record(staff: ActingStaff, action: AuditAction, ids: Mapping[ObjectKind, str],
            detail: str | None, actor: Actor) -> None:
    """What was done stands (it is in Spot or the outbox already); a record that can't be
    written is logged by its kind only."""
    try:
        staff.record(action, ids, detail, actor)
    except (OSError, ValueError) as exc:
        log.error("%s not recorded in the audit trail: %s", action.value, type(exc).__name__)


def record_import(staff: ActingStaff, batch_id: str, actor: Actor) -> None:
    """File → Import orders…: the batch the staff member sent."""
    record(staff, AuditAction.IMPORT, {ObjectKind.BATCH: batch_id}, None, actor)


def record_export(staff: ActingStaff, what: str) -> None:
    """An outreach list written to a file (``what``: "worklist_csv", "reminder_letters",
    "import_problem_rows"): patients left the app, so the trail says who wrote it. Nothing
    is recorded while the screen is locked (nobody could have clicked)."""
    actor = staff.actor()
    if actor is not None:
        record(staff, AuditAction.LIST_EXPORTED, {}, what, actor)
