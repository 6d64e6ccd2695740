"""Registration tokens end to end against the sandbox, with the countdown on a test clock."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from app.api import models
from app.paths import paths
from app.sandbox import SandboxServer
from app.services.environments import Environment
from app.services.order_store import OrderStore
from app.services.registration import IssuedToken
from app.services.session import Session
from app.tasks import InlineTaskRunner, TaskRunner
from app.views.desk.registration_token import RegistrationTokenDialog, TokenCountdown
from tests.helpers.tab_walk import walk_tab

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

TODAY = date(2026, 6, 1)


class FakeClock:
    """Seconds that move only when the test says so."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def session(sandbox: SandboxServer) -> Iterator[Session]:
    live = Session.open(
        Environment.sandbox(sandbox.base_url), sandbox.token, paths(),
        kit_catalog={"health_kit_1": "Health kit", "wellness_plus_kit": "Wellness plus"},
        start_outbox=False,
    )
    yield live
    live.close()


def open_dialog(qtbot: QtBot, session: Session, clock: FakeClock) -> RegistrationTokenDialog:
    dialog = RegistrationTokenDialog(session, InlineTaskRunner(), clock=clock, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def fill_patient(dialog: RegistrationTokenDialog) -> None:
    fields = dialog.patient_fields
    fields.recipient.set_recipient({"first_name": "Testy", "last_name": "McTestface",
                                    "email": "testy@example.com"})
    fields.sex_combo.setCurrentIndex(fields.sex_combo.findData("M"))
    fields.birth_edit.set_value(date(1975, 1, 31))


def test_token_for_a_new_patient_counts_down_and_expires(
    qtbot: QtBot, sandbox: SandboxServer, session: Session
) -> None:
    clock = FakeClock()
    dialog = open_dialog(qtbot, session, clock)
    countdown = dialog.countdown
    assert not countdown.copy_button.isEnabled()
    assert dialog.patient_fields.address_group.isHidden()  # create patient takes no address
    fill_patient(dialog)
    dialog.kit_type_combo.setCurrentIndex(dialog.kit_type_combo.findData("wellness_plus_kit"))
    with qtbot.waitSignal(dialog.token_issued):
        qtbot.mouseClick(dialog.generate_button, Qt.MouseButton.LeftButton)

    token = countdown.token_edit.text()
    claims = sandbox.app.verify_registration_token(token)
    assert claims is not None
    assert claims["kit_type"] == "wellness_plus_kit"
    assert countdown.token_edit.isReadOnly()
    assert countdown.countdown_label.text() == "Valid for 10:00 — works once"
    assert countdown.timer.isActive()

    clock.now += 61.5
    countdown.refresh()  # what the one-second timer does
    assert countdown.countdown_label.text() == "Valid for 8:59 — works once"
    qtbot.mouseClick(countdown.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == token
    assert countdown.clipboard_timer.isActive()
    clock.now += 119
    countdown.clear_clipboard_if_due()  # what the two-minute timer does
    assert QGuiApplication.clipboard().text() == token
    clock.now += 1
    countdown.clear_clipboard_if_due()
    assert QGuiApplication.clipboard().text() == ""  # gone before the next person pastes

    clock.now += 9 * 60
    sandbox.advance(11 / (24 * 60))  # Spot's side agrees: 11 minutes later it's no good
    with qtbot.waitSignal(countdown.expired):
        countdown.refresh()
    assert countdown.countdown_label.text() == "Expired — generate a new one"
    assert not countdown.copy_button.isEnabled()
    assert not countdown.token_edit.isEnabled()
    assert not countdown.timer.isActive()
    assert sandbox.app.verify_registration_token(token) is None

    # "Generate a new one": same patient fields, a fresh token and a full countdown.
    qtbot.mouseClick(dialog.generate_button, Qt.MouseButton.LeftButton)
    assert countdown.token_edit.text() != token
    assert countdown.countdown_label.text() == "Valid for 10:00 — works once"
    assert countdown.copy_button.isEnabled()
    assert countdown.token_edit.isEnabled()


def test_the_timer_drives_the_countdown(qtbot: QtBot) -> None:
    clock = FakeClock()
    countdown = TokenCountdown(clock=clock)
    qtbot.addWidget(countdown)
    countdown.timer.setInterval(10)
    countdown.show_token(IssuedToken(token="t.o.k", patient_id="p", issued_at=clock.now))
    clock.now += 600
    qtbot.waitUntil(lambda: countdown.countdown_label.text() == "Expired — generate a new one")


def test_existing_patient_gets_a_token(
    qtbot: QtBot, sandbox: SandboxServer, session: Session
) -> None:
    patient = session.client.create_patient(models.NewPatient(
        first_name="Testy", last_name="Example", email="testy@example.com", sex="F",
        date_of_birth=date(1990, 1, 1)))
    order = session.client.create_order(models.NewOrder.model_validate({
        "kit_types": ["health_kit_1"],
        "recipient": {"first_name": "Testy", "last_name": "Example",
                      "email": "testy@example.com", "phone": "4155550123",
                      "address": {"street1": "1 Fixture Lane", "city": "San Francisco",
                                  "state": "CA", "country": "US", "zip": "94105"}}}))
    sandbox.advance(1)
    kit_id = session.client.get_order(order.order_id).kits[0].kit_id
    session.client.activate_kit(kit_id, models.KitActivation(patient_id=patient.patient_id))

    clock = FakeClock()
    dialog = open_dialog(qtbot, session, clock)
    dialog.select_patient(str(patient.patient_id))
    assert dialog.patient_choice.existing_radio.isChecked()
    assert dialog.patient_fields.isHidden()
    with qtbot.waitSignal(dialog.token_issued) as issued:
        qtbot.mouseClick(dialog.generate_button, Qt.MouseButton.LeftButton)
    assert issued.args == [patient.patient_id]
    claims = sandbox.app.verify_registration_token(dialog.countdown.token_edit.text())
    assert claims is not None
    assert claims["pid"] == patient.patient_id
    assert "kit_type" not in claims


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("last_name", "Enter the last name"),
        ("email", "Enter an email address"),
        ("sex", "Choose the sex (M or F)"),
        ("date_of_birth", "Enter the date of birth"),
    ],
)
def test_bad_inputs(qtbot: QtBot, session: Session, path: str, message: str) -> None:
    dialog = open_dialog(qtbot, session, FakeClock())
    fill_patient(dialog)
    fields = dialog.patient_fields
    if path == "sex":
        fields.sex_combo.setCurrentIndex(0)
    elif path == "date_of_birth":
        fields.birth_edit.clear()
    else:
        fields.recipient.editors[path].clear()
    qtbot.mouseClick(dialog.generate_button, Qt.MouseButton.LeftButton)
    assert fields.message_text(path) == message
    assert dialog.message_label.text() == (
        "Some details need fixing; see the messages under the fields."
    )
    assert dialog.countdown.token_edit.text() == ""


