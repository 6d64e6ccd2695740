"""NewOrderForm driven like a user (type, Tab, Enter, click) with small hand-written fakes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from app.services.drafts import OPEN_DRAFTS, DraftWriter
from app.tasks import InlineTaskRunner
from app.views.new_order.form import NewOrderDialog, NewOrderForm
from tests.helpers.fakes import FakeDrafts, FakeSession
from tests.helpers.keys import clashing_alt_keys
from tests.helpers.main_window import make_row
from tests.helpers.order_form import GOOD, editor, fill, shown, type_into

# The offscreen platform warns whenever a top-level window's size constraints change.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

# --- helpers -------------------------------------------------------------------------------



@pytest.fixture
def session() -> FakeSession:
    return FakeSession()


@pytest.fixture
def runner() -> InlineTaskRunner:
    return InlineTaskRunner()


@pytest.fixture
def form(qtbot: QtBot, session: FakeSession, runner: InlineTaskRunner) -> NewOrderForm:
    widget = NewOrderForm(session, runner)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def wait_laid_out(qtbot: QtBot, widget: QWidget) -> None:
    """A bar just shown gets its height on the layout's next pass; a user clicks after it."""
    qtbot.waitUntil(lambda: widget.height() >= widget.minimumSizeHint().height())



# --- field messages ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "text", "message"),
    [
        ("first_name", "", "Enter the first name"),
        ("last_name", "12345", "Last name must contain letters"),
        ("email", "alice.example.com", "An email address needs an @, like name@example.com"),
        ("email", "alice@example", "Enter a valid email address, like name@example.com"),
        ("phone", "415-555-012",
         "A phone number has 10 digits (area code and number); this one has 9"),
        ("phone", "1234567890", "Area code 123 is not valid: area codes never start with 0 or 1"),
        ("phone", "415-411-0123", "415-411 is not valid: 411 is a service code like 911"),
        ("address.street1", "", "Enter the street address"),
        ("address.city", "", "Enter the city"),
        ("address.zip", "9410", "Enter a ZIP code like 12345 or 12345-6789"),
        ("address.zip", "M5V 2T6", "That is a Canadian postal code; choose Canada as the country"),
    ],
)  # fmt: skip
def test_bad_value_shows_exact_message_next_to_its_field_when_left(
    qtbot: QtBot, form: NewOrderForm, session: FakeSession, path: str, text: str, message: str
) -> None:
    fill(qtbot, form)
    type_into(qtbot, form, path, text, leave=False)
    assert shown(form, path) == ""  # not while the user is still typing in a fresh field…
    qtbot.keyClick(editor(form, path), Qt.Key.Key_Tab)
    assert shown(form, path) == message  # …but as soon as they leave it
    others = [p for p in GOOD if p != path and shown(form, p)]
    assert others == []
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert session.outbox.submitted == []
    assert "Fix the problem marked above" in form.status_text()


@pytest.mark.parametrize(
    ("path", "text", "message"),
    [
        ("first_name", "J0hn", "First name contains a digit; check it"),
        ("phone", "604-555-0142", "Area code 604 is Canadian, but the address is in the US"),
        ("address.zip", "10001", "ZIP code 10001 belongs to New York (NY), not California (CA)"),
        ("address.street1", "PO Box 123",
         "Couriers other than USPS cannot deliver to a PO Box; use a street address if possible"),
    ],
)  # fmt: skip
def test_warning_shows_exact_message_with_ship_anyway(
    qtbot: QtBot, form: NewOrderForm, path: str, text: str, message: str
) -> None:
    fill(qtbot, form)
    type_into(qtbot, form, path, text)
    assert shown(form, path) == message
    assert form.fields.messages[path].confirm.isVisible()


def test_message_updates_live_while_fixing_and_disappears_when_fixed(
    qtbot: QtBot, form: NewOrderForm
) -> None:
    type_into(qtbot, form, "address.zip", "941")
    assert shown(form, "address.zip") == "Enter a ZIP code like 12345 or 12345-6789"
    widget = editor(form, "address.zip")
    widget.setFocus()
    qtbot.keyClicks(widget, "0")
    assert shown(form, "address.zip") == "Enter a ZIP code like 12345 or 12345-6789"
    qtbot.keyClicks(widget, "5")  # 94105, still in the field: the message goes at once
    assert shown(form, "address.zip") == ""


