"""Labels coloured by a tone that keep up with a light/dark/high-contrast switch.

`ToneBadge` is a rounded status badge that paints itself from its palette at each paint (no
style sheet: those freeze colours until re-polished); `tone_text` colours a label's text (a
warning line, a save status) and colours it again whenever the palette changes.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from app.views.common.plain_text import PlainLabel
from app.views.theme import ThemeFollower, badge_colors, inherited_palette

__all__ = ["ToneBadge", "tone_text"]


class ToneBadge(PlainLabel):
    """A status word on a rounded, tinted background (``tone`` as in `badge_colors`)."""

    def __init__(self, text: str, tone: str, parent: QWidget | None = None, *,
                 padding: tuple[int, int] = (6, 1)) -> None:
        super().__init__(text, parent)
        self._tone = tone
        across, down = padding
        self.setContentsMargins(across, down, across, down)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)

    @property
    def tone(self) -> str:
        return self._tone

    def set_tone(self, tone: str) -> None:
        self._tone = tone
        self.update()

    def colors(self) -> tuple[QColor, QColor]:
        """(background, text) as painted now."""
        return badge_colors(self._tone, self.palette())

    def paintEvent(self, event: QPaintEvent) -> None:
        background, foreground = self.colors()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawRoundedRect(QRectF(self.rect()), 4, 4)
        painter.setPen(foreground)
        painter.setFont(self.font())
        painter.drawText(self.contentsRect(), int(self.alignment()), self.text())
        painter.end()


class _ToneText(QObject):
    """Remembers a label's tone and colours its text again after a theme switch."""

    def __init__(self, label: QLabel) -> None:
        super().__init__(label)
        self.setObjectName("toneText")
        self.label = label
        self.tone: str | None = None
        ThemeFollower(label, self.apply)

    def apply(self) -> None:
        label = self.label
        inherited = inherited_palette(label)
        palette = label.palette()
        if self.tone is None:
            color = inherited.color(QPalette.ColorRole.WindowText)
        else:
            color = badge_colors(self.tone, inherited)[1]
        if palette.color(QPalette.ColorRole.WindowText) != color:
            palette.setColor(QPalette.ColorRole.WindowText, color)
            label.setPalette(palette)


def tone_text(label: QLabel, tone: str | None) -> None:
    """Colour ``label``'s text for ``tone`` (None: the palette's own text colour), now and
    after every light/dark/high-contrast switch."""
    helper = label.findChild(_ToneText, "toneText")
    if helper is None:
        helper = _ToneText(label)
    helper.tone = tone
    helper.apply()
