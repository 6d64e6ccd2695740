"""Printing preferences as plain data, and the checks Settings runs before saving them.

Stored by the view layer (QSettings); kept Qt-free so services and tests can build them.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from enum import StrEnum
from urllib.parse import urlsplit

from app.services.errors import QT_TRANSLATE_NOOP
from app.services.printing.wording import say

__all__ = [
    "CLINIC_FIELDS",
    "DEFAULT_RAW_PORT",
    "ClinicMove",
    "LabelPrinterKind",
    "LabelSize",
    "PrintSettings",
    "SheetLayoutName",
    "check_info_url",
    "move_clinic_out",
    "parse_printer_address",
    "settings_from_json",
    "settings_to_json",
]

DEFAULT_RAW_PORT = 9100  # the "raw" / JetDirect port every Zebra network printer listens on
SUPPORTED_DPI = (203, 300)  # the two resolutions Zebra desktop label printers come in


class LabelPrinterKind(StrEnum):
    SHEET = "sheet"  # no label printer: labels go on an Avery sheet through the normal printer
    NETWORK = "network"  # a Zebra on the network, raw TCP (host:port)
    QUEUE = "queue"  # a Zebra installed as a printer queue on this computer (raw)


class LabelSize(StrEnum):
    SMALL = "2x1"  # 2 × 1 in: tube and kit box labels
    LARGE = "4x6"  # 4 × 6 in: shipping-size labels

    @property
    def inches(self) -> tuple[float, float]:
        return (2.0, 1.0) if self is LabelSize.SMALL else (4.0, 6.0)


class SheetLayoutName(StrEnum):
    AVERY_5160 = "avery5160"  # US Letter, 30 labels
    AVERY_L7160 = "l7160"  # A4, 21 labels


@dataclass(frozen=True)
class PrintSettings:
    clinic_name: str = ""
    clinic_phone: str = ""
    logo_path: str = ""
    info_url: str = ""  # the clinic's registration or instructions page (the hand-out's QR)
    printer_kind: LabelPrinterKind = LabelPrinterKind.SHEET
    printer_address: str = ""  # host or host:port, for NETWORK
    printer_queue: str = ""  # installed queue name, for QUEUE
    label_size: LabelSize = LabelSize.SMALL
    label_dpi: int = 203
    sheet_layout: SheetLayoutName = SheetLayoutName.AVERY_5160


# The clinic's name and phone live in one place, the "clinic" settings group, shared by the
# hand-out, labels and outreach letters. ``PrintSettings`` carries them for printing, but the
# printing settings' own JSON no longer stores them.
CLINIC_FIELDS = ("clinic_name", "clinic_phone")


def settings_to_json(settings: PrintSettings) -> str:
    """The printing settings to store, without the clinic's name and phone (see above)."""
    values = asdict(settings)
    for name in CLINIC_FIELDS:
        del values[name]
    return json.dumps(values, sort_keys=True)


@dataclass(frozen=True)
class ClinicMove:
    """The outcome of ``move_clinic_out``: what to store now, and what was replaced."""

    printing_json: str  # the printing settings without the clinic's name and phone
    name: str  # the one clinic name to keep
    phone: str  # the one clinic phone to keep
    replaced_name: str  # the letters' name when it differed from the hand-out's ("" if not)
    replaced_phone: str


def move_clinic_out(printing_json: str, letters_name: str, letters_phone: str) -> ClinicMove | None:
    """Earlier versions stored the clinic's name and phone twice: in the printing settings (for
    the hand-out) and in the clinic group (for outreach letters). Merge them into one, field by
    field: a non-empty value beats an empty one; when both are filled in and differ, the
    hand-out's wins (it is the newer setting and the one patients see) and the letters' value
    is handed back as ``replaced_*`` so it can be shown, never silently lost.

    None when the printing settings hold no clinic details (already moved, or never set).
    """
    try:
        loaded = json.loads(printing_json) if printing_json else {}
    except ValueError:
        return None
    if not isinstance(loaded, dict) or not any(name in loaded for name in CLINIC_FIELDS):
        return None
    kept: list[str] = []
    replaced: list[str] = []
    for field_name, letters in zip(CLINIC_FIELDS, (letters_name, letters_phone), strict=True):
        value = loaded.pop(field_name, "")
        handout = value.strip() if isinstance(value, str) else ""
        letters = letters.strip()
        kept.append(handout or letters)
        replaced.append(letters if handout and letters and letters != handout else "")
    return ClinicMove(json.dumps(loaded, sort_keys=True), kept[0], kept[1], replaced[0],
                      replaced[1])


def settings_from_json(text: str) -> PrintSettings:
    """Tolerant: a missing, unknown or malformed value falls back to its default, so a file
    written by a newer version (or edited by hand) never stops the app."""
    try:
        loaded = json.loads(text) if text else {}
    except ValueError:
        loaded = {}
    if not isinstance(loaded, dict):
        loaded = {}
    default = PrintSettings()
    values: dict[str, object] = {}
    for field in fields(PrintSettings):
        fallback = getattr(default, field.name)
        value = loaded.get(field.name, fallback)
        try:
            if isinstance(fallback, StrEnum):
                value = type(fallback)(value)
            elif field.name == "label_dpi":
                value = int(value) if int(value) in SUPPORTED_DPI else fallback
            else:
                value = str(value)
        except (TypeError, ValueError):
            value = fallback
        values[field.name] = value
    return PrintSettings(**values)  # type: ignore[arg-type]


def check_info_url(url: str) -> str | None:
    """The problem with a hand-out URL, or None. Empty is allowed (no QR is printed)."""
    url = url.strip()
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return say(QT_TRANSLATE_NOOP(
            "Errors",
            "Enter a web address that starts with https:// (for example "
            "https://clinic.example/kits).",
        ))
    if parts.username or parts.password:
        return say(QT_TRANSLATE_NOOP(
            "Errors", "The web address must not contain a user name or password."))
    return None


def parse_printer_address(text: str) -> tuple[str, int]:
    """``host``, ``host:port``, ``[v6]`` or ``[v6]:port`` → (host, port); ValueError with a
    message for the user when it is not one of those."""
    text = text.strip()
    if not text:
        raise ValueError(say(QT_TRANSLATE_NOOP(
            "Errors", "Enter the label printer's network address, for example 10.0.0.25:9100.")))
    host, port_text = text, ""
    if text.startswith("["):
        end = text.find("]")
        if end < 0:
            raise ValueError(say(QT_TRANSLATE_NOOP(
                "Errors", "The address %1 has a '[' without a closing ']'."), repr(text)))
        host, rest = text[1:end], text[end + 1 :]
        if rest and not rest.startswith(":"):
            raise ValueError(say(QT_TRANSLATE_NOOP(
                "Errors", "The address %1 is not host:port."), repr(text)))
        port_text = rest[1:]
    elif text.count(":") == 1:
        host, port_text = text.split(":")
    if not host or any(ch.isspace() for ch in host):
        raise ValueError(say(QT_TRANSLATE_NOOP(
            "Errors", "The address %1 has no printer name or IP address."), repr(text)))
    if not port_text:
        return host, DEFAULT_RAW_PORT
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise ValueError(say(QT_TRANSLATE_NOOP(
            "Errors", "The port in %1 must be a number from 1 to 65535 (usually 9100)."),
            repr(text)))
    return host, int(port_text)
