"""Bad input gets a 400 envelope, never a 500, a hang or a dead server."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from app.sandbox import SandboxServer
from tests.helpers.sandbox_api import assert_error, order_body, raw_request


def _patient() -> dict[str, Any]:
    return {"first_name": "Demo", "last_name": "Patient", "email": "demo@example.com",
            "sex": "F", "date_of_birth": "1970-01-01"}


@pytest.mark.parametrize(
    "content",
    [b"{bad", b"", b"[]", b'"text"', b"null", b"\xff\xfe", b'{"kit_types": NaN}',
     b"[" * 100_000, b'{"a": ' * 5000],
)
def test_malformed_bodies(http: httpx.Client, content: bytes) -> None:
    response = http.post("/api/v2/orders/", content=content,
                         headers={"Content-Type": "application/json"})
    assert_error(response, 400, "bad_request")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"kit_types": "health_kit_1"}, "kit_types"),
        ({"kit_types": []}, "kit_types"),
        ({"kit_types": [1]}, "kit_types"),
        ({"kit_types": ["health_kit_1"] * 11}, "kit_types"),
        ({"recipient": "Testy"}, "recipient"),
        ({"recipient": None}, "recipient"),
        ({"metadata": [1, 2]}, "metadata"),
        ({"surprise": 1}, "surprise"),
        ({"recipient": {"first_name": 5, "last_name": "x", "email": "a@example.com",
                        "phone": "4155550100"}}, "recipient.first_name"),
        ({"recipient": {"first_name": "x" * 300, "last_name": "x", "email": "a@example.com",
                        "phone": "4155550100"}}, "recipient.first_name"),
    ],
)
def test_wrong_types_and_unknown_fields(http: httpx.Client, change: dict[str, Any],
                                        field: str) -> None:
    body = {**order_body(), **change}
    details = assert_error(http.post("/api/v2/orders/", json=body), 400, "bad_request")
    assert any(detail.startswith(field + ": ") or detail.startswith(field + ".")
               for detail in details), details


@pytest.mark.parametrize(
    ("address_change", "field"),
    [
        ({"country": "MX"}, "recipient.address.country"),
        ({"state": "ZZ"}, "recipient.address.state"),
        ({"country": "CA", "state": "ON", "zip": "94105"}, "recipient.address.zip"),
        ({"street1": ""}, "recipient.address.street1"),
        ({"zip": None}, "recipient.address.zip"),
        ({"unit": "4"}, "recipient.address.unit"),
    ],
)
def test_address_problems_name_the_field(http: httpx.Client, address_change: dict[str, Any],
                                         field: str) -> None:
    body = order_body()
    body["recipient"]["address"].update(address_change)
    details = assert_error(http.post("/api/v2/orders/", json=body), 400, "bad_request")
    assert any(detail.startswith(field + ": ") for detail in details), details


def test_null_address_is_refused_and_nothing_is_created(http: httpx.Client) -> None:
    # The response schemas have no null address; a kit can't ship to one (issue 13, item 2).
    body = order_body(address=None)
    details = assert_error(http.post("/api/v2/orders/", json=body), 400, "bad_request")
    assert [d for d in details if d.startswith("recipient.address: ")], details
    assert http.get("/api/v2/orders/").json() == []
    # Leaving the address out is still allowed (SPEC §6.2: the order waits in pending).
    del body["recipient"]["address"]
    assert http.post("/api/v2/orders/", json=body).status_code == 201


def test_null_requisition_address_is_refused(http: httpx.Client) -> None:
    body = {
        "barcode": "4455667788", "panels": ["PANEL-123"], "account_number": "1234567890",
        "lab": "CRL", "state_collected": "OH",
        "patient": {"first_name": "Demo", "last_name": "Patient", "address": None},
    }
    details = assert_error(http.post("/api/v2/requisitions/", json=body), 400, "bad_request")
    assert [d for d in details if d.startswith("patient.address: ")], details
    body["patient"]["address"] = {"address": None}  # the docs' doubled nesting, emptied
    details = assert_error(http.post("/api/v2/requisitions/", json=body), 400, "bad_request")
    assert [d for d in details if d.startswith("patient.address: ")], details
    assert http.get("/api/v2/requisitions/").json() == []


def test_huge_body_is_refused_and_the_server_lives_on(http: httpx.Client,
                                                      sandbox: SandboxServer) -> None:
    huge = b'{"kit_types": ["' + b"x" * (2 * 1024 * 1024) + b'"]}'
    response = http.post("/api/v2/orders/", content=huge,
                         headers={"Content-Type": "application/json"})
    details = assert_error(response, 400, "bad_request")
    assert details[0].startswith("body: ")
    assert http.get("/api/v2/orders/").status_code == 200


def test_chunked_body_is_read(http: httpx.Client) -> None:
    import json

    payload = json.dumps(order_body()).encode()

    def chunks() -> Iterator[bytes]:
        yield payload[:10]
        yield payload[10:]

    response = http.post("/api/v2/orders/", content=chunks(),
                         headers={"Content-Type": "application/json"})
    assert response.status_code == 201


def test_form_encoded_order_is_accepted(http: httpx.Client) -> None:
    form = {
        "kit_types": ["health_kit_1", "hba1c_kit"],
        "recipient[first_name]": "Testy", "recipient[last_name]": "McTestface",
        "recipient[email]": "testy@example.com", "recipient[phone]": "4155550123",
        "recipient[address][street1]": "1 Test St", "recipient[address][city]": "Austin",
        "recipient[address][state]": "TX", "recipient[address][country]": "US",
        "recipient[address][zip]": "78701", "metadata": '{"via": "form"}',
    }
    response = http.post("/api/v2/orders/", data=form)
    assert response.status_code == 201, response.text
    order = response.json()
    assert order["kit_types"] == ["health_kit_1", "hba1c_kit"]
    assert order["recipient"]["address"]["city"] == "Austin"
    assert order["metadata"] == {"via": "form"}
    bad = http.post("/api/v2/orders/", data={"kit_types": "health_kit_1"})
    assert "recipient: Field is required" in assert_error(bad, 400, "bad_request")


def test_multipart_patient_is_accepted(http: httpx.Client) -> None:
    files = {key: (None, value) for key, value in _patient().items()}
    response = http.post("/api/v2/patients/", files=files)
    assert response.status_code == 200, response.text
    assert response.json()["first_name"] == "Demo"
    broken = http.post("/api/v2/patients/", content=b"--x\r\nnonsense",
                       headers={"Content-Type": "multipart/form-data; boundary=x"})
    assert_error(broken, 400, "bad_request")


def test_forms_only_where_documented(http: httpx.Client) -> None:
    response = http.post("/api/v2/requisitions/", data={"barcode": "1"})
    details = assert_error(response, 400, "bad_request")
    assert details == ["body: Content type must be application/json"]
    plain = http.post("/api/v2/orders/", content=b"hello", headers={"Content-Type": "text/plain"})
    assert_error(plain, 400, "bad_request")


def test_unknown_paths_and_methods(http: httpx.Client) -> None:
    assert_error(http.get("/api/v2/nothing/"), 404, "not_found")
    assert_error(http.get("/"), 404, "not_found")
    wrong = http.put("/api/v2/orders/")
    assert wrong.status_code == 405
    assert wrong.headers["Allow"] == "GET, POST"
    assert wrong.json()["error"]["code"] == 405
    assert_error(http.delete("/api/v2/kits/SPOT000000/"), 405, "bad_request")


@pytest.mark.parametrize(
    "query",
    [{"status": "shipped"}, {"created_before": "2024-13-01"}, {"updated_after": "yesterday"},
     {"created_after": "2024-1-1"}, {"results": ""}, {"offset": "9" * 30}],
)
def test_bad_list_queries(http: httpx.Client, query: dict[str, str]) -> None:
    assert_error(http.get("/api/v2/orders/", params=query), 400, "bad_request")


@pytest.mark.parametrize(
    "query", [{"kit_status": "lost"}, {"sample_status": "gone"}, {"has_order": "maybe"}]
)
def test_bad_kit_queries(http: httpx.Client, query: dict[str, str]) -> None:
    assert_error(http.get("/api/v2/kits/", params=query), 400, "bad_request")


def test_odd_but_valid_queries_answer_200(http: httpx.Client) -> None:
    for params in ({"email": "\u00e9\u00e8@example.com"}, {"first_name": "%00"},
                   {"unknown_param": "1"}, {"offset": str(2**53)}):
        assert http.get("/api/v2/orders/", params=params).json() == []


def test_broken_content_length_is_a_400(sandbox: SandboxServer) -> None:
    answer = raw_request(sandbox, b"POST /api/v2/orders/ HTTP/1.1\r\nHost: x\r\n"
                  b"Authorization: Token sandbox-token\r\nContent-Length: abc\r\n"
                  b"Connection: close\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 400")
    assert b'"bad_request"' in answer


def test_garbage_request_line_gets_a_json_400(sandbox: SandboxServer) -> None:
    answer = raw_request(sandbox, b"BLAH\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 400")
    assert b'"bad_request"' in answer


def test_head_and_options_are_405(http: httpx.Client) -> None:
    head = http.head("/api/v2/orders/")
    assert head.status_code == 405
    assert head.content == b""
    assert_error(http.options("/api/v2/orders/"), 405, "bad_request")
    assert http.get("/api/v2/orders/").status_code == 200
