"""Orders through the project's own SpotClient against a live sandbox (real HTTP on loopback)."""

from __future__ import annotations

import httpx
import pytest

from app.api import SpotClient, errors
from app.sandbox import SandboxServer
from tests.helpers.sandbox_api import assert_error, new_order, order_body


def test_create_order_answers_201_with_a_pending_order(
    client: SpotClient, http: httpx.Client
) -> None:
    order = client.create_order(new_order(["health_kit_1", "vitamin_d_kit"]))
    assert order.order_id.startswith("O")
    assert len(order.order_id) == 8
    assert order.status == "pending"
    assert order.kits == []
    assert order.kit_types == ["health_kit_1", "vitamin_d_kit"]
    assert order.recipient is not None
    assert order.recipient.first_name == "Testy"
    assert order.created == order.updated
    raw = http.post("/api/v2/orders/", json={**order_body(), "metadata": {"a": 1}})
    assert raw.status_code == 201


def test_create_order_keeps_metadata_verbatim(http: httpx.Client) -> None:
    metadata = {"clinic": "Sandbox West", "nested": {"list": [1, 2.5, None, True]}}
    body = {**order_body(), "metadata": metadata}
    created = http.post("/api/v2/orders/", json=body).json()
    assert created["metadata"] == metadata
    fetched = http.get(f"/api/v2/orders/{created['order_id']}/").json()
    assert fetched["metadata"] == metadata


def test_get_order_round_trips_and_unknown_is_404(client: SpotClient, http: httpx.Client) -> None:
    created = client.create_order(new_order())
    assert client.get_order(created.order_id).order_id == created.order_id
    with pytest.raises(errors.NotFound):
        client.get_order("O0000000")
    details = assert_error(http.get("/api/v2/orders/O0000000/"), 404, "not_found")
    assert details == ["public_id: Order not found"]


def test_update_order_metadata_replaces_and_bumps_updated(
    client: SpotClient, sandbox: SandboxServer
) -> None:
    first = client.create_order(new_order())
    second = client.create_order(new_order(first_name="Sandy"))
    sandbox.advance(0.01)
    updated = client.update_order_metadata(first.order_id, {"b": 2})
    assert updated.metadata == {"b": 2}
    assert updated.updated is not None
    assert first.updated is not None
    assert updated.updated > first.updated
    listed = client.list_orders()
    # Most recently updated first: the order whose metadata changed moves to the top.
    assert [o.order_id for o in listed[:2]] == [first.order_id, second.order_id]
    assert client.update_order_metadata(first.order_id, {}).metadata == {}
    with pytest.raises(errors.NotFound):
        client.update_order_metadata("O0000000", {"b": 2})


def test_list_orders_filters_combine(client: SpotClient) -> None:
    alice = client.create_order(new_order(first_name="Alicia", email="alicia@example.com"))
    client.create_order(new_order(first_name="Bobby", email="bobby@example.com"))
    client.create_order(new_order(first_name="Alicia", last_name="Other",
                                  email="other@example.com", phone="6045550111"))
    assert {o.order_id for o in client.list_orders(email="ALICIA@example.com")} == {
        alice.order_id
    }
    assert len(client.list_orders(first_name="alicia")) == 2
    assert [o.order_id for o in client.list_orders(first_name="Alicia",
                                                   last_name="McTestface")] == [alice.order_id]
    assert len(client.list_orders(phone="6045550111")) == 1
    assert len(client.list_orders(status="pending")) == 3
    assert client.list_orders(status="completed") == []


def test_list_orders_date_filters_are_inclusive(client: SpotClient,
                                                sandbox: SandboxServer) -> None:
    client.create_order(new_order())
    today = sandbox.now().date()
    assert len(client.list_orders(created_after=today, created_before=today)) == 1
    assert len(client.list_orders(updated_after=today, updated_before=today)) == 1
    assert client.list_orders(created_before=today.replace(year=today.year - 1)) == []
    assert client.list_orders(created_after=today.replace(year=today.year + 1)) == []


def test_pagination_edges(client: SpotClient, http: httpx.Client,
                          sandbox: SandboxServer) -> None:
    sandbox.seed(25)
    assert len(client.list_orders()) == 10  # default page size
    assert len(client.list_orders(results=100)) == 25
    page1 = client.list_orders(results=10, offset=0)
    page3 = client.list_orders(results=10, offset=20)
    assert len(page3) == 5
    assert not {o.order_id for o in page1} & {o.order_id for o in page3}
    assert client.list_orders(offset=25) == []
    assert client.list_orders(offset=10_000) == []
    all_ids = [o.order_id for o in client.iter_orders()]
    assert len(all_ids) == len(set(all_ids)) == 25
    for bad in ({"results": 0}, {"results": 101}, {"results": "ten"}, {"offset": -1},
                {"offset": "1.5"}):
        details = assert_error(http.get("/api/v2/orders/", params=bad), 400, "bad_request")
        assert details[0].startswith(next(iter(bad)) + ": ")


def test_trailing_slash_is_optional(http: httpx.Client) -> None:
    created = http.post("/api/v2/orders", json=order_body()).json()
    assert http.get("/api/v2/orders").status_code == 200
    assert http.get(f"/api/v2/orders/{created['order_id']}").json()["order_id"] == (
        created["order_id"]
    )


def test_missing_or_wrong_token_is_401(sandbox: SandboxServer) -> None:
    with httpx.Client(base_url=sandbox.base_url) as raw:
        assert_error(raw.get("/api/v2/orders/"), 401, "unauthorized")
        wrong = {"Authorization": "Token nope"}
        assert_error(raw.get("/api/v2/orders/", headers=wrong), 401, "unauthorized")
        bearer = {"Authorization": f"Bearer {sandbox.token}"}
        assert_error(raw.post("/api/v2/orders/", headers=bearer, json=order_body()), 401,
                     "unauthorized")
    with SpotClient(sandbox.base_url, "wrong-token") as wrong_client, pytest.raises(
        errors.Unauthorized
    ):
        wrong_client.list_orders()


def test_validation_details_name_the_field(http: httpx.Client) -> None:
    body = order_body(["health_kit_1", "no_such_kit"], email="not-an-email", phone="12")
    del body["recipient"]["first_name"]
    body["recipient"]["address"]["zip"] = "ABCDE"
    details = assert_error(http.post("/api/v2/orders/", json=body), 400, "bad_request")
    assert "recipient.first_name: Field is required" in details
    assert "kit_types.1: Unknown kit type 'no_such_kit'" in details
    assert any(d.startswith("recipient.email: ") for d in details)
    assert any(d.startswith("recipient.phone: ") for d in details)
    assert any(d.startswith("recipient.address.zip: ") for d in details)


def test_client_bad_request_carries_field_errors(client: SpotClient) -> None:
    with pytest.raises(errors.BadRequest) as caught:
        client.create_order(new_order(["no_such_kit"]))
    assert "kit_types.0" in caught.value.field_errors


def test_canadian_recipient_is_accepted(client: SpotClient) -> None:
    order = client.create_order(new_order(address={
        "street1": "1 Test St", "city": "Toronto", "state": "ON", "country": "CA",
        "zip": "M5V 2T6"}))
    assert order.recipient is not None
    assert order.recipient.address is not None
    assert order.recipient.address.country == "CA"
