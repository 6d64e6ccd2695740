"""The kit-tracking panel with hand-made orders: what the front desk reads for each kit."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.api import errors as api_errors
from app.api import models
from app.tasks import InlineTaskRunner
from app.views.common.formatting import format_day
from app.views.common.labels import masked_dob
from app.views.common.results_table import ResultsTable
from app.views.common.timeline import text_color
from app.views.kit_panel.kit_box import TrackingLink
from app.views.kit_panel.panel import KitTrackingPanel
from tests.helpers.kit_panel import DAY, T0, TODAY, at, fake_kit, fake_order, make_panel

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")









def fake_report(*, amended: bool = False, report_id: str = "rep-1") -> dict[str, Any]:
    return {
        "report_id": report_id,
        "date_collected": at(10),
        "date_received": at(12),
        "is_amendment": amended,
        "pdf": f"https://example.test/{report_id}.pdf",
        "txt": f"https://example.test/{report_id}.txt",
        "results": [
            {"result_type": "quantity", "name": "HDL Cholesterol", "result": 123,
             "unit_of_measure": "mg/dL", "range_minimum": 20, "range_maximum": 100},
            {"result_type": "quantity", "name": "Vitamin B12", "result": "<10",
             "unit_of_measure": "pg/mL", "range_minimum": 20, "range_maximum": 200},
            {"result_type": "quantity", "name": "TSH", "result": 2.5,
             "unit_of_measure": "mIU/L", "range_minimum": 0.45, "range_maximum": 4.5},
            {"result_type": "reactivity", "name": "Chlamydia", "result": "negative",
             "unit_of_measure": None, "range_minimum": None, "range_maximum": None},
        ],
    }


def resulted_kit(**changes: Any) -> dict[str, Any]:
    kit = fake_kit(
        status="registered",
        kit_events=("preparing", "in_transit", "delivered", "registered"),
        sample_status="resulted",
        sample_events=("awaiting_collection", "in_transit", "delivered", "received", "resulted"),
        registered=True,
        shipments=[{"tracking_number": "1Z999AA10123456784", "carrier": "ups", "created": at(11)}],
        reports=[fake_report(), fake_report(amended=True, report_id="rep-2")],
    )
    kit.update(changes)
    return kit








@pytest.fixture
def opened_urls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    urls: list[str] = []

    def fake_open(url: QUrl) -> bool:
        urls.append(url.toString())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(fake_open))
    return urls




def texts(panel: KitTrackingPanel) -> list[str]:
    return [label.text() for label in panel.findChildren(QLabel) if label.isVisibleTo(panel)]


def label(panel: KitTrackingPanel, name: str) -> QLabel:
    found = panel.findChild(QLabel, name)
    assert found is not None, name
    return found


# --- loading ---------------------------------------------------------------------------------


def test_empty_panel_invites_a_selection(qtbot: QtBot) -> None:
    panel, _ = make_panel(qtbot)
    assert panel.state_label.text() == "Select an order to see its kits."


def test_shows_recipient_status_and_metadata(qtbot: QtBot) -> None:
    order = fake_order(fake_kit())
    panel, _ = make_panel(qtbot, order)
    panel.show_order("O0000042")
    assert label(panel, "order_title").text() == "Order O0000042"
    assert label(panel, "order_status").text() == "In progress"
    assert label(panel, "recipient_name").text() == "Testy Fakename"
    assert label(panel, "recipient_email").text() == "testy@example.com"
    assert label(panel, "recipient_phone").text() == "5550100100"
    assert label(panel, "recipient_address").text() == (
        "1 Fixture Lane\nUnit 2\nSpringfield, CA 94105\nUnited States"
    )
    assert panel.metadata_editor is not None
    assert panel.metadata_editor.metadata() == {"clinic_ref": "A-17"}
    assert "Kit type: Health Kit 1 (health_kit_1)" in texts(panel)


def test_loading_state_then_order(qtbot: QtBot) -> None:
    runner = InlineTaskRunner(defer=True)
    panel, _ = make_panel(qtbot, fake_order(fake_kit()), runner=runner)
    panel.show()
    panel.show_order("O0000042")
    assert panel.state_label.text() == "Loading order O0000042…"
    assert panel.state_label.isVisible()
    runner.run_pending()
    assert not panel.state_label.isVisible()
    assert panel.order_id == "O0000042"


def test_a_newer_selection_supersedes_an_older_fetch(qtbot: QtBot) -> None:
    first = fake_order(fake_kit("SPOTFAKE01"))
    second = fake_order(fake_kit("SPOTFAKE02"), order_id="O0000043")
    runner = InlineTaskRunner(defer=True)
    panel, session = make_panel(qtbot, first, second, runner=runner)
    shown: list[str] = []
    panel.order_shown.connect(shown.append)
    panel.show_order("O0000042")
    panel.show_order("O0000043")
    runner.run_pending()
    assert shown == ["O0000043"]
    assert session.sync.requests == ["O0000043"]
    assert label(panel, "order_title").text() == "Order O0000043"


def test_fetch_error_is_shown_in_the_panel_with_retry(qtbot: QtBot) -> None:
    panel, session = make_panel(qtbot, fake_order(fake_kit()))
    panel.show()
    session.sync.error = api_errors.SpotConnectionError("offline")
    panel.show_order("O0000042")
    assert panel.state_label.text() == (
        "Can't reach Spot\nCheck this computer's network connection, then try again."
    )
    assert panel.retry_button.isVisible()
    session.sync.error = None
    qtbot.mouseClick(panel.retry_button, Qt.MouseButton.LeftButton)
    assert label(panel, "order_title").text() == "Order O0000042"
    assert not panel.retry_button.isVisible()


def test_clearing_the_selection_clears_the_panel(qtbot: QtBot) -> None:
    panel, _ = make_panel(qtbot, fake_order(fake_kit()))
    panel.show_order("O0000042")
    panel.show_order(None)
    assert panel.current_order() is None
    assert panel.findChild(QLabel, "order_title") is None
    assert panel.state_label.text() == "Select an order to see its kits."


def test_pending_order_without_kits_says_so(qtbot: QtBot) -> None:
    order = fake_order(status="pending")
    panel, _ = make_panel(qtbot, order)
    panel.show_order("O0000042")
    assert label(panel, "no_kits").text() == (
        "No kits yet: Spot hasn't fulfilled this order.\nOrdered: Health Kit 1 (health_kit_1)"
    )


# --- timelines -------------------------------------------------------------------------------


def test_in_transit_kit_timeline(qtbot: QtBot) -> None:
    panel, _ = make_panel(qtbot, fake_order(fake_kit()))
    panel.show_order("O0000042")
    kit_line, sample_line = panel.timelines("SPOTFAKE01")
    assert [lbl.text() for lbl in kit_line.name_labels()] == [
        "Preparing", "Shipped", "Delivered", "Registered"
    ]
    assert [lbl.text() for lbl in kit_line.date_labels()] == [
        format_day(T0), format_day(T0 + DAY), "", ""
    ]
    current = kit_line.current_step()
    assert current is not None
    assert current.label == "Shipped"
    assert kit_line.name_labels()[1].font().bold()
    assert not kit_line.name_labels()[0].font().bold()
    sample_current = sample_line.current_step()
    assert sample_current is not None
    assert sample_current.label == "Awaiting collection"


def test_delivery_exception_is_a_warning_step(qtbot: QtBot) -> None:
    kit = fake_kit(
        status="delivery_exception",
        kit_events=("preparing", "in_transit", "delivery_exception"),
        sample_status="canceled",
        sample_events=("awaiting_collection", "canceled"),
    )
    panel, _ = make_panel(qtbot, fake_order(kit))
    panel.show_order("O0000042")
    kit_line, sample_line = panel.timelines("SPOTFAKE01")
    steps = kit_line.steps()
    assert [(s.label, s.state, s.tone) for s in steps] == [
        ("Preparing", "done", "normal"),
        ("Shipped", "done", "normal"),
        ("Delivery exception", "current", "warning"),
        ("Delivered", "skipped", "normal"),
        ("Registered", "skipped", "normal"),
    ]
    exception_label = kit_line.name_labels()[2]
    assert text_color(exception_label) == kit_line.tone_color(steps[2])
    assert text_color(exception_label) != text_color(kit_line.name_labels()[0])
    assert kit_line.date_labels()[3].text() == "—"
    sample_current = sample_line.current_step()
    assert sample_current is not None
    assert (sample_current.label, sample_current.tone) == ("Canceled", "warning")
    # No "Register kit…" for a kit that never arrived.
    assert panel.findChild(QPushButton, "register_SPOTFAKE01") is None


def test_unknown_statuses_are_shown_as_they_came(qtbot: QtBot) -> None:
    kit = fake_kit(
        status="teleported",
        kit_events=("preparing", "in_transit", "teleported"),
        sample_status="beamed_up",
        sample_events=(),
    )
    order = fake_order(kit, status="on_hold_by_lab")
    panel, _ = make_panel(qtbot, order)
    panel.show_order("O0000042")
    assert label(panel, "order_status").text() == "on_hold_by_lab"
    kit_line, sample_line = panel.timelines("SPOTFAKE01")
    assert [lbl.text() for lbl in kit_line.name_labels()] == [
        "Preparing", "Shipped", "teleported", "Delivered", "Registered"
    ]
    current = kit_line.current_step()
    assert current is not None
    assert (current.label, current.tone) == ("teleported", "unknown")
    sample_current = sample_line.current_step()
    assert sample_current is not None
    assert sample_current.label == "beamed_up"


def test_partially_resulted_is_a_caution_before_resulted(qtbot: QtBot) -> None:
    kit = resulted_kit()
    kit["sample"]["status"] = "partially_resulted"
    kit["sample"]["events"] = [
        {"status": s, "created": at(10 + i)}
        for i, s in enumerate(("awaiting_collection", "in_transit", "delivered",
                               "partially_resulted"))
    ]
    panel, _ = make_panel(qtbot, fake_order(kit))
    panel.show_order("O0000042")
    _, sample_line = panel.timelines("SPOTFAKE01")
    assert [(s.label, s.state, s.tone) for s in sample_line.steps()] == [
        ("Awaiting collection", "done", "normal"),
        ("On its way to the lab", "done", "normal"),
        ("Delivered to the lab", "done", "normal"),
        ("Received by the lab", "skipped", "normal"),  # this lab sent no receipt notice
        ("Partially resulted", "current", "caution"),
        ("Resulted", "upcoming", "normal"),
    ]


# --- tracking, registration ----------------------------------------------------------------


def test_tracking_links_open_the_carrier_page(qtbot: QtBot, opened_urls: list[str]) -> None:
    panel, _ = make_panel(qtbot, fake_order(resulted_kit()))
    panel.show_order("O0000042")
    links = {link.text(): link for link in panel.findChildren(TrackingLink)}
    assert set(links) == {"9400100000000000000001", "1Z999AA10123456784"}
    qtbot.mouseClick(links["1Z999AA10123456784"], Qt.MouseButton.LeftButton)
    assert opened_urls == ["https://www.ups.com/track?tracknum=1Z999AA10123456784"]
    links["9400100000000000000001"].setFocus()
    qtbot.keyClick(links["9400100000000000000001"], Qt.Key.Key_Space)
    assert opened_urls[-1] == (
        "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400100000000000000001"
    )


def test_unknown_carrier_number_is_plain_text(qtbot: QtBot) -> None:
    kit = fake_kit(outbound={"tracking_number": "PIGEON-7", "carrier": "owl_post"})
    panel, _ = make_panel(qtbot, fake_order(kit))
    panel.show_order("O0000042")
    assert panel.findChildren(TrackingLink) == []
    assert label(panel, "track_PIGEON-7").text() == "PIGEON-7"
    assert "owl_post" in texts(panel)


def test_registered_patient_with_masked_dob(qtbot: QtBot) -> None:
    panel, _ = make_panel(qtbot, fake_order(resulted_kit()))
    panel.show_order("O0000042")
    shown = label(panel, "registered_SPOTFAKE01").text()
    assert shown == "Registered to Testy Fakename · F · DOB ••••-••-•• (age 35)"
    assert "1990" not in shown


def test_register_button_for_an_unregistered_kit(qtbot: QtBot) -> None:
    kit = fake_kit(status="delivered", kit_events=("preparing", "in_transit", "delivered"))
    panel, _ = make_panel(qtbot, fake_order(kit))
    panel.show_order("O0000042")
    button = panel.findChild(QPushButton, "register_SPOTFAKE01")
    assert button is not None
    with qtbot.waitSignal(panel.register_kit_requested) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["SPOTFAKE01"]


@pytest.mark.parametrize(
    ("dob", "shown"),
    [
        (date(1990, 4, 1), "DOB ••••-••-•• (age 36)"),
        (date(1990, 4, 2), "DOB ••••-••-•• (age 35)"),
        ("1990-13-45", "DOB on file (hidden)"),
        (None, "DOB not given"),
    ],
)
def test_masked_dob(dob: date | str | None, shown: str) -> None:
    assert masked_dob(dob, TODAY) == shown


# --- reports ---------------------------------------------------------------------------------


def test_reports_with_amended_badge_and_open_buttons(qtbot: QtBot) -> None:
    order = fake_order(resulted_kit())
    panel, _ = make_panel(qtbot, order)
    panel.show_order("O0000042")
    first = panel.findChild(QLabel, "amended_badge")
    assert first is not None
    assert first.text() == "Amended"
    assert len(panel.findChildren(QLabel, "amended_badge")) == 1  # only the amendment carries it
    header = panel.findChild(QWidget, "report_SPOTFAKE01_1")
    assert header is not None
    pdf = header.findChild(QPushButton, "open_pdf")
    with qtbot.waitSignal(panel.open_report_requested) as blocker:
        qtbot.mouseClick(pdf, Qt.MouseButton.LeftButton)
    (request,) = blocker.args
    assert request.report.report_id == "rep-2"
    assert (request.kit_id, request.sample_id) == ("SPOTFAKE01", "SMPLFAKE01")
    assert request.replaces.report_id == "rep-1"  # the amendment is shown beside what it replaces
    caption = f"Report, collected {format_day(T0 + 10 * DAY)}, received {format_day(T0 + 12 * DAY)}"
    assert caption in texts(panel)


def test_open_txt_disabled_without_a_link(qtbot: QtBot) -> None:
    report = fake_report()
    report["txt"] = None
    panel, _ = make_panel(qtbot)
    kit = resulted_kit()
    kit["sample"]["reports"] = [report]
    panel.show_loaded_order(fake_order(kit))
    txt = panel.findChild(QPushButton, "open_txt")
    assert txt is not None
    assert not txt.isEnabled()


def test_results_table_flags_out_of_range(qtbot: QtBot) -> None:
    panel, _ = make_panel(qtbot, fake_order(resulted_kit()))
    panel.show_order("O0000042")
    table = panel.findChild(ResultsTable, "results_SPOTFAKE01_0")
    assert table is not None
    rows = [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]
    assert rows == [
        ["HDL Cholesterol", "123", "mg/dL", "20–100", "High"],
        ["Vitamin B12", "<10", "pg/mL", "20–200", "Low"],
        ["TSH", "2.5", "mIU/L", "0.45–4.5", ""],
        ["Chlamydia", "negative", "", "", ""],
    ]
    high = table.item(0, 1)
    normal = table.item(2, 1)
    assert high.background().color() != normal.background().color()


# --- metadata --------------------------------------------------------------------------------


def test_edit_and_save_metadata(qtbot: QtBot) -> None:
    order = fake_order(fake_kit(), metadata={"clinic_ref": "A-17", "frontdesk_ref": "uuid-1"})
    panel, session = make_panel(qtbot, order)
    panel.show_order("O0000042")
    editor = panel.metadata_editor
    assert editor is not None
    assert editor.metadata() == {"clinic_ref": "A-17"}  # the app's own key is not editable
    save = panel.save_button
    assert save is not None
    assert not save.isEnabled()
    editor.value_edit(0).clear()
    qtbot.keyClicks(editor.value_edit(0), "B-22")
    assert save.isEnabled()
    with qtbot.waitSignal(panel.metadata_saved) as blocker:
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert blocker.args == ["O0000042"]
    assert session.client.saved == [
        ("O0000042", {"clinic_ref": "B-22", "frontdesk_ref": "uuid-1"})
    ]
    assert panel.save_status is not None
    assert panel.save_status.text() == "Saved."
    assert not save.isEnabled()
    assert not panel.has_unsaved_metadata()


def test_failed_save_keeps_what_was_typed(qtbot: QtBot) -> None:
    panel, session = make_panel(qtbot, fake_order(fake_kit()))
    panel.show_order("O0000042")
    editor = panel.metadata_editor
    assert editor is not None
    assert panel.save_button is not None
    qtbot.keyClicks(editor.key_edit(1), "room")
    qtbot.keyClicks(editor.value_edit(1), "4")
    session.client.error = api_errors.SpotConnectionError("offline")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert panel.save_status is not None
    assert panel.save_status.text() == (
        "Not saved: Can't reach Spot. Check this computer's network connection, then try again."
    )
    assert editor.metadata() == {"clinic_ref": "A-17", "room": "4"}
    assert panel.save_button.isEnabled()
    assert panel.has_unsaved_metadata()
    # A background refresh of the same order does not wipe the edit either.
    panel.refresh()
    assert panel.metadata_editor is not None
    assert panel.metadata_editor.metadata() == {"clinic_ref": "A-17", "room": "4"}


# --- refresh in place ------------------------------------------------------------------------


def test_refresh_updates_kits_without_stealing_focus_or_scroll(qtbot: QtBot) -> None:
    order = fake_order(resulted_kit())
    panel, session = make_panel(qtbot, order)
    panel.resize(500, 400)
    panel.show()
    panel.show_order("O0000042")
    editor = panel.metadata_editor
    assert editor is not None
    editor.value_edit(0).setFocus()
    qtbot.waitUntil(editor.value_edit(0).hasFocus)
    qtbot.keyClicks(editor.value_edit(0), "-draft")
    bar = panel.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    scrolled = bar.value()
    assert scrolled > 0

    # A sync saw the order change: a second amended report arrived.
    kit = resulted_kit()
    kit["sample"]["reports"].append(fake_report(amended=True, report_id="rep-3"))
    session.sync.orders["O0000042"] = fake_order(kit, metadata={"clinic_ref": "server-side"})
    panel.refresh()

    assert panel.metadata_editor is editor
    assert editor.value_edit(0).hasFocus()
    assert editor.metadata() == {"clinic_ref": "A-17-draft"}  # the edit wins over the server
    assert len(panel.findChildren(QLabel, "amended_badge")) == 2
    qtbot.waitUntil(lambda: bar.value() == scrolled)


def test_refresh_shows_new_server_metadata_when_nothing_was_typed(qtbot: QtBot) -> None:
    panel, session = make_panel(qtbot, fake_order(fake_kit()))
    panel.show_order("O0000042")
    session.sync.orders["O0000042"] = fake_order(fake_kit(), metadata={"clinic_ref": "B-9"})
    panel.refresh()
    assert panel.metadata_editor is not None
    assert panel.metadata_editor.metadata() == {"clinic_ref": "B-9"}
    assert panel.save_button is not None
    assert not panel.save_button.isEnabled()


def test_failed_refresh_keeps_the_order_on_screen(qtbot: QtBot) -> None:
    panel, session = make_panel(qtbot, fake_order(fake_kit()))
    panel.show()
    panel.show_order("O0000042")
    session.sync.error = api_errors.SpotConnectionError("offline")
    panel.refresh()
    assert label(panel, "order_title").isVisible()
    assert panel.state_label.text() == (
        "Couldn't refresh this order: Can't reach Spot. "
        "Check this computer's network connection, then try again."
    )


def test_tab_reaches_every_link_and_button(qtbot: QtBot, opened_urls: list[str]) -> None:
    kit = resulted_kit()
    unregistered = fake_kit("SPOTFAKE02", status="delivered",
                            kit_events=("preparing", "in_transit", "delivered"))
    panel, _ = make_panel(qtbot, fake_order(kit, unregistered))
    panel.show()
    panel.show_order("O0000042")
    assert panel.save_button is not None
    start = panel.metadata_editor
    assert start is not None
    start.value_edit(1).setFocus()
    qtbot.waitUntil(start.value_edit(1).hasFocus)
    reached: list[str] = []
    for _ in range(40):
        widget = QApplication.focusWidget()
        assert widget is not None
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused is not None
        reached.append(focused.objectName() or type(focused).__name__)
    for name in ("track_9400100000000000000001", "track_1Z999AA10123456784", "open_pdf",
                 "open_txt", "results_SPOTFAKE01_0", "results_SPOTFAKE01_1",
                 "register_SPOTFAKE02"):
        assert name in reached, name
    # Enter on a focused tracking link opens it, like a click.
    link = panel.findChild(TrackingLink, "track_1Z999AA10123456784")
    assert link is not None
    link.setFocus()
    qtbot.keyClick(link, Qt.Key.Key_Space)
    assert opened_urls == ["https://www.ups.com/track?tracknum=1Z999AA10123456784"]


def test_typing_during_a_save_stays_unsaved(qtbot: QtBot) -> None:
    runner = InlineTaskRunner(defer=True)
    panel, session = make_panel(qtbot, fake_order(fake_kit()), runner=runner)
    panel.show_order("O0000042")
    runner.run_pending()
    editor = panel.metadata_editor
    assert editor is not None
    assert panel.save_button is not None
    qtbot.keyClicks(editor.value_edit(0), "1")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.value_edit(0), "2")  # while the save is on its way
    assert not panel.save_button.isEnabled()  # one save at a time
    runner.run_pending()
    assert session.client.saved == [("O0000042", {"clinic_ref": "A-171"})]
    assert panel.has_unsaved_metadata()
    assert panel.save_button.isEnabled()


def test_the_recipient_address_names_the_country(qtbot: QtBot) -> None:
    """Under an address "CA" reads as California: the panel says "Canada"."""
    order = fake_order(fake_kit())
    order = order.model_copy(update={"recipient": order.recipient.model_copy(update={
        "address": order.recipient.address.model_copy(update={
            "city": "Toronto", "state": "ON", "zip": "M5V 2T6", "country": "CA",
        }),
    })})
    panel, _session = make_panel(qtbot, order)
    panel.show_order(order.order_id)
    address = panel.findChild(QLabel, "recipient_address")
    assert address is not None
    assert address.text().splitlines()[-1] == "Canada"


def test_markup_in_names_and_addresses_from_spot_is_shown_as_typed(qtbot: QtBot) -> None:
    # A hostile or broken server: a name and an address that look like HTML.
    order = fake_order(fake_kit())
    hostile = order.model_dump(mode="json")
    hostile["recipient"]["first_name"] = "<img src='file:///etc/passwd'>"
    hostile["recipient"]["last_name"] = "<b>Bold</b>"
    hostile["recipient"]["address"]["street1"] = "<a href='https://evil.example'>Pay here</a>"
    panel, _ = make_panel(qtbot, models.Order.model_validate(hostile))
    panel.show_order("O0000042")
    name = label(panel, "recipient_name")
    assert name.text() == "<img src='file:///etc/passwd'> <b>Bold</b>"
    assert label(panel, "recipient_address").text().startswith("<a href='https://evil.example'>")
    shown_with_markup = [
        found for found in panel.findChildren(QLabel)
        if "<" in found.text() and found.isVisibleTo(panel)
    ]
    assert shown_with_markup
    assert all(found.textFormat() == Qt.TextFormat.PlainText for found in shown_with_markup)
