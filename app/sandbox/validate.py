"""Request validation for the sandbox: every problem becomes a ``"field: message"`` detail."""

from __future__ import annotations

import re
import uuid
from datetime import date
from typing import Any

from app.sandbox.catalog import CA_PROVINCES, KIT_TYPES, PANELS, US_STATES

MAX_STRING = 255
MAX_KITS_PER_ORDER = 10
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
US_ZIP_RE = re.compile(r"^\d{5}(-\d{4})?$")
CA_POSTAL_RE = re.compile(r"^[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$")
ALNUM_RE = re.compile(r"^[A-Za-z0-9]*$")


class Invalid(Exception):
    """Raised with the list of ``"field: message"`` details."""

    def __init__(self, details: list[str]) -> None:
        super().__init__("; ".join(details))
        self.details = details


class Checker:
    def __init__(self) -> None:
        self.details: list[str] = []

    def fail(self, field: str, message: str) -> None:
        self.details.append(f"{field}: {message}")

    def raise_if_any(self) -> None:
        if self.details:
            raise Invalid(self.details)

    def obj(self, value: Any, field: str, allowed: set[str] | None) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.fail(field, "Must be an object")
            return None
        if allowed is not None:
            for key in value:
                if key not in allowed:
                    self.fail(_join(field, str(key)), "Unknown field")
        return value

    def string(
        self, data: dict[str, Any], key: str, field: str, *, required: bool,
        nullable: bool = False, max_length: int = MAX_STRING,
    ) -> str | None:
        path = _join(field, key)
        if key not in data:
            if required:
                self.fail(path, "Field is required")
            return None
        value = data[key]
        if value is None and nullable and not required:
            return None
        if not isinstance(value, str):
            self.fail(path, "Must be a string")
            return None
        if required and not value.strip():
            self.fail(path, "Field may not be blank")
            return None
        if len(value) > max_length:
            self.fail(path, f"Must be at most {max_length} characters")
            return None
        return value

    def choice(
        self, data: dict[str, Any], key: str, field: str, options: tuple[str, ...], *,
        required: bool,
    ) -> str | None:
        value = self.string(data, key, field, required=required)
        if value is not None and value not in options:
            self.fail(_join(field, key), f"Must be one of {', '.join(options)}")
            return None
        return value

    def email(self, data: dict[str, Any], key: str, field: str, *, required: bool) -> None:
        value = self.string(data, key, field, required=required)
        if value is not None and value.strip() and not EMAIL_RE.match(value):
            self.fail(_join(field, key), "Enter a valid email address")

    def phone(self, data: dict[str, Any], key: str, field: str, *, required: bool) -> None:
        value = self.string(data, key, field, required=required)
        if value is None or (not required and not value.strip()):
            return
        digits = re.sub(r"[\s().+-]", "", value)
        if not digits.isdigit() or not (
            len(digits) == 10 or (len(digits) == 11 and digits.startswith("1"))
        ):
            self.fail(_join(field, key), "Enter a valid 10-digit phone number")

    def birth_date(
        self, data: dict[str, Any], key: str, field: str, *, required: bool, today: date,
    ) -> date | None:
        value = self.string(data, key, field, required=required)
        if value is None:
            return None
        try:
            parsed = date.fromisoformat(value)
        except ValueError:
            self.fail(_join(field, key), "Must be a date in YYYY-MM-DD format")
            return None
        if len(value) != 10:
            self.fail(_join(field, key), "Must be a date in YYYY-MM-DD format")
            return None
        if parsed > today:
            self.fail(_join(field, key), "May not be in the future")
            return None
        return parsed

    def metadata(self, data: dict[str, Any], key: str, field: str, *, required: bool) -> None:
        path = _join(field, key)
        if key not in data:
            if required:
                self.fail(path, "Field is required")
            return
        value = data[key]
        if value is not None and not isinstance(value, dict):
            self.fail(path, "Must be an object or null")

    def address(self, value: Any, field: str) -> None:
        """An address that was given: an object (null is refused; leave the key out instead)."""
        if value is None:
            # The response schemas have no null address, and a kit can't ship to one.
            self.fail(field, "May not be null; give an address or leave the field out")
            return
        data = self.obj(value, field, {"street1", "street2", "city", "state", "country", "zip"})
        if data is None:
            return
        self.string(data, "street1", field, required=True)
        self.string(data, "street2", field, required=False, nullable=True)
        self.string(data, "city", field, required=True)
        country = self.choice(data, "country", field, ("US", "CA"), required=True)
        state = self.string(data, "state", field, required=True)
        postal = self.string(data, "zip", field, required=True)
        if country and state and state.strip():
            codes = US_STATES if country == "US" else CA_PROVINCES
            if state.upper() not in codes:
                self.fail(_join(field, "state"), f"Unknown state or province for {country}")
        if country and postal and postal.strip():
            pattern = US_ZIP_RE if country == "US" else CA_POSTAL_RE
            if not pattern.match(postal.strip()):
                self.fail(_join(field, "zip"), f"Invalid postal code for {country}")


