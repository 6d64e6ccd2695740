"""Obviously fake recipients (Example Ave, 555-01XX phones, example.com) for validation tests."""

from __future__ import annotations

import copy
from typing import Any


def us_recipient() -> dict[str, Any]:
    return {
        "first_name": "Alice",
        "last_name": "Example",
        "email": "alice.example@example.com",
        "phone": "415-555-0123",
        "address": {
            "street1": "1600 Example Ave",
            "street2": "Apt 4",
            "city": "San Francisco",
            "state": "CA",
            "zip": "94105",
            "country": "US",
        },
    }


def ca_recipient() -> dict[str, Any]:
    return {
        "first_name": "Benoît",
        "last_name": "Exemple",
        "email": "benoit@example.ca",
        "phone": "416-555-0199",
        "address": {
            "street1": "100 Example Street",
            "city": "Toronto",
            "state": "ON",
            "zip": "M5V 2T6",
            "country": "CA",
        },
    }


def with_value(recipient: dict[str, Any], path: str, value: object) -> dict[str, Any]:
    """A deep copy with the dotted ``path`` set (or removed when ``value`` is ``...``)."""
    result = copy.deepcopy(recipient)
    *parents, leaf = path.split(".")
    target = result
    for key in parents:
        target = target[key]
    if value is ...:
        target.pop(leaf, None)
    else:
        target[leaf] = value
    return result
