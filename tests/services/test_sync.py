"""Sync: first a full walk, then incremental refreshes that cost as few requests as possible.

The real SpotClient talks to a small in-memory Spot behind httpx.MockTransport that sorts,
filters and pages like SPEC §4; every request is counted at the transport.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.api import SpotClient, errors, models
from app.services.order_store import OrderStore
from app.services.outbox import Outbox
from app.services.sync import Notification, NotSignedIn, SyncService

T0 = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)


def iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


class FakeSpotHTTP:
    def __init__(self) -> None:
        self.orders: dict[str, dict[str, Any]] = {}
        self.kits: dict[str, dict[str, Any]] = {}
        self.requests: list[httpx.Request] = []
        self.fail_after: int | None = None  # answer 400 to requests after this many
        self.clock = T0
        # Spot's day filters are dates in the server's own zone, which is not documented.
        self.server_utc_offset = timedelta(0)

    def tick(self, minutes: float = 1) -> datetime:
        self.clock += timedelta(minutes=minutes)
        return self.clock

    def add_order(self, n: int, *, email: str | None = None) -> str:
        order_id = f"O{n:07d}"
        now = iso(self.tick())
        self.orders[order_id] = {
            "order_id": order_id, "status": "pending",
            "recipient": {"first_name": "Testy", "last_name": f"Fake{n}",
                          "email": email or f"fake{n}@example.com", "phone": "4155550100",
                          "address": {"street1": "1 Nowhere Ln", "city": "Springfield",
                                      "state": "CA", "country": "US", "zip": "94105"}},
            "created": now, "updated": now,
        }
        return order_id

    def touch_order(self, order_id: str, status: str = "in_progress") -> None:
        self.orders[order_id]["status"] = status
        self.orders[order_id]["updated"] = iso(self.tick())

    def set_kit(self, kit_id: str, order_id: str, kit_status: str = "preparing",
                sample_status: str = "awaiting_collection", kit_type: str = "kit_a",
                *, bump_order: bool = True) -> None:
        """A kit moves; like Spot (and our sandbox) its order's ``updated`` moves with it."""
        now = iso(self.tick())
        kit = self.kits.get(kit_id)
        if kit is None:
            kit = {"kit_id": kit_id, "kit_type": kit_type, "order_id": order_id, "created": now}
            self.kits[kit_id] = kit
        kit.update(kit_status=kit_status, sample_status=sample_status, updated=now)
        if bump_order and order_id in self.orders:
            self.orders[order_id]["updated"] = now

    def server_day(self, stamp: str) -> str:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
        return (moment + self.server_utc_offset).date().isoformat()

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.fail_after is not None and len(self.requests) > self.fail_after:
            return httpx.Response(400, json={"error": {"code": 400, "type": "bad_request",
                                                       "details": ["boom"]}})
        params = request.url.params
        results = int(params.get("results", "10"))
        offset = int(params.get("offset", "0"))
        path = request.url.path
        if path == "/api/v2/orders/":
            items = sorted(self.orders.values(), key=lambda o: o["updated"], reverse=True)
        elif path == "/api/v2/kits/":
            items = sorted(self.kits.values(), key=lambda k: k["created"], reverse=True)
            if "updated_after" in params:
                since = params["updated_after"]
                items = [k for k in items if self.server_day(k["updated"]) >= since]
        elif path.startswith("/api/v2/orders/"):
            order = dict(self.orders[path.split("/")[4]])
            order["kits"] = []
            return httpx.Response(200, json=order)
        elif path.startswith("/api/v2/kits/"):
            kit = self.kits[path.split("/")[4]]
            return httpx.Response(200, json={"kit_id": kit["kit_id"], "type": kit["kit_type"],
                                             "status": kit["kit_status"]})
        else:
            return httpx.Response(404, json={"error": {"code": 404, "type": "not_found",
                                                       "details": []}})
        return httpx.Response(200, json=items[offset : offset + results])

    def count(self, path: str) -> int:
        return sum(1 for r in self.requests if r.url.path == path)


def last_kits_request(spot: FakeSpotHTTP) -> httpx.Request:
    return [r for r in spot.requests if r.url.path == "/api/v2/kits/"][-1]


@pytest.fixture
def spot() -> FakeSpotHTTP:
    return FakeSpotHTTP()


def make_client(spot: FakeSpotHTTP) -> SpotClient:
    return SpotClient("http://127.0.0.1:9", "fake-token", transport=httpx.MockTransport(
        spot.handler), sleep=lambda _s: None)


