"""The Audit window: an administrator filters the trail and exports what she sees as CSV."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.services.audit import AUDIT_FILE_NAME, AuditAction, ObjectKind
from app.services.staff import Role
from app.services.workstation import Workstation
from app.tasks import InlineTaskRunner
from app.views.staff.audit_window import (
    COL_ACTION,
    COL_DETAIL,
    COL_KIT,
    COL_NOTE,
    COL_STAFF,
    AuditWindow,
)
from tests.helpers.staff import FakeClock, make_workstation


@pytest.fixture
def ws(tmp_path: Path) -> Workstation:
    clock = FakeClock()
    ws = make_workstation(tmp_path, clock)
    ana = ws.create_first_administrator("Ana Admin", "AA", "pin", "3691")
    ws.sign_in(ana.staff_id, "3691")
    fay = ws.add_profile("Fay Desk", "FD", Role.FRONT_DESK, "pin", "5802")
    ws.lock()
    ws.sign_in(fay.staff_id, "5802")
    clock.advance(60)
    ws.record(AuditAction.ORDER_PLACED, {ObjectKind.ORDER: "O1234567"})
    clock.advance(days=1)
    ws.record(AuditAction.REPORT_VIEWED, {ObjectKind.KIT: "SPOT123456",
                                          ObjectKind.REPORT: "7563e8e2-7fbd"})
    ws.record(AuditAction.REPORT_PRINTED, {ObjectKind.KIT: "SPOT123456",
                                           ObjectKind.REPORT: "7563e8e2-7fbd"}, "printer")
    ws.lock()
    ws.sign_in(ana.staff_id, "3691")
    return ws


def _column(window: AuditWindow, column: int) -> list[str]:
    model = window.model
    return [str(model.data(model.index(row, column))) for row in range(model.rowCount())]


def test_administrator_sees_every_record_newest_first(
    qtbot: QtBot, ws: Workstation, qtmodeltester: ModelTester
) -> None:
    window = AuditWindow(ws, InlineTaskRunner())
    qtbot.addWidget(window)
    window.show()
    qtmodeltester.check(window.model)
    actions = _column(window, COL_ACTION)
    assert actions[:3] == ["Unlocked", "Locked", "Report printed"]
    assert _column(window, COL_DETAIL)[:3] == ["someone else", "Ctrl+L", "printer"]
    assert actions[-1] == "Audit trail started"
    assert window.chain_label.text() == (
        f"Chain intact: {len(actions)} record(s), none changed or removed.")
    assert window.status_label.text() == f"{len(actions)} record(s) shown."
    assert "Fay Desk (s-" in _column(window, COL_STAFF)[2]


def test_filters_by_staff_action_and_kit_id(qtbot: QtBot, ws: Workstation) -> None:
    window = AuditWindow(ws, InlineTaskRunner())
    qtbot.addWidget(window)
    window.show()
    window.staff_combo.setCurrentIndex(window.staff_combo.findText("Fay Desk (FD)"))
    assert set(_column(window, COL_ACTION)) == {
        "Unlocked", "Locked", "Order placed", "Report viewed", "Report printed"}
    window.action_combo.setCurrentIndex(window.action_combo.findText("Report printed"))
    assert _column(window, COL_ACTION) == ["Report printed"]
    window.action_combo.setCurrentIndex(0)
    qtbot.keyClicks(window.object_edit, "spot123456")
    qtbot.keyClick(window.object_edit, Qt.Key.Key_Return)
    assert _column(window, COL_ACTION) == ["Report printed", "Report viewed"]
    assert _column(window, COL_KIT) == ["SPOT123456", "SPOT123456"]


def test_filters_by_date(qtbot: QtBot, ws: Workstation) -> None:
    window = AuditWindow(ws, InlineTaskRunner())
    qtbot.addWidget(window)
    window.show()
    window.until_edit.setDate(window.until_edit.date().fromString("2026-03-02", "yyyy-MM-dd"))
    window.until_check.setChecked(True)
    assert "Report viewed" not in _column(window, COL_ACTION)
    assert "Order placed" in _column(window, COL_ACTION)


def test_export_writes_the_filtered_records_and_is_itself_recorded(
    qtbot: QtBot, ws: Workstation, tmp_path: Path
) -> None:
    window = AuditWindow(ws, InlineTaskRunner())
    qtbot.addWidget(window)
    window.show()
    qtbot.keyClicks(window.object_edit, "SPOT123456")
    qtbot.keyClick(window.object_edit, Qt.Key.Key_Return)
    target = tmp_path / "out" / "audit.csv"
    with qtbot.waitSignal(window.exported):
        window.export_to(str(target))
    with open(target, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["action"] for r in rows] == ["report_viewed", "report_printed"]
    assert rows[0]["staff_name"] == "Fay Desk"
    assert window.status_label.text() == "Exported 2 record(s) to audit.csv."
    assert ws.audit.records()[-1].action == AuditAction.AUDIT_EXPORTED


def test_a_broken_chain_is_shown_plainly(qtbot: QtBot, ws: Workstation, tmp_path: Path) -> None:
    path = tmp_path / AUDIT_FILE_NAME
    lines = path.read_bytes().splitlines()
    number = next(n for n, line in enumerate(lines, start=1) if b"O1234567" in line)
    lines[number - 1] = lines[number - 1].replace(b"O1234567", b"O7654321")
    path.write_bytes(b"\n".join(lines) + b"\n")
    window = AuditWindow(ws, InlineTaskRunner())
    qtbot.addWidget(window)
    window.show()
    assert window.chain_label.text().startswith(
        f"Chain BROKEN at record {number} of {len(lines)}")


def test_front_desk_staff_see_nothing(qtbot: QtBot, ws: Workstation) -> None:
    fay = next(p for p in ws.directory.profiles() if p.initials == "FD")
    ws.lock()
    ws.sign_in(fay.staff_id, "5802")
    window = AuditWindow(ws, InlineTaskRunner())
    qtbot.addWidget(window)
    window.show()
    assert window.model.rowCount() == 0
    assert window.status_label.text() == "Only an administrator can see the audit trail."
    assert not window.export_button.isEnabled()


def test_every_detail_word_and_object_kind_has_a_readable_name() -> None:
    from app.services.audit import DETAILS
    from app.views.staff.audit_window import DETAIL_NAMES, KIND_NAMES

    assert set(DETAIL_NAMES) == DETAILS
    assert set(KIND_NAMES) == {kind.value for kind in ObjectKind}


def test_every_action_has_a_readable_name() -> None:
    from app.views.staff.audit_window import ACTION_NAMES

    assert set(ACTION_NAMES) == {action.value for action in AuditAction}


def test_a_sign_off_note_shows_in_the_window_and_its_export(
    qtbot: QtBot, ws: Workstation, tmp_path: Path
) -> None:
    ws.record(AuditAction.RESULT_SIGNED_OFF, {ObjectKind.KIT: "SPOT123456",
                                              ObjectKind.REPORT: "7563e8e2-7fbd"},
              note="Repeat in 3 months")
    ws.record(AuditAction.CONTACT_ATTEMPT, {ObjectKind.KIT: "SPOT123456"}, "left_message")
    window = AuditWindow(ws, InlineTaskRunner())
    qtbot.addWidget(window)
    window.show()
    assert _column(window, COL_ACTION)[:2] == ["Contact attempt", "Result signed off"]
    assert _column(window, COL_DETAIL)[:2] == ["left message", ""]
    assert _column(window, COL_NOTE)[:2] == ["", "Repeat in 3 months"]
    window.action_combo.setCurrentIndex(window.action_combo.findText("Result signed off"))
    target = tmp_path / "signed.csv"
    with qtbot.waitSignal(window.exported):
        window.export_to(str(target))
    with open(target, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["action"], r["kit_id"], r["note"]) for r in rows] == [
        ("result_signed_off", "SPOT123456", "Repeat in 3 months")]
