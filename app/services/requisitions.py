"""Requisitions (SPEC §6.14, §7.8–7.10, §8.4): list a page, fetch one, check and create one.

Views hand in the form's raw values; this module validates them with the order form's rules,
builds the request and maps Spot's answers: a 403 means the account has requisitioning off
(``RequisitionsDisabled``), a 400 puts the server's messages on the form's field paths.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from app.api import errors as api_errors
from app.api import models
from app.marks import QT_TRANSLATE_NOOP
from app.services.errors import ServiceError, describe_error
from app.validation import Finding, normalize_patient, validate_patient
from app.validation.findings import error

__all__ = [
    "CARRIERS",
    "PAGE_SIZE",
    "RequisitionClient",
    "RequisitionFilters",
    "RequisitionPage",
    "RequisitionsDisabled",
    "build_requisition",
    "create_requisition",
    "get_requisition",
    "list_page",
    "split_panels",
    "validate_requisition",
]

PAGE_SIZE = 50
CARRIERS: tuple[str, ...] = ("usps", "ups", "fedex")
_ALNUM = re.compile(r"^[A-Za-z0-9]+$")
_SPACE = re.compile(r"\s")
_MAX_TEXT = 255


class RequisitionClient(Protocol):
    def list_requisitions(
        self,
        *,
        lab: str | None = ...,
        status: str | None = ...,
        email: str | None = ...,
        first_name: str | None = ...,
        last_name: str | None = ...,
        phone: str | None = ...,
        created_before: date | str | None = ...,
        created_after: date | str | None = ...,
        results: int = ...,
        offset: int = ...,
    ) -> list[models.Requisition]: ...

    def get_requisition(self, requisition_id: str) -> models.Requisition: ...

    def create_requisition(self, requisition: models.NewRequisition) -> models.Requisition: ...


class RequisitionsDisabled(ServiceError):
    """Spot answered 403: requisitioning is off for this account (it is off by default)."""

    default_title = QT_TRANSLATE_NOOP(
        "Errors", "Requisitions are turned off for this Spot account."
    )
    default_advice = QT_TRANSLATE_NOOP(
        "Errors", "Ask Spot support to enable requisitioning for your account."
    )


def _map_error(exc: BaseException) -> ServiceError:
    if isinstance(exc, api_errors.Forbidden):
        return RequisitionsDisabled(debug=describe_error(exc).debug)
    return describe_error(exc)


# --- listing ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RequisitionFilters:
    """Exact-match filters (SPEC §7.9); empty strings and None are not sent."""

    lab: str = ""
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    phone: str = ""
    status: str = ""
    created_after: date | None = None
    created_before: date | None = None

    def query(self) -> dict[str, Any]:
        values: dict[str, Any] = {
            "lab": self.lab.strip(),
            "first_name": self.first_name.strip(),
            "last_name": self.last_name.strip(),
            "email": self.email.strip(),
            "phone": self.phone.strip(),
            "status": self.status.strip(),
            "created_after": self.created_after,
            "created_before": self.created_before,
        }
        return {key: value for key, value in values.items() if value not in ("", None)}


@dataclass(frozen=True, slots=True)
class RequisitionPage:
    """One page. The API gives no total, so ``has_more`` comes from asking for one extra row."""

    items: list[models.Requisition] = field(default_factory=list)
    offset: int = 0
    page_size: int = PAGE_SIZE
    has_more: bool = False

    @property
    def has_previous(self) -> bool:
        return self.offset > 0


def list_page(
    client: RequisitionClient,
    filters: RequisitionFilters,
    offset: int = 0,
    page_size: int = PAGE_SIZE,
) -> RequisitionPage:
    """The page at ``offset`` (newest first). Blocking: run it through the task runner."""
    try:
        query = filters.query()
        rows = client.list_requisitions(
            lab=query.get("lab"),
            status=query.get("status"),
            email=query.get("email"),
            first_name=query.get("first_name"),
            last_name=query.get("last_name"),
            phone=query.get("phone"),
            created_before=query.get("created_before"),
            created_after=query.get("created_after"),
            results=page_size + 1,  # one extra tells whether a next page exists
            offset=max(0, offset),
        )
    except Exception as exc:
        raise _map_error(exc) from exc
    return RequisitionPage(
        items=list(rows[:page_size]),
        offset=max(0, offset),
        page_size=page_size,
        has_more=len(rows) > page_size,
    )


def get_requisition(client: RequisitionClient, requisition_id: str) -> models.Requisition:
    try:
        return client.get_requisition(requisition_id)
    except Exception as exc:
        raise _map_error(exc) from exc


# --- the new-requisition form ----------------------------------------------------------------


def split_panels(value: object) -> list[str]:
    """Panel codes from "PANEL-123, lipids" / one per line / a list; blanks and repeats dropped."""
    parts: list[str] = []
    if isinstance(value, str):
        parts = re.split(r"[,;\n]+", value)
    elif isinstance(value, list | tuple):
        parts = [str(item) for item in value]
    result: list[str] = []
    for part in parts:
        code = part.strip()
        if code and code not in result:
            result.append(code)
    return result


def _text(form: Mapping[str, Any], key: str) -> str:
    value = form.get(key)
    return value.strip() if isinstance(value, str) else ""


def _required(form: Mapping[str, Any], key: str, message: str) -> list[Finding]:
    text = _text(form, key)
    if not text:
        return [error(key, message)]
    if len(text) > _MAX_TEXT:
        return [error(key, _KEEP_UNDER, max=_MAX_TEXT)]
    return []


# Messages are English; the form shows them translated (lupdate reads the markers).
_KEEP_UNDER = QT_TRANSLATE_NOOP("Validation", "Keep this under {max} characters")


def validate_requisition(form: Mapping[str, Any], today: date | None = None) -> list[Finding]:
    """Every problem with the form's raw values, in form order; field paths match the API's
    (``barcode``, ``patient.address.zip``, ``attributes.crl_slip_id``). Never raises."""
    findings: list[Finding] = []
    barcode = _text(form, "barcode")
    if not barcode:
        findings.append(error(
            "barcode", QT_TRANSLATE_NOOP("Validation", "Enter or scan the barcode on the sample")
        ))
    elif _SPACE.search(barcode):
        findings.append(error(
            "barcode", QT_TRANSLATE_NOOP("Validation", "A barcode has no spaces; scan it again")
        ))
    elif len(barcode) > _MAX_TEXT:
        findings.append(error("barcode", _KEEP_UNDER, max=_MAX_TEXT))
    findings += _required(form, "lab", QT_TRANSLATE_NOOP("Validation", "Enter the lab, like CRL"))
    findings += _required(
        form, "account_number", QT_TRANSLATE_NOOP("Validation", "Enter the lab account number")
    )
    if not split_panels(form.get("panels")):
        findings.append(
            error("panels", QT_TRANSLATE_NOOP("Validation", "Enter at least one panel code"))
        )
    findings += _required(
        form,
        "state_collected",
        QT_TRANSLATE_NOOP(
            "Validation", "Choose the state or province where the sample was collected"
        ),
    )
    patient = form.get("patient")
    findings += [
        dataclasses.replace(f, field=f"patient.{f.field}")
        for f in validate_patient(
            patient if isinstance(patient, dict) else {}, today=today, require_address=True
        )
    ]
    tracking = form.get("tracking")
    tracking = tracking if isinstance(tracking, Mapping) else {}
    carrier = _text(tracking, "carrier")
    number = _text(tracking, "tracking_number")
    if carrier and not number:
        findings.append(error(
            "tracking.tracking_number",
            QT_TRANSLATE_NOOP(
                "Validation", "Enter the tracking number, or leave the carrier empty"
            ),
        ))
    if number and not carrier:
        findings.append(error(
            "tracking.carrier",
            QT_TRANSLATE_NOOP("Validation", "Choose the carrier for this tracking number"),
        ))
    if carrier and carrier not in CARRIERS:
        findings.append(error(
            "tracking.carrier",
            QT_TRANSLATE_NOOP("Validation", "Carrier must be USPS, UPS or FedEx"),
        ))
    attributes = form.get("attributes")
    attributes = attributes if isinstance(attributes, Mapping) else {}
    slip = _text(attributes, "crl_slip_id")
    if slip and (not _ALNUM.match(slip) or len(slip) > 10):
        findings.append(error(
            "attributes.crl_slip_id",
            QT_TRANSLATE_NOOP("Validation", "CRL slip ID: letters and digits only, at most 10"),
        ))
    tier3 = _text(attributes, "crl_tier3_account_number")
    if tier3 and (not _ALNUM.match(tier3) or len(tier3) != 8):
        findings.append(error(
            "attributes.crl_tier3_account_number",
            QT_TRANSLATE_NOOP(
                "Validation", "CRL tier 3 account number: exactly 8 letters and digits"
            ),
        ))
    return findings


def build_requisition(form: Mapping[str, Any]) -> models.NewRequisition:
    """The request for a form that validated without errors."""
    patient = normalize_patient(form.get("patient") or {})
    tracking = form.get("tracking") or {}
    attributes = {
        key: value.strip()
        for key, value in (form.get("attributes") or {}).items()
        if isinstance(value, str) and value.strip()
    }
    body: dict[str, Any] = {
        "barcode": _text(form, "barcode"),
        "panels": split_panels(form.get("panels")),
        "account_number": _text(form, "account_number"),
        "lab": _text(form, "lab"),
        "state_collected": _text(form, "state_collected").upper(),
        "patient": patient,
    }
    if _text(tracking, "tracking_number"):
        body["tracking"] = {
            "carrier": _text(tracking, "carrier"),
            "tracking_number": _text(tracking, "tracking_number").replace(" ", ""),
        }
    if attributes:
        body["attributes"] = attributes
    metadata = form.get("metadata")
    if metadata:
        body["metadata"] = dict(metadata)
    return models.NewRequisition.model_validate(body)


def create_requisition(
    client: RequisitionClient, form: Mapping[str, Any], today: date | None = None
) -> models.Requisition:
    """Validate, send, and return Spot's requisition (already approved or denied).

    Raises ``ServiceError`` with ``field_errors`` (API paths) for local or server problems,
    ``RequisitionsDisabled`` for a 403.
    """
    errors = [f for f in validate_requisition(form, today) if f.severity == "error"]
    if errors:
        fields: dict[str, list[str]] = {}
        for finding in errors:
            fields.setdefault(finding.field, []).append(finding.message)
        raise ServiceError(
            QT_TRANSLATE_NOOP("Errors", "Some details need fixing"),
            QT_TRANSLATE_NOOP("Errors", "Correct the fields below, then try again."),
            field_errors=fields,
            debug="local validation",
        )
    request = build_requisition(form)
    try:
        return client.create_requisition(request)
    except Exception as exc:
        raise _map_error(exc) from exc
