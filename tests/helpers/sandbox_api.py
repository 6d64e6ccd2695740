"""Request builders and assertions shared by the sandbox tests."""

from __future__ import annotations

import socket
from typing import Any

import httpx

from app.api import SpotClient, models
from app.sandbox import SandboxServer


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


def fulfilled_order(client: SpotClient, sandbox: SandboxServer) -> tuple[str, str]:
    """(order id, kit id) of a new one-kit order, a sandbox day on so its kit exists."""
    order = client.create_order(new_order())
    sandbox.advance(1)
    return order.order_id, client.get_order(order.order_id).kits[0].kit_id


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


def raw_request(sandbox: SandboxServer, payload: bytes) -> bytes:
    """Send ``payload`` as-is on a new connection; everything the sandbox answers."""
    host, port = sandbox.base_url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as conn:
        conn.sendall(payload)
        chunks = []
        while chunk := conn.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)
