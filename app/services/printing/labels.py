"""Label templates (kit, order, requisition) and the ZPL a Zebra printer prints them from.

A ``Label`` is plain text plus one barcode value; the same label goes to a Zebra as ZPL
(``label_zpl``) or onto an Avery sheet through Qt (``app.views.printing.label_sheet``). Sizes
are 2 × 1 in and 4 × 6 in, at 203 or 300 dpi. Field data is sent hex-escaped in UTF-8
(``^CI28``), with ``^FH`` escapes so stray ``^``/``~`` in a name cannot break the label.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from app.services.errors import QT_TRANSLATE_NOOP
from app.services.printing.codes import code128_modules
from app.services.printing.settings import SUPPORTED_DPI, LabelSize
from app.services.printing.wording import say

__all__ = [
    "Label",
    "LabelKind",
    "kit_label",
    "label_zpl",
    "labels_zpl",
    "order_label",
    "printer_test_label",
    "requisition_label",
]


class LabelKind(StrEnum):
    KIT = "kit_label"
    ORDER = "order_label"
    REQUISITION = "requisition_label"
    TEST = "test_label"


@dataclass(frozen=True)
class Label:
    kind: LabelKind
    heading: str  # a short word over the barcode: "KIT", "ORDER", the lab's name
    barcode: str  # Code 128, also printed as text beside the heading
    lines: tuple[str, ...]  # under the barcode, most important first
    object_ids: tuple[str, ...]  # what the audit trail records (ids, never the lines)


def _day(value: date | str | None) -> str:
    if value is None or value == "":
        return "____-__-__"
    return value.isoformat() if isinstance(value, date) else str(value)


def kit_label(
    kit_id: str, patient_name: str, date_of_birth: date | str | None, on: date
) -> Label:
    return Label(
        kind=LabelKind.KIT,
        heading="KIT",
        barcode=kit_id,
        lines=(patient_name, f"DOB {_day(date_of_birth)}", f"Date {_day(on)}"),
        object_ids=(kit_id,),
    )


def order_label(order_id: str, patient_name: str, kit_names: Sequence[str], on: date) -> Label:
    return Label(
        kind=LabelKind.ORDER,
        heading="ORDER",
        barcode=order_id,
        lines=(patient_name, ", ".join(kit_names), f"Date {_day(on)}"),
        object_ids=(order_id,),
    )


def requisition_label(
    barcode: str,
    patient_name: str,
    date_of_birth: date | str | None,
    lab: str,
    requisition_id: str | None = None,
) -> Label:
    return Label(
        kind=LabelKind.REQUISITION,
        heading="REQ",
        barcode=barcode,
        lines=(patient_name, f"DOB {_day(date_of_birth)}", f"Lab {lab}"),
        object_ids=(requisition_id,) if requisition_id else (barcode,),
    )


def printer_test_label(on: date) -> Label:
    """What Settings' "Test print" sends: no patient, a fixed barcode a scanner can check."""
    return Label(
        kind=LabelKind.TEST,
        heading="TEST",
        barcode="SPOT-TEST-123",
        lines=("Spot Front Desk", "Label printer test", f"Date {_day(on)}"),
        object_ids=(),
    )


@dataclass(frozen=True)
class _Geometry:
    """Sizes in inches for one label size; converted to dots per printer resolution."""

    margin: float
    heading: float  # font height of the heading line
    bar_height: float
    line: float  # font height of the text lines
    gap: float
    max_module: int  # widest bar module, in dots at 203 dpi


_GEOMETRY = {
    LabelSize.SMALL: _Geometry(
        margin=0.06, heading=0.13, bar_height=0.30, line=0.12, gap=0.03, max_module=3
    ),
    LabelSize.LARGE: _Geometry(
        margin=0.25, heading=0.35, bar_height=1.40, line=0.30, gap=0.12, max_module=6
    ),
}


def _escape(text: str) -> str:
    """Field data for ``^FH\\``: ZPL's control characters (``^ ~ \\``) and anything unprintable
    as \\XX UTF-8 bytes; accented letters stay as they are (UTF-8 under ``^CI28``)."""
    out = []
    for ch in text:
        if ch.isprintable() and ch not in "^~\\":
            out.append(ch)
        else:
            out.extend(f"\\{byte:02X}" for byte in ch.encode("utf-8"))
    return "".join(out)


def _fit(text: str, width_dots: int, height_dots: int) -> str:
    # Font 0 glyphs average about 0.6 of their height (zpl-toolchain's bounds check agrees);
    # cut long text with an ellipsis rather than letting the printer wrap it over the next line.
    limit = max(4, int(width_dots / (0.62 * height_dots)))
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def label_zpl(label: Label, size: LabelSize, dpi: int = 203) -> str:
    """One label as a complete ZPL II format (``^XA`` … ``^XZ``)."""
    if dpi not in SUPPORTED_DPI:
        raise ValueError(say(QT_TRANSLATE_NOOP("Errors", "Label printers print at %1 or %2 dpi."),
                             *SUPPORTED_DPI))
    geo = _GEOMETRY[size]
    width_in, height_in = size.inches
    width, height = round(width_in * dpi), round(height_in * dpi)

    def dots(inches: float) -> int:
        return round(inches * dpi)

    margin = dots(geo.margin)
    inner = width - 2 * margin
    modules = len(code128_modules(label.barcode))
    # Zebra's automatic Code 128 mode may pick code sets a little less tightly than
    # python-barcode: keep 10% of headroom so the symbol never runs off the label.
    module = min(round(geo.max_module * dpi / 203), int(inner / (modules * 1.1)))
    if module < 1:
        raise ValueError(say(QT_TRANSLATE_NOOP(
            "Errors", "The barcode %1 is too long for a %2 in label."), repr(label.barcode),
            size.value.replace("x", " × ")))
    bar_x = max(margin, (width - modules * module) // 2)
    head_h, line_h = dots(geo.heading), dots(geo.line)

    lines = [
        "^XA",
        "^CI28",
        f"^PW{width}",
        f"^LL{height}",
        "^LH0,0",
    ]
    y = margin
    heading = _fit(f"{label.heading}  {label.barcode}", inner, head_h)
    lines.append(f"^FO{margin},{y}^A0N,{head_h},{head_h}^FH\\^FD{_escape(heading)}^FS")
    y += head_h + dots(geo.gap)
    lines.append(f"^FO{bar_x},{y}^BY{module}")
    lines.append(f"^BCN,{dots(geo.bar_height)},N,N,N,A^FD{_escape(label.barcode)}^FS")
    y += dots(geo.bar_height) + dots(geo.gap)
    for text in label.lines:
        if y + line_h > height - margin // 2:
            break
        fitted = _fit(text, inner, line_h)
        lines.append(f"^FO{margin},{y}^A0N,{line_h},{line_h}^FH\\^FD{_escape(fitted)}^FS")
        y += line_h + dots(geo.gap)
    lines.append("^PQ1")
    lines.append("^XZ")
    return "\n".join(lines) + "\n"


def labels_zpl(labels: Sequence[Label], size: LabelSize, dpi: int = 203) -> bytes:
    """Several labels as one print job, ready to send raw."""
    return "".join(label_zpl(label, size, dpi) for label in labels).encode("utf-8")
