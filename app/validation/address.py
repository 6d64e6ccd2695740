"""US and Canadian postal address checks (rules and sources: ADDRESS-RULES.md)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final

from app.marks import QT_TRANSLATE_NOOP
from app.validation.findings import Finding, error, warning
from app.validation.regions import (
    CA_PROVINCES,
    MILITARY_CITIES,
    MILITARY_STATES,
    US_REGION_KINDS,
    US_STATES,
    provinces_for_postal_code,
    region_code,
    states_for_zip,
)
from app.validation.text import NotText, as_text, get

# USPS Pub 28 §35: scanners ignore a line over 40 characters or 8 words.
MAX_LINE_LENGTH: Final = 40
MAX_LINE_WORDS: Final = 8

_ZIP: Final = re.compile(r"^([0-9]{5})(?:[ -]?([0-9]{4}))?$")
_POSTAL_LOOSE: Final = re.compile(r"^[A-Z0-9]{6}$")
_POSTAL_SHAPE: Final = re.compile(r"^[A-Z][0-9][A-Z][0-9][A-Z][0-9]$")
_POSTAL_FORBIDDEN: Final = frozenset("DFIOQU")
_PO_BOX: Final = re.compile(
    r"""\b(?:
        p\.?\s*o\.?\s*b(?:ox)?\b        # PO Box, P.O. Box, P O Box, POBox, POB, P.O.B.
      | post\s*office\s*box
      | postal\s*box
      | box\s*\#?\s*[0-9]               # Box 123, Box #12
      | c\.?\s*p\.?\s*[0-9]             # CP 123, C.P. 123 (case postale)
      | case\s+postale
      | bo[iî]te\s+postale
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_COUNTRY_NAMES: Final = {
    "US": "US", "USA": "US", "U.S.": "US", "U.S.A.": "US", "UNITED STATES": "US",
    "UNITED STATES OF AMERICA": "US", "CA": "CA", "CAN": "CA", "CANADA": "CA",
}  # fmt: skip
_LINE_LABELS: Final = (
    ("street1", QT_TRANSLATE_NOOP("Validation", "Address line 1")),
    ("street2", QT_TRANSLATE_NOOP("Validation", "Address line 2")),
    ("city", QT_TRANSLATE_NOOP("Validation", "City")),
)
_NOT_TEXT_MESSAGE: Final = QT_TRANSLATE_NOOP("Validation", "Enter this as text")


def normalize_country(value: object) -> str:
    """ "US" or "CA" for anything that clearly means one of them, else the trimmed input."""
    text = as_text(value)
    if isinstance(text, NotText):
        return ""
    return _COUNTRY_NAMES.get(text.upper(), text)


def normalize_zip(value: object) -> str:
    """``12345`` or ``12345-6789`` when the input is a ZIP in any accepted form."""
    text = as_text(value)
    if isinstance(text, NotText):
        return ""
    match = _ZIP.match(text)
    if match is None:
        return text
    zip5, plus4 = match.groups()
    return f"{zip5}-{plus4}" if plus4 else zip5


def normalize_postal_code(value: object) -> str:
    """``A1A 1A1`` from any case and spacing; other input comes back trimmed."""
    text = as_text(value)
    if isinstance(text, NotText):
        return ""
    compact = "".join(text.split()).upper()
    if _POSTAL_LOOSE.match(compact):
        return f"{compact[:3]} {compact[3:]}"
    return text


def is_po_box(line: str) -> bool:
    return _PO_BOX.search(line) is not None


def _names(codes: tuple[str, ...], names: Mapping[str, str]) -> str:
    return " or ".join(f"{names[code]} ({code})" for code in codes)


def _check_lines(address: object, prefix: str) -> tuple[list[Finding], dict[str, str]]:
    findings: list[Finding] = []
    lines: dict[str, str] = {}
    for key, label in _LINE_LABELS:
        field = f"{prefix}.{key}"
        text = as_text(get(address, key))
        if isinstance(text, NotText):
            findings.append(error(field, _NOT_TEXT_MESSAGE))
            continue
        lines[key] = text
        if not text:
            if key == "street1":
                findings.append(
                    error(field, QT_TRANSLATE_NOOP("Validation", "Enter the street address"))
                )
            elif key == "city":
                findings.append(error(field, QT_TRANSLATE_NOOP("Validation", "Enter the city")))
            continue
        if key != "city" and is_po_box(text):
            findings.append(
                warning(
                    field,
                    QT_TRANSLATE_NOOP(
                        "Validation",
                        "Couriers other than USPS cannot deliver to a PO Box; "
                        "use a street address if possible",
                    ),
                )
            )
        if len(text) > MAX_LINE_LENGTH:
            findings.append(
                warning(
                    field,
                    QT_TRANSLATE_NOOP(
                        "Validation",
                        "{label} is longer than {max} characters; postal scanners may not read it",
                    ),
                    label=label,
                    max=MAX_LINE_LENGTH,
                )
            )
        elif len(text.split()) > MAX_LINE_WORDS:
            findings.append(
                warning(
                    field,
                    QT_TRANSLATE_NOOP(
                        "Validation",
                        "{label} has more than {max} words; postal scanners may not read it",
                    ),
                    label=label,
                    max=MAX_LINE_WORDS,
                )
            )
    return findings, lines


def _check_us(state_text: str, zip_text: str, city: str, prefix: str) -> list[Finding]:
    findings: list[Finding] = []
    state_field, zip_field, city_field = f"{prefix}.state", f"{prefix}.zip", f"{prefix}.city"
    state = region_code(state_text, "US") if state_text else None
    if not state_text:
        findings.append(error(state_field, QT_TRANSLATE_NOOP("Validation", "Choose the state")))
    elif state is None:
        if region_code(state_text, "CA") is not None:
            findings.append(
                error(
                    state_field,
                    QT_TRANSLATE_NOOP(
                        "Validation", "That is a Canadian province; choose Canada as the country"
                    ),
                )
            )
        else:
            findings.append(
                error(
                    state_field,
                    QT_TRANSLATE_NOOP(
                        "Validation", "Choose a US state or territory (for example CA or NY)"
                    ),
                )
            )
    else:
        kind = US_REGION_KINDS[state]
        if kind not in ("state", "district"):
            findings.append(
                warning(
                    state_field,
                    QT_TRANSLATE_NOOP(
                        "Validation",
                        "Spot may not ship to {name} ({code}); confirm with Spot before ordering",
                    ),
                    name=US_STATES[state],
                    code=state,
                )
            )
        military_city = city.upper() in MILITARY_CITIES
        if state in MILITARY_STATES and not military_city:
            findings.append(
                error(
                    city_field,
                    QT_TRANSLATE_NOOP(
                        "Validation",
                        "Military addresses (AA, AE, AP) need APO, FPO or DPO as the city",
                    ),
                )
            )
        if military_city and state not in MILITARY_STATES:
            findings.append(
                error(
                    state_field,
                    QT_TRANSLATE_NOOP(
                        "Validation", "APO, FPO and DPO addresses need AA, AE or AP as the state"
                    ),
                )
            )

    if not zip_text:
        findings.append(error(zip_field, QT_TRANSLATE_NOOP("Validation", "Enter the ZIP code")))
        return findings
    match = _ZIP.match(zip_text)
    if match is None:
        if _POSTAL_SHAPE.match("".join(zip_text.split()).upper()):
            findings.append(
                error(
                    zip_field,
                    QT_TRANSLATE_NOOP(
                        "Validation", "That is a Canadian postal code; choose Canada as the country"
                    ),
                )
            )
        else:
            findings.append(
                error(
                    zip_field,
                    QT_TRANSLATE_NOOP("Validation", "Enter a ZIP code like 12345 or 12345-6789"),
                )
            )
        return findings
    zip5 = match.group(1)
    owners = states_for_zip(zip5)
    if not owners:
        findings.append(
            warning(
                zip_field,
                QT_TRANSLATE_NOOP("Validation", "ZIP code {zip} is not in use; check it"),
                zip=zip5,
            )
        )
    elif state is not None and state not in owners:
        findings.append(
            warning(
                zip_field,
                QT_TRANSLATE_NOOP(
                    "Validation", "ZIP code {zip} belongs to {owners}, not {name} ({code})"
                ),
                zip=zip5,
                owners=_names(owners, US_STATES),
                name=US_STATES[state],
                code=state,
            )
        )
    return findings


def _check_ca(province_text: str, postal_text: str, prefix: str) -> list[Finding]:
    findings: list[Finding] = []
    province_field, postal_field = f"{prefix}.state", f"{prefix}.zip"
    province = region_code(province_text, "CA") if province_text else None
    if not province_text:
        findings.append(
            error(
                province_field, QT_TRANSLATE_NOOP("Validation", "Choose the province or territory")
            )
        )
    elif province is None:
        if region_code(province_text, "US") is not None:
            findings.append(
                error(
                    province_field,
                    QT_TRANSLATE_NOOP(
                        "Validation", "That is a US state; choose United States as the country"
                    ),
                )
            )
        else:
            findings.append(
                error(
                    province_field,
                    QT_TRANSLATE_NOOP(
                        "Validation",
                        "Choose a Canadian province or territory (for example ON or QC)",
                    ),
                )
            )

    if not postal_text:
        findings.append(
            error(postal_field, QT_TRANSLATE_NOOP("Validation", "Enter the postal code"))
        )
        return findings
    compact = "".join(postal_text.split()).upper()
    if _POSTAL_LOOSE.match(compact) and _POSTAL_FORBIDDEN.intersection(compact):
        findings.append(
            error(
                postal_field,
                QT_TRANSLATE_NOOP(
                    "Validation", "Canadian postal codes never contain D, F, I, O, Q or U"
                ),
            )
        )
        return findings
    if not _POSTAL_SHAPE.match(compact):
        if _ZIP.match(postal_text):
            findings.append(
                error(
                    postal_field,
                    QT_TRANSLATE_NOOP(
                        "Validation", "That is a US ZIP code; choose United States as the country"
                    ),
                )
            )
        else:
            findings.append(
                error(
                    postal_field,
                    QT_TRANSLATE_NOOP("Validation", "Enter a postal code like K1A 0B1"),
                )
            )
        return findings
    if compact[0] in "WZ":
        findings.append(
            error(
                postal_field,
                QT_TRANSLATE_NOOP("Validation", "Canadian postal codes never start with W or Z"),
            )
        )
        return findings
    postal = f"{compact[:3]} {compact[3:]}"
    if postal == "H0H 0H0":
        findings.append(
            warning(
                postal_field,
                QT_TRANSLATE_NOOP(
                    "Validation", "H0H 0H0 is Santa Claus's postal code; enter the real one"
                ),
            )
        )
    owners = provinces_for_postal_code(postal)
    if province is not None and owners and province not in owners:
        findings.append(
            warning(
                postal_field,
                QT_TRANSLATE_NOOP(
                    "Validation", "Postal code {postal} is in {owners}, not {name} ({code})"
                ),
                postal=postal,
                owners=_names(owners, CA_PROVINCES),
                name=CA_PROVINCES[province],
                code=province,
            )
        )
    return findings


def validate_address(address: object, prefix: str = "address") -> list[Finding]:
    """Every finding for a Spot address dict; fields are reported as ``{prefix}.{key}``."""
    if not isinstance(address, dict):
        address = {}
    findings, lines = _check_lines(address, prefix)
    country_field = f"{prefix}.country"
    country_value = as_text(address.get("country"))
    if isinstance(country_value, NotText):
        findings.append(error(country_field, _NOT_TEXT_MESSAGE))
        country = ""
    else:
        country = normalize_country(country_value)
    state_text = as_text(address.get("state"))
    zip_text = as_text(address.get("zip"))
    for key, value in (("state", state_text), ("zip", zip_text)):
        if isinstance(value, NotText):
            findings.append(error(f"{prefix}.{key}", _NOT_TEXT_MESSAGE))
    state_text = "" if isinstance(state_text, NotText) else state_text
    zip_text = "" if isinstance(zip_text, NotText) else zip_text

    if not country:
        if not isinstance(country_value, NotText):
            findings.append(
                error(
                    country_field,
                    QT_TRANSLATE_NOOP("Validation", "Choose the country (United States or Canada)"),
                )
            )
        # Still report the other required fields, in US words (the form's default country).
        if not state_text:
            findings.append(
                error(f"{prefix}.state", QT_TRANSLATE_NOOP("Validation", "Choose the state"))
            )
        if not zip_text:
            findings.append(
                error(f"{prefix}.zip", QT_TRANSLATE_NOOP("Validation", "Enter the ZIP code"))
            )
    elif country == "US":
        findings.extend(_check_us(state_text, zip_text, lines.get("city", ""), prefix))
    elif country == "CA":
        findings.extend(_check_ca(state_text, zip_text, prefix))
    else:
        findings.append(
            error(
                country_field,
                QT_TRANSLATE_NOOP(
                    "Validation", "Spot ships only to the United States (US) and Canada (CA)"
                ),
            )
        )
    return _dedupe(findings)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    # A non-text state/zip already has its error; the country checks must not add a second one.
    seen_errors: set[str] = set()
    result = []
    for finding in findings:
        if finding.severity == "error" and finding.field in seen_errors:
            continue
        if finding.severity == "error":
            seen_errors.add(finding.field)
        result.append(finding)
    return result


def normalize_address(address: object) -> dict[str, object]:
    """What will be sent: trimmed lines, state/province code, formatted ZIP/postal code.

    Unknown keys are kept as they are; an empty street2 is left out.
    """
    if not isinstance(address, dict):
        return {}
    result: dict[str, object] = dict(address)
    country = normalize_country(address.get("country"))
    for key in ("street1", "street2", "city"):
        if key in address:
            text = as_text(address[key])
            result[key] = "" if isinstance(text, NotText) else text
    if not result.get("street2"):
        result.pop("street2", None)
    if "country" in address:
        result["country"] = country
    if "state" in address:
        state = as_text(address["state"])
        state = "" if isinstance(state, NotText) else state
        result["state"] = region_code(state, country) or state.upper()
    if "zip" in address:
        result["zip"] = (
            normalize_postal_code(address["zip"])
            if country == "CA"
            else normalize_zip(address["zip"])
        )
    return result
