"""What a full sync costs over a bare page loop, and what an idle refresh costs.

    python tests/benchmarks/sync_cost.py                 # starts a sandbox subprocess
    python tests/benchmarks/sync_cost.py --base-url URL --token T --orders 10000

Seeds N orders (POST /sandbox/seed), then times, alternately and ``--repeat`` times each:
  * bare: an httpx loop fetching the same pages (orders then kits, 100 a page, JSON decoded);
  * sync: `SyncService.refresh()` into a fresh `OrderStore` persisted to SQLite, i.e. the
    client's parsing into models, the join, progress and search text (the disk cache is
    written in the background; the time until it is done is printed too).
Prints the medians and their ratio (goal ≤ 1.5×), then the requests an incremental refresh
with nothing changed makes (counted at the transport; goal ≤ 2).
The sandbox runs in its own process by default so that it does not share our GIL.
The order cache is encrypted (SQLCipher, a random data key) as at a desk; ``--plain`` writes
it unencrypted, to compare.
"""

from __future__ import annotations

import argparse
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from app.api import SpotClient
from app.services.data_key import DataKey
from app.services.order_store import OrderStore
from app.services.sync import SyncService

PAGE = 100


class CountingTransport(httpx.BaseTransport):
    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.requests = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests += 1
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


def start_sandbox(folder: Path, token: str) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "app.sandbox", "--port", "0", "--data-dir", str(folder),
         "--token", token, "--speed", "0", "--rng-seed", "1"],
        stdout=subprocess.PIPE, text=True,
    )
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith("Spot sandbox running at "):
            return process, line.split(" at ", 1)[1].strip()
    raise RuntimeError("the sandbox did not start")


def bare_loop(base_url: str, token: str) -> tuple[float, int, int]:
    started = time.perf_counter()
    requests = items = 0
    with httpx.Client(base_url=base_url, headers={"Authorization": f"Token {token}"},
                      timeout=30) as http:
        for path in ("/api/v2/orders/", "/api/v2/kits/"):
            offset = 0
            while True:
                response = http.get(path, params={"results": PAGE, "offset": offset})
                response.raise_for_status()
                page = response.json()
                requests += 1
                items += len(page)
                if len(page) < PAGE:
                    break
                offset += len(page)
    return time.perf_counter() - started, requests, items


KEY: list[DataKey | None] = [DataKey(secrets.token_bytes(32), "created")]


def full_sync(base_url: str, token: str, db: Path) -> tuple[float, float, int, SyncService,
                                                            CountingTransport]:
    """(refresh wall time, time until the disk cache was written too, rows, ...)."""
    transport = CountingTransport()
    store = OrderStore(db, KEY[0])
    sync = SyncService(SpotClient(base_url, token, transport=transport), store)
    started = time.perf_counter()
    sync.refresh()
    elapsed = time.perf_counter() - started
    store.flush()  # the cache is written in the background; don't let it spill into the next run
    return elapsed, time.perf_counter() - started, len(store.rows()), sync, transport


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url")
    parser.add_argument("--token", default="sandbox-token")
    parser.add_argument("--orders", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--plain", action="store_true", help="no encryption (to compare)")
    args = parser.parse_args()
    if args.plain:
        KEY[0] = None
    print(f"order cache: {'plain SQLite' if args.plain else 'encrypted (SQLCipher)'}")
    with tempfile.TemporaryDirectory(prefix="sync-cost-") as folder:
        work = Path(folder)
        process = None
        base_url = args.base_url
        if base_url is None:
            process, base_url = start_sandbox(work / "sandbox", args.token)
        try:
            return run(base_url.rstrip("/"), args.token, args.orders, args.repeat, work)
        finally:
            if process is not None:
                process.terminate()
                process.wait(10)


def run(base_url: str, token: str, orders: int, repeat: int, work: Path) -> int:
    started = time.perf_counter()
    seeded = httpx.post(f"{base_url}/sandbox/seed", json={"orders": orders},
                        headers={"Authorization": f"Token {token}"}, timeout=600)
    seeded.raise_for_status()
    print(f"seeded {orders} orders in {time.perf_counter() - started:.1f} s "
          f"(sandbox now holds {seeded.json()['orders']})")
    bare_loop(base_url, token)  # warm the sandbox's caches before timing anything

    bare_times: list[float] = []
    sync_times: list[float] = []
    sync = transport = None
    for index in range(repeat):
        elapsed, requests, items = bare_loop(base_url, token)
        bare_times.append(elapsed)
        print(f"  bare httpx loop: {elapsed:6.2f} s  ({requests} requests, {items} items)")
        elapsed, with_cache, rows, sync, transport = full_sync(
            base_url, token, work / f"sync{index}.sqlite3"
        )
        sync_times.append(elapsed)
        print(f"  SyncService    : {elapsed:6.2f} s  ({transport.requests} requests, {rows} rows;"
              f" disk cache written by {with_cache:.2f} s)")
    bare = statistics.median(bare_times)
    full = statistics.median(sync_times)
    ratio = full / bare
    print(f"full sync {full:.2f} s vs bare loop {bare:.2f} s: ratio {ratio:.2f}x (goal <= 1.5x)")

    assert sync is not None
    assert transport is not None
    transport.requests = 0
    started = time.perf_counter()
    result = sync.refresh()
    elapsed = time.perf_counter() - started
    print(f"incremental refresh, nothing changed: {transport.requests} requests, "
          f"{len(result.changed_order_ids)} rows changed, {elapsed * 1000:.0f} ms (goal <= 2)")
    return 0 if ratio <= 1.5 and transport.requests <= 2 else 1


if __name__ == "__main__":
    raise SystemExit(main())
