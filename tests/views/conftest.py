"""Shared fixtures for view tests: obviously fake order rows built the way sync builds them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta

import pytest

from app.services.state import KitInfo, OrderInfo, OrderRow, build_row

BASE_TIME = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)

MakeRow = Callable[..., OrderRow]


def make_row(
    order_id: str,
    *,
    first_name: str = "Testy",
    last_name: str = "Example",
    email: str | None = None,
    phone: str = "+1 555-010-0100",
    status: str = "in_progress",
    state: str = "CA",
    country: str = "US",
    created: datetime = BASE_TIME,
    updated: datetime | None = None,
    kits: Sequence[tuple[str, str, str, str]] = (),
) -> OrderRow:
    """One order row; ``kits`` are (kit_id, kit_type, kit_status, sample_status)."""
    order = OrderInfo(
        order_id=order_id,
        status=status,
        first_name=first_name,
        last_name=last_name,
        email=email if email is not None else f"{first_name.lower()}@example.test",
        phone=phone,
        state=state,
        country=country,
        created=created,
        updated=updated or created,
    )
    kit_infos = [
        KitInfo(
            kit_id=kit_id,
            kit_type=kit_type,
            order_id=order_id,
            kit_status=kit_status,
            sample_status=sample_status,
            created=created,
            updated=updated or created,
        )
        for kit_id, kit_type, kit_status, sample_status in kits
    ]
    return build_row(order, kit_infos)


@pytest.fixture
def row_factory() -> MakeRow:
    return make_row


@pytest.fixture
def sample_rows() -> list[OrderRow]:
    """A small, varied list: every progress tone, an unknown status, two provinces."""
    day = timedelta(days=1)
    return [
        make_row(
            "O0000001", first_name="Ada", last_name="Fakename", phone="(555) 010-0001",
            status="pending", created=BASE_TIME, updated=BASE_TIME + day,
        ),
        make_row(
            "O0000002", first_name="Bert", last_name="Notreal", phone="555.010.0002",
            created=BASE_TIME + day, updated=BASE_TIME + 2 * day,
            kits=[("SPOTTEST0002", "adx100", "delivered", "awaiting_collection")],
        ),
        make_row(
            "O0000003", first_name="Cora", last_name="Sample", state="ON", country="CA",
            status="completed", created=BASE_TIME + 2 * day, updated=BASE_TIME + 3 * day,
            kits=[("SPOTTEST0003", "saliva_3", "registered", "resulted")],
        ),
        make_row(
            "O0000004", first_name="Dale", last_name="Mockson",
            created=BASE_TIME + 3 * day, updated=BASE_TIME + 4 * day,
            kits=[("SPOTTEST0004", "hemaspot_hf", "delivery_exception", "")],
        ),
        make_row(
            "O0000005", first_name="Eve", last_name="Aaronfake", status="on_hold_by_lab",
            created=BASE_TIME + 4 * day, updated=BASE_TIME + 5 * day,
            kits=[("SPOTTEST0005", "adx100", "registered", "teleported")],
        ),
    ]
