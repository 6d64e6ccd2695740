"""Carrier tracking pages for shipment tracking numbers (pure, no Qt, no network).

Spot documents no tracking URL field (SPEC §6.8, §10), only ``carrier`` + ``tracking_number``,
so the link to each carrier's public tracking page is built here. A carrier we don't know gets
no link (the number is still shown as text) rather than a guess.
"""

from __future__ import annotations

import re
from urllib.parse import quote

__all__ = ["CARRIER_NAMES", "carrier_key", "carrier_name", "tracking_url"]

#: Carrier key → the name people know it by.
CARRIER_NAMES: dict[str, str] = {
    "usps": "USPS",
    "ups": "UPS",
    "fedex": "FedEx",
    "canada_post": "Canada Post",
}

_TEMPLATES: dict[str, str] = {
    "usps": "https://tools.usps.com/go/TrackConfirmAction?tLabels={}",
    "ups": "https://www.ups.com/track?tracknum={}",
    "fedex": "https://www.fedex.com/fedextrack/?trknbr={}",
    "canada_post": (
        "https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor={}"
    ),
}

# Spellings a server (or a person typing metadata) might use for the same carrier.
_ALIASES: dict[str, str] = {
    "usps": "usps",
    "unitedstatespostalservice": "usps",
    "ups": "ups",
    "unitedparcelservice": "ups",
    "fedex": "fedex",
    "federalexpress": "fedex",
    "canadapost": "canada_post",
    "postescanada": "canada_post",
    "canadapostpostescanada": "canada_post",
}

_NOT_LETTERS = re.compile(r"[^a-z]+")


def carrier_key(carrier: str | None) -> str | None:
    """The canonical key for a carrier name ("FedEx", "fed_ex" → "fedex"); None if unknown."""
    if not carrier:
        return None
    return _ALIASES.get(_NOT_LETTERS.sub("", carrier.lower()))


def carrier_name(carrier: str | None) -> str:
    """A display name: the known name, else the server's text as-is ("" for none)."""
    key = carrier_key(carrier)
    if key is not None:
        return CARRIER_NAMES[key]
    return (carrier or "").strip()


def tracking_url(carrier: str | None, number: str | None) -> str | None:
    """The carrier's public tracking page for ``number``, or None (unknown carrier, no number).

    The number is percent-encoded whole, so nothing in it can change the URL's meaning.
    """
    key = carrier_key(carrier)
    text = (number or "").strip()
    if key is None or not text:
        return None
    return _TEMPLATES[key].format(quote(text, safe=""))
