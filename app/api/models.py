"""Pydantic models for the Spot API (SPEC.md §5–6).

Responses are tolerant: unknown enum values and extra fields are kept, optional fields may be
missing, and only the identifiers a caller cannot do without are required. Requests are strict
(``extra="forbid"``) and serialise without ``None`` values, so optional fields are not sent.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

# --- enumerations (SPEC.md §0, §5) ---------------------------------------------------------
# Response status fields stay plain ``str``; these tell views which values are known.


class OrderStatus(StrEnum):
    PENDING = "pending"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    CANCELED = "canceled"


class KitStatus(StrEnum):
    PREPARING = "preparing"
    IN_TRANSIT = "in_transit"
    DELIVERED = "delivered"
    DELIVERY_EXCEPTION = "delivery_exception"
    REGISTERED = "registered"
    CANCELED = "canceled"


class SampleStatus(StrEnum):
    AWAITING_COLLECTION = "awaiting_collection"
    COLLECTION_EXCEPTION = "collection_exception"
    DELIVERY_EXCEPTION = "delivery_exception"
    DELIVERED = "delivered"
    IN_TRANSIT = "in_transit"
    RECEIVED = "received"
    RESULTED = "resulted"
    PARTIALLY_RESULTED = "partially_resulted"
    EXTRA_QUALITY_CHECKS = "extra_quality_checks"
    CANCELED = "canceled"


class RequisitionStatus(StrEnum):
    CREATED = "created"
    APPROVED = "approved"
    DENIED = "denied"
    DELIVERED = "delivered"
    RECEIVED = "received"
    EXTRA_QUALITY_CHECKS = "extra_quality_checks"
    RESULTED = "resulted"
    REJECTED = "rejected"
    DELIVERY_EXCEPTION = "delivery_exception"


class Carrier(StrEnum):
    FEDEX = "fedex"
    UPS = "ups"
    USPS = "usps"


class SampleType(StrEnum):
    ADX100 = "adx100"
    ADX100_2 = "adx100_2"
    ADX100_4 = "adx100_4"
    WHATMAN903_10 = "whatman903_10"
    DRY_TRANSPORT_SWAB = "dry_transport_swab"
    HEMASPOT_HF = "hemaspot_hf"
    SALIVA_3 = "saliva_3"


class ResultType(StrEnum):
    QUANTITY = "quantity"
    REACTIVITY = "reactivity"
    GENOTYPE = "genotype"


ORDER_STATUSES: tuple[str, ...] = tuple(OrderStatus)
KIT_STATUSES: tuple[str, ...] = tuple(KitStatus)
SAMPLE_STATUSES: tuple[str, ...] = tuple(SampleStatus)
REQUISITION_STATUSES: tuple[str, ...] = tuple(RequisitionStatus)
CARRIERS: tuple[str, ...] = tuple(Carrier)
SAMPLE_TYPES: tuple[str, ...] = tuple(SampleType)
RESULT_TYPES: tuple[str, ...] = tuple(ResultType)
COUNTRIES: tuple[str, ...] = ("US", "CA")
SEXES: tuple[str, ...] = ("M", "F")

# --- value types -----------------------------------------------------------------------------

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _assume_utc(value: datetime) -> datetime:
    # The docs always send "Z"; a naive time from an odd server is read as UTC, not local.
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _date_or_text(value: Any) -> Any:
    """A well-formed YYYY-MM-DD becomes a date; any other string is kept as it came."""
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _lenient_when(value: Any) -> Any:
    """Report dates have no documented format: parse what parses, keep the rest as text."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    if _ISO_DATE.match(text):
        return _date_or_text(text)
    try:
        return _assume_utc(datetime.fromisoformat(text))
    except ValueError:
        return value


def _result_value(value: Any) -> Any:
    # Genotype values are undocumented; a structured value is kept readable rather than fatal.
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True)
    if isinstance(value, bool):
        return str(value).lower()
    return value


Timestamp = Annotated[datetime, AfterValidator(_assume_utc)]
DateOrText = Annotated[date | str, BeforeValidator(_date_or_text)]
LenientWhen = Annotated[datetime | date | str, BeforeValidator(_lenient_when)]
ResultValue = Annotated[int | float | str | None, BeforeValidator(_result_value)]
Metadata = dict[str, Any]


class _Response(BaseModel):
    """Tolerant base for everything the server sends."""

    # A number where the docs promise a string (a ZIP or phone sent as 94105) is shown as
    # text rather than failing the whole page of orders it arrived in.
    model_config = ConfigDict(extra="allow", coerce_numbers_to_str=True)


