"""A section that a feature adds to the Settings dialog (outreach, printing, the lock…).

The settings package must not import other features, so the shell hands the dialog the
factories of the sections it wants; each section saves its own values on OK.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtWidgets import QWidget

from app.views.common.app_settings import AppSettings

__all__ = ["SectionFactory", "SettingsSection"]


class SettingsSection(Protocol):
    """A widget with ``save()``; the dialog lays it out below its own groups. A section may
    also have ``validate() -> bool``: OK saves nothing while one says False (it shows why)."""

    def save(self) -> None: ...


SectionFactory = Callable[[AppSettings, QWidget], QWidget]