def seeded(spot: FakeSpotHTTP, orders: int) -> None:
    """A few orders a day, as at a clinic's front desk."""
    for n in range(1, orders + 1):
        order_id = spot.add_order(n)
        spot.set_kit(f"SPOT{n:06d}", order_id)
        spot.tick(minutes=7 * 60)


def test_first_sync_walks_every_page(spot: FakeSpotHTTP) -> None:
    seeded(spot, 250)
    store = OrderStore()
    result = SyncService(make_client(spot), store).refresh()
    assert result.full
    assert len(store.rows()) == 250
    assert spot.count("/api/v2/orders/") == 3
    assert spot.count("/api/v2/kits/") == 3
    assert result.requests == 6
    assert result.notifications == []  # the whole history is not news
    row = store.get("O0000007")
    assert row is not None
    assert row.kit_ids == ("SPOT000007",)
    assert row.progress.label == "Kit preparing"
    assert all(r.url.params["results"] == "100" for r in spot.requests)


def test_nothing_changed_costs_two_requests(spot: FakeSpotHTTP) -> None:
    seeded(spot, 250)
    sync = SyncService(make_client(spot), OrderStore())
    sync.refresh()
    before = len(spot.requests)
    result = sync.refresh()
    assert len(spot.requests) - before == 2
    assert result.requests == 2
    assert not result.full
    assert result.changed_order_ids == frozenset()
    assert result.notifications == []


def test_changed_orders_are_picked_up_and_the_walk_stops_early(spot: FakeSpotHTTP) -> None:
    seeded(spot, 300)
    store = OrderStore()
    sync = SyncService(make_client(spot), store)
    sync.refresh()
    for n in range(1, 131):  # 130 changed orders: two pages of orders
        spot.touch_order(f"O{n:07d}")
    new_id = spot.add_order(999)
    before = spot.count("/api/v2/orders/")
    result = sync.refresh()
    assert spot.count("/api/v2/orders/") - before == 2
    assert result.changed_order_ids == {f"O{n:07d}" for n in range(1, 131)} | {new_id}
    assert store.get("O0000001").status == "in_progress"  # type: ignore[union-attr]
    assert store.get("O0000200").status == "pending"  # type: ignore[union-attr]
    assert len(store.rows()) == 301


def test_an_order_sharing_the_newest_timestamp_is_not_missed(spot: FakeSpotHTTP) -> None:
    seeded(spot, 5)
    store = OrderStore()
    sync = SyncService(make_client(spot), store)
    sync.refresh()
    newest = max(o["updated"] for o in spot.orders.values())
    late = spot.add_order(6)
    spot.orders[late]["updated"] = newest
    spot.orders[late]["created"] = newest
    sync.refresh()
    assert store.get(late) is not None


def test_kit_changes_join_their_order_and_notify_counts_only(spot: FakeSpotHTTP) -> None:
    seeded(spot, 20)
    store = OrderStore()
    sync = SyncService(make_client(spot), store)
    sync.refresh()
    spot.set_kit("SPOT000003", "O0000003", "registered", "resulted")
    spot.set_kit("SPOT000004", "O0000004", "registered", "partially_resulted")
    spot.set_kit("SPOT000005", "O0000005", "delivery_exception")
    spot.set_kit("SPOT000006", "O0000006", "registered", "collection_exception")
    spot.set_kit("SPOT000007", "O0000007", "in_transit")
    result = sync.refresh()
    assert set(result.notifications) == {Notification("results", 2), Notification("exception", 2)}
    assert result.changed_order_ids == {f"O{n:07d}" for n in range(3, 8)}
    assert store.get("O0000003").progress.label == "Results ready"  # type: ignore[union-attr]
    assert store.get("O0000007").progress.label == "Kit shipped"  # type: ignore[union-attr]
    for note in result.notifications:
        assert "Fake" not in note.text
        assert "@" not in note.text
    # Seeing the same day's kits again is not news.
    again = sync.refresh()
    assert again.notifications == []
    assert again.changed_order_ids == frozenset()


def test_kits_are_asked_for_since_half_a_day_before_the_newest_kit_update(
    spot: FakeSpotHTTP,
) -> None:
    seeded(spot, 3)
    sync = SyncService(make_client(spot), OrderStore())
    sync.refresh()
    newest = datetime.fromisoformat(max(k["updated"] for k in spot.kits.values()))
    sync.refresh()
    expected = (newest - timedelta(hours=12)).date().isoformat()
    assert last_kits_request(spot).url.params["updated_after"] == expected


