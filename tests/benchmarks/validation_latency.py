"""Per-call latency of validate_recipient over 10,000 varied US/CA recipients.

Run: /work/venv/bin/python tests/benchmarks/validation_latency.py [--count N] [--seed S]
Goal (issue 5): median under 1 ms, so validating on every keystroke is free.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from typing import Any

from app.validation import normalize_recipient, validate_recipient

# (good values, bad values): each field is bad with probability BAD_RATE.
BAD_RATE = 0.1
FIRST = (["Alice", "José", "Nguyễn", "Mary Ann", "Zoë", "李"], ["", "J0hn", "A" * 120])
LAST = (["Example", "Smith-Jones", "D’Angelo", "Exemple", "Van der Example"], ["", "12345"])
EMAILS = (
    ["alice@example.com", "bob.example+kit@example.org", "  Alice@EXAMPLE.com ", "j@example.ca"],
    ["no-at-sign.example.com", "x@example", "", "a b@example.com"],
)
US_PHONES = (
    ["415-555-0123", "(212) 555-0100", "+1 312 555 0142", "1 (206) 555-0177 ext 12"],
    ["1234567890", "911-555-0123", "415-055-0123", "604-555-0142", "555-0123", "", "call me",
     "+44 20 7946 0018"],
)  # fmt: skip
CA_PHONES = (
    ["416-555-0199", "(604) 555-0142", "+1 514 555 0123"],
    ["415-555-0123", "", "0"],
)
STREETS = (
    ["{n} Example Ave", "{n} Example St Apt 4", "{n}-100 Example Rd", "{n} Example Blvd NW"],
    ["PO Box {n}", "P.O. Box {n}", "{n} Example Boulevard Northwest Extraordinarily Long Name", ""],
)
US_PLACES = (
    [("San Francisco", "CA", "94105"), ("New York", "NY", "10001"),
     ("Springfield", "IL", "62704"), ("Example City", "WA", "98101-1234"),
     ("Example", "MA", "021081234")],
    [("Anytown", "CA", "10001"), ("APO", "AE", "09001"), ("Hagåtña", "GU", "96910"),
     ("Nowhere", "XX", "00012"), ("Example", "TX", "7330"), ("Example", "NY", "")],
)  # fmt: skip
CA_PLACES = (
    [("Toronto", "ON", "M5V 2T6"), ("Montréal", "QC", "h2x1y4"), ("Ottawa", "QC", "K1A 0B1"),
     ("Vancouver", "BC", "V5K 0A1"), ("Iqaluit", "NU", "X0A 1H0")],
    [("Calgary", "ON", "T2P 1J9"), ("Nowhere", "ON", "D1A 1A1"), ("Example", "ZZ", "W1A 1A1")],
)  # fmt: skip


def pick(rng: random.Random, pools: tuple[list[Any], list[Any]]) -> Any:
    good, bad = pools
    return rng.choice(bad if rng.random() < BAD_RATE else good)


def make_recipient(rng: random.Random) -> dict[str, Any]:
    canadian = rng.random() < 0.35
    city, state, postal = pick(rng, CA_PLACES if canadian else US_PLACES)
    street = pick(rng, STREETS).format(n=rng.randint(1, 99999))
    address: dict[str, Any] = {
        "street1": street,
        "city": city,
        "state": state,
        "zip": postal,
        "country": "CA" if canadian else rng.choice(["US", "US", "US", "usa"]),
    }
    if rng.random() < 0.3:
        address["street2"] = rng.choice(["Apt 4", "Suite 100", "Unit B", "Box 12", ""])
    return {
        "first_name": pick(rng, FIRST),
        "last_name": pick(rng, LAST),
        "email": pick(rng, EMAILS),
        "phone": pick(rng, CA_PHONES if canadian else US_PHONES),
        "address": address,
    }


def percentile(sorted_values: list[float], fraction: float) -> float:
    index = min(len(sorted_values) - 1, round(fraction * (len(sorted_values) - 1)))
    return sorted_values[index]


def measure(recipients: list[dict[str, Any]], function: Any) -> list[float]:
    timings = []
    for recipient in recipients:
        start = time.perf_counter_ns()
        function(recipient)
        timings.append((time.perf_counter_ns() - start) / 1_000_000)
    timings.sort()
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    recipients = [make_recipient(rng) for _ in range(args.count)]
    validate_recipient(recipients[0])  # first call pays the lazy metadata loads; report it apart

    findings = [validate_recipient(r) for r in recipients]
    clean = sum(1 for f in findings if not f)
    blocked = sum(1 for f in findings if any(x.severity == "error" for x in f))
    print(
        f"{args.count} recipients: {clean} clean, {blocked} with an error, "
        f"{args.count - clean - blocked} with warnings only"
    )
    for name, function in (
        ("validate_recipient", validate_recipient),
        ("normalize_recipient", normalize_recipient),
    ):
        timings = measure(recipients, function)
        print(
            f"{name:20s} median {statistics.median(timings):.3f} ms   "
            f"p95 {percentile(timings, 0.95):.3f} ms   max {timings[-1]:.3f} ms"
        )


if __name__ == "__main__":
    main()
