"""Request builders and assertions shared by the sandbox tests."""

from __future__ import annotations

from typing import Any

import httpx

from app.api import models


def address(**changes: Any) -> dict[str, Any]:
    base = {"street1": "1 Fixture Lane", "street2": "Unit 2", "city": "San Francisco",
            "state": "CA", "country": "US", "zip": "94105"}
    return {**base, **changes}


def order_body(kit_types: list[str] | None = None, **recipient: Any) -> dict[str, Any]:
    person = {"first_name": "Testy", "last_name": "McTestface",
              "email": "testy@example.com", "phone": "4155550123", "address": address()}
    person.update(recipient)
    return {"kit_types": kit_types or ["health_kit_1"], "recipient": person}


def new_order(kit_types: list[str] | None = None, **recipient: Any) -> models.NewOrder:
    return models.NewOrder.model_validate(order_body(kit_types, **recipient))


def assert_error(response: httpx.Response, status: int, kind: str) -> list[str]:
    """The documented envelope; returns its details."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    error = response.json()["error"]
    assert error["code"] == status
    assert error["type"] == kind
    assert isinstance(error["details"], list)
    assert all(isinstance(item, str) for item in error["details"])
    return list(error["details"])