def test_untouched_fields_are_revealed_by_a_submit_attempt(
    qtbot: QtBot, form: NewOrderForm, session: FakeSession
) -> None:
    type_into(qtbot, form, "first_name", "Alice")
    assert shown(form, "email") == ""
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert shown(form, "email") == "Enter an email address"
    assert shown(form, "address.state") == "Choose the state"
    assert form.kits.message_text() == "Choose at least one kit type"
    assert session.outbox.submitted == []
    assert QApplication.focusWidget() is editor(form, "last_name")  # first problem


def test_ship_anyway_is_remembered_for_that_value_only(
    qtbot: QtBot, form: NewOrderForm, session: FakeSession
) -> None:
    fill(qtbot, form)
    type_into(qtbot, form, "address.zip", "10001")
    confirm = form.fields.messages["address.zip"].confirm
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert session.outbox.submitted == []  # an unconfirmed warning blocks
    assert form.status_text() == "Check the warning marked above: correct it, or confirm it."

    confirm.click()  # "Ship anyway"
    type_into(qtbot, form, "address.zip", "10002")  # another value: asked again
    assert shown(form, "address.zip") == (
        "ZIP code 10002 belongs to New York (NY), not California (CA)"
    )
    assert not confirm.isChecked()
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert session.outbox.submitted == []

    type_into(qtbot, form, "address.zip", "10001")  # back to the confirmed value
    assert confirm.isChecked()
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert len(session.outbox.submitted) == 1
    assert session.outbox.submitted[0].recipient.address is not None
    assert session.outbox.submitted[0].recipient.address.zip == "10001"


def test_country_switch_swaps_list_label_and_checks(qtbot: QtBot, form: NewOrderForm) -> None:
    state = editor(form, "address.state")
    assert isinstance(state, QComboBox)
    assert form.fields.labels["address.zip"].text().replace("&", "") == "ZIP code"
    assert state.findData("CA") > 0
    assert state.findData("ON") < 0
    fill(qtbot, form, {k: v for k, v in GOOD.items() if not k.startswith("address.")})
    country = editor(form, "address.country")
    country.setFocus()
    qtbot.keyClicks(country, "Canada")
    assert form.fields.country() == "CA"
    assert form.fields.labels["address.zip"].text().replace("&", "") == "Postal code"
    assert form.fields.labels["address.state"].text().replace("&", "") == "Province"
    assert state.findData("ON") > 0
    assert state.findData("CA") < 0
    assert state.count() == 14  # the 13 provinces and territories + "Choose…"
    type_into(qtbot, form, "address.zip", "m5v2t6x")  # maxLength allows; invalid shape
    assert shown(form, "address.zip") == "Enter a postal code like K1A 0B1"
    type_into(qtbot, form, "address.zip", "m5v2t6")
    type_into(qtbot, form, "address.state", "ON")
    type_into(qtbot, form, "address.street1", "100 Example Street")
    type_into(qtbot, form, "address.city", "Toronto")
    assert shown(form, "address.zip") == ""
    assert "M5V 2T6" in form.summary.text()  # normalized value shown before sending


def test_summary_shows_normalized_values(qtbot: QtBot, form: NewOrderForm) -> None:
    fill(qtbot, form, GOOD | {"phone": "(415) 555 0123", "address.zip": "941051234",
                              "email": "Alice.Example@EXAMPLE.com"})  # fmt: skip
    summary = form.summary.text()
    assert "San Francisco, CA 94105-1234" in summary
    assert "4155550123" in summary
    assert "Kits: 1 × Vitamin D kit" in summary


# --- submitting ----------------------------------------------------------------------------


