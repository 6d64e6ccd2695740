"""Progress, needs-attention and duplicate rules, and the order store the list reads."""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.services.order_rules import (
    KitInfo,
    OrderInfo,
    OrderRow,
    Progress,
    build_row,
    find_duplicates,
    needs_attention,
    progress_for,
    results_to_review,
)
from app.services.order_store import OrderStore

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def order(order_id: str = "O0000001", *, updated: datetime = T0, **kw: str) -> OrderInfo:
    fields = {
        "status": "in_progress",
        "first_name": "Testy",
        "last_name": "McFakeface",
        "email": "testy.fake@example.com",
        "phone": "(415) 555-0100",
        "state": "CA",
        "country": "US",
    }
    fields.update(kw)
    return OrderInfo(order_id=order_id, created=T0 - timedelta(days=1), updated=updated, **fields)


def kit(
    kit_id: str,
    order_id: str | None = "O0000001",
    kit_status: str = "preparing",
    sample_status: str = "awaiting_collection",
    *,
    updated: datetime = T0,
    kit_type: str = "kit_a",
) -> KitInfo:
    return KitInfo(
        kit_id=kit_id,
        kit_type=kit_type,
        order_id=order_id,
        kit_status=kit_status,
        sample_status=sample_status,
        created=T0 - timedelta(hours=1),
        updated=updated,
    )


@pytest.mark.parametrize(
    ("kits", "samples", "order_status", "label", "tone"),
    [
        ((), (), "pending", "Awaiting fulfilment", "neutral"),
        ((), (), "canceled", "Canceled", "neutral"),
        ((), (), "on_hold", "on_hold", "neutral"),
        (("preparing",), ("awaiting_collection",), "in_progress", "Kit preparing", "neutral"),
        (("pending",), ("awaiting_collection",), "in_progress", "Kit preparing", "neutral"),
        (("in_transit",), ("awaiting_collection",), "", "Kit shipped", "active"),
        (("delivered",), ("awaiting_collection",), "", "Kit delivered", "active"),
        (("registered",), ("awaiting_collection",), "", "Kit registered", "active"),
        (("registered",), ("in_transit",), "", "Sample on its way", "active"),
        (("registered",), ("delivered",), "", "Sample at lab", "active"),
        (("registered",), ("received",), "", "Sample at lab", "active"),
        (("registered",), ("extra_quality_checks",), "", "Sample at lab", "active"),
        (("registered",), ("partially_resulted",), "", "Partially resulted", "good"),
        (("registered",), ("resulted",), "completed", "Results ready", "good"),
        (("delivery_exception",), ("awaiting_collection",), "", "Delivery exception", "warning"),
        (("registered",), ("delivery_exception",), "", "Delivery exception", "warning"),
        (("registered",), ("collection_exception",), "", "Collection exception", "warning"),
        (("canceled",), ("canceled",), "", "Canceled", "neutral"),
        # Several kits: the least advanced live kit, results only when all are in.
        (
            ("registered", "in_transit"),
            ("in_transit", "awaiting_collection"),
            "",
            "Kit shipped",
            "active",
        ),
        (
            ("registered", "registered"),
            ("resulted", "in_transit"),
            "",
            "Partially resulted",
            "good",
        ),
        (("registered", "registered"), ("resulted", "resulted"), "", "Results ready", "good"),
        (("registered", "canceled"), ("resulted", "canceled"), "", "Results ready", "good"),
        (
            ("registered", "registered"),
            ("resulted", "collection_exception"),
            "",
            "Collection exception",
            "warning",
        ),
        # Statuses Spot adds later are shown as they come, never a crash.
        (("lost_in_space",), ("awaiting_collection",), "", "lost_in_space", "neutral"),
        (("registered",), ("rejected",), "", "rejected", "neutral"),
        (("registered", "registered"), ("rejected", "resulted"), "", "rejected", "neutral"),
        # A missing sample status reads as "not collected yet".
        (("delivered",), (), "", "Kit delivered", "active"),
    ],
)
def test_progress_for(
    kits: tuple[str, ...], samples: tuple[str, ...], order_status: str, label: str, tone: str
) -> None:
    progress = progress_for(kits, samples, order_status)
    assert (progress.label, progress.tone) == (label, tone)


