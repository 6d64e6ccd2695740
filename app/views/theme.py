"""Status colours that stay readable in light and dark palettes.

Badges are tinted by a tone ("neutral", "active", "good", "warning"); each tone has a pair
for light and one for dark palettes, both checked for WCAG contrast in the tests, so the text
stays legible whatever palette the desktop hands us.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

__all__ = ["TONES", "accent_color", "badge_colors", "contrast_ratio", "dark_palette", "is_dark"]

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


def badge_colors(tone: str, palette: QPalette) -> tuple[QColor, QColor]:
    """Background and foreground for a badge of ``tone``; unknown tones look neutral."""
    table = _DARK if is_dark(palette) else _LIGHT
    background, foreground = table.get(tone, table["neutral"])
    return QColor(background), QColor(foreground)


def accent_color(tone: str, palette: QPalette) -> QColor:
    """A colour for ``tone`` drawn on the window itself (timeline dots and step names), readable
    on the palette's Window and Base colours; unknown tones look neutral."""
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
