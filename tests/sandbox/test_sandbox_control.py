"""The sandbox-only control surface, faults, persistence, concurrency and the CLI."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
from datetime import datetime
from pathlib import Path

import httpx
import pytest

from app.api import SpotClient, errors
from app.sandbox import SandboxServer
from app.sandbox.catalog import PLACES
from tests.helpers.sandbox_api import assert_error, new_order, order_body


def test_advance_moves_the_clock(http: httpx.Client, sandbox: SandboxServer) -> None:
    before = sandbox.now()
    response = http.post("/sandbox/clock/advance", json={"days": 1.5})
    assert response.status_code == 200
    now = datetime.fromisoformat(response.json()["now"])
    assert (now - before).total_seconds() == pytest.approx(1.5 * 86400, abs=1)
    assert http.get("/sandbox/clock/").json()["now"] == response.json()["now"]
    for bad in ({"days": -1}, {"days": "1"}, {"days": True}, {}, {"weeks": 1}):
        assert_error(http.post("/sandbox/clock/advance", json=bad), 400, "bad_request")


def test_control_surface_needs_the_token(sandbox: SandboxServer) -> None:
    with httpx.Client(base_url=sandbox.base_url) as anonymous:
        for path in ("/sandbox/clock/advance", "/sandbox/seed", "/sandbox/faults",
                     "/sandbox/reset"):
            assert_error(anonymous.post(path, json={}), 401, "unauthorized")


def test_seed_creates_fake_mixed_orders(http: httpx.Client, client: SpotClient) -> None:
    response = http.post("/sandbox/seed", json={"orders": 150})
    assert response.json() == {"seeded": 150, "orders": 150}
    orders = list(client.iter_orders())
    assert len(orders) == 150
    statuses = {o.status for o in orders}
    assert {"pending", "in_progress", "completed"} <= statuses
    zips = {(p.country, p.state): p.postal_prefix for p in PLACES}
    for order in orders:
        recipient = order.recipient
        assert recipient is not None
        assert recipient.email is not None
        assert recipient.email.endswith("@example.com")
        assert re.fullmatch(r"[2-9]\d{2}55501\d{2}", recipient.phone or "")
        place = recipient.address
        assert place is not None
        assert (place.zip or "").startswith(zips[(place.country, place.state)])
    created = sorted(o.created for o in orders if o.created)
    assert (created[-1] - created[0]).days >= 40  # spread over ~60 days
    for bad in ({"orders": 0}, {"orders": "5"}, {"orders": 10**7}):
        assert_error(http.post("/sandbox/seed", json=bad), 400, "bad_request")


def test_reset_empties_everything(http: httpx.Client, client: SpotClient,
                                  sandbox: SandboxServer) -> None:
    sandbox.seed(5)
    sandbox.set_faults(latency_ms=1)
    assert http.post("/sandbox/reset", json={}).status_code == 200
    assert client.list_orders() == []
    assert http.get("/sandbox/faults").json()["latency_ms"] == 0


def test_force_exceptions(client: SpotClient, http: httpx.Client,
                          sandbox: SandboxServer) -> None:
    client.create_order(new_order(["health_kit_1", "health_kit_1"]))
    sandbox.advance(1)
    first, second = (k.kit_id for k in client.list_kits())
    response = http.post("/sandbox/force", json={"kit_id": first, "status": "delivery_exception"})
    assert response.status_code == 200
    assert client.get_kit(first).status == "delivery_exception"
    assert client.list_kits(kit_status="delivery_exception")[0].kit_id == first
    sandbox.force(second, "canceled")
    assert client.get_kit(second).status == "canceled"
    sandbox.advance(30)
    assert client.get_kit(first).status == "delivery_exception"  # the plan stays forced
    assert client.list_orders()[0].status == "completed"
    assert_error(http.post("/sandbox/force", json={"kit_id": "SPOT000000",
                                                   "status": "canceled"}), 404, "not_found")
    assert_error(http.post("/sandbox/force", json={"kit_id": first, "status": "lost"}), 400,
                 "bad_request")
    pending = client.create_order(new_order())
    assert http.post("/sandbox/force", json={"order_id": pending.order_id,
                                             "status": "canceled"}).status_code == 200
    assert client.get_order(pending.order_id).status == "canceled"
    sandbox.advance(5)
    assert client.get_order(pending.order_id).kits == []


def test_force_amended_adds_an_amendment(client: SpotClient, sandbox: SandboxServer) -> None:
    for _ in range(6):
        client.create_order(new_order(["example_lipid_kit"]))
    sandbox.advance(30)
    resulted = client.list_kits(sample_status="resulted")
    kit_id = resulted[0].kit_id
    before = client.get_kit(kit_id).sample
    assert before is not None
    sandbox.force(kit_id, "amended")
    after = client.get_kit(kit_id).sample
    assert after is not None
    assert len(after.reports) == len(before.reports) + 1
    assert after.reports[-1].is_amendment is True
    assert any(r.comments for r in after.reports[-1].results)


# --- faults ------------------------------------------------------------------------------------


def test_error_and_rate_limit_faults_hit_api_only(http: httpx.Client,
                                                  sandbox: SandboxServer) -> None:
    assert http.post("/sandbox/faults", json={"error_rate": 1.0}).json()["error_rate"] == 1.0
    assert_error(http.get("/api/v2/orders/"), 503, "server_error")
    assert http.post("/sandbox/clock/advance", json={"days": 0}).status_code == 200
    http.post("/sandbox/faults", json={"rate_limit_rate": 1.0})
    limited = http.get("/api/v2/kits/")
    assert_error(limited, 429, "rate_limit_exceeded")
    assert limited.headers["Retry-After"] == "1"
    assert http.post("/sandbox/faults", json={}).json() == {
        "latency_ms": 0, "error_rate": 0, "rate_limit_rate": 0, "drop_rate": 0,
        "commit_then_error_rate": 0, "visibility_lag_s": 0}
    assert http.get("/api/v2/orders/").status_code == 200
    for bad in ({"error_rate": 2}, {"latency_ms": -1}, {"boom": 1}, {"drop_rate": "x"}):
        assert_error(http.post("/sandbox/faults", json=bad), 400, "bad_request")


def test_client_sees_fault_errors(client: SpotClient, sandbox: SandboxServer) -> None:
    sandbox.set_faults(error_rate=1.0)
    with pytest.raises(errors.ServerError):
        client.list_orders()
    sandbox.set_faults(rate_limit_rate=1.0)
    with pytest.raises(errors.RateLimited):
        client.list_orders()


def test_drop_does_the_work_then_closes(http: httpx.Client, sandbox: SandboxServer) -> None:
    sandbox.set_faults(drop_rate=1.0)
    body = order_body()
    body["metadata"] = {"attempt": "dropped"}
    with pytest.raises(httpx.RemoteProtocolError):
        http.post("/api/v2/orders/", json=body)
    sandbox.set_faults()
    assert sandbox.count_orders_with_metadata("attempt", "dropped") == 1
    assert len(http.get("/api/v2/orders/").json()) == 1


def test_latency_fault_delays_but_answers(http: httpx.Client, sandbox: SandboxServer) -> None:
    sandbox.set_faults(latency_ms=50)
    assert http.get("/api/v2/orders/").status_code == 200
    assert http.post("/sandbox/faults", json={"latency_ms": 0}).status_code == 200


# --- persistence and concurrency -----------------------------------------------------------------


def test_state_and_clock_survive_a_restart(tmp_path: Path) -> None:
    folder = tmp_path / "persist"
    with SandboxServer(folder, rng_seed=5) as first, SpotClient(first.base_url,
                                                                 first.token) as spot:
        order = spot.create_order(new_order())
        first.advance(3)
        before = spot.get_order(order.order_id)
        clock = first.now()
    with SandboxServer(folder, rng_seed=5) as second, SpotClient(second.base_url,
                                                                  second.token) as spot:
        assert second.now() >= clock
        after = spot.get_order(order.order_id)
        assert after.status == before.status
        assert [k.kit_id for k in after.kits] == [k.kit_id for k in before.kits]
        assert after.kits[0].events == before.kits[0].events
        assert spot.create_order(new_order()).order_id != order.order_id


def test_initial_seed_happens_once(tmp_path: Path) -> None:
    folder = tmp_path / "embedded"
    with SandboxServer(folder, seed_orders=20, rng_seed=1) as server:
        assert server.order_count() == 20
        server.seed(5)
    with SandboxServer(folder, seed_orders=20, rng_seed=1) as server:
        assert server.order_count() == 25


def test_concurrent_creates_all_land(sandbox: SandboxServer) -> None:
    ids: list[str] = []
    failures: list[BaseException] = []
    lock = threading.Lock()

    def worker(n: int) -> None:
        try:
            with SpotClient(sandbox.base_url, sandbox.token) as spot:
                for i in range(5):
                    order = spot.create_order(new_order(first_name=f"Worker{n}x{i}"))
                    spot.list_orders(results=5)
                    with lock:
                        ids.append(order.order_id)
        except BaseException as exc:  # noqa: BLE001 - reported by the assert below
            failures.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert failures == []
    assert len(ids) == len(set(ids)) == 40
    with SpotClient(sandbox.base_url, sandbox.token) as spot:
        assert {o.order_id for o in spot.iter_orders()} == set(ids)


def test_cli_prints_url_and_stops_cleanly_on_ctrl_c(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "app.sandbox", "--port", "0", "--data-dir",
         str(tmp_path / "cli"), "--token", "cli-token", "--speed", "0", "--seed", "3"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        match = re.search(r"(http://127\.0\.0\.1:\d+)", first)
        assert match, first
        assert "cli-token" in process.stdout.readline()
        with SpotClient(match.group(1), "cli-token") as spot:
            assert len(spot.list_orders()) == 3
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0
    assert "Traceback" not in err
    assert "stopped" in out
