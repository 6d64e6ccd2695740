"""Kit registration at the desk (activation) and patient registration tokens (SPEC §7.11–7.13, §12).

Plain functions over the client so the dialogs stay thin: look a kit up and say whether it can
be registered, collect patients already known from earlier kits, build and send an activation,
create a patient and issue a one-time registration token with its expiry.

Creating a patient follows the outbox's rule for lost answers (issue 14): after an ambiguous
failure (5xx, 429 without Retry-After, dropped connection, timeout, unreadable success) the
patient may exist at Spot, so a retry with the same email first looks the patient up (through
kits registered to that email: Spot has no patient search) and creates again only once a
lookup at least `SETTLE_WINDOW_S` after the failure found nothing (`PatientCreations`).
"""

from __future__ import annotations

import base64
import binascii
import json
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal, Protocol

from app.api import errors as api_errors
from app.api import models
from app.marks import QT_TRANSLATE_NOOP
from app.services.errors import ServiceError, describe_error
from app.services.order_rules import OrderRow
from app.services.outbox import SETTLE_WINDOW_S, is_ambiguous
from app.validation import Finding, normalize_patient, validate_patient

__all__ = [
    "TOKEN_LIFETIME_SECONDS",
    "ActivationFailed",
    "IssuedToken",
    "KitCheck",
    "KitProblem",
    "KitSource",
    "KnownPatient",
    "PatientCreations",
    "PatientMayExist",
    "RegistrationClient",
    "activate_kit",
    "activation_for_new_patient",
    "check_kit",
    "find_registered_patient",
    "issue_token",
    "known_patients",
    "new_patient_request",
    "patient_from_kit",
    "registered_kit_ids",
    "token_lifetime",
    "validate_activation_patient",
    "validate_token_patient",
]

#: Spot's documented lifetime of a registration token (§7.12).
TOKEN_LIFETIME_SECONDS = 600

KitProblem = Literal["unknown", "registered", "canceled", "lost", "not_activatable"]
_REFUSED_STATUSES: dict[str, KitProblem] = {
    "registered": "registered",
    "canceled": "canceled",
    "delivery_exception": "lost",
}
# Flat activation fields (§7.13) → the form's field paths.
_ACTIVATION_PATHS = {
    "street1": "address.street1",
    "street2": "address.street2",
    "city": "address.city",
    "state": "address.state",
    "zip": "address.zip",
}


class KitSource(Protocol):
    """What looking kits and earlier patients up needs (tests pass a small fake)."""

    def get_kit(self, kit_id: str) -> models.Kit: ...

    def list_kits(
        self, *, kit_status: str | None = ..., email: str | None = ..., results: int = ...
    ) -> list[models.KitSummary]: ...


class RegistrationClient(KitSource, Protocol):
    """The part of ``SpotClient`` these use cases need."""

    def activate_kit(self, kit_id: str, activation: models.KitActivation) -> None: ...

    def create_patient(self, patient: models.NewPatient) -> models.Patient: ...

    def create_registration_token(
        self, patient_id: str, kit_type: str | None = None
    ) -> models.RegistrationToken: ...


# --- kit lookup ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class KitCheck:
    """A looked-up kit id: the kit (None when Spot doesn't know it) and why it can't be
    registered, if it can't."""

    kit_id: str
    kit: models.Kit | None
    problem: KitProblem | None

    @property
    def registrable(self) -> bool:
        return self.kit is not None and self.problem is None


def check_kit(client: KitSource, kit_id: str) -> KitCheck:
    """Fetch the kit and judge it. Unknown ids give ``problem="unknown"``; other errors raise
    a ``ServiceError``."""
    wanted = kit_id.strip().upper()
    try:
        kit = client.get_kit(wanted)
    except api_errors.NotFound:
        return KitCheck(wanted, None, "unknown")
    except Exception as exc:
        raise describe_error(exc) from exc
    return KitCheck(kit.kit_id, kit, _REFUSED_STATUSES.get((kit.status or "").strip()))


