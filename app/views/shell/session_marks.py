"""Marks that say what kind of session this is, so nobody is caught out:

- a coloured "Sandbox: test data only" band across the window, so no real patient is
  entered there;
- a status-bar mark when the API token is kept for this session only (no password store).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QWidget

from app.views.theme import ThemeFollower, badge_colors, inherited_palette

__all__ = ["SandboxBand", "SessionOnlyMark"]


class SandboxBand(QLabel):
    """Hidden unless the session is the sandbox."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sandboxBand")
        self.setText(self.tr("Sandbox: test data only. Never enter a real patient here."))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAccessibleName(self.tr("Sandbox mode"))
        font = self.font()
        font.setBold(True)
        self.setFont(font)
        self.setMargin(4)
        self.setAutoFillBackground(True)
        ThemeFollower(self, self._recolor)
        self._recolor()
        self.hide()

    def _recolor(self) -> None:
        background, foreground = badge_colors("warning", inherited_palette(self))
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, background)
        palette.setColor(QPalette.ColorRole.WindowText, foreground)
        self.setPalette(palette)

    def show_for(self, environment_kind: str | None) -> None:
        self.setVisible(environment_kind == "sandbox")


class SessionOnlyMark(QLabel):
    """Shown while the token lives in this process only: it must be pasted again next start."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusSessionOnly")
        self.setText(self.tr("Token for this session only"))
        self.setToolTip(self.tr(
            "This computer has no password store, so the API token is not saved: you'll "
            "paste it again next time the app starts."
        ))
        self.setContentsMargins(6, 0, 6, 0)
        self.hide()
