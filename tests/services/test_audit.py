"""The audit trail: hash chain, tamper detection, no patient data, queries, CSV, retention."""

from __future__ import annotations

import csv
import itertools
import json
import os
from datetime import date
from pathlib import Path

import pytest

from app.services.audit import (
    AUDIT_FILE_NAME,
    AuditAction,
    AuditQuery,
    AuditTrail,
    ObjectKind,
    export_csv,
    verify_audit,
)
from tests.helpers.staff import FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def trail(tmp_path: Path, clock: FakeClock) -> AuditTrail:
    return AuditTrail.in_folder(tmp_path, workstation="DESK-1", clock=clock.utc)


def _fill(trail: AuditTrail, clock: FakeClock) -> None:
    trail.record(AuditAction.SIGN_IN, "s-00000000a1")
    clock.advance(60)
    trail.record(AuditAction.ORDER_QUEUED, "s-00000000a1", ids={ObjectKind.OUTBOX_ITEM: "9f1c-22"})
    clock.advance(60)
    trail.record(AuditAction.ORDER_PLACED, "s-00000000a1",
                 ids={ObjectKind.ORDER: "O1234567", ObjectKind.OUTBOX_ITEM: "9f1c-22"})
    clock.advance(days=1)
    trail.record(AuditAction.REPORT_VIEWED, "s-00000000b2",
                 ids={ObjectKind.KIT: "SPOT123456", ObjectKind.REPORT: "7563e8e2-7fbd"})
    clock.advance(60)
    trail.record(AuditAction.REPORT_PRINTED, "s-00000000b2",
                 ids={ObjectKind.KIT: "SPOT123456", ObjectKind.REPORT: "7563e8e2-7fbd"},
                 detail="printer")


def _lines(path: Path) -> list[bytes]:
    return path.read_bytes().splitlines()


def test_a_fresh_trail_is_intact_and_chained(trail: AuditTrail, clock: FakeClock,
                                             tmp_path: Path) -> None:
    _fill(trail, clock)
    result = verify_audit(tmp_path / AUDIT_FILE_NAME)
    assert (result.count, result.first_broken) == (6, None)  # trail_started + 5
    assert result.describe() == "Audit trail intact: 6 records."
    records = trail.records()
    assert records[0].action == AuditAction.TRAIL_STARTED
    assert all(b.prev == a.hash for a, b in itertools.pairwise(records))
    assert records[1].at.isoformat() == "2026-03-02T09:00:00+00:00"
    assert records[1].workstation == "DESK-1"


def test_a_new_process_chains_on_from_the_last_record(trail: AuditTrail, clock: FakeClock,
                                                      tmp_path: Path) -> None:
    _fill(trail, clock)
    again = AuditTrail.in_folder(tmp_path, workstation="DESK-1", clock=clock.utc)
    again.record(AuditAction.SIGN_OUT, "s-00000000b2")
    assert verify_audit(tmp_path / AUDIT_FILE_NAME).intact
    assert again.records()[-1].seq == 7


def test_changing_a_middle_record_is_found_at_that_record(
    trail: AuditTrail, clock: FakeClock, tmp_path: Path
) -> None:
    _fill(trail, clock)
    path = tmp_path / AUDIT_FILE_NAME
    lines = _lines(path)
    record = json.loads(lines[3])
    record["ids"]["order"] = "O7654321"
    lines[3] = json.dumps(record).encode()
    path.write_bytes(b"\n".join(lines) + b"\n")
    result = verify_audit(path)
    assert (result.count, result.first_broken) == (6, 4)
    assert "changed" in result.reason
    assert "BROKEN at record 4 of 6" in result.describe()


def test_rehashing_a_changed_record_still_breaks_the_next_link(
    trail: AuditTrail, clock: FakeClock, tmp_path: Path
) -> None:
    _fill(trail, clock)
    path = tmp_path / AUDIT_FILE_NAME
    lines = _lines(path)
    record = json.loads(lines[2])
    record["staff"] = "s-00000000e9"
    from app.services.audit import _digest

    record["hash"] = _digest(record)
    lines[2] = json.dumps(record).encode()
    path.write_bytes(b"\n".join(lines) + b"\n")
    assert verify_audit(path).first_broken == 4


