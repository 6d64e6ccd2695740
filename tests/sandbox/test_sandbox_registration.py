"""Requisitions, patients, registration tokens and kit activation."""

from __future__ import annotations

import base64
import json
import uuid
from datetime import date
from typing import Any

import httpx
import pytest

from app.api import SpotClient, errors, models
from app.sandbox import SandboxServer
from tests.helpers.sandbox_api import address, assert_error, new_order


def requisition_body(barcode: str = "19742938328", **patient: Any) -> dict[str, Any]:
    person = {"first_name": "Testy", "last_name": "McTestface", "email": "testy@example.com",
              "phone": "4155550123", "sex": "F", "date_of_birth": "1980-02-03",
              "address": address()}
    person.update(patient)
    return {
        "barcode": barcode, "panels": ["PANEL-123"], "account_number": "1234567890",
        "lab": "CRL", "state_collected": "OH", "patient": person,
        "tracking": {"tracking_number": "9400123456789999876500", "carrier": "usps"},
        "attributes": {"crl_slip_id": "SLIP123", "crl_tier3_account_number": "ABCD1234"},
        "metadata": {"desk": "front"},
    }


def new_requisition(barcode: str = "19742938328", **patient: Any) -> models.NewRequisition:
    return models.NewRequisition.model_validate(requisition_body(barcode, **patient))


def test_requisition_is_screened_at_once(client: SpotClient) -> None:
    created = client.create_requisition(new_requisition())
    assert created.status == "approved"
    assert [e.event for e in created.events] == ["created", "approved"]
    assert uuid.UUID(created.requisition_id)
    assert created.lab == "CRL"
    assert created.attributes == {"crl_slip_id": "SLIP123",
                                  "crl_tier3_account_number": "ABCD1234"}
    assert created.metadata == {"desk": "front"}
    assert created.reports == []


def test_create_requisition_answers_201(http: httpx.Client) -> None:
    response = http.post("/api/v2/requisitions/", json=requisition_body())
    assert response.status_code == 201


@pytest.mark.parametrize(
    ("patient", "state"),
    [
        ({"date_of_birth": "2015-05-05"}, "OH"),  # a minor
        ({"sex": None}, "OH"),  # sex missing
        ({"address": None}, "OH"),  # no address
        ({}, "NY"),  # excluded state
    ],
)
def test_exclusion_check_denies(http: httpx.Client, patient: dict[str, Any],
                                state: str) -> None:
    body = requisition_body()
    body["state_collected"] = state
    for key, value in patient.items():
        if value is None:
            del body["patient"][key]
        else:
            body["patient"][key] = value
    created = http.post("/api/v2/requisitions/", json=body).json()
    assert created["status"] == "denied"
    assert [e["event"] for e in created["events"]] == ["created", "denied"]


def test_barcode_is_unique(client: SpotClient) -> None:
    client.create_requisition(new_requisition("BC-1"))
    with pytest.raises(errors.BadRequest) as caught:
        client.create_requisition(new_requisition("BC-1"))
    assert "barcode" in caught.value.field_errors


def test_requisition_validation(http: httpx.Client) -> None:
    body = requisition_body()
    body["panels"] = ["NOPE"]
    body["tracking"]["carrier"] = "dhl"
    body["attributes"]["crl_tier3_account_number"] = "short"
    body["patient"]["sex"] = "X"
    del body["lab"]
    details = assert_error(http.post("/api/v2/requisitions/", json=body), 400, "bad_request")
    assert "lab: Field is required" in details
    assert "panels.0: Unknown panel 'NOPE'" in details
    prefixes = ("tracking.carrier: ", "attributes.crl_tier3_account_number: ", "patient.sex: ")
    for prefix in prefixes:
        assert any(d.startswith(prefix) for d in details), prefix


