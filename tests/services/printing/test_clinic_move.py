"""The clinic's name and phone, once stored twice (printing settings and letters), merged."""

from __future__ import annotations

import json

import pytest

from app.services.printing.settings import (
    PrintSettings,
    move_clinic_out,
    settings_from_json,
    settings_to_json,
)

OLD_PRINTING = json.dumps({"clinic_name": "Maple Street Clinic", "clinic_phone": "555-0199",
                           "info_url": "https://clinic.example/kits", "label_dpi": 300})


@pytest.mark.parametrize(
    ("printing", "letters", "kept", "replaced"),
    [
        # Only the hand-out had them.
        ({"clinic_name": "Maple", "clinic_phone": "555-0199"}, ("", ""),
         ("Maple", "555-0199"), ("", "")),
        # Only the letters had them: the empty hand-out values do not wipe them.
        ({"clinic_name": "", "clinic_phone": "  "}, ("Maple", "555-0199"),
         ("Maple", "555-0199"), ("", "")),
        # Each had one half.
        ({"clinic_name": "Maple", "clinic_phone": ""}, ("", "555-0100"),
         ("Maple", "555-0100"), ("", "")),
        # Both filled and different: the hand-out's wins, the letters' is handed back.
        ({"clinic_name": "Maple Street Clinic", "clinic_phone": "555-0199"},
         ("Maple St.", "555-0100"), ("Maple Street Clinic", "555-0199"),
         ("Maple St.", "555-0100")),
        # The same on both: nothing replaced.
        ({"clinic_name": "Maple", "clinic_phone": "555-0199"}, ("Maple", "555-0199"),
         ("Maple", "555-0199"), ("", "")),
    ],
)
def test_the_two_copies_become_one_without_losing_a_value(
    printing: dict[str, str], letters: tuple[str, str], kept: tuple[str, str],
    replaced: tuple[str, str],
) -> None:
    moved = move_clinic_out(json.dumps({**printing, "label_dpi": 300}), *letters)
    assert moved is not None
    assert (moved.name, moved.phone) == kept
    assert (moved.replaced_name, moved.replaced_phone) == replaced
    assert json.loads(moved.printing_json) == {"label_dpi": 300}  # other settings kept


def test_nothing_to_move_once_moved_or_never_set() -> None:
    moved = move_clinic_out(OLD_PRINTING, "", "")
    assert moved is not None
    assert move_clinic_out(moved.printing_json, moved.name, moved.phone) is None
    assert move_clinic_out("", "Maple", "555") is None
    assert move_clinic_out("not json", "Maple", "555") is None


def test_printing_settings_are_stored_without_the_clinic() -> None:
    stored = settings_to_json(PrintSettings(clinic_name="Maple", clinic_phone="555",
                                            info_url="https://clinic.example"))
    assert "Maple" not in stored
    assert "clinic_name" not in stored
    assert settings_from_json(stored).info_url == "https://clinic.example"
