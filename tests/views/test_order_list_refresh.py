"""Issue 13 item 3: after a refresh the list stays sorted and filtered by the current
settings, the selection stays, and at the top the newest orders show (real window, sandbox)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.api.models import Address, NewOrder, Recipient
from app.sandbox import SandboxServer
from app.views.orders.order_table import COL_UPDATED
from app.views.shell.main_window import MainWindow
from tests.views.conftest import MakeWindow
from tests.views.test_main_window import SEEDED, WAIT_MS, sign_in_to_sandbox, visible_ids

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)


def _updated_in_view_order(window: MainWindow) -> list[object]:
    model = window.order_list.model
    rows = [model.row_at(n) for n in range(model.rowCount())]
    return [row.updated for row in rows if row is not None]


@pytest.fixture
def window(qtbot: QtBot, sandbox: SandboxServer, make_window: MakeWindow) -> MainWindow:
    sandbox.seed(SEEDED)
    made = make_window()
    made.resize(1280, 720)
    sign_in_to_sandbox(qtbot, made)
    return made


def test_a_placed_order_shows_at_the_top_and_the_selection_stays(
    qtbot: QtBot, window: MainWindow
) -> None:
    order_list = window.order_list
    header = order_list.table.horizontalHeader()
    assert header.sortIndicatorSection() == COL_UPDATED
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    chosen = order_list.model.order_id_at(3)
    assert chosen is not None
    order_list.table.selectRow(3)
    assert order_list.selected_order_id() == chosen
    session = window.session
    assert session is not None
    session.outbox.submit(NewOrder(
        kit_types=["health_kit_1"],
        recipient=Recipient(
            first_name="Testy", last_name="Newest", email="testy.newest@example.com",
            phone="3125550199",
            address=Address(street1="1 Test Street", city="Chicago", state="IL",
                            zip="60601", country="US"),
        ),
    ))
    qtbot.waitUntil(lambda: window.order_count() == SEEDED + 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not window.refresh_in_progress(), timeout=WAIT_MS)
    updated = _updated_in_view_order(window)
    assert updated == sorted(updated, reverse=True)
    newest = order_list.model.row_at(0)
    assert newest is not None
    assert newest.last_name == "Newest"
    assert order_list.table.rowAt(0) == 0  # the new order is on screen, not scrolled away
    assert order_list.selected_order_id() == chosen


def test_a_refresh_keeps_the_search_the_sort_and_a_scrolled_place(
    qtbot: QtBot, sandbox: SandboxServer, window: MainWindow
) -> None:
    order_list = window.order_list
    table = order_list.table
    table.verticalScrollBar().setValue(table.verticalScrollBar().maximum())
    top = order_list.model.order_id_at(table.rowAt(0))
    sandbox.advance(12)  # kits and orders move along: 'Updated' changes
    with qtbot.waitSignal(window.refreshed, timeout=WAIT_MS):
        qtbot.keyClick(window, Qt.Key.Key_F5)
    updated = _updated_in_view_order(window)
    assert updated == sorted(updated, reverse=True)
    assert order_list.model.order_id_at(table.rowAt(0)) == top  # scrolled down: place kept
    # A search stays applied through a refresh.
    name = order_list.model.row_at(0)
    assert name is not None
    qtbot.keyClicks(order_list.search_edit, name.order_id)
    qtbot.waitUntil(lambda: order_list.model.rowCount() == 1, timeout=WAIT_MS)
    sandbox.advance(12)
    with qtbot.waitSignal(window.refreshed, timeout=WAIT_MS):
        qtbot.keyClick(window, Qt.Key.Key_F5)
    assert visible_ids(window) == [name.order_id]
