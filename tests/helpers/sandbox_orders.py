"""Orders placed through a real client on the sandbox, and moving its clock until a kit is where a
test needs it."""

from __future__ import annotations

from app.api import models
from app.sandbox import SandboxServer
from app.services.session import Session


def place_order(session: Session) -> str:
    order = session.client.create_order(
        models.NewOrder.model_validate(
            {
                "kit_types": ["health_kit_1"],
                "recipient": {
                    "first_name": "Testy",
                    "last_name": "McTestface",
                    "email": "testy@example.com",
                    "phone": "4155550123",
                    "address": {
                        "street1": "1 Fixture Lane", "city": "San Francisco", "state": "CA",
                        "country": "US", "zip": "94105",
                    },
                },
                "metadata": {"clinic_ref": "A-17"},
            }
        )
    )
    return order.order_id


def advance_until(
    sandbox: SandboxServer, session: Session, order_id: str, wanted: set[str], *, sample: bool
) -> models.Kit:
    """Move the sandbox clock half a day at a time until the kit (or sample) is in ``wanted``."""
    for _ in range(80):
        sandbox.advance(0.5)
        kits = session.client.get_order(order_id).kits
        if kits:
            kit = kits[0]
            status = (kit.sample.status if kit.sample else None) if sample else kit.status
            if status in wanted:
                return kit
    raise AssertionError(f"order never reached {wanted}")
