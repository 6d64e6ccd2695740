"""A patient list as the EHR exports it (fake people only), as CSV and as XLSX."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from app.api import SpotClient, models
from app.sandbox import SandboxServer
from app.services.audit import AuditAction, ObjectKind
from app.services.import_batch import (
    PreparedRow,
)
from app.services.order_rules import OrderInfo, OrderRow, build_row

if TYPE_CHECKING:
    from app.services.acting import Actor

HEADERS = ["First Name", "Last Name", "E-mail", "Phone", "Address Line 1", "City",
           "State/Province", "ZIP/Postal Code", "Kit Type"]  # fmt: skip
CATALOG = {"health_kit_1": "Health kit", "hba1c_kit": "HbA1c"}
NOW = datetime(2026, 12, 1, 15, 0, tzinfo=UTC)
# Row 1 is the header; row 8 is blank. ZIPs and phones are numbers, as Excel makes them.
ROWS: list[list[object]] = [
    ["Ann", "Testperson", "ann.t@example.com", 4155550142, "1 Main St", "Boston", "MA",
     2134, "Health kit"],                                                     # 2 ZIP lost its 0
    ["Bob", "", "bob.t@example.com", 4155550143, "2 Elm St", "Boston", "MA", "02134",
     "Health kit"],                                                           # 3 no last name
    ["Cy", "Fakename", "cy.fakename@", 4155550144, "3 Oak St", "Boston", "MA", "02134",
     "health_kit_1"],                                                         # 4 bad email
    ["Dee", "Placeholder", "dee.p@example.com", 5125550145, "PO Box 12", "Austin", "TX",
     78701, "HbA1c"],                                                         # 5 PO box
    ["Ann", "Testperson", "ANN.T@example.com", 4155550142, "1 Main St", "Boston", "MA",
     "02134", "Health kit"],                                                  # 6 same as 2
    ["Eve", "Sample", "eve.s@example.com", 4155550146, "6 Pine St", "San Francisco", "CA",
     94105, "Blood kit"],                                                     # 7 unknown kit
    [],                                                                       # 8 blank
    ["Zoë", "Lévesque", "zoe.l@example.com", 6135550147, "24 Sussex Dr", "Ottawa", "ON",
     "K1A 0B1", "Health kit"],                                                # 9 ready (CA)
    ["Gus", "Synced", "gus.s@example.com", 4155550148, "9 Bay St", "San Francisco", "CA",
     94105, "Health kit"],                                                    # 10 synced dup
    ["Hal", "Ready", "hal.r@example.com", 4155550149, "10 Bay St", "San Francisco", "CA",
     "94105", "HbA1c"],                                                       # 11 ready
]
EXPECTED = {
    2: {("warning", "zip")},
    3: {("error", "last_name")},
    4: {("error", "email")},
    5: {("warning", "street1")},
    6: {("duplicate", "email")},
    7: {("error", "kit_type")},
    9: set(),
    10: {("duplicate", "email")},
    11: set(),
}


def synced_orders() -> list[OrderRow]:
    """The order list as synced: Gus got a health kit last week."""
    info = OrderInfo("ord_gus", "in_progress", "Gus", "Synced", "gus.s@example.com",
                     "4155550148", "CA", "US", NOW - timedelta(days=7),
                     NOW - timedelta(days=6))  # fmt: skip
    return [build_row(info, [], ["health_kit_1"])]


def csv_text(delimiter: str = ",") -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(HEADERS)
    for row in ROWS:
        writer.writerow(row)
    return buffer.getvalue()


def write_csv(path: Path, *, encoding: str = "utf-8-sig", delimiter: str = ",") -> Path:
    with open(path, "wb") as handle:
        handle.write(csv_text(delimiter).encode(encoding))
    return path


def write_xlsx(path: Path) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADERS)
    for number, row in enumerate(ROWS, start=2):
        for column, value in enumerate(row, start=1):
            sheet.cell(row=number, column=column, value=value)  # type: ignore[arg-type]
    book.save(path)
    return path


def delivered_kit_on(sandbox: SandboxServer, metadata: dict[str, object] | None = None
                     ) -> tuple[str, str]:  # fmt: skip
    """Order a kit for Ann and move the sandbox clock until it is delivered (not registered);
    returns (order id, kit id)."""
    with SpotClient(sandbox.base_url, sandbox.token) as client:
        order = client.create_order(models.NewOrder(
            metadata=metadata,
            kit_types=["health_kit_1"],
            recipient=models.Recipient(
                first_name="Ann", last_name="Testperson", email="ann.t@example.com",
                phone="4155550142",
                address=models.Address(street1="1 Main St", city="Boston", state="MA",
                                       country="US", zip="02134"),
            ),
        ))  # fmt: skip
        for _day in range(30):
            sandbox.advance(1)
            kits = client.get_order(order.order_id).kits
            if kits and kits[0].status == "delivered":
                return order.order_id, kits[0].kit_id
    raise AssertionError("the sandbox never delivered the kit")


def fake_rows(count: int, first: int = 2) -> list[PreparedRow]:
    return [
        PreparedRow(
            number,
            models.NewOrder(
                kit_types=["health_kit_1"],
                recipient=models.Recipient(
                    first_name="Batch",
                    last_name=f"Testperson{number}",
                    email=f"batch{number}@example.com",
                    phone="4155550123",
                    address=models.Address(street1=f"{number} Fictional Way",
                                           city="San Francisco", state="CA", country="US",
                                           zip="94105"),
                ),
            ),
        )
        for number in range(first, first + count)
    ]


class RecordingStaff:
    """An `ActingStaff` whose staff member is Fay (FD); the records it was asked to write."""

    STAFF_ID = "s-00000000f1"

    def __init__(self) -> None:
        from app.services.acting import Actor

        self.current: Actor | None = Actor("FD", self.STAFF_ID)
        self.records: list[tuple[str, dict[str, str], str | None, str]] = []

    def actor(self) -> Actor | None:
        return self.current

    def record(self, action: AuditAction, ids: Mapping[ObjectKind, str], detail: str | None,
               actor: Actor) -> None:
        self.records.append((action.value, {k.value: v for k, v in ids.items()}, detail,
                             actor.staff_id))