# --- patients we already know ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class KnownPatient:
    """A patient someone registered a kit to before (``registered_to``)."""

    patient_id: str
    first_name: str
    last_name: str
    date_of_birth: str
    sex: str
    email: str
    phone: str
    kit_id: str

    @property
    def label(self) -> str:
        name = f"{self.last_name}, {self.first_name}".strip(", ")
        born = f" · {self.date_of_birth}" if self.date_of_birth else ""
        return f"{name or self.patient_id}{born}"


def registered_kit_ids(rows: Iterable[OrderRow], limit: int) -> list[str]:
    """Registered kits in the synced list, most recently updated order first."""
    ordered = sorted(rows, key=lambda row: row.updated, reverse=True)
    result: list[str] = []
    for row in ordered:
        for kit_id, status in zip(row.kit_ids, row.kit_statuses, strict=False):
            if status == "registered":
                result.append(kit_id)
                if len(result) >= limit:
                    return result
    return result


def patient_from_kit(kit: models.Kit) -> KnownPatient | None:
    """The patient a kit is registered to, when Spot says who (with an id)."""
    patient = kit.registered_to
    if patient is None or not patient.patient_id:
        return None
    return KnownPatient(
        patient_id=patient.patient_id,
        first_name=patient.first_name or "",
        last_name=patient.last_name or "",
        date_of_birth=str(patient.date_of_birth or ""),
        sex=patient.sex or "",
        email=patient.email or "",
        phone=patient.phone or "",
        kit_id=kit.kit_id,
    )


def known_patients(
    client: KitSource,
    rows: Iterable[OrderRow] = (),
    *,
    limit: int = 25,
    workers: int = 4,
) -> list[KnownPatient]:
    """Patients from ``registered_to`` of recent registered kits, one entry per patient_id,
    sorted by name. Uses the synced rows when they list registered kits, else asks Spot for
    the newest registered kits. Blocking (network): run it through the task runner."""
    kit_ids = registered_kit_ids(rows, limit)
    try:
        if not kit_ids:
            summaries = client.list_kits(kit_status="registered", results=limit)
            kit_ids = [summary.kit_id for summary in summaries]
        with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
            kits = list(pool.map(_kit_or_none(client), kit_ids))
    except Exception as exc:
        raise describe_error(exc) from exc
    patients: dict[str, KnownPatient] = {}
    for kit in kits:
        patient = patient_from_kit(kit) if kit is not None else None
        if patient is not None and patient.patient_id not in patients:
            patients[patient.patient_id] = patient
    return sorted(patients.values(), key=lambda p: (p.last_name.lower(), p.first_name.lower()))


def _kit_or_none(client: KitSource) -> Callable[[str], models.Kit | None]:
    def fetch(kit_id: str) -> models.Kit | None:
        try:
            return client.get_kit(kit_id)
        except api_errors.NotFound:
            return None  # gone since the last sync: not worth failing the whole list

    return fetch


# --- activation ------------------------------------------------------------------------------


class ActivationFailed(ServiceError):
    """Spot refused the activation. ``field_errors`` uses the form's paths (``address.zip``);
    ``kit_message`` is a refusal about the kit itself (already registered, not eligible)."""

    def __init__(self, base: ServiceError, kit_message: str = "") -> None:
        super().__init__(
            base.title,
            base.advice,
            details=base.details,
            field_errors=base.field_errors,
            debug=base.debug,
            transient=base.transient,
        )
        self.kit_message = kit_message


def validate_activation_patient(patient: Mapping[str, Any], today: date | None = None) -> list[
    Finding
]:
    """A new patient for activation: names, sex, date of birth, email and an address, checked
    like the order form (phone optional)."""
    return validate_patient(dict(patient), today=today, require_address=True)


def activation_for_new_patient(
    patient: Mapping[str, Any], *, research_consent: bool
) -> models.KitActivation:
    """The activation body for a new patient (flat address fields, §7.13). Validate first."""
    clean = normalize_patient(dict(patient))
    address = clean.get("address")
    body: dict[str, Any] = {
        key: clean.get(key) for key in ("first_name", "last_name", "email", "phone", "sex")
    }
    body["date_of_birth"] = clean.get("date_of_birth") or None
    if isinstance(address, dict):
        for key in ("street1", "street2", "city", "state", "zip"):
            body[key] = address.get(key) or None
    body["research_consent"] = research_consent
    return models.KitActivation.model_validate({k: v for k, v in body.items() if v not in ("",)})


