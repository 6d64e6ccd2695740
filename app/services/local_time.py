"""Local time that works on Windows too: dates before 1970 and short time-zone names.

- ``to_local``: ``datetime.astimezone()`` asks the C library for the local zone at that moment;
  on Windows that raises ``OSError`` (Errno 22) for anything before 1970-01-01, such as most
  dates of birth. The fallback uses the local zone's offset as it is today: at most an hour
  off (summer time), so a date shown at noon never changes day.
- ``short_zone_name``: Windows names zones in full ("Eastern Standard Time"); the UI wants
  "EST", or "UTC−05:00" where there is no common abbreviation.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone

__all__ = ["short_zone_name", "to_local"]

Convert = Callable[[datetime], datetime]

# Windows zone display names (standard / daylight) used in North America → abbreviations.
_WINDOWS_ZONE_ABBREVIATIONS = {
    "Newfoundland": ("NST", "NDT"),
    "Atlantic": ("AST", "ADT"),
    "Eastern": ("EST", "EDT"),
    "US Eastern": ("EST", "EDT"),
    "Central": ("CST", "CDT"),
    "Canada Central": ("CST", "CDT"),
    "Mountain": ("MST", "MDT"),
    "US Mountain": ("MST", "MDT"),
    "Pacific": ("PST", "PDT"),
    "Alaskan": ("AKST", "AKDT"),
    "Hawaiian": ("HST", "HDT"),
    "Aleutian": ("HST", "HDT"),
    "GMT": ("GMT", "BST"),
    "UTC": ("UTC", "UTC"),
    "Coordinated Universal": ("UTC", "UTC"),
}


def _astimezone(moment: datetime) -> datetime:
    return moment.astimezone()


def _local_zone_now() -> timezone:
    offset = datetime.now(UTC).astimezone().utcoffset() or timedelta(0)
    return timezone(offset)


def to_local(moment: datetime, convert: Convert | None = None) -> datetime:
    """``moment`` in the computer's time zone (a naive ``moment`` is taken as local already).

    ``convert`` is ``datetime.astimezone``; tests pass one (or replace ``_astimezone``) that
    fails like Windows does.
    """
    try:
        return (convert or _astimezone)(moment)
    except (OSError, OverflowError, ValueError):
        zone = _local_zone_now()
        if moment.tzinfo is None:
            return moment.replace(tzinfo=zone)
        return moment.astimezone(zone)


def _offset_name(offset: timedelta | None) -> str:
    minutes = int((offset or timedelta(0)).total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{rest:02d}"


def short_zone_name(moment: datetime) -> str:
    """A short name for ``moment``'s zone: "EST", "CEST", or "UTC+05:30"."""
    name = moment.tzname() or ""
    if name and " " not in name and len(name) <= 5 and not name.startswith(("+", "-")):
        return name  # already an abbreviation (POSIX, macOS, zoneinfo)
    for suffix, daylight in ((" Standard Time", False), (" Daylight Time", True),
                             (" Summer Time", True)):
        if name.endswith(suffix):
            pair = _WINDOWS_ZONE_ABBREVIATIONS.get(name[: -len(suffix)])
            if pair is not None:
                return pair[daylight]
    return _offset_name(moment.utcoffset())
