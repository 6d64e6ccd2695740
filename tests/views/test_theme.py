"""Tone colours drawn straight on the window (timeline dots and labels) stay readable."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from app.views.theme import TONES, accent_color, badge_colors, contrast_ratio, dark_palette


def _light() -> QPalette:
    palette = QPalette()
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
        palette.setColor(role, QColor("#f5f5f5"))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
        palette.setColor(role, QColor("#111111"))
    return palette


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("tone", [*TONES, "mystery"])
def test_accent_reads_on_the_window_and_on_fields(dark: bool, tone: str) -> None:
    palette = dark_palette() if dark else _light()
    accent = accent_color(tone, palette)
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
        assert contrast_ratio(accent, palette.color(role)) >= 4.5  # WCAG AA, normal text


def test_dark_accents_are_bolder_than_the_badge_text_and_tell_tones_apart() -> None:
    palette = dark_palette()
    accents = {tone: accent_color(tone, palette) for tone in TONES}
    assert len({color.name() for color in accents.values()}) == len(TONES)
    # A warning drawn on the window must look like one: saturated, not the badge's pastel.
    warning = accents["warning"]
    assert warning.hsvSaturationF() > badge_colors("warning", palette)[1].hsvSaturationF()
    assert warning.redF() > warning.greenF() > warning.blueF()  # warm (orange-red)
    assert accent_color("mystery", palette) == accents["neutral"]
