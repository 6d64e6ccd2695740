"""A small key/value editor for order and kit ``metadata`` (free-form, stored by Spot verbatim).

Rows of two line edits rather than a table widget: Tab walks key → value → next row like any
other form, and nothing traps the keyboard inside a grid.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

__all__ = ["RESERVED_KEYS", "MetadataEditor"]

#: Keys the app writes itself (the outbox's client reference); the user must not set them.
RESERVED_KEYS: frozenset[str] = frozenset({"frontdesk_ref"})
#: The prefix of every key the app writes; a new key with it is refused (see `problems`).
APP_KEY_PREFIX = "frontdesk_"


def _display(value: object) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class _Row:
    def __init__(self, key: QLineEdit, value: QLineEdit, remove: QToolButton,
                 original: tuple[str, object] | None) -> None:
        self.key = key
        self.value = value
        self.remove = remove
        # A value that isn't text (a number, a list) is given back unchanged unless edited.
        self.original = original


class MetadataEditor(QWidget):
    """Key/value rows; ``metadata()`` gives the dict, ``problems()`` what blocks saving."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._grid_host = QWidget(self)
        self._grid = QGridLayout(self._grid_host)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setColumnStretch(0, 2)
        self._grid.setColumnStretch(1, 3)
        self._grid.addWidget(QLabel(self.tr("Name"), self), 0, 0)
        self._grid.addWidget(QLabel(self.tr("Note"), self), 0, 1)
        layout.addWidget(self._grid_host)
        self.message = QLabel(self)
        self.message.setObjectName("metadata_message")
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add a note"), self)
        self.add_button.setObjectName("metadata_add")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self._on_add_clicked)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._add_row("", "", None)

    # --- public API ----------------------------------------------------------------------

    def metadata(self) -> dict[str, Any]:
        """The non-empty rows as a dict (later duplicates win; ``problems()`` reports them)."""
        result: dict[str, Any] = {}
        for row in self._rows:
            key = row.key.text().strip()
            if not key:
                continue
            text = row.value.text()
            if row.original is not None and row.original[0] == key and _display(
                row.original[1]
            ) == text:
                result[key] = row.original[1]
            else:
                result[key] = text.strip()
        return result

    def set_metadata(self, metadata: Mapping[str, Any] | None) -> None:
        for row in list(self._rows):
            self._remove_row(row, emit=False)
        for key, value in (metadata or {}).items():
            self._add_row(str(key), _display(value), (str(key), value))
        self._add_row("", "", None)
        self._update_message()
        self.changed.emit()

    def problems(self) -> list[str]:
        """Plain messages about rows that can't be saved as they are."""
        seen: set[str] = set()
        problems: list[str] = []
        for row in self._rows:
            key = row.key.text().strip()
            if not key:
                if row.value.text().strip():
                    problems.append(self.tr("A note needs a name"))
                continue
            # The app's own keys ("ordered by", batch, staff…): kept on an existing order as
            # they are, never typed anew, so no one can put an order in someone else's name.
            typed = row.original is None or row.original[0] != key
            if key in RESERVED_KEYS or (typed and key.startswith(APP_KEY_PREFIX)):
                problems.append(
                    self.tr("“%1” is used by Spot Front Desk itself; choose another name").replace(
                        "%1", key
                    )
                )
            elif key in seen:
                problems.append(self.tr("The name “%1” is used twice").replace("%1", key))
            seen.add(key)
        return problems

    def is_empty(self) -> bool:
        return all(not r.key.text().strip() and not r.value.text().strip() for r in self._rows)

    def set_read_only(self, read_only: bool) -> None:
        for row in self._rows:
            row.key.setReadOnly(read_only)
            row.value.setReadOnly(read_only)
            row.remove.setEnabled(not read_only)
        self.add_button.setEnabled(not read_only)

    def focus_chain(self) -> list[QWidget]:
        """Key and value of each row, then "Add a note": reading order for Tab."""
        return [*(edit for row in self._rows for edit in (row.key, row.value)), self.add_button]

    def key_edit(self, index: int) -> QLineEdit:
        return self._rows[index].key

    def value_edit(self, index: int) -> QLineEdit:
        return self._rows[index].value

    def row_count(self) -> int:
        return len(self._rows)

    # --- rows ----------------------------------------------------------------------------

    def _add_row(self, key: str, value: str, original: tuple[str, object] | None) -> _Row:
        key_edit = QLineEdit(key, self._grid_host)
        key_edit.setPlaceholderText(self.tr("name, like room"))
        key_edit.setAccessibleName(self.tr("Note name"))
        value_edit = QLineEdit(value, self._grid_host)
        value_edit.setPlaceholderText(self.tr("note"))
        value_edit.setAccessibleName(self.tr("Note"))
        remove = QToolButton(self._grid_host)
        remove.setText("✕")
        remove.setToolTip(self.tr("Remove this note"))
        remove.setAccessibleName(self.tr("Remove this note"))
        # Keep Tab moving key → value → next key; the mouse reaches the remove button.
        remove.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        row = _Row(key_edit, value_edit, remove, original)
        remove.clicked.connect(lambda: self._remove_row(row))
        key_edit.textChanged.connect(self._on_text_changed)
        value_edit.textChanged.connect(self._on_text_changed)
        line = len(self._rows) + 1
        self._grid.addWidget(key_edit, line, 0)
        self._grid.addWidget(value_edit, line, 1)
        self._grid.addWidget(remove, line, 2)
        # Shown now, not on the layout's next pass, so "Add a note" can focus the new key.
        key_edit.show()
        value_edit.show()
        remove.show()
        if self._rows:
            QWidget.setTabOrder(self._rows[-1].value, key_edit)
        QWidget.setTabOrder(key_edit, value_edit)
        self._rows.append(row)
        return row

    def _remove_row(self, row: _Row, *, emit: bool = True) -> None:
        self._rows.remove(row)
        for widget in (row.key, row.value, row.remove):
            self._grid.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        # Re-pack the grid so rows stay contiguous.
        for line, kept in enumerate(self._rows, start=1):
            self._grid.addWidget(kept.key, line, 0)
            self._grid.addWidget(kept.value, line, 1)
            self._grid.addWidget(kept.remove, line, 2)
        if emit:
            if not self._rows:
                self._add_row("", "", None)
            self._update_message()
            self.changed.emit()

    @Slot()
    def _on_add_clicked(self) -> None:
        row = self._add_row("", "", None)
        row.key.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    @Slot()
    def _on_text_changed(self) -> None:
        self._update_message()
        self.changed.emit()

    def _update_message(self) -> None:
        problems = self.problems()
        self.message.setText("\n".join(problems))
        self.message.setVisible(bool(problems))
