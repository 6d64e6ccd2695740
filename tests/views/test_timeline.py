"""Journey steps from a status and its events: order, dates, current step, odd server data."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtGui import QPalette
from pytestqt.qtbot import QtBot

from app.views.common.formatting import format_day
from app.views.common.timeline import (
    KitTimeline,
    Step,
    kit_steps,
    sample_steps,
    text_color,
)
from app.views.theme import accent_color, contrast_ratio, dark_palette

T0 = datetime(2026, 1, 5, 16, 0, tzinfo=UTC)


def events(*statuses: str) -> list[tuple[str | None, datetime | None]]:
    return [(status, T0 + timedelta(days=i)) for i, status in enumerate(statuses)]


def summary(steps: list[Step]) -> list[tuple[str, str]]:
    return [(step.status, step.state) for step in steps]


def test_fresh_kit_is_preparing_with_the_rest_ahead() -> None:
    steps = kit_steps("preparing", events("preparing"))
    assert summary(steps) == [
        ("preparing", "current"),
        ("in_transit", "upcoming"),
        ("delivered", "upcoming"),
        ("registered", "upcoming"),
    ]
    assert steps[0].when == T0
    assert all(step.when is None for step in steps[1:])


def test_each_step_dated_by_its_first_event() -> None:
    steps = kit_steps("registered", events("preparing", "in_transit", "delivered", "registered"))
    assert [step.when for step in steps] == [T0 + timedelta(days=i) for i in range(4)]
    assert [step.state for step in steps] == ["done", "done", "done", "current"]


def test_events_out_of_order_are_sorted_by_time() -> None:
    shuffled = list(reversed(events("preparing", "in_transit", "delivered")))
    steps = kit_steps("delivered", shuffled)
    assert summary(steps)[:3] == [
        ("preparing", "done"), ("in_transit", "done"), ("delivered", "current")
    ]


def test_lab_without_accession_notice_skips_received() -> None:
    steps = sample_steps(
        "resulted", events("awaiting_collection", "in_transit", "delivered", "resulted")
    )
    assert summary(steps) == [
        ("awaiting_collection", "done"),
        ("in_transit", "done"),
        ("delivered", "done"),
        ("received", "skipped"),
        ("resulted", "current"),
    ]


def test_extra_quality_checks_sit_where_they_happened() -> None:
    steps = sample_steps(
        "extra_quality_checks",
        events("awaiting_collection", "in_transit", "delivered", "received",
               "extra_quality_checks"),
    )
    assert [step.status for step in steps] == [
        "awaiting_collection", "in_transit", "delivered", "received", "extra_quality_checks",
        "resulted",
    ]
    assert steps[4].label == "Extra quality checks"
    assert steps[4].tone == "normal"
    assert steps[5].state == "upcoming"


def test_collection_exception_cuts_the_journey_short() -> None:
    steps = sample_steps("collection_exception", events("awaiting_collection",
                                                        "collection_exception"))
    assert summary(steps) == [
        ("awaiting_collection", "done"),
        ("collection_exception", "current"),
        ("in_transit", "skipped"),
        ("delivered", "skipped"),
        ("received", "skipped"),
        ("resulted", "skipped"),
    ]
    assert steps[1].tone == "warning"
    assert steps[1].label == "Collection exception"


def test_status_without_events_is_still_shown() -> None:
    steps = kit_steps("delivered", [])
    assert summary(steps) == [
        ("preparing", "done"),
        ("in_transit", "done"),
        ("delivered", "current"),
        ("registered", "upcoming"),
    ]
    assert all(step.when is None for step in steps)


def test_nothing_known_means_nothing_current() -> None:
    steps = kit_steps(None, [])
    assert [step.state for step in steps] == ["upcoming"] * 4


def test_status_lagging_behind_its_events_keeps_the_dates() -> None:
    # SPEC §14.2: a documented example says "preparing" while its events reach "registered".
    steps = kit_steps("preparing", events("preparing", "in_transit", "delivered", "registered"))
    assert summary(steps) == [
        ("preparing", "current"),
        ("in_transit", "done"),
        ("delivered", "done"),
        ("registered", "done"),
    ]


def test_unknown_status_with_no_date_is_an_extra_step() -> None:
    steps = sample_steps("rejected_by_lab", events("awaiting_collection", "in_transit"))
    assert [(s.label, s.state, s.tone) for s in steps][:3] == [
        ("Awaiting collection", "done", "normal"),
        ("On its way to the lab", "done", "normal"),
        ("rejected_by_lab", "current", "unknown"),
    ]


def test_blank_and_missing_event_fields_do_not_break_it() -> None:
    steps = kit_steps("in_transit", [(None, None), ("", T0), ("preparing", None),
                                     ("in_transit", None)])
    assert summary(steps)[:2] == [("preparing", "done"), ("in_transit", "current")]


def test_widget_shows_labels_dates_and_a_summary_for_screen_readers(qtbot: QtBot) -> None:
    timeline = KitTimeline("Kit journey")
    qtbot.addWidget(timeline)
    timeline.set_steps(kit_steps("in_transit", events("preparing", "in_transit")))
    assert [label.text() for label in timeline.name_labels()] == [
        "Preparing", "Shipped", "Delivered", "Registered"
    ]
    assert [label.text() for label in timeline.date_labels()] == [
        format_day(T0), format_day(T0 + timedelta(days=1)), "", ""
    ]
    assert timeline.accessibleDescription() == (
        f"Preparing: done, {format_day(T0)}; "
        f"Shipped: current step, {format_day(T0 + timedelta(days=1))}; "
        "Delivered: not yet; Registered: not yet"
    )
    # Replacing the steps replaces the labels (no leftovers from the previous kit).
    timeline.set_steps(kit_steps("delivery_exception",
                                 events("preparing", "in_transit", "delivery_exception")))
    assert len(timeline.name_labels()) == 5
    assert timeline.grab().width() > 0  # paints without error


def test_format_day_uses_the_local_calendar_day() -> None:
    when = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)
    local = when.astimezone()
    assert format_day(when) == f"{local.day} Mar 2026"
    assert format_day(None) == ""


def test_quality_checks_without_a_receipt_notice_come_after_the_skipped_receipt() -> None:
    steps = sample_steps(
        "resulted",
        events("awaiting_collection", "in_transit", "delivered", "extra_quality_checks",
               "resulted"),
    )
    assert summary(steps) == [
        ("awaiting_collection", "done"),
        ("in_transit", "done"),
        ("delivered", "done"),
        ("received", "skipped"),
        ("extra_quality_checks", "done"),
        ("resulted", "current"),
    ]


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_exception_step_reads_as_a_warning_in_light_and_dark(qtbot: QtBot, dark: bool) -> None:
    timeline = KitTimeline("Kit journey")
    qtbot.addWidget(timeline)
    if dark:
        timeline.setPalette(dark_palette())
    timeline.set_steps(kit_steps("delivery_exception",
                                 events("preparing", "in_transit", "delivery_exception")))
    palette = timeline.palette()
    warning = next(label for label in timeline.name_labels()
                   if label.text() == "Delivery exception")
    color = text_color(warning)
    assert color == accent_color("warning", palette)
    window = palette.color(QPalette.ColorRole.Window)
    assert contrast_ratio(color, window) >= 4.5
    plain = palette.color(QPalette.ColorRole.WindowText)
    assert color != plain  # stands out from the other step names
