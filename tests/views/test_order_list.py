"""The order list widget: debounced search, filters, and keeping the user's place on refresh."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from app.services.order_rules import OrderRow
from app.views.orders.order_list import SEARCH_DEBOUNCE_MS, OrderListView
from app.views.orders.order_table import COL_CREATED, COL_ORDER_ID
from tests.helpers.main_window import BASE_TIME, MakeRow
from tests.helpers.order_list import shown_ids

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
SEEDED_WAIT = SEARCH_DEBOUNCE_MS * 20


@pytest.fixture
def many_rows(row_factory: MakeRow) -> list[OrderRow]:
    return [
        row_factory(
            f"O{n:07d}", first_name=f"Person{n}", last_name="Fakename",
            created=BASE_TIME + timedelta(days=n), updated=BASE_TIME + timedelta(days=n),
            kits=[(f"SPOTTEST{n:04d}", "adx100", "delivered", "")],
        )
        for n in range(200)
    ]


@pytest.fixture
def view(qtbot: QtBot) -> OrderListView:
    widget = OrderListView(kit_names={"adx100": "ADx100 card"})
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget




def test_typing_filters_once_after_a_pause(
    qtbot: QtBot, view: OrderListView, many_rows: list[OrderRow]
) -> None:
    view.set_rows(many_rows)
    resets: list[int] = []
    view.model.modelReset.connect(lambda: resets.append(1))
    qtbot.keyClicks(view.search_edit, "person19")
    assert view.model.rowCount() == 200  # nothing applied mid-word
    qtbot.waitUntil(lambda: view.model.rowCount() == 11, timeout=SEEDED_WAIT)
    assert len(resets) == 1
    assert view.count_label.text() == "11 of 200 orders"


def test_selection_and_top_row_survive_new_rows(
    qtbot: QtBot, view: OrderListView, many_rows: list[OrderRow], row_factory: MakeRow
) -> None:
    view.set_rows(many_rows)
    view.table.scrollToBottom()
    top_before = view.model.order_id_at(view.table.rowAt(0))
    chosen = view.model.order_id_at(view.table.rowAt(5))
    assert chosen is not None
    assert view.select_order(chosen)
    selected: list[object] = []
    view.order_selected.connect(selected.append)
    # A refresh brings a brand-new order at the top: rows shift by one.
    newcomer = row_factory("O9999999", updated=BASE_TIME + timedelta(days=999))
    view.set_rows([newcomer, *many_rows])
    assert view.selected_order_id() == chosen
    assert view.model.order_id_at(view.table.rowAt(0)) == top_before
    assert selected == []  # the panel is not reloaded for nothing


def test_filtering_out_the_selected_order_clears_the_panel(
    qtbot: QtBot, view: OrderListView, many_rows: list[OrderRow]
) -> None:
    view.set_rows(many_rows)
    view.select_order("O0000005")
    with qtbot.waitSignal(view.order_selected) as blocker:
        view.search_edit.setText("person7")
    assert blocker.args == [None]


def test_select_order_clears_filters_that_hide_it(
    view: OrderListView, many_rows: list[OrderRow]
) -> None:
    view.set_rows(many_rows)
    view.search_edit.setText("person1")
    view.status_combo.setCurrentIndex(view.status_combo.findData("completed"))
    assert view.model.rowCount() == 0
    assert view.select_order("O0000150")
    assert view.search_edit.text() == ""
    assert view.status_combo.currentIndex() == 0
    assert view.selected_order_id() == "O0000150"
    assert not view.select_order("O7777777")


def test_custom_date_range(view: OrderListView, many_rows: list[OrderRow]) -> None:
    view.set_rows(many_rows)
    assert not view.from_edit.isVisible()
    view.range_combo.setCurrentIndex(view.range_combo.findData(-1))
    assert view.from_edit.isVisible()
    start = BASE_TIME.astimezone().date() + timedelta(days=10)
    view.from_edit.setDate(QDate(start.year, start.month, start.day))
    end = start + timedelta(days=4)
    view.to_edit.setDate(QDate(end.year, end.month, end.day))
    assert len(shown_ids(view)) == 5


def test_needs_attention_toggle_shows_the_count_and_filters(
    view: OrderListView, many_rows: list[OrderRow]
) -> None:
    view.set_rows(many_rows, attention={"O0000003": ["Delivery exception"],
                                        "O0000004": ["Results not opened yet"]})
    assert view.attention_button.text() == "Needs attention (2)"
    view.attention_button.click()
    assert sorted(shown_ids(view)) == ["O0000003", "O0000004"]


def test_column_layout_round_trips(qtbot: QtBot, view: OrderListView) -> None:
    view.set_column_hidden(COL_CREATED, True)
    view.model.sort(COL_CREATED, Qt.SortOrder.AscendingOrder)
    view.table.horizontalHeader().setSortIndicator(COL_CREATED, Qt.SortOrder.AscendingOrder)
    state = view.save_state()
    other = OrderListView()
    qtbot.addWidget(other)
    assert other.restore_state(state)
    assert other.table.horizontalHeader().isSectionHidden(COL_CREATED)
    assert other.model.sort_column == COL_CREATED
    assert other.model.sort_order == Qt.SortOrder.AscendingOrder


def test_clicking_the_row_that_focus_made_current_shows_that_order(
    qtbot: QtBot, view: OrderListView, sample_rows: list[OrderRow]
) -> None:
    view.set_rows(sample_rows)
    table = view.table
    # Tabbing into the table makes its first row current but selects nothing.
    table.setCurrentIndex(view.model.index(0, COL_ORDER_ID))
    table.clearSelection()
    assert view.selected_order_id() is None
    first = view.model.order_id_at(0)
    rect = table.visualRect(view.model.index(0, COL_ORDER_ID))
    with qtbot.waitSignal(view.order_selected, timeout=1000) as selected:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert selected.args == [first]
