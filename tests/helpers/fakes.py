"""Small hand-written fakes of a `Session` and its parts, for view tests (no MagicMock).

One `FakeSession` serves every screen: the order form (outbox, drafts, store), the kit panel
(sync.order_detail, client.update_order_metadata) and Find kit (sync.find_kit, store.kit,
client.list_kits). Each part records what it was asked and raises ``error`` when set.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from app.api import errors as api_errors
from app.api import models
from app.services.order_rules import OrderRow, find_duplicates
from app.services.outbox import OutboxItem

__all__ = [
    "CATALOG",
    "FakeClient",
    "FakeDrafts",
    "FakeOutbox",
    "FakeSession",
    "FakeStore",
    "FakeSync",
    "KnownKit",
]

CATALOG = {
    "health_kit_1": "Health kit",
    "vitamin_d_kit": "Vitamin D kit",
    "hba1c_kit": "HbA1c kit",
}


class FakeOutbox:
    """Records submits; the test decides what the sender reports afterwards via ``report``."""

    def __init__(self) -> None:
        self.submitted: list[models.NewOrder] = []
        self.resubmitted: list[tuple[str, models.NewOrder]] = []
        self._callbacks: list[Callable[[OutboxItem], None]] = []
        self.fail_with: BaseException | None = None
        self.report_during_submit: dict[str, Any] = {}

    def _item(self, order: models.NewOrder, item_id: str, **changes: Any) -> OutboxItem:
        item = OutboxItem(
            item_id=item_id, state="queued", order_id=None, client_ref=f"ref-{item_id}",
            attempts=0, field_errors={}, last_error="", created=datetime.now(UTC),
            payload=order,
        )  # fmt: skip
        return dataclasses.replace(item, **changes)

    def submit(self, order: models.NewOrder) -> OutboxItem:
        if self.fail_with is not None:
            raise self.fail_with
        self.submitted.append(order)
        item_id = f"item-{len(self.submitted)}"
        if self.report_during_submit:
            # The sender thread is quick: its news is posted before submit() returns.
            self.report(item_id, **self.report_during_submit)
        return self._item(order, item_id)

    def resubmit(self, item_id: str, order: models.NewOrder) -> OutboxItem:
        self.resubmitted.append((item_id, order))
        return self._item(order, item_id)

    def subscribe(self, callback: Callable[[OutboxItem], None]) -> Callable[[], None]:
        self._callbacks.append(callback)
        return lambda: self._callbacks.remove(callback)

    def report(self, item_id: str, **changes: Any) -> None:
        """What the sender thread would announce for ``item_id``."""
        order = self.submitted[int(item_id.split("-")[1]) - 1]
        item = self._item(order, item_id, **changes)
        for callback in list(self._callbacks):
            callback(item)  # the form's callback marshals to the GUI thread itself

    @property
    def subscribers(self) -> int:
        return len(self._callbacks)


class FakeDrafts:
    def __init__(self) -> None:
        self.saved: dict[str, dict[str, Any]] = {}

    def save(self, draft_id: str, data: dict[str, Any]) -> None:
        self.saved[draft_id] = data

    def load_all(self) -> dict[str, dict[str, Any]]:
        return dict(self.saved)

    def discard(self, draft_id: str) -> None:
        self.saved.pop(draft_id, None)


@dataclasses.dataclass
class KnownKit:
    """A kit as the synced list knows it: only its order."""

    order_id: str | None


class FakeStore:
    """Synced ``rows`` (duplicate checks use the real rule) and ``known`` kit → order ids."""

    def __init__(
        self, rows: list[OrderRow] | None = None, known: dict[str, str | None] | None = None
    ) -> None:
        self.rows = rows or []
        self.known = known or {}

    def find_duplicates(
        self, recipient: dict[str, str], kit_types: Any, now: datetime, days: int = 30
    ) -> list[OrderRow]:
        return find_duplicates(self.rows, recipient, kit_types, now, days)

    def kit(self, kit_id: str) -> KnownKit | None:
        return KnownKit(self.known[kit_id]) if kit_id in self.known else None


class FakeSync:
    """Full orders by id (``order_detail``) and kits by id (``find_kit``)."""

    def __init__(
        self, orders: dict[str, models.Order] | None = None,
        kits: dict[str, models.Kit] | None = None, error: BaseException | None = None,
    ) -> None:
        self.orders = dict(orders or {})
        self.kits = dict(kits or {})
        self.error = error
        self.requests: list[str] = []
        self.asked: list[str] = []

    def order_detail(self, order_id: str) -> models.Order:
        self.requests.append(order_id)
        if self.error is not None:
            raise self.error
        return self.orders[order_id]

    def find_kit(self, kit_id: str) -> models.Kit:
        self.asked.append(kit_id)
        if self.error is not None:
            raise self.error
        if kit_id not in self.kits:
            raise api_errors.NotFound(
                404, "not_found", ["Kit not found"], "GET", "/api/v2/kits/{public_id}/"
            )
        return self.kits[kit_id]


class FakeClient:
    """Metadata writes (recorded in ``saved``) and the kit list (``summaries``)."""

    def __init__(
        self, summaries: list[models.KitSummary] | None = None,
        orders: dict[str, models.Order] | None = None,
    ) -> None:
        self.summaries = summaries or []
        self.orders = dict(orders or {})
        self.saved: list[tuple[str, dict[str, Any] | None]] = []
        self.queries: list[dict[str, object]] = []
        self.error: BaseException | None = None

    def update_order_metadata(
        self, order_id: str, metadata: dict[str, Any] | None
    ) -> models.Order:
        if self.error is not None:
            raise self.error
        self.saved.append((order_id, metadata))
        return self.orders[order_id].model_copy(update={"metadata": metadata})

    def list_kits(
        self, *, kit_type: str | None = None, created_after: str | None = None,
        results: int = 10, offset: int = 0,
    ) -> list[models.KitSummary]:
        self.queries.append({"kit_type": kit_type, "created_after": created_after})
        return self.summaries[offset : offset + results]


class FakeSession:
    """``FakeSession(order, …)`` for the kit panel; keywords for Find kit and the form."""

    def __init__(
        self,
        *orders: models.Order,
        kits: dict[str, models.Kit] | None = None,
        known: dict[str, str | None] | None = None,
        summaries: list[models.KitSummary] | None = None,
        error: BaseException | None = None,
        rows: list[OrderRow] | None = None,
        kit_catalog: dict[str, str] | None = None,
    ) -> None:
        self.outbox = FakeOutbox()
        self.drafts = FakeDrafts()
        self.store = FakeStore(rows, known)
        self.sync = FakeSync({o.order_id: o for o in orders}, kits, error)
        self.client = FakeClient(summaries, self.sync.orders)
        self.kit_catalog = dict(CATALOG if kit_catalog is None else kit_catalog)
        self.data_key = None  # no encryption notice
        self.unreadable_files = 0
