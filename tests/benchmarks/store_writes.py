"""What encryption at rest costs the writes a desk waits for: an outbox submit, an audit record.

    python tests/benchmarks/store_writes.py [--orders 200] [--records 500]

Each store is measured plaintext (as before issue 16) and encrypted (SQLCipher with a random
data key, as at a desk), alternately, in fresh temporary folders:

- ``outbox submit``: `Outbox.submit` of one order (written durably, synchronous=FULL, before
  it returns; no sender running);
- ``outbox open``: opening an outbox holding ``--orders`` queued orders (once per sign-in);
- ``audit record``: `AuditTrail.record` of one record (fsync'd before it returns).

Prints the median and the 95th percentile of each, and the encrypted/plaintext ratio of the
medians (goal: within 10 %, issue 16). fsync dominates both on most disks.
"""

from __future__ import annotations

import argparse
import secrets
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from app.services.audit import AuditAction, AuditTrail, ObjectKind
from app.services.data_key import DataKey
from app.services.outbox import Outbox
from tests.helpers.outbox import new_order

STAFF = "s-00000000a1"


def _times(fn: Callable[[int], None], count: int) -> list[float]:
    out = []
    for n in range(count):
        start = time.perf_counter()
        fn(n)
        out.append((time.perf_counter() - start) * 1000)
    return out


def _outbox(key: DataKey | None, orders: int) -> tuple[list[float], list[float]]:
    folder = Path(tempfile.mkdtemp(prefix="store-bench-"))
    outbox = Outbox(folder / "outbox.sqlite3", None, key=key)
    submits = _times(lambda n: outbox.submit(new_order(n)) and None, orders)
    outbox.close()
    opens = _times(lambda _n: Outbox(folder / "outbox.sqlite3", None, key=key).close(), 5)
    return submits, opens


def _audit(key: DataKey | None, records: int) -> list[float]:
    folder = Path(tempfile.mkdtemp(prefix="store-bench-"))
    trail = AuditTrail.in_folder(folder, key=key, workstation="BENCH")
    trail.record(AuditAction.SIGN_IN, STAFF)  # the first record opens the store
    return _times(lambda n: trail.record(AuditAction.REPORT_VIEWED, STAFF,
                                         ids={ObjectKind.KIT: f"SPOT{n:06d}"}) and None,
                  records)


def _line(label: str, plain: list[float], sealed: list[float]) -> None:
    def p95(values: list[float]) -> float:
        return sorted(values)[int(len(values) * 0.95) - 1]

    ratio = statistics.median(sealed) / statistics.median(plain)
    print(f"{label:>14}: plaintext median {statistics.median(plain):7.2f} ms "
          f"(p95 {p95(plain):7.2f}) | encrypted median {statistics.median(sealed):7.2f} ms "
          f"(p95 {p95(sealed):7.2f}) | ratio {ratio:.2f}x")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=200)
    parser.add_argument("--records", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=2, help="alternations of the two")
    args = parser.parse_args()
    key = DataKey(secrets.token_bytes(32), "created")
    figures: dict[str, dict[str, list[float]]] = {
        name: {"plain": [], "sealed": []} for name in ("submit", "open", "audit")
    }
    for _round in range(args.rounds):
        for kind, which in (("plain", None), ("sealed", key)):
            submits, opens = _outbox(which, args.orders)
            figures["submit"][kind] += submits
            figures["open"][kind] += opens
            figures["audit"][kind] += _audit(which, args.records)
    _line("outbox submit", figures["submit"]["plain"], figures["submit"]["sealed"])
    _line(f"outbox open {args.orders}", figures["open"]["plain"], figures["open"]["sealed"])
    _line("audit record", figures["audit"]["plain"], figures["audit"]["sealed"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
