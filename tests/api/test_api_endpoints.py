"""Every endpoint of SPEC.md §7: method, exact path, query and body on the wire; parsed result."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest
import yaml
from pydantic import BaseModel

from app.api import SpotClient, models
from tests.helpers.spot_http import TOKEN, Recorder, example

MakeClient = Callable[..., SpotClient]


def _new_order() -> models.NewOrder:
    return models.NewOrder.model_validate(example("create_order_request"))


def _new_requisition() -> models.NewRequisition:
    return models.NewRequisition.model_validate(example("create_requisition_request"))


def _new_patient() -> models.NewPatient:
    return models.NewPatient.model_validate(example("create_patient_request"))


# (call, status, response example, method, raw path, query, request body or None)
ENDPOINTS: list[tuple[str, Callable[[SpotClient], Any], int, str, str, str, Any]] = [
    (
        "create_order",
        lambda c: c.create_order(_new_order()),
        201,
        "create_order_response",
        "POST",
        "/api/v2/orders/",
        example("create_order_request"),
    ),
    (
        "list_orders",
        lambda c: c.list_orders(),
        200,
        "list_orders_response",
        "GET",
        "/api/v2/orders/",
        None,
    ),
    (
        "get_order",
        lambda c: c.get_order("O1234567"),
        200,
        "get_order_response",
        "GET",
        "/api/v2/orders/O1234567/",
        None,
    ),
    (
        "update_order_metadata",
        lambda c: c.update_order_metadata("O1234567", {"some_key": "some_value"}),
        200,
        "create_order_response",
        "POST",
        "/api/v2/orders/O1234567/",
        {"metadata": {"some_key": "some_value"}},
    ),
    (
        "list_kits",
        lambda c: c.list_kits(),
        200,
        "list_kits_response",
        "GET",
        "/api/v2/kits/",
        None,
    ),
    (
        "get_kit",
        lambda c: c.get_kit("SPOT123456"),
        200,
        "get_kit_response",
        "GET",
        "/api/v2/kits/SPOT123456/",
        None,
    ),
    (
        "update_kit_metadata",
        lambda c: c.update_kit_metadata("SPOT123456", {}),
        200,
        "get_kit_response",
        "POST",
        "/api/v2/kits/SPOT123456/",
        {"metadata": {}},
    ),
    (
        "create_requisition",
        lambda c: c.create_requisition(_new_requisition()),
        201,
        "create_requisition_response",
        "POST",
        "/api/v2/requisitions/",
        example("create_requisition_request"),
    ),
    (
        "list_requisitions",
        lambda c: c.list_requisitions(),
        200,
        "list_requisitions_response",
        "GET",
        "/api/v2/requisitions/",
        None,
    ),
    (
        "get_requisition",
        lambda c: c.get_requisition("f0e5a607-5b52-4d7c-a3f2-c40772d41482"),
        200,
        "get_requisition_response",
        "GET",
        "/api/v2/requisitions/f0e5a607-5b52-4d7c-a3f2-c40772d41482",
        None,
    ),
    (
        "create_patient",
        lambda c: c.create_patient(_new_patient()),
        200,
        "create_patient_response",
        "POST",
        "/api/v2/patients/",
        example("create_patient_request"),
    ),
    (
        "create_registration_token",
        lambda c: c.create_registration_token("7563e8e2-7fbd-480c-9b8b-2070eda884bf"),
        201,
        "registration_token_response",
        "POST",
        "/api/v2/tokens/patient_registration/",
        {"patient_id": "7563e8e2-7fbd-480c-9b8b-2070eda884bf"},
    ),
    (
        "activate_kit",
        lambda c: c.activate_kit("SPOT123456", models.KitActivation(patient_id="p-1")),
        200,
        "activate_kit_response",
        "POST",
        "/api/v3/kits/SPOT123456/activate/",
        {"patient_id": "p-1"},
    ),
]


@pytest.mark.parametrize(
    ("call", "status", "response", "method", "path", "body"),
    [pytest.param(*row[1:], id=row[0]) for row in ENDPOINTS],
)
def test_endpoint_wire_format(
    make_client: MakeClient,
    call: Callable[[SpotClient], Any],
    status: int,
    response: str,
    method: str,
    path: str,
    body: Any,
) -> None:
    recorder = Recorder(httpx.Response(status, json=example(response)))
    call(make_client(recorder))
    assert len(recorder.requests) == 1
    request = recorder.last
    assert request.method == method
    assert request.url.host == "app.spotdx.com"
    assert request.url.raw_path.decode().split("?")[0] == path
    assert request.headers["Authorization"] == f"Token {TOKEN}"
    if body is None:
        assert request.content == b""
    else:
        assert request.headers["Content-Type"] == "application/json"
        assert recorder.body() == body


def test_create_order_returns_the_parsed_order(make_client: MakeClient) -> None:
    client = make_client(Recorder(httpx.Response(201, json=example("create_order_response"))))
    order = client.create_order(_new_order())
    assert order.order_id == "O1234567"
    assert order.status == "pending"
    assert order.kits == []


@pytest.mark.parametrize("status", [200, 201])
def test_create_accepts_200_or_201(make_client: MakeClient, status: int) -> None:
    client = make_client(Recorder(httpx.Response(status, json=example("create_order_response"))))
    assert client.create_order(_new_order()).order_id == "O1234567"


def test_get_requisition_flattens_double_address(make_client: MakeClient) -> None:
    client = make_client(Recorder(httpx.Response(200, json=example("get_requisition_response"))))
    requisition = client.get_requisition("f0e5a607-5b52-4d7c-a3f2-c40772d41482")
    assert requisition.patient is not None
    assert requisition.patient.address is not None
    assert requisition.patient.address.city == "San Francisco"


def test_create_patient_returns_patient_id_when_the_server_sends_one(
    make_client: MakeClient,
) -> None:
    body = {**example("create_patient_response"), "patient_id": "7563e8e2-7fbd"}
    client = make_client(Recorder(httpx.Response(200, json=body)))
    patient = client.create_patient(_new_patient())
    assert patient.patient_id == "7563e8e2-7fbd"
    assert patient.date_of_birth == date(2023, 12, 25)


def test_create_patient_without_patient_id_as_documented(make_client: MakeClient) -> None:
    client = make_client(Recorder(httpx.Response(200, json=example("create_patient_response"))))
    assert client.create_patient(_new_patient()).patient_id is None


def test_registration_token_with_kit_type(make_client: MakeClient) -> None:
    recorder = Recorder(httpx.Response(201, json=example("registration_token_response")))
    token = make_client(recorder).create_registration_token("p-1", kit_type="health_kit_1")
    assert recorder.body() == {"patient_id": "p-1", "kit_type": "health_kit_1"}
    assert token.token.startswith("eyJ0eXAi")


def test_activate_kit_sends_public_id_in_path_and_query(make_client: MakeClient) -> None:
    recorder = Recorder(httpx.Response(200, json=example("activate_kit_response")))
    activation = models.KitActivation(
        first_name="Alice", last_name="Smith", date_of_birth=date(1990, 1, 1), sex="F"
    )
    make_client(recorder).activate_kit("SPOT123456", activation)
    assert recorder.last.url.params["public_id"] == "SPOT123456"
    assert recorder.last.url.path == "/api/v3/kits/SPOT123456/activate/"
    assert recorder.body() == {
        "first_name": "Alice",
        "last_name": "Smith",
        "date_of_birth": "1990-01-01",
        "sex": "F",
    }


def test_update_order_metadata_null_clears(make_client: MakeClient) -> None:
    recorder = Recorder(httpx.Response(200, json=example("create_order_response")))
    make_client(recorder).update_order_metadata("O1234567", None)
    assert recorder.body() == {"metadata": None}


@pytest.mark.parametrize(
    ("call", "expected_path"),
    [
        (lambda c: c.get_order("O1/../../kits"), "/api/v2/orders/O1%2F..%2F..%2Fkits/"),
        (lambda c: c.get_kit("SPOT 1?x=1"), "/api/v2/kits/SPOT%201%3Fx%3D1/"),
        (lambda c: c.get_requisition("a#b"), "/api/v2/requisitions/a%23b"),
    ],
)
def test_ids_cannot_escape_their_path_segment(
    make_client: MakeClient, call: Callable[[SpotClient], Any], expected_path: str
) -> None:
    recorder = Recorder(
        lambda r: httpx.Response(200, json={"order_id": "x", "kit_id": "x", "requisition_id": "x"})
    )
    call(make_client(recorder))
    assert recorder.last.url.raw_path.decode() == expected_path
    assert recorder.last.url.query == b""


@pytest.mark.parametrize("bad_id", ["", None, 123])
def test_empty_or_non_string_ids_rejected(make_client: MakeClient, bad_id: Any) -> None:
    recorder = Recorder()
    with pytest.raises(ValueError, match="public_id"):
        make_client(recorder).get_order(bad_id)
    assert recorder.requests == []


# --- list filters --------------------------------------------------------------------------


def _query(request: httpx.Request) -> dict[str, str]:
    return dict(request.url.params)


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        pytest.param(
            lambda c: c.list_orders(),
            {"results": "10", "offset": "0"},
            id="orders-defaults",
        ),
        pytest.param(
            lambda c: c.list_orders(
                status=models.OrderStatus.IN_PROGRESS,
                email="alice123@gmail.com",
                first_name="Alice",
                last_name="Smith",
                phone="1234567890",
                created_before=date(2023, 1, 31),
                created_after="2023-01-01",
                updated_before=datetime(2023, 2, 1, 23, 59),
                updated_after=date(2023, 1, 15),
                results=100,
                offset=200,
            ),
            {
                "status": "in_progress",
                "email": "alice123@gmail.com",
                "first_name": "Alice",
                "last_name": "Smith",
                "phone": "1234567890",
                "created_before": "2023-01-31",
                "created_after": "2023-01-01",
                "updated_before": "2023-02-01",
                "updated_after": "2023-01-15",
                "results": "100",
                "offset": "200",
            },
            id="orders-every-filter",
        ),
        pytest.param(
            lambda c: c.list_kits(
                email="alice123@gmail.com",
                first_name="Alice",
                last_name="Smith",
                phone="1234567890",
                kit_type="health_kit_1",
                has_order=False,
                kit_status="delivered",
                sample_status="resulted",
                created_before=date(2023, 1, 31),
                created_after=date(2023, 1, 1),
                updated_before=date(2023, 2, 28),
                updated_after=date(2023, 2, 1),
                results=1,
                offset=5,
            ),
            {
                "email": "alice123@gmail.com",
                "first_name": "Alice",
                "last_name": "Smith",
                "phone": "1234567890",
                "kit_type": "health_kit_1",
                "has_order": "false",
                "kit_status": "delivered",
                "sample_status": "resulted",
                "created_before": "2023-01-31",
                "created_after": "2023-01-01",
                "updated_before": "2023-02-28",
                "updated_after": "2023-02-01",
                "results": "1",
                "offset": "5",
            },
            id="kits-every-filter",
        ),
        pytest.param(
            lambda c: c.list_kits(has_order=True, kit_status=None),
            {"has_order": "true", "results": "10", "offset": "0"},
            id="kits-has-order-true-none-omitted",
        ),
        pytest.param(
            lambda c: c.list_requisitions(
                lab="The Lab",
                status="resulted",
                email="alice123@gmail.com",
                first_name="Alice",
                last_name="Smith",
                phone="1234567890",
                created_before="2023-01-31",
                created_after="2023-01-01",
                updated_before="2023-02-28",
                updated_after="2023-02-01",
                results=50,
                offset=50,
            ),
            {
                "lab": "The Lab",
                "status": "resulted",
                "email": "alice123@gmail.com",
                "first_name": "Alice",
                "last_name": "Smith",
                "phone": "1234567890",
                "created_before": "2023-01-31",
                "created_after": "2023-01-01",
                "updated_before": "2023-02-28",
                "updated_after": "2023-02-01",
                "results": "50",
                "offset": "50",
            },
            id="requisitions-every-filter",
        ),
    ],
)
def test_list_query_parameters(
    make_client: MakeClient, call: Callable[[SpotClient], Any], expected: dict[str, str]
) -> None:
    recorder = Recorder(httpx.Response(200, json=[]))
    assert call(make_client(recorder)) == []
    assert _query(recorder.last) == expected


def test_lab_with_space_is_percent_encoded(make_client: MakeClient) -> None:
    recorder = Recorder(httpx.Response(200, json=[]))
    make_client(recorder).list_requisitions(lab="The Lab")
    assert b"lab=The%20Lab" in recorder.last.url.query


@pytest.mark.parametrize(
    "kwargs",
    [
        {"results": 0},
        {"results": 101},
        {"results": -1},
        {"results": True},
        {"results": 10.0},
        {"offset": -1},
        {"created_after": "01/02/2023"},
        {"created_before": "2023-02-30"},
        {"updated_after": "yesterday"},
        {"updated_before": 20230101},
    ],
)
@pytest.mark.parametrize("method", ["list_orders", "list_kits", "list_requisitions"])
def test_list_arguments_validated_before_sending(
    make_client: MakeClient, method: str, kwargs: dict[str, Any]
) -> None:
    recorder = Recorder(httpx.Response(200, json=[]))
    with pytest.raises(ValueError):  # noqa: PT011 - the message is checked by the next test
        getattr(make_client(recorder), method)(**kwargs)
    assert recorder.requests == []


def test_results_range_message(make_client: MakeClient) -> None:
    with pytest.raises(ValueError, match="1 to 100"):
        make_client(Recorder()).list_orders(results=500)


# --- iterators -----------------------------------------------------------------------------


def _paged(total: int, make_item: Callable[[int], dict[str, Any]]) -> Callable[..., Any]:
    def handler(request: httpx.Request) -> httpx.Response:
        offset = int(request.url.params["offset"])
        size = int(request.url.params["results"])
        items = [make_item(i) for i in range(offset, min(total, offset + size))]
        return httpx.Response(200, json=items)

    return handler


@pytest.mark.parametrize(("total", "pages"), [(0, 1), (1, 1), (99, 1), (100, 2), (250, 3)])
@pytest.mark.parametrize(
    ("method", "make_item", "id_field"),
    [
        ("iter_orders", lambda i: {"order_id": f"O{i:07d}", "status": "pending"}, "order_id"),
        ("iter_kits", lambda i: {"kit_id": f"SPOT{i:06d}"}, "kit_id"),
        ("iter_requisitions", lambda i: {"requisition_id": f"r-{i}"}, "requisition_id"),
    ],
)
def test_iterators_walk_every_page(
    make_client: MakeClient,
    method: str,
    make_item: Callable[[int], dict[str, Any]],
    id_field: str,
    total: int,
    pages: int,
) -> None:
    recorder = Recorder(_paged(total, make_item))
    items = list(getattr(make_client(recorder), method)(email="alice123@gmail.com"))
    assert [getattr(item, id_field) for item in items] == [
        make_item(i)[id_field] for i in range(total)
    ]
    assert len(recorder.requests) == pages
    assert [r.url.params["offset"] for r in recorder.requests] == [
        str(100 * p) for p in range(pages)
    ]
    assert {r.url.params["results"] for r in recorder.requests} == {"100"}
    assert {r.url.params["email"] for r in recorder.requests} == {"alice123@gmail.com"}


def test_iterator_is_lazy(make_client: MakeClient) -> None:
    recorder = Recorder(_paged(1000, lambda i: {"order_id": f"O{i}"}))
    iterator = make_client(recorder).iter_orders()
    assert recorder.requests == []
    first = next(iterator)
    assert first.order_id == "O0"
    assert len(recorder.requests) == 1


def test_iterator_rejects_bad_filters_at_call_time(make_client: MakeClient) -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        make_client(Recorder()).iter_kits(created_after="last week")


# --- against the composed OpenAPI description ----------------------------------------------

# A copy of ../shared/spot-api/openapi.yaml (the composed description), so a fresh clone has it.
OPENAPI_IN_REPO = Path(__file__).parent / "examples" / "openapi.yaml"


@functools.cache
def _openapi() -> dict[str, Any]:
    return yaml.safe_load(OPENAPI_IN_REPO.read_text(encoding="utf-8"))


def _template_regex(template: str) -> re.Pattern[str]:
    return re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)) + "$")


def test_every_documented_operation_has_a_client_method() -> None:
    exercised = {(row[4], row[5]) for row in ENDPOINTS}
    documented = [
        (method.upper(), template)
        for template, operations in _openapi()["paths"].items()
        for method in operations
        if method in ("get", "post", "put", "patch", "delete")
    ]
    assert len(documented) == 13
    for method, template in documented:
        pattern = _template_regex(template)
        assert any(m == method and pattern.match(p) for m, p in exercised), (method, template)


@pytest.mark.parametrize(
    ("schema", "body"),
    [
        ("CreateOrder", lambda: _new_order().to_body()),
        ("CreateRequisition", lambda: _new_requisition().to_body()),
        ("CreatePatient", lambda: _new_patient().to_body()),
        (
            "ActivateKitRequest",
            lambda: models.KitActivation(
                first_name="Alice", date_of_birth=date(1990, 1, 1), sex="F", zip="94105"
            ).to_body(),
        ),
    ],
)
def test_request_bodies_match_the_openapi_schema(schema: str, body: Callable[[], Any]) -> None:
    spec = _openapi()
    validator = jsonschema.Draft7Validator(
        {"$ref": f"#/components/schemas/{schema}", "components": spec["components"]}
    )
    assert list(validator.iter_errors(body())) == []


SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "OrderFull": models.Order,
    "OrderSummary": models.OrderSummary,
    "KitFull": models.Kit,
    "KitSummary": models.KitSummary,
    "Requisition": models.Requisition,
    "Patient": models.Patient,
    "RegistrationToken": models.RegistrationToken,
}


def _response_examples() -> list[Any]:
    found = []
    for template, operations in _openapi()["paths"].items():
        for method, operation in operations.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            for status, response in operation["responses"].items():
                media = response.get("content", {}).get("application/json", {})
                if "example" not in media or not str(status).startswith("2"):
                    continue
                schema = media["schema"]
                many = schema.get("type") == "array"
                ref = (schema["items"] if many else schema).get("$ref", "")
                name = ref.rsplit("/", 1)[-1]
                if name in SCHEMA_MODELS:
                    found.append(
                        pytest.param(
                            SCHEMA_MODELS[name], many, media["example"], id=f"{method} {template}"
                        )
                    )
    return found


@pytest.mark.parametrize(("model", "many", "data"), _response_examples())
def test_openapi_response_examples_parse(model: type[BaseModel], many: bool, data: Any) -> None:
    items = data if many else [data]
    assert items
    for item in items:
        assert isinstance(model.model_validate(item), model)


@pytest.mark.parametrize(
    ("method", "name"),
    [("list_orders", "emial"), ("iter_orders", "kit_type"), ("list_kits", "lab"),
     ("iter_kits", "status"), ("list_requisitions", "kit_status"),
     ("iter_requisitions", "has_order")],
)
def test_a_filter_the_endpoint_does_not_document_is_refused(method: str, name: str) -> None:
    # A typo must not silently widen a search: it fails before any request is made.
    sent: list[httpx.Request] = []
    client = SpotClient(
        "https://app.spotdx.com", "tok",
        transport=httpx.MockTransport(lambda r: sent.append(r) or httpx.Response(200, json=[])),
    )
    with pytest.raises(TypeError, match=name):
        getattr(client, method)(**{name: "x"})
    assert sent == []