class _Request(BaseModel):
    """Strict base for everything we send."""

    model_config = ConfigDict(extra="forbid")

    def to_body(self) -> dict[str, Any]:
        """The JSON body: optional fields left unset are not sent as ``null``."""
        return self.model_dump(mode="json", exclude_none=True)


def _reject_nested_extra(model: BaseModel, where: str) -> None:
    """Shared sub-models (Address, Recipient …) are tolerant; inside a request they are not."""
    if model.model_extra:
        names = ", ".join(sorted(model.model_extra))
        raise ValueError(f"{where}: unexpected field(s) {names}")
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            _reject_nested_extra(value, f"{where}.{name}")


# --- shared sub-objects ----------------------------------------------------------------------


class Address(_Response):
    street1: str | None = None
    street2: str | None = None
    city: str | None = None
    state: str | None = None
    country: str | None = None
    zip: str | None = None


class Recipient(_Response):
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    phone: str | None = None
    address: Address | None = None


class Tracking(_Response):
    tracking_number: str | None = None
    carrier: str | None = None


class RequisitionPatient(_Response):
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    phone: str | None = None
    sex: str | None = None
    date_of_birth: DateOrText | None = None
    address: Address | None = None

    @field_validator("address", mode="before")
    @classmethod
    def _flatten_double_address(cls, value: Any) -> Any:
        # SPEC §14.3: get-requisition examples nest the address twice.
        if (
            isinstance(value, dict)
            and set(value) == {"address"}
            and isinstance(value["address"], dict)
        ):
            return value["address"]
        return value


# --- orders and kits -------------------------------------------------------------------------


class KitEvent(_Response):
    status: str
    created: Timestamp | None = None


class SampleEvent(_Response):
    status: str
    created: Timestamp | None = None


class Shipment(_Response):
    tracking_number: str | None = None
    carrier: str | None = None
    created: Timestamp | None = None


class RegisteredPatient(_Response):
    patient_id: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    date_of_birth: DateOrText | None = None
    sex: str | None = None
    email: str | None = None
    phone: str | None = None


class Result(_Response):
    result_type: str | None = None
    name: str | None = None
    time_collected: Timestamp | None = None
    result: ResultValue = None
    unit_of_measure: str | None = None
    range_minimum: ResultValue = None
    range_maximum: ResultValue = None
    comments: str | None = None


class Report(_Response):
    report_id: str | None = None
    results: list[Result] = Field(default_factory=list)
    date_collected: LenientWhen | None = None
    date_received: LenientWhen | None = None
    is_amendment: bool | None = None
    pdf: str | None = None
    txt: str | None = None

    @field_validator("results", mode="before")
    @classmethod
    def _drop_placeholders(cls, value: Any) -> Any:
        # The docs' examples put prose strings in this array; only objects are results.
        if isinstance(value, list):
            return [item for item in value if isinstance(item, dict)]
        return value

    @field_validator("is_amendment", mode="before")
    @classmethod
    def _amendment_flag(cls, value: Any) -> Any:
        # The docs show the placeholder "boolean"; anything not clearly true/false is unknown.
        if isinstance(value, bool) or value is None:
            return value
        if isinstance(value, str) and value.lower() in ("true", "false"):
            return value.lower() == "true"
        return None


class Sample(_Response):
    sample_id: str | None = None
    status: str | None = None
    events: list[SampleEvent] = Field(default_factory=list)
    type: str | None = None
    shipments: list[Shipment] = Field(default_factory=list)
    panels: list[str] = Field(default_factory=list)
    reports: list[Report] = Field(default_factory=list)


class Kit(_Response):
    """KitFull: get kit, update kit metadata, and the items of ``Order.kits``."""

    kit_id: str
    type: str | None = None
    status: str | None = None
    events: list[KitEvent] = Field(default_factory=list)
    shipment_to_customer: Shipment | None = None
    registered_to: RegisteredPatient | None = None
    sample: Sample | None = None
    metadata: Metadata | None = None


class KitSummary(_Response):
    kit_id: str
    kit_type: str | None = None
    order_id: str | None = None
    kit_status: str | None = None
    sample_status: str | None = None
    created: Timestamp | None = None
    updated: Timestamp | None = None


class OrderSummary(_Response):
    order_id: str
    status: str | None = None
    recipient: Recipient | None = None
    created: Timestamp | None = None
    updated: Timestamp | None = None


