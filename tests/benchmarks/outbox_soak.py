"""Soak the outbox: N orders through a faulty sandbox, then count what Spot really holds.

    python tests/benchmarks/outbox_soak.py --orders 200
    python tests/benchmarks/outbox_soak.py --base-url http://127.0.0.1:8765 --token T --orders 200
    python tests/benchmarks/outbox_soak.py --orders 30 --fault-rate 0 \
        --commit-then-error-rate 0.35 --visibility-lag 20

Switches the sandbox's faults on (POST /sandbox/faults: 20% 5xx, 20% 429, 20% dropped
connections after the work is done; with --commit-then-error-rate and --visibility-lag also
the gateway faults: a committed POST answered 502/504 or dropped, and new orders hidden from
list and get for that many real seconds), submits N distinct orders through the real `Outbox`
and its background sender, waits until every one is sent, switches the faults off, then
looks every order up on the server by its recipient email and counts those carrying each
item's ``frontdesk_ref``. Prints ``submitted N, created N, duplicates 0, lost 0`` (last line
of stdout; timings go to stderr). Without --base-url an in-process sandbox in a temporary
folder is used. Exit status 1 on any loss or duplicate.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import httpx

from app.api import SpotClient, models
from app.sandbox import SandboxServer
from app.services.outbox import REF_KEY, Outbox, OutboxItem


def set_faults(base_url: str, token: str, rate: float, commit_then_error_rate: float = 0.0,
               visibility_lag: float = 0.0) -> None:
    response = httpx.post(
        f"{base_url}/sandbox/faults",
        headers={"Authorization": f"Token {token}"},
        json={"latency_ms": 0, "error_rate": rate, "rate_limit_rate": rate, "drop_rate": rate,
              "commit_then_error_rate": commit_then_error_rate,
              "visibility_lag_s": visibility_lag},
        timeout=10,
    )
    response.raise_for_status()


def soak_order(run: str, n: int) -> models.NewOrder:
    return models.NewOrder(
        kit_types=["health_kit_1"],
        recipient=models.Recipient(
            first_name="Soak",
            last_name=f"Tester{n}",
            email=f"soak-{run}-{n}@example.com",
            phone="4155550142",
            address=models.Address(street1=f"{n + 1} Fictional Way", city="San Francisco",
                                   state="CA", country="US", zip="94105"),
        ),
        metadata={"soak_run": run},
    )


def orders_on_server(client: SpotClient, items: list[OutboxItem]) -> dict[str, set[str]]:
    """The order ids on the server carrying each client reference (looked up by email)."""
    found: dict[str, set[str]] = {}
    for item in items:
        email = item.payload.recipient.email
        for summary in client.iter_orders(email=email):
            order = client.get_order(summary.order_id)
            ref = (order.metadata or {}).get(REF_KEY)
            if isinstance(ref, str):
                found.setdefault(ref, set()).add(order.order_id)
    return found


def run(base_url: str, token: str, orders: int, fault_rate: float, work_dir: Path,
        backoff_base: float, backoff_cap: float, timeout: float,
        commit_then_error_rate: float = 0.0, visibility_lag: float = 0.0) -> int:
    client = SpotClient(base_url, token)
    outbox = Outbox(work_dir / "outbox.sqlite3", client, backoff_base=backoff_base,
                    backoff_cap=backoff_cap)
    done = threading.Event()

    def on_change(_item: OutboxItem) -> None:
        if outbox.counts()[0] == 0:
            done.set()

    outbox.subscribe(on_change)
    run_id = uuid.uuid4().hex[:8]
    set_faults(base_url, token, fault_rate, commit_then_error_rate, visibility_lag)
    started = time.monotonic()
    try:
        outbox.start()
        items = [outbox.submit(soak_order(run_id, n)) for n in range(orders)]
        deadline = started + timeout
        while outbox.counts()[0] and time.monotonic() < deadline:
            done.wait(1.0)
            done.clear()
        elapsed = time.monotonic() - started
    finally:
        outbox.stop()
        set_faults(base_url, token, 0.0)  # also ends the lag: the count below sees everything
    final = {item.item_id: item for item in outbox.items()}
    states = Counter(item.state for item in final.values())
    attempts = sum(item.attempts for item in final.values())
    gateway = (f", commit-then-error {commit_then_error_rate:.0%}, visibility lag "
               f"{visibility_lag:g} s" if commit_then_error_rate or visibility_lag else "")
    print(f"finished in {elapsed:.1f} s with faults at {fault_rate:.0%} each{gateway}; states "
          f"{dict(states)}; {attempts} POST attempts for {orders} orders", file=sys.stderr)

    on_server = orders_on_server(client, items)
    counts = [len(on_server.get(item.client_ref, ())) for item in items]
    created = sum(counts)
    duplicates = sum(max(0, count - 1) for count in counts)
    lost = sum(1 for count in counts if count == 0)
    # Each item must also name the very order the server holds for it.
    wrong_ids = sum(
        1 for item in items
        if final[item.item_id].order_id not in on_server.get(item.client_ref, set())
    )
    if wrong_ids:
        print(f"{wrong_ids} item(s) recorded an order id the server does not hold for them",
              file=sys.stderr)
    outbox.close()
    client.close()
    print(f"submitted {orders}, created {created}, duplicates {duplicates}, lost {lost}")
    return 0 if duplicates == 0 and lost == 0 and wrong_ids == 0 else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", help="a running sandbox (default: start one in-process)")
    parser.add_argument("--token", default="sandbox-token")
    parser.add_argument("--orders", type=int, default=200)
    parser.add_argument("--fault-rate", type=float, default=0.2,
                        help="error, 429 and drop rate each (default 0.2)")
    # The app's defaults (2 s doubling to 120 s) are right at a desk; a soak only needs the
    # same code paths, faster. Retry-After (1 s from the sandbox) is still honoured.
    parser.add_argument("--backoff-base", type=float, default=0.1)
    parser.add_argument("--backoff-cap", type=float, default=2.0)
    parser.add_argument("--commit-then-error-rate", type=float, default=0.0,
                        help="share of POSTs committed, then answered 502/504 or dropped "
                        "(default 0)")
    parser.add_argument("--visibility-lag", type=float, default=0.0, metavar="SECONDS",
                        help="new orders hidden from list and get for this many real seconds "
                        "(default 0)")
    parser.add_argument("--timeout", type=float, default=1800.0)
    parser.add_argument("--verbose", action="store_true", help="log every retry to stderr")
    args = parser.parse_args()
    for flag, value in (("--fault-rate", args.fault_rate),
                        ("--commit-then-error-rate", args.commit_then_error_rate)):
        if not 0 <= value <= 1:
            parser.error(f"{flag} must be between 0 and 1")
    if not 0 <= args.visibility_lag <= 3600:
        parser.error("--visibility-lag must be between 0 and 3600 seconds")
    logging.basicConfig(level=logging.INFO if args.verbose else logging.ERROR, stream=sys.stderr,
                        format="%(relativeCreated)8.0f ms %(name)s %(message)s")
    with tempfile.TemporaryDirectory(prefix="outbox-soak-") as folder:
        work_dir = Path(folder)
        if args.base_url:
            return run(args.base_url.rstrip("/"), args.token, args.orders, args.fault_rate,
                       work_dir, args.backoff_base, args.backoff_cap, args.timeout,
                       args.commit_then_error_rate, args.visibility_lag)
        with SandboxServer(work_dir / "sandbox", args.token, speed=0) as sandbox:
            return run(sandbox.base_url, sandbox.token, args.orders, args.fault_rate, work_dir,
                       args.backoff_base, args.backoff_cap, args.timeout,
                       args.commit_then_error_rate, args.visibility_lag)


if __name__ == "__main__":
    raise SystemExit(main())