def test_removing_a_middle_record_is_found(trail: AuditTrail, clock: FakeClock,
                                           tmp_path: Path) -> None:
    _fill(trail, clock)
    path = tmp_path / AUDIT_FILE_NAME
    lines = _lines(path)
    del lines[2]
    path.write_bytes(b"\n".join(lines) + b"\n")
    result = verify_audit(path)
    assert (result.count, result.first_broken) == (5, 3)


def test_cutting_the_head_off_is_found(trail: AuditTrail, clock: FakeClock,
                                       tmp_path: Path) -> None:
    _fill(trail, clock)
    path = tmp_path / AUDIT_FILE_NAME
    path.write_bytes(b"\n".join(_lines(path)[2:]) + b"\n")
    assert verify_audit(path).first_broken == 1


def test_a_torn_last_line_is_reported_and_the_trail_goes_on(
    trail: AuditTrail, clock: FakeClock, tmp_path: Path
) -> None:
    _fill(trail, clock)
    path = tmp_path / AUDIT_FILE_NAME
    with open(path, "ab") as handle:
        handle.write(b'{"v":1,"seq":7,"at"')  # a power cut in the middle of a write
    again = AuditTrail.in_folder(tmp_path, workstation="DESK-1", clock=clock.utc)
    again.record(AuditAction.SIGN_IN, "s-00000000a1")
    result = verify_audit(path)
    assert (result.count, result.first_broken) == (8, 7)
    assert again.records()[-1].seq == 7  # chained on from the last whole record


def test_missing_file_verifies_as_empty(tmp_path: Path) -> None:
    result = verify_audit(tmp_path / AUDIT_FILE_NAME)
    assert (result.count, result.intact) == (0, True)


# Fake people only: what a careless caller might try to put in a record.
PHI = ["Jane Doe", "Jane", "jane", "1 Example Way", "1985-04-12", "04/12/1985", "04-12-1985",
       "jane@example.com", "415-555-0123", "San Francisco"]


@pytest.mark.parametrize("value", PHI)
def test_patient_details_are_refused_as_ids(trail: AuditTrail, value: str) -> None:
    with pytest.raises(ValueError, match="must be an id"):
        trail.record(AuditAction.ORDER_PLACED, "s-00000000a1", ids={ObjectKind.ORDER: value})
    with pytest.raises(ValueError, match="must be an id"):
        trail.record(AuditAction.PROFILE_CHANGED, "s-00000000a1", ids={ObjectKind.STAFF: value})


@pytest.mark.parametrize("value", PHI)
def test_patient_details_are_refused_as_detail_or_staff(trail: AuditTrail, value: str) -> None:
    with pytest.raises(ValueError, match="known words"):
        trail.record(AuditAction.METADATA_EDITED, "s-00000000a1", detail=value)
    with pytest.raises(ValueError, match="staff id"):
        trail.record(AuditAction.SIGN_IN, value)


def test_no_phi_string_in_any_record(trail: AuditTrail, clock: FakeClock, tmp_path: Path) -> None:
    _fill(trail, clock)
    for value in PHI:
        with pytest.raises(ValueError, match="must be an id"):
            trail.record(AuditAction.KIT_REGISTERED, "s-00000000a1", ids={ObjectKind.KIT: value})
    text = (tmp_path / AUDIT_FILE_NAME).read_text(encoding="utf-8").lower()
    for value in PHI:
        assert value.lower() not in text
    for line in text.splitlines():
        record = json.loads(line)
        assert set(record) <= {"v", "seq", "at", "staff", "ws", "action", "ids", "detail",
                               "prev", "hash", "anchor"}


def test_trail_file_is_private(trail: AuditTrail, tmp_path: Path) -> None:
    trail.record(AuditAction.SIGN_IN, "s-00000000a1")
    if os.name == "posix":
        assert (tmp_path / AUDIT_FILE_NAME).stat().st_mode & 0o777 == 0o600


