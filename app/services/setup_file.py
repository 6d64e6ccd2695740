"""A clinic's setup in one file, so five desks are set up alike (no Qt).

The file holds what a desk needs to work like the others: the environment and its URL, the
kit catalog with its names, the refresh interval, and the sections other parts of the app add
(clinic name and phone, printing, screen lock…). It never holds a token, a PIN or patient
data: keys that could hold a secret are dropped on export and ignored on import.

JSON, UTF-8, keys sorted, so exporting the same setup twice gives the same bytes. A setup file
in a machine-wide folder (`machine_setup_paths`) is applied at a desk's first start, for IT
rolling the app out to many computers.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app import APP_ID, APP_NAME
from app.marks import QT_TRANSLATE_NOOP
from app.services.errors import ServiceError

__all__ = [
    "FORMAT",
    "SETUP_FILE_NAME",
    "Change",
    "ClinicSetup",
    "SetupFileError",
    "changes",
    "dumps",
    "loads",
    "machine_setup_paths",
    "read_setup",
    "write_setup",
]

log = logging.getLogger(__name__)

FORMAT = "spot-front-desk-setup"
VERSION = 1
SETUP_FILE_NAME = "setup.json"
MAX_BYTES = 1_000_000
ENVIRONMENT_KINDS = ("production", "sandbox", "custom")
# Never written, never read: a part of a key that names a secret.
_SECRET_WORDS = ("token", "pin", "password", "passcode", "secret", "key")
# Patient data has no place in a setup: sections that could only hold it are refused too.
_PATIENT_WORDS = ("patient", "recipient", "birth", "dob")


class SetupFileError(ServiceError):
    default_title = QT_TRANSLATE_NOOP("Errors", "This isn't a setup file this app can read")
    default_advice = QT_TRANSLATE_NOOP(
        "Errors", "Export the setup again from a desk that works, then import that file."
    )


@dataclass(frozen=True)
class ClinicSetup:
    """What one desk shares with the others. ``sections`` are other features' settings
    (e.g. ``{"clinic": {"name": …, "phone": …}}``), kept as they are."""

    environment_kind: str = "production"
    custom_url: str = ""
    kit_types: Mapping[str, str] = field(default_factory=dict)
    refresh_seconds: int = 60
    sections: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Change:
    """One line of "what will change": ``what`` is a stable label id, old and new are text."""

    what: str
    old: str
    new: str


def _is_secret(key: str) -> bool:
    words = key.lower().replace("-", "_").split("_")
    return any(word in _SECRET_WORDS for word in words) or any(
        part in key.lower() for part in ("token", "password", "secret")
    )


def _is_patient(key: str) -> bool:
    return any(word in key.lower() for word in _PATIENT_WORDS)


def _clean(value: Any, dropped: list[str], where: str = "") -> Any:
    """``value`` without secret or patient keys, at any depth (their paths in ``dropped``)."""
    if isinstance(value, Mapping):
        kept: dict[str, Any] = {}
        for key, inner in value.items():
            path = f"{where}.{key}" if where else str(key)
            if _is_secret(str(key)) or _is_patient(str(key)):
                dropped.append(path)
                continue
            kept[str(key)] = _clean(inner, dropped, path)
        return kept
    if isinstance(value, list):
        return [_clean(inner, dropped, where) for inner in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def dumps(setup: ClinicSetup) -> bytes:
    """The file's bytes: the same setup always gives the same bytes."""
    dropped: list[str] = []
    sections = _clean(dict(setup.sections), dropped)
    if dropped:
        log.info("setup export left out %d secret or personal key(s)", len(dropped))
    environment: dict[str, str] = {"kind": setup.environment_kind}
    if setup.environment_kind == "custom":
        environment["url"] = setup.custom_url
    document = {
        "format": FORMAT,
        "version": VERSION,
        "environment": environment,
        "kit_types": {str(k): str(v) for k, v in setup.kit_types.items()},
        "refresh_seconds": int(setup.refresh_seconds),
        "sections": sections,
    }
    text = json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False)
    return (text + "\n").encode("utf-8")