class SlowKits:
    """A Spot client whose kit lookups (the known-patients list) wait for ``release``."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.asked = threading.Event()

    def list_kits(self, **_filters: object) -> list[models.KitSummary]:
        self.asked.set()
        self.release.wait(10)
        return []

    def get_kit(self, kit_id: str) -> models.Kit:
        raise AssertionError("no kit listed, none fetched")


@dataclass
class SlowSession:
    client: SlowKits = field(default_factory=SlowKits)
    store: OrderStore = field(default_factory=OrderStore)
    kit_catalog: dict[str, str] = field(default_factory=dict)


@pytest.mark.parametrize("how", ["closed", "parent_closed"])
def test_closing_before_the_patient_list_arrives(
    qtbot: QtBot, runner: TaskRunner, caplog: pytest.LogCaptureFixture, how: str
) -> None:
    session = SlowSession()
    host = QDialog()  # e.g. the kit registration window that offers the token
    host.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    host.show()
    dialog = RegistrationTokenDialog(session, runner, host)  # type: ignore[arg-type]
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # as the windows open it
    dialog.open()
    assert session.client.asked.wait(5)  # the lookup is under way
    if how == "closed":
        dialog.close()
    else:
        host.close()  # takes the token window with it
    qtbot.waitUntil(lambda: not isValid(dialog))
    session.client.release.set()
    assert runner.wait_idle(5000)
    qtbot.wait(20)
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    if isValid(host):
        host.deleteLater()


def test_tab_walks_the_form_in_reading_order(qtbot: QtBot, session: Session) -> None:
    dialog = open_dialog(qtbot, session, FakeClock())
    chain = walk_tab(qtbot, dialog.patient_choice.new_radio, 9)
    assert chain == [
        "new_radio", "first_name", "last_name", "email", "phone", "date_of_birth", "sex",
        "kit_type", "generate_button", "close_button",
    ]


def _token_copied(
    qtbot: QtBot, session: Session, clock: FakeClock
) -> RegistrationTokenDialog:
    """A token generated for a patient, and Copy pressed."""
    dialog = open_dialog(qtbot, session, clock)
    fill_patient(dialog)
    with qtbot.waitSignal(dialog.token_issued):
        qtbot.mouseClick(dialog.generate_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.countdown.copy_button, Qt.MouseButton.LeftButton)
    return dialog


def test_clipboard_is_left_alone_when_it_holds_something_else(
    qtbot: QtBot, sandbox: SandboxServer, session: Session
) -> None:
    clock = FakeClock()
    dialog = _token_copied(qtbot, session, clock)
    QGuiApplication.clipboard().setText("SPOT123456")  # she copied something else since
    clock.now += 120
    dialog.countdown.clear_clipboard_if_due()
    assert QGuiApplication.clipboard().text() == "SPOT123456"


def test_closing_the_window_does_not_leave_the_token_on_the_clipboard(
    qtbot: QtBot, sandbox: SandboxServer, session: Session
) -> None:
    clock = FakeClock()
    dialog = _token_copied(qtbot, session, clock)
    token = dialog.countdown.token_edit.text()
    secret = dialog.countdown.clipboard
    gone: list[object] = []
    dialog.destroyed.connect(lambda *_args: gone.append(True))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # as the main window opens it
    dialog.close()  # closed within the two minutes
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert gone
    assert secret.timer.isActive()  # the clipboard's timer outlives the window
    assert QGuiApplication.clipboard().text() == token
    clock.now += 120
    secret.clear_if_due()  # what its timer does
    assert QGuiApplication.clipboard().text() == ""
