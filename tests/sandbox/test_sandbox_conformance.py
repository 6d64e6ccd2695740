"""Every endpoint's answers validate against openapi.yaml (nullable translated, no extra keys)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import jsonschema
import pytest
from openapi_schemas import SHARED_SPEC, SPEC, Schemas, load_spec

from app.sandbox import SandboxServer
from tests.helpers.sandbox_api import order_body

PATIENT = {"first_name": "Demo", "last_name": "Patient", "email": "demo@example.com",
           "phone": "4155550142", "sex": "M", "date_of_birth": "1975-06-07"}


@pytest.fixture(scope="module")
def schemas() -> Schemas:
    return Schemas(load_spec())


@pytest.fixture(scope="module")
def lived_in(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxServer]:
    """Seeded orders far enough along that every kind of object and report exists."""
    server = SandboxServer(tmp_path_factory.mktemp("conformance"), rng_seed=11)
    server.start()
    server.seed(120)
    server.advance(45)
    yield server
    server.stop()


@pytest.fixture
def raw(lived_in: SandboxServer) -> Iterator[httpx.Client]:
    headers = {"Authorization": f"Token {lived_in.token}"}
    with httpx.Client(base_url=lived_in.base_url, headers=headers, timeout=10) as client:
        yield client


def check(schemas: Schemas, template: str, response: httpx.Response) -> Any:
    method = response.request.method
    schemas.validate(response.json(), schemas.response_schema(template, method,
                                                                response.status_code))
    return response.json()


def test_order_endpoints_conform(schemas: Schemas, raw: httpx.Client) -> None:
    created = check(schemas, "/api/v2/orders/", raw.post("/api/v2/orders/", json={
        **order_body(), "metadata": {"k": "v"}}))
    assert created["status"] == "pending"
    orders = check(schemas, "/api/v2/orders/", raw.get("/api/v2/orders/",
                                                       params={"results": 100}))
    assert len(orders) == 100
    template = "/api/v2/orders/{public_id}/"
    for summary in orders[:40]:
        check(schemas, template, raw.get(f"/api/v2/orders/{summary['order_id']}/"))
    check(schemas, template, raw.post(f"/api/v2/orders/{created['order_id']}/",
                                      json={"metadata": None}))
    check(schemas, template, raw.get("/api/v2/orders/O0000000/"))
    check(schemas, "/api/v2/orders/", raw.post("/api/v2/orders/", json={}))


def test_kit_endpoints_conform(schemas: Schemas, raw: httpx.Client) -> None:
    kits = check(schemas, "/api/v2/kits/", raw.get("/api/v2/kits/", params={"results": 100}))
    assert {k["kit_status"] for k in kits} >= {"registered"}
    template = "/api/v2/kits/{public_id}/"
    full = [check(schemas, template, raw.get(f"/api/v2/kits/{k['kit_id']}/")) for k in kits]
    reports = [r for kit in full for r in kit["sample"]["reports"]]
    assert reports  # reports, results and shipments were all validated above
    check(schemas, template, raw.post(f"/api/v2/kits/{kits[0]['kit_id']}/",
                                      json={"metadata": {"shelf": 1}}))
    check(schemas, template, raw.get("/api/v2/kits/SPOT000000/"))
    check(schemas, "/api/v2/kits/", raw.get("/api/v2/kits/", params={"kit_status": "x"}))


def test_requisition_endpoints_conform(schemas: Schemas, raw: httpx.Client,
                                       lived_in: SandboxServer) -> None:
    body = {
        "barcode": f"C-{uuid.uuid4().hex[:8]}", "panels": ["PANEL-123"],
        "account_number": "1234567890", "lab": "CRL", "state_collected": "OH",
        "patient": {**PATIENT, "address": order_body()["recipient"]["address"]},
        "tracking": {"tracking_number": "9400123456789999876500", "carrier": "usps"},
    }
    created = check(schemas, "/api/v2/requisitions/", raw.post("/api/v2/requisitions/",
                                                               json=body))
    check(schemas, "/api/v2/requisitions/", raw.post("/api/v2/requisitions/", json=body))
    lived_in.advance(15)
    template = "/api/v2/requisitions/{id}"
    one = check(schemas, template, raw.get(f"/api/v2/requisitions/{created['requisition_id']}"))
    assert one["events"][-1]["event"] in {"resulted", "rejected", "delivery_exception"}
    check(schemas, "/api/v2/requisitions/", raw.get("/api/v2/requisitions/"))
    check(schemas, template, raw.get("/api/v2/requisitions/bad"))
    check(schemas, template, raw.get(f"/api/v2/requisitions/{uuid.uuid4()}"))
    raw.post("/sandbox/requisitions", json={"enabled": False})
    try:
        check(schemas, "/api/v2/requisitions/", raw.get("/api/v2/requisitions/"))
    finally:
        raw.post("/sandbox/requisitions", json={"enabled": True})


def test_registration_endpoints_conform(schemas: Schemas, raw: httpx.Client,
                                       lived_in: SandboxServer) -> None:
    patient = check(schemas, "/api/v2/patients/", raw.post("/api/v2/patients/", json=PATIENT))
    check(schemas, "/api/v2/patients/", raw.post("/api/v2/patients/", json={}))
    template = "/api/v2/tokens/patient_registration/"
    check(schemas, template, raw.post(template, json={"patient_id": patient["patient_id"]}))
    check(schemas, template, raw.post(template, json={"patient_id": str(uuid.uuid4())}))
    order = raw.post("/api/v2/orders/", json=order_body()).json()
    lived_in.advance(1)
    kit_id = raw.get(f"/api/v2/orders/{order['order_id']}/").json()["kits"][0]["kit_id"]
    activate = "/api/v3/kits/{public_id}/activate/"
    answer = check(schemas, activate, raw.post(f"/api/v3/kits/{kit_id}/activate/",
                                               params={"public_id": kit_id},
                                               json={"patient_id": patient["patient_id"]}))
    assert answer == {"data": {"result": "success"}}
    check(schemas, activate, raw.post("/api/v3/kits/SPOT000000/activate/", json={}))


def test_errors_conform(schemas: Schemas, lived_in: SandboxServer, raw: httpx.Client) -> None:
    with httpx.Client(base_url=lived_in.base_url) as anonymous:
        check(schemas, "/api/v2/orders/", anonymous.get("/api/v2/orders/"))
    lived_in.set_faults(rate_limit_rate=1.0)
    try:
        check(schemas, "/api/v2/kits/", raw.get("/api/v2/kits/"))
    finally:
        lived_in.set_faults()


def test_a_nonconforming_body_is_caught(schemas: Schemas) -> None:
    # The checker itself must be able to fail: an unknown key and a missing field.
    schema = schemas.named("KitSummary")
    good = {"kit_id": "SPOT1", "kit_type": "t", "order_id": None, "kit_status": "preparing",
            "sample_status": "awaiting_collection", "created": "2024-01-01T00:00:00.000Z",
            "updated": "2024-01-01T00:00:00.000Z"}
    schemas.validate(good, schema)
    for bad in ({**good, "extra": 1}, {k: v for k, v in good.items() if k != "kit_id"},
                {**good, "created": "yesterday"}, {**good, "order_id": 5}):
        with pytest.raises(jsonschema.ValidationError):
            schemas.validate(bad, schema)


def test_the_copied_description_matches_the_shared_one() -> None:
    copy = SPEC.read_text(encoding="utf-8")
    assert "/api/v3/kits/{public_id}/activate/:" in copy
    if SHARED_SPEC.exists():  # only on machines with the shared folder next to the clone
        assert copy == SHARED_SPEC.read_text(encoding="utf-8")
