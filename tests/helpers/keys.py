"""What a keyboard user meets in a window: the Alt keys of its visible labels and buttons."""

from __future__ import annotations

import re
from collections import defaultdict

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QWidget

__all__ = ["alt_keys", "clashing_alt_keys"]


def alt_keys(root: QWidget) -> list[tuple[str, str]]:
    """(Alt+letter key, text) of every visible label, button and group box in ``root``'s
    window."""
    keys = []
    window = root.window()
    for widget in window.findChildren(QWidget):
        if widget.window() is not window or not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QLabel | QAbstractButton | QGroupBox):
            text = widget.title() if isinstance(widget, QGroupBox) else widget.text()
            match = re.search(r"&([^&])", text.replace("&&", ""))
            if match:
                keys.append((match.group(1).lower(), text))
    return keys


def clashing_alt_keys(root: QWidget) -> dict[str, list[str]]:
    """Alt+letter keys that two or more visible controls of ``root``'s window share, with
    their texts. With a clash Qt only moves the focus between them: the key no longer acts."""
    by_key: defaultdict[str, list[str]] = defaultdict(list)
    for key, text in alt_keys(root):
        by_key[key].append(text)
    return {key: texts for key, texts in by_key.items() if len(texts) > 1}
