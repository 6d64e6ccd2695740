"""Learning an account's kit types from its own orders (no Qt).

Spot has no kit-type endpoint, and a kit type id that is not the account's own is refused
("Unknown kit type"). Every order carries the ``kit_types`` it was placed with, so at first
sign-in the app reads the newest orders and offers the ids it finds, to be named in Settings.
Blocking (network): run it through the task runner.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from app.api import models

__all__ = ["LEARN_FROM_ORDERS", "KitTypeSource", "is_unknown_kit_type", "learn_kit_types"]

log = logging.getLogger(__name__)

LEARN_FROM_ORDERS = 25  # the newest orders read: one list request and one GET each


class KitTypeSource(Protocol):
    def list_orders(self, *, results: int = ...) -> list[models.OrderSummary]: ...

    def get_order(self, order_id: str) -> models.Order: ...


def learn_kit_types(client: KitTypeSource, *, orders: int = LEARN_FROM_ORDERS) -> list[str]:
    """The kit type ids on the account's newest ``orders`` orders, in first-seen order."""
    found: dict[str, None] = {}
    for summary in client.list_orders(results=orders):
        for kit_type in client.get_order(summary.order_id).kit_types:
            if kit_type:
                found.setdefault(kit_type)
    log.info("learned %d kit type(s) from the account's orders", len(found))
    return list(found)


def is_unknown_kit_type(field_errors: Mapping[str, list[str]]) -> bool:
    """True when Spot's 400 is about the order's kit types (an id this account does not have)."""
    for key, messages in field_errors.items():
        if key == "kit_types" or key.startswith("kit_types."):
            return True
        if any("kit type" in message.lower() for message in messages):
            return True
    return False
