"""The result type of every validator: one message about one field."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Finding:
    """``field`` is a dotted path ("address.zip"); errors block submit, warnings need a confirm."""

    field: str
    severity: Severity
    message: str


def error(field: str, message: str) -> Finding:
    return Finding(field, "error", message)


def warning(field: str, message: str) -> Finding:
    return Finding(field, "warning", message)