def activate_kit(
    client: RegistrationClient, kit_id: str, activation: models.KitActivation
) -> models.Kit:
    """Register the kit and return it as Spot now has it (status ``registered``)."""
    try:
        client.activate_kit(kit_id, activation)
    except api_errors.BadRequest as exc:
        base = describe_error(exc)
        fields: dict[str, list[str]] = {}
        kit_messages: list[str] = []
        for field, messages in base.field_errors.items():
            if field in ("public_id", "kit_id", "", "patient_id"):
                kit_messages.extend(messages)
            else:
                fields.setdefault(_ACTIVATION_PATHS.get(field, field), []).extend(messages)
        base.field_errors = fields
        raise ActivationFailed(base, "; ".join(kit_messages)) from exc
    except Exception as exc:
        raise describe_error(exc) from exc
    try:
        return client.get_kit(kit_id)
    except Exception as exc:
        raise describe_error(exc) from exc


# --- registration tokens ---------------------------------------------------------------------


def validate_token_patient(patient: Mapping[str, Any], today: date | None = None) -> list[
    Finding
]:
    """A patient for ``POST /patients/`` (§6.15): names, email, sex, date of birth; no address."""
    data = {key: value for key, value in patient.items() if key != "address"}
    return validate_patient(data, today=today)


def new_patient_request(patient: Mapping[str, Any]) -> models.NewPatient:
    clean = normalize_patient({k: v for k, v in patient.items() if k != "address"})
    return models.NewPatient.model_validate(
        {
            key: clean[key]
            for key in ("first_name", "last_name", "email", "phone", "sex", "date_of_birth")
            if clean.get(key)
        }
    )


@dataclass(frozen=True, slots=True)
class IssuedToken:
    """A one-time registration token. ``issued_at`` is on the caller's clock (the one the
    countdown uses), so a server clock that is off doesn't shorten or stretch the countdown.
    That clock is wall time by default: Spot's expiry keeps running while a laptop sleeps,
    and a monotonic clock may not."""

    token: str = ""
    patient_id: str = ""
    kit_type: str | None = None
    issued_at: float = 0.0
    lifetime: float = TOKEN_LIFETIME_SECONDS

    def remaining(self, now: float) -> float:
        # Clamped: a wall clock set back must not show more than the token's lifetime.
        return min(self.lifetime, max(0.0, self.issued_at + self.lifetime - now))

    def __repr__(self) -> str:  # the token is a credential: never in logs or reprs
        return f"IssuedToken(patient_id=…, kit_type={self.kit_type!r}, lifetime={self.lifetime})"


def token_lifetime(token: str) -> float:
    """Seconds the token lives: ``exp - iat`` when it is a readable JWT, else the documented
    10 minutes. The signature is not checked — it only tells the countdown how long to run."""
    try:
        payload = token.split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        lifetime = float(claims["exp"]) - float(claims["iat"])
    except (IndexError, KeyError, TypeError, ValueError, binascii.Error):
        return float(TOKEN_LIFETIME_SECONDS)
    return lifetime if 0 < lifetime <= 24 * 3600 else float(TOKEN_LIFETIME_SECONDS)


# --- creating a patient once ----------------------------------------------------------------

#: Kits fetched (one request each) when looking a patient up by email.
PATIENT_LOOKUP_KITS = 25


class PatientMayExist(ServiceError):
    """A retry inside the settle window after an attempt whose answer was lost."""

    default_title = QT_TRANSLATE_NOOP("Errors", "Spot may already have created this patient")
    default_advice = QT_TRANSLATE_NOOP(
        "Errors",
        "The answer to the last try was lost. Wait two minutes and try again: the app checks "
        "with Spot before creating the patient again. Or pick the patient from the existing "
        "patients if they are listed.",
    )


