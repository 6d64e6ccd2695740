"""The one date-of-birth field of the app: a plain text box that reads what people type or
paste (``app.validation.dates``) and says, next to it, the date it understood in words and
the age ("15 March 1980, age 46"), so a misread date is seen before it is used.

Ambiguous dates (03/04/1980) follow the workstation's date order: day first where the short
date format puts the day first, and in French (fr_CA writes AAAA-MM-JJ but JJ/MM/AAAA by hand);
month first otherwise (en_US, en_CA).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QWidget

from app.validation.dates import BirthDate, age_on, read_birth_date

__all__ = ["DobField", "day_first_locale"]


def day_first_locale(locale: QLocale) -> bool:
    """Whether people using ``locale`` write the day before the month."""
    short = locale.dateFormat(QLocale.FormatType.ShortFormat)
    positions = {part: short.find(part) for part in "dMy"}
    if positions["y"] == 0 or positions["d"] < 0 or positions["M"] < 0:
        return locale.language() != QLocale.Language.English
    return positions["d"] < positions["M"]


class DobField(QWidget):
    """``reading()`` is what the text means now; ``changed`` on every edit.

    ``line`` is the text box (focus, tab order, messages use it; its object name is
    ``date_of_birth``); ``echo`` is the words next to it.
    """

    changed = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
        locale: QLocale | None = None,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._locale = locale if locale is not None else QLocale()
        self._day_first = day_first_locale(self._locale)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.line = QLineEdit(self)
        self.line.setObjectName("date_of_birth")
        self.line.setPlaceholderText(
            self.tr("YYYY-MM-DD or DD/MM/YYYY") if self._day_first
            else self.tr("YYYY-MM-DD or MM/DD/YYYY")
        )
        self.line.setToolTip(self.tr("Type or paste the date; the date understood shows beside it"))
        hint = self.line.fontMetrics().horizontalAdvance(self.line.placeholderText() + "MM")
        self.line.setMinimumWidth(hint)  # the format hint is read whole
        self.line.textChanged.connect(self._on_text_changed)
        self.echo = QLabel(self)
        self.echo.setObjectName("date_of_birth_echo")
        self.echo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        row.addWidget(self.line, 1)
        row.addWidget(self.echo, 1)
        self._refresh()

    # --- public API ----------------------------------------------------------------------

    def set_today(self, today: date | None) -> None:
        self._today = today
        self._refresh()

    def day_first(self) -> bool:
        return self._day_first

    def reading(self) -> BirthDate:
        return read_birth_date(
            self.line.text(), day_first=self._day_first, today=self._today or date.today()
        )

    def value(self) -> date | None:
        """The date of birth when it is readable and acceptable, else None."""
        reading = self.reading()
        return reading.value if reading.ok else None

    def text_for_record(self) -> str:
        """ISO when the text names a day (even a refused one), else the text as typed."""
        reading = self.reading()
        return reading.value.isoformat() if reading.value else self.line.text().strip()

    def set_value(self, value: date | str | None) -> None:
        """Show a date (or ISO text) from a record; anything else is shown as it came."""
        if isinstance(value, date):
            value = value.isoformat()
        self.line.setText(value or "")
        self.line.setCursorPosition(0)

    def clear(self) -> None:
        self.line.clear()

    def set_read_only(self, read_only: bool) -> None:
        self.line.setReadOnly(read_only)
        self.line.setEnabled(not read_only)

    def echo_text(self) -> str:
        return self.echo.text()

    # --- internals -----------------------------------------------------------------------

    @Slot()
    def _on_text_changed(self) -> None:
        self._refresh()
        self.changed.emit()

    def _refresh(self) -> None:
        reading = self.reading()
        born = reading.value
        if born is None:
            self.echo.setText("")
            self.echo.setAccessibleName("")
            return
        words = self._locale.toString(QDate(born.year, born.month, born.day), "d MMMM yyyy")
        age = age_on(born, self._today or date.today())
        text = (
            self.tr("%1, age %2").replace("%1", words).replace("%2", str(age))
            if reading.ok else words
        )
        self.echo.setText(text)
        self.echo.setAccessibleName(self.tr("Understood as %1").replace("%1", text))
