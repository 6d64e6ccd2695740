"""The gateway faults of issue 14: work committed behind a failing answer, and lagging reads."""

from __future__ import annotations

import time
from collections import Counter

import httpx
import pytest

from app.api import SpotClient, errors, models
from app.sandbox import SandboxServer
from tests.helpers.sandbox_api import assert_error, fulfilled_order, new_order, order_body

PATIENT = {"first_name": "Demo", "last_name": "Patient", "email": "demo.lag@example.com",
           "sex": "F", "date_of_birth": "1970-01-01"}


def _post_outcome(http: httpx.Client, path: str, body: object) -> str:
    try:
        response = http.post(path, json=body)
    except httpx.RemoteProtocolError:
        return "dropped"
    return str(response.status_code)


def test_faults_endpoint_takes_the_gateway_faults(http: httpx.Client) -> None:
    answer = http.post("/sandbox/faults",
                       json={"commit_then_error_rate": 0.35, "visibility_lag_s": 20})
    assert answer.status_code == 200
    assert http.get("/sandbox/faults").json() == {
        "latency_ms": 0, "error_rate": 0, "rate_limit_rate": 0, "drop_rate": 0,
        "commit_then_error_rate": 0.35, "visibility_lag_s": 20}
    for bad in ({"commit_then_error_rate": 1.5}, {"commit_then_error_rate": "x"},
                {"visibility_lag_s": -1}, {"visibility_lag_s": 3601}):
        assert_error(http.post("/sandbox/faults", json=bad), 400, "bad_request")
    assert http.post("/sandbox/faults", json={}).json()["visibility_lag_s"] == 0


def test_commit_then_error_creates_every_order_behind_a_gateway_failure(
    http: httpx.Client, sandbox: SandboxServer,
) -> None:
    sandbox.set_faults(commit_then_error_rate=1.0)
    outcomes: Counter[str] = Counter()
    for n in range(15):
        body = {**order_body(email=f"gateway{n}@example.com"), "metadata": {"attempt": "gw"}}
        outcomes[_post_outcome(http, "/api/v2/orders/", body)] += 1
    # Every answer is lost, in each of the three ways a gateway loses one …
    assert set(outcomes) == {"502", "504", "dropped"}, outcomes
    # … yet every order was made, and reads are not touched by this fault.
    assert http.get("/api/v2/orders/").status_code == 200
    sandbox.set_faults()
    assert sandbox.count_orders_with_metadata("attempt", "gw") == 15


def test_commit_then_error_answers_like_a_proxy_not_like_spot(
    http: httpx.Client, sandbox: SandboxServer,
) -> None:
    sandbox.set_faults(commit_then_error_rate=1.0)
    seen: dict[int, httpx.Response] = {}
    for _ in range(30):
        try:
            response = http.post("/api/v2/patients/", json=PATIENT)
        except httpx.RemoteProtocolError:
            continue
        seen[response.status_code] = response
        if len(seen) == 2:
            break
    assert set(seen) == {502, 504}
    for status, response in seen.items():
        assert response.headers["content-type"].startswith("text/html")
        assert str(status) in response.text


def test_commit_then_error_leaves_refused_posts_alone(http: httpx.Client,
                                                     sandbox: SandboxServer) -> None:
    sandbox.set_faults(commit_then_error_rate=1.0)
    for _ in range(5):  # nothing was committed, so Spot's own 400 comes through
        assert_error(http.post("/api/v2/orders/", json={"kit_types": []}), 400, "bad_request")
    sandbox.set_faults()
    assert http.get("/api/v2/orders/").json() == []


def test_client_sees_an_ambiguous_failure_after_a_committed_write(
    client: SpotClient, sandbox: SandboxServer,
) -> None:
    order_id, kit_id = fulfilled_order(client, sandbox)
    sandbox.set_faults(commit_then_error_rate=1.0)
    for n in range(6):
        with pytest.raises((errors.ServerError, errors.SpotConnectionError)) as failure:
            client.update_order_metadata(order_id, {"write": n})
        if isinstance(failure.value, errors.SpotConnectionError):
            assert failure.value.maybe_delivered
        with pytest.raises((errors.ServerError, errors.SpotConnectionError)):
            client.update_kit_metadata(kit_id, {"write": n})
    sandbox.set_faults()
    assert client.get_order(order_id).metadata == {"write": 5}
    assert client.get_kit(kit_id).metadata == {"write": 5}