def test_submit_sends_normalized_order_with_kit_quantities_and_metadata(
    qtbot: QtBot, form: NewOrderForm, session: FakeSession
) -> None:
    fill(qtbot, form, GOOD | {"address.zip": "94105 1234", "phone": "+1 (415) 555-0123"})
    form.kits.quantity(0).setValue(2)
    qtbot.mouseClick(form.kits.add_button, Qt.MouseButton.LeftButton)
    form.kits.combo(1).setCurrentIndex(form.kits.combo(1).findText("HbA1c kit"))
    form.metadata_toggle.click()
    qtbot.keyClicks(form.metadata.key_edit(0), "clinic_ref")
    qtbot.keyClicks(form.metadata.value_edit(0), "A-17")
    with qtbot.waitSignal(form.order_queued) as queued:
        qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert queued.args == ["item-1"]
    order = session.outbox.submitted[0]
    assert order.kit_types == ["vitamin_d_kit", "vitamin_d_kit", "hba1c_kit"]
    assert order.metadata == {"clinic_ref": "A-17"}
    assert order.recipient.phone == "4155550123"
    assert order.recipient.address is not None
    assert order.recipient.address.zip == "94105-1234"
    assert order.recipient.address.state == "CA"
    assert order.recipient.address.country == "US"
    assert form.status_text() == "Sending the order to Spot…"
    assert not form.submit_button.isEnabled()


def test_enter_moves_through_fields_and_submits_from_the_last(
    qtbot: QtBot, form: NewOrderForm, session: FakeSession
) -> None:
    fill(qtbot, form)
    first = editor(form, "first_name")
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is editor(form, "last_name")
    assert session.outbox.submitted == []
    quantity = form.kits.quantity(0)
    quantity.setFocus()
    qtbot.keyClick(quantity, Qt.Key.Key_Return)
    assert len(session.outbox.submitted) == 1


def test_tab_order_follows_the_form(qtbot: QtBot, form: NewOrderForm) -> None:
    order = ["first_name", "last_name", "email", "phone", "address.country",
             "address.street1", "address.street2", "address.city", "address.state",
             "address.zip"]  # fmt: skip
    editor(form, order[0]).setFocus()
    seen = [order[0]]
    for _ in order[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget().objectName())
    assert seen == order
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.kits.combo(0)


def test_double_submit_sends_once(qtbot: QtBot, session: FakeSession) -> None:
    runner = InlineTaskRunner(defer=True)  # the outbox write is still "in flight"
    form = NewOrderForm(session, runner)
    qtbot.addWidget(form)
    form.show()
    runner.run_pending()
    fill(qtbot, form)
    runner.run_pending()
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert not form.submit_button.isEnabled()
    qtbot.mouseDClick(form.submit_button, Qt.MouseButton.LeftButton)
    quantity = form.kits.quantity(0)
    qtbot.keyClick(quantity, Qt.Key.Key_Return)
    qtbot.keyClick(quantity, Qt.Key.Key_Return)
    runner.run_pending()
    runner.run_pending()
    assert len(session.outbox.submitted) == 1


def test_success_shows_order_id_and_another_order_keeps_recipient(
    qtbot: QtBot, form: NewOrderForm, session: FakeSession
) -> None:
    fill(qtbot, form)
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(form.order_placed) as placed:
        session.outbox.report("item-1", state="sent", order_id="O7654321", attempts=1)
    assert placed.args == ["O7654321"]
    assert form.status_text() == "Order O7654321 placed. Spot will ship the kits."
    assert form.another_button.isVisible()
    assert not form.needs_discard_confirm()  # safe to close now

    qtbot.mouseClick(form.another_button, Qt.MouseButton.LeftButton)
    assert form.fields.recipient()["email"] == GOOD["email"]
    assert form.fields.recipient()["address"]["zip"] == GOOD["address.zip"]
    assert form.kits.choices() == []
    assert form.submit_button.isEnabled()
    assert QApplication.focusWidget() is form.kits.combo(0)


class LateRunner(InlineTaskRunner):
    """Runs each task at once but hands its result over on a later event-loop turn, like
    the real runner, so news the task posted to the GUI meanwhile arrives first."""

    def run(self, fn: Any, *args: Any, on_success: Any = None, on_error: Any = None,
            key: str | None = None) -> Any:
        def late(result: object) -> None:
            QTimer.singleShot(0, lambda: on_success(result))

        return super().run(fn, *args, on_success=late if on_success else None,
                           on_error=on_error, key=key)  # fmt: skip


