"""Every print lands in the audit trail: what was printed and the Spot ids, never a name."""

from __future__ import annotations

from pathlib import Path

from app.services.audit import (
    AUDIT_FILE_NAME,
    AuditAction,
    AuditTrail,
    ObjectKind,
    verify_audit,
)
from app.services.printing.record import PrintRecord, audit_prints


def test_a_print_is_an_audit_record_with_ids_only(tmp_path: Path) -> None:
    trail = AuditTrail.in_folder(tmp_path)
    recorder = audit_prints(
        lambda action, ids, detail: trail.record(action, "demo", ids=ids, detail=detail)
    )
    recorder(PrintRecord("handout", ("O1234567", "SPOT654321"), "pdf", language="fr"))
    recorder(PrintRecord("requisition_label", ("REQ-0042",), "label_printer"))

    records = [r for r in trail.records() if r.action == AuditAction.PRINT]
    assert [(r.detail, r.object_id(ObjectKind.ORDER), r.object_id(ObjectKind.KIT),
             r.object_id(ObjectKind.REQUISITION)) for r in records] == [
        ("handout", "O1234567", "SPOT654321", ""),
        ("requisition_label", "", "", "REQ-0042"),
    ]
    result = verify_audit(tmp_path / AUDIT_FILE_NAME)
    assert result.first_broken is None  # the prints are part of the hash chain
    assert result.count >= 2