def test_progress_ranks_follow_the_lifecycle() -> None:
    path = [
        progress_for((), ()),
        progress_for(("preparing",), ("awaiting_collection",)),
        progress_for(("in_transit",), ("awaiting_collection",)),
        progress_for(("delivered",), ("awaiting_collection",)),
        progress_for(("registered",), ("awaiting_collection",)),
        progress_for(("registered",), ("in_transit",)),
        progress_for(("registered",), ("received",)),
        progress_for(("registered",), ("partially_resulted",)),
        progress_for(("registered",), ("resulted",)),
    ]
    ranks = [p.rank for p in path]
    assert ranks == sorted(ranks)
    assert len(set(ranks)) == len(ranks)


def row_with(
    kit_status: str, sample_status: str, since: datetime, kit_id: str = "SPOT000001"
) -> OrderRow:
    return build_row(
        order(), [kit(kit_id, kit_status=kit_status, sample_status=sample_status, updated=since)]
    )


@pytest.mark.parametrize(
    ("kit_status", "sample_status", "age_days", "reasons"),
    [
        ("preparing", "awaiting_collection", 40, []),
        ("delivered", "awaiting_collection", 13, []),
        (
            "delivered",
            "awaiting_collection",
            15,
            ["Kit delivered over 14 days ago, not registered"],
        ),
        ("registered", "awaiting_collection", 30, []),
        ("registered", "in_transit", 9, []),
        ("registered", "in_transit", 11, ["Sample on its way to the lab for over 10 days"]),
        # Results waiting to be opened are not a problem: they have their own view.
        ("registered", "resulted", 1, []),
        ("registered", "partially_resulted", 1, []),
        ("delivery_exception", "awaiting_collection", 0, ["Delivery exception"]),
        ("registered", "collection_exception", 0, ["Collection exception"]),
        ("registered", "delivery_exception", 0, ["Delivery exception"]),
        ("mystery", "mystery_sample", 99, []),
    ],
)
def test_needs_attention(
    kit_status: str, sample_status: str, age_days: int, reasons: list[str]
) -> None:
    now = T0 + timedelta(days=age_days)
    row = row_with(kit_status, sample_status, T0)
    assert needs_attention(row, now) == reasons


def test_needs_attention_lists_each_reason_once() -> None:
    row = build_row(
        order(),
        [
            kit("SPOT000001", kit_status="delivery_exception"),
            kit("SPOT000002", kit_status="delivery_exception"),
            kit("SPOT000003", kit_status="registered", sample_status="resulted"),
        ],
    )
    assert needs_attention(row, T0) == ["Delivery exception"]


def test_results_to_review_are_unopened_results_newer_than_the_first_start() -> None:
    row = build_row(
        order(),
        [
            kit("SPOT000001", kit_status="registered", sample_status="resulted"),
            kit("SPOT000002", kit_status="registered", sample_status="partially_resulted"),
            kit("SPOT000003", kit_status="registered", sample_status="in_transit"),
        ],
    )
    assert results_to_review(row, set()) == ("SPOT000001", "SPOT000002")
    assert results_to_review(row, {"SPOT000001"}) == ("SPOT000002",)
    # A new workstation: results from before its first start are not new.
    assert results_to_review(row, set(), since=T0 + timedelta(days=1)) == ()
    assert results_to_review(row, set(), since=T0) == ("SPOT000001", "SPOT000002")


def test_search_text_holds_name_email_phone_digits_and_ids() -> None:
    row = build_row(order(phone="+1 (415) 555-0100"), [kit("SPOT000042")])
    for needle in (
        "testy",
        "mcfakeface",
        "testy.fake@example.com",
        "4155550100",
        "o0000001",
        "spot000042",
    ):
        assert needle in row.search_text


def test_kit_types_come_from_kits_else_from_what_we_placed() -> None:
    assert build_row(order(), [], ["kit_b"]).kit_types == ("kit_b",)
    assert build_row(order(), [kit("SPOT1", kit_type="kit_c")], ["kit_b"]).kit_types == ("kit_c",)


