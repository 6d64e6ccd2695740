"""Desktop notifications through the system tray, counts only (never a patient's name)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QStyle, QSystemTrayIcon, QWidget

from app import APP_NAME

__all__ = ["Tray"]


class Tray:
    """The tray icon where the desktop has one; ``notify`` is a no-op without."""

    def __init__(self, window: QWidget, *, enabled: bool) -> None:
        self.icon: QSystemTrayIcon | None = None
        if enabled and QSystemTrayIcon.isSystemTrayAvailable():
            app_icon = QApplication.windowIcon()
            if app_icon.isNull():
                app_icon = window.style().standardIcon(QStyle.StandardPixmap.SP_ComputerIcon)
            self.icon = QSystemTrayIcon(app_icon, window)
            self.icon.setToolTip(APP_NAME)
            self.icon.show()

    def notify(self, text: str) -> None:
        """``text`` must never name a patient: counts only ("3 new results")."""
        icon = self.icon
        if icon is not None and icon.isVisible() and QSystemTrayIcon.supportsMessages():
            icon.showMessage(APP_NAME, text, QSystemTrayIcon.MessageIcon.Information, 8000)

    def hide(self) -> None:
        if self.icon is not None:
            self.icon.hide()
