"""Result flags and formatting: the lab's value as sent, a word for anything out of range."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.api import models
from app.views.common.results_table import ResultsTable, format_range, format_value, result_flag


def result(value: Any, low: Any = 20, high: Any = 200, **extra: Any) -> models.Result:
    return models.Result.model_validate(
        {"result_type": "quantity", "name": "Marker", "result": value,
         "unit_of_measure": "mg/dL", "range_minimum": low, "range_maximum": high, **extra}
    )


@pytest.mark.parametrize(
    ("value", "flag"),
    [
        (123, None),
        (20, None),
        (200, None),
        (19.9, "low"),
        (200.5, "high"),
        ("250", "high"),
        ("<10", "low"),
        ("<20", "low"),
        ("<=20", None),
        ("<30", None),  # could be 25 (in range) or 5 (low): not certain, no flag
        (">200", "high"),
        (">150", None),
        ("≥ 250", "high"),
        ("hemolyzed", None),
        ("", None),
        (None, None),
    ],
)
def test_quantity_flags(value: Any, flag: str | None) -> None:
    assert result_flag(result(value)) == flag


def test_one_sided_and_missing_ranges() -> None:
    assert result_flag(result(150, low=None, high=99)) == "high"
    assert result_flag(result(5, low=10, high=None)) == "low"
    assert result_flag(result(5, low=None, high=None)) is None
    assert result_flag(result(5, low="n/a", high="n/a")) is None


@pytest.mark.parametrize(
    ("value", "flag"), [("negative", None), ("Positive", "positive"), ("reactive", "positive")]
)
def test_reactivity_flags(value: str, flag: str | None) -> None:
    reactivity = result(value, low=None, high=None, result_type="reactivity",
                        unit_of_measure=None)
    assert result_flag(reactivity) == flag


def test_formatting_keeps_the_lab_text() -> None:
    assert format_value(5.0) == "5"
    assert format_value(5.25) == "5.25"
    assert format_value("<10") == "<10"
    assert format_value(None) == ""
    assert format_range(20, 200) == "20–200"
    assert format_range(None, 99) == "≤ 99"
    assert format_range(30, None) == "≥ 30"
    assert format_range(None, None) == ""


def test_table_shows_every_result_with_flag_words(qtbot: QtBot) -> None:
    table = ResultsTable()
    qtbot.addWidget(table)
    table.set_results([
        result(250, comments="Amended: value corrected after lab review"),
        result("<10"),
        result(100),
        result({"allele": "AG"}, low=None, high=None, result_type="genotype",
               unit_of_measure=None),
    ])
    assert [table.flag_at(row) for row in range(4)] == ["High", "Low", "", ""]
    assert table.item(0, 0).text() == "Marker *"
    assert table.item(0, 0).toolTip() == "Amended: value corrected after lab review"
    assert table.item(3, 1).text() == '{"allele": "AG"}'
    flagged, plain = table.item(0, 1), table.item(2, 1)
    assert flagged.background().color() != plain.background().color()
    assert flagged.font().bold()
    # Every row is visible without an inner scroll bar.
    assert table.height() >= sum(table.rowHeight(r) for r in range(4))
