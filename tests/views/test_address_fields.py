"""RecipientFields on its own: the reusable group the kit registration and requisition forms use."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from app.validation import Finding, validate_patient
from app.views.common.address_fields import RecipientFields
from tests.helpers.validation import us_recipient

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

RECIPIENT = us_recipient()


@pytest.fixture
def fields(qtbot: QtBot) -> RecipientFields:
    widget = RecipientFields()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def leave(qtbot: QtBot, fields: RecipientFields, path: str, text: str) -> None:
    edit = fields.editor(path)
    assert isinstance(edit, QLineEdit)
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)


def test_values_round_trip_in_spot_recipient_shape(fields: RecipientFields) -> None:
    fields.set_recipient(RECIPIENT)
    assert fields.recipient() == RECIPIENT
    assert fields.findings() == []
    assert not fields.is_empty()
    fields.clear()
    assert fields.is_empty()
    assert fields.recipient()["address"]["country"] == "US"


def test_unknown_state_from_a_draft_is_kept_and_shown_as_is(fields: RecipientFields) -> None:
    fields.set_recipient(RECIPIENT | {"address": RECIPIENT["address"] | {"state": "XX"}})
    assert fields.recipient()["address"]["state"] == "XX"
    fields.reveal_all()
    assert fields.message_text("address.state") == (
        "Choose a US state or territory (for example CA or NY)"
    )


def test_typing_a_state_code_picks_it(qtbot: QtBot, fields: RecipientFields) -> None:
    state = fields.editor("address.state")
    assert isinstance(state, QComboBox)
    state.setFocus()
    qtbot.keyClicks(state, "NY")
    assert fields.recipient()["address"]["state"] == "NY"
    assert state.currentText() == "NY – New York"


def test_canada_selected_reads_province_and_postal_code(fields: RecipientFields) -> None:
    fields.set_recipient({"address": {"country": "CA", "state": "qc", "zip": "h2x 1y4"}})
    assert fields.country() == "CA"
    assert fields.recipient()["address"]["state"] == "QC"
    assert fields.labels["address.zip"].text().replace("&", "") == "Postal code"


def test_server_messages_stay_until_that_field_changes(
    qtbot: QtBot, fields: RecipientFields
) -> None:
    fields.set_recipient(RECIPIENT)
    unmatched = fields.set_server_errors(
        {"address.zip": ["Not deliverable"], "middle_name": ["Not allowed"]}
    )
    assert unmatched == {"middle_name": ["Not allowed"]}
    assert fields.message_text("address.zip") == "Not deliverable"
    assert [f.message for f in fields.blocking()] == ["Not deliverable"]
    leave(qtbot, fields, "first_name", "Alicia")  # another field: still there
    assert fields.message_text("address.zip") == "Not deliverable"
    leave(qtbot, fields, "address.zip", "94107")
    assert fields.message_text("address.zip") == ""
    assert fields.blocking() == []


def test_warning_blocks_until_confirmed(qtbot: QtBot, fields: RecipientFields) -> None:
    fields.set_recipient(RECIPIENT)
    leave(qtbot, fields, "address.street1", "PO Box 12")
    assert [f.field for f in fields.blocking()] == ["address.street1"]
    confirm = fields.messages["address.street1"].confirm
    assert confirm.text() == "Ship anyway"
    confirm.click()
    assert fields.blocking() == []
    leave(qtbot, fields, "address.street1", "PO Box 13")
    assert not confirm.isChecked()
    assert [f.field for f in fields.blocking()] == ["address.street1"]


def test_another_validator_can_be_plugged_in(qtbot: QtBot) -> None:
    calls: list[dict[str, Any]] = []

    def validate(person: dict[str, Any]) -> list[Finding]:
        calls.append(person)
        return validate_patient(person | {"sex": "F", "date_of_birth": "1980-04-30"})

    fields = RecipientFields(validate=validate, title="Patient")
    qtbot.addWidget(fields)
    fields.show()
    fields.set_recipient(RECIPIENT | {"phone": ""})  # phone is optional for patients
    assert calls
    assert fields.findings() == []


def test_read_only_stops_editing(qtbot: QtBot, fields: RecipientFields) -> None:
    fields.set_recipient(RECIPIENT)
    fields.set_read_only(True)
    edit = fields.editor("first_name")
    edit.setFocus()
    qtbot.keyClicks(edit, "X")
    assert fields.recipient()["first_name"] == "Alice"
    assert not fields.editor("address.state").isEnabled()


def test_focus_first_problem_goes_to_the_first_field_in_form_order(
    fields: RecipientFields,
) -> None:
    fields.set_recipient(RECIPIENT | {"email": "nope", "address": RECIPIENT["address"] | {
        "zip": ""}})  # fmt: skip
    assert fields.focus_first_problem()
    assert QApplication.focusWidget() is fields.editor("email")


def test_typing_after_a_restore_is_not_mistaken_for_a_paste(
    qtbot: QtBot, fields: RecipientFields
) -> None:
    fields.set_recipient(RECIPIENT | {"address": RECIPIENT["address"] | {
        "street1": "1600 Example Ave, San Francisco, CA 94105"}})  # fmt: skip
    street1 = fields.editor("address.street1")
    street1.setFocus()
    qtbot.keyClick(street1, Qt.Key.Key_End)
    qtbot.keyClicks(street1, "x")
    assert not fields.split_offered()


def test_tabbing_through_an_untouched_field_says_nothing_until_it_was_edited(
    qtbot: QtBot, fields: RecipientFields
) -> None:
    fields.activateWindow()
    qtbot.waitUntil(fields.isActiveWindow)
    first = fields.editor("first_name")
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Tab)  # left without typing
    assert QApplication.focusWidget() is not first
    assert fields.messages["first_name"].text() == ""
    leave(qtbot, fields, "first_name", "A")
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Backspace)  # typed, then emptied: now it is an answer
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    assert fields.messages["first_name"].text() == "Enter the first name"
