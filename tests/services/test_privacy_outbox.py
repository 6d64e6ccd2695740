"""No patient detail reaches the log file or the error texts the UI shows, even when Spot
rejects the order, fails, drops the connection or echoes the input back."""

from __future__ import annotations

import io
import json
import logging
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from app.api import SpotClient, models
from app.paths import paths
from app.services.logs import close_logging, setup_logging
from app.services.order_store import OrderStore
from app.services.outbox import REF_KEY, Outbox
from app.services.sync import SyncService

FIRST, LAST = "Zebedee", "Quuxington"
EMAIL = "zebedee.quux@example.com"
PHONE = "415-555-0199"
STREET = "1313 Zyzzyva Mockingbird Lane"
PHI = [FIRST, LAST, EMAIL, PHONE, "4155550199", STREET, "Zyzzyva", "zebedee.quux"]


class ScriptedSpot:
    """POST #1 → 503, POST #2 → 400 echoing the input, POST #3 → created then dropped."""

    def __init__(self) -> None:
        self.posts = 0
        self.orders: list[dict[str, Any]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if request.method == "POST" and path == "/api/v2/orders/":
            self.posts += 1
            body = json.loads(request.content)
            if self.posts == 1:
                return httpx.Response(503, text="<html>Service Unavailable</html>")
            if self.posts == 2:
                return httpx.Response(400, json={"error": {"code": 400, "type": "bad_request",
                    "details": [f"recipient.email: {EMAIL} bounced",
                                f"recipient.phone: {PHONE} is not reachable"]}})
            order = {"order_id": "O7654321", "status": "pending", "recipient": body["recipient"],
                     "kit_types": body["kit_types"], "kits": [], "metadata": body["metadata"],
                     "created": "2026-03-02T10:00:00.000Z", "updated": "2026-03-02T10:00:00.000Z"}
            self.orders.append(order)
            raise httpx.RemoteProtocolError("Server disconnected without sending a response.")
        if request.method == "GET" and path == "/api/v2/orders/":
            return httpx.Response(200, json=[
                {k: o[k] for k in ("order_id", "status", "recipient", "created", "updated")}
                for o in self.orders])
        if request.method == "GET" and path == "/api/v2/orders/O7654321/":
            return httpx.Response(200, json=self.orders[0])
        if request.method == "GET" and path == "/api/v2/kits/":
            return httpx.Response(200, json=[])
        return httpx.Response(404, json={"error": {"code": 404, "type": "not_found",
                                                   "details": []}})


def phi_order() -> models.NewOrder:
    return models.NewOrder(
        kit_types=["health_kit_1"],
        recipient=models.Recipient(
            first_name=FIRST, last_name=LAST, email=EMAIL, phone=PHONE,
            address=models.Address(street1=STREET, city="San Francisco", state="CA",
                                   country="US", zip="94105"),
        ),
    )


def assert_no_phi(text: str, where: str) -> None:
    lowered = text.lower()
    for secret in PHI:
        assert secret.lower() not in lowered, f"{secret!r} leaked into {where}"


@pytest.fixture
def log_file() -> Iterator[Any]:
    path = setup_logging(paths().logs, level=logging.DEBUG)
    yield path
    close_logging()


@pytest.fixture
def raw_records() -> Iterator[io.StringIO]:
    """Every app record as written, before the file handler's redaction runs (a handler on
    the "app" logger sees records before they propagate to the root's handlers)."""
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.setLevel(logging.DEBUG)
    logging.getLogger("app").addHandler(handler)
    yield buffer
    logging.getLogger("app").removeHandler(handler)


def test_outbox_and_sync_keep_phi_out_of_logs_and_error_texts(
    log_file: Any, raw_records: io.StringIO
) -> None:
    spot = ScriptedSpot()
    client = SpotClient("http://127.0.0.1:9", "sandbox-token-xyz",
                        transport=httpx.MockTransport(spot), sleep=lambda _s: None)
    # A clock the outbox's sleeps advance: the settle window passes without real waiting.
    now = [time.time()]
    outbox = Outbox(paths().outbox_db, client, sleep=lambda s: now.__setitem__(0, now[0] + s),
                    clock=lambda: now[0], backoff_base=0.0)
    user_texts: list[str] = []
    outbox.subscribe(lambda item: user_texts.append(item.last_error))

    item = outbox.submit(phi_order())
    outbox.drain(timeout=3600)  # 503, lookups through the settle window (nothing), then 400
    rejected = outbox.get(item.item_id)
    assert rejected is not None
    assert rejected.state == "needs_attention"
    assert set(rejected.field_errors) == {"recipient.email", "recipient.phone"}
    user_texts.extend(m for ms in rejected.field_errors.values() for m in ms)

    outbox.resubmit(item.item_id, phi_order())
    assert outbox.drain(timeout=3600)  # created, connection dropped, found by lookup
    sent = outbox.get(item.item_id)
    assert sent is not None
    assert (sent.state, sent.order_id) == ("sent", "O7654321")
    assert spot.posts == 3
    assert spot.orders[0]["metadata"] == {REF_KEY: item.client_ref}

    SyncService(client, OrderStore()).refresh()
    outbox.close()
    close_logging()

    logged = log_file.read_text(encoding="utf-8")
    assert "outbox item" in logged  # the log is really being written
    assert_no_phi(logged, "the log file")
    assert "sandbox-token-xyz" not in logged
    # Not thanks to the redaction safety net: the records were clean before it ran.
    assert "outbox item" in raw_records.getvalue()
    assert_no_phi(raw_records.getvalue(), "log records")
    assert any("503" in t or "problem" in t for t in user_texts)
    for text in user_texts:
        assert_no_phi(text, "an error text for the UI")
