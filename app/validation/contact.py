"""Name, phone and email checks shared by every form that collects a person."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

import phonenumbers
from email_validator import EmailNotValidError
from email_validator import validate_email as _check_email

from app.marks import QT_TRANSLATE_NOOP
from app.validation.findings import Finding, error, warning
from app.validation.text import NotText, as_text

NAME_MAX_LENGTH: Final = 100
_NAME_PUNCTUATION: Final = frozenset(" '’‘-‐.,")
_N11: Final = frozenset(f"{n}11" for n in range(2, 10))
# NANPA reserves 555-0100 … 555-0199 for fiction (ADDRESS-RULES.md c.7).
_FICTIONAL: Final = re.compile(r"^\d{3}55501\d\d$")
_NOT_TEXT_MESSAGE: Final = QT_TRANSLATE_NOOP("Validation", "Enter this as text")


def validate_name(
    value: object, field: str = "first_name", label: str = "first name"
) -> list[Finding]:
    """A person's name: letters required; accents, apostrophes, hyphens and spaces are fine."""
    text = as_text(value)
    if isinstance(text, NotText):
        return [error(field, _NOT_TEXT_MESSAGE)]
    title = label[:1].upper() + label[1:]
    if not text:
        return [error(field, QT_TRANSLATE_NOOP("Validation", "Enter the {label}"), label=label)]
    if len(text) > NAME_MAX_LENGTH:
        return [
            error(
                field,
                QT_TRANSLATE_NOOP("Validation", "{title} can't be longer than {max} characters"),
                title=title,
                label=label,
                max=NAME_MAX_LENGTH,
            )
        ]
    categories = [unicodedata.category(ch) for ch in text]
    if any(cat in ("Cc", "Cs", "Co", "Cn") for cat in categories):
        return [
            error(
                field,
                QT_TRANSLATE_NOOP(
                    "Validation", "{title} contains characters that can't be printed"
                ),
                title=title,
                label=label,
            )
        ]
    if not any(cat.startswith("L") for cat in categories):
        return [
            error(
                field,
                QT_TRANSLATE_NOOP("Validation", "{title} must contain letters"),
                title=title,
                label=label,
            )
        ]
    findings = []
    if any(cat == "Nd" for cat in categories):
        findings.append(
            warning(
                field,
                QT_TRANSLATE_NOOP("Validation", "{title} contains a digit; check it"),
                title=title,
                label=label,
            )
        )
    if any(
        not (cat.startswith(("L", "M", "N")) or ch in _NAME_PUNCTUATION)
        for ch, cat in zip(text, categories, strict=True)
    ):
        findings.append(
            warning(
                field,
                QT_TRANSLATE_NOOP("Validation", "{title} contains unusual characters; check it"),
                title=title,
                label=label,
            )
        )
    return findings


def _parse_phone(text: str, country: str) -> phonenumbers.PhoneNumber | None:
    try:
        return phonenumbers.parse(text, "CA" if country == "CA" else "US")
    except phonenumbers.NumberParseException:
        return None


