"""Settings dialog and the preferences file behind it."""

from __future__ import annotations

import json
import os
import stat
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QTableWidgetItem
from pytestqt.qtbot import QtBot

from app.paths import paths
from app.views.common.app_settings import AppSettings
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
    assert settings.kit_catalog == {}  # no invented kit types: learned or entered
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
    settings.kit_catalog = {"health_kit_1": "Health kit"}
    dialog = make_dialog(qtbot, settings)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    row = dialog.catalog_table.rowCount() - 1
    dialog.catalog_table.setItem(row, 0, QTableWidgetItem("health_kit_1"))
    press_ok(dialog)
    assert dialog.isVisible()
    assert dialog.catalog_message.text() == "Each kit type ID may appear once: health_kit_1"
    assert AppSettings().kit_catalog == {"health_kit_1": "Health kit"}


def test_the_old_invented_production_catalog_is_dropped() -> None:
    settings = AppSettings()
    invented = {"adx100": "ADx100 blood card", "whatman903_10": "Whatman 903 card",
                "hemaspot_hf": "HemaSpot HF", "saliva_3": "Saliva (3 mL)",
                "dry_transport_swab": "Dry transport swab"}
    settings._qsettings.setValue("catalog/kit_types", json.dumps(invented))
    assert AppSettings().kit_catalog == {}
    chosen = {"clinic_kit_7": "Clinic kit"}  # one the clinic entered itself is kept
    settings._qsettings.setValue("catalog/kit_types", json.dumps(chosen))
    assert AppSettings().kit_catalog == chosen


def test_each_environment_keeps_its_own_kit_types_and_settings_names_it(
    qtbot: QtBot,
) -> None:
    settings = AppSettings()
    settings.kit_catalog = {"prod_kit": "Production kit"}
    settings.environment_kind = "custom"
    settings.custom_url = "https://spot.example.test"
    assert settings.kit_catalog == {}
    dialog = make_dialog(qtbot, settings)
    assert dialog.catalog_box.title() == "Kit types (Custom URL: https://spot.example.test)"
    assert "dashboard" in dialog.catalog_hint.text()
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    dialog.catalog_table.setItem(0, 0, QTableWidgetItem("custom_kit"))
    press_ok(dialog)
    assert AppSettings().kit_catalog == {"custom_kit": "custom_kit"}
    assert AppSettings().kit_catalog_for("production") == {"prod_kit": "Production kit"}


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


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_settings_file_is_readable_by_the_user_only() -> None:
    settings = AppSettings()
    settings.refresh_seconds = 30
    settings.sync()
    assert stat.S_IMODE(os.stat(settings.path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(settings.path.parent).st_mode) == 0o700
    settings.custom_url = "https://spot.example.test"
    settings.sync()  # QSettings rewrites the file: the mode stays
    assert stat.S_IMODE(os.stat(settings.path).st_mode) == 0o600