def test_query_filters_by_staff_action_dates_and_object(trail: AuditTrail,
                                                        clock: FakeClock) -> None:
    _fill(trail, clock)

    def actions(query: AuditQuery) -> list[str]:
        return [r.action for r in trail.query(query)]

    assert actions(AuditQuery(staff_id="s-00000000b2")) == ["report_viewed", "report_printed"]
    assert actions(AuditQuery(actions=frozenset({"order_placed", "sign_in"}))) == [
        "sign_in", "order_placed"]
    assert actions(AuditQuery(since=date(2026, 3, 3))) == ["report_viewed", "report_printed"]
    assert actions(AuditQuery(until=date(2026, 3, 2), staff_id="s-00000000a1")) == [
        "trail_started", "sign_in", "order_queued", "order_placed"]
    assert actions(AuditQuery(object_id="o1234567")) == ["order_placed"]
    assert actions(AuditQuery(object_id="SPOT123456", actions=frozenset({"report_printed"}))
                   ) == ["report_printed"]
    assert actions(AuditQuery(object_id="SPOT999999")) == []


def test_csv_export_for_the_privacy_officer(trail: AuditTrail, clock: FakeClock,
                                            tmp_path: Path) -> None:
    _fill(trail, clock)
    out = tmp_path / "export" / "audit.csv"
    rows_written = export_csv(
        trail.query(AuditQuery(object_id="SPOT123456")), out,
        staff_names={"s-00000000b2": "=Bea Desk"},
    )
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows_written == len(rows) == 2
    assert rows[1]["action"] == "report_printed"
    assert rows[1]["kit_id"] == "SPOT123456"
    assert rows[1]["report_id"] == "7563e8e2-7fbd"
    assert rows[1]["time_utc"] == "2026-03-03T09:03:00.000000Z"
    assert rows[1]["detail"] == "printer"
    assert rows[1]["staff_name"] == "'=Bea Desk"  # never run as a spreadsheet formula


def test_retention_drops_old_records_and_the_trail_still_verifies(
    trail: AuditTrail, clock: FakeClock, tmp_path: Path
) -> None:
    _fill(trail, clock)
    clock.advance(days=365 * 6 - 1)
    trail.record(AuditAction.SIGN_IN, "s-00000000a1")
    clock.advance(days=2)  # the first day's records are now older than 6 years
    assert trail.prune("system") == 4  # trail_started + the three of the first day
    records = trail.records()
    assert [r.action for r in records] == [
        "report_viewed", "report_printed", "sign_in", "retention_pruned"]
    result = verify_audit(tmp_path / AUDIT_FILE_NAME)
    assert (result.count, result.intact) == (4, True)
    assert trail.prune("system") == 0


def test_retention_is_configurable_within_limits(trail: AuditTrail, clock: FakeClock) -> None:
    assert trail.retention_years == 6
    trail.set_retention_years(10)
    _fill(trail, clock)
    clock.advance(days=365 * 7)
    assert trail.prune("system") == 0
    with pytest.raises(ValueError, match="1 to 50 years"):
        trail.set_retention_years(0)


def test_pruning_everything_keeps_a_verifiable_trail(trail: AuditTrail, clock: FakeClock,
                                                     tmp_path: Path) -> None:
    _fill(trail, clock)
    clock.advance(days=365 * 7)
    assert trail.prune("system") == 6
    assert [r.action for r in trail.records()] == ["retention_pruned"]
    assert verify_audit(tmp_path / AUDIT_FILE_NAME).intact
    trail.record(AuditAction.SIGN_IN, "s-00000000a1")
    assert verify_audit(tmp_path / AUDIT_FILE_NAME).intact


@pytest.mark.parametrize(
    "value",
    ["O1234567", "SPOT123456", "7563e8e2-7fbd-480c-9b8b-2070eda884bf",
     "12345678-1234-1234-1234-123456789012", "1234567890"],
)
def test_real_spot_ids_are_accepted(trail: AuditTrail, value: str) -> None:
    record = trail.record(AuditAction.REPORT_SAVED, "s-00000000a1", ids={ObjectKind.KIT: value},
                          detail="pdf")
    assert record.ids == {"kit": value}
