"""Where the desk asks for a print: the kit panel, a placed order, a registered kit."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.api import models
from app.sandbox import SandboxServer
from app.services.printing.handout import Handout, HandoutKit
from app.services.printing.labels import LabelKind
from app.services.printing.settings import PrintSettings
from app.services.session import Session
from app.tasks import InlineTaskRunner
from app.views.common.app_settings import AppSettings
from app.views.common.events import AppEvents
from app.views.new_order.form import NewOrderDialog, NewOrderForm
from app.views.printing.preview import HandoutPreviewDialog, LabelPrintDialog
from app.views.requisitions.view import RequisitionDetail
from app.views.shell.child_windows import ChildWindows
from tests.helpers.fakes import FakeSession
from tests.helpers.keys import clashing_alt_keys
from tests.helpers.kit_panel import fake_kit, fake_order, make_panel
from tests.helpers.order_form import fill
from tests.helpers.register_kit import fill_new_patient, open_dialog, scan, shipped_kit

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_kit_panel_hands_out_the_shown_order(qtbot: QtBot) -> None:
    panel, _session = make_panel(qtbot, fake_order(fake_kit(registered=True)))
    panel.show_order("O0000042")
    button = panel.findChild(QPushButton, "print_handout")
    assert button is not None
    with qtbot.waitSignal(panel.print_handout_requested) as asked:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert asked.args == [
        Handout("Testy Fakename", "O0000042", (HandoutKit("health_kit_1", "SPOTFAKE01"),))
    ]


def test_kit_panel_labels_the_order_and_each_kit(qtbot: QtBot) -> None:
    panel, _session = make_panel(qtbot, fake_order(fake_kit(registered=True)))
    panel.show_order("O0000042")
    button = panel.findChild(QPushButton, "print_labels")
    assert button is not None
    with qtbot.waitSignal(panel.print_labels_requested) as asked:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    [labels] = asked.args
    assert [(label.kind, label.barcode) for label in labels] == [
        (LabelKind.ORDER, "O0000042"), (LabelKind.KIT, "SPOTFAKE01")
    ]
    assert labels[0].lines[1] == "Health Kit 1"  # the catalog's name, not the code
    assert "DOB 1990-06-15" in labels[1].lines


def test_placed_order_offers_its_hand_out(qtbot: QtBot) -> None:
    session = FakeSession()
    form = NewOrderForm(session, InlineTaskRunner())
    qtbot.addWidget(form)
    form.show()
    fill(qtbot, form)
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert not form.handout_button.isVisible()  # nothing placed yet
    session.outbox.report("item-1", state="sent", order_id="O7654321", attempts=1)
    assert form.handout_button.isVisible()
    with qtbot.waitSignal(form.print_handout_requested) as asked:
        qtbot.mouseClick(form.handout_button, Qt.MouseButton.LeftButton)
    assert asked.args == [Handout("Alice Example", "O7654321", (HandoutKit("vitamin_d_kit"),))]
    qtbot.mouseClick(form.new_button, Qt.MouseButton.LeftButton)
    assert not form.handout_button.isVisible()  # the next order has its own


def test_registered_kit_offers_a_hand_out_for_taking_it_home(
    qtbot: QtBot, sandbox: SandboxServer, sandbox_session: Session
) -> None:
    session = sandbox_session
    kit_id = shipped_kit(sandbox, session)
    dialog = open_dialog(qtbot, session)
    assert not dialog.handout_button.isVisible()
    scan(qtbot, dialog, kit_id)
    fill_new_patient(qtbot, dialog)
    with qtbot.waitSignal(dialog.kit_registered):
        qtbot.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)
    assert dialog.handout_button.isVisible()
    with qtbot.waitSignal(dialog.print_handout_requested) as asked:
        qtbot.mouseClick(dialog.handout_button, Qt.MouseButton.LeftButton)
    [kit] = asked.args
    assert kit.kit_id == kit_id
    assert kit.registered_to.first_name == "Testy"


def test_after_placing_an_order_ctrl_p_prints_its_hand_out_and_every_alt_key_acts(
    qtbot: QtBot,
) -> None:
    # Found at the desk: Alt+H was both "Print hand-out" and the Phone field, so it only
    # moved the focus. The hand-out has the usual Print key instead.
    session = FakeSession()
    dialog = NewOrderDialog(session, InlineTaskRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()  # asynchronous, even offscreen
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    form = dialog.form
    fill(qtbot, form)
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    session.outbox.report("item-1", state="sent", order_id="O7654321", attempts=1)
    assert form.handout_button.isVisible()
    assert clashing_alt_keys(dialog) == {}
    assert form.handout_button.toolTip().endswith("(Ctrl+P)")
    with qtbot.waitSignal(form.print_handout_requested) as asked:
        qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert asked.args == [Handout("Alice Example", "O7654321", (HandoutKit("vitamin_d_kit"),))]


def test_after_registering_a_kit_ctrl_p_prints_its_hand_out(
    qtbot: QtBot, sandbox: SandboxServer, sandbox_session: Session
) -> None:
    kit_id = shipped_kit(sandbox, sandbox_session)
    dialog = open_dialog(qtbot, sandbox_session)
    scan(qtbot, dialog, kit_id)
    fill_new_patient(qtbot, dialog)
    with qtbot.waitSignal(dialog.kit_registered):
        qtbot.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)
    assert clashing_alt_keys(dialog) == {}
    assert dialog.handout_button.toolTip().endswith("(Ctrl+P)")
    with qtbot.waitSignal(dialog.print_handout_requested) as asked:
        qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert asked.args[0].kit_id == kit_id


def child_windows(qtbot: QtBot, settings: PrintSettings) -> ChildWindows:
    owner = QWidget()
    qtbot.addWidget(owner)
    app_settings = AppSettings()
    app_settings.print_settings = settings
    app_settings.clinic = (settings.clinic_name, settings.clinic_phone)
    return ChildWindows(owner, InlineTaskRunner(), AppEvents(owner), settings=app_settings)


def test_hand_out_window_gets_the_clinic_logo(qtbot: QtBot, tmp_path: Path) -> None:
    logo = QImage(40, 20, QImage.Format.Format_RGB32)
    logo.fill(QColor("#0b5563"))
    logo_path = tmp_path / "logo.png"
    assert logo.save(str(logo_path))
    windows = child_windows(qtbot, PrintSettings(logo_path=str(logo_path)))
    windows.open_handout(Handout("Testy Example", "ORD-1", ()))
    [dialog] = windows.print_windows
    assert isinstance(dialog, HandoutPreviewDialog)
    assert dialog.logo is not None
    assert dialog.logo.size() == logo.size()
    windows.close_session_windows()
    qtbot.waitUntil(lambda: windows.print_windows == [])


def test_a_missing_logo_still_opens_the_hand_out(qtbot: QtBot, tmp_path: Path) -> None:
    windows = child_windows(qtbot, PrintSettings(logo_path=str(tmp_path / "gone.png")))
    windows.open_handout(Handout("Testy Example", "ORD-1", ()))
    [dialog] = windows.print_windows
    assert isinstance(dialog, HandoutPreviewDialog)
    assert dialog.logo is None


def test_label_window_uses_the_saved_printer_choice(qtbot: QtBot) -> None:
    windows = child_windows(qtbot, PrintSettings())
    windows.open_labels([])
    [dialog] = windows.print_windows
    assert isinstance(dialog, LabelPrintDialog)
    assert not dialog.send_button.isEnabled()


def test_requisition_detail_prints_its_tube_label(qtbot: QtBot) -> None:
    requisition = models.Requisition.model_validate({
        "requisition_id": "rq_0001", "barcode": "REQ123456", "lab": "Fake Lab West",
        "panels": ["PANEL-1"],
        "patient": {"first_name": "Testy", "last_name": "Example", "date_of_birth": "1980-02-03"},
    })
    detail = RequisitionDetail()
    qtbot.addWidget(detail)
    detail.show()
    assert not detail.label_button.isVisible()  # nothing chosen yet
    detail.show_requisition(requisition)
    with qtbot.waitSignal(detail.print_labels_requested) as asked:
        qtbot.mouseClick(detail.label_button, Qt.MouseButton.LeftButton)
    [[label]] = asked.args
    assert (label.kind, label.barcode, label.lines) == (
        LabelKind.REQUISITION, "REQ123456",
        ("Testy Example", "DOB 1980-02-03", "Lab Fake Lab West"),
    )
    assert label.object_ids == ("rq_0001",)
