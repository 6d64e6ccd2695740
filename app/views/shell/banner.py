"""A non-blocking message strip above the order list: errors stay visible, details copyable."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from app.views.theme import ThemeFollower, badge_colors, inherited_palette

__all__ = ["Banner"]


class Banner(QFrame):
    """Shows one message at a time with "Copy details", an optional action and a close button.

    Details are what support needs (error type, status, request template) — never PHI; the
    caller composes them from ``ServiceError`` fields.
    """

    action_triggered = Signal(str)  # the action id given to show_error/show_info
    dismissed = Signal()
    diagnostics_requested = Signal()  # "Copy diagnostics" on an error: support's facts

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self._details = ""
        self._action_id = ""
        self._tone = "neutral"
        self.title_label = QLabel()
        self.title_label.setObjectName("bannerTitle")
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.advice_label = QLabel()
        self.advice_label.setWordWrap(True)
        self.action_button = QPushButton()
        self.action_button.clicked.connect(self._on_action_button_clicked)
        self.copy_button = QPushButton(self.tr("&Copy details"))
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.diagnostics_button = QPushButton(self.tr("Copy diagnostics"))
        self.diagnostics_button.setToolTip(self.tr(
            "Versions, outbox counts and recent error types for support (no patient data)"
        ))
        self.diagnostics_button.clicked.connect(self.diagnostics_requested)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.close_button.setAccessibleName(self.tr("Dismiss message"))
        self.close_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.title_label)
        layout.addWidget(self.advice_label, 1)
        layout.addWidget(self.action_button)
        layout.addWidget(self.copy_button)
        layout.addWidget(self.diagnostics_button)
        layout.addWidget(self.close_button)
        ThemeFollower(self, self._recolor)  # a light/dark switch re-tints a shown message
        self.hide()

    @property
    def details(self) -> str:
        return self._details

    def show_error(
        self,
        title: str,
        advice: str = "",
        *,
        details: str = "",
        action: tuple[str, str] | None = None,
    ) -> None:
        """``action`` is (action id, button text), e.g. ("sign_in", "Sign in…")."""
        self._show("warning", title, advice, details, action)

    def show_info(
        self, title: str, advice: str = "", *, action: tuple[str, str] | None = None
    ) -> None:
        self._show("active", title, advice, "", action)

    @Slot()
    def dismiss(self) -> None:
        if self.isVisible():
            self.hide()
            self.dismissed.emit()

    def _show(
        self, tone: str, title: str, advice: str, details: str, action: tuple[str, str] | None
    ) -> None:
        self._details = "\n".join(part for part in (title, advice, details) if part)
        self.title_label.setText(title)
        self.advice_label.setText(advice)
        self.advice_label.setVisible(bool(advice))
        self.copy_button.setVisible(bool(details))
        self.diagnostics_button.setVisible(tone == "warning")
        self._action_id = action[0] if action else ""
        self.action_button.setText(action[1] if action else "")
        self.action_button.setVisible(action is not None)
        self._tone = tone
        self._recolor()
        self.show()

    def _recolor(self) -> None:
        # From the inherited palette: our own still holds the last theme's tint.
        background, foreground = badge_colors(self._tone, inherited_palette(self))
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, background)
        palette.setColor(QPalette.ColorRole.WindowText, foreground)
        self.title_label.setPalette(palette)
        self.advice_label.setPalette(palette)
        self.setPalette(palette)

    @Slot()
    def _on_copy_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self._details)

    @Slot()
    def _on_action_button_clicked(self) -> None:
        self.action_triggered.emit(self._action_id)
