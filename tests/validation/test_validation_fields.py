# ruff: noqa: E501  (one exact user-facing message per line reads best in these tables)
"""Field helpers reused by other forms: names, phones, emails, PO boxes, region tables."""

from __future__ import annotations

import pytest

from app.validation import (
    CA_PROVINCES,
    US_REGION_KINDS,
    US_STATES,
    Finding,
    normalize_phone,
    provinces_for_postal_code,
    states_for_zip,
    validate_address,
    validate_email,
    validate_name,
    validate_phone,
)
from app.validation.address import is_po_box
from app.validation.regions import ZIP3_BY_STATE


@pytest.mark.parametrize(
    "name",
    ["O'Brien", "José", "Nguyễn", "Smith-Jones", "Zoë", "D’Angelo", "St. John", "Jr.", "Ng", "Ó Súilleabháin", "Müller", "Александра", "محمد", "Mary  Ann"],
)  # fmt: skip
def test_real_names_are_accepted(name: str) -> None:
    assert validate_name(name) == []


def test_name_messages_use_the_given_field_and_label() -> None:
    assert validate_name("", "patient.last_name", "last name") == [
        Finding("patient.last_name", "error", "Enter the last name")
    ]


@pytest.mark.parametrize(
    ("value", "country", "expected"),
    [
        ("(415) 555-0123", "US", []),
        ("416-555-0199", "CA", []),
        ("416-555-0199", "US", [Finding("phone", "warning", "Area code 416 is Canadian, but the address is in the US")]),
        ("+1 212 555 0100", "CA", [Finding("phone", "warning", "Area code 212 is a US area code, but the address is in Canada")]),
        ("212-555-0100", None, []),  # unknown country: US rules, no region complaint
        ("212-555-0100", 7, []),
        (2125550100, "US", []),
    ],
)  # fmt: skip
def test_validate_phone(value: object, country: object, expected: list[Finding]) -> None:
    assert validate_phone(value, country) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("415.555.0123", "4155550123"),
        ("+14155550123", "4155550123"),
        ("1 (415) 555-0123 ext. 7", "4155550123"),
        ("  ", ""),
        (None, ""),
        ("+44 20 7946 0018", "+44 20 7946 0018"),
        ("(023) 555-0123", "0235550123"),
    ],
)
def test_normalize_phone_sends_ten_national_digits(value: object, expected: str) -> None:
    assert normalize_phone(value) == expected


@pytest.mark.parametrize(
    "value", ["name@example.com", "first.last+tag@sub.example.org", "josé@example.com"]
)
def test_validate_email_accepts_valid_addresses(value: str) -> None:
    assert validate_email(value) == []


@pytest.mark.parametrize(
    "line",
    ["PO Box 12", "P.O. Box 12", "p o box 12", "PO BOX 12", "POBox 12", "POB 12", "P.O.B. 12",
     "Post Office Box 12", "post office box 12", "Postal Box 12", "Box 12", "box #12",
     "PSC 1234 Box 5678", "CP 45", "C.P. 45", "Case postale 45", "Boîte postale 45",
     "1600 Example Ave, PO Box 12"],
)  # fmt: skip
def test_po_box_spellings_are_detected(line: str) -> None:
    assert is_po_box(line)


@pytest.mark.parametrize(
    "line",
    ["1600 Example Ave", "12 Boxwood Example Ln", "45 Box Elder Example St", "1600 Pobody Ave",
     "100 Captain Example Rd", "200 Example Post Rd", "Apt 4", "12 Shipbox Example Way"],
)  # fmt: skip
def test_street_lines_that_are_not_po_boxes(line: str) -> None:
    assert not is_po_box(line)


def test_validate_address_uses_the_given_prefix() -> None:
    findings = validate_address(
        {"street1": "1600 Example Ave", "city": "Springfield", "state": "IL", "zip": "x", "country": "US"},
        prefix="patient.address",
    )  # fmt: skip
    assert findings == [
        Finding("patient.address.zip", "error", "Enter a ZIP code like 12345 or 12345-6789")
    ]


def test_us_table_is_usps_list_with_kinds() -> None:
    assert len(US_STATES) == 62  # 50 states, DC, 5 territories, FM/MH/PW, AA/AE/AP
    assert sum(kind == "state" for kind in US_REGION_KINDS.values()) == 50
    assert US_REGION_KINDS["DC"] == "district"
    assert {c for c, k in US_REGION_KINDS.items() if k == "territory"} == {
        "PR",
        "VI",
        "GU",
        "AS",
        "MP",
    }
    assert {c for c, k in US_REGION_KINDS.items() if k == "military"} == {"AA", "AE", "AP"}
    assert US_STATES.keys() == US_REGION_KINDS.keys()


def test_every_usps_code_has_a_zip_range() -> None:
    # ADDRESS-RULES.md c.3: keep a test that every code in c.1 has at least one range.
    assert set(ZIP3_BY_STATE) == set(US_STATES)


def test_canadian_table_has_the_13_provinces_and_territories() -> None:
    assert len(CA_PROVINCES) == 13
    assert CA_PROVINCES["QC"] == "Quebec"


@pytest.mark.parametrize(
    ("zip5", "states"),
    [("10001", ("NY",)), ("00501", ("NY",)), ("06390", ("CT", "NY")), ("06320", ("CT",)),
     ("96799", ("AS",)), ("96701", ("HI",)), ("96940", ("PW",)), ("96960", ("MH",)),
     ("73960", ("OK", "TX")), ("73901", ("OK",)), ("20598", ("DC", "VA")), ("00012", ()),
     ("05501", ("MA",)), ("09001", ("AE",)), ("1234", ())],
)  # fmt: skip
def test_states_for_zip(zip5: str, states: tuple[str, ...]) -> None:
    assert states_for_zip(zip5) == states


@pytest.mark.parametrize(
    ("postal", "provinces"),
    [("K1A 0B1", ("ON", "QC")), ("K2P 1L4", ("ON",)), ("R8A 1A1", ("MB", "SK")),
     ("R3C 4T3", ("MB",)), ("X0A 1H0", ("NU",)), ("X1A 2B3", ("NT",)), ("X0Z 1A1", ("NT", "NU")),
     ("H2X 1Y4", ("QC",)), ("A1C 5M2", ("NL",))],
)  # fmt: skip
def test_provinces_for_postal_code(postal: str, provinces: tuple[str, ...]) -> None:
    assert provinces_for_postal_code(postal) == provinces


def test_santa_postal_code_is_a_warning() -> None:
    findings = validate_address(
        {"street1": "1 Example Rd", "city": "North Pole", "state": "QC", "zip": "h0h0h0", "country": "CA"}
    )  # fmt: skip
    assert findings == [
        Finding(
            "address.zip", "warning", "H0H 0H0 is Santa Claus's postal code; enter the real one"
        )
    ]