def test_visibility_lag_hides_new_orders_and_their_kits(client: SpotClient,
                                                        sandbox: SandboxServer) -> None:
    sandbox.seed(4)  # made long ago: never hidden
    sandbox.set_faults(visibility_lag_s=30)
    older = {o.order_id for o in client.iter_orders()}
    older_kits = {k.kit_id for k in client.iter_kits()}
    fresh = client.create_order(new_order(email="fresh@example.com"))
    assert fresh.order_id  # the create answer itself carries the order
    sandbox.advance(5)  # sandbox days pass, real seconds don't: still hidden
    assert {o.order_id for o in client.iter_orders()} == older
    assert client.list_orders(email="fresh@example.com") == []
    with pytest.raises(errors.NotFound):
        client.get_order(fresh.order_id)
    assert {k.kit_id for k in client.iter_kits()} == older_kits
    sandbox.set_faults()
    fresh_kits = client.get_order(fresh.order_id).kits
    assert fresh_kits
    sandbox.set_faults(visibility_lag_s=30)
    with pytest.raises(errors.NotFound):
        client.get_kit(fresh_kits[0].kit_id)
    sandbox.set_faults()
    assert {o.order_id for o in client.iter_orders()} == older | {fresh.order_id}
    assert client.get_kit(fresh_kits[0].kit_id).kit_id == fresh_kits[0].kit_id


def test_visibility_lag_counts_real_seconds_from_creation(client: SpotClient,
                                                          sandbox: SandboxServer) -> None:
    first = client.create_order(new_order(email="first@example.com"))
    time.sleep(0.6)
    # Set after the first order was made: only orders younger than the lag are hidden.
    sandbox.set_faults(visibility_lag_s=0.5)
    second = client.create_order(new_order(email="second@example.com"))
    assert [o.order_id for o in client.list_orders()] == [first.order_id]
    time.sleep(0.6)
    assert {o.order_id for o in client.list_orders()} == {first.order_id, second.order_id}
    assert client.get_order(second.order_id).order_id == second.order_id


def test_visibility_lag_hides_new_patients_from_registration(
    client: SpotClient, http: httpx.Client, sandbox: SandboxServer,
) -> None:
    sandbox.seed(30)  # seeded kits are not new: only the patient is
    kit_id = next(
        k.kit_id for k in client.iter_kits()
        if k.kit_status in ("in_transit", "delivered") and k.kit_type != "std_panel_kit"
    )
    sandbox.set_faults(visibility_lag_s=30)
    patient_id = http.post("/api/v2/patients/", json=PATIENT).json()["patient_id"]
    token = http.post("/api/v2/tokens/patient_registration/", json={"patient_id": patient_id})
    assert_error(token, 404, "not_found")
    activation = http.post(f"/api/v3/kits/{kit_id}/activate/", json={"patient_id": patient_id})
    assert "patient_id: Patient not found" in assert_error(activation, 400, "bad_request")
    sandbox.set_faults()
    assert client.create_registration_token(patient_id).token
    registered = http.post(f"/api/v3/kits/{kit_id}/activate/", json={"patient_id": patient_id})
    assert registered.status_code == 200


def test_visibility_lag_hides_new_requisitions(http: httpx.Client,
                                               sandbox: SandboxServer) -> None:
    body = {
        "barcode": "7788990011", "panels": ["PANEL-123"], "account_number": "1234567890",
        "lab": "CRL", "state_collected": "OH",
        "patient": {"first_name": "Demo", "last_name": "Patient"},
    }
    sandbox.set_faults(visibility_lag_s=30)
    created = http.post("/api/v2/requisitions/", json=body).json()
    assert http.get("/api/v2/requisitions/").json() == []
    assert_error(http.get(f"/api/v2/requisitions/{created['requisition_id']}"), 404,
                 "not_found")
    sandbox.set_faults()
    assert [r["requisition_id"] for r in http.get("/api/v2/requisitions/").json()] == [
        created["requisition_id"]]


def test_both_faults_together_make_a_lost_create_look_absent(
    client: SpotClient, sandbox: SandboxServer,
) -> None:
    """What issue 14's proxy did: the create is lost, and a lookup right after finds nothing."""
    sandbox.set_faults(commit_then_error_rate=1.0, visibility_lag_s=30)
    with pytest.raises((errors.ServerError, errors.SpotConnectionError)):
        client.create_order(models.NewOrder.model_validate(order_body(email="lost@example.com")))
    assert client.list_orders(email="lost@example.com") == []
    sandbox.set_faults()
    assert len(client.list_orders(email="lost@example.com")) == 1
