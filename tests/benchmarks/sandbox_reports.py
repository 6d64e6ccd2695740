"""What a seeded sandbox holds in reports: how many, which flags, and when they were released.

    python tests/benchmarks/sandbox_reports.py [--orders 300] [--rng-seeds 1 77 1234]

For the results inbox (issue 18): seeds a fresh sandbox (clock frozen) and counts, as of the
seed time, the orders with reports, the released reports by flag (out of range = at least one
result outside its reference range or a positive reactivity; partial; amended) and by age.
Then it counts the reports that arrive after the seed time, by flag, within 1, 3, 7 and 30
sandbox days: with the go-live date at the first start, that is what the inbox fills with
(at the app's default speed of 3600, a sandbox day passes in 24 real seconds).
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter
from pathlib import Path

from app.sandbox import SandboxServer
from app.sandbox.lifecycle import DAY
from app.sandbox.reports import result_flag
from app.sandbox.store import Store

AGE_BUCKETS = ((3, "<=3d"), (7, "3-7d"), (14, "7-14d"), (30, "14-30d"), (float("inf"), ">30d"))
HORIZONS = (1, 3, 7, 30)


def flags(store: Store, report_id: str, at: float) -> Counter[str]:
    info = store.report(report_id, at, "")
    assert info is not None
    out: Counter[str] = Counter(reports=1)
    if any(result_flag(r) for r in info.report["results"]):
        out["out_of_range"] += 1
    if info.partial:
        out["partial"] += 1
    if info.report["is_amendment"]:
        out["amended"] += 1
        if info.amends is None:
            out["amendment_without_original"] += 1
    return out


def line(counts: Counter[str]) -> str:
    keys = ("reports", "out_of_range", "partial", "amended", "amendment_without_original")
    return " ".join(f"{k}={counts[k]}" for k in keys if k in counts or k != keys[-1])


def measure(orders: int, rng_seed: int) -> None:
    with tempfile.TemporaryDirectory(prefix="sandbox-reports-") as folder, SandboxServer(
        Path(folder), rng_seed=rng_seed
    ) as sandbox:
        sandbox.seed(orders)
        store = sandbox.app.store
        now = sandbox.app.clock.now()
        released = store.released_reports(now)
        owners = {store.report(rid, now, "").kit_id for rid, _t in released}  # type: ignore[union-attr]
        with_reports = {store.kit_order(kit_id) for kit_id in owners if kit_id}
        totals: Counter[str] = Counter()
        ages: Counter[str] = Counter()
        for report_id, at in released:
            totals += flags(store, report_id, now)
            age = (now - at) / DAY
            ages[next(name for limit, name in AGE_BUCKETS if age <= limit)] += 1
        print(f"rng_seed={rng_seed}: {orders} orders, {len(with_reports)} with reports "
              f"({len(with_reports) / orders:.0%}), {len(owners)} kits with reports")
        print(f"  released by seed time: {line(totals)}")
        print("  release age at seed time: "
              + " ".join(f"{name}={ages[name]}" for _limit, name in AGE_BUCKETS))
        for days in HORIZONS:
            later = [(rid, at) for rid, at in store.released_reports(now + days * DAY)
                     if at > now]
            arrived: Counter[str] = Counter()
            for report_id, _at in later:
                arrived += flags(store, report_id, now + days * DAY)
            print(f"  arriving within {days:>2} sandbox day(s) after seeding: {line(arrived)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=300)
    parser.add_argument("--rng-seeds", type=int, nargs="+", default=[1, 77, 1234])
    args = parser.parse_args()
    for rng_seed in args.rng_seeds:
        measure(args.orders, rng_seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
