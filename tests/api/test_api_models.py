"""Models: every documented example parses; responses are tolerant, requests strict."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from app.api import models
from tests.helpers.spot_http import example

ALICE_ADDRESS = {
    "street1": "123 Main St",
    "street2": "Apt 1",
    "city": "San Francisco",
    "state": "CA",
    "country": "US",
    "zip": "94105",
}


@pytest.mark.parametrize(
    ("name", "model"),
    [
        ("create_order_response", models.Order),
        ("get_order_response", models.Order),
        ("get_kit_response", models.Kit),
        ("get_kit_response_openapi", models.Kit),
        ("create_requisition_response", models.Requisition),
        ("get_requisition_response", models.Requisition),
        ("create_patient_response", models.Patient),
        ("registration_token_response", models.RegistrationToken),
    ],
)
def test_documented_object_examples_parse(name: str, model: type[BaseModel]) -> None:
    parsed = model.model_validate(example(name))
    assert isinstance(parsed, model)


@pytest.mark.parametrize(
    ("name", "model", "id_field"),
    [
        ("list_orders_response", models.OrderSummary, "order_id"),
        ("list_kits_response", models.KitSummary, "kit_id"),
        ("list_requisitions_response", models.Requisition, "requisition_id"),
    ],
)
def test_documented_list_examples_parse(name: str, model: type[BaseModel], id_field: str) -> None:
    items = [model.model_validate(item) for item in example(name)]
    assert [getattr(item, id_field) for item in items] == [example(name)[0][id_field]]


def test_get_order_example_keeps_the_whole_tree() -> None:
    order = models.Order.model_validate(example("get_order_response"))
    assert order.status == "completed"
    assert order.recipient is not None
    assert order.recipient.address is not None
    assert order.recipient.address.zip == "94105"
    assert order.metadata == {"some_key": "some_value"}
    kit = order.kits[0]
    assert [e.status for e in kit.events] == ["preparing", "in_transit", "delivered", "registered"]
    assert kit.shipment_to_customer is not None
    assert kit.shipment_to_customer.carrier == "usps"
    assert kit.registered_to is not None
    assert kit.registered_to.date_of_birth == date(1990, 1, 1)
    assert kit.sample is not None
    assert kit.sample.panels == ["PANEL-123"]
    report = kit.sample.reports[0]
    assert report.pdf is not None
    assert report.pdf.endswith(".pdf")
    assert report.txt is None
    assert report.is_amendment is False
    # The docs' placeholders are kept as text rather than failing the order.
    assert report.date_collected == "string"
    # ... and their prose placeholder inside "results" is not a result.
    assert report.results == []


def test_timestamps_are_aware_utc() -> None:
    order = models.Order.model_validate(example("create_order_response"))
    assert order.created == datetime(2023, 1, 1, 4, 30, 11, 222000, tzinfo=UTC)
    assert order.created is not None
    assert order.created.utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2023-01-01T04:30:11.222Z", datetime(2023, 1, 1, 4, 30, 11, 222000, tzinfo=UTC)),
        ("2023-01-01T04:30:11", datetime(2023, 1, 1, 4, 30, 11, tzinfo=UTC)),  # naive → UTC
        (
            "2023-01-01T04:30:11+02:00",
            datetime(2023, 1, 1, 2, 30, 11, tzinfo=UTC),
        ),
    ],
)
def test_datetime_variants(raw: str, expected: datetime) -> None:
    event = models.KitEvent.model_validate({"status": "preparing", "created": raw})
    assert event.created == expected
    assert event.created is not None
    assert event.created.tzinfo is not None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2023-01-14", date(2023, 1, 14)),
        ("2023-01-14T04:30:11.222Z", datetime(2023, 1, 14, 4, 30, 11, 222000, tzinfo=UTC)),
        ("2023-01-14 04:30", datetime(2023, 1, 14, 4, 30, tzinfo=UTC)),
        ("01/14/2023", "01/14/2023"),
        ("string", "string"),
        ("2023-02-30", "2023-02-30"),
        (None, None),
    ],
)
def test_report_dates_parse_leniently(raw: str | None, expected: object) -> None:
    report = models.Report.model_validate({"date_collected": raw, "date_received": raw})
    assert report.date_collected == expected
    assert report.date_received == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1990-01-01", date(1990, 1, 1)), ("1990-13-01", "1990-13-01"), ("unknown", "unknown")],
)
def test_date_of_birth_is_a_date_when_well_formed(raw: str, expected: object) -> None:
    assert models.RegisteredPatient.model_validate({"date_of_birth": raw}).date_of_birth == expected
    assert models.Patient.model_validate({"date_of_birth": raw}).date_of_birth == expected


def test_result_examples_keep_numbers_text_and_unknown_types() -> None:
    results = [models.Result.model_validate(item) for item in example("results_example")]
    assert [r.result for r in results] == [123, "<10", "negative", None]
    assert isinstance(results[0].result, int)
    assert [r.result_type for r in results] == ["quantity", "quantity", "reactivity", "genotype"]
    assert results[0].range_minimum == 20
    assert results[0].range_maximum == 200
    assert results[2].unit_of_measure is None
    assert results[3].model_extra == {"...": "..."}
    assert results[0].time_collected == datetime(2023, 1, 14, 4, 30, 11, 222000, tzinfo=UTC)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (1.5, 1.5),
        (0, 0),
        ("AG", "AG"),
        ({"allele_1": "A"}, '{"allele_1": "A"}'),
        (["A", "G"], '["A", "G"]'),
    ],
)
def test_result_values_of_any_shape_are_kept_readable(raw: Any, expected: object) -> None:
    assert models.Result.model_validate({"result": raw}).result == expected


def test_report_with_txt_and_amendment() -> None:
    report = models.Report.model_validate(
        {
            "report_id": "R1",
            "pdf": "https://example.invalid/r.pdf",
            "txt": "https://example.invalid/r.txt",
            "is_amendment": True,
            "results": example("results_example"),
        }
    )
    assert report.txt == "https://example.invalid/r.txt"
    assert report.is_amendment is True
    assert len(report.results) == 4


@pytest.mark.parametrize(("raw", "expected"), [("boolean", None), ("true", True), (None, None)])
def test_is_amendment_placeholder_tolerated(raw: object, expected: bool | None) -> None:
    assert models.Report.model_validate({"is_amendment": raw}).is_amendment is expected


def test_double_nested_requisition_address_is_flattened() -> None:
    requisition = models.Requisition.model_validate(example("get_requisition_response"))
    assert requisition.patient is not None
    assert requisition.patient.address is not None
    assert requisition.patient.address.model_dump(exclude_none=True) == ALICE_ADDRESS
    assert requisition.patient.date_of_birth == date(2023, 12, 25)
    assert [e.event for e in requisition.events][-1] == "resulted"
    assert requisition.events[0].date == datetime(2020, 1, 1, tzinfo=UTC)
    assert requisition.attributes == {
        "crl_slip_id": "1234567890",
        "crl_tier3_account_number": "12345678",
    }


def test_flat_requisition_address_unchanged() -> None:
    requisition = models.Requisition.model_validate(example("create_requisition_response"))
    assert requisition.patient is not None
    assert requisition.patient.address is not None
    assert requisition.patient.address.model_dump(exclude_none=True) == ALICE_ADDRESS
    assert requisition.lab is None  # the documented response omits it
    assert requisition.metadata is None


@pytest.mark.parametrize(
    ("model", "data", "field"),
    [
        (models.Order, {"order_id": "O1", "status": "on_hold"}, "status"),
        (models.OrderSummary, {"order_id": "O1", "status": "archived"}, "status"),
        (models.Kit, {"kit_id": "K1", "status": "lost_in_space"}, "status"),
        (models.KitSummary, {"kit_id": "K1", "kit_status": "recalled"}, "kit_status"),
        (models.KitSummary, {"kit_id": "K1", "sample_status": "rejected"}, "sample_status"),
        (models.Sample, {"type": "microtainer_9"}, "type"),
        (models.Sample, {"status": "rejected"}, "status"),
        (models.Shipment, {"carrier": "canada_post"}, "carrier"),
        (models.Requisition, {"requisition_id": "r", "status": "on_hold"}, "status"),
        (models.RequisitionEvent, {"event": "lost"}, "event"),
        (models.Result, {"result_type": "ratio"}, "result_type"),
        (models.Address, {"country": "MX"}, "country"),
    ],
)
def test_unknown_enum_values_are_kept_as_is(
    model: type[BaseModel], data: dict[str, Any], field: str
) -> None:
    assert getattr(model.model_validate(data), field) == data[field]


def test_unknown_enum_values_are_told_apart_from_known_ones() -> None:
    assert "in_progress" in models.ORDER_STATUSES
    assert "on_hold" not in models.ORDER_STATUSES
    assert "preparing" in models.KIT_STATUSES
    assert "partially_resulted" in models.SAMPLE_STATUSES
    assert "denied" in models.REQUISITION_STATUSES
    assert models.CARRIERS == ("fedex", "ups", "usps")
    assert models.SAMPLE_TYPES == (
        "adx100",
        "adx100_2",
        "adx100_4",
        "whatman903_10",
        "dry_transport_swab",
        "hemaspot_hf",
        "saliva_3",
    )
    assert models.KitStatus("delivered") == "delivered"


def test_extra_fields_are_kept_at_every_level() -> None:
    data = example("get_order_response")
    data["priority"] = "high"
    data["recipient"]["middle_name"] = "Q"
    data["kits"][0]["sample"]["lab_notes"] = {"k": 1}
    order = models.Order.model_validate(data)
    assert order.model_extra == {"priority": "high"}
    assert order.recipient is not None
    assert order.recipient.model_extra == {"middle_name": "Q"}
    assert order.kits[0].sample is not None
    assert order.kits[0].sample.model_extra == {"lab_notes": {"k": 1}}


def test_missing_optional_fields_default_to_empty() -> None:
    kit = models.Kit.model_validate({"kit_id": "SPOT123456"})
    assert kit.events == []
    assert kit.sample is None
    assert kit.metadata is None
    order = models.Order.model_validate({"order_id": "O1"})
    assert order.kits == []
    assert order.kit_types == []
    assert order.recipient is None
    sample = models.Sample.model_validate({})
    assert sample.reports == []
    assert sample.shipments == []
    assert sample.panels == []


def test_numbers_where_strings_are_documented_are_kept_as_text() -> None:
    # One order whose ZIP or phone came as a JSON number must not fail its whole list page.
    summary = models.OrderSummary.model_validate(
        {
            "order_id": "O1",
            "recipient": {"first_name": "Test", "phone": 4155550123,
                          "address": {"zip": 94105, "state": "CA"}},
        }
    )
    assert summary.recipient is not None
    assert summary.recipient.phone == "4155550123"
    assert summary.recipient.address is not None
    assert summary.recipient.address.zip == "94105"


@pytest.mark.parametrize(
    ("model", "data"),
    [
        (models.Order, {"status": "pending"}),
        (models.OrderSummary, {}),
        (models.Kit, {"type": "health_kit_1"}),
        (models.KitSummary, {"kit_type": "health_kit_1"}),
        (models.Requisition, {"barcode": "1"}),
        (models.RegistrationToken, {}),
        (models.Order, {"order_id": "O1", "kits": "none"}),
        (models.Order, {"order_id": "O1", "created": "yesterday"}),
    ],
)
def test_structurally_broken_objects_are_rejected(
    model: type[BaseModel], data: dict[str, Any]
) -> None:
    with pytest.raises(ValidationError):
        model.model_validate(data)


def test_registration_token_is_not_in_repr() -> None:
    token = models.RegistrationToken.model_validate(example("registration_token_response"))
    assert token.token.startswith("eyJ")
    assert token.token not in repr(token)


# --- requests ------------------------------------------------------------------------------


def _new_order(**recipient_extra: Any) -> models.NewOrder:
    return models.NewOrder(
        kit_types=["health_kit_1"],
        recipient=models.Recipient(
            first_name="Alice",
            last_name="Smith",
            email="alice123@gmail.com",
            phone="1234567890",
            address=models.Address(**ALICE_ADDRESS),
            **recipient_extra,
        ),
        metadata={"some_key": "some_value"},
    )


def test_new_order_serialises_to_the_documented_request() -> None:
    assert _new_order().to_body() == example("create_order_request")


def test_new_order_omits_unset_optionals() -> None:
    order = models.NewOrder(
        kit_types=["health_kit_1"],
        recipient=models.Recipient(
            first_name="Alice", last_name="Smith", email="a@example.com", phone="1234567890"
        ),
    )
    assert order.to_body() == {
        "kit_types": ["health_kit_1"],
        "recipient": {
            "first_name": "Alice",
            "last_name": "Smith",
            "email": "a@example.com",
            "phone": "1234567890",
        },
    }


@pytest.mark.parametrize(
    "build",
    [
        pytest.param(lambda: _new_order(nickname="Al"), id="extra-recipient-field"),
        pytest.param(
            lambda: models.NewOrder(
                kit_types=["k"],
                recipient=models.Recipient(
                    first_name="A",
                    last_name="S",
                    email="a@example.com",
                    phone="1",
                    address=models.Address(street1="1 Main", apartment="2"),
                ),
            ),
            id="extra-address-field",
        ),
        pytest.param(
            lambda: models.NewOrder(
                kit_types=["k"],
                recipient=models.Recipient(first_name="A", last_name="S", email="a@example.com"),
            ),
            id="missing-phone",
        ),
        pytest.param(
            lambda: models.NewOrder(
                kit_types=[],
                recipient=models.Recipient(
                    first_name="A", last_name="S", email="a@example.com", phone="1"
                ),
            ),
            id="no-kit-types",
        ),
        pytest.param(
            lambda: models.NewOrder.model_validate(
                {**example("create_order_request"), "placed_by": "me"}
            ),
            id="extra-top-level-field",
        ),
    ],
)
def test_new_order_is_strict(build: Any) -> None:
    with pytest.raises(ValidationError):
        build()


def test_new_requisition_round_trips_the_documented_request() -> None:
    requisition = models.NewRequisition.model_validate(example("create_requisition_request"))
    assert requisition.to_body() == example("create_requisition_request")


@pytest.mark.parametrize(
    "mutate",
    [
        pytest.param(lambda d: d["patient"].update(ssn="000"), id="extra-patient-field"),
        pytest.param(lambda d: d["tracking"].update(eta="soon"), id="extra-tracking-field"),
        pytest.param(lambda d: d.pop("barcode"), id="missing-barcode"),
        pytest.param(lambda d: d.update(priority=1), id="extra-top-level"),
    ],
)
def test_new_requisition_is_strict(mutate: Any) -> None:
    data = example("create_requisition_request")
    mutate(data)
    with pytest.raises(ValidationError):
        models.NewRequisition.model_validate(data)


def test_new_patient_serialises_to_the_documented_request() -> None:
    patient = models.NewPatient(
        first_name="Alice",
        last_name="Smith",
        email="alice123@gmail.com",
        phone="1234567890",
        sex="F",
        date_of_birth=date(2023, 12, 25),
    )
    assert patient.to_body() == example("create_patient_request")


@pytest.mark.parametrize(
    "data",
    [
        {"sex": "X"},
        {"date_of_birth": "25/12/2023"},
        {"favourite_colour": "blue"},
    ],
)
def test_new_patient_is_strict(data: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        models.NewPatient.model_validate({**example("create_patient_request"), **data})


def test_kit_activation_sends_only_what_was_given() -> None:
    assert models.KitActivation(patient_id="p-1").to_body() == {"patient_id": "p-1"}
    body = models.KitActivation(
        first_name="Alice", date_of_birth=date(1990, 1, 1), research_consent=False
    ).to_body()
    assert body == {"first_name": "Alice", "date_of_birth": "1990-01-01", "research_consent": False}


@pytest.mark.parametrize("data", [{}, {"patient": "p-1"}, {"sex": "female"}])
def test_kit_activation_is_strict(data: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        models.KitActivation.model_validate(data)
