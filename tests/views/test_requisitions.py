"""Requisitions tab and form end to end against the sandbox (inline runner: fast)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QComboBox, QGroupBox, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from app.api import models
from app.paths import paths
from app.sandbox import SandboxServer
from app.services.environments import Environment
from app.services.requisitions import create_requisition
from app.services.session import Session
from app.tasks import InlineTaskRunner
from app.views.desk.register_kit import RegisterKitDialog
from app.views.desk.registration_token import RegistrationTokenDialog
from app.views.requisitions.form import NewRequisitionDialog, NewRequisitionForm
from app.views.requisitions.view import (
    RequisitionDetail,
    RequisitionsView,
    RequisitionTableModel,
    requisition_steps,
)
from app.views.theme import badge_colors
from tests.helpers.tab_walk import walk_tab

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)

TODAY = date(2026, 6, 1)
PATIENT = {
    "first_name": "Testy", "last_name": "McTestface", "email": "testy@example.com",
    "phone": "",
    "address": {"street1": "1 Fixture Lane", "street2": "", "city": "Columbus", "state": "OH",
                "country": "US", "zip": "43004"},
}


@pytest.fixture
def session(sandbox: SandboxServer) -> Iterator[Session]:
    live = Session.open(
        Environment.sandbox(sandbox.base_url), sandbox.token, paths(), start_outbox=False,
    )
    yield live
    live.close()


def api_form(barcode: str, **changes: Any) -> dict[str, Any]:
    form: dict[str, Any] = {
        "barcode": barcode, "lab": "CRL", "account_number": "ACCT-1", "panels": "PANEL-123",
        "state_collected": "OH",
        "patient": {**PATIENT, "sex": "F", "date_of_birth": "1980-04-30"},
        "tracking": {}, "attributes": {}, "metadata": {},
    }
    form.update(changes)
    return form


def make_view(qtbot: QtBot, session: Session, **options: Any) -> RequisitionsView:
    view = RequisitionsView(session, InlineTaskRunner(), today=TODAY, **options)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    return view


def fill_form(form: NewRequisitionForm, barcode: str = "TESTBC0001") -> None:
    form.set_value("barcode", barcode)
    form.set_value("lab", "CRL")
    form.set_value("account_number", "ACCT-1")
    form.set_value("panels", "PANEL-123")
    form.set_value("state_collected", "OH")
    fields = form.patient_fields
    fields.recipient.set_recipient(PATIENT)
    fields.sex_combo.setCurrentIndex(fields.sex_combo.findData("F"))
    fields.birth_edit.set_value(date(1980, 4, 30))
    form.set_value("tracking.carrier", "usps")
    form.set_value("tracking.tracking_number", "9400111202555842332669")
    form.set_value("attributes.crl_slip_id", "SLIP42")
    form.metadata_editor.key_edit(0).setText("desk")
    form.metadata_editor.value_edit(0).setText("front")


def cells(view: RequisitionsView, column: int) -> list[str]:
    model = view.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_model_is_well_behaved(qtmodeltester: Any) -> None:
    model = RequisitionTableModel()
    model.set_rows([models.Requisition.model_validate(
        {"requisition_id": "r1", "barcode": "B1", "status": "teleported", "panels": ["P"]})])
    qtmodeltester.check(model)
    status = model.index(0, RequisitionTableModel.COL_STATUS)
    assert status.data() == "teleported"
    palette = QGuiApplication.palette()
    assert status.data(Qt.ItemDataRole.BackgroundRole) == badge_colors("neutral", palette)[0]
    model.set_rows([models.Requisition.model_validate(
        {"requisition_id": "r2", "status": "denied"})])
    denied = model.index(0, RequisitionTableModel.COL_STATUS)
    assert denied.data() == "Denied"
    assert denied.data(Qt.ItemDataRole.BackgroundRole) == badge_colors("warning", palette)[0]


def test_create_through_the_form_and_find_it_with_its_events(
    qtbot: QtBot, session: Session
) -> None:
    view = make_view(qtbot, session)
    assert view.status_label.text() == "No requisitions yet."
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    dialog = view.new_requisition_dialog()
    assert isinstance(dialog, NewRequisitionDialog)
    qtbot.addWidget(dialog)
    # A scanner types the barcode and presses Enter: that moves on, it doesn't submit.
    qtbot.keyClicks(dialog.form.editors["barcode"], "TESTBC0001")
    qtbot.keyClick(dialog.form.editors["barcode"], Qt.Key.Key_Return)
    assert dialog.isVisible()
    fill_form(dialog.form)
    with qtbot.waitSignal(view.requisition_created):
        qtbot.mouseClick(dialog.form.submit_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    assert cells(view, RequisitionTableModel.COL_BARCODE) == ["TESTBC0001"]
    assert cells(view, RequisitionTableModel.COL_PATIENT) == ["Testy McTestface"]
    assert cells(view, RequisitionTableModel.COL_STATUS) == ["Approved"]
    detail = view.detail
    assert detail.title_label.text() == "Barcode TESTBC0001 — Approved"
    assert [(s.label, s.state) for s in detail.timeline.steps()] == [
        ("Created", "done"), ("Approved", "current"), ("Delivered to the lab", "upcoming"),
        ("Received by the lab", "upcoming"), ("Resulted", "upcoming"),
    ]
    assert detail.values["tracking"].text() == "USPS 9400111202555842332669"
    assert detail.values["attributes"].text() == "crl_slip_id: SLIP42"
    assert detail.values["metadata"].text() == "desk: front"
    assert detail.report_buttons == []


def test_resulted_requisition_opens_its_report(
    qtbot: QtBot, sandbox: SandboxServer, session: Session
) -> None:
    created = create_requisition(session.client, api_form("TESTBC0002"))
    sandbox.advance(12)
    view = make_view(qtbot, session)
    view.table.selectRow(0)
    detail = view.detail
    final = session.client.get_requisition(created.requisition_id)
    assert final.status == "resulted"  # the sandbox's fates are fixed by its rng_seed
    labels = [s.label for s in detail.timeline.steps()]
    assert "Delivered to the lab" not in labels  # no tracking: that step never happens
    current = detail.timeline.current_step()
    assert current is not None
    assert current.label == "Resulted"
    assert len(detail.report_buttons) == len(final.reports) >= 1
    with qtbot.waitSignal(view.open_report_requested) as blocker:
        qtbot.mouseClick(detail.report_buttons[0], Qt.MouseButton.LeftButton)
    (request,) = blocker.args
    assert request.report.report_id == final.reports[0].report_id
    assert (request.kit_id, request.sample_id) == (final.requisition_id, "TESTBC0002")


def test_filters_and_pages(qtbot: QtBot, session: Session) -> None:
    for number in range(3):
        create_requisition(session.client, api_form(f"TESTOK{number}"))
    create_requisition(session.client, api_form("TESTNY1", state_collected="NY"))  # denied
    view = make_view(qtbot, session, page_size=2)
    assert cells(view, RequisitionTableModel.COL_BARCODE) == ["TESTNY1", "TESTOK2"]
    assert view.page_label.text() == "Showing 1–2"
    assert not view.previous_button.isEnabled()
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert cells(view, RequisitionTableModel.COL_BARCODE) == ["TESTOK1", "TESTOK0"]
    assert view.page_label.text() == "Showing 3–4"
    assert not view.next_button.isEnabled()
    qtbot.mouseClick(view.previous_button, Qt.MouseButton.LeftButton)
    assert view.page_label.text() == "Showing 1–2"

    view.filter_status.setCurrentIndex(view.filter_status.findData("denied"))
    qtbot.mouseClick(view.search_button, Qt.MouseButton.LeftButton)
    assert cells(view, RequisitionTableModel.COL_BARCODE) == ["TESTNY1"]
    view.table.selectRow(0)
    steps = view.detail.timeline.steps()
    assert [(s.label, s.state, s.tone) for s in steps[:2]] == [
        ("Created", "done", "normal"), ("Denied", "current", "warning")]
    assert {s.state for s in steps[2:]} == {"skipped"}

    view.filter_status.setCurrentIndex(0)
    qtbot.keyClicks(view.filter_lab, "crl")
    qtbot.keyClick(view.filter_lab, Qt.Key.Key_Return)
    assert view.model.rowCount() == 0
    assert view.status_label.text() == "No requisitions match."
    qtbot.mouseClick(view.clear_button, Qt.MouseButton.LeftButton)
    assert view.model.rowCount() == 2


def test_duplicate_barcode_lands_on_the_barcode(qtbot: QtBot, session: Session) -> None:
    create_requisition(session.client, api_form("TESTDUP1"))
    form = NewRequisitionForm(session, InlineTaskRunner(), today=TODAY)
    qtbot.addWidget(form)
    form.show()
    fill_form(form, "TESTDUP1")
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert form.message_text("barcode") == "A requisition with this barcode already exists"
    assert form.message_label.text() == (
        "Spot didn't accept the details. Correct the fields below, then try again."
    )
    editor = form.editors["barcode"]
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "X")  # a new value clears the server's message
    assert form.message_text("barcode") == ""


TURNED_OFF = "Requisitions are turned off for this Spot account."
HOW_TO = "Ask Spot support to enable requisitioning for your account."


def test_turned_off_account_is_explained(
    qtbot: QtBot, sandbox: SandboxServer, session: Session
) -> None:
    sandbox.set_requisitions_enabled(False)
    view = make_view(qtbot, session)
    assert view.is_disabled_notice_shown()
    assert view.disabled_title.text() == TURNED_OFF
    assert view.disabled_advice.text() == HOW_TO
    assert not view.new_button.isEnabled()
    sandbox.set_requisitions_enabled(True)
    qtbot.mouseClick(view.findChild(type(view.new_button), "retry_button"),
                     Qt.MouseButton.LeftButton)
    assert not view.is_disabled_notice_shown()
    assert view.new_button.isEnabled()


def test_turned_off_while_the_form_is_open(
    qtbot: QtBot, sandbox: SandboxServer, session: Session
) -> None:
    view = make_view(qtbot, session)
    view.open_new_requisition()
    dialog = view.new_requisition_dialog()
    assert isinstance(dialog, NewRequisitionDialog)
    qtbot.addWidget(dialog)
    fill_form(dialog.form)
    sandbox.set_requisitions_enabled(False)
    qtbot.mouseClick(dialog.form.submit_button, Qt.MouseButton.LeftButton)
    assert dialog.form.message_label.text() == f"{TURNED_OFF} {HOW_TO}"
    assert view.is_disabled_notice_shown()


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("barcode", "", "Enter or scan the barcode on the sample"),
        ("barcode", "AB 12", "A barcode has no spaces; scan it again"),
        ("lab", "", "Enter the lab, like CRL"),
        ("account_number", "", "Enter the lab account number"),
        ("panels", " , ", "Enter at least one panel code"),
        ("state_collected", "", "Choose the state or province where the sample was collected"),
        ("tracking.tracking_number", "", "Enter the tracking number, or leave the carrier empty"),
        ("attributes.crl_slip_id", "ABCDEFGHIJK",
         "CRL slip ID: letters and digits only, at most 10"),
        ("attributes.crl_slip_id", "AB-12", "CRL slip ID: letters and digits only, at most 10"),
        ("attributes.crl_tier3_account_number", "1234567",
         "CRL tier 3 account number: exactly 8 letters and digits"),
        ("patient.last_name", "", "Enter the last name"),
        ("patient.address.zip", "1234", "Enter a ZIP code like 12345 or 12345-6789"),
    ],
)
def test_bad_inputs(
    qtbot: QtBot, session: Session, path: str, value: str, message: str
) -> None:
    form = NewRequisitionForm(session, InlineTaskRunner(), today=TODAY)
    qtbot.addWidget(form)
    form.show()
    fill_form(form)
    if path.startswith("patient."):
        editor = form.editor(path)
        assert isinstance(editor, QLineEdit)
        editor.setText(value)
    else:
        form.set_value(path, value)
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert form.message_text(path) == message
    assert form.message_label.text() == (
        "Some details need fixing; see the messages next to the fields."
    )
    assert session.client.list_requisitions() == []  # nothing reached Spot


def test_tracking_number_without_carrier(qtbot: QtBot, session: Session) -> None:
    form = NewRequisitionForm(session, InlineTaskRunner(), today=TODAY)
    qtbot.addWidget(form)
    fill_form(form)
    carrier = form.editors["tracking.carrier"]
    assert isinstance(carrier, QComboBox)
    carrier.setCurrentIndex(0)
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert form.message_text("tracking.carrier") == "Choose the carrier for this tracking number"


def test_unknown_events_are_shown_as_they_came() -> None:
    requisition = models.Requisition.model_validate({
        "requisition_id": "r1", "status": "on_hold_by_lab", "tracking": None,
        "events": [{"event": "created", "date": "2026-03-01T10:00:00Z"},
                   {"event": "approved", "date": "2026-03-01T10:00:00Z"},
                   {"event": "on_hold_by_lab", "date": "2026-03-03T10:00:00Z"}],
    })
    labels = {"created": "Created", "approved": "Approved"}
    steps = requisition_steps(requisition, labels)
    assert [(s.label, s.state, s.tone) for s in steps] == [
        ("Created", "done", "normal"), ("Approved", "done", "normal"),
        ("on_hold_by_lab", "current", "unknown"), ("received", "upcoming", "normal"),
        ("resulted", "upcoming", "normal"),
    ]


def mnemonics(root: QWidget) -> list[str]:
    """The Alt+letter keys of every visible label and button under ``root``."""
    keys = []
    for widget in root.findChildren(QWidget):
        if widget.window() is not root.window() or not widget.isVisibleTo(root):
            continue
        if not isinstance(widget, QLabel | QAbstractButton):
            continue
        match = re.search(r"&([^&])", widget.text().replace("&&", ""))
        if match:
            keys.append(match.group(1).lower())
    return keys


def test_no_two_alt_keys_clash(qtbot: QtBot, session: Session) -> None:
    view = make_view(qtbot, session)
    view.open_new_requisition()
    dialog = view.new_requisition_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    register = RegisterKitDialog(session, InlineTaskRunner(), today=TODAY)
    token = RegistrationTokenDialog(session, InlineTaskRunner(), today=TODAY)
    for widget in (view, dialog, register, token):
        qtbot.addWidget(widget)
        widget.show()
        keys = mnemonics(widget)
        assert len(keys) > 5
        assert sorted(keys) == sorted(set(keys)), type(widget).__name__


def test_doubly_nested_address_from_the_docs_is_shown(qtbot: QtBot) -> None:
    detail = RequisitionDetail()
    qtbot.addWidget(detail)
    detail.show_requisition(models.Requisition.model_validate({
        "requisition_id": "r1", "barcode": "B1", "status": "approved",
        "patient": {"first_name": "Testy", "address": {"address": {
            "street1": "1 Fixture Lane", "city": "Columbus", "state": "OH", "country": "US",
            "zip": "43004"}}},
    }))
    assert detail.values["address"].text() == "1 Fixture Lane, Columbus, OH, 43004, United States"
    assert detail.values["tracking"].text() == "None"
    assert detail.values["attributes"].text() == "—"


def test_detail_hides_the_date_of_birth_but_keeps_age_and_sex(qtbot: QtBot) -> None:
    detail = RequisitionDetail(today=TODAY)
    qtbot.addWidget(detail)
    detail.show_requisition(models.Requisition.model_validate({
        "requisition_id": "r1", "barcode": "B1", "status": "approved",
        "patient": {"first_name": "Testy", "sex": "F", "date_of_birth": "1980-04-30"},
    }))
    shown = detail.values["born"].text()
    assert shown == "DOB ••••-••-•• (age 46) / F"
    assert "1980" not in shown


def test_date_range_filter_is_typed(qtbot: QtBot, sandbox: SandboxServer, session: Session) -> None:
    create_requisition(session.client, api_form("TESTOLD1"))
    sandbox.advance(10)
    create_requisition(session.client, api_form("TESTNEW1"))
    view = make_view(qtbot, session)
    assert view.filter_from.text() == "Any"
    day = sandbox.now().date().isoformat()
    qtbot.keyClicks(view.filter_from, day)
    qtbot.mouseClick(view.search_button, Qt.MouseButton.LeftButton)
    assert cells(view, RequisitionTableModel.COL_BARCODE) == ["TESTNEW1"]
    qtbot.mouseClick(view.clear_button, Qt.MouseButton.LeftButton)
    assert view.filter_from.text() == "Any"
    assert cells(view, RequisitionTableModel.COL_BARCODE) == ["TESTNEW1", "TESTOLD1"]


def test_tab_walks_the_requisition_form_in_reading_order(
    qtbot: QtBot, session: Session
) -> None:
    dialog = NewRequisitionDialog(session, InlineTaskRunner(), today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    chain = walk_tab(qtbot, dialog.form.editors["barcode"], 26)
    assert chain == [
        "barcode", "lab", "account_number", "panels", "state_collected",
        "first_name", "last_name", "email", "phone", "date_of_birth", "sex",
        "address.country", "address.street1", "address.street2", "address.city",
        "address.state", "address.zip", "tracking.carrier", "tracking.tracking_number",
        "attributes.crl_slip_id", "attributes.crl_tier3_account_number",
        "Note name", "Note", "metadata_add", "submit_button", "cancel_button",
        "barcode",
    ]


@pytest.mark.parametrize(
    ("country", "shown"),
    [("CA", "Canada"), ("US", "United States"), ("MX", "MX")],  # unknown: as it came
)
def test_address_names_the_country(qtbot: QtBot, country: str, shown: str) -> None:
    """"CA" under an address read as California."""
    detail = RequisitionDetail()
    qtbot.addWidget(detail)
    detail.show_requisition(models.Requisition.model_validate({
        "requisition_id": "r1", "barcode": "B1", "status": "approved",
        "patient": {"first_name": "Testy", "address": {
            "street1": "100 Example Street", "city": "Toronto", "state": "ON",
            "country": country, "zip": "M5V 2T6"}},
    }))
    assert detail.values["address"].text() == (
        f"100 Example Street, Toronto, ON, M5V 2T6, {shown}"
    )


def test_filters_and_notes_use_desk_words(qtbot: QtBot, session: Session) -> None:
    view = make_view(qtbot, session)
    placeholders = [edit.placeholderText() for edit in view.findChildren(QLineEdit)]
    assert "Lab name as on the requisition" in placeholders
    assert "Phone as on the requisition" in placeholders
    dialog = NewRequisitionDialog(session, InlineTaskRunner(), today=TODAY)
    qtbot.addWidget(dialog)
    words = [w.text() for w in dialog.findChildren(QLabel)] + [
        w.title() for w in dialog.findChildren(QGroupBox)
    ]
    assert "Notes for your records (optional)" in words
    everything = " ".join([*placeholders, *words])
    for developer_words in ("Metadata", "CRL (exact, case matters)", "Digits as sent", "key"):
        assert developer_words not in everything
