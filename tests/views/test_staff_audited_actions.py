"""What leaves the app or is thrown away is in the audit trail, under whoever did it: a queued
order discarded in the Outbox window, a report printed, saved or opened in the system viewer.
Driven like a user (buttons, shortcuts), with the real lock controller and Staff shell."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox
from pytestqt.qtbot import QtBot

from app.services.audit import AuditAction, AuditRecord
from app.services.outbox import Outbox
from app.services.session import Session
from app.tasks import InlineTaskRunner
from app.views.common.events import AppEvents
from app.views.outbox.window import OutboxWindow
from app.views.reports.report_viewer import ReportWindow
from app.views.shell.child_windows import ChildWindows
from app.views.shell.staff_shell import StaffShell
from app.views.staff.lock_controller import LockController, mark_shared
from app.views.staff.lock_screen import LockScreen
from tests.helpers.fakes import FakeSession
from tests.helpers.outbox import FakeClient, FakeSpot, open_outbox, outbox_order
from tests.helpers.reports import (
    KIT_ID,
    PDF_URL,
    SAMPLE_ID,
    FakeReports,
    FakeSeen,
    make_pdf,
    make_report,
)
from tests.helpers.staff import DESK_PIN, FakeClock, admin_and_desk, make_workstation

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)


class Desk:
    """Fay (front desk) signed in; the main window with the Staff shell watching windows."""

    def __init__(self, qtbot: QtBot, tmp_path: Path) -> None:
        self.qtbot = qtbot
        self.ws = make_workstation(tmp_path, FakeClock())
        _ana, self.fay = admin_and_desk(self.ws)
        runner = InlineTaskRunner()
        screen = LockScreen(self.ws, runner)
        qtbot.addWidget(screen)
        self.main = QMainWindow()
        mark_shared(self.main)
        qtbot.addWidget(self.main)
        self.controller = LockController(self.ws, screen, self.main)
        self.shell = StaffShell(self.main, self.ws, runner, self.controller)
        self.main.show()
        self.controller.start_locked()
        screen.picker.select_staff(self.fay.staff_id)
        qtbot.keyClicks(screen.pin_edit, DESK_PIN)
        qtbot.keyClick(screen.pin_edit, Qt.Key.Key_Return)
        assert self.ws.current is not None
        self.children = ChildWindows(self.main, runner, AppEvents())

    def records(self, action: AuditAction) -> list[AuditRecord]:
        return [r for r in self.ws.audit.records() if r.action == action]


@pytest.fixture
def desk(qtbot: QtBot, tmp_path: Path) -> Iterator[Desk]:
    made = Desk(qtbot, tmp_path)
    yield made
    made.children.close_all()
    made.controller.shutdown()


def test_discarding_a_queued_order_is_recorded_for_who_discarded_it(
    qtbot: QtBot, desk: Desk, tmp_path: Path
) -> None:
    outbox: Outbox = open_outbox(tmp_path / "outbox", FakeClient(FakeSpot(time.time)))
    session = FakeSession()
    session.outbox = outbox  # type: ignore[assignment]
    item = outbox.submit(outbox_order())
    window = desk.children.open_outbox(cast(Session, session), lambda _order_id: None)
    assert isinstance(window, OutboxWindow)
    qtbot.waitExposed(window)

    qtbot.mouseClick(window.buttons["discard"], Qt.MouseButton.LeftButton)
    box = next(b for b in window.findChildren(QMessageBox) if b.isVisible())
    keep = next(b for b in box.buttons() if b.text().replace("&", "") == "Keep it")
    qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)
    assert desk.records(AuditAction.ORDER_DISCARDED) == []  # kept: nothing to record

    qtbot.mouseClick(window.buttons["discard"], Qt.MouseButton.LeftButton)
    box = next(b for b in window.findChildren(QMessageBox) if b.isVisible())
    discard = next(b for b in box.buttons() if b.text().replace("&", "") == "Discard")
    qtbot.mouseClick(discard, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(desk.records(AuditAction.ORDER_DISCARDED)))
    [record] = desk.records(AuditAction.ORDER_DISCARDED)
    assert record.staff_id == desk.fay.staff_id
    assert dict(record.ids) == {"outbox_item": item.item_id}
    outbox.close()


@pytest.fixture
def report_window(desk: Desk, qtbot: QtBot, tmp_path: Path) -> ReportWindow:
    pdf = make_pdf(tmp_path / "report.pdf")
    window = ReportWindow(FakeReports({PDF_URL: pdf}), FakeSeen(), InlineTaskRunner())
    qtbot.addWidget(window)
    window.resize(900, 700)
    window.show()
    window.open_report(make_report(), kit_id=KIT_ID, sample_id=SAMPLE_ID)
    qtbot.waitUntil(lambda: window.pdf_pane().is_loaded(), timeout=10_000)
    return window


def test_a_report_saved_as_a_file_is_recorded_with_its_format(
    qtbot: QtBot, desk: Desk, report_window: ReportWindow, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "chosen.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_args: (str(target), "PDF files (*.pdf)"))
    qtbot.keyClick(report_window.pdf_pane().view, Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier)
    assert target.exists()
    [record] = desk.records(AuditAction.REPORT_SAVED)
    assert (record.staff_id, dict(record.ids), record.detail) == (
        desk.fay.staff_id, {"report": "RPT-FAKE-1"}, "pdf")


def test_a_save_cancelled_records_nothing(
    qtbot: QtBot, desk: Desk, report_window: ReportWindow, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: ("", ""))
    qtbot.keyClick(report_window.pdf_pane().view, Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier)
    assert desk.records(AuditAction.REPORT_SAVED) == []


def test_opening_a_report_in_the_system_viewer_is_recorded_as_an_export(
    qtbot: QtBot, desk: Desk, report_window: ReportWindow, monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    qtbot.keyClick(report_window.pdf_pane().view, Qt.Key.Key_O,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(opened) == 1
    [record] = desk.records(AuditAction.REPORT_EXPORTED)
    assert (record.staff_id, dict(record.ids), record.detail) == (
        desk.fay.staff_id, {"report": "RPT-FAKE-1"}, "pdf")


def test_a_printed_report_is_recorded(
    desk: Desk, report_window: ReportWindow, tmp_path: Path
) -> None:
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    report_window.print_to(printer)  # what Print… does once the print dialog is accepted
    [record] = desk.records(AuditAction.REPORT_PRINTED)
    assert (record.staff_id, dict(record.ids)) == (desk.fay.staff_id, {"report": "RPT-FAKE-1"})
    assert [r.action for r in desk.ws.audit.records()].count(AuditAction.REPORT_VIEWED) == 1
