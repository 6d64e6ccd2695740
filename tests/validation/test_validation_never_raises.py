"""Every public validator takes whatever JSON (or worse) it is given and never raises."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.validation import (
    Finding,
    normalize_patient,
    normalize_phone,
    normalize_recipient,
    split_one_line_address,
    validate_address,
    validate_email,
    validate_name,
    validate_patient,
    validate_phone,
    validate_recipient,
)

FIELDS = ["first_name", "last_name", "email", "phone", "sex", "date_of_birth", "address"]
ADDRESS_FIELDS = ["street1", "street2", "city", "state", "zip", "country"]

# Near-miss strings hit the interesting branches more often than uniform text does.
tricky_text = st.one_of(
    st.text(),
    st.text(alphabet="0123456789 -+().#xX", max_size=25),
    st.text(alphabet="ABCEGHJKLMNPRSTVXYZDFIOQUW0123456789 ", max_size=10),
    st.sampled_from(
        ["US", "CA", "usa", "Canada", "AE", "APO", "ON", "K1A 0B1", "94105", "P.O. Box 1",
         "a@b", "x@example.com", "\x00", "\ud800", "٣٤٥", "ｆｕｌｌ", "M", "F", "2024-02-30"]
    ),
    st.text(min_size=1000, max_size=5000),
)  # fmt: skip
json_leaf = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), tricky_text
)
json_value = st.recursive(
    json_leaf,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
address_like = st.dictionaries(st.sampled_from(ADDRESS_FIELDS), json_value | tricky_text)
person_like = st.dictionaries(
    st.sampled_from(FIELDS) | st.text(max_size=5),
    st.one_of(json_value, tricky_text, address_like),
)
anything = st.one_of(person_like, json_value, st.from_type(object))

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check_findings(findings: Any) -> None:
    assert isinstance(findings, list)
    for finding in findings:
        assert isinstance(finding, Finding)
        assert finding.severity in ("error", "warning")
        assert finding.message


@SETTINGS
@given(anything)
def test_validate_recipient_never_raises(recipient: object) -> None:
    _check_findings(validate_recipient(recipient))
    _check_findings(validate_recipient(recipient, reject_fictional_phone=True))


@SETTINGS
@given(anything)
def test_normalize_recipient_never_raises_and_returns_a_dict(recipient: object) -> None:
    normalized = normalize_recipient(recipient)
    assert isinstance(normalized, dict)
    # Normalizing is idempotent: what the form shows is exactly what is sent.
    assert normalize_recipient(normalized) == normalized


@SETTINGS
@given(anything)
def test_validate_and_normalize_patient_never_raise(patient: object) -> None:
    _check_findings(validate_patient(patient))
    _check_findings(validate_patient(patient, require_address=True))
    assert isinstance(normalize_patient(patient), dict)


@SETTINGS
@given(st.one_of(tricky_text, json_value), st.sampled_from(["US", "CA", "", "MX"]))
def test_split_one_line_address_never_raises(text: object, country: str) -> None:
    result = split_one_line_address(text, country)  # type: ignore[arg-type]
    assert result is None or (isinstance(result, dict) and result["country"] in ("US", "CA"))


@SETTINGS
@given(
    st.builds(
        lambda number, street, city, tail: f"{number} {street}, {city}, {tail}",
        st.integers(1, 99999),
        st.text(max_size=20),
        st.text(max_size=15),
        st.text(max_size=15),
    )
)
def test_split_address_shaped_text_never_raises(text: str) -> None:
    split_one_line_address(text)
    split_one_line_address(text, "CA")


@SETTINGS
@given(st.one_of(json_value, tricky_text), st.one_of(json_value, st.sampled_from(["US", "CA"])))
def test_field_helpers_never_raise(value: object, country: object) -> None:
    _check_findings(validate_phone(value, country))
    _check_findings(validate_email(value))
    _check_findings(validate_name(value))
    _check_findings(validate_address(value))
    _check_findings(validate_address({"country": country, "zip": value, "state": value}))
    assert isinstance(normalize_phone(value, country), str)
