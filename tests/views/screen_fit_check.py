"""Every dialog on a small screen: run by ``test_dialogs_fit_small_screens`` in a process whose
offscreen screen is ``SPOT_TEST_SCREEN`` (e.g. 1280x720), not collected on its own.

Each dialog opens as it would for the user (it sizes itself from the screen), then: the window
fits the screen's available area with room for a title bar, and its buttons are on screen,
not scrolled away or cut. With ``SPOT_SCREENSHOTS_DIR`` set, the picture is saved there as
``<dialog>_<screen>.png``.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QAbstractButton, QWidget
from pytestqt.qtbot import QtBot

from app.api import models
from app.sandbox import SandboxServer
from app.services.inbox import Reviewer
from app.services.printing.handout import Handout, HandoutKit
from app.services.printing.jobs import LabelPrinting
from app.services.printing.labels import kit_label, order_label
from app.services.printing.settings import PrintSettings
from app.services.session import Session
from app.tasks import InlineTaskRunner
from app.views.common.app_settings import AppSettings
from app.views.desk.register_kit import RegisterKitDialog
from app.views.desk.registration_token import RegistrationTokenDialog
from app.views.inbox.settings_box import InboxSettingsBox
from app.views.new_order.form import NewOrderDialog
from app.views.printing.preview import HandoutPreviewDialog, LabelPrintDialog
from app.views.reports.report_viewer import ReportWindow
from app.views.requisitions.form import NewRequisitionDialog
from app.views.shell.settings_opener import open_settings_dialog
from tests.helpers.fakes import FakeSession
from tests.helpers.reports import PDF_URL, FakeReports, FakeSeen, make_pdf, make_report


@pytest.fixture
def session(sandbox_session: Session) -> Session:
    return sandbox_session

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)

TODAY = date(2026, 6, 1)
SCREEN = os.environ.get("SPOT_TEST_SCREEN", "")
RECIPIENT = {
    "first_name": "Ada", "last_name": "Fakename", "email": "ada@example.com",
    "phone": "415-555-0142",
    "address": {"street1": "12 Sample Street", "city": "San Francisco", "state": "CA",
                "country": "US", "zip": "99999"},
}


def check(qtbot: QtBot, window: QWidget, name: str, buttons: list[QAbstractButton]) -> None:
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)  # let queued layout requests settle
    width, height = (int(n) for n in SCREEN.split("x"))
    area = window.screen().availableGeometry()
    assert area.size() == QSize(width, height)  # the screen the runner asked for
    title_bar = 2 * window.fontMetrics().height()
    assert window.width() <= area.width()
    assert window.height() + title_bar <= area.height(), (name, window.size())
    for button in buttons:
        assert button.isVisible(), (name, button.text())
        # Not scrolled away or clipped: the whole button is painted in the window.
        assert button.visibleRegion().boundingRect() == button.rect(), (name, button.text())
    image = window.grab().toImage()
    target = os.environ.get("SPOT_SCREENSHOTS_DIR")
    if target:
        image.save(str(Path(target) / f"{name}_{SCREEN}.png"))


def test_new_order(qtbot: QtBot) -> None:
    dialog = NewOrderDialog(FakeSession(), InlineTaskRunner())
    form = dialog.form
    form.prefill(RECIPIENT)
    form.fields.reveal_all()  # the ZIP warning with its "Ship anyway"
    check(qtbot, dialog, "order_window", [form.submit_button, form.close_button])


def test_register_kit(qtbot: QtBot, sandbox: SandboxServer, session: Session) -> None:
    order = session.client.create_order(models.NewOrder.model_validate(
        {"kit_types": ["health_kit_1"], "recipient": {**RECIPIENT, "address": {
            **RECIPIENT["address"], "zip": "94105"}}}))  # type: ignore[dict-item]
    sandbox.advance(1)
    kit_id = session.client.get_order(order.order_id).kits[0].kit_id
    dialog = RegisterKitDialog(session, InlineTaskRunner(), today=TODAY)
    dialog.set_kit_id(kit_id)
    fields = dialog.patient_fields
    fields.recipient.set_recipient(RECIPIENT)
    fields.birth_edit.line.setText("03/15/1980")
    fields.reveal_all()
    check(qtbot, dialog, "registration_kit",
          [dialog.register_button, dialog.close_button, dialog.token_button])


def test_registration_token(qtbot: QtBot, session: Session) -> None:
    dialog = RegistrationTokenDialog(session, InlineTaskRunner(), today=TODAY)
    fields = dialog.patient_fields
    fields.recipient.set_recipient({"first_name": "Bert", "last_name": "Notreal",
                                    "email": "bert@example.com"})
    fields.sex_combo.setCurrentIndex(fields.sex_combo.findData("M"))
    fields.birth_edit.line.setText("1971-11-02")
    close = dialog.findChild(QAbstractButton, "close_button")
    assert close is not None
    with qtbot.waitSignal(dialog.token_issued):
        dialog.generate()
    check(qtbot, dialog, "registration_token", [close])


def test_new_requisition(qtbot: QtBot, session: Session) -> None:
    dialog = NewRequisitionDialog(session, InlineTaskRunner(), today=TODAY)
    cancel = dialog.findChild(QAbstractButton, "cancel_button")
    assert cancel is not None
    dialog.form.submit()  # every message shown: the tallest the form gets
    check(qtbot, dialog, "requisitions_new", [dialog.form.submit_button, cancel])


def test_report_viewer(qtbot: QtBot, tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "report.pdf")
    window = ReportWindow(FakeReports({PDF_URL: pdf}), FakeSeen(), InlineTaskRunner())  # type: ignore[arg-type]
    window.open_report(make_report(), kit_id="SPOTFAKE0001", sample_id="SMPFAKE0001")
    close = window.findChild(QAbstractButton, "close_button")
    assert close is not None
    check(qtbot, window, "report_viewer", [close])


def test_hand_out_preview(qtbot: QtBot) -> None:
    settings = PrintSettings(clinic_name="Example Clinic", clinic_phone="555-010-0199")
    handout = Handout("Testy Example", "O0000042", (HandoutKit("health_kit_1", "SPOTFAKE01"),))
    dialog = HandoutPreviewDialog(handout, settings, InlineTaskRunner())
    check(qtbot, dialog, "handout_preview",
          [dialog.print_button, dialog.save_button, dialog.close_button])


def test_label_print(qtbot: QtBot) -> None:
    settings = PrintSettings()
    labels = [order_label("O0000042", "Testy Example", ["Health kit"], TODAY),
              kit_label("SPOTFAKE01", "Testy Example", "1980-02-03", TODAY)]
    dialog = LabelPrintDialog(labels, settings, LabelPrinting(lambda: settings),
                              InlineTaskRunner())
    check(qtbot, dialog, "label_print",
          [dialog.print_button, dialog.save_button, dialog.close_button])



def test_settings(qtbot: QtBot) -> None:
    # Each section a feature adds (outreach, printing…) makes Settings taller: the sections
    # scroll, OK and Cancel stay in reach.
    parent = QWidget()
    qtbot.addWidget(parent)
    inbox = SimpleNamespace(go_live=datetime(2026, 6, 1, tzinfo=UTC), critical_limits={})
    admin = Reviewer("AD", "administrator")

    def inbox_section(_settings: AppSettings, owner: QWidget) -> QWidget:
        return InboxSettingsBox(inbox, admin, lambda _go_live, _limits: None, owner)  # type: ignore[arg-type]

    dialog = open_settings_dialog(parent, AppSettings(), InlineTaskRunner(), None,
                                  [inbox_section])
    check(qtbot, dialog, "settings", list(dialog.buttons.buttons()))
