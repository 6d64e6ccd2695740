"""A secret on the clipboard for a short while only (the patient registration token).

`ClipboardSecret` belongs to the application, not to the window that copied: closing that
window within the time must not leave the secret on the clipboard for the next person at the
desk to paste. After ``seconds`` (or when the app quits), the clipboard is emptied if it still
holds that text; something copied since is left alone.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Slot
from PySide6.QtGui import QGuiApplication

__all__ = ["ClipboardSecret"]


class ClipboardSecret(QObject):
    """``copy(text)``; ``clear_if_due()`` is what its timer calls (tests call it with a
    fake ``clock``, in seconds)."""

    def __init__(self, seconds: float, *, clock: Callable[[], float] = time.time) -> None:
        super().__init__(QCoreApplication.instance())  # outlives the window that copied
        self._seconds = seconds
        self._clock = clock
        self._copied: str | None = None
        self._copied_at = 0.0
        self._released = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(int(seconds * 1000))
        self.timer.timeout.connect(self.clear_if_due)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.clear_now)

    def copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self._copied, self._copied_at = text, self._clock()
        self.timer.start()

    @Slot()
    def release(self) -> None:
        """The window that copied is gone: go once nothing is left to clear."""
        self._released = True
        if self._copied is None:
            self.deleteLater()

    @Slot()
    def clear_if_due(self) -> None:
        if self._copied is None:
            return
        left = self._copied_at + self._seconds - self._clock()
        if left > 0:
            self.timer.start(int(left * 1000) + 50)
            return
        self.clear_now()

    @Slot()
    def clear_now(self) -> None:
        """Empty the clipboard if it still holds the secret (at the time, or at quit)."""
        if self._copied is None:
            return
        clipboard = QGuiApplication.clipboard()
        if clipboard.text() == self._copied:
            clipboard.clear()
        self._copied = None
        self.timer.stop()
        if self._released:
            self.deleteLater()
