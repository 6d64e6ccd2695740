"""One report's results as a read-only table, out-of-range values flagged by colour AND by word.

Values are shown exactly as the lab sent them ("<10", "negative"); the flag column says "High"
or "Low" so the flag does not depend on telling colours apart. A value with a qualifier is
flagged only when the qualifier makes it certain ("<10" against a range starting at 20 is low).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.api import models
from app.marks import QT_TRANSLATE_NOOP
from app.views.common.plain_text import plain_tooltip
from app.views.theme import ThemeFollower, badge_colors

__all__ = ["COLUMNS", "ResultsTable", "format_range", "format_value", "result_flag"]



COL_NAME, COL_VALUE, COL_UNIT, COL_RANGE, COL_FLAG = range(5)
COLUMNS = (
    QT_TRANSLATE_NOOP("ResultsTable", "Biomarker"),
    QT_TRANSLATE_NOOP("ResultsTable", "Result"),
    QT_TRANSLATE_NOOP("ResultsTable", "Unit"),
    QT_TRANSLATE_NOOP("ResultsTable", "Reference range"),
    QT_TRANSLATE_NOOP("ResultsTable", "Flag"),
)

_QUALIFIED = re.compile(r"^\s*([<>]=?|≤|≥)?\s*([-+]?\d+(?:\.\d+)?)\s*$")
_POSITIVE = frozenset({"positive", "reactive", "detected"})


def _tr(text: str) -> str:
    return QCoreApplication.translate("ResultsTable", text)


def _number(value: object) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, str):
        match = _QUALIFIED.match(value)
        if match and not match.group(1):
            return float(match.group(2))
    return None


def format_value(value: object) -> str:
    """The value as the lab sent it; whole floats without a trailing ".0"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def format_range(low: object, high: object) -> str:
    """"20–200", "≥ 30", "≤ 99" or "" when there is no range."""
    low_text, high_text = format_value(low), format_value(high)
    if low_text and high_text:
        return f"{low_text}–{high_text}"
    if low_text:
        return f"≥ {low_text}"
    if high_text:
        return f"≤ {high_text}"
    return ""


def result_flag(result: models.Result) -> str | None:
    """"high", "low", "positive" or None (in range, unknown, or not comparable)."""
    value = result.result
    if isinstance(value, str) and value.strip().lower() in _POSITIVE:
        return "positive"
    low, high = _number(result.range_minimum), _number(result.range_maximum)
    if isinstance(value, str):
        match = _QUALIFIED.match(value)
        if match is None:
            return None
        qualifier, amount = match.group(1) or "", float(match.group(2))
        if qualifier.startswith("<") or qualifier == "≤":
            # Below `amount`: certainly low only if even `amount` is under the range.
            strict = qualifier == "<"
            if low is not None and (amount <= low if strict else amount < low):
                return "low"
            return None
        if qualifier.startswith(">") or qualifier == "≥":
            strict = qualifier == ">"
            if high is not None and (amount >= high if strict else amount > high):
                return "high"
            return None
    number = _number(value)
    if number is None:
        return None
    if low is not None and number < low:
        return "low"
    if high is not None and number > high:
        return "high"
    return None


def _flag_text(flag: str | None) -> str:
    if flag == "high":
        return QCoreApplication.translate("ResultsTable", "High")
    if flag == "low":
        return QCoreApplication.translate("ResultsTable", "Low")
    if flag == "positive":
        return QCoreApplication.translate("ResultsTable", "Positive")
    return ""


class ResultsTable(QTableWidget):
    """Biomarker, result, unit, reference range, flag; sized to show every row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.setHorizontalHeaderLabels([_tr(title) for title in COLUMNS])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        # Tab leaves the table (arrows move inside it), so the keyboard is never trapped.
        self.setTabKeyNavigation(False)
        rows = self.verticalHeader()
        rows.setVisible(False)
        # One line per result: rows sized before the columns settle would wrap and grow.
        self.setWordWrap(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The panel scrolls as a whole: a table with its own scroll bar inside it is a trap.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        header = self.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for column in (COL_VALUE, COL_UNIT, COL_RANGE, COL_FLAG):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.setAccessibleName(QCoreApplication.translate("ResultsTable", "Results"))
        self._flagged: list[QTableWidgetItem] = []
        ThemeFollower(self, self._tint_flagged)

    def set_results(self, results: Sequence[models.Result]) -> None:
        self.setRowCount(len(results))
        self._flagged = []
        for row, result in enumerate(results):
            flag = result_flag(result)
            unit = result.unit_of_measure or ""
            cells = (
                result.name or QCoreApplication.translate("ResultsTable", "(unnamed)"),
                format_value(result.result),
                unit,
                format_range(result.range_minimum, result.range_maximum),
                _flag_text(flag),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == COL_NAME and result.comments:
                    item.setToolTip(plain_tooltip(result.comments))
                    item.setText(f"{text} *")
                if flag is not None and column in (COL_VALUE, COL_FLAG):
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                    self._flagged.append(item)
                self.setItem(row, column, item)
        self._tint_flagged()
        self._fit_height()

    def _tint_flagged(self) -> None:
        """Flagged values in the warning tint of the current palette (again after a switch)."""
        background, foreground = badge_colors("warning", self.palette())
        for item in self._flagged:
            item.setBackground(QBrush(background))
            item.setForeground(QBrush(foreground))

    def flag_at(self, row: int) -> str:
        item = self.item(row, COL_FLAG)
        return item.text() if item is not None else ""

    def _fit_height(self) -> None:
        height = self.horizontalHeader().height() + 2 * self.frameWidth()
        height += sum(self.rowHeight(row) for row in range(self.rowCount()))
        scroll = self.horizontalScrollBar()
        if scroll.isVisible():
            height += scroll.height()
        self.setFixedHeight(height + 2)