@pytest.mark.parametrize("server_hours", [-12, -8, 0, 9, 14])
def test_a_kit_change_just_after_midnight_utc_is_seen_whatever_the_servers_zone(
    spot: FakeSpotHTTP, server_hours: int
) -> None:
    # A US server's afternoon is already tomorrow in UTC: asking for "updated on or after
    # today's UTC date" would skip the rest of its day until a full refresh.
    spot.server_utc_offset = timedelta(hours=server_hours)
    spot.clock = datetime(2026, 3, 11, 0, 5, tzinfo=UTC)
    order_id = spot.add_order(1)
    spot.set_kit("SPOT000001", order_id)
    store = OrderStore()
    sync = SyncService(make_client(spot), store)
    sync.refresh()
    spot.tick(minutes=90)  # 01:37 UTC on the 11th
    spot.set_kit("SPOT000001", order_id, "in_transit")
    result = sync.refresh()
    assert result.changed_order_ids == {order_id}
    assert store.get(order_id).progress.label == "Kit shipped"  # type: ignore[union-attr]


def busy_day(spot: FakeSpotHTTP) -> None:
    seeded(spot, 3)
    for n in range(4, 254):  # 250 kits updated on one day: three pages of kits
        spot.set_kit(f"SPOT{n:06d}", spot.add_order(n))


def test_a_busy_day_with_nothing_changed_still_costs_two_requests(spot: FakeSpotHTTP) -> None:
    busy_day(spot)
    sync = SyncService(make_client(spot), OrderStore())
    sync.refresh()
    before = len(spot.requests)
    result = sync.refresh()
    assert len(spot.requests) - before == 2
    assert result.changed_order_ids == frozenset()


def test_a_changed_order_on_a_busy_day_walks_all_the_days_kits(spot: FakeSpotHTTP) -> None:
    busy_day(spot)
    store = OrderStore()
    sync = SyncService(make_client(spot), store)
    sync.refresh()
    spot.set_kit("SPOT000100", "O0000100", "in_transit")  # an old kit moves, same day
    before = spot.count("/api/v2/kits/")
    result = sync.refresh()
    assert spot.count("/api/v2/kits/") - before == 3
    assert result.changed_order_ids == {"O0000100"}
    assert store.get("O0000100").progress.label == "Kit shipped"  # type: ignore[union-attr]


def test_a_kit_change_the_orders_feed_missed_is_caught_by_the_periodic_sweep(
    spot: FakeSpotHTTP,
) -> None:
    busy_day(spot)
    now = [0.0]
    store = OrderStore()
    sync = SyncService(make_client(spot), store, clock=lambda: now[0], kit_sweep_interval=600)
    sync.refresh()
    spot.set_kit("SPOT000100", "O0000100", "in_transit", bump_order=False)
    now[0] = 60
    sync.refresh()  # one kit page only: this old kit is on a later page
    assert store.get("O0000100").progress.label == "Kit preparing"  # type: ignore[union-attr]
    now[0] = 601
    result = sync.refresh()
    assert result.changed_order_ids == {"O0000100"}
    assert store.get("O0000100").progress.label == "Kit shipped"  # type: ignore[union-attr]


def test_a_new_kit_without_an_order_change_is_on_the_first_page(spot: FakeSpotHTTP) -> None:
    busy_day(spot)
    store = OrderStore()
    sync = SyncService(make_client(spot), store)
    sync.refresh()
    spot.set_kit("SPOT999999", "O0000002", "preparing", bump_order=False)
    sync.refresh()
    assert "SPOT999999" in store.get("O0000002").kit_ids  # type: ignore[union-attr]


def test_a_second_kit_on_an_order_is_joined(spot: FakeSpotHTTP) -> None:
    seeded(spot, 2)
    store = OrderStore()
    sync = SyncService(make_client(spot), store)
    sync.refresh()
    spot.set_kit("SPOT900001", "O0000001", "in_transit", kit_type="kit_b")
    sync.refresh()
    row = store.get("O0000001")
    assert row is not None
    assert set(row.kit_ids) == {"SPOT000001", "SPOT900001"}
    assert set(row.kit_types) == {"kit_a", "kit_b"}


def test_unknown_statuses_and_extra_fields_are_kept(spot: FakeSpotHTTP) -> None:
    seeded(spot, 1)
    spot.orders["O0000001"]["status"] = "on_hold"
    spot.orders["O0000001"]["brand_new_field"] = {"x": 1}
    spot.kits["SPOT000001"].update(kit_status="teleported", sample_status="awaiting_collection")
    store = OrderStore()
    SyncService(make_client(spot), store).refresh()
    row = store.get("O0000001")
    assert row is not None
    assert row.status == "on_hold"
    assert row.progress.label == "teleported"


