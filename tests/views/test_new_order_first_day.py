"""The order form as a receptionist met it on her first day (issue 13): messages that go
stale, Tab after a warning, fields that jump, the placed order's look, the words used."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from app.tasks import InlineTaskRunner
from app.views.new_order.form import NewOrderDialog, NewOrderForm
from tests.helpers.fakes import FakeSession
from tests.helpers.order_form import GOOD, editor, fill, type_into
from tests.helpers.tab_walk import walk_tab

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def session() -> FakeSession:
    return FakeSession()


@pytest.fixture
def form(qtbot: QtBot, session: FakeSession) -> NewOrderForm:
    widget = NewOrderForm(session, InlineTaskRunner())
    qtbot.addWidget(widget)
    widget.resize(720, 700)  # the order window's width
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def test_fix_the_problems_counts_down_and_goes(qtbot: QtBot, form: NewOrderForm) -> None:
    fill(qtbot, form, {**GOOD, "first_name": "", "address.city": ""}, kit=None)
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert form.status_text() == "Fix the 3 problems marked above before placing the order."
    type_into(qtbot, form, "first_name", "Alice")
    assert form.status_text() == "Fix the 2 problems marked above before placing the order."
    type_into(qtbot, form, "address.city", "San Francisco")
    assert form.status_text() == "Fix the problem marked above before placing the order."
    combo = form.kits.combo(0)
    combo.setCurrentIndex(combo.findText("Vitamin D kit"))
    assert form.status_text() == ""
    assert form.status_bar.isHidden()


ORDER_CHAIN = [
    "first_name", "last_name", "email", "phone", "address.country", "address.street1",
    "address.street2", "address.city", "address.state", "address.zip",
    "confirm:address.zip",  # the ZIP warning's "Ship anyway", right under it
    "kit_type_0", "kit_quantity_0", "kit_add", "metadata_toggle", "submit_button",
    "close_button", "first_name",
]


def warn_on_zip(qtbot: QtBot, form: NewOrderForm) -> None:
    fill(qtbot, form, {**GOOD, "address.zip": "99999"}, kit=None)  # Alaska, not California
    assert form.fields.message_text("address.zip").startswith("ZIP code 99999 belongs to")


def test_tab_walks_the_order_form_in_reading_order(qtbot: QtBot, session: FakeSession) -> None:
    dialog = NewOrderDialog(session, InlineTaskRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    form = dialog.form
    warn_on_zip(qtbot, form)
    assert walk_tab(qtbot, editor(form, "first_name"), len(ORDER_CHAIN) - 1) == ORDER_CHAIN


def test_tab_order_holds_after_the_kit_rows_are_rebuilt(qtbot: QtBot, form: NewOrderForm) -> None:
    """"Another order for this patient" rebuilds the kit rows; Tab went ZIP → Ship anyway →
    Metadata → Place order → Kit type."""
    fill(qtbot, form)
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    form._session.outbox.report("item-1", state="sent", order_id="O7654321", attempts=1)
    qtbot.mouseClick(form.another_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, form, "address.zip", "99999")
    chain = walk_tab(qtbot, editor(form, "address.zip"), 5)
    assert chain == ["address.zip", "confirm:address.zip", "kit_type_0", "kit_quantity_0",
                     "kit_add", "metadata_toggle"]


def test_a_second_kit_row_comes_right_after_the_first(qtbot: QtBot, form: NewOrderForm) -> None:
    fill(qtbot, form)
    qtbot.mouseClick(form.kits.add_button, Qt.MouseButton.LeftButton)
    chain = walk_tab(qtbot, form.kits.quantity(0), 4)
    assert chain == ["kit_quantity_0", "kit_type_1", "kit_quantity_1", "kit_add",
                     "metadata_toggle"]


def test_close_button_closes_the_order_window(qtbot: QtBot, session: FakeSession) -> None:
    dialog = NewOrderDialog(session, InlineTaskRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.form.close_button.isVisible()
    assert dialog.form.close_button.text() == "Close"
    qtbot.mouseClick(dialog.form.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_close_asks_first_when_typing_would_be_lost(qtbot: QtBot, session: FakeSession) -> None:
    dialog = NewOrderDialog(session, InlineTaskRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    fill(qtbot, dialog.form)
    qtbot.mouseClick(dialog.form.close_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.form.confirm_box is not None
    assert dialog.form.confirm_box.text() == "What you typed for this order will be lost."
    dialog.form.confirm_box.reject()


def test_a_placed_orders_fields_look_disabled(qtbot: QtBot, form: NewOrderForm) -> None:
    fill(qtbot, form)
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    form._session.outbox.report("item-1", state="sent", order_id="O7654321", attempts=1)
    assert form.status_text() == "Order O7654321 placed. Spot will ship the kits."
    editors = [editor(form, p) for p in GOOD] + form.kits.editors()
    assert [w.objectName() for w in editors if w.isEnabled()] == []
    assert not form.metadata.isEnabled()


def settled_ys(qtbot: QtBot, form: NewOrderForm, widgets: list[QWidget]) -> list[int]:
    """Where ``widgets`` sit once the layout has finished its pending passes."""
    seen: list[list[int]] = []

    def unchanged() -> bool:
        seen.append([y_of(form, widget) for widget in widgets])
        return len(seen) > 1 and seen[-1] == seen[-2]

    qtbot.waitUntil(unchanged)
    return seen[-1]


def y_of(form: NewOrderForm, widget: QWidget) -> int:
    """Where ``widget`` sits in the form's scrolling body (scrolling itself is no move)."""
    body = form.fields.parentWidget()
    assert body is not None
    return widget.mapTo(body, widget.rect().topLeft()).y()


