"""Results-inbox sign-offs in the audit trail (no Qt).

Every sign-off, mark-for-clinician and backlog sign-off is recorded under the staff member
who signed (the reviewer's staff id, taken when they clicked, so a lock in between changes
nothing), with the kit and report ids and the optional note. The note is the trail's only
free text: it goes nowhere else.
"""

from __future__ import annotations

from app.services.audit import AuditAction, ObjectKind
from app.services.inbox import AuditHook, Reviewer
from app.services.staff import STAFF_ID_PATTERN
from app.services.workstation import Workstation

__all__ = ["audit_sign_offs"]

_ACTIONS = {
    "sign_off": (AuditAction.RESULT_SIGNED_OFF, None),
    "for_clinician": (AuditAction.RESULT_FOR_CLINICIAN, None),
    "backlog_sign_off": (AuditAction.RESULT_SIGNED_OFF, "bulk"),
    "bulk_sign_off": (AuditAction.BULK_SIGN_OFF, None),
}


def audit_sign_offs(workstation: Workstation) -> AuditHook:
    """An `InboxService.audit` hook writing to ``workstation``'s trail."""

    def record(action: str, *, kit_id: str, report_id: str, reviewer: Reviewer,
               note: str) -> None:
        audit_action, detail = _ACTIONS[action]
        ids: dict[ObjectKind, str] = {}
        if kit_id:
            ids[ObjectKind.KIT] = kit_id
        if report_id:
            ids[ObjectKind.REPORT] = report_id
        staff = reviewer.staff_id if STAFF_ID_PATTERN.match(reviewer.staff_id) else None
        workstation.record(audit_action, ids, detail, staff_id=staff, note=note)

    return record
