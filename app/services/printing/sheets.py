"""Label sheet layouts for ordinary printers: where each label sits on the page, in millimetres."""

from __future__ import annotations

from dataclasses import dataclass

from app.marks import QT_TRANSLATE_NOOP
from app.services.printing.settings import SheetLayoutName

__all__ = ["SHEETS", "SheetLayout"]

MM_PER_INCH = 25.4


@dataclass(frozen=True)
class SheetLayout:
    name: str
    paper: str  # "letter" or "a4"
    page_mm: tuple[float, float]
    columns: int
    rows: int
    label_mm: tuple[float, float]
    first_mm: tuple[float, float]  # top-left corner of the first label
    pitch_mm: tuple[float, float]  # from one label's corner to the next (across, down)

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows

    def cell(self, index: int) -> tuple[float, float, float, float]:
        """(x, y, width, height) in mm of label ``index`` on its sheet (row by row)."""
        index %= self.per_sheet
        row, column = divmod(index, self.columns)
        return (
            self.first_mm[0] + column * self.pitch_mm[0],
            self.first_mm[1] + row * self.pitch_mm[1],
            *self.label_mm,
        )


def _in(value: float) -> float:
    return value * MM_PER_INCH


SHEETS: dict[SheetLayoutName, SheetLayout] = {
    # Avery 5160 / 8160: US Letter, 3 × 10 labels of 2⅝ × 1 in, ½ in top margin.
    SheetLayoutName.AVERY_5160: SheetLayout(
        name=QT_TRANSLATE_NOOP("LabelSheets", "Avery 5160 (Letter, 30 labels)"),
        paper="letter",
        page_mm=(_in(8.5), _in(11)),
        columns=3,
        rows=10,
        label_mm=(_in(2.625), _in(1.0)),
        first_mm=(_in(0.1875), _in(0.5)),
        pitch_mm=(_in(2.75), _in(1.0)),
    ),
    # Avery L7160: A4, 3 × 7 labels of 63.5 × 38.1 mm.
    SheetLayoutName.AVERY_L7160: SheetLayout(
        name=QT_TRANSLATE_NOOP("LabelSheets", "Avery L7160 (A4, 21 labels)"),
        paper="a4",
        page_mm=(210.0, 297.0),
        columns=3,
        rows=7,
        label_mm=(63.5, 38.1),
        first_mm=(7.2, 15.15),
        pitch_mm=(66.0, 38.1),
    ),
}
