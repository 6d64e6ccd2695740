# ruff: noqa: E501  (one exact user-facing message per line reads best in these tables)
"""validate_patient: requisition/registration patients (sex, date of birth, optional phone)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from app.validation import Finding, normalize_patient, validate_patient
from tests.helpers.validation import us_recipient, with_value

TODAY = date(2026, 11, 27)
E = "error"


def patient() -> dict[str, Any]:
    return {
        "first_name": "Alice",
        "last_name": "Example",
        "email": "alice.example@example.com",
        "sex": "F",
        "date_of_birth": "1980-04-30",
    }


def test_patient_without_phone_or_address_is_valid() -> None:
    assert validate_patient(patient(), today=TODAY) == []


def test_patient_with_full_address_and_phone_is_valid() -> None:
    full = patient() | {"phone": "415-555-0123", "address": us_recipient()["address"]}
    assert validate_patient(full, today=TODAY) == []


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        ("sex", ..., Finding("sex", E, "Choose the sex (M or F)")),
        ("sex", "X", Finding("sex", E, "Sex must be M or F")),
        ("sex", "female", Finding("sex", E, "Sex must be M or F")),
        ("sex", 1, Finding("sex", E, "Sex must be M or F")),
        ("sex", ["F"], Finding("sex", E, "Enter this as text")),
        ("date_of_birth", "", Finding("date_of_birth", E, "Enter the date of birth")),
        ("date_of_birth", "04/30/1980", Finding("date_of_birth", E, "Enter the date of birth as YYYY-MM-DD, like 1980-04-30")),
        ("date_of_birth", "1980-4-30", Finding("date_of_birth", E, "Enter the date of birth as YYYY-MM-DD, like 1980-04-30")),
        ("date_of_birth", "2023-02-30", Finding("date_of_birth", E, "That date does not exist; check the day and month")),
        ("date_of_birth", "1980-13-01", Finding("date_of_birth", E, "That date does not exist; check the day and month")),
        ("date_of_birth", "2026-11-28", Finding("date_of_birth", E, "Date of birth can't be in the future")),
        ("date_of_birth", "1905-11-27", Finding("date_of_birth", E, "Date of birth is more than 120 years ago; check the year")),
        ("phone", "415-555-012", Finding("phone", E, "A phone number has 10 digits (area code and number); this one has 9")),
        ("email", "", Finding("email", E, "Enter an email address")),
        ("first_name", "", Finding("first_name", E, "Enter the first name")),
        ("address", {"street1": "1600 Example Ave", "city": "Springfield", "state": "IL", "zip": "6270", "country": "US"},
         Finding("address.zip", E, "Enter a ZIP code like 12345 or 12345-6789")),
    ],
)  # fmt: skip
def test_patient_mistake_gives_exact_message(path: str, value: object, expected: Finding) -> None:
    assert validate_patient(with_value(patient(), path, value), today=TODAY) == [expected]


@pytest.mark.parametrize("born", ["2026-11-27", "1905-11-28", "2024-02-29"])
def test_boundary_birth_dates_are_accepted(born: str) -> None:
    # Born today (a newborn's kit) and exactly 120 years old are both plausible.
    assert validate_patient(with_value(patient(), "date_of_birth", born), today=TODAY) == []


def test_empty_phone_is_optional_but_empty_address_is_checked_when_required() -> None:
    assert validate_patient(with_value(patient(), "phone", " "), today=TODAY) == []
    fields = [f.field for f in validate_patient(patient(), today=TODAY, require_address=True)]
    assert fields == [
        "address.street1",
        "address.city",
        "address.country",
        "address.state",
        "address.zip",
    ]


def test_patient_phone_region_follows_patient_address_country() -> None:
    canadian = patient() | {
        "phone": "415-555-0142",
        "address": {"street1": "100 Example St", "city": "Toronto", "state": "ON", "zip": "M5V 2T6", "country": "CA"},
    }  # fmt: skip
    assert validate_patient(canadian, today=TODAY) == [
        Finding("phone", "warning", "Area code 415 is a US area code, but the address is in Canada")
    ]


def test_non_dict_patient_reports_required_fields() -> None:
    fields = [f.field for f in validate_patient(None, today=TODAY)]
    assert fields == ["first_name", "last_name", "email", "sex", "date_of_birth"]


def test_normalize_patient() -> None:
    raw = patient() | {"sex": " f ", "phone": "(415) 555-0123", "first_name": " Alice "}
    assert normalize_patient(raw) == patient() | {"phone": "4155550123"}
    assert "phone" not in normalize_patient(patient() | {"phone": "  "})
