"""Tab order in reading order, set in one place per window.

Qt's default Tab order is the order widgets were created in, which drifts from what the user
reads as soon as a row is added later (a second kit type, a restored draft) or a group is
inserted above another. Windows list their focusable widgets in reading order and call
``chain_tab_order`` again whenever rows come or go; hidden or disabled widgets in the list are
skipped by Qt as usual.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from PySide6.QtWidgets import QWidget

__all__ = ["chain_tab_order"]


def chain_tab_order(widgets: Iterable[QWidget]) -> None:
    """Tab goes from each widget to the next one in ``widgets``."""
    ordered = list(widgets)
    for before, after in itertools.pairwise(ordered):
        QWidget.setTabOrder(before, after)