class TestFindDuplicates:
    now = T0 + timedelta(days=2)

    def rows(self) -> list[OrderRow]:
        return [
            build_row(order("O1"), [kit("SPOT1", "O1", kit_type="kit_a")]),
            build_row(
                order(
                    "O2",
                    email="other@example.com",
                    first_name="Ima",
                    last_name="Placeholder",
                    phone="415-555-0111",
                ),
                [kit("SPOT2", "O2", kit_type="kit_b")],
            ),
            build_row(order("O3", email="pending@example.com"), [], []),
        ]

    def test_same_email_and_kit_type(self) -> None:
        found = find_duplicates(
            self.rows(), {"email": "TESTY.fake@example.com"}, ["kit_a"], self.now
        )
        assert [r.order_id for r in found] == ["O1"]

    def test_other_kit_type_is_not_a_duplicate(self) -> None:
        assert (
            find_duplicates(self.rows(), {"email": "testy.fake@example.com"}, ["kit_z"], self.now)
            == []
        )

    def test_same_name_and_phone_with_another_email(self) -> None:
        recipient = {
            "email": "new@example.com",
            "first_name": "ima",
            "last_name": "PLACEHOLDER",
            "phone": "+1 415 555 0111",
        }
        assert [
            r.order_id for r in find_duplicates(self.rows(), recipient, ["kit_b"], self.now)
        ] == ["O2"]

    def test_same_name_other_phone_is_not_a_duplicate(self) -> None:
        recipient = {
            "email": "new@example.com",
            "first_name": "Ima",
            "last_name": "Placeholder",
            "phone": "415-555-0999",
        }
        assert find_duplicates(self.rows(), recipient, ["kit_b"], self.now) == []

    def test_older_than_the_window_is_ignored(self) -> None:
        assert (
            find_duplicates(
                self.rows(), {"email": "testy.fake@example.com"}, ["kit_a"], T0 + timedelta(days=40)
            )
            == []
        )

    def test_unknown_kit_types_count_as_overlap(self) -> None:
        found = find_duplicates(self.rows(), {"email": "pending@example.com"}, ["kit_a"], self.now)
        assert [r.order_id for r in found] == ["O3"]


