"""What a print leaves in the audit trail: what was printed and object ids, never patient data.

The audit trail itself is another service; printing only calls a ``PrintRecorder``. The
composition root passes one that writes to the audit trail (with the staff member signed in);
until then prints are recorded nowhere (``ignore_print``).
"""

from __future__ import annotations

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
