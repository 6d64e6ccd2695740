"""Every validation message can be shown in another language: it comes with its English
template (marked for Qt's lupdate) and the values to fill in, and these rebuild the message."""

from __future__ import annotations

import itertools
from datetime import date

from app.validation import Finding, validate_patient, validate_recipient
from tests.helpers.validation import ca_recipient, us_recipient, with_value

ODD_VALUES: dict[str, list[object]] = {
    "first_name": ["", "12345", "Ann3", "A" * 101, "Ann\x07", "Ann@"],
    "last_name": ["", "!!!", "Smith2"],
    "email": ["", "alice.example.com", "a b@example.com", "a@", 5],
    "phone": ["", "12", "+44 20 7946 0958", "415-555-012", "015-555-0123", "911-555-0123",
              "415-055-0123", "415-911-0123", "604-555-0142", "999-555-0123"],
    "address.street1": ["", "PO Box 123", "1 2 3 4 5 6 7 8 9 Example", "x" * 41],
    "address.city": ["", "APO", "y" * 41],
    "address.state": ["", "XX", "ON", "GU", "AE", "QC", "BC"],
    "address.zip": ["", "9410", "M5V 2T6", "10001", "00012", "H0H 0H0", "D1A 1A1", "W1A 1A1",
                    "12345", "K1A 0B1"],
    "address.country": ["", "MX", {"x": 1}],
}


def findings() -> list[Finding]:
    found = []
    for make, (path, values) in itertools.product(
        (us_recipient, ca_recipient), ODD_VALUES.items()
    ):
        for value in values:
            found += validate_recipient(with_value(make(), path, value),
                                        reject_fictional_phone=True)
    patient = {**us_recipient(), "sex": "F", "date_of_birth": "1980-04-30"}
    for key, value in (("sex", ""), ("sex", "X"), ("sex", 1), ("date_of_birth", ""),
                       ("date_of_birth", "30/04/1980"), ("date_of_birth", "1980-02-30"),
                       ("date_of_birth", "2999-01-01"), ("date_of_birth", "1800-01-01"),
                       ("phone", "415-555-0123")):
        found += validate_patient({**patient, key: value}, today=date(2026, 6, 1))
    return found


def test_every_message_is_its_template_filled_in() -> None:
    all_findings = findings()
    assert len({f.template for f in all_findings}) > 40  # the battery reaches most messages
    for finding in all_findings:
        assert finding.template, finding.message
        assert finding.template.format(**finding.params) == finding.message


def test_template_and_params_do_not_change_equality() -> None:
    # Callers compare findings by field, severity and English message, as before.
    finding = validate_recipient(with_value(us_recipient(), "address.zip", "10001"))[0]
    assert finding == Finding("address.zip", "warning", finding.message)
    assert finding.params == {
        "zip": "10001", "owners": "New York (NY)", "name": "California", "code": "CA"}