def test_fields_stay_put_when_messages_come_and_go(qtbot: QtBot, form: NewOrderForm) -> None:
    """A message appearing above a field pushed it down, so a click landed on another."""
    below = [editor(form, "address.country"), editor(form, "address.city"),
             form.kits.combo(0), form.metadata_toggle]
    fill(qtbot, form, GOOD, kit=None)
    before = settled_ys(qtbot, form, below)

    type_into(qtbot, form, "email", "")  # an error under Email
    type_into(qtbot, form, "address.street1", "")  # an error under Street
    assert form.fields.message_text("email") == "Enter an email address"
    assert form.fields.message_text("address.street1") == "Enter the street address"
    assert settled_ys(qtbot, form, below) == before
    type_into(qtbot, form, "email", GOOD["email"])  # and back: nothing jumps up either
    assert form.fields.message_text("email") == ""
    assert settled_ys(qtbot, form, below) == before


def test_a_warning_with_ship_anyway_takes_one_line(qtbot: QtBot, form: NewOrderForm) -> None:
    fill(qtbot, form, GOOD, kit=None)
    kit_y = settled_ys(qtbot, form, [form.kits.combo(0)])
    type_into(qtbot, form, "address.zip", "99999")
    message = form.fields.messages["address.zip"]
    assert message.confirm.isVisible()
    assert settled_ys(qtbot, form, [form.kits.combo(0)]) == kit_y


def test_notes_for_your_records_not_metadata(qtbot: QtBot, form: NewOrderForm) -> None:
    assert form.metadata_toggle.text() == "Notes for your recor&ds (optional)"
    qtbot.mouseClick(form.metadata_toggle, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(form.metadata.key_edit(0), "room")
    qtbot.keyClicks(form.metadata.value_edit(0), "4B")
    fill(qtbot, form)
    assert form.summary.text().splitlines()[-1] == "Notes: room = 4B"
    assert "Metadata" not in form.summary.text()


def test_summary_names_the_country(qtbot: QtBot, form: NewOrderForm) -> None:
    country = editor(form, "address.country")
    assert isinstance(country, QComboBox)
    country.setCurrentIndex(country.findData("CA"))
    fill(qtbot, form, {**GOOD, "address.state": "ON", "address.zip": "M5V 2T6",
                       "address.city": "Toronto"})
    assert "Canada" in form.summary.text().splitlines()


def test_the_first_problem_is_scrolled_into_view(qtbot: QtBot, session: FakeSession) -> None:
    """On a small screen the form scrolls; Place order must show the field it complains of."""
    dialog = NewOrderDialog(session, InlineTaskRunner())
    qtbot.addWidget(dialog)
    dialog.resize(dialog.width(), 300)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    form = dialog.form
    fill(qtbot, form, {**GOOD, "address.zip": ""})
    scroll = form.findChild(QScrollArea)
    assert scroll is not None
    scroll.verticalScrollBar().setValue(0)  # the user scrolls back to the top
    zip_edit = editor(form, "address.zip")
    qtbot.waitUntil(lambda: zip_edit.visibleRegion().isEmpty())
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert zip_edit.hasFocus()
    qtbot.waitUntil(lambda: not zip_edit.visibleRegion().isEmpty())


def test_a_long_message_does_not_push_the_fields_below(qtbot: QtBot, form: NewOrderForm) -> None:
    """Longer than its line in a half-width column: cut with "…", the whole text on hover."""
    below = [editor(form, "address.street1"), editor(form, "address.city"), form.kits.combo(0)]
    fill(qtbot, form, GOOD, kit=None)
    before = settled_ys(qtbot, form, below)
    long_text = "Spot says: " + "this address could not be checked against the carrier " * 4
    form.fields.set_server_errors({"email": [long_text]})
    message = form.fields.messages["email"]
    qtbot.waitUntil(message.isVisible)
    assert settled_ys(qtbot, form, below) == before
    assert form.fields.message_text("email") == long_text  # nothing lost
    assert message.label.toolTip() == long_text
    assert message.label.text().endswith("…")
