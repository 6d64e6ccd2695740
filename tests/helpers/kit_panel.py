"""Orders and kits as Spot returns them (fake people), and a kit panel on a fake session."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from pytestqt.qtbot import QtBot

from app.api import models
from app.tasks import InlineTaskRunner
from app.views.kit_panel.panel import KitTrackingPanel
from tests.helpers.fakes import FakeSession


def fake_kit(
    kit_id: str = "SPOTFAKE01",
    *,
    status: str = "in_transit",
    kit_events: tuple[str, ...] = ("preparing", "in_transit"),
    sample_status: str = "awaiting_collection",
    sample_events: tuple[str, ...] = ("awaiting_collection",),
    registered: bool = False,
    shipments: list[dict[str, Any]] | None = None,
    outbound: dict[str, Any] | None = None,
    reports: list[dict[str, Any]] | None = None,
    kit_type: str = "health_kit_1",
) -> dict[str, Any]:
    return {
        "kit_id": kit_id,
        "type": kit_type,
        "status": status,
        "events": [{"status": s, "created": at(i)} for i, s in enumerate(kit_events)],
        "shipment_to_customer": outbound
        if outbound is not None
        else {"tracking_number": "9400100000000000000001", "carrier": "usps", "created": at(1)},
        "registered_to": {
            "patient_id": "00000000-0000-4000-8000-000000000001",
            "first_name": "Testy",
            "last_name": "Fakename",
            "date_of_birth": "1990-06-15",
            "sex": "F",
            "email": "testy@example.com",
            "phone": "5550100100",
        }
        if registered
        else None,
        "sample": {
            "sample_id": kit_id.replace("SPOT", "SMPL"),
            "status": sample_status,
            "events": [
                {"status": s, "created": at(10 + i)} for i, s in enumerate(sample_events)
            ],
            "type": "adx100",
            "shipments": shipments or [],
            "panels": ["PANEL-123"],
            "reports": reports or [],
        },
        "metadata": None,
    }


def fake_order(*kits: dict[str, Any], status: str = "in_progress", **extra: Any) -> models.Order:
    data: dict[str, Any] = {
        "order_id": "O0000042",
        "status": status,
        "recipient": {
            "first_name": "Testy",
            "last_name": "Fakename",
            "email": "testy@example.com",
            "phone": "5550100100",
            "address": {
                "street1": "1 Fixture Lane",
                "street2": "Unit 2",
                "city": "Springfield",
                "state": "CA",
                "country": "US",
                "zip": "94105",
            },
        },
        "kit_types": ["health_kit_1"],
        "kits": list(kits),
        "created": at(0),
        "updated": at(1),
        "metadata": {"clinic_ref": "A-17"},
    }
    data.update(extra)
    return models.Order.model_validate(data)


def make_panel(
    qtbot: QtBot, *orders: models.Order, runner: InlineTaskRunner | None = None
) -> tuple[KitTrackingPanel, FakeSession]:
    session = FakeSession(*orders, kit_catalog={"health_kit_1": "Health Kit 1"})
    panel = KitTrackingPanel(session, runner or InlineTaskRunner(), today=lambda: TODAY)
    qtbot.addWidget(panel)
    panel.resize(900, 900)
    return panel, session


T0 = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)


TODAY = date(2026, 4, 1)


DAY = timedelta(days=1)


def at(days: float) -> str:
    return (T0 + days * DAY).isoformat().replace("+00:00", "Z")
