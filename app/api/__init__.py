"""Spot API client (no Qt): ``SpotClient``, its pydantic ``models`` and its ``errors``."""

from __future__ import annotations

from app.api import errors, models
from app.api.client import DEFAULT_TIMEOUTS, SpotClient, Timeouts

__all__ = ["DEFAULT_TIMEOUTS", "SpotClient", "Timeouts", "errors", "models"]
