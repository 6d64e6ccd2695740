"""Keep the local order picture current with as few requests as possible.

Spot cannot call a desktop app back, so we poll. ``GET /orders/`` is sorted most recently
updated first: a refresh walks pages only until it passes the newest ``updated`` time it
already holds (nothing changed = 1 request).

Kits come from ``GET /kits/?updated_after=<day of the newest kit update seen>``. That
filter is a whole day (inclusive, in the server's undocumented zone, hence `kit_day`) and
kits are sorted by creation, not by update, so a busy day means several pages that mostly
repeat what we hold (deduplicated by kit id and ``updated``). An order's ``updated`` moves
when its kits move, so all of the day's kit pages are walked only when the orders walk found
a change, or at least every ``kit_sweep_interval`` seconds (a safety net for kits without an
order, or a server that does not bump the order); otherwise one page (the newest kits) is
enough: nothing changed = 2 requests in all.
Kits are joined to orders by ``order_id`` in `OrderStore`: no request per order.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Literal, Protocol

from app.api import models
from app.api.client import SkippedRecord, received_count
from app.marks import QT_TRANSLATE_NOOP
from app.services.errors import ServiceError
from app.services.order_rules import KitInfo, OrderInfo, OrderRow
from app.services.order_store import OrderStore
from app.services.outbox import Outbox, OutboxItem

__all__ = [
    "PAGE_SIZE",
    "NotSignedIn",
    "Notification",
    "SyncClient",
    "SyncResult",
    "SyncService",
]

logger = logging.getLogger(__name__)

PAGE_SIZE = 100
KIT_SWEEP_INTERVAL = 600.0
SERVER_ZONE_MARGIN = timedelta(hours=12)  # UTC-12 is the furthest any zone lags
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class SyncClient(Protocol):
    """The part of `app.api.SpotClient` sync uses."""

    def list_orders(self, *, results: int = ..., offset: int = ...) -> list[models.OrderSummary]:
        ...

    def list_kits(
        self, *, updated_after: date | str | None = ..., results: int = ..., offset: int = ...
    ) -> list[models.KitSummary]: ...

    def get_order(self, order_id: str) -> models.Order: ...

    def get_kit(self, kit_id: str) -> models.Kit: ...


class NotSignedIn(ServiceError):
    default_title = QT_TRANSLATE_NOOP("Errors", "Not signed in to Spot")
    default_advice = QT_TRANSLATE_NOOP("Errors", "Sign in with your Spot API token, then refresh.")


@dataclass(frozen=True, slots=True)
class Notification:
    """Something staff should hear about: how many kits, never who."""

    kind: Literal["results", "exception"]
    count: int

    @property
    def text(self) -> str:
        if self.kind == "results":
            return f"New results for {self.count} kit{'s' if self.count != 1 else ''}"
        kits = f"{self.count} kit{'s' if self.count != 1 else ''}"
        return f"{kits} with a delivery or collection problem"


@dataclass(frozen=True, slots=True)
class SyncResult:
    changed_order_ids: frozenset[str]
    notifications: list[Notification]
    requests: int  # list requests made (each may have been retried inside the client)
    full: bool  # a full walk over every order (first sync, or asked for)
    # Records Spot sent that this app couldn't read (skipped; the rest of the list updated).
    # Ids where readable and the field problems, never values: safe to show and copy.
    unreadable_orders: tuple[SkippedRecord, ...] = ()
    unreadable_kits: tuple[SkippedRecord, ...] = ()

    @property
    def unreadable_text(self) -> str:
        """"1 order from Spot couldn't be read" (and kits), or "" when everything was read."""
        parts = []
        if self.unreadable_orders:
            count = len(self.unreadable_orders)
            parts.append(f"{count} order{'s' if count != 1 else ''} from Spot couldn't be read")
        if self.unreadable_kits:
            count = len(self.unreadable_kits)
            parts.append(f"{count} kit{'s' if count != 1 else ''} from Spot couldn't be read")
        return "; ".join(parts)


class SyncService:
    """Refreshes `OrderStore` from Spot; fetches detail on demand. Call from a worker thread.

    With an ``outbox``, orders it places get their kit types in the list at once (the order
    list endpoint has none until kits are attached).
    """

    def __init__(
        self,
        client: SyncClient | None,
        store: OrderStore,
        *,
        outbox: Outbox | None = None,
        clock: Callable[[], float] = time.monotonic,
        kit_sweep_interval: float = KIT_SWEEP_INTERVAL,
    ) -> None:
        self._client = client
        self._store = store
        self._clock = clock
        self._kit_sweep_interval = kit_sweep_interval
        self._last_kit_sweep: float | None = None
        self._refresh_lock = threading.Lock()
        if outbox is not None:
            for item in outbox.items():
                self._on_outbox_item(item)
            outbox.subscribe(self._on_outbox_item)

    @property
    def store(self) -> OrderStore:
        return self._store

    def set_client(self, client: SyncClient | None) -> None:
        self._client = client

    def load_cached(self) -> bool:
        """Show the last synced state at once (disk read: call off the GUI thread)."""
        return self._store.load()

    def refresh(self, *, full: bool = False) -> SyncResult:
        """Fetch what changed since the last refresh and merge it into the store.

        Nothing is merged unless the whole refresh succeeded (a half walk would move the
        "newest known" marks past orders we never saw). Errors are `app.api.errors`.
        """
        client = self._require_client()
        with self._refresh_lock:
            store = self._store
            full = full or not store.orders_complete
            first = len(store) == 0
            kit_mark = None if full else store.kit_mark
            since = kit_day(kit_mark) if kit_mark is not None else None
            started = self._clock()
            sweep_due = (
                since is None
                or self._last_kit_sweep is None
                or started - self._last_kit_sweep >= self._kit_sweep_interval
            )
            # Kits and orders are fetched side by side; the kit walk goes past its first
            # page now if a sweep is due anyway, or later if the orders walk finds changes.
            with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-kits") as pool:
                kits_job = pool.submit(_walk_kits, client, since, 0, sweep_due)
                orders, requests, bad_orders = _walk_orders(
                    client, store, None if full else store.newest_order_update
                )
                kits, kits_complete, kit_requests, bad_kits, kits_received = kits_job.result()
            requests += kit_requests
            if not kits_complete and orders:
                more, kits_complete, kit_requests, more_bad, _received = _walk_kits(
                    client, since, kits_received, True
                )
                kits.extend(more)
                bad_kits.extend(more_bad)
                requests += kit_requests

            change = store.apply(
                orders,
                kits,
                orders_complete=True,
                kits_complete=kits_complete,
                notify_new_kits=not first,
            )
            if kits_complete:
                self._last_kit_sweep = started
            store.mark_synced(datetime.now(UTC))
        notifications = []
        if change.new_results:
            notifications.append(Notification("results", change.new_results))
        if change.new_exceptions:
            notifications.append(Notification("exception", change.new_exceptions))
        logger.info(
            "sync %s: %d orders and %d kits fetched, %d rows changed, %d requests"
            ", %d orders and %d kits unreadable",
            "full" if full else "incremental",
            len(orders),
            len(kits),
            len(change.changed_order_ids),
            requests,
            len(bad_orders),
            len(bad_kits),
        )
        return SyncResult(
            change.changed_order_ids,
            notifications,
            requests,
            full,
            tuple(bad_orders),
            tuple(bad_kits),
        )

    def order_detail(self, order_id: str) -> models.Order:
        """The full order (kits, events, shipments, reports) for the detail panel."""
        return self._require_client().get_order(order_id)

    def find_kit(self, kit_id: str) -> models.Kit:
        return self._require_client().get_kit(kit_id)

    def find_duplicates(
        self,
        recipient: dict[str, str],
        kit_types: Sequence[str],
        now: datetime,
        days: int = 30,
    ) -> list[OrderRow]:
        """Recent orders like this one (same email, or same name + phone, a shared kit type)."""
        return self._store.find_duplicates(recipient, kit_types, now, days)

    def _require_client(self) -> SyncClient:
        client = self._client
        if client is None:
            raise NotSignedIn()
        return client

    def _on_outbox_item(self, item: OutboxItem) -> None:
        if item.state == "sent" and item.order_id is not None:
            self._store.remember_kit_types(item.order_id, item.kit_types)


def kit_day(mark: datetime) -> date:
    """The ``updated_after`` day that cannot miss a kit updated after ``mark``.

    Spot compares whole days in its own time zone, which is not documented. No zone is more
    than 12 hours behind UTC, so the UTC date 12 hours earlier is never later than the
    server's date for any moment after ``mark`` (at most a few hours of kits come again).
    """
    return (mark.astimezone(UTC) - SERVER_ZONE_MARGIN).date()


def _walk_orders(
    client: SyncClient, store: OrderStore, mark: datetime | None
) -> tuple[list[OrderInfo], int, list[SkippedRecord]]:
    """Orders newest-updated first, until past ``mark`` (None: all).
    Returns (orders, requests, unreadable records skipped by the client)."""
    orders: list[OrderInfo] = []
    skipped: list[SkippedRecord] = []
    requests = 0
    offset = 0
    while True:
        page = client.list_orders(results=PAGE_SIZE, offset=offset)
        requests += 1
        skipped.extend(getattr(page, "skipped", ()))
        for summary in page:
            info = order_info(summary)
            if mark is not None:
                if info.updated < mark:
                    return orders, requests, skipped  # older than anything we lack: done
                if info.updated == mark and store.order_updated(info.order_id) == mark:
                    continue  # known; an unknown order may share its timestamp
            orders.append(info)
        # The server's page size, not the readable count: a skipped record shortens a page.
        received = received_count(page)
        if received < PAGE_SIZE:
            return orders, requests, skipped
        offset += received


def _walk_kits(
    client: SyncClient, since: date | None, offset: int, all_pages: bool
) -> tuple[list[KitInfo], bool, int, list[SkippedRecord], int]:
    """Kits updated since ``since`` from ``offset``: one page, or all of them. Returns (kits,
    whether the walk reached the end, requests, unreadable records, records received)."""
    kits: list[KitInfo] = []
    skipped: list[SkippedRecord] = []
    requests = 0
    start = offset
    while True:
        page = client.list_kits(updated_after=since, results=PAGE_SIZE, offset=offset)
        requests += 1
        skipped.extend(getattr(page, "skipped", ()))
        kits.extend(kit_info(summary) for summary in page)
        received = received_count(page)
        offset += received
        if received < PAGE_SIZE:
            return kits, True, requests, skipped, offset - start
        if not all_pages:
            return kits, False, requests, skipped, offset - start


def order_info(summary: models.OrderSummary) -> OrderInfo:
    recipient = summary.recipient
    address = recipient.address if recipient is not None else None
    created = summary.created or summary.updated or _EPOCH
    return OrderInfo(
        order_id=summary.order_id,
        status=summary.status or "",
        first_name=(recipient.first_name if recipient else None) or "",
        last_name=(recipient.last_name if recipient else None) or "",
        email=(recipient.email if recipient else None) or "",
        phone=(recipient.phone if recipient else None) or "",
        state=(address.state if address else None) or "",
        country=(address.country if address else None) or "",
        created=created,
        updated=summary.updated or created,
    )


def kit_info(summary: models.KitSummary) -> KitInfo:
    created = summary.created or summary.updated or _EPOCH
    return KitInfo(
        kit_id=summary.kit_id,
        kit_type=summary.kit_type or "",
        order_id=summary.order_id,
        kit_status=summary.kit_status or "",
        sample_status=summary.sample_status or "",
        created=created,
        updated=summary.updated or created,
    )
