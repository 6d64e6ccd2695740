"""Issue 13 (a receptionist's first day) on the real main window against the sandbox: a
refresh keeps the list's sort, filter, selection and place; settings name the environment in
use; the row menu and the kit panel register a kit with the order's patient filled in and
open a report; Tab leaves the list; Help has its pages; the two "attention" counts differ."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPushButton, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from app.api.models import Address, NewOrder, Recipient
from app.sandbox import SandboxServer
from app.views.orders.order_table import COL_PATIENT, COL_UPDATED
from app.views.settings.dialog import SettingsDialog
from app.views.shell.actions import ACTIONS, shortcut_text
from app.views.shell.main_window import MainWindow
from tests.helpers.main_window import SEEDED, WAIT_MS, MakeWindow, sign_in_to_sandbox, visible_ids

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)


@pytest.fixture
def window(qtbot: QtBot, sandbox: SandboxServer, make_window: MakeWindow) -> MainWindow:
    sandbox.seed(SEEDED)
    made = make_window()
    made.resize(1280, 720)
    sign_in_to_sandbox(qtbot, made)
    return made


def _visible_dialog(window: MainWindow, kind: type[QWidget] | str) -> QWidget | None:
    for dialog in window.findChildren(QDialog):
        matches = (type(dialog).__name__ == kind if isinstance(kind, str)
                   else isinstance(dialog, kind))
        if matches and dialog.isVisible():
            return dialog
    return None


def test_settings_name_the_environment_in_use_and_its_kit_types(
    qtbot: QtBot, window: MainWindow
) -> None:
    session = window.session
    assert session is not None
    assert session.kit_catalog
    window.commands["settings"].trigger()
    qtbot.waitUntil(lambda: _visible_dialog(window, SettingsDialog) is not None, timeout=WAIT_MS)
    dialog = _visible_dialog(window, SettingsDialog)
    assert isinstance(dialog, SettingsDialog)
    assert "Sandbox" in dialog.environment_label.text()
    assert "Production" not in dialog.environment_label.text()
    table = dialog.catalog_table
    shown = {table.item(r, 0).text() for r in range(table.rowCount())}
    assert shown == set(session.kit_catalog)
    dialog.reject()


def test_register_kit_from_an_order_prefills_its_patient(
    qtbot: QtBot, window: MainWindow
) -> None:
    model = window.order_list.model
    row = next(
        r for r in (model.row_at(n) for n in range(model.rowCount()))
        if r is not None and "delivered" in r.kit_statuses
    )
    window.order_list.select_order(row.order_id)
    panel = window.kit_panel
    assert panel is not None
    kit_id = row.kit_ids[row.kit_statuses.index("delivered")]
    qtbot.waitUntil(
        lambda: panel.findChild(QPushButton, f"register_{kit_id}") is not None, timeout=WAIT_MS
    )
    button = panel.findChild(QPushButton, f"register_{kit_id}")
    assert button is not None
    qtbot.waitUntil(lambda: not button.visibleRegion().isEmpty(), timeout=WAIT_MS)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _visible_dialog(window, "RegisterKitDialog") is not None,
                    timeout=WAIT_MS)
    dialog = _visible_dialog(window, "RegisterKitDialog")
    assert dialog is not None
    order = panel.current_order()
    assert order is not None
    assert order.recipient is not None
    assert order.recipient.address is not None

    def text(path: str) -> str:
        editor = dialog.findChild(QLineEdit, path)
        assert editor is not None, path
        return editor.text()

    qtbot.waitUntil(lambda: text("first_name") == order.recipient.first_name, timeout=WAIT_MS)
    assert text("last_name") == order.recipient.last_name
    assert text("email") == order.recipient.email
    assert text("address.city") == order.recipient.address.city
    assert text("kit_id") == kit_id
    dialog.close()


def test_the_row_menu_registers_a_kit_and_opens_a_report(
    qtbot: QtBot, sandbox: SandboxServer, window: MainWindow
) -> None:
    sandbox.advance(40)  # results come in
    with qtbot.waitSignal(window.refreshed, timeout=WAIT_MS):
        window.refresh_now()
    order_list = window.order_list
    model = order_list.model
    resulted = next(
        r for r in (model.row_at(n) for n in range(model.rowCount()))
        if r is not None and "resulted" in r.sample_statuses
    )
    order_list.select_order(resulted.order_id)
    menu = order_list.row_menu(resulted.order_id)
    actions = {action.objectName(): action for action in menu.actions()}
    assert actions["openReport"].isEnabled()
    with qtbot.waitSignal(window.events.report_requested, timeout=WAIT_MS) as asked:
        actions["openReport"].trigger()
    request = asked.args[0]
    assert request.kit_id in resulted.kit_ids
    qtbot.waitUntil(lambda: window.child_windows.report is not None, timeout=WAIT_MS)
    report = window.child_windows.report
    assert report is not None
    assert report.isVisible()
    report.close()
    menu.close()
    menu = order_list.row_menu(resulted.order_id)
    actions = {action.objectName(): action for action in menu.actions()}
    actions["registerKit"].trigger()
    qtbot.waitUntil(lambda: _visible_dialog(window, "RegisterKitDialog") is not None,
                    timeout=WAIT_MS)
    dialog = _visible_dialog(window, "RegisterKitDialog")
    assert dialog is not None
    first = dialog.findChild(QLineEdit, "first_name")
    assert first is not None
    assert first.text() == resulted.first_name
    dialog.close()
    menu.close()


def test_tab_walks_through_the_main_window_and_out_of_the_list(
    qtbot: QtBot, window: MainWindow
) -> None:
    order_list = window.order_list
    order_list.table.selectRow(2)
    chosen = order_list.selected_order_id()
    order_list.focus_search()
    seen: list[QWidget] = []
    for _ in range(40):
        focused = QApplication.focusWidget()
        assert focused is not None
        if seen and focused is seen[0]:
            break
        seen.append(focused)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert order_list.table in seen  # the list is reachable...
    after_table = seen[seen.index(order_list.table) + 1] if seen[-1] is not order_list.table \
        else seen[0]
    assert after_table is not order_list.table  # ...and Tab leaves it
    assert seen.count(order_list.table) == 1
    assert order_list.selected_order_id() == chosen  # Tab never changed the order


def test_help_has_a_shortcut_sheet_and_a_getting_started_page(
    qtbot: QtBot, window: MainWindow
) -> None:
    help_menu = next(
        action.menu() for action in window.menuBar().actions() if action.text() == "&Help"
    )
    texts = [action.text() for action in help_menu.actions()]
    assert "&Keyboard shortcuts" in texts
    assert "&Getting started" in texts
    window.commands["shortcuts"].trigger()
    sheet = window.findChild(QDialog, "shortcutSheet")
    assert sheet is not None
    assert sheet.isVisible()
    table = sheet.findChild(QTableWidget, "shortcutTable")
    assert table is not None
    rows = {table.item(r, 1).text(): table.item(r, 0).text() for r in range(table.rowCount())}
    for spec in ACTIONS:
        if spec.keys is not None:
            assert shortcut_text(spec) in rows  # the platform's own key text
    assert rows[shortcut_text(next(s for s in ACTIONS if s.name == "new_order"))] == "New order"
    sheet.close()
    window.commands["getting_started"].trigger()
    page = window.findChild(QDialog, "gettingStarted")
    assert page is not None
    assert page.isVisible()
    assert "Needs attention" in page.findChild(QWidget, "gettingStartedPage").toPlainText()
    page.close()


def test_problems_and_results_to_review_are_separate_and_old_results_dont_flood(
    qtbot: QtBot, sandbox: SandboxServer, window: MainWindow
) -> None:
    order_list = window.order_list
    model = order_list.model
    resulted_already = [
        r for r in (model.row_at(n) for n in range(model.rowCount()))
        if r is not None and set(r.sample_statuses) & {"resulted", "partially_resulted"}
    ]
    assert resulted_already  # the seeded history has results...
    assert model.results_count() == 0  # ...from before this workstation's first start
    for row in resulted_already:
        assert "Results not opened yet" not in model.attention_reasons(row.order_id)
    sandbox.advance(40)
    with qtbot.waitSignal(window.refreshed, timeout=WAIT_MS):
        window.refresh_now()
    assert model.results_count() > 0
    assert order_list.results_button.text() == f"Results to review ({model.results_count()})"
    qtbot.mouseClick(order_list.results_button, Qt.MouseButton.LeftButton)
    assert model.rowCount() == model.results_count()
    assert window.outbox_label.text().startswith("Outbox: ")
    assert "attention" not in window.outbox_label.text()


def test_at_1280_px_last_names_show_whole_and_find_kit_leaves_the_columns_alone(
    qtbot: QtBot, window: MainWindow
) -> None:
    order_list = window.order_list
    table = order_list.table
    model = order_list.model
    metrics = table.fontMetrics()
    width = table.columnWidth(COL_PATIENT)
    for number in range(model.rowCount()):
        row = model.row_at(number)
        assert row is not None
        # The last name and its comma, with the cell's margins: never "Dumm…".
        assert metrics.horizontalAdvance(f"{row.last_name},") + 12 <= width, row.last_name
    # A search leaves a few rows (no scrolling needed), then Find kit jumps to an order the
    # search hides: the list fills again, and the columns stay as they were.
    target = next(
        r for r in (model.row_at(n) for n in range(model.rowCount()))
        if r is not None and r.kit_ids and not r.last_name.startswith("Dummy")
    )
    qtbot.keyClicks(order_list.search_edit, "Dummy")
    qtbot.waitUntil(lambda: 0 < model.rowCount() < 10, timeout=WAIT_MS)
    qtbot.wait(100)  # the view lays itself out again after the rows changed
    widths = [table.columnWidth(c) for c in range(model.columnCount())]
    bar = window.find_kit_bar
    assert bar is not None
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(bar.field, target.kit_ids[0])
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: order_list.selected_order_id() == target.order_id, timeout=WAIT_MS)
    assert model.rowCount() == SEEDED
    qtbot.wait(100)
    assert [table.columnWidth(c) for c in range(model.columnCount())] == widths


# --- item 3: a refresh keeps the list sorted, filtered, selected and in place --------------

def _updated_in_view_order(window: MainWindow) -> list[object]:
    model = window.order_list.model
    rows = [model.row_at(n) for n in range(model.rowCount())]
    return [row.updated for row in rows if row is not None]


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


# --- a 1280×720 desk: the window opens inside the screen --------------------------------

def test_the_first_start_opens_the_window_inside_a_small_screen(
    qtbot: QtBot, sandbox: SandboxServer, make_window: MakeWindow
) -> None:
    # Nothing saved yet (a new desk). The window must not open taller or wider than the
    # screen, or the status bar (sync time, outbox) is below the bottom edge.
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    area = window.screen().availableGeometry()
    assert window.frameGeometry().height() <= area.height()
    assert window.frameGeometry().width() <= area.width()
    assert window.statusBar().isVisible()