def find_registered_patient(client: KitSource, patient: models.NewPatient) -> str | None:
    """The patient_id of a patient Spot knows with this email, name and date of birth, found
    through kits registered to them (Spot has no patient search). None if none is found; a
    patient created without any kit yet cannot be found this way."""
    email = (patient.email or "").strip()
    if not email:
        return None
    summaries = client.list_kits(email=email, results=PATIENT_LOOKUP_KITS)
    for summary in summaries[:PATIENT_LOOKUP_KITS]:
        try:
            kit = client.get_kit(summary.kit_id)
        except api_errors.NotFound:
            continue
        known = kit.registered_to
        if known is not None and known.patient_id and _same_person(known, patient):
            return known.patient_id
    return None


def _same_person(known: models.RegisteredPatient, wanted: models.NewPatient) -> bool:
    def norm(value: object) -> str:
        return str(value or "").strip().casefold()

    return (
        norm(known.email) == norm(wanted.email)
        and norm(known.first_name) == norm(wanted.first_name)
        and norm(known.last_name) == norm(wanted.last_name)
        and (not wanted.date_of_birth or norm(known.date_of_birth) == norm(wanted.date_of_birth))
    )


class PatientCreations:
    """Creates patients at most once per lost answer. Remembers, per Spot host and email, when
    a creation failed ambiguously; the next try for that email looks the patient up first and
    creates again only after a lookup started `SETTLE_WINDOW_S` after that failure found
    nothing. In memory (a restart forgets): a duplicate patient record ships no kit, unlike a
    duplicate order, and Spot offers no way to find a patient who has no kit yet."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._lost: dict[tuple[str, str], float] = {}  # (host, email) -> failed at

    def may_exist(self, client: object, email: str) -> bool:
        with self._lock:
            return _creation_key(client, email) in self._lost

    def create(self, client: RegistrationClient, patient: models.NewPatient) -> models.Patient:
        """Create ``patient`` (or return the one an earlier, lost attempt created). Raises
        `PatientMayExist` inside the settle window, and what the client raises otherwise."""
        key = _creation_key(client, patient.email or "")
        with self._lock:
            failed_at = self._lost.get(key)
        if failed_at is not None:
            started = self._clock()
            found = find_registered_patient(client, patient)
            if found is not None:
                with self._lock:
                    self._lost.pop(key, None)
                return models.Patient(patient_id=found, **patient.model_dump(exclude_none=True))
            if started < failed_at + SETTLE_WINDOW_S:
                raise PatientMayExist(transient=True, debug="create_patient inside settle window")
            with self._lock:
                self._lost.pop(key, None)
        try:
            return client.create_patient(patient)
        except Exception as exc:
            if is_ambiguous(exc):
                with self._lock:
                    self._lost[key] = self._clock()
            raise


def _creation_key(client: object, email: str) -> tuple[str, str]:
    return (str(getattr(client, "base_url", "")), email.strip().casefold())


#: The app's one memory of lost patient creations (dialogs come and go; the rule must hold
#: across them).
PATIENT_CREATIONS = PatientCreations()


def issue_token(
    client: RegistrationClient,
    *,
    patient_id: str | None = None,
    new_patient: models.NewPatient | None = None,
    kit_type: str | None = None,
    clock: Callable[[], float] = time.time,
    creations: PatientCreations | None = None,
) -> IssuedToken:
    """Create the patient (when ``new_patient`` is given; at most once per lost answer, see
    `PatientCreations`) and issue a registration token."""
    try:
        if new_patient is not None:
            created = (creations or PATIENT_CREATIONS).create(client, new_patient)
            if not created.patient_id:
                raise ServiceError(
                    QT_TRANSLATE_NOOP("Errors", "Spot didn't return an id for the new patient"),
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "Pick the patient from the list of existing patients, or try again later.",
                    ),
                    debug="create_patient without patient_id",
                )
            patient_id = created.patient_id
        if not patient_id:
            raise ValueError("give a patient_id or a new patient")
        # Read the clock before asking: the countdown may end early, never late.
        issued_at = clock()
        issued = client.create_registration_token(patient_id, kit_type or None)
    except Exception as exc:
        raise describe_error(exc) from exc
    return IssuedToken(
        token=issued.token,
        patient_id=patient_id,
        kit_type=kit_type or None,
        issued_at=issued_at,
        lifetime=token_lifetime(issued.token),
    )
