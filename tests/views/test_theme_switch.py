"""A light/dark/high-contrast switch while the app runs: badges and tinted texts follow it.

The desktop switching theme reaches Qt as a new application palette (and, on Windows, a
contrast preference); these tests change the application palette the same way and look at
the pixels and text colours the person sees afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, QPoint
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QTableView, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.compose import make_application
from app.views import theme
from app.views.common.message_strip import show_status
from app.views.common.plain_text import PlainLabel
from app.views.common.timeline import KitTimeline, kit_steps, text_color
from app.views.common.tone_colors import ToneBadge, tone_text
from app.views.orders.order_table import COL_PROGRESS, OrderTableModel, StatusBadgeDelegate
from app.views.shell.banner import Banner
from app.views.shell.session_marks import SandboxBand
from app.views.theme import accent_color, badge_colors, contrast_ratio, dark_palette
from tests.views.conftest import OrderRow

pytestmark = pytest.mark.usefixtures("light_app")


def _light() -> QPalette:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app.style().standardPalette()


def _high_contrast() -> QPalette:
    """Windows' "Night sky" contrast theme, roughly: black, white, yellow and cyan."""
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, "#000000"), (roles.WindowText, "#ffffff"), (roles.Base, "#000000"),
        (roles.Text, "#ffffff"), (roles.Button, "#000000"), (roles.ButtonText, "#ffffff"),
        (roles.Highlight, "#1aebff"), (roles.HighlightedText, "#000000"),
        (roles.Link, "#ffff00"), (roles.PlaceholderText, "#ffffff"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


_WINDOWS: list[QWidget] = []  # alive until the test ends


@pytest.fixture
def light_app() -> Iterator[None]:
    app = make_application()  # as the app starts: it follows theme switches
    old = app.palette()
    app.setPalette(_light())
    yield
    app.setPalette(old)
    _WINDOWS.clear()


def _switch(qtbot: QtBot, palette: QPalette) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setPalette(palette)
    qtbot.wait(1)  # let repaints and re-polishing happen as they would in the running app


def _pixel(widget: QWidget, point: QPoint) -> QColor:
    return widget.grab().toImage().pixelColor(point)


def _inkiest(image: QImage, background: QColor) -> QColor:
    """The pixel furthest from the background: the text's own colour (glyph stems)."""
    best, ratio = background, 1.0
    for y in range(image.height()):
        for x in range(image.width()):
            colour = image.pixelColor(x, y)
            contrast = contrast_ratio(colour, background)
            if contrast > ratio:
                best, ratio = colour, contrast
    return best


def _badge_seen(badge: QWidget) -> tuple[QColor, QColor]:
    """(background, text colour) as painted on screen."""
    image = badge.grab().toImage()
    background = image.pixelColor(3, image.height() // 2)
    return background, _inkiest(image, background)


def _window_with(qtbot: QtBot, *widgets: QWidget) -> QWidget:
    window = QWidget()
    qtbot.addWidget(window)
    _WINDOWS.append(window)
    layout = QVBoxLayout(window)
    for widget in widgets:
        widget.setParent(window)
        layout.addWidget(widget)
    window.resize(640, 400)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_badge_follows_light_dark_and_high_contrast_switches(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    badge = ToneBadge("Delivery exception", "warning")
    _window_with(qtbot, badge)
    seen = {}
    for name, palette, contrast in (
        ("light", _light(), False), ("dark", dark_palette(), False),
        ("high contrast", _high_contrast(), True), ("light again", _light(), False),
    ):
        monkeypatch.setattr(theme, "high_contrast", lambda on=contrast: on)
        _switch(qtbot, palette)
        background, ink = _badge_seen(badge)
        expected = badge_colors("warning", palette)
        assert background.name() == expected[0].name(), name
        assert contrast_ratio(background, ink) >= (7.0 if contrast else 4.5), name
        seen[name] = background.name()
    assert len({seen["light"], seen["dark"], seen["high contrast"]}) == 3
    assert seen["light again"] == seen["light"]
    # High contrast: the palette's own colours, inverted for a warning.
    assert seen["high contrast"] == "#ffffff"


def test_order_list_status_badges_follow_the_switch(
    qtbot: QtBot, sample_rows: list[OrderRow]
) -> None:
    model = OrderTableModel(kit_names={})
    model.set_rows(sample_rows)
    view = QTableView()
    view.setModel(model)
    view.setItemDelegateForColumn(COL_PROGRESS, StatusBadgeDelegate(view))
    window = _window_with(qtbot, view)
    view.setColumnWidth(COL_PROGRESS, 220)
    row = model.row_of("O0000004")  # delivery exception: a warning badge
    rect = view.visualRect(model.index(row, COL_PROGRESS, QModelIndex()))
    inside = QPoint(rect.left() + 10, rect.center().y())  # past the rounded end, before the text

    def seen() -> str:
        return _pixel(view.viewport(), inside).name()

    assert seen() == badge_colors("warning", _light())[0].name()
    _switch(qtbot, dark_palette())
    assert seen() == badge_colors("warning", dark_palette())[0].name()
    assert window.palette().color(QPalette.ColorRole.Window).name() == "#202124"


def test_banner_sandbox_band_and_tinted_texts_follow_the_switch(qtbot: QtBot) -> None:
    banner = Banner()
    band = SandboxBand()
    line = KitTimeline("Kit journey")
    status = PlainLabel("Not saved: the server refused it")
    _window_with(qtbot, banner, band, line, status)
    banner.show_error("Can't reach Spot", "Check the network.")
    band.show_for("sandbox")
    line.set_steps(kit_steps("delivery_exception", [("preparing", None)]))
    tone_text(status, "warning")
    warning_step = next(
        label for label in line.name_labels() if label.text() == "Delivery exception"
    )

    for palette in (dark_palette(), _light()):
        _switch(qtbot, palette)
        background, foreground = badge_colors("warning", palette)
        for widget in (banner, band):
            assert widget.palette().color(QPalette.ColorRole.Window) == background
            assert _pixel(widget, QPoint(2, 2)).name() == background.name()
        assert banner.title_label.palette().color(QPalette.ColorRole.WindowText) == foreground
        assert text_color(status) == foreground
        assert contrast_ratio(text_color(status), palette.color(QPalette.ColorRole.Window)) >= 4.5
        assert text_color(warning_step) == accent_color("warning", palette)


def test_styled_widgets_take_the_new_palette(qtbot: QtBot) -> None:
    """A style sheet freezes the palette Qt resolved when it polished the widget (a message
    strip's ``palette(text)``, the labels inside a tinted bar): dark text stayed on a dark
    window after the switch. They are re-polished now."""
    strip = PlainLabel()
    show_status(strip, "error", "The address needs a postal code")
    window = _window_with(qtbot, strip)
    for palette in (dark_palette(), _light()):
        _switch(qtbot, palette)
        text = palette.color(QPalette.ColorRole.Text)
        assert strip.palette().color(strip.foregroundRole()) == text
        image = window.grab(strip.geometry()).toImage()  # the tint over the window
        background = image.pixelColor(image.width() - 3, image.height() // 2)
        assert contrast_ratio(_inkiest(image, background), background) >= 4.5
