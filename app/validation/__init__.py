"""Offline validation and normalization of recipients, patients and US/CA addresses (no Qt).

Every function here takes untrusted JSON-like input and never raises.
"""

from __future__ import annotations

from app.validation.address import (
    normalize_address,
    normalize_country,
    normalize_postal_code,
    normalize_zip,
    validate_address,
)
from app.validation.contact import (
    normalize_email,
    normalize_phone,
    validate_email,
    validate_name,
    validate_phone,
)
from app.validation.findings import Finding, Severity
from app.validation.oneline import split_one_line_address
from app.validation.recipient import (
    normalize_patient,
    normalize_recipient,
    validate_patient,
    validate_recipient,
)
from app.validation.regions import (
    CA_PROVINCES,
    DATA_AS_OF,
    US_REGION_KINDS,
    US_STATES,
    provinces_for_postal_code,
    states_for_zip,
)

__all__ = [
    "CA_PROVINCES",
    "DATA_AS_OF",
    "US_REGION_KINDS",
    "US_STATES",
    "Finding",
    "Severity",
    "normalize_address",
    "normalize_country",
    "normalize_email",
    "normalize_patient",
    "normalize_phone",
    "normalize_postal_code",
    "normalize_recipient",
    "normalize_zip",
    "provinces_for_postal_code",
    "split_one_line_address",
    "states_for_zip",
    "validate_address",
    "validate_email",
    "validate_name",
    "validate_patient",
    "validate_phone",
    "validate_recipient",
]
