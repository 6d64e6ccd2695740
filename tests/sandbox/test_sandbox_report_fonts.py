"""The sandbox's report PDFs find a Unicode font on Linux, Windows and macOS, or fall back."""

from __future__ import annotations

from pathlib import Path, PureWindowsPath

import pytest

from app.sandbox import reports
from app.sandbox.records import ReportInfo
from app.sandbox.reports import font_candidates, render_pdf, report_file, unicode_font
from tests.helpers.windows import refuse_renames

INFO = ReportInfo(
    report={
        "report_id": "RPT-FONT-1", "date_collected": "2026-01-02T10:00:00Z",
        "date_received": "2026-01-04T10:00:00Z", "is_amendment": False,
        "results": [{"name": "HbA1c", "result": 5.1, "unit_of_measure": "%",
                     "range_minimum": 4.0, "range_maximum": 5.6}],
    },
    kit_id="SPOTFONT01", sample_id="S-1", initials="A.B.", kind="pdf",
    released="2026-01-05T10:00:00Z",
)


def test_windows_fonts_come_from_the_windows_folder() -> None:
    regular, bold = font_candidates("win32", {"WINDIR": r"D:\WINNT"})[0]
    assert PureWindowsPath(str(regular)) == PureWindowsPath(r"D:\WINNT\Fonts\arial.ttf")
    assert PureWindowsPath(str(bold)).name == "arialbd.ttf"


def test_macos_and_linux_have_their_own_candidates() -> None:
    mac = font_candidates("darwin", {})
    linux = font_candidates("linux", {})
    assert all(str(regular).startswith(("/Library", "/System")) for regular, _ in mac)
    assert all(regular.name == "DejaVuSans.ttf" for regular, _ in linux)


def test_first_complete_pair_wins() -> None:
    pairs = [(Path("a.ttf"), Path("a-bold.ttf")), (Path("b.ttf"), Path("b-bold.ttf"))]
    present = {Path("a.ttf"), Path("b.ttf"), Path("b-bold.ttf")}
    assert unicode_font(pairs, present.__contains__) == pairs[1]
    assert unicode_font(pairs, lambda _p: False) is None


def test_without_any_font_the_pdf_uses_latin1_core_fonts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(reports, "unicode_font", lambda: None)
    pdf = render_pdf(INFO)
    assert pdf.startswith(b"%PDF-")
    assert b"Helvetica" in pdf


def test_with_a_font_on_this_machine_it_is_embedded() -> None:
    if unicode_font() is None:
        pytest.skip("no Unicode font installed here (CI installs fonts-dejavu-core)")
    pdf = render_pdf(INFO)
    assert b"FontFile2" in pdf  # an embedded TrueType font
    assert b"/BaseFont /Helvetica" not in pdf


def test_report_file_survives_an_antivirus_holding_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    refusals = refuse_renames(monkeypatch, 2)
    data = report_file(tmp_path, INFO, "txt")
    assert (tmp_path / "RPT-FONT-1.txt").read_bytes() == data
    assert not refusals
