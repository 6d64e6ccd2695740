"""Tab order in reading order, set in one place per window.

Qt's default Tab order is the order widgets were created in, which drifts from what the user
reads as soon as a row is added later (a second kit type, a restored draft) or a group is
inserted above another. Windows list their focusable widgets in reading order and call
``chain_tab_order`` again whenever rows come or go; hidden or disabled widgets in the list are
skipped by Qt as usual.

``print_on_ctrl_p`` gives a window's print button the usual Print key.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QWidget

__all__ = ["chain_tab_order", "print_on_ctrl_p", "with_print_key"]


def chain_tab_order(widgets: Iterable[QWidget]) -> None:
    """Tab goes from each widget to the next one in ``widgets``."""
    ordered = list(widgets)
    for before, after in itertools.pairwise(ordered):
        QWidget.setTabOrder(before, after)



def with_print_key(text: str) -> str:
    """``text`` followed by the Print key as this system writes it: "… (Ctrl+P)"."""
    key = QKeySequence(QKeySequence.StandardKey.Print).toString(
        QKeySequence.SequenceFormat.NativeText)
    return f"{text} ({key})" if key else text


def print_on_ctrl_p(button: QAbstractButton) -> None:
    """The Print key (Ctrl+P) presses ``button`` while it is visible in the active window.
    Call it after the button's text is set: ``setText`` replaces a button's shortcut."""
    button.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
    button.setToolTip(with_print_key(button.toolTip() or button.text().replace("&", "")))
