"""What a print leaves in the audit trail: what was printed and object ids, never patient data.

The audit trail itself is another service; printing only calls a ``PrintRecorder``. The
composition root passes one that writes to the audit trail (with the staff member signed in);
until then prints are recorded nowhere (``ignore_print``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

__all__ = ["PrintRecord", "PrintRecorder", "ignore_print"]


@dataclass(frozen=True)
class PrintRecord:
    """One print. ``what`` is a fixed word ("handout", "kit_label", "order_label",
    "requisition_label", "test_label"); ``object_ids`` are Spot ids (order, kit,
    requisition); ``output`` says where it went ("pdf", "printer", "label_printer",
    "label_sheet_printer", "label_sheet_pdf"); ``language`` is the hand-out's."""

    what: str
    object_ids: tuple[str, ...]
    output: str
    language: str | None = None


class PrintRecorder(Protocol):
    def __call__(self, record: PrintRecord) -> None: ...


def ignore_print(record: PrintRecord) -> None:
    """The recorder used when no audit trail is wired in."""


def audit_prints(record_action: Callable[..., None]) -> PrintRecorder:
    """A recorder that writes each print to the audit trail: what was printed and the Spot
    ids it carries (an order, a kit, a requisition), never patient data.

    ``record_action(action, ids, detail)`` is `app.services.workstation.Workstation.record`.
    """
    from app.services.audit import AuditAction, ObjectKind

    def to_audit(record: PrintRecord) -> None:
        ids: dict[ObjectKind, str] = {}
        for object_id in record.object_ids:
            kind = (
                ObjectKind.KIT if object_id.upper().startswith("SPOT")
                else ObjectKind.ORDER if object_id[:1] == "O" and object_id[1:].isdigit()
                else ObjectKind.REQUISITION
            )
            ids.setdefault(kind, object_id)
        record_action(AuditAction.PRINT, ids, record.what)

    return to_audit