def _join(field: str, key: str) -> str:
    return f"{field}.{key}" if field else key


def _body(body: Any, allowed: set[str]) -> tuple[Checker, dict[str, Any]]:
    check = Checker()
    if not isinstance(body, dict):
        raise Invalid(["body: Must be a JSON object"])
    check.obj(body, "", allowed)
    return check, body


def create_order(body: Any) -> dict[str, Any]:
    check, data = _body(body, {"kit_types", "recipient", "metadata"})
    kit_types = data.get("kit_types")
    if "kit_types" not in data:
        check.fail("kit_types", "Field is required")
    elif not isinstance(kit_types, list) or not all(isinstance(k, str) for k in kit_types):
        check.fail("kit_types", "Must be a list of strings")
    elif not kit_types:
        check.fail("kit_types", "Must contain at least one kit type")
    elif len(kit_types) > MAX_KITS_PER_ORDER:
        check.fail("kit_types", f"At most {MAX_KITS_PER_ORDER} kits per order")
    else:
        for index, kit_type in enumerate(kit_types):
            if kit_type not in KIT_TYPES:
                check.fail(f"kit_types.{index}", f"Unknown kit type '{kit_type[:50]}'")
    if "recipient" not in data:
        check.fail("recipient", "Field is required")
    else:
        recipient = check.obj(
            data["recipient"], "recipient",
            {"first_name", "last_name", "email", "phone", "address"},
        )
        if recipient is not None:
            check.string(recipient, "first_name", "recipient", required=True)
            check.string(recipient, "last_name", "recipient", required=True)
            check.email(recipient, "email", "recipient", required=True)
            check.phone(recipient, "phone", "recipient", required=True)
            if "address" in recipient:
                check.address(recipient["address"], "recipient.address")
    check.metadata(data, "metadata", "", required=False)
    check.raise_if_any()
    return data


def update_metadata(body: Any) -> Any:
    check, data = _body(body, {"metadata"})
    check.metadata(data, "metadata", "", required=True)
    check.raise_if_any()
    return data["metadata"]


def create_patient(body: Any, today: date) -> dict[str, Any]:
    check, data = _body(
        body, {"first_name", "last_name", "email", "phone", "sex", "date_of_birth"}
    )
    check.string(data, "first_name", "", required=True)
    check.string(data, "last_name", "", required=True)
    check.email(data, "email", "", required=True)
    check.phone(data, "phone", "", required=False)
    check.choice(data, "sex", "", ("M", "F"), required=True)
    check.birth_date(data, "date_of_birth", "", required=True, today=today)
    check.raise_if_any()
    return data


def registration_token(body: Any) -> tuple[str, str | None]:
    check, data = _body(body, {"patient_id", "kit_type"})
    patient_id = check.string(data, "patient_id", "", required=True)
    if patient_id is not None and patient_id.strip() and not is_uuid(patient_id):
        check.fail("patient_id", "Must be a UUID")
    kit_type = check.string(data, "kit_type", "", required=False, nullable=True)
    if kit_type is not None and kit_type not in KIT_TYPES:
        check.fail("kit_type", f"Unknown kit type '{kit_type[:50]}'")
    check.raise_if_any()
    assert patient_id is not None
    return patient_id, kit_type