def test_a_failed_refresh_changes_nothing_and_the_next_one_catches_up(spot: FakeSpotHTTP) -> None:
    seeded(spot, 250)
    store = OrderStore()
    sync = SyncService(make_client(spot), store)
    spot.fail_after = 2  # the third orders page fails
    with pytest.raises(errors.BadRequest):
        sync.refresh()
    assert store.rows() == []
    spot.fail_after = None
    sync.refresh()
    assert len(store.rows()) == 250


def test_synced_state_survives_a_restart_and_stays_incremental(
    spot: FakeSpotHTTP, tmp_path: Path
) -> None:
    db = tmp_path / "sync.sqlite3"
    seeded(spot, 120)
    store = OrderStore(db)
    SyncService(make_client(spot), store).refresh()
    store.close()

    restarted = OrderStore(db)
    sync = SyncService(make_client(spot), restarted)
    assert sync.load_cached()
    assert len(restarted.rows()) == 120
    spot.set_kit("SPOT000010", "O0000010", "registered", "resulted")
    before = len(spot.requests)
    result = sync.refresh()
    assert len(spot.requests) - before == 2
    assert result.notifications == [Notification("results", 1)]


def test_orders_placed_here_show_their_kit_types_before_kits_exist(
    spot: FakeSpotHTTP, tmp_path: Path
) -> None:
    client = make_client(spot)

    def create(request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            order_id = spot.add_order(77)
            body = {**spot.orders[order_id], "kit_types": ["kit_z"], "kits": []}
            return httpx.Response(201, json=body)
        return spot.handler(request)

    client = SpotClient("http://127.0.0.1:9", "fake-token", transport=httpx.MockTransport(create))
    outbox = Outbox(tmp_path / "outbox.sqlite3", client)
    store = OrderStore()
    sync = SyncService(client, store, outbox=outbox)
    outbox.submit(models.NewOrder(
        kit_types=["kit_z"],
        recipient=models.Recipient(first_name="Testy", last_name="Fake77",
                                   email="fake77@example.com", phone="4155550100"),
    ))
    assert outbox.drain(timeout=10)
    sync.refresh()
    row = store.get("O0000077")
    assert row is not None
    assert row.kit_types == ("kit_z",)
    outbox.close()


def test_detail_and_kit_lookups_go_to_spot(spot: FakeSpotHTTP) -> None:
    seeded(spot, 1)
    sync = SyncService(make_client(spot), OrderStore())
    assert sync.order_detail("O0000001").order_id == "O0000001"
    assert sync.find_kit("SPOT000001").kit_id == "SPOT000001"


def test_find_duplicates_reads_the_synced_rows(spot: FakeSpotHTTP) -> None:
    seeded(spot, 3)
    sync = SyncService(make_client(spot), OrderStore())
    sync.refresh()
    found = sync.find_duplicates({"email": "FAKE2@example.com"}, ["kit_a"], T0 + timedelta(days=1))
    assert [r.order_id for r in found] == ["O0000002"]


def test_no_client_means_a_plain_sign_in_error() -> None:
    with pytest.raises(NotSignedIn) as caught:
        SyncService(None, OrderStore()).refresh()
    assert caught.value.title == "Not signed in to Spot"


def test_dates_sent_are_plain_days(spot: FakeSpotHTTP) -> None:
    seeded(spot, 1)
    sync = SyncService(make_client(spot), OrderStore())
    sync.refresh()
    sync.refresh()
    assert date.fromisoformat(last_kits_request(spot).url.params["updated_after"])


def test_one_bad_order_among_good_ones_does_not_stop_the_list(spot: FakeSpotHTTP) -> None:
    seeded(spot, 250)
    spot.orders["O0000120"]["created"] = "not a date"  # a broken record mid-page
    spot.kits["SPOT000007"]["kit_status"] = {"unexpected": "shape"}
    store = OrderStore()
    result = SyncService(make_client(spot), store).refresh()
    assert len(store.rows()) == 249  # every other order, on every page, is listed
    assert store.get("O0000121") is not None
    assert spot.count("/api/v2/orders/") == 3  # the shortened page did not end the walk
    assert [r.record_id for r in result.unreadable_orders] == ["O0000120"]
    assert "created" in result.unreadable_orders[0].reason
    assert [r.record_id for r in result.unreadable_kits] == ["SPOT000007"]
    assert result.unreadable_text == (
        "1 order from Spot couldn't be read; 1 kit from Spot couldn't be read"
    )


def test_a_clean_sync_reports_nothing_unreadable(spot: FakeSpotHTTP) -> None:
    seeded(spot, 3)
    result = SyncService(make_client(spot), OrderStore()).refresh()
    assert result.unreadable_orders == ()
    assert result.unreadable_text == ""