def test_get_and_list_requisitions(client: SpotClient, http: httpx.Client,
                                   sandbox: SandboxServer) -> None:
    first = client.create_requisition(new_requisition("BC-1"))
    sandbox.advance(0.001)
    body = requisition_body("BC-2", first_name="Sandy", email="sandy@example.com")
    body["lab"] = "Sandbox Reference Lab"
    second = http.post("/api/v2/requisitions/", json=body).json()
    assert client.get_requisition(first.requisition_id).barcode == "BC-1"
    # Documented without a trailing slash; both forms work.
    assert http.get(f"/api/v2/requisitions/{first.requisition_id}").status_code == 200
    assert http.get(f"/api/v2/requisitions/{first.requisition_id}/").status_code == 200
    assert [r.requisition_id for r in client.list_requisitions()] == [
        second["requisition_id"], first.requisition_id]
    by_lab = client.list_requisitions(lab="Sandbox Reference Lab")
    assert [r.barcode for r in by_lab] == ["BC-2"]
    assert client.list_requisitions(lab="sandbox reference lab") == []  # case-sensitive
    assert [r.barcode for r in client.list_requisitions(first_name="sandy")] == ["BC-2"]
    assert len(client.list_requisitions(status="approved")) == 2
    assert client.list_requisitions(status="resulted") == []
    assert len(list(client.iter_requisitions())) == 2
    assert_error(http.get("/api/v2/requisitions/not-a-uuid"), 400, "bad_request")
    missing = str(uuid.uuid4())
    assert_error(http.get(f"/api/v2/requisitions/{missing}"), 404, "not_found")
    with pytest.raises(errors.NotFound):
        client.get_requisition(missing)


def test_requisition_lifecycle_reaches_a_report(client: SpotClient,
                                                sandbox: SandboxServer) -> None:
    created = [client.create_requisition(new_requisition(f"BC-{n}")) for n in range(8)]
    untracked = requisition_body("BC-untracked")
    del untracked["tracking"]
    no_tracking = client.create_requisition(models.NewRequisition.model_validate(untracked))
    sandbox.advance(20)
    final = [client.get_requisition(r.requisition_id) for r in created]
    assert {r.status for r in final} <= {"resulted", "rejected", "delivery_exception"}
    resulted = [r for r in final if r.status == "resulted"]
    assert resulted
    report = resulted[0].reports[0]
    assert report.pdf is not None
    assert client.download(report.pdf).startswith(b"%PDF")
    events = [e.event for e in client.get_requisition(no_tracking.requisition_id).events]
    assert "delivered" not in events
    assert "received" in events


def test_disabled_requisitions_answer_403(client: SpotClient, http: httpx.Client,
                                          sandbox: SandboxServer) -> None:
    created = client.create_requisition(new_requisition())
    assert http.post("/sandbox/requisitions", json={"enabled": False}).status_code == 200
    with pytest.raises(errors.Forbidden):
        client.create_requisition(new_requisition("other"))
    with pytest.raises(errors.Forbidden):
        client.list_requisitions()
    assert_error(http.get(f"/api/v2/requisitions/{created.requisition_id}"), 403, "forbidden")
    sandbox.set_requisitions_enabled(True)
    assert client.list_requisitions()


# --- patients and tokens ---------------------------------------------------------------------


def new_patient(**changes: Any) -> models.NewPatient:
    base = {"first_name": "Demo", "last_name": "Patient", "email": "demo@example.com",
            "phone": "4155550142", "sex": "M", "date_of_birth": "1975-06-07"}
    return models.NewPatient.model_validate({**base, **changes})


def test_create_patient_echoes_with_an_id(client: SpotClient, http: httpx.Client) -> None:
    patient = client.create_patient(new_patient())
    assert patient.patient_id is not None
    assert uuid.UUID(patient.patient_id)
    assert (patient.first_name, patient.sex) == ("Demo", "M")
    response = http.post("/api/v2/patients/", json=new_patient().to_body())
    assert response.status_code == 200
    details = assert_error(http.post("/api/v2/patients/", json={"first_name": "A"}), 400,
                           "bad_request")
    assert "last_name: Field is required" in details
    assert "date_of_birth: Field is required" in details
    future = new_patient().to_body() | {"date_of_birth": "2999-01-01"}
    assert_error(http.post("/api/v2/patients/", json=future), 400, "bad_request")


def _claims(token: str) -> dict[str, Any]:
    header, body, _signature = token.split(".")
    assert json.loads(base64.urlsafe_b64decode(header + "==")) == {"typ": "JWT",
                                                                   "alg": "HS256"}
    claims: dict[str, Any] = json.loads(base64.urlsafe_b64decode(body + "=="))
    return claims


