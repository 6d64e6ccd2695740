"""Local time on every OS: pre-1970 dates (Windows' astimezone raises) and short zone names."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from pathlib import Path

import pytest

from app.services.local_time import short_zone_name, to_local
from tests.helpers.windows import windows_astimezone


@pytest.mark.parametrize("born", [date(1931, 5, 17), date(1969, 12, 31), date(1900, 1, 1)])
def test_birth_date_before_1970_keeps_its_day(born: date) -> None:
    noon = datetime(born.year, born.month, born.day, 12)
    local = to_local(noon, windows_astimezone)
    assert local.date() == born
    assert local.utcoffset() is not None


def test_aware_moment_before_1970_is_converted_not_lost() -> None:
    moment = datetime(1965, 3, 1, 15, 30, tzinfo=UTC)
    local = to_local(moment, windows_astimezone)
    assert local == moment  # the same instant, shown in the local zone
    assert local.tzinfo is not None


def test_ordinary_dates_use_the_real_conversion() -> None:
    moment = datetime(2026, 7, 1, 12, tzinfo=UTC)
    assert to_local(moment, windows_astimezone) == moment.astimezone()


class _Named(tzinfo):
    """A zone with Windows' long names."""

    def __init__(self, name: str, hours: float) -> None:
        self.name, self.offset = name, timedelta(hours=hours)

    def utcoffset(self, _dt: datetime | None) -> timedelta:
        return self.offset

    def tzname(self, _dt: datetime | None) -> str:
        return self.name

    def dst(self, _dt: datetime | None) -> timedelta:
        return timedelta(0)


@pytest.mark.parametrize(("name", "hours", "short"), [
    ("Eastern Standard Time", -5, "EST"),
    ("Pacific Daylight Time", -7, "PDT"),
    ("Newfoundland Daylight Time", -2.5, "NDT"),
    ("W. Europe Standard Time", 1, "UTC+01:00"),
    ("India Standard Time", 5.5, "UTC+05:30"),
    ("Canada Central Standard Time", -6, "CST"),
    ("EST", -5, "EST"),
    ("CEST", 2, "CEST"),
    ("-03", -3, "UTC−03:00"),
])
def test_short_zone_names(name: str, hours: float, short: str) -> None:
    assert short_zone_name(datetime(2026, 1, 5, 12, tzinfo=_Named(name, hours))) == short


def test_utc_stays_utc() -> None:
    assert short_zone_name(datetime(2026, 1, 5, tzinfo=UTC)) == "UTC"
    assert short_zone_name(datetime(2026, 1, 5, tzinfo=timezone(timedelta(0)))) == "UTC"


def test_every_conversion_to_local_time_goes_through_to_local() -> None:
    # A bare .astimezone() raises OSError on Windows for a time before 1970 (a mistyped year,
    # an odd server record): the list, a filter or a tooltip would fail there and only there.
    app = Path(__file__).resolve().parents[2] / "app"
    bare = re.compile(r"\.astimezone\(\)")
    found = [
        f"{path.relative_to(app)}:{number}"
        for path in sorted(app.rglob("*.py")) if path.name != "local_time.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if bare.search(line.split("#", 1)[0]) and "``" not in line
    ]
    assert found == []
