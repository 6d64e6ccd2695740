"""Reading a date of birth as people type or paste it (no Qt).

``read_birth_date`` accepts ``1980-03-15``, ``19800315``, ``03/15/1980`` (month first) or
``15/03/1980`` (day first, chosen by ``day_first``), dots and dashes for slashes,
two-digit years (``3/15/80``: the century that doesn't put the birth in the future) and
month names in English or French (``15 March 1980``, ``Mar 15, 1980``, ``15 mars 1980``).
When the preferred order gives an impossible month but the other order gives a real date
(``15/03/1980`` typed on a month-first workstation) the real date is taken; the field shows
the date it understood in words, so nothing is taken silently.

It never raises and never guesses beyond that: text it can't read is refused with a message,
as are dates that don't exist, dates in the future and ages over ``MAX_AGE_YEARS``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Final

from app.marks import QT_TRANSLATE_NOOP
from app.validation.findings import Finding, error

__all__ = ["MAX_AGE_YEARS", "BirthDate", "age_on", "read_birth_date"]

MAX_AGE_YEARS: Final = 120
FIELD: Final = "date_of_birth"

_MONTHS: Final[dict[str, int]] = {}
for _number, _names in enumerate(
    (
        ("january", "jan", "janvier", "janv"),
        ("february", "feb", "fevrier", "fevr", "fev"),
        ("march", "mar", "mars"),
        ("april", "apr", "avril", "avr"),
        ("may", "mai"),
        ("june", "jun", "juin"),
        ("july", "jul", "juillet", "juil"),
        ("august", "aug", "aout"),
        ("september", "sep", "sept", "septembre"),
        ("october", "oct", "octobre"),
        ("november", "nov", "novembre"),
        ("december", "dec", "decembre"),
    ),
    start=1,
):
    for _name in _names:
        _MONTHS[_name] = _number

_NUMERIC: Final = re.compile(r"^(\d{1,4})\s*[-/.\s]\s*(\d{1,2})\s*[-/.\s]\s*(\d{1,4})$")
_COMPACT: Final = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_WORDS: Final = re.compile(r"[a-z]+|\d+")


@dataclass(frozen=True, slots=True)
class BirthDate:
    """What was read: ``value`` (a real date, maybe refused) and ``problem`` (None when good).

    ``value`` is set for a future date or a too-old one too, so the field can say which date
    it refused; it is None when the text was empty or unreadable or named no real day.
    """

    value: date | None
    problem: Finding | None = None

    @property
    def ok(self) -> bool:
        return self.value is not None and self.problem is None


def age_on(born: date, today: date) -> int:
    """Whole years from ``born`` to ``today``."""
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def _unreadable() -> BirthDate:
    return BirthDate(None, error(FIELD, QT_TRANSLATE_NOOP(
        "Validation", "Can't read this date; type it like 1980-03-15"
    )))


def _no_such_day() -> BirthDate:
    return BirthDate(None, error(FIELD, QT_TRANSLATE_NOOP(
        "Validation", "That date does not exist; check the day and month"
    )))


def _full_year(year: int, digits: int, month: int, day: int, today: date) -> int:
    """A two-digit year in the latest century that doesn't put the birth after ``today``."""
    if digits > 2:
        return year
    year += today.year // 100 * 100
    try:
        in_future = date(year, month, day) > today
    except ValueError:
        in_future = year > today.year
    return year - 100 if in_future else year


def _real(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _candidates(text: str, day_first: bool, today: date) -> tuple[list[date], bool]:
    """Dates the text may mean, the preferred first; and whether its shape was recognised."""
    compact = _COMPACT.match(text)
    if compact:
        found = _real(*(int(part) for part in compact.groups()))
        return ([found] if found else []), True
    numeric = _NUMERIC.match(text)
    if numeric:
        first, second, third = numeric.groups()
        if len(first) == 4:  # year first: always year-month-day
            found = _real(int(first), int(second), int(third))
            return ([found] if found else []), True
        if len(third) not in (2, 4) or len(first) > 2:
            return [], False
        orders = [(first, second), (second, first)]  # (day, month) pairs
        if not day_first:
            orders.reverse()
        dates = []
        for day_text, month_text in orders:
            day, month = int(day_text), int(month_text)
            year = _full_year(int(third), len(third), month, day, today)
            found = _real(year, month, day)
            if found and found not in dates:
                dates.append(found)
        return dates, True
    return _with_month_name(text, today)


def _with_month_name(text: str, today: date) -> tuple[list[date], bool]:
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    words = _WORDS.findall(plain.replace("1er", "1"))
    months = [_MONTHS[w] for w in words if w in _MONTHS]
    numbers = [w for w in words if w.isdigit()]
    others = [w for w in words if not w.isdigit() and w not in _MONTHS and w not in ("le", "of")]
    if len(months) != 1 or len(numbers) != 2 or others:
        return [], False
    year_text = next((n for n in numbers if len(n) == 4), numbers[-1])
    day_text = next(n for n in numbers if n is not year_text)
    if len(day_text) > 2 or len(year_text) not in (2, 4):
        return [], False
    month, day = months[0], int(day_text)
    year = _full_year(int(year_text), len(year_text), month, day, today)
    found = _real(year, month, day)
    return ([found] if found else []), True


def read_birth_date(text: object, *, day_first: bool, today: date) -> BirthDate:
    """Read a typed or pasted date of birth. ``day_first``: 03/04/1980 is 3 April."""
    if not isinstance(text, str):
        return _unreadable()
    cleaned = " ".join(text.replace("\u00a0", " ").split()).strip(" ,.")
    if not cleaned:
        return BirthDate(None, error(FIELD, QT_TRANSLATE_NOOP(
            "Validation", "Enter the date of birth"
        )))
    dates, recognised = _candidates(cleaned, day_first, today)
    if not recognised:
        return _unreadable()
    if not dates:
        return _no_such_day()
    born = dates[0]
    if born > today:
        return BirthDate(born, error(FIELD, QT_TRANSLATE_NOOP(
            "Validation", "Date of birth can't be in the future"
        )))
    if age_on(born, today) > MAX_AGE_YEARS:
        return BirthDate(born, error(FIELD, QT_TRANSLATE_NOOP(
            "Validation", "Date of birth is more than {years} years ago; check the year"
        ), years=MAX_AGE_YEARS))
    return BirthDate(born)
