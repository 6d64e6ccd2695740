"""Requisition use cases: form checks with their exact messages, and the sandbox round trip."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from app.api.client import SpotClient
from app.sandbox import SandboxServer
from app.services import requisitions
from app.services.errors import ServiceError

TODAY = date(2026, 6, 1)
FORM: dict[str, Any] = {
    "barcode": "TESTBC0001",
    "lab": "CRL",
    "account_number": "ACCT-0001",
    "panels": "PANEL-123, lipids_panel_complete",
    "state_collected": "OH",
    "patient": {
        "first_name": "Testy", "last_name": "McTestface", "email": "testy@example.com",
        "phone": "", "sex": "F", "date_of_birth": "1980-04-30",
        "address": {"street1": "1 Fixture Lane", "street2": "", "city": "Columbus",
                    "state": "OH", "country": "US", "zip": "43004"},
    },
    "tracking": {"carrier": "", "tracking_number": ""},
    "attributes": {"crl_slip_id": "", "crl_tier3_account_number": ""},
    "metadata": {},
}


def form(**changes: Any) -> dict[str, Any]:
    """FORM with dotted-path changes: form(**{"tracking.carrier": "ups"})."""
    result = copy.deepcopy(FORM)
    for path, value in changes.items():
        *parents, last = path.split(".")
        target = result
        for key in parents:
            target = target[key]
        target[last] = value
    return result


@pytest.fixture
def client(sandbox: SandboxServer) -> Iterator[SpotClient]:
    with SpotClient(sandbox.base_url, sandbox.token) as live:
        yield live


def test_the_valid_form_has_no_findings() -> None:
    assert requisitions.validate_requisition(FORM, TODAY) == []


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"barcode": "  "}, "barcode", "Enter or scan the barcode on the sample"),
        ({"barcode": "AB 12"}, "barcode", "A barcode has no spaces; scan it again"),
        ({"lab": ""}, "lab", "Enter the lab, like CRL"),
        ({"account_number": ""}, "account_number", "Enter the lab account number"),
        ({"panels": " , ,"}, "panels", "Enter at least one panel code"),
        ({"state_collected": ""}, "state_collected",
         "Choose the state or province where the sample was collected"),
        ({"tracking.carrier": "ups"}, "tracking.tracking_number",
         "Enter the tracking number, or leave the carrier empty"),
        ({"tracking.tracking_number": "1Z999"}, "tracking.carrier",
         "Choose the carrier for this tracking number"),
        ({"attributes.crl_slip_id": "12345678901"}, "attributes.crl_slip_id",
         "CRL slip ID: letters and digits only, at most 10"),
        ({"attributes.crl_slip_id": "12-34"}, "attributes.crl_slip_id",
         "CRL slip ID: letters and digits only, at most 10"),
        ({"attributes.crl_tier3_account_number": "1234567"},
         "attributes.crl_tier3_account_number",
         "CRL tier 3 account number: exactly 8 letters and digits"),
        ({"attributes.crl_tier3_account_number": "1234 678"},
         "attributes.crl_tier3_account_number",
         "CRL tier 3 account number: exactly 8 letters and digits"),
        ({"patient.sex": ""}, "patient.sex", "Choose the sex (M or F)"),
        ({"patient.date_of_birth": ""}, "patient.date_of_birth", "Enter the date of birth"),
        ({"patient.first_name": ""}, "patient.first_name", "Enter the first name"),
    ],
)
def test_bad_inputs(changes: dict[str, Any], field: str, message: str) -> None:
    findings = requisitions.validate_requisition(form(**changes), TODAY)
    assert [(f.field, f.message) for f in findings if f.severity == "error"] == [
        (field, message)
    ]


def test_good_attributes_pass() -> None:
    good = form(**{"attributes.crl_slip_id": "A1B2C3D4E5",
                   "attributes.crl_tier3_account_number": "AB12CD34"})
    assert requisitions.validate_requisition(good, TODAY) == []


def test_build_requisition_normalizes() -> None:
    request = requisitions.build_requisition(
        form(**{"tracking.carrier": "usps", "tracking.tracking_number": "9400 1234",
                "state_collected": "oh", "attributes.crl_slip_id": "SLIP1",
                "metadata": {"desk": "front"}})
    )
    assert request.panels == ["PANEL-123", "lipids_panel_complete"]
    assert request.state_collected == "OH"
    assert request.tracking is not None
    assert request.tracking.tracking_number == "94001234"
    assert request.attributes == {"crl_slip_id": "SLIP1"}
    assert request.metadata == {"desk": "front"}
    assert request.patient.phone is None  # an empty optional phone is left out


@pytest.mark.parametrize(
    ("value", "panels"),
    [("A, B;C\nA", ["A", "B", "C"]), (["X", " ", "Y"], ["X", "Y"]), (None, [])],
)
def test_split_panels(value: object, panels: list[str]) -> None:
    assert requisitions.split_panels(value) == panels


def test_create_list_and_get(client: SpotClient) -> None:
    created = requisitions.create_requisition(
        client, form(panels="PANEL-123", **{"tracking.carrier": "usps",
                                           "tracking.tracking_number": "9400111"})
    )
    assert created.status == "approved"
    assert [e.event for e in created.events] == ["created", "approved"]
    page = requisitions.list_page(client, requisitions.RequisitionFilters(lab="CRL"))
    assert [r.requisition_id for r in page.items] == [created.requisition_id]
    assert not page.has_more
    assert not page.has_previous
    assert requisitions.list_page(
        client, requisitions.RequisitionFilters(lab="crl")
    ).items == []  # the lab filter is case-sensitive (documented)
    fetched = requisitions.get_requisition(client, created.requisition_id)
    assert fetched.barcode == "TESTBC0001"


def test_pages_know_whether_more_exist(client: SpotClient) -> None:
    for number in range(5):
        requisitions.create_requisition(client, form(panels="PANEL-123",
                                                     barcode=f"TESTPAGE{number}"))
    first = requisitions.list_page(client, requisitions.RequisitionFilters(), 0, page_size=2)
    assert [r.barcode for r in first.items] == ["TESTPAGE4", "TESTPAGE3"]
    assert first.has_more
    last = requisitions.list_page(client, requisitions.RequisitionFilters(), 4, page_size=2)
    assert [r.barcode for r in last.items] == ["TESTPAGE0"]
    assert not last.has_more
    assert last.has_previous


def test_duplicate_barcode_is_a_field_error(client: SpotClient) -> None:
    requisitions.create_requisition(client, form(panels="PANEL-123"))
    with pytest.raises(ServiceError) as caught:
        requisitions.create_requisition(client, form(panels="PANEL-123"))
    assert caught.value.field_errors == {
        "barcode": ["A requisition with this barcode already exists"]
    }


def test_local_errors_never_reach_spot(client: SpotClient) -> None:
    with pytest.raises(ServiceError) as caught:
        requisitions.create_requisition(client, form(lab=""))
    assert caught.value.field_errors == {"lab": ["Enter the lab, like CRL"]}
    assert requisitions.list_page(client, requisitions.RequisitionFilters()).items == []


def test_disabled_account_says_how_to_enable(
    sandbox: SandboxServer, client: SpotClient
) -> None:
    sandbox.set_requisitions_enabled(False)
    for call in (
        lambda: requisitions.list_page(client, requisitions.RequisitionFilters()),
        lambda: requisitions.create_requisition(client, form(panels="PANEL-123")),
    ):
        with pytest.raises(requisitions.RequisitionsDisabled) as caught:
            call()
        assert caught.value.title == "Requisitions are turned off for this Spot account."
        assert caught.value.advice == (
            "Ask Spot support to enable requisitioning for your account."
        )
