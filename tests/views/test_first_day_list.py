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
from app.views.orders.order_table import COL_ORDER_ID, COL_PATIENT

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)

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

@pytest.fixture
def order_list(qtbot: QtBot) -> OrderListView:
    widget = OrderListView(kit_names={"adx100": "ADx100 card"})
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _shown(view: OrderListView) -> list[str]:
    return [view.model.index(r, COL_ORDER_ID).data() for r in range(view.model.rowCount())]


def test_needs_attention_holds_problems_and_results_have_their_own_view(
    qtbot: QtBot, order_list: OrderListView, sample_rows: list[OrderRow]
) -> None:
    # O0000003 has results nobody opened; O0000004 a delivery exception.
    order_list.set_rows(
        sample_rows,
        attention={"O0000004": ["Delivery exception"]},
        results={"O0000003": ["SPOTTEST0003"]},
    )
    assert order_list.attention_button.text() == "Needs attention (1)"
    assert order_list.results_button.text() == "Results to review (1)"
    qtbot.mouseClick(order_list.attention_button, Qt.MouseButton.LeftButton)
    assert _shown(order_list) == ["O0000004"]
    qtbot.mouseClick(order_list.results_button, Qt.MouseButton.LeftButton)
    assert not order_list.attention_button.isChecked()  # one view at a time
    assert _shown(order_list) == ["O0000003"]


def test_the_status_filter_offers_progress_states(
    order_list: OrderListView, sample_rows: list[OrderRow]
) -> None:
    order_list.set_rows(sample_rows)
    combo = order_list.status_combo
    offered = [combo.itemText(i) for i in range(combo.count())]
    assert "Results ready" in offered
    assert "Delivery exception" in offered
    combo.setCurrentIndex(offered.index("Delivery exception"))
    assert _shown(order_list) == ["O0000004"]
    combo.setCurrentIndex(offered.index("Results ready"))
    assert _shown(order_list) == ["O0000003"]


def test_an_empty_list_says_why_and_clears_the_search(
    qtbot: QtBot, order_list: OrderListView, sample_rows: list[OrderRow]
) -> None:
    order_list.set_rows(sample_rows)
    qtbot.keyClicks(order_list.search_edit, "xyz")
    qtbot.waitUntil(lambda: order_list.empty_label.isVisible())
    assert order_list.empty_label.text() == "No orders match “xyz”."
    assert not order_list.table.isVisible()
    assert order_list.clear_button.text() == "Clear the search"
    qtbot.mouseClick(order_list.clear_button, Qt.MouseButton.LeftButton)
    assert order_list.search_edit.text() == ""
    assert order_list.table.isVisible()
    assert len(_shown(order_list)) == len(sample_rows)


def test_the_patient_column_shows_last_first_and_sorts_by_it(
    qtbot: QtBot, order_list: OrderListView, sample_rows: list[OrderRow]
) -> None:
    order_list.set_rows(sample_rows)
    header = order_list.table.horizontalHeader()
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton,
        pos=QPoint(header.sectionViewportPosition(COL_PATIENT) + 10, header.height() // 2),
    )
    shown = [order_list.model.index(r, COL_PATIENT).data()
             for r in range(order_list.model.rowCount())]
    assert shown[0] == "Aaronfake, Eve"
    assert shown == sorted(shown, key=str.lower)


def test_tab_leaves_the_order_list_without_changing_the_order(
    qtbot: QtBot, order_list: OrderListView, sample_rows: list[OrderRow]
) -> None:
    order_list.set_rows(sample_rows)
    order_list.table.selectRow(1)
    chosen = order_list.selected_order_id()
    order_list.table.setFocus()
    qtbot.keyClick(order_list.table, Qt.Key.Key_Tab)
    assert order_list.selected_order_id() == chosen
    assert not order_list.table.hasFocus()


def test_the_row_menu_copies_ids_and_asks_for_report_and_registration(
    qtbot: QtBot, order_list: OrderListView, sample_rows: list[OrderRow]
) -> None:
    order_list.set_rows(sample_rows)
    row = order_list.model.row_of("O0000003")
    order_list.table.selectRow(row)
    order_list.table.setFocus()
    menus: list[QMenu] = []
    original = OrderListView.row_menu

    def spy(self: OrderListView, order_id: str) -> QMenu:
        menu = original(self, order_id)
        menus.append(menu)
        return menu

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(OrderListView, "row_menu", spy)
        qtbot.keyClick(order_list.table, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
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
    with qtbot.waitSignal(order_list.open_report_requested) as opened:
        names["openReport"].trigger()
    assert opened.args == ["O0000003"]
    with qtbot.waitSignal(order_list.register_kit_requested) as register:
        names["registerKit"].trigger()
    assert register.args == ["O0000003"]
    menu.close()
    # An order with no results: nothing to open.
    order_list.table.selectRow(order_list.model.row_of("O0000001"))
    no_results = order_list.row_menu("O0000001")
    actions = {action.objectName(): action for action in no_results.actions()}
    assert not actions["openReport"].isEnabled()
    assert not actions["copyKitId"].isEnabled()
