"""The main window's size, toolbars, splitter and order columns, kept between runs.

The first run (nothing saved) opens at 1280×800 or the screen's available area, whichever is
smaller (on a 1280×720 desk the status bar stays on screen), and gets proportions for the
size the window really got; a small screen hides "Created" and "State" (right-click the
header to bring it back). A saved size bigger than today's screen (the PC moved to a smaller
monitor, a remote desktop session) is cut down to it.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSize
from PySide6.QtWidgets import QMainWindow, QSplitter

from app.views.common.app_settings import AppSettings
from app.views.common.window_fit import available_area, fit_to_screen
from app.views.orders.order_list import OrderListView
from app.views.orders.order_table import COL_CREATED, COL_STATE

__all__ = ["WindowLayout"]

DEFAULT_SIZE = (1280, 800)
WIDE_SCREEN = 1600  # pixels: narrower windows hide the Created column on first run


class WindowLayout:
    def __init__(
        self, window: QMainWindow, splitter: QSplitter, order_list: OrderListView,
        settings: AppSettings,
    ) -> None:
        self._window = window
        self._splitter = splitter
        self._order_list = order_list
        self._settings = settings
        self._fit_on_show = False
        self._columns_on_show = False

    def restore(self) -> None:
        settings, window = self._settings, self._window
        geometry = settings.layout("geometry")
        if geometry is None or not window.restoreGeometry(geometry):
            fit_to_screen(window, QSize(*DEFAULT_SIZE))
        elif not window.isMaximized():
            area = available_area(window)
            if window.width() > area.width() or window.height() > area.height():
                fit_to_screen(window, window.size(), area=area)
        state = settings.layout("window")
        if state is not None:
            window.restoreState(state)
        splitter = settings.layout("splitter")
        self._fit_on_show = splitter is None or not self._splitter.restoreState(splitter)
        header = settings.layout("order_columns")
        self._columns_on_show = header is None or not self._order_list.restore_state(header)

    def on_show(self) -> None:
        """First show after a run with nothing saved: proportions for the real size."""
        width = self._window.width()
        if self._fit_on_show:
            self._fit_on_show = False
            self._splitter.setSizes([width * 57 // 100, width * 43 // 100])
        if self._columns_on_show:
            self._columns_on_show = False
            # State too: at 1280 px patient names need the room more than the province does.
            for column in (COL_CREATED, COL_STATE):
                self._order_list.set_column_hidden(column, width < WIDE_SCREEN)

    def save(self) -> None:
        settings, window = self._settings, self._window
        settings.set_layout("geometry", window.saveGeometry())
        settings.set_layout("window", window.saveState())
        settings.set_layout("splitter", self._splitter.saveState())
        settings.set_layout("order_columns", QByteArray(self._order_list.save_state()))
        settings.sync()
