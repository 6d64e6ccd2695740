"""The app's own preferences (QSettings in an INI file under the config folder).

An INI file under ``paths().config`` rather than the platform registry keeps tests isolated
(``SPOT_FRONT_DESK_HOME``) and lets support read the file. Never holds the API token.
"""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings

from app.paths import paths
from app.services.audit import DEFAULT_RETENTION_YEARS, MAX_RETENTION_YEARS, MIN_RETENTION_YEARS
from app.services.idle_lock import DEFAULT_IDLE_MINUTES, MAX_IDLE_MINUTES, MIN_IDLE_MINUTES
from app.services.printing.settings import (
    PrintSettings,
    move_clinic_out,
    settings_from_json,
    settings_to_json,
)
from app.services.private_db import create_private_file

if TYPE_CHECKING:
    # Loaded when used: the first window shows before the HTTP client is imported.
    from app.services.environments import ProxySetting

__all__ = ["DEFAULT_REFRESH_SECONDS", "SHARED_GROUPS", "AppSettings"]

DEFAULT_REFRESH_SECONDS = 60
MIN_REFRESH_SECONDS = 10
# Earlier versions filled production with sample types that are not any account's kit type
# ids (the first real order was rejected). A catalog equal to them was never chosen by anyone:
# it is dropped, and the account's own kit types are learned or asked for instead.
_INVENTED_CATALOG = {
    "adx100": "ADx100 blood card",
    "whatman903_10": "Whatman 903 card",
    "hemaspot_hf": "HemaSpot HF",
    "saliva_3": "Saliva (3 mL)",
    "dry_transport_swab": "Dry transport swab",
}
# Settings groups that belong in the clinic's setup file (the same on every desk). Features
# that add clinic-wide settings (clinic name and phone, printing, screen lock) name their group
# here; a group's keys must never hold a secret or patient data.
SHARED_GROUPS: tuple[str, ...] = ("clinic", "printing", "lock", "results_inbox")
# Kept out of SHARED_GROUPS: this desk's own note of a clinic name/phone replaced in a merge.
_REPLACED_CLINIC = "clinic_replaced"
_LEGACY_CATALOG_KEY = "catalog/kit_types"  # one catalog for production, before per environment
_CATALOGS_KEY = "catalog/by_environment"  # {environment key: {kit type id: friendly name}}