def test_sender_news_arriving_before_submit_returns_is_not_lost(
    qtbot: QtBot, session: FakeSession
) -> None:
    form = NewOrderForm(session, LateRunner())
    qtbot.addWidget(form)
    form.show()
    qtbot.wait(1)
    fill(qtbot, form)
    session.outbox.report_during_submit = {"state": "sent", "order_id": "O1111111"}
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.state == "sent")
    assert form.status_text() == "Order O1111111 placed. Spot will ship the kits."


def test_server_400_lands_on_the_right_fields(
    qtbot: QtBot, form: NewOrderForm, session: FakeSession
) -> None:
    fill(qtbot, form)
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    session.outbox.report(
        "item-1",
        state="needs_attention",
        attempts=1,
        field_errors={
            "recipient.address.zip": ["ZIP code is not deliverable"],
            "kit_types[0]": ["Unknown kit type"],
            "recipient.middle_name": ["Not allowed"],
            "": ["Order rejected"],
        },
        last_error="Spot rejected the order",
    )
    assert form.state == "needs_attention"
    assert shown(form, "address.zip") == "ZIP code is not deliverable"
    assert form.kits.message_text() == "Unknown kit type"
    status = form.status_text()
    assert "Spot did not accept this order" in status
    assert "recipient.middle_name: Not allowed" in status
    assert "Order rejected" in status
    assert form.submit_button.text().replace("&", "") == "Send again"
    # Fixing the field clears the server's message; the corrected order is resubmitted.
    type_into(qtbot, form, "address.zip", "94107")
    assert shown(form, "address.zip") == ""
    form.kits.combo(0).setCurrentIndex(form.kits.combo(0).findText("Health kit"))
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert session.outbox.resubmitted[0][0] == "item-1"
    assert session.outbox.resubmitted[0][1].recipient.address.zip == "94107"  # type: ignore[union-attr]


def test_network_failure_says_queued_then_sent(
    qtbot: QtBot, form: NewOrderForm, session: FakeSession
) -> None:
    fill(qtbot, form)
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    session.outbox.report(
        "item-1", state="queued", attempts=1,
        last_error="Can't reach Spot. Check this computer's network connection, then try again.",
    )
    assert form.status_text() == (
        "Not sent yet: Can't reach Spot. The order is queued on this computer and will be sent "
        "automatically. You can close this window."
    )  # not also "…then try again": nothing for the desk to retry
    assert form.state == "queued"
    assert not form.needs_discard_confirm()
    session.outbox.report("item-1", state="sent", attempts=2, order_id="O2222222")
    assert form.status_text() == "Order O2222222 placed. Spot will ship the kits."


def test_outbox_write_failure_keeps_the_typing(
    qtbot: QtBot, form: NewOrderForm, session: FakeSession
) -> None:
    fill(qtbot, form)
    session.outbox.fail_with = OSError("disk full")
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert form.state == "editing"
    assert form.submit_button.isEnabled()
    assert "The order was not saved" in form.status_text()
    assert form.fields.recipient()["first_name"] == "Alice"


# --- duplicates ----------------------------------------------------------------------------


def test_duplicate_warning_needs_confirm(qtbot: QtBot, session: FakeSession) -> None:
    recent = datetime.now(UTC) - timedelta(days=3)
    session.store.rows = [
        make_row("O1234567", first_name="Alice", last_name="Example",
                 email="alice.example@example.com", created=recent,
                 kits=[("SPOT000001", "vitamin_d_kit", "delivered", "awaiting_collection")]),
    ]  # fmt: skip
    form = NewOrderForm(session, InlineTaskRunner())
    qtbot.addWidget(form)
    form.show()
    fill(qtbot, form)
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert session.outbox.submitted == []
    assert form.duplicate_bar.isVisible()
    assert form.duplicate_label.text() == (
        "Possible duplicate: Vitamin D kit was already ordered for this patient on "
        f"{recent.astimezone():%Y-%m-%d} (order O1234567)."
    )
    form.duplicate_confirm.click()  # "Order anyway"
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert len(session.outbox.submitted) == 1


def test_no_duplicate_warning_for_another_kit_type(qtbot: QtBot, session: FakeSession) -> None:
    session.store.rows = [
        make_row("O1234567", first_name="Alice", last_name="Example",
                 email="alice.example@example.com", created=datetime.now(UTC),
                 kits=[("SPOT000001", "hba1c_kit", "delivered", "awaiting_collection")]),
    ]  # fmt: skip
    form = NewOrderForm(session, InlineTaskRunner())
    qtbot.addWidget(form)
    form.show()
    fill(qtbot, form)
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert not form.duplicate_bar.isVisible()
    assert len(session.outbox.submitted) == 1


