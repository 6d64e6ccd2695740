"""Report files: a real PDF (fpdf2) and a plain-text twin, rendered on first download."""

from __future__ import annotations

import os
import sys
import threading
import warnings
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.fileops import replace_retrying
from app.sandbox.records import ReportInfo

if TYPE_CHECKING:
    from fpdf import FPDF

BANNER = "SANDBOX — NOT A REAL RESULT"
_lock = threading.Lock()

# (regular, bold) TrueType fonts with the dashes the report uses, per OS, best first. Nothing
# is shipped: every desktop OS has one of these; without any, the PDF uses Latin-1 core fonts.
_LINUX_FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu",
                    "/usr/share/fonts/TTF", "/usr/share/fonts/dejavu-sans-fonts")
_MAC_FONTS = (("/Library/Fonts/Arial Unicode.ttf", "/Library/Fonts/Arial Unicode.ttf"),
              ("/System/Library/Fonts/Supplemental/Arial.ttf",
               "/System/Library/Fonts/Supplemental/Arial Bold.ttf"))


def font_candidates(
    platform: str = sys.platform, environ: Mapping[str, str] = os.environ
) -> list[tuple[Path, Path]]:
    """Where this OS keeps a Unicode sans-serif (regular, bold), most preferred first."""
    if platform == "win32":
        fonts = Path(environ.get("WINDIR") or environ.get("SystemRoot") or r"C:\Windows") / "Fonts"
        return [(fonts / "arial.ttf", fonts / "arialbd.ttf"),
                (fonts / "segoeui.ttf", fonts / "segoeuib.ttf")]
    if platform == "darwin":
        return [(Path(regular), Path(bold)) for regular, bold in _MAC_FONTS]
    return [(Path(folder) / "DejaVuSans.ttf", Path(folder) / "DejaVuSans-Bold.ttf")
            for folder in _LINUX_FONT_DIRS]


def unicode_font(
    candidates: list[tuple[Path, Path]] | None = None,
    exists: Callable[[Path], bool] = Path.is_file,
) -> tuple[Path, Path] | None:
    """The first (regular, bold) pair present on this machine, or None."""
    for regular, bold in candidates if candidates is not None else font_candidates():
        if exists(regular) and exists(bold):
            return regular, bold
    return None


def result_flag(result: dict[str, Any]) -> str:
    """H (above range), L (below), A (abnormal reactivity) or "" for a report result."""
    value, low, high = result["result"], result["range_minimum"], result["range_maximum"]
    if isinstance(value, int | float) and not isinstance(value, bool):
        if low is not None and value < low:
            return "L"
        if high is not None and value > high:
            return "H"
        return ""
    if value == "positive":
        return "A"
    return ""


def _range(result: dict[str, Any]) -> str:
    low, high = result["range_minimum"], result["range_maximum"]
    if low is None and high is None:
        return ""
    return f"{low:g}–{high:g}" if low is not None and high is not None else f"{low or high:g}"


def _rows(info: ReportInfo) -> list[tuple[str, str, str, str, str]]:
    return [
        (r["name"], str(r["result"]), r["unit_of_measure"] or "", _range(r), result_flag(r))
        for r in info.report["results"]
    ]


def _header(info: ReportInfo) -> list[tuple[str, str]]:
    report = info.report
    lines = [("Patient", info.initials)]
    if info.kit_id:
        lines.append(("Kit ID", info.kit_id))
    lines += [
        ("Sample ID", info.sample_id),
        ("Report ID", report["report_id"]),
        ("Collected", report["date_collected"][:10]),
        ("Received", report["date_received"][:10]),
        ("Report date", info.released[:10]),
    ]
    if report["is_amendment"]:
        lines.append(("Status", "AMENDED REPORT"))
        if info.amends:
            lines.append(("Replaces", info.amends))
    elif info.partial:
        lines.append(("Status", "PARTIAL REPORT - more results to follow"))
    return lines


def render_txt(info: ReportInfo) -> bytes:
    out = [BANNER, "Spot sandbox laboratory report", ""]
    out += [f"{label + ':':<13}{value}" for label, value in _header(info)]
    out += ["", f"{'Test':<28}{'Result':>10}  {'Unit':<8}{'Range':<14}Flag", "-" * 68]
    out += [f"{n:<28}{v:>10}  {u:<8}{r:<14}{f}" for n, v, u, r, f in _rows(info)]
    out += ["", "Flags: H high, L low, A abnormal.", BANNER, ""]
    return "\n".join(out).encode("utf-8")


def _fpdf() -> type[FPDF]:
    """fpdf2, loaded when the first report is drawn: it was a third of the app's start-up
    (the embedded sandbox starts with the app; see tests/benchmarks/startup.py)."""
    with warnings.catch_warnings():
        # fpdf2 warns at import when Pillow is missing (the desktop bundle leaves it out): our
        # reports are text and tables only, no images.
        warnings.filterwarnings(
            "ignore", message="Pillow could not be imported", category=UserWarning
        )
        from fpdf import FPDF
    return FPDF


def render_pdf(info: ReportInfo) -> bytes:
    pdf = _fpdf()()
    pdf.set_title(f"Sandbox report {info.report['report_id']}")
    pdf.set_creator("Spot sandbox")
    font = unicode_font()
    if font is not None:
        pdf.add_font("Unicode", fname=str(font[0]))
        pdf.add_font("Unicode", style="B", fname=str(font[1]))
        family, banner, dash = "Unicode", BANNER, "–"
    else:  # core fonts are Latin-1 only
        family, banner, dash = "Helvetica", BANNER.replace("—", "-"), "-"
    pdf.add_page()
    pdf.set_font(family, size=16)
    pdf.set_text_color(180, 0, 0)
    pdf.cell(0, 10, banner, new_x="LMARGIN", new_y="NEXT", align="C")
    pdf.set_text_color(0, 0, 0)
    pdf.set_font(family, size=13)
    pdf.cell(0, 9, "Laboratory report", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, size=10)
    for label, value in _header(info):
        pdf.cell(35, 6, label)
        pdf.cell(0, 6, value, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    widths = (62, 28, 24, 40, 16)
    with pdf.table(col_widths=widths, text_align=("LEFT", "RIGHT", "LEFT", "LEFT", "CENTER"),
                   first_row_as_headings=True) as table:
        header = table.row()
        for title in ("Test", "Result", "Unit", "Reference range", "Flag"):
            header.cell(title)
        for name, value, unit, ref, flag in _rows(info):
            row = table.row()
            for cell in (name, value, unit, ref.replace("–", dash), flag):
                row.cell(cell)
    pdf.ln(4)
    pdf.set_font(family, size=8)
    pdf.multi_cell(0, 5, "Flags: H high, L low, A abnormal. Generated by the Spot Front Desk "
                   f"sandbox from invented data. {banner}.")
    return bytes(pdf.output())


def report_file(folder: Path, info: ReportInfo, kind: str) -> bytes:
    """The cached file for ``kind`` ("pdf" or "txt"), rendering it on first use."""
    path = folder / f"{info.report['report_id']}.{kind}"
    with _lock:
        if path.exists():
            return path.read_bytes()
        data = render_pdf(info) if kind == "pdf" else render_txt(info)
        folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(data)
        replace_retrying(tmp, path)  # an antivirus may hold the new file for a moment
        return data
