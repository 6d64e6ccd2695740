"""Register a kit at the desk, end to end against the sandbox (inline runner: fast, no waits)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.api import models
from app.sandbox import SandboxServer
from app.services.session import Session
from app.tasks import TaskRunner
from app.views.desk.register_kit import RegisterKitDialog
from tests.helpers.register_kit import (  # noqa: F401
    RECIPIENT,
    TODAY,
    fill_new_patient,
    open_dialog,
    scan,
    shipped_kit,
)
from tests.helpers.tab_walk import walk_tab

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")



@pytest.fixture
def session(sandbox_session: Session) -> Session:
    return sandbox_session










def test_register_a_new_patient(qtbot: QtBot, sandbox: SandboxServer, session: Session) -> None:
    kit_id = shipped_kit(sandbox, session)
    dialog = open_dialog(qtbot, session)
    assert not dialog.register_button.isEnabled()
    scan(qtbot, dialog, kit_id.lower())
    status = {"preparing": "Preparing", "in_transit": "Shipped", "delivered": "Delivered"}[
        session.client.get_kit(kit_id).status or ""
    ]
    assert dialog.kit_status.text() == f"Kit {kit_id} · Health kit (health_kit_1) · {status}"
    assert dialog.register_button.isEnabled()
    fill_new_patient(qtbot, dialog)
    dialog.consent_check.setChecked(True)
    with qtbot.waitSignal(dialog.kit_registered) as registered:
        qtbot.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)
    assert registered.args == [kit_id]
    assert dialog.result_label.text() == f"Kit {kit_id} is registered to the patient."
    assert not dialog.register_button.isEnabled()

    kit = session.client.get_kit(kit_id)
    assert kit.status == "registered"
    assert kit.registered_to is not None
    assert kit.registered_to.first_name == "Testy"
    assert str(kit.registered_to.date_of_birth) == "1980-04-30"

    # Ready for the next kit: fields cleared, and this patient can be picked next time.
    assert dialog.patient_fields.patient()["first_name"] == ""
    # The cleared form has no messages left over (it said "Choose the sex (M or F)").
    fields = dialog.patient_fields
    assert [fields.message_text(path) for path in ("sex", "date_of_birth", "first_name")] == [
        "", "", ""
    ]
    assert not dialog.consent_check.isChecked()
    combo = dialog.patient_choice.known_combo
    assert combo.itemText(combo.count() - 1) == "McTestface, Testy · DOB ••••-••-•• (age 46)"
    second = shipped_kit(sandbox, session)
    scan(qtbot, dialog, second)
    dialog.patient_choice.existing_radio.setChecked(True)
    combo.setCurrentIndex(combo.count() - 1)
    with qtbot.waitSignal(dialog.kit_registered):
        qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    again = session.client.get_kit(second).registered_to
    assert again is not None
    assert again.patient_id == kit.registered_to.patient_id


def test_already_registered_kit_is_refused(
    qtbot: QtBot, sandbox: SandboxServer, session: Session
) -> None:
    kit_id = shipped_kit(sandbox, session)
    session.client.activate_kit(kit_id, models.KitActivation(
        first_name="Testy", last_name="McTestface", sex="F", date_of_birth=date(1980, 4, 30)))
    dialog = open_dialog(qtbot, session)
    scan(qtbot, dialog, kit_id)
    assert dialog.kit_status.text() == (
        f"Kit {kit_id} is already registered to a patient. A kit can be registered only once."
    )
    assert not dialog.register_button.isEnabled()
    assert not dialog.patient_box.isEnabled()
    assert dialog.kit_edit.hasFocus()  # ready for the next scan


def test_unknown_and_canceled_kits(
    qtbot: QtBot, sandbox: SandboxServer, session: Session
) -> None:
    dialog = open_dialog(qtbot, session)
    scan(qtbot, dialog, "SPOT000000")
    assert dialog.kit_status.text() == (
        "Spot has no kit SPOT000000. Check the id printed on the kit and scan it again."
    )
    kit_id = shipped_kit(sandbox, session)
    sandbox.force(kit_id, "canceled")
    scan(qtbot, dialog, kit_id)
    assert dialog.kit_status.text() == f"Kit {kit_id} was canceled, so it can't be registered."
    assert not dialog.register_button.isEnabled()


def test_empty_scan(qtbot: QtBot, session: Session) -> None:
    dialog = open_dialog(qtbot, session)
    qtbot.keyClick(dialog.kit_edit, Qt.Key.Key_Return)
    assert dialog.kit_status.text() == "Enter or scan the kit id first."


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("first_name", "Enter the first name"),
        ("email", "Enter an email address"),
        ("sex", "Choose the sex (M or F)"),
        ("date_of_birth", "Enter the date of birth"),
        ("address.street1", "Enter the street address"),
        ("address.state", "Choose the state"),
    ],
)
def test_new_patient_bad_inputs(
    qtbot: QtBot, sandbox: SandboxServer, session: Session, path: str, message: str
) -> None:
    kit_id = shipped_kit(sandbox, session)
    dialog = open_dialog(qtbot, session)
    scan(qtbot, dialog, kit_id)
    fill_new_patient(qtbot, dialog)
    fields = dialog.patient_fields
    if path == "sex":
        fields.sex_combo.setCurrentIndex(0)
    elif path == "date_of_birth":
        fields.birth_edit.clear()
    elif path == "address.state":
        fields.recipient.editors["address.state"].setCurrentIndex(0)  # type: ignore[union-attr]
    else:
        fields.recipient.editors[path].clear()
    qtbot.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)
    assert fields.message_text(path) == message
    assert dialog.result_label.text() == (
        "Some details need fixing; see the messages under the fields."
    )
    assert fields.editor(path).hasFocus()
    assert session.client.get_kit(kit_id).status != "registered"


def test_existing_patient_from_an_earlier_kit(
    qtbot: QtBot, sandbox: SandboxServer, session: Session
) -> None:
    first = shipped_kit(sandbox, session)
    session.client.activate_kit(first, models.KitActivation(
        first_name="Testy", last_name="McTestface", sex="F", date_of_birth=date(1980, 4, 30)))
    second = shipped_kit(sandbox, session)
    dialog = open_dialog(qtbot, session)
    combo = dialog.patient_choice.known_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Choose a patient…", "McTestface, Testy · DOB ••••-••-•• (age 46)"
    ]
    scan(qtbot, dialog, second)
    assert dialog.patient_choice.existing_radio.isEnabled()
    dialog.patient_choice.existing_radio.setChecked(True)
    assert not dialog.new_patient_area.isVisible()
    qtbot.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)
    assert dialog.result_label.text() == "Choose the patient first."
    combo.setCurrentIndex(1)
    with qtbot.waitSignal(dialog.kit_registered):
        qtbot.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)
    one = session.client.get_kit(first).registered_to
    two = session.client.get_kit(second).registered_to
    assert one is not None
    assert two is not None
    assert two.patient_id == one.patient_id


def test_kit_type_without_api_activation(
    qtbot: QtBot, sandbox: SandboxServer, session: Session
) -> None:
    kit_id = shipped_kit(sandbox, session, "std_panel_kit")
    dialog = open_dialog(qtbot, session)
    dialog.set_kit_id(kit_id)
    fill_new_patient(qtbot, dialog)
    qtbot.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)
    assert dialog.result_label.text() == (
        "Spot didn't register the kit: Kit type std_panel_kit cannot be activated through the API"
    )
    assert dialog.register_button.isEnabled()  # nothing changed on Spot's side; may retry


def test_real_runner_and_closing_before_the_answer(
    qtbot: QtBot, sandbox: SandboxServer, session: Session, runner: TaskRunner
) -> None:
    kit_id = shipped_kit(sandbox, session)
    dialog = RegisterKitDialog(session, runner, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_kit_id(kit_id)
    assert dialog.kit_status.text() == f"Looking up kit {kit_id}…"  # the GUI didn't wait
    qtbot.waitUntil(dialog.register_button.isEnabled)
    fill_new_patient(qtbot, dialog)
    with qtbot.waitSignal(dialog.kit_registered):
        qtbot.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)
    assert session.client.get_kit(kit_id).status == "registered"

    closing = RegisterKitDialog(session, runner, today=TODAY)
    closing.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    closing.show()
    closing.set_kit_id(kit_id)
    closing.close()  # answers still on their way must not reach the deleted dialog
    assert runner.wait_idle(5000)
    qtbot.wait(20)


def test_tab_walks_the_form_in_reading_order(
    qtbot: QtBot, sandbox: SandboxServer, session: Session
) -> None:
    """Tab skipped the date of birth and the sex (they came after the ZIP code)."""
    kit_id = shipped_kit(sandbox, session)
    dialog = open_dialog(qtbot, session)
    scan(qtbot, dialog, kit_id)
    qtbot.waitUntil(dialog.register_button.isEnabled)
    seen = walk_tab(qtbot, dialog.kit_edit, 19)
    assert seen == [
        "kit_id", "lookup_button", "new_radio",  # no earlier patients: "existing" is off
        "first_name", "last_name", "email", "phone", "date_of_birth", "sex",
        "address.country", "address.street1", "address.street2", "address.city",
        "address.state", "address.zip", "research_consent", "token_button",
        "register_button", "close_button", "kit_id",
    ]
