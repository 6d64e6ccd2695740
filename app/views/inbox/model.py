"""The inbox list: one row per report to sign off, its flags in words (not colour alone)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QApplication

from app.marks import QT_TRANSLATE_NOOP
from app.services.inbox import InboxRow
from app.views.common.formatting import format_day
from app.views.common.labels import masked_dob
from app.views.theme import badge_colors

__all__ = ["COLUMNS", "FLAG_FILTERS", "InboxFilter", "InboxTableModel", "flags_text"]

_CONTEXT = "InboxView"
# Flags right after the patient: they are what the inbox is sorted and read by.
COL_PATIENT, COL_FLAGS, COL_KIT, COL_COLLECTED, COL_RECEIVED, COL_REPORTED = range(6)
COLUMNS = (
    QT_TRANSLATE_NOOP("InboxView", "Patient"),
    QT_TRANSLATE_NOOP("InboxView", "Flags"),
    QT_TRANSLATE_NOOP("InboxView", "Kit type"),
    QT_TRANSLATE_NOOP("InboxView", "Collected"),
    QT_TRANSLATE_NOOP("InboxView", "Received"),
    QT_TRANSLATE_NOOP("InboxView", "Report date"),
)
# (key, label) for the flag filter; "" is every row.
FLAG_FILTERS = (
    ("", QT_TRANSLATE_NOOP("InboxView", "All flags")),
    ("critical", QT_TRANSLATE_NOOP("InboxView", "Critical")),
    ("amended", QT_TRANSLATE_NOOP("InboxView", "Amended")),
    ("out_of_range", QT_TRANSLATE_NOOP("InboxView", "Out of range")),
    ("partial", QT_TRANSLATE_NOOP("InboxView", "Partial")),
    ("for_clinician", QT_TRANSLATE_NOOP("InboxView", "For a clinician")),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def flags_text(row: InboxRow) -> str:
    """"Critical 1 · Amended · Out of range 3 · Partial · For a clinician"."""
    translate = QCoreApplication.translate
    parts = []
    if row.for_clinician:
        parts.append(translate("InboxView", "For a clinician"))
    if row.critical:
        parts.append(translate("InboxView", "Critical %1").replace("%1", str(row.critical)))
    if row.amended:
        parts.append(translate("InboxView", "Amended"))
    if row.out_of_range:
        parts.append(
            translate("InboxView", "Out of range %1").replace("%1", str(row.out_of_range))
        )
    if row.partial:
        parts.append(translate("InboxView", "Partial"))
    return " · ".join(parts)


@dataclass(frozen=True, slots=True)
class InboxFilter:
    flag: str = ""
    kit_type: str = ""
    since: date | None = None  # report date on or after

    def keeps(self, row: InboxRow) -> bool:
        if self.flag == "critical" and not row.critical:
            return False
        if self.flag == "amended" and not row.amended:
            return False
        if self.flag == "out_of_range" and not row.out_of_range:
            return False
        if self.flag == "partial" and not row.partial:
            return False
        if self.flag == "for_clinician" and not row.for_clinician:
            return False
        if self.kit_type and row.kit_type != self.kit_type:
            return False
        return self.since is None or row.report_date.date() >= self.since


class InboxTableModel(QAbstractTableModel):
    def __init__(self, kit_names: Mapping[str, str] | None = None,
                 today: date | None = None) -> None:
        super().__init__()
        self._rows: list[InboxRow] = []
        self._kit_names = dict(kit_names or {})
        self._today = today

    def set_kit_names(self, names: Mapping[str, str]) -> None:
        self._kit_names = dict(names)

    def set_rows(self, rows: Sequence[InboxRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[InboxRow]:
        return list(self._rows)

    def row_at(self, index: int) -> InboxRow | None:
        return self._rows[index] if 0 <= index < len(self._rows) else None

    def index_of(self, report_id: str) -> int:
        for number, row in enumerate(self._rows):
            if row.report_id == report_id:
                return number
        return -1

    def kit_name(self, kit_type: str) -> str:
        return self._kit_names.get(kit_type, kit_type)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self.row_at(index.row())
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole) and (
            column == COL_FLAGS and (row.critical or row.for_clinician)
        ):
            background, foreground = badge_colors("warning", QApplication.palette())
            return QBrush(background if role == Qt.ItemDataRole.BackgroundRole else foreground)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_FLAGS and row.changes:
            return "\n".join(row.changes)
        return None

    def _text(self, row: InboxRow, column: int) -> str:
        if column == COL_PATIENT:
            today = self._today or date.today()
            return f"{row.patient} — {masked_dob(row.date_of_birth, today)}"
        if column == COL_KIT:
            return self.kit_name(row.kit_type)
        if column == COL_COLLECTED:
            return _day(row.collected)
        if column == COL_RECEIVED:
            return _day(row.received)
        if column == COL_REPORTED:
            return format_day(row.report_date)
        if column == COL_FLAGS:
            return flags_text(row)
        return ""


def _day(value: datetime | date | str | None) -> str:
    return format_day(value)
