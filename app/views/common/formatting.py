"""Dates as every screen shows them, in one place.

Two forms: a readable day ("14 Mar 2026", the user's locale) for timelines and panels, and
ISO ("2026-03-14", optionally with the time) where dates line up in columns or must read the
same in the US and in Canada (01/02 does not).
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale

from app.services.local_time import to_local

__all__ = ["format_day", "format_when", "iso_day", "local_time"]

_ISO_DAY_CACHE: dict[datetime, str] = {}


def local_time(moment: datetime) -> datetime:
    """``moment`` in the local zone; a naive time is taken as local already.

    ``astimezone()`` raises on Windows for times before 1970 (the C runtime's localtime
    refuses them): ``to_local`` then uses the local zone's offset as it is today.
    """
    if moment.tzinfo is None:
        return moment
    return to_local(moment)


def format_day(when: datetime | date | str | None) -> str:
    """A short, unambiguous local day ("14 Mar 2026"); "" for none; text stays as it came."""
    if when is None or when == "":
        return ""
    if isinstance(when, str):
        return when
    if not isinstance(when, datetime):
        when = datetime(when.year, when.month, when.day, 12)
    local = local_time(when)
    return QLocale().toString(QDate(local.year, local.month, local.day), "d MMM yyyy")


def format_when(value: datetime | date | str | None) -> str:
    """ISO date and local time ("2026-03-14 09:30"), or the ISO date of a plain date."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        return local_time(value).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def iso_day(moment: datetime | None) -> str:
    """The local ISO day of a moment ("2026-03-14"), cached: the order list paints thousands
    of these and strftime plus the zone conversion per cell is a visible share of a repaint."""
    if moment is None:
        return ""
    text = _ISO_DAY_CACHE.get(moment)
    if text is None:
        if len(_ISO_DAY_CACHE) > 20_000:
            _ISO_DAY_CACHE.clear()
        text = _ISO_DAY_CACHE[moment] = local_time(moment).strftime("%Y-%m-%d")
    return text