# --- paste, keyboard, discard --------------------------------------------------------------


def test_paste_of_one_line_address_offers_split(qtbot: QtBot, form: NewOrderForm) -> None:
    street1 = editor(form, "address.street1")
    QGuiApplication.clipboard().setText("1600 Example Ave Apt 4, San Francisco, CA 94105")
    street1.setFocus()
    qtbot.keyClick(street1, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert form.fields.split_offered()
    wait_laid_out(qtbot, form.fields.split_bar)
    qtbot.mouseClick(form.fields.split_bar.split_button, Qt.MouseButton.LeftButton)
    address = form.fields.recipient()["address"]
    assert address["street1"] == "1600 Example Ave"
    assert address["street2"] == "Apt 4"
    assert address["city"] == "San Francisco"
    assert address["state"] == "CA"
    assert address["zip"] == "94105"
    assert not form.fields.split_offered()


def test_the_split_offer_keeps_every_alt_key_acting_and_alt_i_splits(
    qtbot: QtBot, form: NewOrderForm
) -> None:
    # Found at the desk: "&Split" shared Alt+S with "&Street address" and "&Keep as typed"
    # Alt+K with "Add another &kit type", so those keys only moved the focus.
    street1 = editor(form, "address.street1")
    QGuiApplication.clipboard().setText("1600 Example Ave, San Francisco, CA 94105")
    street1.setFocus()
    qtbot.keyClick(street1, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    wait_laid_out(qtbot, form.fields.split_bar)
    assert clashing_alt_keys(form) == {}
    form.activateWindow()  # Alt keys act in the active window; activation is asynchronous
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form)
    qtbot.keyClick(street1, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    # An Alt key presses its button the way Qt always does: animated, a moment later.
    qtbot.waitUntil(lambda: form.fields.recipient()["address"]["city"] == "San Francisco")
    assert not form.fields.split_offered()


def test_paste_of_multiline_canadian_address_switches_country(
    qtbot: QtBot, form: NewOrderForm
) -> None:
    street1 = editor(form, "address.street1")
    QGuiApplication.clipboard().setText("100 Example Street\nToronto ON M5V 2T6")
    street1.setFocus()
    qtbot.keyClick(street1, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "\n" not in street1.text()  # type: ignore[attr-defined]
    wait_laid_out(qtbot, form.fields.split_bar)
    qtbot.mouseClick(form.fields.split_bar.split_button, Qt.MouseButton.LeftButton)
    assert form.fields.country() == "CA"
    assert form.fields.recipient()["address"] | {"street2": ""} == {
        "street1": "100 Example Street", "street2": "", "city": "Toronto", "state": "ON",
        "country": "CA", "zip": "M5V 2T6",
    }  # fmt: skip


def test_keep_leaves_the_pasted_text_alone(qtbot: QtBot, form: NewOrderForm) -> None:
    street1 = editor(form, "address.street1")
    QGuiApplication.clipboard().setText("1600 Example Ave, San Francisco, CA 94105")
    street1.setFocus()
    qtbot.keyClick(street1, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    wait_laid_out(qtbot, form.fields.split_bar)
    qtbot.mouseClick(form.fields.split_bar.keep_button, Qt.MouseButton.LeftButton)
    assert not form.fields.split_offered()
    assert form.fields.recipient()["address"]["street1"] == (
        "1600 Example Ave, San Francisco, CA 94105"
    )
    assert form.fields.recipient()["address"]["city"] == ""


def test_typing_an_address_does_not_offer_split(qtbot: QtBot, form: NewOrderForm) -> None:
    type_into(qtbot, form, "address.street1", "1600 Example Ave, San Francisco, CA 94105")
    assert not form.fields.split_offered()


def test_escape_asks_before_discarding_a_non_empty_form(
    qtbot: QtBot, session: FakeSession
) -> None:
    dialog = NewOrderDialog(session, InlineTaskRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    type_into(qtbot, dialog.form, "first_name", "Alice", leave=False)
    qtbot.keyClick(editor(dialog.form, "first_name"), Qt.Key.Key_Escape)
    box = dialog.form.confirm_box
    assert box is not None
    assert box.isVisible()
    assert box.text() == "What you typed for this order will be lost."
    box.escapeButton().click()  # Keep editing
    assert dialog.isVisible()
    assert dialog.form.fields.recipient()["first_name"] == "Alice"

    qtbot.keyClick(editor(dialog.form, "first_name"), Qt.Key.Key_Escape)
    box = dialog.form.confirm_box
    assert box is not None
    with qtbot.waitSignal(dialog.form.discarded):
        box.findChild(QWidget, "confirm_accept").click()  # type: ignore[union-attr]
    assert not dialog.isVisible()
    assert session.drafts.saved == {}


def test_escape_on_an_empty_form_closes_without_asking(
    qtbot: QtBot, session: FakeSession
) -> None:
    dialog = NewOrderDialog(session, InlineTaskRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClick(editor(dialog.form, "first_name"), Qt.Key.Key_Escape)
    assert dialog.form.confirm_box is None
    assert not dialog.isVisible()


def test_ctrl_n_clears_to_a_fresh_form_after_asking(qtbot: QtBot, form: NewOrderForm) -> None:
    fill(qtbot, form)
    qtbot.keyClick(editor(form, "email"), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    box = form.confirm_box
    assert box is not None
    box.findChild(QWidget, "confirm_accept").click()  # type: ignore[union-attr]
    assert form.is_empty()
    assert form.fields.message_text("first_name") == ""
    assert QApplication.focusWidget() is editor(form, "first_name")


# --- drafts --------------------------------------------------------------------------------


def test_draft_autosaves_and_is_restored_after_a_crash(
    qtbot: QtBot, session: FakeSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(NewOrderForm, "AUTOSAVE_DELAY_MS", 10)
    runner = InlineTaskRunner()
    first = NewOrderForm(session, runner)  # not handed to qtbot: this one "crashes"
    first.show()
    fill(qtbot, first, GOOD | {"address.zip": "10001"})
    first.metadata_toggle.click()
    qtbot.keyClicks(first.metadata.key_edit(0), "clinic_ref")
    qtbot.keyClicks(first.metadata.value_edit(0), "A-17")
    qtbot.waitUntil(lambda: "clinic_ref" in str(session.drafts.saved))
    # "Crash": the form goes away without submit or discard.
    first.deleteLater()
    qtbot.waitUntil(lambda: not OPEN_DRAFTS.ids() & set(session.drafts.saved))

    second = NewOrderForm(session, runner)
    qtbot.addWidget(second)
    second.show()
    assert second.restore_offered()
    assert "Alice Example" in second.restore_label.text()
    qtbot.mouseClick(second.restore_button, Qt.MouseButton.LeftButton)
    assert second.fields.recipient()["address"]["zip"] == "10001"
    assert second.fields.recipient()["email"] == GOOD["email"]
    assert second.kits.choices() == [("vitamin_d_kit", 1)]
    assert second.metadata.metadata() == {"clinic_ref": "A-17"}
    assert shown(second, "address.zip").startswith("ZIP code 10001 belongs to New York")
    assert not second.restore_offered()

    # Placing the restored order removes its draft.
    second.fields.messages["address.zip"].confirm.click()
    qtbot.mouseClick(second.submit_button, Qt.MouseButton.LeftButton)
    assert len(session.outbox.submitted) == 1
    assert session.drafts.saved == {}


def test_open_form_draft_is_not_offered_to_a_second_window(
    qtbot: QtBot, session: FakeSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(NewOrderForm, "AUTOSAVE_DELAY_MS", 10)
    runner = InlineTaskRunner()
    first = NewOrderForm(session, runner)
    qtbot.addWidget(first)
    type_into(qtbot, first, "first_name", "Alice")
    qtbot.waitUntil(lambda: bool(session.drafts.saved))
    second = NewOrderForm(session, runner)
    qtbot.addWidget(second)
    assert not second.restore_offered()


def test_discarding_an_offered_draft_deletes_it(qtbot: QtBot, session: FakeSession) -> None:
    session.drafts.saved["old"] = {
        "recipient": {"first_name": "Alice"}, "kits": [], "metadata": {},
        "saved_at": "2026-11-27T08:00:00+00:00",
    }  # fmt: skip
    form = NewOrderForm(session, InlineTaskRunner())
    qtbot.addWidget(form)
    form.show()
    assert form.restore_offered()
    qtbot.mouseClick(form.restore_discard_button, Qt.MouseButton.LeftButton)
    assert session.drafts.saved == {}
    assert not form.restore_offered()


def test_form_unsubscribes_from_the_outbox_when_destroyed(
    qtbot: QtBot, session: FakeSession
) -> None:
    form = NewOrderForm(session, InlineTaskRunner())
    assert session.outbox.subscribers == 1
    form.deleteLater()
    qtbot.waitUntil(lambda: session.outbox.subscribers == 0)


def test_closing_from_the_app_keeps_the_draft_without_asking(
    qtbot: QtBot, session: FakeSession
) -> None:
    dialog = NewOrderDialog(session, InlineTaskRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog.form, "first_name", "Alice")
    dialog.close()  # the main window closing its children at exit
    assert dialog.form.confirm_box is None
    assert [d["recipient"]["first_name"] for d in session.drafts.saved.values()] == ["Alice"]


def test_corrections_after_a_400_are_not_saved_as_a_second_draft(
    qtbot: QtBot, session: FakeSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(NewOrderForm, "AUTOSAVE_DELAY_MS", 10)
    form = NewOrderForm(session, InlineTaskRunner())
    qtbot.addWidget(form)
    form.show()
    fill(qtbot, form)
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    session.outbox.report("item-1", state="needs_attention", attempts=1,
                          field_errors={"recipient.address.zip": ["Not deliverable"]})
    type_into(qtbot, form, "address.zip", "94107")
    qtbot.wait(50)
    assert session.drafts.saved == {}  # the outbox item is the one copy of this order
    assert not form.needs_discard_confirm()


def test_a_late_autosave_cannot_bring_back_a_placed_orders_draft() -> None:
    # The worker saving the draft may finish after the one discarding it (order placed).
    drafts = FakeDrafts()
    writer = DraftWriter(drafts)
    writer.discard("d1")
    writer.save("d1", {"recipient": {"first_name": "Alice"}})
    assert drafts.saved == {}
    writer.save("d2", {"recipient": {}})
    assert list(drafts.saved) == ["d2"]


def test_clearing_the_form_then_typing_again_still_autosaves(
    qtbot: QtBot, session: FakeSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(NewOrderForm, "AUTOSAVE_DELAY_MS", 10)
    form = NewOrderForm(session, InlineTaskRunner())
    qtbot.addWidget(form)
    form.show()
    type_into(qtbot, form, "first_name", "Alice")
    qtbot.waitUntil(lambda: bool(session.drafts.saved))
    type_into(qtbot, form, "first_name", "")
    qtbot.waitUntil(lambda: not session.drafts.saved)
    type_into(qtbot, form, "first_name", "Bob")
    qtbot.waitUntil(lambda: "Bob" in str(session.drafts.saved))


def test_duplicate_warning_shows_as_soon_as_the_patient_is_known(
    qtbot: QtBot, session: FakeSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(NewOrderForm, "DUPLICATE_CHECK_DELAY_MS", 5)
    session.store.rows = [
        make_row("O1234567", first_name="Alice", last_name="Example",
                 email="someone.else@example.com", phone="415-555-0123",
                 created=datetime.now(UTC) - timedelta(days=29),
                 kits=[("SPOT000001", "vitamin_d_kit", "delivered", "awaiting_collection")]),
    ]  # fmt: skip
    form = NewOrderForm(session, InlineTaskRunner())
    qtbot.addWidget(form)
    form.show()
    form.prefill({"first_name": "Alice", "last_name": "Example", "phone": "(415) 555-0123"})
    combo = form.kits.combo(0)
    combo.setCurrentIndex(combo.findText("Vitamin D kit"))  # same name + phone, same kit
    qtbot.waitUntil(form.duplicate_bar.isVisible)
    assert "(order O1234567)" in form.duplicate_label.text()
    combo.setCurrentIndex(combo.findText("HbA1c kit"))
    qtbot.waitUntil(lambda: not form.duplicate_bar.isVisible())