class TestOrderStore:
    def test_joins_kits_to_orders_in_any_arrival_order(self) -> None:
        store = OrderStore()
        store.apply(kits=[kit("SPOT1", kit_status="registered", sample_status="resulted")])
        assert store.rows() == []
        store.apply(orders=[order()])
        row = store.get("O0000001")
        assert row is not None
        assert row.kit_ids == ("SPOT1",)
        assert row.progress.label == "Results ready"

    def test_rows_snapshot_is_reused_until_something_changes(self) -> None:
        store = OrderStore()
        store.apply(orders=[order()])
        first = store.rows()
        version = store.version
        assert store.rows() is first
        change = store.apply(orders=[order()])  # same data again
        assert change.changed_order_ids == frozenset()
        assert store.version == version
        assert store.rows() is first
        change = store.apply(kits=[kit("SPOT1")])
        assert change.changed_order_ids == {"O0000001"}
        assert store.version > version
        assert store.rows() is not first
        assert first[0].kit_ids == ()  # the old snapshot was not mutated

    def test_counts_transitions_into_results_and_exceptions(self) -> None:
        store = OrderStore()
        store.apply([order()], [kit("SPOT1"), kit("SPOT2"), kit("SPOT3")], notify_new_kits=False)
        later = T0 + timedelta(days=5)
        change = store.apply(
            kits=[
                kit("SPOT1", kit_status="registered", sample_status="resulted", updated=later),
                kit(
                    "SPOT2",
                    kit_status="registered",
                    sample_status="partially_resulted",
                    updated=later,
                ),
                kit("SPOT3", kit_status="delivery_exception", updated=later),
            ]
        )
        assert (change.new_results, change.new_exceptions) == (2, 1)
        # Seeing the same statuses again is not news.
        again = store.apply(
            kits=[
                kit("SPOT1", kit_status="registered", sample_status="resulted", updated=later),
                kit("SPOT3", kit_status="delivery_exception", updated=later + timedelta(hours=1)),
            ]
        )
        assert (again.new_results, again.new_exceptions) == (0, 0)

    def test_first_sync_announces_nothing(self) -> None:
        store = OrderStore()
        change = store.apply(
            [order()], [kit("SPOT1", sample_status="resulted")], notify_new_kits=False
        )
        assert (change.new_results, change.new_exceptions) == (0, 0)

    def test_watermarks_track_the_newest_updates(self) -> None:
        store = OrderStore()
        store.apply(
            [order("O1", updated=T0), order("O2", updated=T0 + timedelta(hours=2))],
            [kit("SPOT1", updated=T0 + timedelta(hours=1))],
        )
        assert store.newest_order_update == T0 + timedelta(hours=2)
        assert store.newest_kit_update == T0 + timedelta(hours=1)

    def test_persists_and_reloads(self, tmp_path: Path) -> None:
        db = tmp_path / "data" / "sync.sqlite3"
        store = OrderStore(db)
        store.apply([order()], [kit("SPOT1", kit_status="in_transit")], orders_complete=True)
        store.apply([order("O0000002")])
        store.remember_kit_types("O0000002", ["kit_q"])
        store.close()
        assert stat.S_IMODE(os.stat(db).st_mode) == 0o600

        reloaded = OrderStore(db)
        assert reloaded.load() is True
        assert reloaded.orders_complete is True
        assert reloaded.kit_mark == T0
        assert {r.order_id for r in reloaded.rows()} == {"O0000001", "O0000002"}
        row = reloaded.get("O0000001")
        assert row is not None
        assert row.progress.label == "Kit shipped"
        assert row.updated == T0
        assert reloaded.get("O0000002") is not None
        assert reloaded.get("O0000002").kit_types == ("kit_q",)  # type: ignore[union-attr]

    def test_clear_forgets_everything(self, tmp_path: Path) -> None:
        db = tmp_path / "sync.sqlite3"
        store = OrderStore(db)
        store.apply([order()], [kit("SPOT1")], orders_complete=True)
        store.clear()
        assert store.rows() == []
        assert store.orders_complete is False
        store.close()
        assert OrderStore(db).load() is False


def test_progress_is_plain_and_hashable() -> None:
    assert Progress("x", "neutral", 1) == Progress("x", "neutral", 1)
    assert len({Progress("x", "neutral", 1), Progress("x", "neutral", 1)}) == 1


def test_readers_always_see_a_whole_snapshot_while_the_worker_writes() -> None:
    store = OrderStore()
    errors: list[BaseException] = []
    done = threading.Event()

    def read() -> None:
        try:
            while not done.is_set():
                rows = store.rows()
                assert len({row.order_id for row in rows}) == len(rows)
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)

    reader = threading.Thread(target=read)
    reader.start()
    for batch in range(20):
        store.apply([order(f"O{batch:03d}{n:04d}") for n in range(200)],
                    [kit(f"SPOT{batch:02d}{n:04d}", f"O{batch:03d}{n:04d}") for n in range(200)])
    done.set()
    reader.join()
    assert errors == []
    assert len(store.rows()) == 4000


def test_a_failed_cache_write_leaves_the_last_whole_snapshot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "sync.sqlite3"
    store = OrderStore(db)
    store.apply([order("O1")], orders_complete=True)
    store.flush()
    real_connect = store._connect

    def broken_disk() -> sqlite3.Connection:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(store, "_connect", broken_disk)
    store.apply([order("O2", updated=T0 + timedelta(hours=1))])
    store.flush()
    monkeypatch.setattr(store, "_connect", real_connect)
    store.apply([order("O3", updated=T0 + timedelta(hours=2))])
    store.close()
    assert {r.order_id for r in store.rows()} == {"O1", "O2", "O3"}  # the list is unharmed

    reloaded = OrderStore(db)
    reloaded.load()
    # O3 was not written after O2 failed: a cache with O3 but not O2 would hide O2 forever.
    assert {r.order_id for r in reloaded.rows()} == {"O1"}
    assert reloaded.newest_order_update == T0
