"""The real main window driven like a user, against the local sandbox (real HTTP, real runner)."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from app.main import CrashHandler
from app.sandbox import SandboxServer
from app.tasks import TaskRunner
from app.views.common.app_settings import AppSettings
from app.views.kit_panel.kit_box import TrackingLink
from app.views.orders.order_table import COL_ORDER_ID, COL_PATIENT, COL_PROGRESS
from app.views.shell.main_window import MainWindow
from app.views.shell.refresh import RefreshOutcome
from tests.helpers.main_window import (  # noqa: F401
    SEEDED,
    WAIT_MS,
    MakeWindow,
    UrlCatcher,
    _visible_dialog,
    fake_order,
    open_dialog,
    pytestmark,
    sign_in_to_sandbox,
    visible_ids,
)


def test_first_start_asks_to_sign_in_then_shows_the_seeded_orders(
    qtbot: QtBot, seeded: SandboxServer, make_window: MakeWindow
) -> None:
    window = make_window()
    assert window.environment_label.text() == "Not signed in"
    assert not window.commands["new_order"].isEnabled()
    sign_in_to_sandbox(qtbot, window)
    assert window.environment_label.text() == "Sandbox (built-in)"
    assert window.online_label.text() == "● Online"
    assert window.sync_label.text().startswith("Last sync ")
    qtbot.waitUntil(lambda: window.outbox_label.text().startswith("Outbox:"), timeout=WAIT_MS)
    assert window.outbox_label.text() == "Outbox: 0 waiting · 0 to fix"
    assert window.commands["new_order"].isEnabled()
    assert window.order_list.count_label.text() == f"{SEEDED} order(s)"
    assert AppSettings().environment_kind == "sandbox"  # remembered for the next start


def test_next_start_goes_straight_to_the_remembered_sandbox(
    qtbot: QtBot, seeded: SandboxServer, make_window: MakeWindow
) -> None:
    settings = AppSettings()
    settings.environment_kind = "sandbox"
    window = make_window(settings=settings)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: window.order_count() == SEEDED, timeout=WAIT_MS)
    assert _visible_dialog(window) is None


def test_search_filters_as_you_type(
    qtbot: QtBot, seeded: SandboxServer, make_window: MakeWindow
) -> None:
    window = make_window()
    sign_in_to_sandbox(qtbot, window)
    model = window.order_list.model
    target = model.row_at(5)
    assert target is not None
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.order_list.search_edit.hasFocus()
    qtbot.keyClicks(window.order_list.search_edit, target.order_id.lower())
    qtbot.waitUntil(lambda: visible_ids(window) == [target.order_id], timeout=WAIT_MS)
    assert window.order_list.count_label.text() == f"1 of {SEEDED} orders"
    window.order_list.search_edit.clear()
    qtbot.waitUntil(lambda: model.rowCount() == SEEDED, timeout=WAIT_MS)


def test_status_filter_shows_only_that_status(
    qtbot: QtBot, seeded: SandboxServer, make_window: MakeWindow
) -> None:
    window = make_window()
    sign_in_to_sandbox(qtbot, window)
    combo = window.order_list.status_combo
    combo.setCurrentIndex(combo.findData("pending"))
    model = window.order_list.model
    statuses = {model.row_at(row).status for row in range(model.rowCount())}  # type: ignore[union-attr]
    assert statuses <= {"pending"}


def test_advancing_the_sandbox_clock_moves_orders_along(
    qtbot: QtBot, seeded: SandboxServer, make_window: MakeWindow
) -> None:
    window = make_window()
    sign_in_to_sandbox(qtbot, window)
    model = window.order_list.model

    def progress() -> dict[str, str]:
        return {
            model.index(row, COL_ORDER_ID).data(): model.index(row, COL_PROGRESS).data()
            for row in range(model.rowCount())
        }

    before = progress()
    seeded.advance(12)
    with qtbot.waitSignal(window.refreshed, timeout=WAIT_MS):
        qtbot.keyClick(window, Qt.Key.Key_F5)
    after = progress()
    assert set(after) == set(before)
    assert after != before


def test_selection_survives_a_refresh(
    qtbot: QtBot, seeded: SandboxServer, make_window: MakeWindow
) -> None:
    window = make_window()
    sign_in_to_sandbox(qtbot, window)
    order_list = window.order_list
    chosen = order_list.model.order_id_at(20)
    assert chosen is not None
    assert order_list.select_order(chosen)
    seeded.advance(12)
    with qtbot.waitSignal(window.refreshed, timeout=WAIT_MS):
        window.refresh_now()
    assert order_list.selected_order_id() == chosen


def test_results_arriving_notify_without_patient_details(
    qtbot: QtBot, seeded: SandboxServer, make_window: MakeWindow
) -> None:
    window = make_window()
    sign_in_to_sandbox(qtbot, window)
    rows = [window.order_list.model.row_at(r) for r in range(window.order_list.model.rowCount())]
    names = {part.lower() for row in rows if row is not None
             for part in (row.first_name, row.last_name, row.email)}
    seeded.advance(40)
    posted: list[str] = []
    window.notification_posted.connect(posted.append)
    window.refresh_now()
    # New results are announced by the results inbox, as counts ("3 new results, 1 critical").
    qtbot.waitUntil(lambda: any("new result" in text for text in posted), timeout=WAIT_MS)
    assert not any(name in text.lower() for text in posted for name in names)
    assert window.statusBar().currentMessage() == posted[-1]
    attention = window.order_list.attention_button.text()
    assert attention.startswith("Needs attention (")
    assert attention != "Needs attention (0)"


def test_a_rejected_token_reopens_sign_in_and_keeps_the_window_as_it_was(
    qtbot: QtBot, seeded: SandboxServer, make_window: MakeWindow
) -> None:
    window = make_window()
    sign_in_to_sandbox(qtbot, window)
    order_list = window.order_list
    order_list.search_edit.setText("o")
    chosen = order_list.model.order_id_at(3)
    assert chosen is not None
    order_list.select_order(chosen)
    assert window.session is not None
    window.session.reauthenticate("revoked-token-0000")  # Spot now answers 401
    window.refresh_now()
    dialog = open_dialog(qtbot, window)
    assert "rejected" in dialog.reason_label.text()
    assert window.banner.isVisible()
    assert order_list.search_edit.text() == "o"
    assert order_list.selected_order_id() == chosen
    assert window.order_count() == SEEDED
    # Signing in again carries on with the same list.
    dialog.environment_combo.setCurrentIndex(dialog.environment_combo.findData("sandbox"))
    with qtbot.waitSignal(window.refreshed, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert not window.banner.isVisible()
    assert order_list.selected_order_id() == chosen


def test_losing_the_network_shows_offline_and_a_copyable_banner(
    qtbot: QtBot, seeded: SandboxServer, make_window: MakeWindow
) -> None:
    window = make_window()
    sign_in_to_sandbox(qtbot, window)
    seeded.set_faults(drop_rate=1.0)  # the server does the work, then hangs up: no answer
    window.refresh_now()
    qtbot.waitUntil(lambda: window.online_label.text() == "● Offline", timeout=WAIT_MS)
    assert window.banner.isVisible()
    assert window.order_count() == SEEDED  # the list stays
    qtbot.mouseClick(window.banner.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert window.banner.title_label.text() in copied
    assert "Traceback" not in copied


def test_ctrl_n_opens_the_order_form_and_ctrl_k_finds_kits(
    qtbot: QtBot, seeded: SandboxServer, make_window: MakeWindow
) -> None:
    window = make_window()
    sign_in_to_sandbox(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: any(w.isVisible() and type(w).__name__ == "NewOrderDialog"
                    for w in QApplication.topLevelWidgets()),
        timeout=WAIT_MS,
    )
    for widget in QApplication.topLevelWidgets():
        if type(widget).__name__ == "NewOrderDialog":
            widget.close()  # an untouched form closes without asking
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.find_kit_bar is not None
    assert window.find_kit_bar.field.hasFocus()


def test_window_layout_is_restored_next_time(
    qtbot: QtBot, seeded: SandboxServer, make_window: MakeWindow
) -> None:
    window = make_window()
    window.show()
    window.resize(760, 560)
    window.splitter.setSizes([450, 300])
    window.order_list.table.setColumnWidth(COL_PATIENT, 333)
    window.order_list.table.horizontalHeader().setSectionResizeMode(
        COL_PATIENT, window.order_list.table.horizontalHeader().ResizeMode.Interactive
    )
    window.order_list.table.setColumnWidth(COL_PATIENT, 333)
    window.order_list.model.sort(COL_PATIENT, Qt.SortOrder.AscendingOrder)
    window.order_list.table.horizontalHeader().setSortIndicator(
        COL_PATIENT, Qt.SortOrder.AscendingOrder
    )
    sizes = window.splitter.sizes()
    window.close()
    again = make_window()
    again.show()
    assert again.size().width() == 760
    assert again.splitter.sizes() == sizes
    assert again.order_list.model.sort_column == COL_PATIENT


def test_crash_message_is_non_blocking_and_copyable(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    window.show()
    window.show_crash("KeyError at kit_panel.py:12 in show_order")
    assert window.banner.title_label.text() == "Something went wrong"
    assert "kit_panel.py:12" in window.banner.details
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog)
                and w.isVisible()]


def test_sign_in_dialog_tells_a_wrong_token_apart(
    qtbot: QtBot, sandbox: SandboxServer, make_window: MakeWindow
) -> None:
    window = make_window()
    window.show()
    dialog = window.show_sign_in()
    assert dialog is not None
    dialog.environment_combo.setCurrentIndex(dialog.environment_combo.findData("custom"))
    dialog.url_edit.setText(sandbox.base_url)
    qtbot.keyClicks(dialog.token_edit, "not-the-token")
    assert dialog.token_edit.echoMode() == dialog.token_edit.EchoMode.Password
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "rejected" in dialog.status_label.text(), timeout=WAIT_MS)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: "rejected" in dialog.status_label.text(), timeout=WAIT_MS)
    assert dialog.isVisible()  # still there to fix the token
    assert window.session is None




def test_open_an_order_see_its_timeline_and_follow_a_tracking_link(
    qtbot: QtBot, seeded: SandboxServer, make_window: MakeWindow
) -> None:
    seeded.advance(3)  # kits are on their way: tracking numbers exist
    window = make_window()
    sign_in_to_sandbox(qtbot, window)
    model = window.order_list.model
    shipped = next(
        row for row in (model.row_at(n) for n in range(model.rowCount()))
        if row is not None and row.kit_ids and row.kit_statuses[0] not in ("", "preparing")
    )
    window.order_list.select_order(shipped.order_id)
    panel = window.kit_panel
    assert panel is not None
    qtbot.waitUntil(lambda: panel.current_order() is not None, timeout=WAIT_MS)
    assert panel.order_id == shipped.order_id
    kit_timeline, _sample_timeline = panel.timelines(shipped.kit_ids[0])
    assert kit_timeline.isVisible()
    links = [link for link in panel.findChildren(TrackingLink) if link.isVisible()]
    assert links
    # Just rendered: under load the layout may not have given it a size yet (a user can only
    # click it once it is painted).
    qtbot.waitUntil(lambda: not links[0].rect().isEmpty(), timeout=WAIT_MS)
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("https", catcher, "open")
    try:
        qtbot.mouseClick(links[0], Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("https")
    assert catcher.urls == [links[0].url]
    assert links[0].text() in catcher.urls[0]


def test_find_kit_by_barcode_jumps_to_its_order(
    qtbot: QtBot, seeded: SandboxServer, make_window: MakeWindow
) -> None:
    window = make_window()
    sign_in_to_sandbox(qtbot, window)
    model = window.order_list.model
    with_kit = next(
        row for row in (model.row_at(n) for n in range(model.rowCount()))
        if row is not None and row.kit_ids
    )
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    bar = window.find_kit_bar
    assert bar is not None
    qtbot.keyClicks(bar.field, with_kit.kit_ids[0].lower())
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)  # a USB scanner ends with Enter
    qtbot.waitUntil(
        lambda: window.order_list.selected_order_id() == with_kit.order_id, timeout=WAIT_MS
    )


def test_outbox_rejected_token_reopens_sign_in_and_counts_show_it(
    qtbot: QtBot, seeded: SandboxServer, make_window: MakeWindow
) -> None:
    window = make_window()
    sign_in_to_sandbox(qtbot, window)
    session = window.session
    assert session is not None
    session.reauthenticate("revoked-token-0000")
    session.outbox.submit(fake_order("Outboxer"))
    dialog = open_dialog(qtbot, window)
    assert "stays queued" in dialog.reason_label.text()
    qtbot.waitUntil(
        lambda: window.outbox_label.text() == "Outbox: 0 waiting · 1 to fix",
        timeout=WAIT_MS,
    )
    # Signing in again sends it.
    dialog.environment_combo.setCurrentIndex(dialog.environment_combo.findData("sandbox"))
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: window.outbox_label.text() == "Outbox: 0 waiting · 0 to fix",
        timeout=WAIT_MS,
    )
    qtbot.waitUntil(lambda: window.order_count() == SEEDED + 1, timeout=WAIT_MS)


def test_requisitions_open_as_a_tab_and_registration_dialogs_open(
    qtbot: QtBot, seeded: SandboxServer, make_window: MakeWindow, runner: TaskRunner
) -> None:
    window = make_window()
    sign_in_to_sandbox(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_R,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    tabs = window.tabs
    assert tabs.tabText(tabs.currentIndex()) == "Requisitions"
    count = tabs.count()  # Orders, Results inbox, Requisitions
    window.open_requisitions()  # a second time: the same tab, not another
    assert tabs.count() == count
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 0  # back to the orders for the barcode
    window.commands["register_kit"].trigger()
    window.commands["registration_token"].trigger()
    names = {type(w).__name__ for w in window.findChildren(QDialog) if w.isVisible()}
    assert {"RegisterKitDialog", "RegistrationTokenDialog"} <= names
    runner.wait_idle(WAIT_MS)  # let their first lookups land before closing them
    # Both are non-modal (a token counts down for 10 minutes while the desk keeps working),
    # and asking again brings the same window forward instead of stacking another.
    tokens = [w for w in window.findChildren(QDialog)
              if type(w).__name__ == "RegistrationTokenDialog"]
    assert [w.isModal() for w in tokens] == [False]
    assert window.isEnabled()
    window.commands["registration_token"].trigger()
    assert [w for w in window.findChildren(QDialog)
            if type(w).__name__ == "RegistrationTokenDialog" and w.isVisible()] == tokens
    for dialog in window.findChildren(QDialog):
        dialog.close()


def test_an_older_snapshot_arriving_late_does_not_undo_a_refresh(
    qtbot: QtBot, seeded: SandboxServer, make_window: MakeWindow
) -> None:
    window = make_window()
    sign_in_to_sandbox(qtbot, window)
    model = window.order_list.model
    stale = RefreshOutcome(rows=[], attention={}, sorted_by=(model.sort_column, model.sort_order),
                           version=0)  # e.g. the cached list read before the first sync
    window.refresher.show_outcome(stale)
    assert window.order_count() == SEEDED


def test_an_unhandled_error_anywhere_shows_the_banner_not_a_traceback(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    window.show()
    handler = CrashHandler()
    handler.window = window
    worker = threading.Thread(target=lambda: handler._on_thread_exception(_thread_error()))
    worker.start()
    worker.join()
    qtbot.waitUntil(window.banner.isVisible, timeout=WAIT_MS)
    assert window.banner.title_label.text() == "Something went wrong"
    assert window.banner.details.endswith(handler.last_details)
    assert handler.last_details.startswith("ZeroDivisionError at test_main_window.py:")
    assert "Traceback" not in window.banner.details


def _thread_error() -> threading.ExceptHookArgs:
    try:
        1 / 0  # noqa: B018 - the error under test
    except ZeroDivisionError as exc:
        return threading.ExceptHookArgs((type(exc), exc, exc.__traceback__, None))
    raise AssertionError("unreachable")


def test_a_second_launch_brings_a_minimized_window_back(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    window.show()
    window.showMinimized()
    assert window.isMinimized()
    window.bring_to_front()
    assert window.isVisible()
    assert not window.isMinimized()


def test_a_window_that_is_closing_stays_closed_when_asked_to_come_forward(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    window.show()
    with qtbot.waitSignal(window.shutdown_started, timeout=1000):
        window.close()
    window.bring_to_front()
    assert not window.isVisible()


def _answer_unsent_orders_box(qtbot: QtBot, window: MainWindow, button_text: str,
                              seen: list[str]) -> None:
    def answer() -> None:
        box = next((b for b in window.findChildren(QMessageBox, "unsentOrdersBox")
                    if b.isVisible()), None)
        if box is None:
            QTimer.singleShot(50, answer)
            return
        seen.append(box.text())
        button = next(b for b in box.buttons() if b.text() == button_text)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)


def test_quitting_a_temporary_profile_with_unsent_orders_asks_first(
    qtbot: QtBot, seeded: SandboxServer, make_window: MakeWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SPOT_FRONT_DESK_TEMPORARY_PROFILE", "1")  # as IT sets on VDI pools
    window = make_window()
    sign_in_to_sandbox(qtbot, window)
    session = window.session
    assert session is not None
    session.reauthenticate("revoked-token-0000")  # the order cannot be sent
    session.outbox.submit(fake_order("Quitter"))
    # The quit question uses the counts the status bar already shows (no disk at quit).
    qtbot.waitUntil(lambda: window.outbox_label.text() == "Outbox: 0 waiting · 1 to fix",
                    timeout=WAIT_MS)
    seen: list[str] = []
    _answer_unsent_orders_box(qtbot, window, "Keep the app open", seen)
    window.close()
    qtbot.waitUntil(lambda: len(seen) == 1)
    assert seen == ["Some orders haven't reached Spot yet"]
    qtbot.waitUntil(lambda: window.quit_guard.box is None)
    assert window.isVisible()
    assert window.session is session

    _answer_unsent_orders_box(qtbot, window, "Quit anyway", seen)
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=WAIT_MS)
    assert len(seen) == 2
    assert window.session is None


def test_quitting_with_orders_waiting_says_how_many_and_never_blocks(
    qtbot: QtBot, seeded: SandboxServer, make_window: MakeWindow,
) -> None:
    window = make_window()
    sign_in_to_sandbox(qtbot, window)
    session = window.session
    assert session is not None
    session.outbox.stop()  # as if Spot were unreachable: the order waits
    session.outbox.submit(fake_order("Waiter"))
    qtbot.waitUntil(lambda: window.outbox_label.text() == "Outbox: 1 waiting · 0 to fix",
                    timeout=WAIT_MS)

    window.close()  # returns at once: the question does not run its own event loop
    box = window.quit_guard.box
    assert box is not None
    assert box.isVisible()
    assert box.windowModality() == Qt.WindowModality.WindowModal
    assert box.text() == "Some orders haven't been sent yet"
    assert "Waiting to be sent: 1." in box.informativeText()
    assert "sent the next time you start the app" in box.informativeText()
    window.close()  # a second close while it is up only brings the question forward
    assert window.quit_guard.box is box
    _press(qtbot, box, "Keep the app open")
    qtbot.waitUntil(lambda: window.quit_guard.box is None)
    assert window.isVisible()

    window.close()
    assert window.quit_guard.box is not None
    _press(qtbot, window.quit_guard.box, "Quit")
    qtbot.waitUntil(lambda: window.session is None, timeout=WAIT_MS)
    assert not window.isVisible()


def _press(qtbot: QtBot, box: QMessageBox, text: str) -> None:
    qtbot.mouseClick(next(b for b in box.buttons() if b.text() == text),
                     Qt.MouseButton.LeftButton)


def test_view_outbox_and_the_status_bar_count_open_one_outbox_window(
    qtbot: QtBot, seeded: SandboxServer, make_window: MakeWindow,
) -> None:
    window = make_window()
    sign_in_to_sandbox(qtbot, window)
    session = window.session
    assert session is not None
    item = session.outbox.submit(fake_order("Outboxsent"))
    qtbot.waitUntil(lambda: window.order_count() == SEEDED + 1, timeout=WAIT_MS)
    sent = session.outbox.get(item.item_id)
    assert sent is not None
    assert sent.order_id

    qtbot.mouseClick(window.outbox_label, Qt.MouseButton.LeftButton)
    outbox = window.child_windows.outbox
    assert outbox is not None
    qtbot.waitUntil(outbox.isVisible)
    window.commands["outbox"].trigger()  # View → Outbox: the same window, brought forward
    assert window.child_windows.outbox is outbox

    from app.views.outbox.window import OutboxWindow

    assert isinstance(outbox, OutboxWindow)
    outbox.select_item(item.item_id)
    qtbot.mouseClick(outbox.buttons["open"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.order_list.selected_order_id() == sent.order_id,
                    timeout=WAIT_MS)