def test_registration_token_is_a_ten_minute_jwt(client: SpotClient, http: httpx.Client,
                                                sandbox: SandboxServer) -> None:
    patient = client.create_patient(new_patient())
    assert patient.patient_id is not None
    token = client.create_registration_token(patient.patient_id, kit_type="health_kit_1")
    claims = _claims(token.token)
    assert claims["sub"] == "patient_registration"
    assert claims["exp"] - claims["iat"] == 600
    assert sandbox.app.verify_registration_token(token.token) is not None
    sandbox.advance(11 / 1440)  # eleven sandbox minutes later
    assert sandbox.app.verify_registration_token(token.token) is None
    response = http.post("/api/v2/tokens/patient_registration/",
                         json={"patient_id": patient.patient_id})
    assert response.status_code == 201
    with pytest.raises(errors.NotFound):
        client.create_registration_token(str(uuid.uuid4()))
    assert_error(http.post("/api/v2/tokens/patient_registration/",
                           json={"patient_id": "nope"}), 400, "bad_request")
    assert_error(http.post("/api/v2/tokens/patient_registration/",
                           json={"patient_id": patient.patient_id, "kit_type": "nope"}),
                 400, "bad_request")


# --- activation ------------------------------------------------------------------------------


def _shipped_kit(client: SpotClient, sandbox: SandboxServer,
                 kit_type: str = "health_kit_1") -> str:
    client.create_order(new_order([kit_type]))
    sandbox.advance(1)
    return client.list_kits()[0].kit_id


def test_activation_registers_a_new_patient(client: SpotClient, sandbox: SandboxServer) -> None:
    kit_id = _shipped_kit(client, sandbox)
    activation = models.KitActivation(
        first_name="Fauxna", last_name="Specimen", date_of_birth=date(1990, 1, 2), sex="F",
        email="fauxna@example.com", research_consent=True,
    )
    client.activate_kit(kit_id, activation)
    kit = client.get_kit(kit_id)
    assert kit.status == "registered"
    assert kit.registered_to is not None
    assert (kit.registered_to.first_name, kit.registered_to.sex) == ("Fauxna", "F")
    with pytest.raises(errors.BadRequest):
        client.activate_kit(kit_id, activation)  # already registered
    # The sample's journey starts from the activation: results arrive later.
    sandbox.advance(20)
    sample = client.get_kit(kit_id).sample
    assert sample is not None
    assert sample.status in {"resulted", "collection_exception", "delivery_exception"}
    if sample.reports:
        assert sample.reports[0].txt is not None
        assert "F.S." in client.download(sample.reports[0].txt).decode()


def test_activation_with_an_existing_patient(client: SpotClient,
                                             sandbox: SandboxServer) -> None:
    patient = client.create_patient(new_patient())
    kit_id = _shipped_kit(client, sandbox)
    client.activate_kit(kit_id, models.KitActivation(patient_id=patient.patient_id))
    registered = client.get_kit(kit_id).registered_to
    assert registered is not None
    assert registered.patient_id == patient.patient_id
    assert client.list_kits(first_name="demo")[0].kit_id == kit_id


def test_activation_errors(client: SpotClient, sandbox: SandboxServer,
                           http: httpx.Client) -> None:
    kit_id = _shipped_kit(client, sandbox)
    url = f"/api/v3/kits/{kit_id}/activate/"
    assert_error(http.post("/api/v3/kits/SPOT000000/activate/", json={}), 404, "not_found")
    details = assert_error(http.post(url, json={"first_name": "A"}), 400, "bad_request")
    assert "last_name: Field is required" in details
    assert_error(http.post(url, json={"patient_id": str(uuid.uuid4())}), 400, "bad_request")
    assert_error(http.post(url, params={"public_id": "SPOT999999"},
                           json={"patient_id": str(uuid.uuid4())}), 400, "bad_request")
    swab = _shipped_kit(client, sandbox, "std_panel_kit")
    details = assert_error(
        http.post(f"/api/v3/kits/{swab}/activate/", params={"public_id": swab},
                  json={"first_name": "A", "last_name": "B", "date_of_birth": "1990-01-01",
                        "sex": "M"}),
        400, "bad_request")
    assert "cannot be activated" in details[0]
