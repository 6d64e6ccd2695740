"""Creating a patient when Spot's answer is lost: look the patient up, wait out the settle
window, and only then create again (issue 14)."""

from __future__ import annotations

import uuid

import pytest

from app.api import errors as api_errors
from app.api import models
from app.services import registration
from app.services.outbox import SETTLE_WINDOW_S
from app.services.registration import PatientCreations, PatientMayExist


class Clock:
    def __init__(self) -> None:
        self.now = 1_772_000_000.0

    def __call__(self) -> float:
        return self.now


class PatientSpot:
    """Patients Spot holds, kits registered to some of them, and a create that can fail
    before or after it did the work."""

    base_url = "https://spot.test"

    def __init__(self) -> None:
        self.patients: list[models.Patient] = []
        self.kits: dict[str, models.Kit] = {}
        self.creates = 0
        self.fail: list[tuple[str, Exception]] = []
        self.tokens: list[str] = []

    def create_patient(self, patient: models.NewPatient) -> models.Patient:
        self.creates += 1
        when, error = self.fail.pop(0) if self.fail else ("", None)
        if error is not None and when == "before":
            raise error
        created = models.Patient(patient_id=str(uuid.uuid4()),
                                 **patient.model_dump(exclude_none=True))
        self.patients.append(created)
        if error is not None:
            raise error
        return created

    def register_kit(self, patient: models.Patient) -> None:
        kit_id = f"SPOT{len(self.kits) + 100001}"
        self.kits[kit_id] = models.Kit.model_validate({
            "kit_id": kit_id, "status": "registered",
            "registered_to": patient.model_dump(exclude_none=True, mode="json")})

    def list_kits(self, *, kit_status: str | None = None, email: str | None = None,
                  results: int = 10) -> list[models.KitSummary]:
        return [
            models.KitSummary(kit_id=kit.kit_id)
            for kit in self.kits.values()
            if kit.registered_to is not None
            and (kit.registered_to.email or "").lower() == (email or "").lower()
        ][:results]

    def get_kit(self, kit_id: str) -> models.Kit:
        return self.kits[kit_id]

    def create_registration_token(self, patient_id: str, kit_type: str | None = None
                                  ) -> models.RegistrationToken:
        self.tokens.append(patient_id)
        return models.RegistrationToken(token="opaque-token")

    def activate_kit(self, kit_id: str, activation: models.KitActivation) -> None:
        raise AssertionError("not used")


def gateway_timeout() -> Exception:
    return api_errors.ServerError(504, "server_error", [], "POST", "/api/v2/patients/")


def new_patient() -> models.NewPatient:
    return models.NewPatient(first_name="Testy", last_name="Fakeperson", email="Testy@Example.com",
                             sex="F", date_of_birth="1990-01-01")


@pytest.fixture
def spot() -> PatientSpot:
    return PatientSpot()


def test_a_retry_inside_the_window_creates_nothing(spot: PatientSpot) -> None:
    clock = Clock()
    creations = PatientCreations(clock)
    spot.fail = [("after", gateway_timeout())]
    with pytest.raises(api_errors.ServerError):
        creations.create(spot, new_patient())
    clock.now += SETTLE_WINDOW_S - 1
    with pytest.raises(PatientMayExist):
        registration.issue_token(spot, new_patient=new_patient(), creations=creations)
    assert spot.creates == 1
    assert spot.tokens == []


def test_the_patient_an_attempt_created_is_found_by_email_and_used(spot: PatientSpot) -> None:
    clock = Clock()
    creations = PatientCreations(clock)
    spot.fail = [("after", gateway_timeout())]
    with pytest.raises(api_errors.ServerError):
        creations.create(spot, new_patient())
    spot.register_kit(spot.patients[0])  # Spot knows them through a kit now
    clock.now += 10
    issued = registration.issue_token(spot, new_patient=new_patient(), creations=creations)
    assert spot.creates == 1
    assert issued.patient_id == spot.patients[0].patient_id
    assert spot.tokens == [spot.patients[0].patient_id]


def test_created_again_only_after_a_lookup_at_the_windows_end_found_nothing(
    spot: PatientSpot,
) -> None:
    clock = Clock()
    creations = PatientCreations(clock)
    spot.fail = [("before", api_errors.SpotConnectionError("dropped"))]
    with pytest.raises(api_errors.SpotConnectionError):
        creations.create(spot, new_patient())
    assert creations.may_exist(spot, "testy@example.com")
    clock.now += SETTLE_WINDOW_S
    issued = registration.issue_token(spot, new_patient=new_patient(), creations=creations)
    assert spot.creates == 2
    assert issued.patient_id == spot.patients[0].patient_id
    assert not creations.may_exist(spot, "testy@example.com")


def test_a_refusal_is_not_ambiguous_and_a_retry_creates_at_once(spot: PatientSpot) -> None:
    creations = PatientCreations(Clock())
    spot.fail = [("before", api_errors.BadRequest(400, "bad_request", ["email: Invalid"], "POST",
                                                  "/api/v2/patients/"))]
    with pytest.raises(api_errors.BadRequest):
        creations.create(spot, new_patient())
    assert not creations.may_exist(spot, "testy@example.com")
    creations.create(spot, new_patient())
    assert spot.creates == 2
