"""Finding an order an earlier attempt may have created at Spot.

Lists orders for each email an attempt went out with, as sent and lower-cased, created since
the day before the first attempt on Spot's clock (from the server's ``Date`` header when the
client saw one, else `CLOCK_SKEW_DAYS` more back), every page, and fetches each candidate to
match the client reference. Our other items' orders are skipped.
"""

from __future__ import annotations

import logging
from datetime import UTC, date, timedelta

from app.api.client import received_count
from app.services.outbox_items import (
    CLOCK_SKEW_DAYS,
    LOOKUP_PAGE_SIZE,
    MAX_LOOKUP_CANDIDATES,
    REF_KEY,
    OutboxClient,
    OutboxRecord,
)

logger = logging.getLogger("app.services.outbox")


class TooManyCandidates(Exception):
    """The lookup would fetch more orders than MAX_LOOKUP_CANDIDATES (counts as a failure)."""


class OrderLookup:
    """Looks an outbox record's order up at Spot (no state: safe from any thread)."""

    def find(self, client: OutboxClient, record: OutboxRecord, emails: list[str],
             taken: set[str]) -> str | None:
        """The order id if an earlier attempt created this order at Spot, else None.
        ``emails``: those the attempts went out with; ``taken``: our other items' orders."""
        since = self.since(client, record)
        ref = record.item.client_ref
        checked: set[str] = set()
        for email in email_variants(emails):
            offset = 0
            while True:
                page = client.list_orders(
                    email=email, created_after=since, results=LOOKUP_PAGE_SIZE, offset=offset
                )
                for summary in page:
                    if summary.order_id in taken or summary.order_id in checked:
                        continue  # another of our items' order, or fetched already
                    checked.add(summary.order_id)
                    if len(checked) > MAX_LOOKUP_CANDIDATES:
                        raise TooManyCandidates()
                    order = client.get_order(summary.order_id)
                    if (order.metadata or {}).get(REF_KEY) == ref:
                        return order.order_id
                # By what the server sent: a skipped unreadable record must not end the
                # lookup early (that could re-send an order Spot already has).
                received = received_count(page)
                if received < LOOKUP_PAGE_SIZE:
                    break
                offset += received
        logger.info("outbox item %s: lookup found no earlier order", record.item.item_id)
        return None

    def since(self, client: OutboxClient, record: OutboxRecord) -> date:
        """``created_after`` for the lookup: the day before the first attempt on Spot's clock.
        Spot compares dates in its own time zone (not documented), hence a day's margin. With
        no ``Date`` header seen, the local date minus CLOCK_SKEW_DAYS more."""
        first = record.first_attempt or record.item.created
        offset = getattr(client, "server_time_offset", None)
        if isinstance(offset, int | float) and abs(offset) < 366 * 86400:
            return (first + timedelta(seconds=offset)).astimezone(UTC).date() - timedelta(days=1)
        return first.astimezone(UTC).date() - timedelta(days=1 + CLOCK_SKEW_DAYS)


def email_variants(emails: list[str]) -> list[str]:
    """Each email as sent, then lower-cased, without repeats (a server that matches
    case-sensitively finds the order under one of them)."""
    variants: list[str] = []
    for email in emails:
        for variant in (email, email.lower()):
            if variant and variant not in variants:
                variants.append(variant)
    return variants
