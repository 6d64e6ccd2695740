"""Split an address pasted on one line into Spot's address fields."""

from __future__ import annotations

import re
from typing import Final

import usaddress

from app.validation.address import normalize_postal_code, normalize_zip
from app.validation.regions import region_code
from app.validation.text import as_text

# Longer text is not one address line; also keeps the CRF tagger's cost bounded.
MAX_INPUT_LENGTH: Final = 300

_CA_TAIL: Final = re.compile(
    r"[,\s]+([A-Za-z][0-9][A-Za-z])\s?([0-9][A-Za-z][0-9])(?:[,\s]+canada)?[.\s]*$",
    re.IGNORECASE,
)
_UNIT_LABELS: Final = frozenset({"OccupancyType", "OccupancyIdentifier"})
_IGNORED_LABELS: Final = frozenset({"Recipient", "CountryName", "NotAddress"})


def _tag(text: str) -> tuple[list[tuple[str, str]], str] | None:
    try:
        _, kind = usaddress.tag(text)
        tokens = usaddress.parse(text)
    except (usaddress.RepeatedLabelError, ValueError, IndexError, KeyError):
        return None
    return [(str(token).strip(",;"), str(label)) for token, label in tokens], str(kind)


def _split_us(text: str) -> dict[str, str] | None:
    tagged = _tag(text)
    if tagged is None or tagged[1] == "Ambiguous":
        return None
    parts: dict[str, list[str]] = {"street1": [], "street2": [], "city": [], "state": [], "zip": []}
    for token, label in tagged[0]:
        if not token or label in _IGNORED_LABELS:
            continue
        if label in _UNIT_LABELS:
            parts["street2"].append(token)
        elif label == "PlaceName":
            parts["city"].append(token)
        elif label == "StateName":
            parts["state"].append(token)
        elif label in ("ZipCode", "ZipPlus4"):
            parts["zip"].append(token)
        else:
            parts["street1"].append(token)
    result = {key: " ".join(tokens) for key, tokens in parts.items() if tokens}
    if "street1" not in result or not ({"city", "state", "zip"} & result.keys()):
        return None
    if "state" in result:
        result["state"] = region_code(result["state"], "US") or result["state"]
    if "zip" in result:
        result["zip"] = normalize_zip(result["zip"].replace(" ", "-"))
    return result | {"country": "US"}


def _split_ca(text: str) -> dict[str, str] | None:
    tail = _CA_TAIL.search(text)
    if tail is None:
        return None
    postal = normalize_postal_code(tail.group(1) + tail.group(2))
    words = text[: tail.start()].rstrip(" ,.").split()
    for count in (4, 3, 2, 1):
        if len(words) <= count:
            continue
        province = region_code(" ".join(words[-count:]).strip(",."), "CA")
        if province is not None:
            body = " ".join(words[:-count]).strip(" ,")
            break
    else:
        return None
    lines = [line.strip() for line in body.split(",") if line.strip()]
    if len(lines) >= 2:
        result = {"street1": lines[0], "street2": ", ".join(lines[1:-1]), "city": lines[-1]}
        if not result["street2"]:
            del result["street2"]
    else:
        # No comma before the city: let the US tagger find where the street ends.
        us = _split_us(f"{body} NY 10001") if body else None
        if us is None or "city" not in us:
            return None
        result = {key: us[key] for key in ("street1", "street2", "city") if key in us}
    return result | {"state": province, "zip": postal, "country": "CA"}


def split_one_line_address(text: object, country: str = "US") -> dict[str, str] | None:
    """A partial address {street1, street2, city, state, zip, country} or None. Never raises.

    Only the keys it found are present. A Canadian postal code at the end wins over ``country``
    (a Canadian address pasted while "US" is selected still splits, with country "CA").
    """
    line = as_text(text)
    if not isinstance(line, str) or not line or len(line) > MAX_INPUT_LENGTH:
        return None
    canadian = _split_ca(line)
    if canadian is not None or country == "CA":
        return canadian
    return _split_us(line)
