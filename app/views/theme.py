"""Status colours that stay readable in light, dark and high-contrast palettes.

Badges are tinted by a tone ("neutral", "active", "good", "warning"); each tone has a pair
for light and one for dark palettes, both checked for WCAG contrast in the tests, so the text
stays legible whatever palette the desktop hands us. When the desktop asks for high contrast
(Windows contrast themes), badges and marks use the palette's own colours instead: those are
the ones the person chose to read.

Colours computed from a palette go stale when the desktop switches between light, dark and
high contrast while the app runs. `ThemeFollower` calls a widget's re-colouring again on
every such switch. Widgets with a style sheet (and their children) are cut off from palette
changes altogether: Qt resolves ``palette(text)`` and the inherited colours once, when it
polishes them. `follow_theme_switches` re-polishes them after each switch.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

__all__ = [
    "TONES",
    "ThemeFollower",
    "accent_color",
    "badge_colors",
    "contrast_ratio",
    "dark_palette",
    "follow_theme_switches",
    "high_contrast",
    "inherited_palette",
    "is_dark",
]

TONES: tuple[str, ...] = ("neutral", "active", "good", "warning")

# tone -> (background, foreground)
_LIGHT: dict[str, tuple[str, str]] = {
    "neutral": ("#e6e8eb", "#2f3437"),
    "active": ("#dbe9fb", "#0b4a8b"),
    "good": ("#d9f2e1", "#14582f"),
    "warning": ("#fde2d6", "#8a2a0a"),
}
_DARK: dict[str, tuple[str, str]] = {
    "neutral": ("#3a3f45", "#e4e7ea"),
    "active": ("#173e66", "#cfe3ff"),
    "good": ("#184d2c", "#c9f2d6"),
    "warning": ("#6b2610", "#ffd9c7"),
}
# tone -> colour for marks and text drawn straight on a dark window (no badge behind them):
# the badge text colours are pastels made for the badge background and look washed out
# there. On light palettes the badge text colours serve (dark, saturated enough).
_DARK_ACCENTS: dict[str, str] = {
    "neutral": "#c4c9ce",
    "active": "#8ab4f8",
    "good": "#6dd58c",
    "warning": "#ff9e6b",
}


def is_dark(palette: QPalette) -> bool:
    """A palette is dark when its window colour is darker than its text colour."""
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return window.lightness() < text.lightness()


def high_contrast() -> bool:
    """Whether the desktop asks for high contrast (Windows contrast themes, GNOME's)."""
    if QGuiApplication.instance() is None:
        return False
    # Each wrapper held in a name: PySide drops the accessibility hints' wrapper together
    # with a temporary style hints wrapper ("already deleted").
    hints = QGuiApplication.styleHints()
    accessibility = hints.accessibility()
    return accessibility.contrastPreference() == Qt.ContrastPreference.HighContrast


def badge_colors(tone: str, palette: QPalette) -> tuple[QColor, QColor]:
    """Background and foreground for a badge of ``tone``; unknown tones look neutral.

    Under high contrast: the palette's window and text colours, inverted for a warning so it
    still stands out (the tints would override the colours the person chose)."""
    if high_contrast():
        window = palette.color(QPalette.ColorRole.Window)
        text = palette.color(QPalette.ColorRole.WindowText)
        return (text, window) if tone == "warning" else (window, text)
    table = _DARK if is_dark(palette) else _LIGHT
    background, foreground = table.get(tone, table["neutral"])
    return QColor(background), QColor(foreground)


def accent_color(tone: str, palette: QPalette) -> QColor:
    """A colour for ``tone`` drawn on the window itself (timeline dots and step names), readable
    on the palette's Window and Base colours; unknown tones look neutral. Under high contrast
    the palette's text colour, whatever the tone."""
    if high_contrast():
        return palette.color(QPalette.ColorRole.WindowText)
    if is_dark(palette):
        return QColor(_DARK_ACCENTS.get(tone, _DARK_ACCENTS["neutral"]))
    return QColor(_LIGHT.get(tone, _LIGHT["neutral"])[1])


def _luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.redF())
        + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF())
    )


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG contrast ratio between two colours (1.0 – 21.0)."""
    high, low = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def dark_palette() -> QPalette:
    """A neutral dark palette (screenshots, and desktops that give Qt none)."""
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, "#202124"), (roles.WindowText, "#e8eaed"), (roles.Base, "#17181a"),
        (roles.AlternateBase, "#232427"), (roles.Text, "#e8eaed"), (roles.Button, "#2b2d30"),
        (roles.ButtonText, "#e8eaed"), (roles.ToolTipBase, "#2b2d30"),
        (roles.ToolTipText, "#e8eaed"), (roles.Highlight, "#3d6fb4"),
        (roles.HighlightedText, "#ffffff"), (roles.Link, "#8ab4f8"),
        (roles.PlaceholderText, "#9aa0a6"), (roles.Mid, "#3c4043"), (roles.Dark, "#101113"),
        (roles.Light, "#44474b"), (roles.Midlight, "#35373a"), (roles.Shadow, "#000000"),
    ):
        palette.setColor(role, QColor(colour))
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7f8489"))
    return palette


def inherited_palette(widget: QWidget) -> QPalette:
    """The palette ``widget`` would have without its own colours: its parent's, or the
    application's for a window. Re-colouring reads this, not the widget's own palette, which
    still holds the colours of the theme before the switch."""
    parent = widget.parentWidget()
    return parent.palette() if parent is not None else QApplication.palette(widget)


class ThemeFollower(QObject):
    """Calls ``apply()`` again whenever ``widget``'s palette changes (the desktop or the app
    switched light, dark or high contrast) and when the colour scheme or the contrast
    preference changes. ``apply`` may set the widget's own palette: that change does not
    call it again."""

    def __init__(self, widget: QWidget, apply: Callable[[], None]) -> None:
        super().__init__(widget)
        self._apply = apply
        self._applying = False
        widget.installEventFilter(self)
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(self._reapply)
        accessibility = hints.accessibility()
        accessibility.contrastPreferenceChanged.connect(self._reapply)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.PaletteChange:
            self._reapply()
        return False

    @Slot()
    def _reapply(self) -> None:
        if self._applying:
            return
        self._applying = True
        try:
            self._apply()
        finally:
            self._applying = False


def _repolish_style_sheets() -> None:
    # Setting the same style sheet again makes Qt polish the widget anew, from the new palette.
    for widget in QApplication.allWidgets():
        sheet = widget.styleSheet()
        if sheet:
            widget.setStyleSheet(sheet)


def follow_theme_switches(app: QApplication) -> None:
    """After each palette, colour scheme or contrast switch, widgets with a style sheet take
    the new palette too (once per app; the app's start-up calls it)."""
    if app.property("spotFollowsTheme"):
        return
    app.setProperty("spotFollowsTheme", True)
    app.paletteChanged.connect(_repolish_style_sheets)
    hints = app.styleHints()
    hints.colorSchemeChanged.connect(_repolish_style_sheets)
    accessibility = hints.accessibility()
    accessibility.contrastPreferenceChanged.connect(_repolish_style_sheets)
