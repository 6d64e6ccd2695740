"""Spot Front Desk: order, track and read Spot at-home sample-collection kits."""

from __future__ import annotations

from typing import TYPE_CHECKING

APP_NAME = "Spot Front Desk"
APP_ID = "spot-front-desk"  # keyring service, data folders, QSettings: stable across versions
ORG_NAME = "Spot Front Desk"
ORG_DOMAIN = "spotfrontdesk.local"

if TYPE_CHECKING:
    __version__: str


def _installed_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("spot-front-desk")
    except PackageNotFoundError:  # running from a source tree without an install
        return "0.0.0+source"


def __getattr__(name: str) -> str:
    # ``__version__`` is read from the install's metadata on first use: importlib.metadata
    # (email parsing and all) costs ~25 ms, more than the app's first window can spare
    # (tests/benchmarks/startup.py).
    if name == "__version__":
        value = _installed_version()
        globals()["__version__"] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
