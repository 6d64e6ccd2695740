"""Sign-off notes in the audit trail (issue 18): taken only on a result sign-off, cleaned,
capped, chained like every record and written to the privacy officer's CSV."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from app.services.audit import (
    AUDIT_FILE_NAME,
    MAX_NOTE,
    AuditAction,
    AuditTrail,
    ObjectKind,
    export_csv,
    verify_audit,
)
from tests.helpers.staff import FakeClock

STAFF = "s-00000000a1"
IDS = {ObjectKind.KIT: "SPOT123456", ObjectKind.REPORT: "7563e8e2-7fbd"}


@pytest.fixture
def trail(tmp_path: Path) -> AuditTrail:
    return AuditTrail.in_folder(tmp_path, workstation="DESK-1", clock=FakeClock().utc)


@pytest.mark.parametrize("action", [AuditAction.RESULT_SIGNED_OFF,
                                    AuditAction.RESULT_FOR_CLINICIAN,
                                    AuditAction.BULK_SIGN_OFF])
def test_a_sign_off_keeps_its_note(trail: AuditTrail, action: AuditAction,
                                   tmp_path: Path) -> None:
    trail.record(action, STAFF, ids=IDS, note="Called the patient; repeat in 3 months")
    assert trail.records()[-1].note == "Called the patient; repeat in 3 months"
    assert verify_audit(tmp_path / AUDIT_FILE_NAME).intact


@pytest.mark.parametrize("action", [AuditAction.ORDER_PLACED, AuditAction.IMPORT,
                                    AuditAction.CONTACT_ATTEMPT, AuditAction.REPORT_VIEWED])
def test_other_actions_refuse_free_text(trail: AuditTrail, action: AuditAction) -> None:
    with pytest.raises(ValueError, match="only taken on a result sign-off"):
        trail.record(action, STAFF, ids=IDS, note="Jane Doe")
    assert trail.records() == []


def test_a_note_is_one_line_without_control_characters_and_capped(trail: AuditTrail) -> None:
    trail.record(AuditAction.RESULT_SIGNED_OFF, STAFF, ids=IDS,
                 note="line one\r\nline\ttwo\x1b[31m red\x00" + "x" * 2000)
    note = trail.records()[-1].note
    assert note.startswith("line one line two [31m red x")
    assert len(note) == MAX_NOTE
    assert not any(ord(ch) < 32 for ch in note)


def test_a_sign_off_without_note_has_no_note_field(trail: AuditTrail, tmp_path: Path) -> None:
    trail.record(AuditAction.RESULT_SIGNED_OFF, STAFF, ids=IDS, note="  \n ")
    line = (tmp_path / AUDIT_FILE_NAME).read_bytes().splitlines()[-1]
    assert b'"note"' not in line
    assert trail.records()[-1].note == ""


def test_changing_a_note_afterwards_breaks_the_chain(trail: AuditTrail, tmp_path: Path) -> None:
    trail.record(AuditAction.RESULT_SIGNED_OFF, STAFF, ids=IDS, note="normal, no action")
    trail.record(AuditAction.SIGN_OUT, STAFF)
    path = tmp_path / AUDIT_FILE_NAME
    path.write_bytes(path.read_bytes().replace(b"normal, no action", b"abnormal, act now"))
    result = verify_audit(path)
    assert result.first_broken == 2


def test_the_csv_has_the_note(trail: AuditTrail, tmp_path: Path) -> None:
    trail.record(AuditAction.RESULT_SIGNED_OFF, STAFF, ids=IDS, note="=HYPERLINK(bad)")
    trail.record(AuditAction.RESULT_SIGNED_OFF, STAFF, ids=IDS, detail="bulk")
    target = tmp_path / "audit.csv"
    export_csv(trail.records(), target)
    with open(target, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[1]["note"] == "'=HYPERLINK(bad)"  # a formula is never run by a spreadsheet
    assert rows[1]["report_id"] == "7563e8e2-7fbd"
    assert (rows[2]["note"], rows[2]["detail"]) == ("", "bulk")
