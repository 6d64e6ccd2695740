"""The main window and the windows it opens: exit keeps the newest typing, kit registration
updates the panel, unsaved metadata is not dropped silently (real window, sandbox, real runner)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from app.api import models
from app.paths import paths
from app.sandbox import SandboxServer
from app.services.session import Session
from app.services.sync import SyncResult
from app.views.desk.register_kit import RegisterKitDialog
from app.views.kit_panel.panel import KitTrackingPanel
from app.views.orders.order_table import COL_ORDER_ID
from app.views.shell.main_window import MainWindow
from tests.helpers.main_window import SEEDED, WAIT_MS, MakeWindow, sign_in_to_sandbox

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)



def _first_name_field_of_the_order_form() -> QLineEdit:
    dialogs = [w for w in QApplication.topLevelWidgets()
               if w.isVisible() and type(w).__name__ == "NewOrderDialog"]
    assert len(dialogs) == 1
    field = dialogs[0].form.fields.editor("first_name")  # type: ignore[attr-defined]
    assert isinstance(field, QLineEdit)
    return field


def test_closing_the_window_right_after_typing_keeps_the_newest_keystrokes_in_the_draft(
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
    field = _first_name_field_of_the_order_form()
    field.setFocus()
    qtbot.keyClicks(field, "Zelda")  # well inside the autosave delay
    session = window.session
    assert session is not None
    environment = session.environment
    window.close()  # quitting at once

    reopened = Session.open(environment, seeded.token, paths(), start_outbox=False)
    try:
        drafts = reopened.drafts.load_all()
    finally:
        reopened.close()
    assert [d["recipient"].get("first_name") for d in drafts.values()] == ["Zelda"]


def test_quitting_hides_the_window_before_waiting_for_background_work(
    qtbot: QtBot, seeded: SandboxServer, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Shutting down waits for work in flight (a POST the outbox is finishing): the user must
    # see the window go away at once, not a frozen window.
    window = make_window()
    sign_in_to_sandbox(qtbot, window)
    runner = window._runner  # the runner the window waits on
    visible_while_waiting: list[bool] = []
    original = runner.wait_idle

    def recording_wait_idle(timeout_ms: int = -1, *, skip_keys: Collection[str] = ()) -> bool:
        visible_while_waiting.append(window.isVisible())
        return original(timeout_ms, skip_keys=skip_keys)

    monkeypatch.setattr(runner, "wait_idle", recording_wait_idle)
    window.close()

    assert visible_while_waiting
    assert not any(visible_while_waiting)


RECIPIENT = {
    "first_name": "Testy", "last_name": "McTestface", "email": "testy@example.com",
    "phone": "4155550123",
    "address": {"street1": "1 Fixture Lane", "city": "San Francisco", "state": "CA",
                "country": "US", "zip": "94105"},
}


def _current_kit_step(window: MainWindow, kit_id: str) -> str:
    panel = window.kit_panel
    assert panel is not None
    step = panel.timelines(kit_id)[0].current_step()
    return step.label if step is not None else ""


def test_registering_a_kit_from_a_non_modal_dialog_updates_the_shown_order(
    qtbot: QtBot, seeded: SandboxServer, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    sign_in_to_sandbox(qtbot, window)
    session = window.session
    assert session is not None
    order = session.client.create_order(
        models.NewOrder.model_validate({"kit_types": ["health_kit_1"], "recipient": RECIPIENT})
    )
    seeded.advance(1)
    window.refresh_now()
    qtbot.waitUntil(lambda: window.order_count() == SEEDED + 1, timeout=WAIT_MS)
    assert window.order_list.select_order(order.order_id)
    panel = window.kit_panel
    assert panel is not None
    qtbot.waitUntil(lambda: panel.current_order() is not None, timeout=WAIT_MS)
    kit_id = session.client.get_order(order.order_id).kits[0].kit_id
    assert _current_kit_step(window, kit_id) != "Registered"
    # A sync that misses the registration (it was already under way, or Spot's list lags):
    # the panel must not wait for one that notices.
    monkeypatch.setattr(session.sync, "refresh", lambda **_: SyncResult(frozenset(), [], 0, False))

    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialogs = [d for d in window.findChildren(RegisterKitDialog) if d.isVisible()]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    # Non-modal: the order list and panel stay usable while the dialog is open.
    assert dialog.windowModality() == Qt.WindowModality.NonModal
    assert QApplication.activeModalWidget() is None
    qtbot.keyClicks(dialog.kit_edit, kit_id)
    qtbot.keyClick(dialog.kit_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.register_button.isEnabled, timeout=WAIT_MS)
    fields = dialog.patient_fields
    fields.recipient.set_recipient(RECIPIENT)
    fields.sex_combo.setCurrentIndex(fields.sex_combo.findData("F"))
    fields.birth_edit.set_value(date(1980, 4, 30))
    with qtbot.waitSignal(dialog.kit_registered, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _current_kit_step(window, kit_id) == "Registered", timeout=WAIT_MS)
    assert panel.order_id == order.order_id
    dialog.close()


def _click_order(qtbot: QtBot, window: MainWindow, order_id: str) -> None:
    table = window.order_list.table
    row = window.order_list.model.row_of(order_id)
    rect = table.visualRect(window.order_list.model.index(row, COL_ORDER_ID))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _shown(qtbot: QtBot, window: MainWindow, order_id: str) -> KitTrackingPanel:
    panel = window.kit_panel
    assert panel is not None
    qtbot.waitUntil(
        lambda: (order := panel.current_order()) is not None and order.order_id == order_id
        and panel.metadata_editor is not None,
        timeout=WAIT_MS,
    )
    return panel


def _edit_metadata(qtbot: QtBot, panel: KitTrackingPanel, key: str, value: str) -> None:
    editor = panel.metadata_editor
    assert editor is not None
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    last = editor.row_count() - 1
    qtbot.keyClicks(editor.key_edit(last), key)
    qtbot.keyClicks(editor.value_edit(last), value)
    assert panel.has_unsaved_metadata()


def _question(qtbot: QtBot, window: MainWindow) -> QMessageBox:
    qtbot.waitUntil(
        lambda: any(box.isVisible() for box in window.findChildren(QMessageBox)), timeout=WAIT_MS
    )
    return next(box for box in window.findChildren(QMessageBox) if box.isVisible())


def test_choosing_another_order_with_unsaved_metadata_asks_save_discard_or_cancel(
    qtbot: QtBot, seeded: SandboxServer, make_window: MakeWindow
) -> None:
    window = make_window()
    sign_in_to_sandbox(qtbot, window)
    model = window.order_list.model
    first, second = model.order_id_at(0), model.order_id_at(1)
    assert first is not None
    assert second is not None
    _click_order(qtbot, window, first)
    panel = _shown(qtbot, window, first)
    _edit_metadata(qtbot, panel, "clinic_ref", "A-17")

    # Cancel: nothing moves, the typing is still there.
    _click_order(qtbot, window, second)
    box = _question(qtbot, window)
    assert first in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert window.order_list.selected_order_id() == first
    assert panel.order_id == first
    assert panel.has_unsaved_metadata()
    assert panel.metadata_editor is not None
    assert panel.metadata_editor.metadata()["clinic_ref"] == "A-17"

    # Discard: the other order shows, the typing is gone.
    _click_order(qtbot, window, second)
    box = _question(qtbot, window)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Discard), Qt.MouseButton.LeftButton)
    _shown(qtbot, window, second)
    assert window.order_list.selected_order_id() == second
    session = window.session
    assert session is not None
    assert "clinic_ref" not in (session.client.get_order(first).metadata or {})

    # Save: saved on Spot first, then the other order shows.
    _click_order(qtbot, window, first)
    panel = _shown(qtbot, window, first)
    _edit_metadata(qtbot, panel, "clinic_ref", "B-42")
    _click_order(qtbot, window, second)
    box = _question(qtbot, window)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    _shown(qtbot, window, second)
    assert window.order_list.selected_order_id() == second
    assert (session.client.get_order(first).metadata or {}).get("clinic_ref") == "B-42"
