"""Windows that fit the screen they open on, with their buttons in reach.

A dialog asks for the size it would like (``fit_to_screen``) and gets at most the screen's
available area, less room for the title bar, so on a 1280×720 laptop nothing opens taller
than the screen. What doesn't fit then scrolls inside the window (``scrolling``): the form
scrolls, the buttons stay below it, always visible.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFrame, QScrollArea, QStyle, QWidget

__all__ = ["available_area", "fit_to_screen", "fitted_size", "scrolling"]


def available_area(window: QWidget) -> QRect:
    """The available geometry (without task bars) of the screen ``window`` opens on: its
    parent's screen, else its own, else the primary one."""
    anchor = window.parentWidget() or window
    screen = anchor.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fitted_size(preferred: QSize, area: QSize, title_bar: int) -> QSize:
    """``preferred``, cut down to ``area`` less the window frame and title bar."""
    frame = max(title_bar // 4, 4)
    return QSize(
        min(preferred.width(), area.width() - 2 * frame),
        min(preferred.height(), area.height() - title_bar - 2 * frame),
    )


def fit_to_screen(window: QWidget, preferred: QSize, *, area: QRect | None = None) -> QSize:
    """Resize ``window`` to ``preferred`` or the screen's available area, whichever is smaller
    (``area`` overrides the screen, for tests and screenshots); returns the size given."""
    area = area if area is not None else available_area(window)
    title_bar = window.style().pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight, None, window)
    size = fitted_size(preferred, area.size(), max(title_bar, 2 * window.fontMetrics().height()))
    window.resize(size)
    return size


class _FocusFollowingScrollArea(QScrollArea):
    """Scrolls to whichever field gets the focus, also when code gives it (the first field
    with a problem after a submit), not only on Tab."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    @Slot(QWidget, QWidget)
    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        body = self.widget()
        if new is not None and body is not None and body.isAncestorOf(new):
            self.ensureWidgetVisible(new)


def scrolling(body: QWidget, parent: QWidget) -> QScrollArea:
    """``body`` in a frameless scroll area that grows with the window and follows the focus;
    Tab skips the frame."""
    scroll = _FocusFollowingScrollArea(parent)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    scroll.setWidget(body)
    return scroll
