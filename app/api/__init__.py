"""Spot API client (no Qt): ``SpotClient``, its pydantic ``models`` and its ``errors``.

Only ``errors`` loads with the package: the client and its models (httpx, pydantic) load on
first use, so code that only needs the exception types (the window before sign-in) starts
without them (tests/benchmarks/startup.py).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from app.api import errors

if TYPE_CHECKING:
    from app.api import models
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

_LAZY = {
    "models": ("app.api.models", None),
    "DEFAULT_TIMEOUTS": ("app.api.client", "DEFAULT_TIMEOUTS"),
    "Page": ("app.api.client", "Page"),
    "Records": ("app.api.client", "Records"),
    "SkippedRecord": ("app.api.client", "SkippedRecord"),
    "SpotClient": ("app.api.client", "SpotClient"),
    "Timeouts": ("app.api.client", "Timeouts"),
    "ProxySetting": ("app.api.transport", "ProxySetting"),
}


def __getattr__(name: str) -> object:
    if name not in _LAZY:
        raise AttributeError(f"module 'app.api' has no attribute {name!r}")
    module_name, attribute = _LAZY[name]
    module = importlib.import_module(module_name)
    value = module if attribute is None else getattr(module, attribute)
    globals()[name] = value
    return value
