"""Text from Spot (names, addresses, statuses, comments) is shown as plain text, never rich text.

A QLabel or a tooltip renders anything that *looks* like HTML (``Qt.mightBeRichText``): a name
such as ``<img src=…>`` or ``<a href=…>`` from a hostile or broken server would be drawn as
markup, could load a file, or could hide other text. ``PlainLabel`` is a QLabel fixed to
``Qt.PlainText``; ``plain_tooltip`` returns text that a tooltip shows literally.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import QLabel

__all__ = ["PlainLabel", "plain_tooltip"]


class PlainLabel(QLabel):
    """A QLabel that always shows its text literally (same constructor as QLabel)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.setTextFormat(Qt.TextFormat.PlainText)


def plain_tooltip(text: str) -> str:
    """``text`` unchanged when Qt would show it literally anyway; otherwise escaped HTML that
    shows exactly ``text`` (line breaks kept)."""
    if not QtGui.mightBeRichText(text):
        return text
    return QtGui.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpacePre)
