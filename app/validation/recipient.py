"""Whole-object validation and normalization for order recipients and patients."""

from __future__ import annotations

import re
from datetime import date
from typing import Final

from app.marks import QT_TRANSLATE_NOOP
from app.validation.address import normalize_address, normalize_country, validate_address
from app.validation.contact import (
    normalize_email,
    normalize_phone,
    validate_email,
    validate_name,
    validate_phone,
)
from app.validation.dates import MAX_AGE_YEARS
from app.validation.findings import Finding, error
from app.validation.text import NotText, as_text, get

_ISO_DATE: Final = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _country_of(address: object) -> str:
    country = normalize_country(get(address, "country"))
    return country if country in ("US", "CA") else "US"


def _person_findings(person: dict[object, object]) -> list[Finding]:
    findings = validate_name(
        person.get("first_name"), "first_name", QT_TRANSLATE_NOOP("Validation", "first name")
    )
    findings += validate_name(
        person.get("last_name"), "last_name", QT_TRANSLATE_NOOP("Validation", "last name")
    )
    findings += validate_email(person.get("email"))
    return findings


def validate_recipient(recipient: object, *, reject_fictional_phone: bool = False) -> list[Finding]:
    """Every finding for an order recipient (SPEC §6.2), in form order. Never raises.

    ``reject_fictional_phone`` turns 555-01XX numbers into an error (production mode).
    """
    if not isinstance(recipient, dict):
        recipient = {}
    address = recipient.get("address")
    findings = _person_findings(recipient)
    findings += validate_phone(
        recipient.get("phone"), _country_of(address), reject_fictional=reject_fictional_phone
    )
    findings += validate_address(address)
    return findings


def normalize_recipient(recipient: object) -> dict[str, object]:
    """The recipient as it will be sent; unknown keys are kept as they are."""
    if not isinstance(recipient, dict):
        return {}
    result: dict[str, object] = {str(key): value for key, value in recipient.items()}
    address = recipient.get("address")
    for key in ("first_name", "last_name"):
        if key in recipient:
            text = as_text(recipient[key])
            result[key] = "" if isinstance(text, NotText) else text
    if "email" in recipient:
        result["email"] = normalize_email(recipient["email"])
    if "phone" in recipient:
        result["phone"] = normalize_phone(recipient["phone"], _country_of(address))
    if isinstance(address, dict):
        result["address"] = normalize_address(address)
    return result


def _check_sex(value: object) -> list[Finding]:
    text = as_text(value)
    if isinstance(text, NotText):
        return [error("sex", QT_TRANSLATE_NOOP("Validation", "Enter this as text"))]
    if not text:
        return [error("sex", QT_TRANSLATE_NOOP("Validation", "Choose the sex (M or F)"))]
    if text.upper() not in ("M", "F"):
        return [error("sex", QT_TRANSLATE_NOOP("Validation", "Sex must be M or F"))]
    return []


def _check_birth_date(value: object, today: date) -> list[Finding]:
    field = "date_of_birth"
    text = as_text(value)
    if isinstance(text, NotText):
        return [error(field, QT_TRANSLATE_NOOP("Validation", "Enter this as text"))]
    if not text:
        return [error(field, QT_TRANSLATE_NOOP("Validation", "Enter the date of birth"))]
    if not _ISO_DATE.match(text):
        return [
            error(
                field,
                QT_TRANSLATE_NOOP(
                    "Validation", "Enter the date of birth as YYYY-MM-DD, like 1980-04-30"
                ),
            )
        ]
    try:
        born = date.fromisoformat(text)
    except ValueError:
        return [
            error(
                field,
                QT_TRANSLATE_NOOP(
                    "Validation", "That date does not exist; check the day and month"
                ),
            )
        ]
    if born > today:
        return [
            error(field, QT_TRANSLATE_NOOP("Validation", "Date of birth can't be in the future"))
        ]
    age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    if age > MAX_AGE_YEARS:
        return [
            error(
                field,
                QT_TRANSLATE_NOOP(
                    "Validation", "Date of birth is more than {years} years ago; check the year"
                ),
                years=MAX_AGE_YEARS,
            )
        ]
    return []


def validate_patient(
    patient: object,
    *,
    today: date | None = None,
    require_address: bool = False,
    reject_fictional_phone: bool = False,
) -> list[Finding]:
    """Findings for a registration/requisition patient (SPEC §6.14, §6.15). Never raises.

    Phone is optional; the address is checked when given, or always with ``require_address``.
    """
    if not isinstance(patient, dict):
        patient = {}
    address = patient.get("address")
    findings = _person_findings(patient)
    phone = patient.get("phone")
    if as_text(phone) != "":
        findings += validate_phone(
            phone, _country_of(address), reject_fictional=reject_fictional_phone
        )
    findings += _check_sex(patient.get("sex"))
    findings += _check_birth_date(patient.get("date_of_birth"), today or date.today())
    if require_address or address is not None:
        findings += validate_address(address)
    return findings


def normalize_patient(patient: object) -> dict[str, object]:
    """Like :func:`normalize_recipient`, plus sex upper-cased; an empty phone is left out."""
    result = normalize_recipient(patient)
    if "sex" in result:
        sex = as_text(result["sex"])
        result["sex"] = "" if isinstance(sex, NotText) else sex.upper()
    if "date_of_birth" in result:
        birth = as_text(result["date_of_birth"])
        result["date_of_birth"] = "" if isinstance(birth, NotText) else birth
    if result.get("phone") == "":
        del result["phone"]
    return result
