"""Outreach windows driven like a user: import a patient list end to end, chase unreturned kits.

With ``SPOT_SCREENSHOTS_DIR`` set, the mapping, preview, progress, worklist and a letter are
also saved there as PNGs (resources/screenshots/import_*.png, worklist.png, letter_fr.png).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSize, QStandardPaths, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QMenu,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.api import SpotClient
from app.paths import paths
from app.sandbox import SandboxServer
from app.services.contact_log import add_contact
from app.services.environments import Environment
from app.services.import_batch import BatchRunner, batch_store_for
from app.services.import_mapping import MappingMemory
from app.services.session import Session
from app.services.worklist import WorklistItem, WorklistService
from app.tasks import InlineTaskRunner
from app.views.outreach.import_dialog import ImportDialog, ImportServices
from app.views.outreach.letters import Clinic, write_letters_pdf
from app.views.outreach.worklist_view import ContactDialog, WorklistView
from tests.helpers.imports import RecordingStaff, delivered_kit_on, write_csv
from tests.helpers.main_window import MakeWindow, sign_in_to_sandbox

# The offscreen platform cannot raise windows or honour size hints; both are harmless here.
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)
CATALOG = {"health_kit_1": "Health kit", "hba1c_kit": "HbA1c"}


def shot(widget: QWidget, name: str) -> None:
    folder = os.environ.get("SPOT_SCREENSHOTS_DIR")
    if folder:
        widget.grab().save(str(Path(folder) / name))


@pytest.fixture
def session(sandbox: SandboxServer) -> Iterator[Session]:
    live = Session.open(Environment.sandbox(sandbox.base_url), sandbox.token, paths(),
                        kit_catalog=CATALOG)  # fmt: skip
    yield live
    live.close()


@pytest.fixture
def services(session: Session) -> Iterator[ImportServices]:
    assert session.folder is not None
    batches = batch_store_for(session.folder)
    runner = BatchRunner(batches, session.outbox)
    yield ImportServices(
        outbox=session.outbox, batches=batches, batch_runner=runner,
        memory=MappingMemory(paths().data / "import_mappings.json"),
        synced_rows=session.store.rows, kit_catalog=CATALOG, staff=RecordingStaff(), rate=20.0,
        label="Sandbox",
    )  # fmt: skip
    runner.stop()
    batches.close()


def open_dialog(qtbot: QtBot, services: ImportServices, path: Path) -> ImportDialog:
    dialog = ImportDialog(path, services, InlineTaskRunner())
    qtbot.addWidget(dialog)
    dialog.resize(1280, 720)
    dialog.show()
    return dialog


def edit_cell(qtbot: QtBot, dialog: ImportDialog, row: int, column: int, text: str) -> None:
    view = dialog.preview
    index = view.model().index(row, column)
    view.setCurrentIndex(index)
    view.edit(index)
    editors = view.viewport().findChildren(QLineEdit)
    assert len(editors) == 1
    editor = editors[0]
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits on the next turn of the event loop.
    qtbot.waitUntil(lambda: view.model().index(row, column).data() == text)


def test_import_a_list_fix_a_row_accept_warnings_and_send(
    qtbot: QtBot, services: ImportServices, sandbox: SandboxServer, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = open_dialog(qtbot, services, write_csv(tmp_path / "list.csv"))
    # Step 1: the columns were recognised from their names.
    use_as = dialog.mapping_table.cellWidget(7, 2)
    assert isinstance(use_as, QComboBox)
    assert use_as.currentText() == "ZIP or postal code"
    assert "9 rows in list.csv" in dialog.status_label.text()
    shot(dialog, "import_mapping.png")
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)

    # Step 2: counts per status; the errors filter shows just those rows.
    assert dialog.filter_buttons["invalid"].text() == "Errors (3)"
    assert dialog.filter_buttons["ready"].text() == "Ready (3)"  # Gus is new to this sandbox
    shot(dialog, "import_preview.png")
    qtbot.mouseClick(dialog.filter_buttons["invalid"], Qt.MouseButton.LeftButton)
    model = dialog.preview.model()
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [3, 4, 7]
    # Fix row 3's last name in place (column 3 is "Last Name").
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Last Name"
    edit_cell(qtbot, dialog, 0, 3, "Fixedname")
    assert dialog.filter_buttons["invalid"].text() == "Errors (2)"
    assert dialog.filter_buttons["ready"].text() == "Ready (4)"

    # Accept the PO box warning for every row like it (row 5).
    qtbot.mouseClick(dialog.filter_buttons["warning"], Qt.MouseButton.LeftButton)
    rows = [model.index(r, 0).data() for r in range(model.rowCount())]
    dialog.preview.setCurrentIndex(model.index(rows.index(5), 0))
    qtbot.mouseClick(dialog.accept_all_button, Qt.MouseButton.LeftButton)
    assert dialog.filter_buttons["ready"].text() == "Ready (5)"

    # Export what is left with problems.
    out = tmp_path / "problems.csv"
    monkeypatch.setattr("app.views.outreach.import_dialog.QFileDialog.getSaveFileName",
                        lambda *_a, **_k: (str(out), ""))  # fmt: skip
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "rows with problems written" in dialog.status_label.text()
    with open(out, "rb") as handle:
        exported = handle.read().decode("utf-8-sig").splitlines()
    assert [line.split(",")[0] for line in exported[1:]] == ["2", "4", "6", "7"]

    # Step 3: send the 5 ready rows.
    monkeypatch.setattr("app.views.outreach.import_dialog.QMessageBox.question",
                        lambda *_a, **_k: QMessageBox.StandardButton.Yes)  # fmt: skip
    assert dialog.send_button.text() == "&Send 5 order(s)…"
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Sent 5 · waiting 0" in dialog.progress_label.text(),
                    timeout=20000)  # fmt: skip
    shot(dialog, "import_progress.png")
    assert sandbox.order_count() == 5
    # Each order names who imported it (initials and staff id), and the import is audited.
    assert sandbox.count_orders_with_metadata("frontdesk_staff", "FD") == 5
    assert sandbox.count_orders_with_metadata("frontdesk_staff_id", RecordingStaff.STAFF_ID) == 5
    staff = services.staff
    assert isinstance(staff, RecordingStaff)
    # The rows written to a file left the app with patients in them: that is audited too.
    exported, recorded = staff.records
    assert exported == ("list_exported", {}, "import_problem_rows", RecordingStaff.STAFF_ID)
    batch_id = recorded[1]["batch"]
    assert recorded == ("import", {"batch": batch_id}, None, RecordingStaff.STAFF_ID)
    assert sandbox.count_orders_with_metadata("frontdesk_batch", batch_id) == 5
    assert not dialog.pause_button.isEnabled()


@pytest.fixture
def delivered_kit(sandbox: SandboxServer) -> str:
    _order_id, kit_id = delivered_kit_on(sandbox)
    with SpotClient(sandbox.base_url, sandbox.token) as client:
        add_contact(client, kit_id, "left_message", "Voicemail", "Desk 2")
    return kit_id


def test_worklist_shows_an_unreturned_kit_and_a_declined_patient_leaves_it(
    qtbot: QtBot, session: Session, sandbox: SandboxServer, delivered_kit: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session.sync.refresh(full=True)

    def later() -> datetime:  # the sandbox would move the kit on; the worklist's clock moves
        return sandbox.now() + timedelta(days=12)

    staff = RecordingStaff()
    view = WorklistView(
        WorklistService(lambda: session.client), session.store.rows, lambda: session.client,
        InlineTaskRunner(), staff=staff, clinic=lambda: Clinic("Fake Clinic", "555-0100"),
        now=later,
    )  # fmt: skip
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    model = view.table.model()
    assert view.status_label.text() == "1 kits to follow up"
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row[:4] == ["Ann Testperson", "4155550142", delivered_kit, "Delivered, not registered"]
    assert row[4] >= 11
    assert "Left message · Desk 2 · Voicemail" in row[5]
    shot(view, "worklist.png")

    def choose_declined(dialog: ContactDialog) -> None:
        dialog.outcome.setCurrentIndex(dialog.outcome.findData("declined"))
        qtbot.keyClicks(dialog.note, "Does not want the test")
        dialog.accept()

    monkeypatch.setattr(ContactDialog, "open", lambda self: choose_declined(self))
    view.table.selectRow(0)
    qtbot.mouseClick(view.contact_button, Qt.MouseButton.LeftButton)
    assert model.rowCount() == 0
    assert view.status_label.text() == "Contact attempt saved in Spot."
    # Under the staff member who is signed in, in Spot and in the audit trail (issue 19).
    entry = session.client.get_kit(delivered_kit).metadata["frontdesk_contact_log"][-1]
    assert (entry["staff"], entry["staff_id"]) == ("FD", RecordingStaff.STAFF_ID)
    (recorded,) = staff.records
    assert recorded[0] == "contact_attempt"
    assert recorded[1]["kit"] == delivered_kit
    assert recorded[2:] == ("declined", RecordingStaff.STAFF_ID)
    # Another desk sees it too: the kit is off its list.
    with SpotClient(sandbox.base_url, sandbox.token) as desk2:
        assert WorklistService(lambda: desk2).build(session.store.rows(), later()) == []


def test_worklist_exports_and_letters_are_audited_under_the_staff_member(
    qtbot: QtBot, session: Session, sandbox: SandboxServer, delivered_kit: str,
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    session.sync.refresh(full=True)
    staff = RecordingStaff()
    view = WorklistView(
        WorklistService(lambda: session.client), session.store.rows, lambda: session.client,
        InlineTaskRunner(), staff=staff, clinic=lambda: Clinic("Fake Clinic", "555-0100"),
        now=lambda: sandbox.now() + timedelta(days=12),
    )  # fmt: skip
    qtbot.addWidget(view)
    view.show()
    targets = iter([tmp_path / "unreturned.csv", tmp_path / "letters.pdf"])
    monkeypatch.setattr("app.views.outreach.worklist_view.QFileDialog.getSaveFileName",
                        lambda *_a, **_k: (str(next(targets)), ""))  # fmt: skip
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    assert view.status_label.text() == "Worklist exported."
    view.table.selectRow(0)
    qtbot.mouseClick(view.letters_pdf_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "unreturned.csv").exists()
    assert (tmp_path / "letters.pdf").exists()
    assert staff.records == [
        ("list_exported", {}, "worklist_csv", RecordingStaff.STAFF_ID),
        ("list_exported", {}, "reminder_letters", RecordingStaff.STAFF_ID),
    ]


def test_reminder_letters_one_page_each_in_the_patients_language(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from datetime import UTC

    def item(kit_id: str, first: str, language: str) -> WorklistItem:
        return WorklistItem(kit_id, "health_kit_1", "ord", first, "Testperson", "4155550142",
                            "x@example.com", language, "delivered_not_registered",
                            datetime(2026, 11, 1, tzinfo=UTC), 12, ())  # fmt: skip

    out = tmp_path / "letters.pdf"
    write_letters_pdf(out, [item("KIT1", "Ann", "en"), item("KIT2", "Zoë", "fr"),
                            item("KIT3", "Bob", "")], Clinic("Fake Clinic", "555-0100"),
                      today=date(2026, 12, 1))  # fmt: skip
    document = QPdfDocument()
    document.load(str(out))
    assert document.pageCount() == 3
    pages = [document.getAllText(page).text() for page in range(3)]
    assert "Dear Ann Testperson," in pages[0]
    assert "Your kit ID: KIT1" in pages[0]
    assert "Call us at 555-0100" in pages[0]
    assert "Bonjour Zoë Testperson," in pages[1]
    assert "Numéro de votre trousse : KIT2" in pages[1]
    assert "Dear Bob Testperson," in pages[2]
    assert all("Fake Clinic" in page for page in pages)
    folder = os.environ.get("SPOT_SCREENSHOTS_DIR")
    if folder:
        image = document.render(1, QSize(850, 1100))
        page = QImage(image.size(), QImage.Format.Format_RGB32)
        page.fill(QColor("white"))
        painter = QPainter(page)
        painter.drawImage(QPoint(0, 0), image)
        painter.end()
        page.save(str(Path(folder) / "letter_fr.png"))
    document.close()


def test_file_menu_imports_and_view_menu_opens_unreturned_kits(
    qtbot: QtBot, sandbox: SandboxServer, make_window: MakeWindow, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sandbox.seed(5)
    window = make_window()
    sign_in_to_sandbox(qtbot, window, expected=5)
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    assert "&Import orders…" in [action.text() for action in file_menu.actions()]
    path = write_csv(tmp_path / "list.csv")
    started_in: list[str] = []

    def choose_file(_parent: object, _title: str, folder: str, *_rest: object) -> tuple[str, str]:
        started_in.append(folder)
        return str(path), ""

    monkeypatch.setattr("app.views.outreach.QFileDialog.getOpenFileName", choose_file)
    outreach = window.outreach
    assert outreach is not None
    qtbot.waitUntil(lambda: outreach.batches is not None)
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(outreach.dialogs)
                    and "9 rows in list.csv" in outreach.dialogs[0].status_label.text(),
                    timeout=15000)  # fmt: skip
    # The file dialog opens in the user's Documents, never the app's working directory
    # (an installed app's folder on Windows).
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert started_in == [documents]
    outreach.dialogs[0].close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_U,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.tabs.currentWidget().objectName() == "worklistTab"
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Unreturned kits"


def test_outreach_settings_are_saved_with_ok(qtbot: QtBot, tmp_path: Path) -> None:
    from app.views.common.app_settings import AppSettings
    from app.views.outreach.settings_box import OutreachSettingsBox
    from app.views.settings.dialog import SettingsDialog

    settings = AppSettings(tmp_path / "settings.ini")
    assert settings.import_rate == 2.0
    assert settings.worklist_days == (10, 7, 10)
    dialog = SettingsDialog(settings, sections=[OutreachSettingsBox])  # as the shell opens it
    qtbot.addWidget(dialog)
    (box,) = dialog.sections
    assert isinstance(box, OutreachSettingsBox)
    box.rate_spin.setValue(1.5)
    box.delivered_spin.setValue(14)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)  # fmt: skip
    again = AppSettings(tmp_path / "settings.ini")
    assert again.import_rate == 1.5
    assert again.worklist_days == (14, 7, 10)


def test_a_batch_left_sending_is_resumed_when_the_app_starts(
    qtbot: QtBot, sandbox: SandboxServer, make_window: MakeWindow
) -> None:
    from app.services.session import session_folder
    from tests.helpers.imports import fake_rows

    sandbox.seed(5)
    folder = session_folder(paths().data, Environment.sandbox(sandbox.base_url), sandbox.token)
    folder.mkdir(parents=True)
    store = batch_store_for(folder)
    batch_id = store.create(fake_rows(6), staff="Desk 1", source="list.csv", rate=20)
    store.close()  # the app was closed before anything was sent
    window = make_window()
    sign_in_to_sandbox(qtbot, window, expected=5)
    qtbot.waitUntil(lambda: sandbox.order_count() == 11, timeout=20000)
    for number in range(2, 8):
        assert sandbox.count_orders_with_metadata("frontdesk_batch_row", number) == 1
    assert sandbox.count_orders_with_metadata("frontdesk_batch", batch_id) == 6


def test_pause_resume_and_cancel_say_what_was_sent(
    qtbot: QtBot, services: ImportServices, sandbox: SandboxServer, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from dataclasses import replace

    path = tmp_path / "eight.csv"
    names = ["Ada", "Bea", "Cal", "Dot", "Eli", "Fay", "Gil", "Hue"]
    lines = ["First Name,Last Name,Email,Phone,Address,City,State,Zip,Kit Type"] + [
        f"{name},Fakename,{name.lower()}@example.com,41555501{n:02d},{n} Bay St,"
        "San Francisco,CA,94105,Health kit"
        for n, name in enumerate(names)
    ]  # fmt: skip
    path.write_bytes("\r\n".join(lines).encode("utf-8"))
    dialog = open_dialog(qtbot, replace(services, rate=2.0), path)  # the default pace
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    monkeypatch.setattr("app.views.outreach.import_dialog.QMessageBox.question",
                        lambda *_a, **_k: QMessageBox.StandardButton.Yes)  # fmt: skip
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sandbox.order_count() >= 1, timeout=10000)
    qtbot.mouseClick(dialog.pause_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Paused." in dialog.progress_label.text(), timeout=10000)
    paused_at = sandbox.order_count()
    assert paused_at < 8
    qtbot.wait(600)
    assert sandbox.order_count() == paused_at  # nothing goes while paused
    assert dialog.pause_button.text() == "&Resume"
    qtbot.mouseClick(dialog.pause_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sandbox.order_count() > paused_at, timeout=10000)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "orders were not sent" in dialog.progress_label.text(),
                    timeout=10000)  # fmt: skip
    qtbot.waitUntil(lambda: "waiting 0" in dialog.progress_label.text(), timeout=10000)
    sent = sandbox.order_count()
    assert f"Sent {sent} ·" in dialog.progress_label.text()
    assert f"Canceled: {8 - sent} orders were not sent." in dialog.progress_label.text()
