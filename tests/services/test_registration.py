"""Kit registration and registration tokens against the sandbox, plus the pure helpers."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest

from app.api import errors as api_errors
from app.api import models
from app.api.client import SpotClient
from app.sandbox import SandboxServer
from app.services import registration
from app.services.errors import ServiceError
from app.services.order_rules import KitInfo, OrderInfo, OrderRow, build_row

PATIENT = {
    "first_name": "Testy",
    "last_name": "McTestface",
    "email": "testy@example.com",
    "phone": "415-555-0123",
    "sex": "F",
    "date_of_birth": "1980-04-30",
    "address": {
        "street1": "1 Fixture Lane", "street2": "", "city": "San Francisco", "state": "CA",
        "country": "US", "zip": "94105",
    },
}


@pytest.fixture
def client(sandbox: SandboxServer) -> Iterator[SpotClient]:
    with SpotClient(sandbox.base_url, sandbox.token) as live:
        yield live


def shipped_kit(sandbox: SandboxServer, client: SpotClient, kit_type: str = "health_kit_1") -> str:
    order = client.create_order(models.NewOrder.model_validate({
        "kit_types": [kit_type],
        "recipient": {key: PATIENT[key] for key in ("first_name", "last_name", "email",
                                                    "phone", "address")},
    }))
    sandbox.advance(1)
    kits = client.get_order(order.order_id).kits
    assert kits, "the sandbox fulfils an order within a day"
    return kits[0].kit_id


def test_activate_new_patient_registers_the_kit(
    sandbox: SandboxServer, client: SpotClient
) -> None:
    kit_id = shipped_kit(sandbox, client)
    check = registration.check_kit(client, kit_id.lower())
    assert check.registrable
    assert registration.validate_activation_patient(PATIENT, date(2026, 1, 1)) == []
    activation = registration.activation_for_new_patient(PATIENT, research_consent=True)
    assert activation.street1 == "1 Fixture Lane"
    assert activation.street2 is None  # blank optional lines are not sent
    kit = registration.activate_kit(client, kit_id, activation)
    assert kit.status == "registered"
    assert kit.registered_to is not None
    assert kit.registered_to.last_name == "McTestface"
    assert str(kit.registered_to.date_of_birth) == "1980-04-30"

    again = registration.check_kit(client, kit_id)
    assert again.problem == "registered"
    assert not again.registrable


def test_unknown_kit_is_reported_not_raised(client: SpotClient) -> None:
    check = registration.check_kit(client, "SPOT000000")
    assert check.kit is None
    assert check.problem == "unknown"


def test_canceled_kit_is_refused(sandbox: SandboxServer, client: SpotClient) -> None:
    kit_id = shipped_kit(sandbox, client)
    sandbox.force(kit_id, "canceled")
    assert registration.check_kit(client, kit_id).problem == "canceled"


def test_server_refusal_becomes_a_kit_message(
    sandbox: SandboxServer, client: SpotClient
) -> None:
    kit_id = shipped_kit(sandbox, client, "std_panel_kit")  # no API activation for this type
    activation = registration.activation_for_new_patient(PATIENT, research_consent=False)
    with pytest.raises(registration.ActivationFailed) as caught:
        registration.activate_kit(client, kit_id, activation)
    assert "cannot be activated" in caught.value.kit_message
    assert caught.value.field_errors == {}


def test_known_patients_come_from_registered_kits(
    sandbox: SandboxServer, client: SpotClient
) -> None:
    kit_id = shipped_kit(sandbox, client)
    activation = registration.activation_for_new_patient(PATIENT, research_consent=False)
    kit = registration.activate_kit(client, kit_id, activation)
    patients = registration.known_patients(client, [])  # nothing synced: asks Spot
    assert kit.registered_to is not None
    match = [p for p in patients if p.patient_id == kit.registered_to.patient_id]
    assert len(match) == 1
    assert match[0].label == "McTestface, Testy · 1980-04-30"
    assert match[0].kit_id == kit_id


def jwt(claims: dict[str, object]) -> str:
    def part(data: dict[str, object]) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")

    return f"{part({'alg': 'HS256'})}.{part(claims)}.c2ln"


@pytest.mark.parametrize(
    ("token", "lifetime"),
    [
        (jwt({"iat": 1000, "exp": 1600}), 600.0),
        (jwt({"iat": 1000, "exp": 1300}), 300.0),
        (jwt({"iat": 1000}), 600.0),
        (jwt({"iat": 1000, "exp": 900}), 600.0),
        ("opaque-token", 600.0),
        ("a.!!!.b", 600.0),
    ],
)
def test_token_lifetime(token: str, lifetime: float) -> None:
    assert registration.token_lifetime(token) == lifetime


def test_issue_token_for_a_new_patient(client: SpotClient) -> None:
    ticks = iter([100.0])
    issued = registration.issue_token(
        client,
        new_patient=registration.new_patient_request(PATIENT),
        kit_type="health_kit_1",
        clock=lambda: next(ticks),
    )
    assert issued.token.count(".") == 2
    assert issued.patient_id
    assert issued.lifetime == 600.0
    assert issued.remaining(100.0) == 600.0
    assert issued.remaining(699.0) == 1.0
    assert issued.remaining(800.0) == 0.0
    assert issued.remaining(40.0) == 600.0  # clock set back: never more than the lifetime
    assert issued.token not in repr(issued)


def test_issue_token_unknown_patient(client: SpotClient) -> None:
    with pytest.raises(ServiceError) as caught:
        registration.issue_token(client, patient_id="7563e8e2-7fbd-480c-9b8b-2070eda884bf")
    assert caught.value.title == "Spot couldn't find that record"


def test_token_patient_needs_no_address() -> None:
    patient = {k: v for k, v in PATIENT.items() if k != "address"}
    assert registration.validate_token_patient(patient, date(2026, 1, 1)) == []
    missing = registration.validate_token_patient({}, date(2026, 1, 1))
    assert {f.field for f in missing} == {
        "first_name", "last_name", "email", "sex", "date_of_birth"
    }


class FakeClient:
    """Answers get_kit from a dict and records what was asked."""

    def __init__(self, kits: dict[str, models.Kit]) -> None:
        self.kits = kits
        self.asked: list[str] = []
        self.listed = 0

    def get_kit(self, kit_id: str) -> models.Kit:
        self.asked.append(kit_id)
        if kit_id not in self.kits:
            raise api_errors.NotFound(404, "not_found", [], "GET", "/api/v2/kits/{id}/")
        return self.kits[kit_id]

    def list_kits(self, *, kit_status: str | None = None, results: int = 10
                  ) -> list[models.KitSummary]:
        self.listed += 1
        return []


def row(order_id: str, day: int, kits: list[tuple[str, str]]) -> OrderRow:
    when = datetime(2026, 3, day, tzinfo=UTC)
    order = OrderInfo(order_id, "in_progress", "Testy", "Example", "t@example.com", "", "CA",
                      "US", when, when)
    infos = [KitInfo(kit_id, "health_kit_1", order_id, status, "", when, when)
             for kit_id, status in kits]
    return build_row(order, infos)


def registered(kit_id: str, patient_id: str, last: str) -> models.Kit:
    return models.Kit.model_validate({"kit_id": kit_id, "status": "registered", "registered_to": {
        "patient_id": patient_id, "first_name": "Testy", "last_name": last}})


def test_known_patients_use_synced_registered_kits_newest_first() -> None:
    rows = [
        row("O1", 1, [("K1", "registered"), ("K2", "delivered")]),
        row("O2", 5, [("K3", "registered"), ("K4", "registered")]),
    ]
    client = FakeClient({
        "K1": registered("K1", "p-old", "Zed"),
        "K3": registered("K3", "p-new", "Able"),
        # K4 vanished since the last sync: skipped, not fatal
    })
    patients = registration.known_patients(client, rows, limit=3, workers=1)
    assert client.asked == ["K3", "K4", "K1"]  # newest order first, delivered kits not asked
    assert client.listed == 0  # the synced data was enough
    assert [(p.patient_id, p.kit_id) for p in patients] == [("p-new", "K3"), ("p-old", "K1")]
    assert registration.registered_kit_ids(rows, 1) == ["K3"]


def test_known_patients_one_entry_per_patient() -> None:
    rows = [row("O1", 1, [("K1", "registered"), ("K2", "registered")])]
    client = FakeClient(
        {"K1": registered("K1", "p1", "Same"), "K2": registered("K2", "p1", "Same")}
    )
    assert [p.kit_id for p in registration.known_patients(client, rows)] == ["K1"]
