"""The app's own preferences (QSettings in an INI file under the config folder).

An INI file under ``paths().config`` rather than the platform registry keeps tests isolated
(``SPOT_FRONT_DESK_HOME``) and lets support read the file. Never holds the API token.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from app.paths import paths

__all__ = ["DEFAULT_KIT_CATALOG", "DEFAULT_REFRESH_SECONDS", "AppSettings"]

DEFAULT_REFRESH_SECONDS = 60
MIN_REFRESH_SECONDS = 10
# Production has no kit-type endpoint; staff adjust this list in Settings.
DEFAULT_KIT_CATALOG: dict[str, str] = {
    "adx100": "ADx100 blood card",
    "whatman903_10": "Whatman 903 card",
    "hemaspot_hf": "HemaSpot HF",
    "saliva_3": "Saliva (3 mL)",
    "dry_transport_swab": "Dry transport swab",
}


class AppSettings:
    """Typed access to the preferences; one file, ``settings.ini``."""

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            folder = paths().config
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / "settings.ini"
        self.path = path
        self._qsettings = QSettings(str(path), QSettings.Format.IniFormat)

    def sync(self) -> None:
        self._qsettings.sync()

    # --- environment -----------------------------------------------------------------

    @property
    def environment_kind(self) -> str:
        return str(self._qsettings.value("session/environment", "production"))

    @environment_kind.setter
    def environment_kind(self, kind: str) -> None:
        self._qsettings.setValue("session/environment", kind)

    @property
    def custom_url(self) -> str:
        return str(self._qsettings.value("session/custom_url", ""))

    @custom_url.setter
    def custom_url(self, url: str) -> None:
        self._qsettings.setValue("session/custom_url", url)

    # --- refresh and catalog ----------------------------------------------------------

    @property
    def refresh_seconds(self) -> int:
        value = self._qsettings.value("sync/refresh_seconds", DEFAULT_REFRESH_SECONDS)
        try:
            return max(MIN_REFRESH_SECONDS, int(str(value)))
        except ValueError:
            return DEFAULT_REFRESH_SECONDS

    @refresh_seconds.setter
    def refresh_seconds(self, seconds: int) -> None:
        self._qsettings.setValue("sync/refresh_seconds", max(MIN_REFRESH_SECONDS, int(seconds)))

    @property
    def kit_catalog(self) -> dict[str, str]:
        raw = self._qsettings.value("catalog/kit_types", "")
        if raw:
            try:
                loaded = json.loads(str(raw))
            except ValueError:
                loaded = None
            if isinstance(loaded, dict):
                return {str(key): str(value) for key, value in loaded.items()}
        return dict(DEFAULT_KIT_CATALOG)

    @kit_catalog.setter
    def kit_catalog(self, catalog: dict[str, str]) -> None:
        self._qsettings.setValue("catalog/kit_types", json.dumps(catalog, sort_keys=True))

    # --- outreach (bulk import, unreturned kits) --------------------------------------

    def _number(self, key: str, default: float, low: float, high: float) -> float:
        try:
            value = float(str(self._qsettings.value(key, default)))
        except ValueError:
            return default
        return min(high, max(low, value))

    @property
    def import_rate(self) -> float:
        """Orders a second an import sends at most (default 2)."""
        return self._number("outreach/orders_per_second", 2.0, 0.1, 10.0)

    @import_rate.setter
    def import_rate(self, rate: float) -> None:
        self._qsettings.setValue("outreach/orders_per_second", float(rate))

    @property
    def worklist_days(self) -> tuple[int, int, int]:
        """Days before a kit is chased: delivered not registered, registered without a
        sample on its way, sample in transit (defaults 10, 7, 10)."""
        return (
            int(self._number("outreach/delivered_days", 10, 1, 365)),
            int(self._number("outreach/registered_days", 7, 1, 365)),
            int(self._number("outreach/transit_days", 10, 1, 365)),
        )

    @worklist_days.setter
    def worklist_days(self, days: tuple[int, int, int]) -> None:
        for key, value in zip(("delivered_days", "registered_days", "transit_days"), days,
                              strict=True):  # fmt: skip
            self._qsettings.setValue(f"outreach/{key}", int(value))

    @property
    def clinic(self) -> tuple[str, str]:
        """(clinic name, clinic phone) for reminder letters."""
        return (str(self._qsettings.value("clinic/name", "")),
                str(self._qsettings.value("clinic/phone", "")))  # fmt: skip

    @clinic.setter
    def clinic(self, value: tuple[str, str]) -> None:
        self._qsettings.setValue("clinic/name", value[0])
        self._qsettings.setValue("clinic/phone", value[1])

    # --- window layout ----------------------------------------------------------------

    def layout(self, name: str) -> QByteArray | None:
        value = self._qsettings.value(f"layout/{name}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_layout(self, name: str, state: QByteArray) -> None:
        self._qsettings.setValue(f"layout/{name}", state)
