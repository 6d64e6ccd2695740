"""read_birth_date: a date of birth as people type or paste it, in both date orders."""

from __future__ import annotations

from datetime import date

import pytest

from app.validation.dates import BirthDate, age_on, read_birth_date

TODAY = date(2026, 11, 27)


@pytest.mark.parametrize(
    ("typed", "day_first", "expected"),
    [
        ("1980-03-15", False, date(1980, 3, 15)),
        ("1980-03-15", True, date(1980, 3, 15)),
        ("1980/3/5", False, date(1980, 3, 5)),
        ("1980.03.15", True, date(1980, 3, 15)),
        ("19800315", False, date(1980, 3, 15)),
        ("03/15/1980", False, date(1980, 3, 15)),  # the reported case: not 2000-01-19
        ("15/03/1980", True, date(1980, 3, 15)),
        ("15.03.1980", True, date(1980, 3, 15)),
        ("15-03-1980", True, date(1980, 3, 15)),
        # Ambiguous: the workstation's order decides, and the field shows it in words.
        ("03/04/1980", False, date(1980, 3, 4)),
        ("03/04/1980", True, date(1980, 4, 3)),
        # Only one order gives a real date: that one, whatever the workstation's order.
        ("15/03/1980", False, date(1980, 3, 15)),
        ("03/15/1980", True, date(1980, 3, 15)),
        # Two-digit years: the century that doesn't put the birth in the future.
        ("3/15/80", False, date(1980, 3, 15)),
        ("15/3/80", True, date(1980, 3, 15)),
        ("1/2/26", False, date(2026, 1, 2)),
        ("12/31/26", False, date(1926, 12, 31)),  # 2026-12-31 is after TODAY
        ("11/27/26", False, date(2026, 11, 27)),  # born today is not the future
        ("6/1/00", False, date(2000, 6, 1)),
        # Pasted text: spaces, a trailing dot, month names in English and French.
        ("  1980-03-15\u00a0", False, date(1980, 3, 15)),
        ("15 March 1980", False, date(1980, 3, 15)),
        ("March 15, 1980", True, date(1980, 3, 15)),
        ("Mar 15 1980.", False, date(1980, 3, 15)),
        ("15 mars 1980", True, date(1980, 3, 15)),
        ("1er février 1975", True, date(1975, 2, 1)),
        ("15 août 80", True, date(1980, 8, 15)),
    ],
)
def test_reads_what_people_type(typed: str, day_first: bool, expected: date) -> None:
    assert read_birth_date(typed, day_first=day_first, today=TODAY) == BirthDate(expected)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Enter the date of birth"),
        ("   ", "Enter the date of birth"),
        ("soon", "Can't read this date; type it like 1980-03-15"),
        ("1980-03", "Can't read this date; type it like 1980-03-15"),
        ("3/15/198", "Can't read this date; type it like 1980-03-15"),
        ("15 March", "Can't read this date; type it like 1980-03-15"),
        ("15 March 1980 at noon", "Can't read this date; type it like 1980-03-15"),
        ("1980-02-30", "That date does not exist; check the day and month"),
        ("13/13/1980", "That date does not exist; check the day and month"),
        ("31/02/1980", "That date does not exist; check the day and month"),
        ("19801315", "That date does not exist; check the day and month"),
        ("2027-01-01", "Date of birth can't be in the future"),
        ("11/28/2026", "Date of birth can't be in the future"),
        ("1905-11-27", "Date of birth is more than 120 years ago; check the year"),
    ],
)
def test_refuses_with_a_message(typed: str, message: str) -> None:
    read = read_birth_date(typed, day_first=False, today=TODAY)
    assert not read.ok
    assert read.problem is not None
    assert (read.problem.field, read.problem.severity, read.problem.message) == (
        "date_of_birth", "error", message,
    )


def test_a_refused_real_date_is_still_named() -> None:
    """So the field can say which date it refused ("2027-01-01 is in the future")."""
    assert read_birth_date("2027-01-01", day_first=False, today=TODAY).value == date(2027, 1, 1)


def test_exactly_120_years_is_allowed() -> None:
    assert read_birth_date("1906-11-27", day_first=True, today=TODAY).ok


@pytest.mark.parametrize("value", [None, 19800315, b"1980-03-15", ["1980-03-15"]])
def test_non_text_is_refused_not_raised(value: object) -> None:
    read = read_birth_date(value, day_first=False, today=TODAY)
    assert read.value is None
    assert read.problem is not None


@pytest.mark.parametrize(
    ("born", "age"),
    [(date(1980, 3, 15), 46), (date(1980, 11, 27), 46), (date(1980, 11, 28), 45)],
)
def test_age_on(born: date, age: int) -> None:
    assert age_on(born, TODAY) == age
