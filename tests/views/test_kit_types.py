"""The account's own kit types: learned from its orders at first sign-in, asked for when it
has none, pointed to from the order form, and offered when Spot refuses a kit type."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app.sandbox import SandboxServer
from app.sandbox.catalog import KIT_TYPES
from app.views.common.app_settings import AppSettings
from app.views.settings.dialog import SettingsDialog
from app.views.shell.main_window import MainWindow
from tests.helpers.main_window import (  # noqa: F401 - pytestmark applies here too
    ORDER,
    WAIT_MS,
    MakeWindow,
    open_dialog,
    pytestmark,
    sign_in_to_custom,
)


def settings_dialog(qtbot: QtBot, window: MainWindow) -> SettingsDialog:
    qtbot.waitUntil(
        lambda: any(d.isVisible() for d in window.findChildren(SettingsDialog)), timeout=WAIT_MS
    )
    return next(d for d in window.findChildren(SettingsDialog) if d.isVisible())


def test_first_sign_in_learns_the_kit_types_from_the_accounts_orders(
    qtbot: QtBot, sandbox: SandboxServer, make_window: MakeWindow
) -> None:
    sandbox.seed(12)
    window = make_window()
    sign_in_to_custom(qtbot, window, sandbox)
    session = window.session
    assert session is not None
    qtbot.waitUntil(lambda: bool(session.kit_catalog), timeout=WAIT_MS)
    learned = AppSettings().kit_catalog_for(session.environment.key)
    assert learned == session.kit_catalog
    assert set(learned) <= set(KIT_TYPES)  # the account's own ids, nothing invented
    assert all(name == kit_type for kit_type, name in learned.items())  # names to fill in
    assert window.banner.isVisible()
    assert window.banner.title_label.text().startswith("Found the kit types your orders use")
    qtbot.mouseClick(window.banner.action_button, Qt.MouseButton.LeftButton)
    dialog = settings_dialog(qtbot, window)
    assert dialog.catalog_box.title().startswith("Kit types (Custom URL: ")
    assert set(dialog.catalog()) == set(learned)


def test_an_account_without_orders_is_asked_and_the_order_form_points_to_settings(
    qtbot: QtBot, sandbox: SandboxServer, make_window: MakeWindow
) -> None:
    window = make_window()
    sign_in_to_custom(qtbot, window, sandbox)
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=WAIT_MS)
    assert window.banner.title_label.text() == "No kit types are set up for this account yet"
    assert "dashboard" in window.banner.advice_label.text()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # New order
    qtbot.waitUntil(lambda: window.kit_types.question is not None, timeout=WAIT_MS)
    box = window.kit_types.question
    assert box is not None
    assert "Settings → Kit types" in box.text()
    assert not [w for w in QApplication.topLevelWidgets()
                if type(w).__name__ == "NewOrderDialog" and w.isVisible()]
    open_button = next(b for b in box.buttons()
                       if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    qtbot.mouseClick(open_button, Qt.MouseButton.LeftButton)
    dialog = settings_dialog(qtbot, window)
    assert dialog.catalog_table.rowCount() == 0


def test_spot_refusing_a_kit_type_offers_the_catalog(
    qtbot: QtBot, sandbox: SandboxServer, make_window: MakeWindow
) -> None:
    sandbox.seed(3)
    window = make_window()
    sign_in_to_custom(qtbot, window, sandbox)
    session = window.session
    assert session is not None
    qtbot.waitUntil(lambda: bool(session.kit_catalog), timeout=WAIT_MS)
    # A sample type, not this account's kit type id.
    order = ORDER.model_copy(update={"kit_types": ["adx100"]})
    session.outbox.submit(order)
    qtbot.waitUntil(
        lambda: window.banner.title_label.text().startswith("Spot doesn't know a kit type"),
        timeout=WAIT_MS,
    )
    assert "adx100" in window.banner.title_label.text()
    assert window.banner.action_button.text() == "Open kit types…"
    qtbot.mouseClick(window.banner.action_button, Qt.MouseButton.LeftButton)
    assert settings_dialog(qtbot, window).isVisible()
