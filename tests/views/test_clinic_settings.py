"""Settings → Clinic: one name and phone for hand-outs, labels and outreach letters, and the
values earlier versions kept twice merged into it without losing either."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from app.tasks import InlineTaskRunner
from app.views.common.app_settings import AppSettings
from app.views.settings.clinic_box import ClinicSettingsBox
from app.views.shell.settings_opener import open_settings_dialog


def old_settings(path: Path, printing: dict[str, object], letters: tuple[str, str]) -> None:
    """settings.ini as an earlier version left it: the clinic in both places."""
    raw = QSettings(str(path), QSettings.Format.IniFormat)
    raw.setValue("printing/settings", json.dumps(printing))
    raw.setValue("clinic/name", letters[0])
    raw.setValue("clinic/phone", letters[1])
    raw.sync()


def test_an_upgraded_desk_keeps_one_clinic_for_hand_outs_and_letters(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    old_settings(path, {"clinic_name": "Maple Street Family Clinic", "clinic_phone": "",
                        "info_url": "https://clinic.example/kits"}, ("Maple St.", "555-0100"))
    settings = AppSettings(path)
    printing = settings.print_settings
    assert (printing.clinic_name, printing.clinic_phone) == (
        "Maple Street Family Clinic", "555-0100"  # the hand-out's name, the letters' phone
    )
    assert printing.info_url == "https://clinic.example/kits"
    assert settings.clinic == ("Maple Street Family Clinic", "555-0100")  # letters read this
    assert settings.replaced_clinic == ("Maple St.", "")
    settings.sync()

    # Stored once: the printing settings no longer hold the clinic.
    raw = QSettings(str(path), QSettings.Format.IniFormat)
    assert "clinic_name" not in str(raw.value("printing/settings"))
    assert AppSettings(path).clinic == ("Maple Street Family Clinic", "555-0100")
    # A clinic's setup file carries it once too.
    shared = AppSettings(path).shared_sections()
    assert shared["clinic"] == {"name": "Maple Street Family Clinic", "phone": "555-0100"}
    assert "Maple" not in shared["printing"]["settings"]


def test_settings_show_the_replaced_name_until_saved(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    old_settings(path, {"clinic_name": "Maple Street Family Clinic"}, ("Maple St.", "555-0100"))
    settings = AppSettings(path)
    box = ClinicSettingsBox(settings)
    qtbot.addWidget(box)
    box.show()
    assert box.clinic_name.text() == "Maple Street Family Clinic"
    assert box.clinic_phone.text() == "555-0100"
    assert box.replaced_note.isVisible()
    assert box.replaced_note.text() == (
        "Outreach letters used to say “Maple St.”. Check the details above are right, then "
        "press OK."
    )
    box.save()
    again = ClinicSettingsBox(AppSettings(path))
    qtbot.addWidget(again)
    again.show()
    assert not again.replaced_note.isVisible()


def test_the_clinic_typed_in_settings_reaches_hand_outs_and_letters(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "settings.ini"
    settings = AppSettings(path)
    owner = QWidget()
    qtbot.addWidget(owner)
    dialog = open_settings_dialog(owner, settings, InlineTaskRunner(), None)
    [box] = [section for section in dialog.sections if isinstance(section, ClinicSettingsBox)]
    assert not box.replaced_note.isVisible()
    qtbot.keyClicks(box.clinic_name, "Fake Family Clinic")
    qtbot.keyClicks(box.clinic_phone, "555-0100")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    again = AppSettings(path)
    assert again.clinic == ("Fake Family Clinic", "555-0100")
    assert (again.print_settings.clinic_name, again.print_settings.clinic_phone) == (
        "Fake Family Clinic", "555-0100"
    )
    # No second place to type it: no other section of Settings has a clinic name field.
    fields = [edit for edit in dialog.findChildren(QWidget, "clinicName")]
    assert fields == [box.clinic_name]
