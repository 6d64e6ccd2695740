"""The order form's optional notes: a disclosure button over the notes editor (Spot's order
metadata, in words a desk uses). Texts keep the form's translation context."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QToolButton, QVBoxLayout, QWidget

from app.views.common.metadata_editor import MetadataEditor

__all__ = ["NotesSection"]


class NotesSection(QWidget):
    """Closed by default; opening it puts the cursor in the first key."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("metadata_toggle")
        self.toggle.setText(
            QCoreApplication.translate("NewOrderForm", "Notes for your recor&ds (optional)")
        )
        self.toggle.setToolTip(QCoreApplication.translate(
            "NewOrderForm",
            "Your own notes kept with the order in Spot, like a chart or room number",
        ))
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.toggled.connect(self._on_toggled)
        layout.addWidget(self.toggle)
        self.editor = MetadataEditor(self)
        self.editor.hide()
        layout.addWidget(self.editor)

    def _on_toggled(self, shown: bool) -> None:
        self.editor.setVisible(shown)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        if shown:
            self.editor.key_edit(0).setFocus(Qt.FocusReason.OtherFocusReason)
