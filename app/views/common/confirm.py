"""A non-blocking "are you sure?" box: the destructive choice named, keeping work the default."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

__all__ = ["ask_to_confirm"]


def ask_to_confirm(
    parent: QWidget, title: str, text: str, accept_text: str, keep_text: str,
    on_accept: Callable[[], None], *, on_finished: Callable[[], None] | None = None,
) -> QMessageBox:
    """Open (window-modal, never ``exec()``) and return the box; Enter and Esc keep."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    accept = box.addButton(accept_text, QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(keep_text, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    accept.setObjectName("confirm_accept")
    keep.setObjectName("confirm_keep")

    def finished() -> None:
        chosen = box.clickedButton()
        box.deleteLater()
        if on_finished is not None:
            on_finished()
        if chosen is accept:
            on_accept()

    box.finished.connect(finished)
    box.open()
    return box