def loads(data: bytes) -> ClinicSetup:
    """Read a setup file's bytes; `SetupFileError` (plain words) for anything else."""
    if len(data) > MAX_BYTES:
        raise SetupFileError(debug="setup file too large")
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        raise SetupFileError(debug="setup file is not JSON") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise SetupFileError(debug="setup file has no spot-front-desk-setup format mark")
    version = document.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise SetupFileError(
            QT_TRANSLATE_NOOP("Errors", "This setup file is from a newer version of the app"),
            QT_TRANSLATE_NOOP("Errors", "Update the app on this computer, then import it."),
            debug=f"setup file version {version!r}",
        )
    environment = document.get("environment") or {}
    kind = environment.get("kind", "production") if isinstance(environment, dict) else ""
    if kind not in ENVIRONMENT_KINDS:
        raise SetupFileError(debug=f"unknown environment kind {str(kind)[:20]!r}")
    url = str(environment.get("url", "")) if kind == "custom" else ""
    if kind == "custom" and not url:
        raise SetupFileError(debug="custom environment without url")
    kit_types = document.get("kit_types") or {}
    if not isinstance(kit_types, dict):
        raise SetupFileError(debug="kit_types is not an object")
    try:
        refresh = int(document.get("refresh_seconds", 60))
    except (TypeError, ValueError):
        raise SetupFileError(debug="refresh_seconds is not a number") from None
    dropped: list[str] = []
    sections = _clean(document.get("sections") or {}, dropped)
    if not isinstance(sections, dict):
        raise SetupFileError(debug="sections is not an object")
    if dropped:
        log.warning("setup import ignored %d secret or personal key(s)", len(dropped))
    return ClinicSetup(
        environment_kind=kind,
        custom_url=url,
        kit_types={str(k): str(v) for k, v in kit_types.items()},
        refresh_seconds=refresh,
        sections=sections,
    )


def read_setup(path: Path) -> ClinicSetup:
    """Read and check a setup file (blocking)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise SetupFileError(
            QT_TRANSLATE_NOOP("Errors", "The setup file couldn't be read"),
            QT_TRANSLATE_NOOP("Errors", "Check the file's name and that you may open it."),
            debug=f"{type(exc).__name__} reading the setup file",
        ) from None
    return loads(data)


def write_setup(path: Path, setup: ClinicSetup) -> None:
    """Write ``setup`` to ``path`` (blocking); replaces the file in one step."""
    data = dumps(setup)
    partial = path.with_name(path.name + ".partial")
    try:
        with open(partial, "wb") as handle:
            handle.write(data)
        os.replace(partial, path)
    except OSError as exc:
        raise SetupFileError(
            QT_TRANSLATE_NOOP("Errors", "The setup file couldn't be saved"),
            QT_TRANSLATE_NOOP("Errors", "Choose a folder you may write to, then export again."),
            debug=f"{type(exc).__name__} writing the setup file",
        ) from None


def _describe(value: Any) -> str:
    if isinstance(value, Mapping):
        return ", ".join(f"{k}: {_describe(v)}" for k, v in sorted(value.items())) or "—"
    if isinstance(value, list):
        return ", ".join(_describe(v) for v in value) or "—"
    return "—" if value in (None, "") else str(value)


def _environment_text(setup: ClinicSetup) -> str:
    if setup.environment_kind == "custom":
        return f"custom: {setup.custom_url}"
    return setup.environment_kind


def changes(current: ClinicSetup, incoming: ClinicSetup) -> list[Change]:
    """What importing ``incoming`` changes on this desk, in a fixed order."""
    found: list[Change] = []
    if _environment_text(current) != _environment_text(incoming):
        found.append(Change("environment", _environment_text(current),
                            _environment_text(incoming)))
    if dict(current.kit_types) != dict(incoming.kit_types):
        found.append(Change("kit_types", _describe(dict(current.kit_types)),
                            _describe(dict(incoming.kit_types))))
    if current.refresh_seconds != incoming.refresh_seconds:
        found.append(Change("refresh_seconds", str(current.refresh_seconds),
                            str(incoming.refresh_seconds)))
    for name in sorted(set(current.sections) | set(incoming.sections)):
        old, new = current.sections.get(name), incoming.sections.get(name)
        if name in incoming.sections and old != new:
            found.append(Change(f"section:{name}", _describe(old), _describe(new)))
    return found


def machine_setup_paths() -> list[Path]:
    """Where IT may put a setup file for every user of the computer, first found wins.

    Windows: ``%PROGRAMDATA%\\Spot Front Desk\\setup.json``; macOS:
    ``/Library/Application Support/Spot Front Desk/setup.json``; Linux and others: each
    ``$XDG_CONFIG_DIRS`` folder (default ``/etc/xdg``) + ``/<app id>/setup.json``.
    """
    if sys.platform == "win32":
        base = os.environ.get("PROGRAMDATA") or r"C:\ProgramData"
        return [Path(base) / APP_NAME / SETUP_FILE_NAME]
    if sys.platform == "darwin":
        return [Path("/Library/Application Support") / APP_NAME / SETUP_FILE_NAME]
    dirs = os.environ.get("XDG_CONFIG_DIRS") or "/etc/xdg"
    return [Path(folder) / APP_ID / SETUP_FILE_NAME for folder in dirs.split(os.pathsep) if folder]
