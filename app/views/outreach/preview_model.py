"""The import preview's table: every checked row, filtered by status, fixable in place."""

from __future__ import annotations

import gc
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

from app.services.import_mapping import FIELD_LABELS, FIELDS
from app.services.order_import import ImportCheck, ImportRow, RowFinding
from app.validation import Finding
from app.views.i18n import finding_text

__all__ = ["ImportRowsModel", "collect_before_showing", "field_label", "row_finding_text"]

Index = QModelIndex | QPersistentModelIndex
_STATUS_COLORS = {"invalid": "#fde2e1", "duplicate": "#fff1d6", "warning": "#fff8d6"}
_ROLES = frozenset({
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole,
})
_DARK_TEXT = QBrush(QColor("#202020"))  # on the pale status colours, in light and dark themes



def collect_before_showing() -> None:
    """A full collection now, on the GUI thread (the only thread that collects: see
    app/views/gc_guard.py), as the preview appears: otherwise the collector's timer walks a
    big check's ~100,000 new objects while staff scroll (a 60 ms stall for 10,000 rows,
    measured in tests/benchmarks/import_preview.py)."""
    gc.collect()


def row_finding_text(finding: RowFinding) -> str:
    """A finding in the UI language (validator findings through the form's own texts)."""
    if finding.context == "Validation":
        return finding_text(Finding(finding.field, "error", finding.message, finding.template,
                                    finding.params))  # fmt: skip
    if not finding.template:
        return finding.message
    try:
        return QCoreApplication.translate(finding.context, finding.template).format(
            **finding.params)
    except (KeyError, IndexError, ValueError):
        return finding.message


def field_label(name: str) -> str:
    return QCoreApplication.translate("Import", FIELD_LABELS[name])


class ImportRowsModel(QAbstractTableModel):
    """The checked rows, filtered by status; mapped values are editable (fixed in place)."""

    row_edited = Signal(int)  # sheet row number

    def __init__(self, check: ImportCheck, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._check = check
        self._fields = [name for name in FIELDS if name in check.mapping.values()]
        self._status = ""
        self._rows: list[ImportRow] = list(check.rows)
        self._looks: dict[int, tuple[str, str, QBrush | None]] = {}
        self._status_names = {
            "invalid": self.tr("Error"), "duplicate": self.tr("Duplicate"),
            "warning": self.tr("Warning"), "ready": self.tr("Ready"),
        }  # fmt: skip

    def set_status_filter(self, status: str) -> None:
        self.beginResetModel()
        self._looks.clear()
        self._status = status
        self._rows = [r for r in self._check.rows if not status or r.status == status]
        self.endResetModel()

    def refresh(self) -> None:
        self.set_status_filter(self._status)

    def row_at(self, index: int) -> ImportRow:
        return self._rows[index]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._fields) + 3

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # fmt: skip
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return self.tr("Row")
        if section == 1:
            return self.tr("Status")
        if section == len(self._fields) + 2:
            return self.tr("Problems")
        name = self._fields[section - 2]
        return self._check.column_for(name) or field_label(name)

    def _look(self, row: ImportRow) -> tuple[str, str, QBrush | None]:
        """(status text, problems, background) of a row, cached until the rows change:
        views ask for several roles of every visible cell on each repaint."""
        look = self._looks.get(row.number)
        if look is None:
            status = row.status
            problems = "\n".join(row_finding_text(f) for f in row.findings
                                 if f.kind_key not in row.accepted)  # fmt: skip
            color = _STATUS_COLORS.get(status)
            look = (self._status_names[status], problems,
                    QBrush(QColor(color)) if color else None)  # fmt: skip
            self._looks[row.number] = look
        return look

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in _ROLES:
            return None
        row = self._rows[index.row()]
        column = index.column()
        editable = 2 <= column < len(self._fields) + 2
        if editable and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return row.values.get(self._fields[column - 2], "")
        status, problems, background = self._look(row)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.number
            if column == 1:
                return status
            return problems.replace("\n", "; ")
        if role == Qt.ItemDataRole.ToolTipRole:
            return problems or None
        if role == Qt.ItemDataRole.BackgroundRole:
            return background
        return _DARK_TEXT if background is not None else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if 2 <= index.column() < len(self._fields) + 2:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not 2 <= index.column() < len(self._fields) + 2:
            return False
        row = self._rows[index.row()]
        self._check.update(row.number, self._fields[index.column() - 2], str(value))
        self._looks.clear()
        # Duplicates elsewhere may have changed too: repaint everything (rows stay in place).
        self.dataChanged.emit(self.index(0, 0),
                              self.index(self.rowCount() - 1, self.columnCount() - 1))
        self.row_edited.emit(row.number)
        return True
