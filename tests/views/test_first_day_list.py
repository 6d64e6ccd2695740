"""Issue 13 (what a receptionist met on her first day): the order list, kit panel and main
window items, driven like a user."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.services.order_rules import OrderRow
from app.views.kit_panel.kit_box import TrackingLink
from app.views.orders.order_list import OrderListView
from app.views.orders.order_table import COL_PATIENT
from tests.helpers.order_list import shown_ids
from tests.views import test_order_list

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)

view = test_order_list.view  # the order list fixture, shared

TRACKING_URL = "https://www.ups.com/track?tracknum=1Z999AA10123456784"


def test_a_tracking_link_that_opens_no_browser_says_so_and_copies_the_url(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []

    def no_browser(url: QUrl) -> bool:
        opened.append(url)
        return False

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(no_browser))
    holder = QWidget()
    qtbot.addWidget(holder)
    link = TrackingLink("ups", "1Z999AA10123456784", TRACKING_URL, holder)
    holder.show()
    qtbot.waitExposed(holder)
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    assert opened == [QUrl(TRACKING_URL)]
    box = holder.findChild(QMessageBox, "trackingLinkFailed")
    assert box is not None
    assert box.isVisible()
    assert "did not open" in box.text()
    assert TRACKING_URL in box.text()
    copy = box.findChild(QPushButton, "copyTrackingLink")
    assert copy is not None
    qtbot.mouseClick(copy, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert QApplication.clipboard().text() == TRACKING_URL


# --- the order list ------------------------------------------------------------------------

def test_needs_attention_holds_problems_and_results_have_their_own_view(
    qtbot: QtBot, view: OrderListView, sample_rows: list[OrderRow]
) -> None:
    # O0000003 has results nobody opened; O0000004 a delivery exception.
    view.set_rows(
        sample_rows,
        attention={"O0000004": ["Delivery exception"]},
        results={"O0000003": ["SPOTTEST0003"]},
    )
    assert view.attention_button.text() == "Needs attention (1)"
    assert view.results_button.text() == "Results to review (1)"
    qtbot.mouseClick(view.attention_button, Qt.MouseButton.LeftButton)
    assert shown_ids(view) == ["O0000004"]
    qtbot.mouseClick(view.results_button, Qt.MouseButton.LeftButton)
    assert not view.attention_button.isChecked()  # one view at a time
    assert shown_ids(view) == ["O0000003"]


def test_the_status_filter_offers_progress_states(
    view: OrderListView, sample_rows: list[OrderRow]
) -> None:
    view.set_rows(sample_rows)
    combo = view.status_combo
    offered = [combo.itemText(i) for i in range(combo.count())]
    assert "Results ready" in offered
    assert "Delivery exception" in offered
    combo.setCurrentIndex(offered.index("Delivery exception"))
    assert shown_ids(view) == ["O0000004"]
    combo.setCurrentIndex(offered.index("Results ready"))
    assert shown_ids(view) == ["O0000003"]


def test_an_empty_list_says_why_and_clears_the_search(
    qtbot: QtBot, view: OrderListView, sample_rows: list[OrderRow]
) -> None:
    view.set_rows(sample_rows)
    qtbot.keyClicks(view.search_edit, "xyz")
    qtbot.waitUntil(lambda: view.empty_label.isVisible())
    assert view.empty_label.text() == "No orders match “xyz”."
    assert not view.table.isVisible()
    assert view.clear_button.text() == "Clear the search"
    qtbot.waitUntil(lambda: view.clear_button.width() >= view.clear_button.sizeHint().width())
    qtbot.mouseClick(view.clear_button, Qt.MouseButton.LeftButton)
    assert view.search_edit.text() == ""
    assert view.table.isVisible()
    assert len(shown_ids(view)) == len(sample_rows)


def test_the_patient_column_shows_last_first_and_sorts_by_it(
    qtbot: QtBot, view: OrderListView, sample_rows: list[OrderRow]
) -> None:
    view.set_rows(sample_rows)
    header = view.table.horizontalHeader()
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton,
        pos=QPoint(header.sectionViewportPosition(COL_PATIENT) + 10, header.height() // 2),
    )
    shown = [view.model.index(r, COL_PATIENT).data()
             for r in range(view.model.rowCount())]
    assert shown[0] == "Aaronfake, Eve"
    assert shown == sorted(shown, key=str.lower)


def test_tab_leaves_the_order_list_without_changing_the_order(
    qtbot: QtBot, view: OrderListView, sample_rows: list[OrderRow]
) -> None:
    view.set_rows(sample_rows)
    view.table.selectRow(1)
    chosen = view.selected_order_id()
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Tab)
    assert view.selected_order_id() == chosen
    assert not view.table.hasFocus()


def test_the_row_menu_copies_ids_and_asks_for_report_and_registration(
    qtbot: QtBot, view: OrderListView, sample_rows: list[OrderRow]
) -> None:
    view.set_rows(sample_rows)
    row = view.model.row_of("O0000003")
    view.table.selectRow(row)
    view.table.setFocus()
    menus: list[QMenu] = []
    original = OrderListView.row_menu

    def spy(self: OrderListView, order_id: str) -> QMenu:
        menu = original(self, order_id)
        menus.append(menu)
        return menu

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(OrderListView, "row_menu", spy)
        qtbot.keyClick(view.table, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    assert len(menus) == 1
    menu = menus[0]
    qtbot.waitUntil(menu.isVisible)
    names = {action.objectName(): action for action in menu.actions()}
    assert [a.text() for a in menu.actions() if a.text()] == [
        "Copy order ID", "Copy kit ID", "Open report", "Register kit…",
    ]
    names["copyKitId"].trigger()
    assert QApplication.clipboard().text() == "SPOTTEST0003"
    names["copyOrderId"].trigger()
    assert QApplication.clipboard().text() == "O0000003"
    with qtbot.waitSignal(view.open_report_requested) as opened:
        names["openReport"].trigger()
    assert opened.args == ["O0000003"]
    with qtbot.waitSignal(view.register_kit_requested) as register:
        names["registerKit"].trigger()
    assert register.args == ["O0000003"]
    menu.close()
    # An order with no results: nothing to open.
    view.table.selectRow(view.model.row_of("O0000001"))
    no_results = view.row_menu("O0000001")
    actions = {action.objectName(): action for action in no_results.actions()}
    assert not actions["openReport"].isEnabled()
    assert not actions["copyKitId"].isEnabled()
