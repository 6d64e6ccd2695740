"""Checking a 10,000-row patient list: read, map, validate every row, find duplicates.

    python tests/benchmarks/import_check.py [--rows 10000] [--synced 10000] [--xlsx]

Writes a CSV (or XLSX) of fake people (some rows with problems, some duplicates), against an
order list of ``--synced`` orders, and times `read_table` + `ImportCheck` (best of 3).
Goal: ≤ 2 s for 10,000 rows. Prints ``check 10000 rows (…): X.XX s wall, Y.YY s CPU (goal
2.00 s)``; on a shared machine the CPU figure is the steadier one.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.services.import_mapping import guess_mapping
from app.services.order_import import ImportCheck
from app.services.order_rules import OrderInfo, build_row
from app.services.spreadsheets import read_table

GOAL_S = 2.0
HEADERS = ["First Name", "Last Name", "E-mail", "Phone", "Address Line 1", "City",
           "State/Province", "ZIP/Postal Code", "Kit Type"]  # fmt: skip
PLACES = [("Boston", "MA", "2134", "617"), ("San Francisco", "CA", "94105", "415"),
          ("Austin", "TX", "78701", "512"), ("Seattle", "WA", "98101", "206"),
          ("Ottawa", "ON", "K1A 0B1", "613")]  # fmt: skip
FIRST = ["Ann", "Bob", "Cy", "Dee", "Eve", "Gus", "Hal", "Ivy", "Jo", "Kim"]
LAST = ["Testperson", "Fakename", "Placeholder", "Sample", "Example", "Dummy", "Mockley",
        "Stand-In", "O'Test", "Lévesque"]  # fmt: skip


def fake_rows(count: int) -> list[list[object]]:
    rows: list[list[object]] = []
    for n in range(count):
        city, state, zip_code, area = PLACES[n % len(PLACES)]
        first = FIRST[n % len(FIRST)]
        last = "" if n % 97 == 0 else LAST[(n // len(FIRST)) % len(LAST)]  # an error now and then
        email = f"person{n % (count - 50)}@example.com"  # the last 50 repeat earlier rows
        street = "PO Box 12" if n % 53 == 0 else f"{n} Fictional Way"
        rows.append([first, last, email, f"{area}555{n % 10000:04d}", street, city, state,
                     zip_code, "Health kit"])  # fmt: skip
    return rows


def write(path: Path, rows: list[list[object]], xlsx: bool) -> None:
    if xlsx:
        import openpyxl

        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet()
        sheet.append(HEADERS)
        for row in rows:
            sheet.append(row)
        book.save(path)
        return
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADERS)
    writer.writerows(rows)
    with open(path, "wb") as handle:
        handle.write(buffer.getvalue().encode("utf-8-sig"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--synced", type=int, default=10_000)
    parser.add_argument("--xlsx", action="store_true")
    args = parser.parse_args()
    now = datetime.now(UTC)
    synced = [
        build_row(OrderInfo(f"ord{n}", "in_progress", "Pat", f"Synced{n}",
                            f"person{n * 7}@example.com", "4155550100", "CA", "US",
                            now - timedelta(days=n % 60), now), [], ["health_kit_1"])
        for n in range(args.synced)
    ]  # fmt: skip
    catalog = {"health_kit_1": "Health kit"}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ("list.xlsx" if args.xlsx else "list.csv")
        write(path, fake_rows(args.rows), args.xlsx)
        timings = []
        for _ in range(3):
            started, cpu_started = time.perf_counter(), time.process_time()
            table = read_table(path)
            read_s = time.perf_counter() - started
            check = ImportCheck(table, guess_mapping(table.headers), catalog=catalog,
                                synced=synced, now=now)  # fmt: skip
            timings.append((time.perf_counter() - started, read_s,
                            time.process_time() - cpu_started))  # fmt: skip
        total, read_s, cpu_s = min(timings)
    print(f"counts {check.counts()}; reading took {read_s:.2f} s of it", file=sys.stderr)
    kind = "XLSX" if args.xlsx else "CSV"
    print(f"check {args.rows} rows ({kind}, {args.synced} synced orders): {total:.2f} s "
          f"wall, {cpu_s:.2f} s CPU (goal {GOAL_S:.2f} s)")  # fmt: skip
    return 0 if total <= GOAL_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
