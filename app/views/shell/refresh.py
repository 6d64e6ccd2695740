"""One background refresh: sync, then rows sorted and checked as the list shows them.

Both functions run on a worker thread; `RefreshOutcome` is what the GUI thread gets back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from app.services.order_rules import OrderRow, needs_attention, results_to_review
from app.views.orders.order_table import packed_texts, sort_rows

if TYPE_CHECKING:
    from app.services.session import Session
    from app.services.sync import Notification, SyncResult

__all__ = ["RefreshOutcome", "build_snapshot", "refresh_and_snapshot"]


@dataclass
class RefreshOutcome:
    """What one background refresh hands to the GUI thread."""

    rows: list[OrderRow]
    attention: dict[str, tuple[str, ...]]
    sorted_by: tuple[int, Qt.SortOrder]
    version: int
    result: SyncResult | None = None
    notifications: list[Notification] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    # Orders with results not opened on this workstation yet (their kit IDs): not a problem,
    # so not in "attention"; they are the "Results to review" view.
    results: dict[str, tuple[str, ...]] = field(default_factory=dict)
    synced_at: datetime | None = None  # the last successful refresh, even a previous run's


def build_snapshot(
    session: Session,
    sorted_by: tuple[int, Qt.SortOrder],
    kit_names: Mapping[str, str],
    result: SyncResult | None = None,
) -> RefreshOutcome:
    """Rows sorted as the list shows them, plus needs-attention reasons (worker thread)."""
    store = session.store
    version = store.version
    rows = store.rows()
    seen = session.seen.kits_with_seen_reports()
    first_start = session.seen.first_start
    # The sandbox clock can run ahead of the wall clock; age statuses by whichever is later.
    now = max(datetime.now(UTC), store.newest_kit_update or datetime.min.replace(tzinfo=UTC))
    attention: dict[str, tuple[str, ...]] = {}
    results: dict[str, tuple[str, ...]] = {}
    for row in rows:
        reasons = needs_attention(row, now)
        if reasons:
            # A tuple of strings drops out of the cyclic GC's walk, a list never does: the
            # window keeps thousands of these, and every full collection is a GUI stall.
            attention[row.order_id] = tuple(reasons)
        waiting = results_to_review(row, seen, first_start)
        if waiting:
            results[row.order_id] = waiting
    ordered = sort_rows(rows, sorted_by[0], sorted_by[1], kit_names)
    notifications = list(result.notifications) if result is not None else []
    return RefreshOutcome(
        ordered, attention, sorted_by, version, result, notifications, packed_texts(ordered),
        results, store.synced_at,
    )


def refresh_and_snapshot(session: Session, sorted_by: tuple[int, Qt.SortOrder],
                         kit_names: Mapping[str, str]) -> RefreshOutcome:
    result = session.sync.refresh()
    if session.outbox.counts()[0]:
        # Spot answered: queued orders go now rather than wait out a backoff (issue 22).
        session.outbox.wake()
    # Let the cache writer finish first (only a big sync gives it much to write). Running
    # alongside the GUI thread's repaint of the new rows, its constant GIL hand-offs (one per
    # SQLite row) doubled that repaint: 70–90 ms stalls in the 10,000-order benchmark.
    session.store.flush()
    return build_snapshot(session, sorted_by, kit_names, result)