ACTIVATION_FIELDS = {
    "patient_id", "first_name", "last_name", "date_of_birth", "sex", "street1", "street2",
    "city", "state", "zip", "email", "phone", "research_consent",
}


def activation(body: Any, today: date) -> dict[str, Any]:
    check, data = _body(body, ACTIVATION_FIELDS)
    patient_id = check.string(data, "patient_id", "", required=False, nullable=True)
    if patient_id is not None:
        if not is_uuid(patient_id):
            check.fail("patient_id", "Must be a UUID")
    else:
        check.string(data, "first_name", "", required=True)
        check.string(data, "last_name", "", required=True)
        check.birth_date(data, "date_of_birth", "", required=True, today=today)
        check.choice(data, "sex", "", ("M", "F"), required=True)
        for key in ("street1", "street2", "city", "state", "zip"):
            check.string(data, key, "", required=False, nullable=True)
        check.email(data, "email", "", required=False)
        check.phone(data, "phone", "", required=False)
    if "research_consent" in data and not isinstance(data["research_consent"], bool):
        check.fail("research_consent", "Must be a boolean")
    check.raise_if_any()
    return data


def create_requisition(body: Any, today: date) -> dict[str, Any]:
    check, data = _body(body, {
        "barcode", "panels", "account_number", "lab", "state_collected", "patient",
        "tracking", "attributes", "metadata",
    })
    check.string(data, "barcode", "", required=True, max_length=64)
    panels = data.get("panels")
    if "panels" not in data:
        check.fail("panels", "Field is required")
    elif not isinstance(panels, list) or not all(isinstance(p, str) for p in panels):
        check.fail("panels", "Must be a list of strings")
    elif not panels:
        check.fail("panels", "Must contain at least one panel")
    else:
        for index, panel in enumerate(panels):
            if panel not in PANELS:
                check.fail(f"panels.{index}", f"Unknown panel '{panel[:50]}'")
    check.string(data, "account_number", "", required=True)
    check.string(data, "lab", "", required=True)
    state = check.string(data, "state_collected", "", required=True)
    if state is not None and state.strip() and state.upper() not in US_STATES | CA_PROVINCES:
        check.fail("state_collected", "Must be a two-letter US state or CA province code")
    if "patient" not in data:
        check.fail("patient", "Field is required")
    else:
        patient = check.obj(data["patient"], "patient", {
            "first_name", "last_name", "email", "phone", "sex", "date_of_birth", "address",
        })
        if patient is not None:
            for key in ("first_name", "last_name"):
                check.string(patient, key, "patient", required=False)
            check.email(patient, "email", "patient", required=False)
            check.phone(patient, "phone", "patient", required=False)
            check.choice(patient, "sex", "patient", ("M", "F"), required=False)
            check.birth_date(patient, "date_of_birth", "patient", required=False, today=today)
            if "address" in patient:
                address = patient["address"]
                # Get-requisition examples nest the address once more; accept that shape too.
                if isinstance(address, dict) and set(address) == {"address"}:
                    address = address["address"]
                    patient["address"] = address
                check.address(address, "patient.address")
    if data.get("tracking") is not None:
        tracking = check.obj(data["tracking"], "tracking", {"tracking_number", "carrier"})
        if tracking is not None:
            check.string(tracking, "tracking_number", "tracking", required=True, max_length=64)
            check.choice(tracking, "carrier", "tracking", ("fedex", "ups", "usps"),
                         required=True)
    if data.get("attributes") is not None:
        attributes = check.obj(data["attributes"], "attributes", None)
        if attributes is not None:
            slip = check.string(attributes, "crl_slip_id", "attributes", required=False)
            if slip is not None and (len(slip) > 10 or not ALNUM_RE.match(slip)):
                check.fail("attributes.crl_slip_id", "Must be alphanumeric, at most 10")
            tier = check.string(
                attributes, "crl_tier3_account_number", "attributes", required=False
            )
            if tier is not None and (len(tier) != 8 or not ALNUM_RE.match(tier)):
                check.fail("attributes.crl_tier3_account_number",
                           "Must be exactly 8 alphanumeric characters")
    check.metadata(data, "metadata", "", required=False)
    check.raise_if_any()
    return data


def is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return len(value) == 36
