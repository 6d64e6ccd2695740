"""split_one_line_address: a pasted one-line address split into the form's fields."""

from __future__ import annotations

import pytest

from app.validation import split_one_line_address


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "1600 Example Ave Apt 4, Springfield, IL 62704",
            {"street1": "1600 Example Ave", "street2": "Apt 4", "city": "Springfield",
             "state": "IL", "zip": "62704", "country": "US"},
        ),
        (
            "1600 Example Avenue NW Washington DC 20500-0001",
            {"street1": "1600 Example Avenue NW", "city": "Washington", "state": "DC",
             "zip": "20500-0001", "country": "US"},
        ),
        (
            "PO Box 12, Anytown, California 90210",
            {"street1": "PO Box 12", "city": "Anytown", "state": "CA", "zip": "90210",
             "country": "US"},
        ),
        (
            "PSC 1234 Box 5678, APO AE 09001",
            {"street1": "PSC 1234 Box 5678", "city": "APO", "state": "AE", "zip": "09001",
             "country": "US"},
        ),
        (
            "100 Example Street, Toronto, ON M5V 2T6",
            {"street1": "100 Example Street", "city": "Toronto", "state": "ON", "zip": "M5V 2T6",
             "country": "CA"},
        ),
        (
            "4-100 Example St, Toronto ON m5v2t6, Canada",
            {"street1": "4-100 Example St", "city": "Toronto", "state": "ON", "zip": "M5V 2T6",
             "country": "CA"},
        ),
        (
            "100 Example Ave, Unit 4, Québec, Québec G1R 4P5",
            {"street1": "100 Example Ave", "street2": "Unit 4", "city": "Québec", "state": "QC",
             "zip": "G1R 4P5", "country": "CA"},
        ),
        (
            "100 Example Rd, St. John's, Newfoundland and Labrador A1C 5M2",
            {"street1": "100 Example Rd", "city": "St. John's", "state": "NL", "zip": "A1C 5M2",
             "country": "CA"},
        ),
    ],
)  # fmt: skip
def test_split_one_line_address(text: str, expected: dict[str, str]) -> None:
    assert split_one_line_address(text) == expected


def test_canadian_postal_code_wins_over_the_selected_country() -> None:
    split = split_one_line_address("100 Example Street, Toronto, ON M5V 2T6", country="US")
    assert split is not None
    assert split["country"] == "CA"


@pytest.mark.parametrize(
    "text",
    ["", "   ", "hello world", "call me maybe", "x" * 301, "Toronto ON M5V 2T6", None, 12345,
     ["1600 Example Ave"]],
)  # fmt: skip
def test_unsplittable_text_gives_none(text: object) -> None:
    assert split_one_line_address(text) is None  # type: ignore[arg-type]


def test_us_text_with_canada_selected_gives_none() -> None:
    assert split_one_line_address("1600 Example Ave, Springfield, IL 62704", country="CA") is None
