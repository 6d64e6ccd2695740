"""What a keyboard user meets in a window: the Alt keys of its visible labels and buttons."""

from __future__ import annotations

import re
from collections import defaultdict

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QWidget

__all__ = ["clashing_alt_keys"]


def clashing_alt_keys(root: QWidget) -> dict[str, list[str]]:
    """Alt+letter keys that two or more visible controls of ``root``'s window share, with
    their texts. With a clash Qt only moves the focus between them: the key no longer acts."""
    by_key: defaultdict[str, list[str]] = defaultdict(list)
    window = root.window()
    for widget in window.findChildren(QWidget):
        if widget.window() is not window or not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QLabel | QAbstractButton | QGroupBox):
            text = widget.title() if isinstance(widget, QGroupBox) else widget.text()
            match = re.search(r"&([^&])", text.replace("&&", ""))
            if match:
                by_key[match.group(1).lower()].append(text)
    return {key: texts for key, texts in by_key.items() if len(texts) > 1}
