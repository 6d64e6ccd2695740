"""Find a kit's order from its barcode (blocking: run it through the task runner).

Get kit does not return the kit's order (SPEC §6.6), so ``locate_kit`` takes it from the
server's reply if present, else from the synced list, else from a bounded kit-list search.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Protocol

from app.api import models

__all__ = [
    "FindKitSession", "KitNotInOrder", "locate_kit", "looks_like_kit_id", "normalize_kit_id",
]

_KIT_ID = re.compile(r"^[A-Z0-9][A-Z0-9_-]{2,39}$")
_SEARCH_PAGES = 20  # × 100 kits: enough for a kit of a known type and date, never endless


class _KitSource(Protocol):
    def find_kit(self, kit_id: str) -> models.Kit: ...


class _KitLister(Protocol):
    def list_kits(
        self,
        *,
        kit_type: str | None = ...,
        created_after: str | None = ...,
        results: int = ...,
        offset: int = ...,
    ) -> list[models.KitSummary]: ...


class _KitIndex(Protocol):
    def kit(self, kit_id: str) -> _KnownKit | None: ...


class _KnownKit(Protocol):
    @property
    def order_id(self) -> str | None: ...


class FindKitSession(Protocol):
    """What the bar needs from ``app.services.session.Session``."""

    @property
    def sync(self) -> _KitSource: ...

    @property
    def store(self) -> _KitIndex: ...

    @property
    def client(self) -> _KitLister: ...


class KitNotInOrder(Exception):
    """The kit exists but belongs to no order we can see (a retail kit)."""


def looks_like_kit_id(kit_id: str) -> bool:
    """A normalized kit ID of a plausible shape (a stray scan of something else is not)."""
    return bool(_KIT_ID.match(kit_id))


def normalize_kit_id(text: str) -> str:
    """What a scanner or a person typed, as a kit ID: trimmed, no inner spaces, upper case."""
    return "".join(text.split()).upper()


def locate_kit(session: FindKitSession, kit_id: str) -> tuple[models.Kit, str]:
    """The kit and its order id. Blocking (network): run it through the task runner.

    Raises ``app.api.errors.NotFound`` for an unknown kit and ``KitNotInOrder`` when no order
    has it.
    """
    kit = session.sync.find_kit(kit_id)
    extra = (kit.model_extra or {}).get("order_id")
    if isinstance(extra, str) and extra:
        return kit, extra
    known = session.store.kit(kit_id)
    if known is not None and known.order_id:
        return kit, known.order_id
    # Not synced yet (a kit fulfilled minutes ago): search kits of its type from its first day.
    first = min((e.created for e in kit.events if e.created is not None), default=None)
    created_after = (first - timedelta(days=1)).date().isoformat() if first else None
    for page in range(_SEARCH_PAGES):
        summaries = session.client.list_kits(
            kit_type=kit.type, created_after=created_after, results=100, offset=page * 100
        )
        for summary in summaries:
            if summary.kit_id == kit.kit_id and summary.order_id:
                return kit, summary.order_id
        if len(summaries) < 100:
            break
    raise KitNotInOrder(kit_id)
