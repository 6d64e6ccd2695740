"""What the kit panel shows before anyone has signed in: a line saying so and a way to do it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

__all__ = ["SignInPrompt"]


class SignInPrompt(QWidget):
    """The line "Sign in to see orders." with a "Sign in…" button under it."""

    sign_in_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signInPrompt")
        self.label = QLabel(self.tr("Sign in to see orders."))
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.button = QPushButton(self.tr("Sign in…"))
        self.button.setObjectName("signInPromptButton")
        self.button.clicked.connect(self.sign_in_requested)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
