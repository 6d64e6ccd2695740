"""Turning untrusted JSON-ish values into clean text without ever raising."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

_SPACES: Final = re.compile(r"\s+")


class NotText:
    """Marker for a value that is neither text nor a number (a list, a dict, ...)."""


NOT_TEXT: Final = NotText()


def as_text(value: object) -> str | NotText:
    """Trimmed, NFC, single-spaced text; ``""`` for None; ints become their digits."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return NOT_TEXT
    if isinstance(value, int):
        # A ZIP or phone typed into JSON as a number still means its digits.
        return str(value) if abs(value) < 10**30 else NOT_TEXT
    if not isinstance(value, str):
        return NOT_TEXT
    return _SPACES.sub(" ", unicodedata.normalize("NFC", value)).strip()


def text_or_empty(value: object) -> str:
    text = as_text(value)
    return "" if isinstance(text, NotText) else text


def get(mapping: object, key: str) -> object:
    return mapping.get(key) if isinstance(mapping, dict) else None
