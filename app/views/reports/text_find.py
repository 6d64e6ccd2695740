"""Find in the report's Text tab, with the same behaviour as the PDF's find.

``TextFinder`` has the search methods of ``PdfPane`` (``search``, ``next_result``,
``previous_result``, ``result_count``, ``current_result``, ``search_text``, ``searching`` and
``search_changed(current, count)``), so the toolbar's Find field drives whichever tab is on
screen. Every match is highlighted; the current one is selected and scrolled to.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

__all__ = ["TextFinder"]

_MATCH = QColor(255, 213, 79)  # amber: readable under dark and light text alike


class TextFinder(QObject):
    search_changed = Signal(int, int)

    def __init__(self, view: QPlainTextEdit) -> None:
        super().__init__(view)
        self._view = view
        self._text = ""
        self._matches: list[QTextCursor] = []
        self._current = -1
        view.textChanged.connect(self._refind)

    def search(self, text: str) -> None:
        self._text = text
        self._refind()

    def search_text(self) -> str:
        return self._text

    def searching(self) -> bool:
        return False  # the whole text is searched at once

    def result_count(self) -> int:
        return len(self._matches)

    def current_result(self) -> int:
        return self._current

    def next_result(self) -> None:
        if self._matches:
            self._select((self._current + 1) % len(self._matches))

    def previous_result(self) -> None:
        if self._matches:
            self._select((self._current - 1) % len(self._matches))

    def _refind(self) -> None:
        self._current = -1
        self._matches = []
        document = self._view.document()
        if self._text:
            cursor = document.find(self._text, 0, QTextDocument.FindFlag(0))
            while not cursor.isNull():
                self._matches.append(cursor)
                cursor = document.find(self._text, cursor, QTextDocument.FindFlag(0))
        self._highlight()
        self.search_changed.emit(-1, len(self._matches))

    def _select(self, index: int) -> None:
        self._current = index
        self._view.setTextCursor(self._matches[index])
        self._view.ensureCursorVisible()
        self._highlight()
        self.search_changed.emit(index, len(self._matches))

    def _highlight(self) -> None:
        fmt = QTextCharFormat()
        fmt.setBackground(_MATCH)
        fmt.setForeground(QColor("black"))
        selections = []
        for cursor in self._matches:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        self._view.setExtraSelections(selections)
