"""Spot API client (no Qt): ``SpotClient``, its pydantic ``models`` and its ``errors``."""

from __future__ import annotations

from app.api import errors, models
from app.api.client import (
    DEFAULT_TIMEOUTS,
    Page,
    Records,
    SkippedRecord,
    SpotClient,
    Timeouts,
)
from app.api.transport import ProxySetting

__all__ = [
    "DEFAULT_TIMEOUTS",
    "Page",
    "ProxySetting",
    "Records",
    "SkippedRecord",
    "SpotClient",
    "Timeouts",
    "errors",
    "models",
]