class AppSettings:
    """Typed access to the preferences; one file, ``settings.ini``."""

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            folder = paths().config
            folder.mkdir(parents=True, exist_ok=True)
            os.chmod(folder, 0o700)
            path = folder / "settings.ini"
        # User-only like the rest of the app's files: QSettings keeps an existing file's mode
        # when it rewrites it, and would otherwise create it with the umask's 0644.
        create_private_file(path)
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

    # --- network (this workstation only: never in the clinic's setup file) -------------

    @property
    def proxy(self) -> ProxySetting:
        """How this computer reaches Spot: the system proxy, none, or a manual URL. A
        hand-edited entry that is no proxy address counts as the system proxy."""
        from app.services.environments import PROXY_SETTING_KEY, SYSTEM_PROXY, ProxySetting

        try:
            return ProxySetting.from_text(str(self._qsettings.value(PROXY_SETTING_KEY, "")))
        except ValueError:
            return SYSTEM_PROXY

    @proxy.setter
    def proxy(self, proxy: ProxySetting) -> None:
        from app.services.environments import PROXY_SETTING_KEY

        self._qsettings.setValue(PROXY_SETTING_KEY, proxy.as_text())

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
    def environment_key(self) -> str:
        """The keyring/catalog key of the environment in use ("production", "custom:<url>")."""
        kind = self.environment_kind
        if kind == "custom":
            return f"custom:{self.custom_url}"
        return kind if kind == "sandbox" else "production"

    @property
    def kit_catalog(self) -> dict[str, str]:
        """The kit types of the environment in use; empty until learned or entered."""
        return self.kit_catalog_for(self.environment_key)

    @kit_catalog.setter
    def kit_catalog(self, catalog: dict[str, str]) -> None:
        self.set_kit_catalog_for(self.environment_key, catalog)

    def kit_catalog_for(self, environment_key: str) -> dict[str, str]:
        """Each environment (account) keeps its own kit types; no invented defaults."""
        catalog = self._catalogs().get(environment_key)
        if catalog is None and environment_key == "production":
            legacy = _json_catalog(self._qsettings.value(_LEGACY_CATALOG_KEY, ""))
            catalog = legacy if legacy != _INVENTED_CATALOG else None
        return dict(catalog or {})

    def set_kit_catalog_for(self, environment_key: str, catalog: dict[str, str]) -> None:
        catalogs = self._catalogs()
        catalogs[environment_key] = {str(k): str(v) for k, v in catalog.items()}
        self._qsettings.setValue(_CATALOGS_KEY, json.dumps(catalogs, sort_keys=True))
        self._qsettings.remove(_LEGACY_CATALOG_KEY)

    def _catalogs(self) -> dict[str, dict[str, str]]:
        raw = self._qsettings.value(_CATALOGS_KEY, "")
        try:
            loaded = json.loads(str(raw)) if raw else {}
        except ValueError:
            loaded = {}
        if not isinstance(loaded, dict):
            return {}
        return {
            str(key): {str(k): str(v) for k, v in value.items()}
            for key, value in loaded.items() if isinstance(value, dict)
        }

    # --- one-time notices --------------------------------------------------------------

    def notice_shown(self, name: str) -> bool:
        return str(self._qsettings.value(f"notices/{name}", "")) == "1"

    def set_notice_shown(self, name: str) -> None:
        self._qsettings.setValue(f"notices/{name}", "1")

    # --- what a clinic's desks share (the setup file) ---------------------------------

    def shared_sections(self) -> dict[str, dict[str, str]]:
        """The settings groups other features add for every desk (``SHARED_GROUPS``)."""
        self._move_clinic_out_of_printing()  # a setup file holds the clinic once
        sections: dict[str, dict[str, str]] = {}
        for group in SHARED_GROUPS:
            self._qsettings.beginGroup(group)
            try:
                values = {key: str(self._qsettings.value(key)) for key in
                          self._qsettings.childKeys()}
            finally:
                self._qsettings.endGroup()
            if values:
                sections[group] = values
        return sections

    def set_shared_section(self, group: str, values: dict[str, object]) -> None:
        if group not in SHARED_GROUPS:
            return  # a section this version does not know: left alone
        self._qsettings.beginGroup(group)
        try:
            self._qsettings.remove("")
            for key, value in values.items():
                self._qsettings.setValue(key, value)
        finally:
            self._qsettings.endGroup()

    # --- printing (hand-out, label printer) -------------------------------------------

    @property
    def print_settings(self) -> PrintSettings:
        """The printing settings, with the clinic's name and phone from ``clinic``."""
        name, phone = self.clinic
        loaded = settings_from_json(str(self._qsettings.value("printing/settings", "")))
        return replace(loaded, clinic_name=name, clinic_phone=phone)

    @print_settings.setter
    def print_settings(self, settings: PrintSettings) -> None:
        """Stores all but the clinic's name and phone: those are set through ``clinic``."""
        self._qsettings.setValue("printing/settings", settings_to_json(settings))

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
        """(clinic name, clinic phone): the one place for hand-outs, labels and letters."""
        self._move_clinic_out_of_printing()
        return (str(self._qsettings.value("clinic/name", "")),
                str(self._qsettings.value("clinic/phone", "")))  # fmt: skip

    @clinic.setter
    def clinic(self, value: tuple[str, str]) -> None:
        self._move_clinic_out_of_printing()
        self._qsettings.setValue("clinic/name", value[0])
        self._qsettings.setValue("clinic/phone", value[1])
        self._qsettings.remove(_REPLACED_CLINIC)  # saved from the Clinic section: seen

    @property
    def replaced_clinic(self) -> tuple[str, str]:
        """The letters' (name, phone) that the hand-out's replaced when the two were merged
        ("" where nothing was replaced); shown in Settings → Clinic until it is saved."""
        self._move_clinic_out_of_printing()
        return (str(self._qsettings.value(f"{_REPLACED_CLINIC}/name", "")),
                str(self._qsettings.value(f"{_REPLACED_CLINIC}/phone", "")))  # fmt: skip

    def _move_clinic_out_of_printing(self) -> None:
        # Runs on every read: a setup file from an earlier version may bring them back.
        moved = move_clinic_out(str(self._qsettings.value("printing/settings", "")),
                                str(self._qsettings.value("clinic/name", "")),
                                str(self._qsettings.value("clinic/phone", "")))  # fmt: skip
        if moved is None:
            return
        self._qsettings.setValue("clinic/name", moved.name)
        self._qsettings.setValue("clinic/phone", moved.phone)
        for key, value in (("name", moved.replaced_name), ("phone", moved.replaced_phone)):
            if value:
                self._qsettings.setValue(f"{_REPLACED_CLINIC}/{key}", value)
        self._qsettings.setValue("printing/settings", moved.printing_json)

    # --- shared workstation (administrators change these) ------------------------------

    @property
    def idle_lock_minutes(self) -> int:
        """Minutes without input before the app locks (1–30, default 5)."""
        return int(self._number("staff/idle_lock_minutes", DEFAULT_IDLE_MINUTES,
                                MIN_IDLE_MINUTES, MAX_IDLE_MINUTES))

    @idle_lock_minutes.setter
    def idle_lock_minutes(self, minutes: int) -> None:
        self._qsettings.setValue("staff/idle_lock_minutes", int(minutes))

    @property
    def audit_retention_years(self) -> int:
        """Years the audit trail keeps records (default 6: HIPAA's retention period)."""
        return int(self._number("staff/audit_retention_years", DEFAULT_RETENTION_YEARS,
                                MIN_RETENTION_YEARS, MAX_RETENTION_YEARS))

    @audit_retention_years.setter
    def audit_retention_years(self, years: int) -> None:
        self._qsettings.setValue("staff/audit_retention_years", int(years))
    # --- results inbox ----------------------------------------------------------------

    @property
    def inbox_reviewer(self) -> tuple[str, str]:
        """(name or initials, role) this workstation signs inbox reports as, until the staff
        profile (issue 15) says who is at the desk."""
        name = str(self._qsettings.value("inbox/reviewer_name", ""))
        role = str(self._qsettings.value("inbox/reviewer_role", "front_desk"))
        return name, role

    @inbox_reviewer.setter
    def inbox_reviewer(self, value: tuple[str, str]) -> None:
        self._qsettings.setValue("inbox/reviewer_name", value[0])
        self._qsettings.setValue("inbox/reviewer_role", value[1])

    @property
    def inbox_shared(self) -> tuple[str, str]:
        """(critical limits as JSON, go-live date YYYY-MM-DD): what every desk of the clinic
        should share, so it travels in the clinic setup file. "" where this desk has none yet."""
        return (str(self._qsettings.value("results_inbox/critical_limits", "")),
                str(self._qsettings.value("results_inbox/go_live", "")))

    @inbox_shared.setter
    def inbox_shared(self, value: tuple[str, str]) -> None:
        self._qsettings.setValue("results_inbox/critical_limits", value[0])
        self._qsettings.setValue("results_inbox/go_live", value[1])

    # --- window layout ----------------------------------------------------------------

    def layout(self, name: str) -> QByteArray | None:
        value = self._qsettings.value(f"layout/{name}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_layout(self, name: str, state: QByteArray) -> None:
        self._qsettings.setValue(f"layout/{name}", state)


def _json_catalog(raw: object) -> dict[str, str] | None:
    try:
        loaded = json.loads(str(raw)) if raw else None
    except ValueError:
        return None
    if not isinstance(loaded, dict):
        return None
    return {str(key): str(value) for key, value in loaded.items()}