class Order(_Response):
    """OrderFull: create order, get order, update order metadata."""

    order_id: str
    status: str | None = None
    recipient: Recipient | None = None
    kit_types: list[str] = Field(default_factory=list)
    kits: list[Kit] = Field(default_factory=list)
    created: Timestamp | None = None
    updated: Timestamp | None = None
    metadata: Metadata | None = None


OrderFull = Order
KitFull = Kit

# --- requisitions ----------------------------------------------------------------------------


class RequisitionEvent(_Response):
    event: str
    date: Timestamp | None = None


class Requisition(_Response):
    requisition_id: str
    barcode: str | None = None
    account_number: str | None = None
    lab: str | None = None
    panels: list[str] = Field(default_factory=list)
    state_collected: str | None = None
    patient: RequisitionPatient | None = None
    tracking: Tracking | None = None
    status: str | None = None
    events: list[RequisitionEvent] = Field(default_factory=list)
    reports: list[Report] = Field(default_factory=list)
    attributes: Metadata | None = None
    metadata: Metadata | None = None
    created: Timestamp | None = None
    updated: Timestamp | None = None


# --- registration ----------------------------------------------------------------------------


class Patient(_Response):
    """Create-patient response; the docs omit ``patient_id`` (SPEC §14.6), the sandbox sends it."""

    patient_id: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    phone: str | None = None
    sex: str | None = None
    date_of_birth: DateOrText | None = None


class RegistrationToken(_Response):
    token: str = Field(repr=False)  # a one-time credential: keep it out of logs and reprs


# --- requests --------------------------------------------------------------------------------


class NewOrder(_Request):
    kit_types: list[str] = Field(min_length=1)
    recipient: Recipient
    metadata: Metadata | None = None

    @model_validator(mode="after")
    def _strict_recipient(self) -> NewOrder:
        _reject_nested_extra(self.recipient, "recipient")
        missing = [
            name
            for name in ("first_name", "last_name", "email", "phone")
            if getattr(self.recipient, name) is None
        ]
        if missing:
            raise ValueError(f"recipient: missing {', '.join(missing)}")
        return self


class NewRequisition(_Request):
    barcode: str
    panels: list[str] = Field(min_length=1)
    account_number: str
    lab: str
    state_collected: str
    patient: RequisitionPatient
    tracking: Tracking | None = None
    attributes: Metadata | None = None
    metadata: Metadata | None = None

    @model_validator(mode="after")
    def _strict_nested(self) -> NewRequisition:
        _reject_nested_extra(self.patient, "patient")
        if self.tracking is not None:
            _reject_nested_extra(self.tracking, "tracking")
        return self


class NewPatient(_Request):
    first_name: str
    last_name: str
    email: str
    phone: str | None = None
    sex: Literal["M", "F"]
    date_of_birth: date


class KitActivation(_Request):
    """Either ``patient_id`` alone, or the new patient's details (which ones: per kit type)."""

    patient_id: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    date_of_birth: date | None = None
    sex: Literal["M", "F"] | None = None
    street1: str | None = None
    street2: str | None = None
    city: str | None = None
    state: str | None = None
    zip: str | None = None
    email: str | None = None
    phone: str | None = None
    research_consent: bool | None = None

    @model_validator(mode="after")
    def _not_empty(self) -> KitActivation:
        if not self.to_body():
            raise ValueError("give a patient_id or the patient's details")
        return self


__all__ = [
    "CARRIERS",
    "COUNTRIES",
    "KIT_STATUSES",
    "ORDER_STATUSES",
    "REQUISITION_STATUSES",
    "RESULT_TYPES",
    "SAMPLE_STATUSES",
    "SAMPLE_TYPES",
    "SEXES",
    "Address",
    "Carrier",
    "Kit",
    "KitActivation",
    "KitEvent",
    "KitFull",
    "KitStatus",
    "KitSummary",
    "NewOrder",
    "NewPatient",
    "NewRequisition",
    "Order",
    "OrderFull",
    "OrderStatus",
    "OrderSummary",
    "Patient",
    "Recipient",
    "RegisteredPatient",
    "RegistrationToken",
    "Report",
    "Requisition",
    "RequisitionEvent",
    "RequisitionPatient",
    "RequisitionStatus",
    "Result",
    "ResultType",
    "Sample",
    "SampleEvent",
    "SampleStatus",
    "SampleType",
    "Shipment",
    "Tracking",
]
