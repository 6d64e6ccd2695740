# ruff: noqa: E501  (one exact user-facing message per line reads best in these tables)
"""validate_recipient / normalize_recipient: exact messages next to exact fields."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from app.validation import Finding, normalize_recipient, validate_recipient
from tests.helpers.validation import ca_recipient, us_recipient, with_value

E, W = "error", "warning"


@pytest.mark.parametrize(
    "recipient",
    [
        us_recipient(),
        ca_recipient(),
        with_value(us_recipient(), "first_name", "José"),
        with_value(us_recipient(), "last_name", "O'Brien"),
        with_value(us_recipient(), "last_name", "Nguyễn"),
        with_value(us_recipient(), "last_name", "Smith-Jones"),
        with_value(us_recipient(), "last_name", "D’Angelo"),
        with_value(us_recipient(), "first_name", "Mary Ann"),
        with_value(us_recipient(), "first_name", "J."),
        with_value(us_recipient(), "first_name", "李"),
        with_value(us_recipient(), "address.street2", ...),
        with_value(us_recipient(), "address.street2", ""),
        with_value(us_recipient(), "address.street1", "1600 Example Ave Apt 4"),
        with_value(us_recipient(), "address.street1", "1600 Example Ave # 4"),
        with_value(us_recipient(), "address.zip", "94105-1234"),
        with_value(us_recipient(), "address.zip", "941051234"),
        with_value(us_recipient(), "address.zip", " 94105 1234 "),
        with_value(us_recipient(), "address.zip", 94105),
        with_value(us_recipient(), "address.state", "ca"),
        with_value(us_recipient(), "address.state", "California"),
        with_value(us_recipient(), "address.country", "usa"),
        with_value(us_recipient(), "phone", "+1 (415) 555-0123"),
        with_value(us_recipient(), "phone", "1.415.555.0123 ext. 12"),
        with_value(us_recipient(), "phone", "4155550123"),
        with_value(us_recipient(), "address.street1", "1600 Boxwood Example Rd"),
        with_value(ca_recipient(), "address.zip", "m5v2t6"),
        with_value(ca_recipient(), "address.zip", "m5v 2t6"),
        with_value(ca_recipient(), "address.state", "Ontario"),
        with_value(ca_recipient(), "address.street1", "4-100 Example Street"),
        with_value(
            with_value(ca_recipient(), "address.state", "QC"), "address.zip", "K1A 0B1"
        ),  # K1A is both Ontario and Quebec
        with_value(
            with_value(ca_recipient(), "address.state", "SK"), "address.zip", "R8A 1A1"
        ),  # R8A is both Manitoba and Saskatchewan
        with_value(with_value(ca_recipient(), "address.state", "NU"), "address.zip", "X0A 1H0"),
        with_value(with_value(us_recipient(), "address.state", "DC"), "address.zip", "20500"),
        with_value(
            with_value(us_recipient(), "address.state", "NY"), "address.zip", "06390"
        ),  # Fishers Island, NY, inside Connecticut's 063 prefix
    ],
)
def test_good_recipient_has_no_findings(recipient: dict[str, Any]) -> None:
    assert validate_recipient(recipient) == []


US_BAD = [
    ("first_name", "", "first_name", E, "Enter the first name"),
    ("first_name", None, "first_name", E, "Enter the first name"),
    ("first_name", "   ", "first_name", E, "Enter the first name"),
    ("first_name", ..., "first_name", E, "Enter the first name"),
    ("last_name", "", "last_name", E, "Enter the last name"),
    ("last_name", "12345", "last_name", E, "Last name must contain letters"),
    ("last_name", "--", "last_name", E, "Last name must contain letters"),
    ("first_name", "J0hn", "first_name", W, "First name contains a digit; check it"),
    ("first_name", "Ali@ce", "first_name", W, "First name contains unusual characters; check it"),
    ("first_name", "Al\x00ice", "first_name", E, "First name contains characters that can't be printed"),
    ("first_name", "A" * 101, "first_name", E, "First name can't be longer than 100 characters"),
    ("first_name", ["Alice"], "first_name", E, "Enter this as text"),
    ("email", "", "email", E, "Enter an email address"),
    ("email", "alice.example.com", "email", E, "An email address needs an @, like name@example.com"),
    ("email", "alice @example.com", "email", E, "An email address can't contain spaces"),
    ("email", "alice@", "email", E, "Enter a valid email address, like name@example.com"),
    ("email", "alice@example", "email", E, "Enter a valid email address, like name@example.com"),
    ("email", "alice@@example.com", "email", E, "Enter a valid email address, like name@example.com"),
    ("phone", "", "phone", E, "Enter a phone number"),
    ("phone", "call me", "phone", E, "Enter a 10-digit phone number, like 415-555-0123"),
    ("phone", "+44 20 7946 0018", "phone", E, "Enter a US or Canadian phone number (country code +1)"),
    ("phone", "415-555-012", "phone", E, "A phone number has 10 digits (area code and number); this one has 9"),
    ("phone", "1234567890", "phone", E, "Area code 123 is not valid: area codes never start with 0 or 1"),
    ("phone", "(023) 555-0123", "phone", E, "Area code 023 is not valid: area codes never start with 0 or 1"),
    ("phone", "911-555-0123", "phone", E, "Area code 911 is not valid: it is a service code like 911"),
    ("phone", "415-055-0123", "phone", E, "415-055 is not valid: the 3 digits after the area code never start with 0 or 1"),
    ("phone", "415-155-0123", "phone", E, "415-155 is not valid: the 3 digits after the area code never start with 0 or 1"),
    ("phone", "415-411-0123", "phone", E, "415-411 is not valid: 411 is a service code like 911"),
    ("phone", "876-555-0123", "phone", E, "Area code 876 is not a US or Canadian area code"),
    ("phone", "999-555-0123", "phone", W, "Area code 999 is not in use in the US or Canada; check the number"),
    ("phone", "604-555-0142", "phone", W, "Area code 604 is Canadian, but the address is in the US"),
    ("address.street1", "", "address.street1", E, "Enter the street address"),
    ("address.city", "", "address.city", E, "Enter the city"),
    ("address.state", "", "address.state", E, "Choose the state"),
    ("address.state", "XX", "address.state", E, "Choose a US state or territory (for example CA or NY)"),
    ("address.state", "ON", "address.state", E, "That is a Canadian province; choose Canada as the country"),
    ("address.zip", "", "address.zip", E, "Enter the ZIP code"),
    ("address.zip", "9410", "address.zip", E, "Enter a ZIP code like 12345 or 12345-6789"),
    ("address.zip", "94105-12", "address.zip", E, "Enter a ZIP code like 12345 or 12345-6789"),
    ("address.zip", "9410S", "address.zip", E, "Enter a ZIP code like 12345 or 12345-6789"),
    ("address.zip", "M5V 2T6", "address.zip", E, "That is a Canadian postal code; choose Canada as the country"),
    ("address.zip", "10001", "address.zip", W, "ZIP code 10001 belongs to New York (NY), not California (CA)"),
    ("address.zip", "00012", "address.zip", W, "ZIP code 00012 is not in use; check it"),
    ("address.zip", "96799", "address.zip", W, "ZIP code 96799 belongs to American Samoa (AS), not California (CA)"),
    ("address.zip", "20588", "address.zip", W, "ZIP code 20588 belongs to District of Columbia (DC) or Maryland (MD), not California (CA)"),
    ("address.country", "", "address.country", E, "Choose the country (United States or Canada)"),
    ("address.country", "MX", "address.country", E, "Spot ships only to the United States (US) and Canada (CA)"),
    ("address.street1", "PO Box 123", "address.street1", W, "Couriers other than USPS cannot deliver to a PO Box; use a street address if possible"),
    ("address.street2", "P.O. Box 123", "address.street2", W, "Couriers other than USPS cannot deliver to a PO Box; use a street address if possible"),
    ("address.street1", "1 2 3 4 5 6 7 8 9 Example", "address.street1", W, "Address line 1 has more than 8 words; postal scanners may not read it"),
    ("address.street1", "1600 Example Avenue Extraordinarily Long Rd", "address.street1", W, "Address line 1 is longer than 40 characters; postal scanners may not read it"),
    ("address.street2", "Suite 100 Care Of The Example Department X", "address.street2", W, "Address line 2 is longer than 40 characters; postal scanners may not read it"),
    ("address.city", "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch", "address.city", W, "City is longer than 40 characters; postal scanners may not read it"),
    ("address.state", {"code": "CA"}, "address.state", E, "Enter this as text"),
    ("address.zip", 3.5, "address.zip", E, "Enter this as text"),
]  # fmt: skip


@pytest.mark.parametrize(("path", "value", "field", "severity", "message"), US_BAD)
def test_us_recipient_mistake_gives_exact_message(
    path: str, value: object, field: str, severity: str, message: str
) -> None:
    recipient = with_value(us_recipient(), path, value)
    assert validate_recipient(recipient) == [Finding(field, severity, message)]  # type: ignore[arg-type]


CA_BAD = [
    ("address.state", "", "address.state", E, "Choose the province or territory"),
    ("address.state", "ZZ", "address.state", E, "Choose a Canadian province or territory (for example ON or QC)"),
    ("address.state", "NY", "address.state", E, "That is a US state; choose United States as the country"),
    ("address.zip", "", "address.zip", E, "Enter the postal code"),
    ("address.zip", "M5V", "address.zip", E, "Enter a postal code like K1A 0B1"),
    ("address.zip", "M5V-2T6", "address.zip", E, "Enter a postal code like K1A 0B1"),
    ("address.zip", "5MV 2T6", "address.zip", E, "Enter a postal code like K1A 0B1"),
    ("address.zip", "94105", "address.zip", E, "That is a US ZIP code; choose United States as the country"),
    ("address.zip", "M5V 2TO", "address.zip", E, "Canadian postal codes never contain D, F, I, O, Q or U"),
    ("address.zip", "D5V 2T6", "address.zip", E, "Canadian postal codes never contain D, F, I, O, Q or U"),
    ("address.zip", "m5u2t6", "address.zip", E, "Canadian postal codes never contain D, F, I, O, Q or U"),
    ("address.zip", "W5V 2T6", "address.zip", E, "Canadian postal codes never start with W or Z"),
    ("address.zip", "Z5V 2T6", "address.zip", E, "Canadian postal codes never start with W or Z"),
    ("address.zip", "T2P 1J9", "address.zip", W, "Postal code T2P 1J9 is in Alberta (AB), not Ontario (ON)"),
    ("address.zip", "x1a 2b3", "address.zip", W, "Postal code X1A 2B3 is in Northwest Territories (NT), not Ontario (ON)"),
    ("address.zip", "R8A 1A1", "address.zip", W, "Postal code R8A 1A1 is in Manitoba (MB) or Saskatchewan (SK), not Ontario (ON)"),
    ("address.street1", "CP 123", "address.street1", W, "Couriers other than USPS cannot deliver to a PO Box; use a street address if possible"),
    ("address.street1", "Case postale 45", "address.street1", W, "Couriers other than USPS cannot deliver to a PO Box; use a street address if possible"),
    ("phone", "415-555-0142", "phone", W, "Area code 415 is a US area code, but the address is in Canada"),
]  # fmt: skip


@pytest.mark.parametrize(("path", "value", "field", "severity", "message"), CA_BAD)
def test_canadian_recipient_mistake_gives_exact_message(
    path: str, value: object, field: str, severity: str, message: str
) -> None:
    recipient = with_value(ca_recipient(), path, value)
    assert validate_recipient(recipient) == [Finding(field, severity, message)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {"address.state": "AE", "address.zip": "09001"},
            [
                Finding("address.state", W, "Spot may not ship to Armed Forces Europe (AE); confirm with Spot before ordering"),
                Finding("address.city", E, "Military addresses (AA, AE, AP) need APO, FPO or DPO as the city"),
            ],
        ),
        (
            {"address.city": "APO", "address.zip": "09001"},
            [
                Finding("address.state", E, "APO, FPO and DPO addresses need AA, AE or AP as the state"),
                Finding("address.zip", W, "ZIP code 09001 belongs to Armed Forces Europe (AE), not California (CA)"),
            ],
        ),
        (
            {"address.city": "fpo", "address.state": "AP", "address.zip": "96601"},
            [Finding("address.state", W, "Spot may not ship to Armed Forces Pacific (AP); confirm with Spot before ordering")],
        ),
        (
            {"address.state": "GU", "address.zip": "96910"},
            [Finding("address.state", W, "Spot may not ship to Guam (GU); confirm with Spot before ordering")],
        ),
        (
            {"address.state": "HI", "address.zip": "96910"},
            [Finding("address.zip", W, "ZIP code 96910 belongs to Guam (GU), not Hawaii (HI)")],
        ),
        (
            {"address": None},
            [
                Finding("address.street1", E, "Enter the street address"),
                Finding("address.city", E, "Enter the city"),
                Finding("address.country", E, "Choose the country (United States or Canada)"),
                Finding("address.state", E, "Choose the state"),
                Finding("address.zip", E, "Enter the ZIP code"),
            ],
        ),
        (
            {"address.street1": "PO Box 12 Example Avenue Extraordinarily Long"},
            [
                Finding("address.street1", W, "Couriers other than USPS cannot deliver to a PO Box; use a street address if possible"),
                Finding("address.street1", W, "Address line 1 is longer than 40 characters; postal scanners may not read it"),
            ],
        ),
    ],
)  # fmt: skip
def test_combined_mistakes_give_every_message_in_form_order(
    changes: dict[str, object], expected: list[Finding]
) -> None:
    recipient = us_recipient()
    for path, value in changes.items():
        recipient = with_value(recipient, path, value)
    assert validate_recipient(recipient) == expected


def test_empty_or_non_dict_recipient_reports_every_required_field() -> None:
    fields = [finding.field for finding in validate_recipient({})]
    assert fields == [
        "first_name",
        "last_name",
        "email",
        "phone",
        "address.street1",
        "address.city",
        "address.country",
        "address.state",
        "address.zip",
    ]
    assert validate_recipient(None) == validate_recipient({})
    assert validate_recipient(["not", "a", "dict"]) == validate_recipient({})


def test_fictional_phone_is_accepted_unless_production_rejects_it() -> None:
    recipient = us_recipient()
    assert validate_recipient(recipient) == []
    assert validate_recipient(recipient, reject_fictional_phone=True) == [
        Finding("phone", E, "555-0100 to 555-0199 numbers are fictional; enter the patient's real number")
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"first_name": "  Alice  "}, {"first_name": "Alice"}),
        ({"last_name": "Van   der  Example"}, {"last_name": "Van der Example"}),
        ({"email": " Alice@EXAMPLE.com "}, {"email": "Alice@example.com"}),
        ({"phone": "(415) 555-0123"}, {"phone": "4155550123"}),
        ({"phone": "+1 415.555.0123"}, {"phone": "4155550123"}),
        ({"phone": "1-415-555-0123 x 99"}, {"phone": "4155550123"}),
        ({"phone": "not a phone"}, {"phone": "not a phone"}),
        ({"address.zip": "941051234"}, {"address.zip": "94105-1234"}),
        ({"address.zip": "94105 1234"}, {"address.zip": "94105-1234"}),
        ({"address.zip": 2101}, {"address.zip": "2101"}),
        ({"address.state": " ca "}, {"address.state": "CA"}),
        ({"address.state": "new york"}, {"address.state": "NY"}),
        ({"address.country": "United States"}, {"address.country": "US"}),
        ({"address.street1": " 1600  Example Ave "}, {"address.street1": "1600 Example Ave"}),
        ({"address.street2": "  "}, {"address.street2": ...}),
    ],
)
def test_normalize_us_recipient(changes: dict[str, object], expected: dict[str, object]) -> None:
    recipient = us_recipient()
    for path, value in changes.items():
        recipient = with_value(recipient, path, value)
    want = with_value(us_recipient(), "phone", "4155550123")
    for path, value in expected.items():
        want = with_value(want, path, value)
    assert normalize_recipient(recipient) == want


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"address.zip": "m5v2t6"}, {"address.zip": "M5V 2T6"}),
        ({"address.zip": " m5v   2T6"}, {"address.zip": "M5V 2T6"}),
        ({"address.state": "québec"}, {"address.state": "QC"}),
        ({"address.country": "canada"}, {"address.country": "CA"}),
        ({"phone": "+1 416 555 0199"}, {"phone": "4165550199"}),
    ],
)
def test_normalize_canadian_recipient(
    changes: dict[str, object], expected: dict[str, object]
) -> None:
    recipient = ca_recipient()
    for path, value in changes.items():
        recipient = with_value(recipient, path, value)
    want = with_value(ca_recipient(), "phone", "4165550199")
    for path, value in expected.items():
        want = with_value(want, path, value)
    assert normalize_recipient(recipient) == want


def test_normalize_keeps_unknown_fields_and_does_not_touch_the_input() -> None:
    recipient = with_value(us_recipient(), "nickname", "  Al ")
    recipient["address"]["plus_code"] = "849VCWC8+R9"
    before = copy.deepcopy(recipient)
    normalized = normalize_recipient(recipient)
    assert normalized["nickname"] == "  Al "
    assert normalized["address"]["plus_code"] == "849VCWC8+R9"  # type: ignore[index]
    assert recipient == before


def test_normalized_valid_recipient_still_validates_clean() -> None:
    for recipient in (us_recipient(), ca_recipient()):
        assert validate_recipient(normalize_recipient(recipient)) == []
