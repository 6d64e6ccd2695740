"""Run something once a window's first frame is on screen (the slower start-up work waits
for it: tests/benchmarks/startup.py), or on a later turn of the event loop."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

__all__ = ["after_first_paint", "on_a_later_turn"]


class _FirstPaint(QObject):
    def __init__(self, window: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self._callback = callback
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)  # once this frame is flushed
        return False


def after_first_paint(window: QWidget, callback: Callable[[], None]) -> None:
    """Call ``callback`` (once, on the GUI thread) on the turn of the event loop after
    ``window`` first paints."""
    _FirstPaint(window, callback)


def on_a_later_turn(context: QObject, callback: Callable[[], None]) -> None:
    """Call ``callback`` on a later turn of the event loop, after timers that are already due
    and waiting input: a 1 ms timer, not ``singleShot(0)``, which Qt 6 posts as an event and
    runs before them. Splits GUI work in pieces the user (and the startup benchmark's stall
    timer) can get between; skipped if ``context`` is deleted first."""
    QTimer.singleShot(1, context, callback)
