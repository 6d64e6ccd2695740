"""The report viewer's waiting and error pages.

Texts keep the window's translation context ("ReportWindow").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.services.errors import ServiceError

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

__all__ = ["ErrorPage", "LoadingPage"]


class LoadingPage(QWidget):
    """"Downloading the report…" with a bar: busy until the size is known, then a percentage."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(translate("ReportWindow", "Downloading the report…"), self)
        self.label.setObjectName("loading_label")
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("progress_bar")
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setMaximumWidth(420)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.progress_bar, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def show_busy(self) -> None:
        self.progress_bar.setRange(0, 0)

    def show_progress(self, received: int, total: int) -> None:
        # Percent keeps the range inside a C int for any file size.
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setValue(min(100, received * 100 // total))
        self.progress_bar.setFormat(
            translate("ReportWindow", "%1 of %2 KB")
            .replace("%1", str(received // 1024))
            .replace("%2", str(total // 1024))
        )


class ErrorPage(QWidget):
    """What happened, what to do, and a way on: Retry, or open the file elsewhere."""

    def __init__(self, open_action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setObjectName("error_title")
        title_font = self.title.font()
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.2)
        self.title.setFont(title_font)
        self.title.setWordWrap(True)
        self.advice = QLabel(self)
        self.advice.setObjectName("error_advice")
        self.advice.setWordWrap(True)
        self.advice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry_button = QPushButton(translate("ReportWindow", "&Retry"), self)
        self.retry_button.setObjectName("retry_button")
        self.open_button = QToolButton(self)
        self.open_button.setDefaultAction(open_action)
        buttons = QHBoxLayout()
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        message = QVBoxLayout()
        message.addWidget(self.title)
        message.addWidget(self.advice)
        message.addLayout(buttons)
        # A readable column in the middle of the window, not a line across it.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addLayout(message, 3)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)

    def show_error(self, error: ServiceError, *, retry: bool, can_open: bool) -> None:
        self.title.setText(error.title)
        self.advice.setText(error.advice)
        self.retry_button.setVisible(retry)
        self.open_button.setVisible(can_open)
