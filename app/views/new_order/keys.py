"""Enter in the kit and notes rows places the order (Ctrl+Enter does anywhere in the form)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QWidget

__all__ = ["EnterSubmits"]


class EnterSubmits(QObject):
    """An event filter: plain Enter in a watched editor calls ``submit`` (an open combo box
    list keeps its Enter). ``watch`` again after rows were added; each editor once."""

    def __init__(self, submit: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._submit = submit

    def watch(self, widgets: Iterable[QWidget]) -> None:
        for widget in widgets:
            if not widget.property("submits_on_enter"):
                widget.installEventFilter(self)
                widget.setProperty("submits_on_enter", True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
            and watched.property("submits_on_enter")
        ):
            if isinstance(watched, QComboBox) and watched.view().isVisible():
                return False
            self._submit()
            return True
        return super().eventFilter(watched, event)
