"""Settings dialog and the preferences file behind it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QTableWidgetItem
from pytestqt.qtbot import QtBot

from app.paths import paths
from app.views.common.app_settings import DEFAULT_KIT_CATALOG, AppSettings
from app.views.settings.dialog import SettingsDialog
from app.views.shell.banner import Banner

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def make_dialog(qtbot: QtBot, settings: AppSettings) -> SettingsDialog:
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def press_ok(dialog: SettingsDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_preferences_live_in_an_ini_file_under_the_config_folder() -> None:
    settings = AppSettings()
    settings.refresh_seconds = 90
    settings.sync()
    assert settings.path == paths().config / "settings.ini"
    assert "refresh_seconds=90" in settings.path.read_text()
    assert AppSettings().refresh_seconds == 90


def test_defaults_and_unreadable_values_fall_back() -> None:
    settings = AppSettings()
    assert settings.kit_catalog == DEFAULT_KIT_CATALOG
    assert settings.environment_kind == "production"
    settings.refresh_seconds = 1
    assert settings.refresh_seconds == 10  # never hammer the server


def test_edit_catalog_and_interval_then_ok_saves(qtbot: QtBot) -> None:
    settings = AppSettings()
    dialog = make_dialog(qtbot, settings)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    row = dialog.catalog_table.rowCount() - 1
    dialog.catalog_table.setItem(row, 0, QTableWidgetItem("fancy_kit"))
    dialog.catalog_table.setItem(row, 1, QTableWidgetItem("Fancy kit"))
    dialog.refresh_spin.setValue(120)
    with qtbot.waitSignal(dialog.accepted):
        press_ok(dialog)
    reread = AppSettings()
    assert reread.kit_catalog["fancy_kit"] == "Fancy kit"
    assert reread.refresh_seconds == 120


def test_duplicate_kit_ids_are_refused_with_a_message(qtbot: QtBot) -> None:
    settings = AppSettings()
    dialog = make_dialog(qtbot, settings)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    row = dialog.catalog_table.rowCount() - 1
    dialog.catalog_table.setItem(row, 0, QTableWidgetItem("adx100"))
    press_ok(dialog)
    assert dialog.isVisible()
    assert dialog.catalog_message.text() == "Each kit type ID may appear once: adx100"
    assert AppSettings().kit_catalog == DEFAULT_KIT_CATALOG


def test_removing_every_kit_type_is_refused_and_defaults_restore(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, AppSettings())
    dialog.catalog_table.selectAll()
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.catalog_table.rowCount() == 0
    press_ok(dialog)
    assert dialog.catalog_message.text() == "Keep at least one kit type."
    qtbot.mouseClick(dialog.defaults_button, Qt.MouseButton.LeftButton)
    assert dialog.catalog() == DEFAULT_KIT_CATALOG


def test_changing_the_token_goes_through_sign_in(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, AppSettings())
    with qtbot.waitSignal(dialog.sign_in_requested):
        qtbot.mouseClick(dialog.switch_button, Qt.MouseButton.LeftButton)


def test_banner_shows_advice_and_copies_details(qtbot: QtBot) -> None:
    banner = Banner()
    qtbot.addWidget(banner)
    banner.show_error("Can't reach Spot", "Check the network.", details="SpotConnectionError",
                      action=("retry", "Retry"))
    assert banner.isVisible()
    assert banner.action_button.text() == "Retry"
    with qtbot.waitSignal(banner.action_triggered) as blocker:
        qtbot.mouseClick(banner.action_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["retry"]
    qtbot.mouseClick(banner.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == (
        "Can't reach Spot\nCheck the network.\nSpotConnectionError"
    )
    with qtbot.waitSignal(banner.dismissed):
        qtbot.mouseClick(banner.close_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()