def validate_phone(
    value: object, country: object = "US", *, reject_fictional: bool = False
) -> list[Finding]:
    """A US/Canadian (NANP) number whose area code fits the address country.

    ``reject_fictional`` blocks 555-01XX numbers; leave it off for the sandbox and tests.
    """
    field = "phone"
    text = as_text(value)
    if isinstance(text, NotText):
        return [error(field, _NOT_TEXT_MESSAGE)]
    if not text:
        return [error(field, QT_TRANSLATE_NOOP("Validation", "Enter a phone number"))]
    number = _parse_phone(text, country if isinstance(country, str) else "US")
    if number is None:
        return [
            error(
                field,
                QT_TRANSLATE_NOOP("Validation", "Enter a 10-digit phone number, like 415-555-0123"),
            )
        ]
    if number.country_code != 1:
        return [
            error(
                field,
                QT_TRANSLATE_NOOP(
                    "Validation", "Enter a US or Canadian phone number (country code +1)"
                ),
            )
        ]
    # Not str(national_number): an int drops the leading zero of "023…".
    digits = phonenumbers.national_significant_number(number)
    if len(digits) != 10:
        return [
            error(
                field,
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "A phone number has 10 digits (area code and number); this one has {count}",
                ),
                count=len(digits),
            )
        ]
    area, exchange = digits[:3], digits[3:6]
    if area[0] in "01":
        return [
            error(
                field,
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "Area code {area} is not valid: area codes never start with 0 or 1",
                ),
                area=area,
            )
        ]
    if area in _N11:
        return [
            error(
                field,
                QT_TRANSLATE_NOOP(
                    "Validation", "Area code {area} is not valid: it is a service code like 911"
                ),
                area=area,
            )
        ]
    if exchange[0] in "01":
        return [
            error(
                field,
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "{area}-{exchange} is not valid: the 3 digits after the area code"
                    " never start with 0 or 1",
                ),
                area=area,
                exchange=exchange,
            )
        ]
    if exchange in _N11:
        return [
            error(
                field,
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "{area}-{exchange} is not valid: {exchange} is a service code like 911",
                ),
                area=area,
                exchange=exchange,
            )
        ]
    region = phonenumbers.region_code_for_number(number)
    if region is None:
        return [
            warning(
                field,
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "Area code {area} is not in use in the US or Canada; check the number",
                ),
                area=area,
            )
        ]
    if region not in ("US", "CA"):
        return [
            error(
                field,
                QT_TRANSLATE_NOOP(
                    "Validation", "Area code {area} is not a US or Canadian area code"
                ),
                area=area,
            )
        ]
    if country in ("US", "CA") and region != country:
        if region == "CA":
            message = QT_TRANSLATE_NOOP(
                "Validation", "Area code {area} is Canadian, but the address is in the US"
            )
        else:
            message = QT_TRANSLATE_NOOP(
                "Validation", "Area code {area} is a US area code, but the address is in Canada"
            )
        return [warning(field, message, area=area)]
    if reject_fictional and _FICTIONAL.match(digits):
        return [
            error(
                field,
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "555-0100 to 555-0199 numbers are fictional; enter the patient's real number",
                ),
            )
        ]
    return []


def normalize_phone(value: object, country: object = "US") -> str:
    """What Spot gets: the 10 national digits, e.g. "4155550123".

    Spot documents phones only by example, a bare "1234567890" (SPEC §6.2, ADDRESS-RULES c.7);
    E.164 ("+1…") is not shown anywhere, so we send exactly that documented shape. Extensions
    are dropped because Spot's field has no place for one. Unparseable input is sent trimmed,
    as typed: validation has already told the user.
    """
    text = as_text(value)
    if isinstance(text, NotText):
        return ""
    number = _parse_phone(text, country if isinstance(country, str) else "US") if text else None
    if number is None or number.country_code != 1:
        return text
    digits = phonenumbers.national_significant_number(number)
    return digits if len(digits) == 10 else text


def validate_email(value: object) -> list[Finding]:
    """Syntax only (offline): no DNS lookup of the domain."""
    field = "email"
    text = as_text(value)
    if isinstance(text, NotText):
        return [error(field, _NOT_TEXT_MESSAGE)]
    if not text:
        return [error(field, QT_TRANSLATE_NOOP("Validation", "Enter an email address"))]
    if "@" not in text:
        return [
            error(
                field,
                QT_TRANSLATE_NOOP(
                    "Validation", "An email address needs an @, like name@example.com"
                ),
            )
        ]
    if " " in text:
        return [
            error(field, QT_TRANSLATE_NOOP("Validation", "An email address can't contain spaces"))
        ]
    try:
        _check_email(text, check_deliverability=False)
    except (EmailNotValidError, UnicodeError, ValueError):
        return [
            error(
                field,
                QT_TRANSLATE_NOOP(
                    "Validation", "Enter a valid email address, like name@example.com"
                ),
            )
        ]
    return []


def normalize_email(value: object) -> str:
    """Trimmed, with the domain lower-cased when the address is valid."""
    text = as_text(value)
    if isinstance(text, NotText):
        return ""
    try:
        return str(_check_email(text, check_deliverability=False).normalized)
    except (EmailNotValidError, UnicodeError, ValueError):
        return text
