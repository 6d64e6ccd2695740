"""The one date-of-birth field: typed and pasted like a receptionist does, read back in words.

Issue 13: typing 03/15/1980 gave 2000-01-19; Ctrl+A then 1980-03-15 gave 2000-03-15.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from app.views.common.dob_field import DobField, day_first_locale
from app.views.common.patient_fields import PatientFields

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

TODAY = date(2026, 6, 1)
US = QLocale("en_US")
FR_CA = QLocale("fr_CA")


@pytest.fixture(autouse=True)
def us_workstation() -> Iterator[None]:
    """The workstation's locale decides the date order; these tests sit at a US desk."""
    before = QLocale()
    QLocale.setDefault(US)
    yield
    QLocale.setDefault(before)


def patient_fields(qtbot: QtBot) -> PatientFields:
    fields = PatientFields(today=TODAY, with_address=False)
    qtbot.addWidget(fields)
    fields.show()
    fields.activateWindow()
    qtbot.waitUntil(fields.isActiveWindow)  # focus moves (Tab, leaving a field) need it
    return fields


def type_into(qtbot: QtBot, field: DobField, text: str) -> None:
    field.line.setFocus()
    qtbot.keyClick(field.line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field.line, text)


@pytest.mark.parametrize(
    ("typed", "stored", "words"),
    [
        ("03/15/1980", "1980-03-15", "15 March 1980, age 46"),  # was 2000-01-19
        ("1980-03-15", "1980-03-15", "15 March 1980, age 46"),  # was 2000-03-15
        ("3/15/80", "1980-03-15", "15 March 1980, age 46"),
        ("19800315", "1980-03-15", "15 March 1980, age 46"),
        ("March 15, 1980", "1980-03-15", "15 March 1980, age 46"),
        ("1/2/26", "2026-01-02", "2 January 2026, age 0"),
    ],
)
def test_typed_dates_are_read_and_shown_in_words(
    qtbot: QtBot, typed: str, stored: str, words: str
) -> None:
    fields = patient_fields(qtbot)
    type_into(qtbot, fields.birth_edit, typed)
    assert fields.patient()["date_of_birth"] == stored
    assert fields.birth_edit.echo_text() == words
    qtbot.keyClick(fields.birth_edit.line, Qt.Key.Key_Tab)
    assert fields.message_text("date_of_birth") == ""


def test_ctrl_a_replaces_a_date_already_there(qtbot: QtBot) -> None:
    fields = patient_fields(qtbot)
    fields.set_patient({"date_of_birth": "2000-01-19"})
    type_into(qtbot, fields.birth_edit, "1980-03-15")
    assert fields.patient()["date_of_birth"] == "1980-03-15"


@pytest.mark.parametrize(
    ("locale", "expected", "words"),
    [
        (US, "1980-03-04", "4 March 1980, age 46"),
        (FR_CA, "1980-04-03", "3 avril 1980, 46 ans"),
        (QLocale("en_GB"), "1980-04-03", "3 April 1980, age 46"),
    ],
)
def test_ambiguous_date_follows_the_workstation(
    qtbot: QtBot, locale: QLocale, expected: str, words: str
) -> None:
    field = DobField(today=TODAY, locale=locale)
    qtbot.addWidget(field)
    field.show()
    type_into(qtbot, field, "03/04/1980")
    assert field.text_for_record() == expected
    if locale.language() == QLocale.Language.French:
        # The words are the translator's; without the catalogue the English pattern shows.
        assert field.echo_text().startswith("3 avril 1980")
    else:
        assert field.echo_text() == words


def test_day_first_locales() -> None:
    assert not day_first_locale(US)
    assert not day_first_locale(QLocale("en_CA"))
    assert day_first_locale(FR_CA)
    assert day_first_locale(QLocale("fr_FR"))
    assert day_first_locale(QLocale("en_GB"))


def test_fr_ca_reads_day_first_dates(qtbot: QtBot) -> None:
    field = DobField(today=TODAY, locale=FR_CA)
    qtbot.addWidget(field)
    type_into(qtbot, field, "15/03/1980")
    assert field.value() == date(1980, 3, 15)


def test_pasted_text_is_read(qtbot: QtBot) -> None:
    fields = patient_fields(qtbot)
    QGuiApplication.clipboard().setText("  15 March 1980\n")
    fields.birth_edit.line.setFocus()
    qtbot.keyClick(fields.birth_edit.line, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert fields.patient()["date_of_birth"] == "1980-03-15"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("02/30/1980", "That date does not exist; check the day and month"),
        ("2027-01-01", "Date of birth can't be in the future"),
        ("1890-01-01", "Date of birth is more than 120 years ago; check the year"),
        ("last spring", "Can't read this date; type it like 1980-03-15"),
    ],
)
def test_refused_dates_say_why_next_to_the_field(qtbot: QtBot, typed: str, message: str) -> None:
    fields = patient_fields(qtbot)
    type_into(qtbot, fields.birth_edit, typed)
    qtbot.keyClick(fields.birth_edit.line, Qt.Key.Key_Tab)  # leaving the field shows it
    assert fields.message_text("date_of_birth") == message
    assert "date_of_birth" in {f.field for f in fields.blocking()}
    assert "age" not in fields.birth_edit.echo_text()  # never "age -1" or "age 136"


def test_no_date_yet_asks_for_one(qtbot: QtBot) -> None:
    fields = patient_fields(qtbot)
    fields.reveal_all()
    assert fields.message_text("date_of_birth") == "Enter the date of birth"
    assert fields.birth_edit.echo_text() == ""
