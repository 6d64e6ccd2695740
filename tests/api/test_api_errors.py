"""Error responses map to one exception each, with messages free of token and PHI."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from app.api import SpotClient, errors, models
from tests.helpers.spot_http import TOKEN, Recorder, example

MakeClient = Callable[..., SpotClient]

HTML_502 = b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"


def _envelope(code: int, error_type: str, details: list[str]) -> dict[str, Any]:
    return {"error": {"code": code, "type": error_type, "details": details}}


@pytest.mark.parametrize(
    ("status", "error_type", "exc_class"),
    [
        (400, "bad_request", errors.BadRequest),
        (401, "unauthorized", errors.Unauthorized),
        (403, "forbidden", errors.Forbidden),
        (404, "not_found", errors.NotFound),
        (429, "rate_limit_exceeded", errors.RateLimited),
        (500, "server_error", errors.ServerError),
        (502, "server_error", errors.ServerError),
        (503, "server_error", errors.ServerError),
        (504, "server_error", errors.ServerError),
    ],
)
@pytest.mark.parametrize(
    "body_kind", ["envelope", "detail-string", "html", "empty", "json-not-object"]
)
def test_each_status_maps_to_its_error(
    make_client: MakeClient,
    status: int,
    error_type: str,
    exc_class: type[errors.SpotStatusError],
    body_kind: str,
) -> None:
    if body_kind == "envelope":
        response = httpx.Response(status, json=_envelope(status, error_type, ["something"]))
    elif body_kind == "detail-string":
        response = httpx.Response(status, json={"detail": "something"})
    elif body_kind == "html":
        response = httpx.Response(status, content=HTML_502, headers={"Content-Type": "text/html"})
    elif body_kind == "json-not-object":
        response = httpx.Response(status, json=["something"])
    else:
        response = httpx.Response(status)
    client = make_client(Recorder(response), max_retries=0)
    with pytest.raises(exc_class) as caught:
        client.get_order("O1234567")
    error = caught.value
    assert type(error) is exc_class
    assert isinstance(error, errors.SpotStatusError)
    assert isinstance(error, errors.SpotError)
    assert error.status_code == status
    assert error.error_type == error_type
    assert error.request_method == "GET"
    assert error.request_path_template == "/api/v2/orders/{public_id}/"
    expected_details = ["something"] if body_kind in ("envelope", "detail-string") else []
    assert error.details == expected_details
    message = str(error)
    assert f"HTTP {status}" in message
    assert "/api/v2/orders/{public_id}/" in message
    assert "nginx" not in message
    assert "<html>" not in message


@pytest.mark.parametrize(
    ("status", "exc_class"),
    [(405, errors.SpotStatusError), (409, errors.SpotStatusError), (422, errors.BadRequest)],
)
def test_other_statuses(make_client: MakeClient, status: int, exc_class: type) -> None:
    client = make_client(Recorder(httpx.Response(status, json={"detail": "nope"})))
    with pytest.raises(errors.SpotStatusError) as caught:
        client.get_kit("SPOT123456")
    assert type(caught.value) is exc_class
    assert caught.value.status_code == status


def test_documented_bad_request_example(make_client: MakeClient) -> None:
    client = make_client(Recorder(httpx.Response(400, json=example("error_bad_request"))))
    with pytest.raises(errors.BadRequest) as caught:
        client.create_order(models.NewOrder.model_validate(example("create_order_request")))
    error = caught.value
    assert error.field_errors == {"first_name": ["Field is required"]}
    assert error.details == ["first_name: Field is required"]
    assert str(error) == (
        "HTTP 400 bad_request from POST /api/v2/orders/: first_name: Field is required"
    )


@pytest.mark.parametrize(
    ("details", "expected"),
    [
        (["first_name: Field is required"], {"first_name": ["Field is required"]}),
        (
            ["recipient.address.zip: Invalid ZIP", "recipient.address.zip: Not in CA"],
            {"recipient.address.zip": ["Invalid ZIP", "Not in CA"]},
        ),
        (["kit_types[0]: Unknown kit type"], {"kit_types[0]": ["Unknown kit type"]}),
        (["Something went wrong"], {"": ["Something went wrong"]}),
        (["Error: cannot process"], {"": ["Error: cannot process"]}),
        (["non_field_errors: Duplicate barcode"], {"": ["Duplicate barcode"]}),
        (["phone:  too short  "], {"phone": ["too short"]}),
        (
            ["time: 10:30 is too late"],
            {"time": ["10:30 is too late"]},
        ),
        ([], {}),
    ],
)
def test_field_errors_parsing(details: list[str], expected: dict[str, list[str]]) -> None:
    assert errors.parse_field_errors(details) == expected


@pytest.mark.parametrize(
    ("body", "details", "field_errors"),
    [
        pytest.param(
            {"detail": "Invalid input."},
            ["Invalid input."],
            {"": ["Invalid input."]},
            id="detail-string",
        ),
        pytest.param(
            {"detail": ["first_name: required", "oops"]},
            ["first_name: required", "oops"],
            {"first_name": ["required"], "": ["oops"]},
            id="detail-list",
        ),
        pytest.param(
            {"detail": {"recipient": {"address": {"zip": ["Invalid ZIP"]}}}},
            ["recipient.address.zip: Invalid ZIP"],
            {"recipient.address.zip": ["Invalid ZIP"]},
            id="detail-dict-nested",
        ),
        pytest.param(
            {"detail": [{"loc": ["body", "recipient", "phone"], "msg": "too short"}]},
            ["recipient.phone: too short"],
            {"recipient.phone": ["too short"]},
            id="detail-pydantic-style",
        ),
        pytest.param(
            {"kit_types": ["Unknown kit type"], "non_field_errors": ["Try again"]},
            ["kit_types: Unknown kit type", "non_field_errors: Try again"],
            {"kit_types": ["Unknown kit type"], "": ["Try again"]},
            id="bare-drf-serializer-errors",
        ),
        pytest.param(
            {"error": {"code": 400, "type": "bad_request"}},
            [],
            {},
            id="envelope-without-details",
        ),
        pytest.param(
            {"error": {"code": 400, "type": "bad_request", "details": "email: invalid"}},
            ["email: invalid"],
            {"email": ["invalid"]},
            id="envelope-details-as-string",
        ),
    ],
)
def test_bad_request_body_shapes(
    make_client: MakeClient,
    body: dict[str, Any],
    details: list[str],
    field_errors: dict[str, list[str]],
) -> None:
    client = make_client(Recorder(httpx.Response(400, json=body)))
    with pytest.raises(errors.BadRequest) as caught:
        client.create_patient(models.NewPatient.model_validate(example("create_patient_request")))
    assert caught.value.details == details
    assert caught.value.field_errors == field_errors
    assert caught.value.error_type == "bad_request"


def test_unknown_error_type_is_kept(make_client: MakeClient) -> None:
    body = _envelope(403, "requisitions_disabled", ["Requisitions are not enabled"])
    client = make_client(Recorder(httpx.Response(403, json=body)))
    with pytest.raises(errors.Forbidden) as caught:
        client.list_requisitions()
    assert caught.value.error_type == "requisitions_disabled"


def test_html_502_gives_a_generic_server_error(make_client: MakeClient) -> None:
    client = make_client(
        Recorder(httpx.Response(502, content=HTML_502, headers={"Content-Type": "text/html"})),
        max_retries=0,
    )
    with pytest.raises(errors.ServerError) as caught:
        client.list_kits()
    assert str(caught.value) == (
        "HTTP 502 server_error from GET /api/v2/kits/: "
        "the Spot server had a problem; try again later"
    )


def test_rate_limited_carries_retry_after(make_client: MakeClient) -> None:
    response = httpx.Response(
        429, json=_envelope(429, "rate_limit_exceeded", []), headers={"Retry-After": "120"}
    )
    client = make_client(Recorder(response))
    with pytest.raises(errors.RateLimited) as caught:
        client.create_order(models.NewOrder.model_validate(example("create_order_request")))
    assert caught.value.retry_after == 120.0


PHI = ["Alice", "Smith", "alice123@gmail.com", "1234567890", "94105", "123 Main St"]


@pytest.mark.parametrize("status", [401, 403, 404, 429, 500])
def test_messages_never_contain_token_query_or_body(make_client: MakeClient, status: int) -> None:
    # A server that echoes the request back into its error must not leak it into our message.
    def echo(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            status,
            json=_envelope(
                status, "x", [request.url.query.decode(), request.headers["Authorization"]]
            ),
        )

    client = make_client(echo, max_retries=0)
    with pytest.raises(errors.SpotStatusError) as caught:
        client.list_orders(email="alice123@gmail.com", first_name="Alice", phone="1234567890")
    message = str(caught.value)
    assert TOKEN not in message
    for value in PHI:
        assert value not in message
    assert repr(client).count(TOKEN) == 0


def test_bad_request_message_has_details_but_not_the_request_body(make_client: MakeClient) -> None:
    client = make_client(Recorder(httpx.Response(400, json=example("error_bad_request"))))
    with pytest.raises(errors.BadRequest) as caught:
        client.create_order(models.NewOrder.model_validate(example("create_order_request")))
    message = str(caught.value)
    assert "first_name: Field is required" in message
    for value in PHI:
        assert value not in message
    assert TOKEN not in message


# --- response validation -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "response"),
    [
        pytest.param(
            lambda c: c.get_order("O1"),
            httpx.Response(200, content=b"<html>Alice Smith</html>"),
            id="html-instead-of-json",
        ),
        pytest.param(
            lambda c: c.get_order("O1"),
            httpx.Response(200, content=b""),
            id="empty-body",
        ),
        pytest.param(
            lambda c: c.get_order("O1"),
            httpx.Response(200, json=[{"order_id": "O1"}]),
            id="list-instead-of-object",
        ),
        pytest.param(
            lambda c: c.get_order("O1"),
            httpx.Response(200, json={"status": "pending", "recipient": {"first_name": "Alice"}}),
            id="missing-order-id",
        ),
        pytest.param(
            lambda c: c.get_kit("K1"),
            httpx.Response(200, json={"kit_id": "K1", "events": {"status": "x"}}),
            id="events-not-a-list",
        ),
        pytest.param(
            lambda c: c.list_orders(),
            httpx.Response(200, json={"results": [{"order_id": "O1"}]}),
            id="object-instead-of-list",
        ),
        pytest.param(
            lambda c: c.create_registration_token("p-1"),
            httpx.Response(201, json={"jwt": "x"}),
            id="token-missing",
        ),
        pytest.param(
            lambda c: c.create_order(
                models.NewOrder.model_validate(example("create_order_request"))
            ),
            httpx.Response(201, json="created"),
            id="create-order-string",
        ),
    ],
)
def test_garbage_bodies_raise_response_validation_error(
    make_client: MakeClient, call: Callable[[SpotClient], Any], response: httpx.Response
) -> None:
    with pytest.raises(errors.ResponseValidationError) as caught:
        call(make_client(Recorder(response)))
    message = str(caught.value)
    assert caught.value.status_code == response.status_code
    assert "Alice" not in message
    assert "Smith" not in message


def test_response_validation_error_names_the_field_not_the_value(make_client: MakeClient) -> None:
    body = {"order_id": "O1", "created": "Alice Smith's birthday"}
    with pytest.raises(errors.ResponseValidationError) as caught:
        make_client(Recorder(httpx.Response(200, json=body))).get_order("O1")
    assert "created" in str(caught.value)
    assert "Alice" not in str(caught.value)
    assert caught.value.request_path_template == "/api/v2/orders/{public_id}/"


def test_activate_kit_ignores_an_unusual_success_body(make_client: MakeClient) -> None:
    recorder = Recorder(httpx.Response(200, content=b"OK"))
    make_client(recorder).activate_kit("SPOT123456", models.KitActivation(patient_id="p"))
    assert len(recorder.requests) == 1
