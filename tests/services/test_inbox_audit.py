"""Inbox sign-offs in the audit trail (issue 18): every sign-off under the staff member who
signed, the optional note in the trail only (never in Spot or a log), the backlog too."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.compose import staff_reviewer
from app.paths import Paths
from app.sandbox import SandboxServer
from app.services.audit import AuditAction
from app.services.environments import Environment
from app.services.inbox_audit import audit_sign_offs
from app.services.session import Session
from app.services.staff import Role
from app.services.workstation import Workstation
from tests.helpers.staff import ADMIN_PIN, FakeClock, admin_and_desk, make_workstation

NOTE = "Spoke to Jane Testperson, repeat test"


@pytest.fixture
def desk(sandbox: SandboxServer, tmp_path: Path) -> Iterator[tuple[Session, Workstation]]:
    sandbox.seed(30)
    paths = Paths(data=tmp_path / "data", logs=tmp_path / "logs", cache=tmp_path / "cache",
                  config=tmp_path / "config")
    session = Session.open(Environment.sandbox(sandbox.base_url), sandbox.token, paths,
                           start_outbox=False)
    assert session.inbox is not None
    session.inbox.set_go_live(datetime(2000, 1, 1, tzinfo=UTC))
    workstation = make_workstation(tmp_path, FakeClock())
    session.inbox.audit = audit_sign_offs(workstation)
    try:
        yield session, workstation
    finally:
        session.close()


def test_each_sign_off_is_recorded_with_its_note_under_the_signed_in_staff(
    desk: tuple[Session, Workstation], caplog: pytest.LogCaptureFixture,
) -> None:
    session, ws = desk
    inbox = session.inbox
    assert inbox is not None
    ana, fay = admin_and_desk(ws)
    assert ws.sign_in(ana.staff_id, ADMIN_PIN).ok
    clinician = ws.add_profile("Cy Clin", "CC", Role.CLINICIAN, "pin", "4455")
    session.sync.refresh()
    inbox.refresh()
    first, second, third = inbox.build(staff_reviewer(ws))[:3]
    ws.sign_in(clinician.staff_id, "4455")
    caplog.set_level(logging.DEBUG)
    inbox.sign_off(first.kit_id, first.report_id, staff_reviewer(ws), NOTE)
    inbox.sign_off(second.kit_id, second.report_id, staff_reviewer(ws))  # no note
    ws.sign_in(fay.staff_id, "5802")
    inbox.mark_for_clinician(third.kit_id, third.report_id, staff_reviewer(ws), "please look")

    records = [r for r in ws.audit.records()
               if r.action in (AuditAction.RESULT_SIGNED_OFF, AuditAction.RESULT_FOR_CLINICIAN)]
    assert [(r.action, r.staff_id, r.ids, r.note) for r in records] == [
        (AuditAction.RESULT_SIGNED_OFF, clinician.staff_id,
         {"kit": first.kit_id, "report": first.report_id}, NOTE),
        (AuditAction.RESULT_SIGNED_OFF, clinician.staff_id,
         {"kit": second.kit_id, "report": second.report_id}, ""),
        (AuditAction.RESULT_FOR_CLINICIAN, fay.staff_id,
         {"kit": third.kit_id, "report": third.report_id}, "please look"),
    ]
    # Spot names the signer as an order's "ordered by" does: initials and staff id.
    entry = session.client.get_kit(first.kit_id).metadata["frontdesk_review"][first.report_id]
    assert (entry["by"], entry["by_id"]) == ("CC", clinician.staff_id)
    assert "Testperson" not in caplog.text  # never in a log
    assert "Testperson" not in str(session.client.get_kit(first.kit_id).metadata)  # nor Spot


def test_the_backlog_sign_off_is_recorded_once_and_per_report(
    desk: tuple[Session, Workstation],
) -> None:
    session, ws = desk
    inbox = session.inbox
    assert inbox is not None
    ana, _fay = admin_and_desk(ws)
    ws.sign_in(ana.staff_id, ADMIN_PIN)
    session.sync.refresh()
    inbox.refresh()
    rows = inbox.build(staff_reviewer(ws))
    assert rows
    assert inbox.sign_off_backlog(rows, staff_reviewer(ws)) == len(rows)
    records = [r for r in ws.audit.records() if r.action in (
        AuditAction.BULK_SIGN_OFF, AuditAction.RESULT_SIGNED_OFF)]
    assert records[0].action == AuditAction.BULK_SIGN_OFF
    assert {r.staff_id for r in records} == {ana.staff_id}
    assert sorted(r.ids["report"] for r in records[1:]) == sorted(r.report_id for r in rows)
    assert {r.detail for r in records[1:]} == {"bulk"}
    assert ws.audit.verify().intact
