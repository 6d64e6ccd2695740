"""Message strips: a tinted line with a coloured left edge for errors, warnings and successes.

One place for the look, so a field's error and a dialog's status line read the same
everywhere. ``compact`` is the field-message size; status lines under a form are roomier.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

__all__ = ["show_status", "strip_style"]

_TINTS = {
    "error": ("rgba(220, 38, 38, 0.16)", "#dc2626"),
    "warning": ("rgba(217, 119, 6, 0.18)", "#d97706"),
    "good": ("rgba(22, 163, 74, 0.16)", "#16a34a"),
}


def strip_style(tone: str, *, compact: bool = False) -> str:
    """The stylesheet of a strip; an unknown tone ("info") is plain text."""
    padding = "2px 6px" if compact else "4px 8px"
    tint = _TINTS.get(tone)
    if tint is None:
        return f"color: palette(text); padding: {padding};"
    background, edge = tint
    return (
        f"color: palette(text); background: {background}; border-left: 3px solid {edge}; "
        f"padding: {padding};"
    )


def show_status(label: QLabel, tone: str, text: str) -> None:
    """A status strip: tone "error", "good" or "info"; hidden when empty."""
    label.setText(text)
    label.setStyleSheet(strip_style(tone))
    label.setAccessibleName(text)
    label.setVisible(bool(text))
