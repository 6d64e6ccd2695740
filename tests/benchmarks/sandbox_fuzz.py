"""Sandbox figures: seeding speed, list latency at size, and a long schemathesis fuzz run.

    python tests/benchmarks/sandbox_fuzz.py [--orders 10000] [--examples 200]

Seeds a fresh sandbox, times list/get requests over it, then fuzzes every operation of
openapi.yaml (positive and negative data) and counts answers by status. Goals: seeding
10,000 orders < 10 s; zero 5xx and zero undocumented statuses. The last line is
machine-readable: ``seed_s=… list_ms=… fuzz_cases=… server_errors=… undocumented=…``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import httpx
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

from app.sandbox import SandboxServer

SPEC = Path(__file__).resolve().parents[1] / "sandbox" / "openapi.yaml"


def _median_ms(http: httpx.Client, path: str, params: dict[str, str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = http.get(path, params=params)
        times.append((time.perf_counter() - started) * 1000)
        response.raise_for_status()
    return statistics.median(times)


def _send(case: schemathesis.Case, base_url: str, session: requests.Session,
          headers: dict[str, str], statuses: Counter[tuple[str, int]],
          undocumented: Counter[tuple[str, int]]) -> None:
    if case.headers:
        case.headers.pop("Authorization", None)  # generated headers never replace the token
    response = case.call(base_url=base_url, session=session, headers=headers, timeout=10)
    label = case.operation.label
    statuses[(label, response.status_code)] += 1
    if str(response.status_code) not in case.operation.definition.raw["responses"]:
        undocumented[(label, response.status_code)] += 1


def _fuzz(operation: Any, mode: GenerationMode, examples: int,
          send: Callable[[schemathesis.Case], None]) -> None:
    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case: schemathesis.Case) -> None:
        send(case)

    run()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--orders", type=int, default=10_000)
    parser.add_argument("--examples", type=int, default=200)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder, SandboxServer(Path(folder), rng_seed=1) as sb:
        started, cpu = time.perf_counter(), time.process_time()
        sb.seed(args.orders)
        seed_s = time.perf_counter() - started
        print(f"seed {args.orders} orders: {seed_s:.2f} s wall, "
              f"{time.process_time() - cpu:.2f} s CPU")
        started = time.perf_counter()
        sb.advance(3)
        print(f"advance 3 days over them: {time.perf_counter() - started:.2f} s")
        headers = {"Authorization": f"Token {sb.token}"}
        with httpx.Client(base_url=sb.base_url, headers=headers) as http:
            list_ms = _median_ms(http, "/api/v2/orders/", {"results": "100"}, 20)
            deep_ms = _median_ms(http, "/api/v2/orders/",
                                 {"results": "100", "offset": str(args.orders - 100)}, 10)
            filter_ms = _median_ms(http, "/api/v2/kits/",
                                   {"results": "100", "sample_status": "resulted"}, 20)
            order_id = http.get("/api/v2/orders/").json()[0]["order_id"]
            get_ms = _median_ms(http, f"/api/v2/orders/{order_id}/", {}, 20)
        print(f"list orders (100): {list_ms:.1f} ms median; last page: {deep_ms:.1f} ms; "
              f"kits by sample status: {filter_ms:.1f} ms; get order: {get_ms:.1f} ms")

        schema = schemathesis.openapi.from_path(SPEC)
        statuses: Counter[tuple[str, int]] = Counter()
        undocumented: Counter[tuple[str, int]] = Counter()
        with requests.Session() as session:
            started = time.perf_counter()
            for result in schema.get_all_operations():
                operation = result.ok()
                for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
                    _fuzz(operation, mode, args.examples, lambda case: _send(
                        case, sb.base_url, session, headers, statuses, undocumented))
            fuzz_s = time.perf_counter() - started
    cases = sum(statuses.values())
    errors = sum(n for (_label, code), n in statuses.items() if code >= 500)
    for (label, code), count in sorted(statuses.items()):
        print(f"  {label:45} {code}: {count}")
    print(f"fuzz: {cases} cases in {fuzz_s:.1f} s; 5xx: {errors}; "
          f"undocumented statuses: {dict(undocumented) or 0}")
    print(f"seed_s={seed_s:.2f} list_ms={list_ms:.1f} fuzz_cases={cases} "
          f"server_errors={errors} undocumented={sum(undocumented.values())}")
    return 1 if errors or undocumented else 0


if __name__ == "__main__":
    sys.exit(main())
