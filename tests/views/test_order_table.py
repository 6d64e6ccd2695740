"""The order list model: what each column shows, search/filter/sort inside the model, badges."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QStyleOptionViewItem, QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.services.order_rules import OrderRow
from app.views.orders.order_table import (
    COL_CREATED,
    COL_KIT_TYPES,
    COL_ORDER_ID,
    COL_PATIENT,
    COL_PROGRESS,
    COL_STATE,
    COL_STATUS,
    OrderFilter,
    OrderTableModel,
    SortRole,
    StatusBadgeDelegate,
    ToneRole,
    search_terms,
    sort_rows,
)
from app.views.theme import TONES, badge_colors, contrast_ratio, is_dark
from tests.helpers.main_window import BASE_TIME, MakeRow


def _ids(model: OrderTableModel) -> list[str]:
    return [model.index(row, COL_ORDER_ID).data() for row in range(model.rowCount())]


def _model(rows: list[OrderRow], **kwargs: object) -> OrderTableModel:
    model = OrderTableModel(kit_names={"adx100": "ADx100 blood card"})
    model.set_rows(rows, **kwargs)  # type: ignore[arg-type]
    return model


def test_model_passes_qt_model_tester_through_data_filter_and_sort(
    qtbot: QtBot, qtmodeltester: ModelTester, sample_rows: list[OrderRow]
) -> None:
    model = OrderTableModel()
    qtmodeltester.check(model)
    model.set_rows(sample_rows)
    model.set_search_text("o00000")
    model.sort(COL_PATIENT, Qt.SortOrder.AscendingOrder)
    model.set_status_filter({"in_progress"})
    model.sort(COL_CREATED, Qt.SortOrder.DescendingOrder)
    model.set_attention({"O0000004": ["Delivery exception"]})
    model.set_attention_only(True)
    model.set_rows(sample_rows[:3])
    qtmodeltester.check(model)


def test_columns_show_what_staff_read(sample_rows: list[OrderRow]) -> None:
    model = _model(sample_rows)
    row = model.row_of("O0000002")
    assert model.index(row, COL_PATIENT).data() == "Notreal, Bert"  # as it sorts
    assert model.index(row, COL_KIT_TYPES).data() == "ADx100 blood card"  # friendly name
    assert model.index(row, COL_STATUS).data() == "In progress"
    assert model.index(row, COL_PROGRESS).data() == "Kit delivered"
    assert model.index(row, COL_STATE).data() == "CA"
    assert model.index(model.row_of("O0000003"), COL_KIT_TYPES).data() == "saliva_3"
    assert model.headerData(COL_PROGRESS, Qt.Orientation.Horizontal) == "Progress"


def test_unknown_statuses_are_shown_as_they_came(sample_rows: list[OrderRow]) -> None:
    model = _model(sample_rows)
    row = model.row_of("O0000005")
    assert model.index(row, COL_STATUS).data() == "on_hold_by_lab"
    assert model.index(row, COL_PROGRESS).data() == "teleported"
    assert model.index(row, COL_STATUS).data(ToneRole) == "neutral"


def test_badge_tones_follow_progress(sample_rows: list[OrderRow]) -> None:
    model = _model(sample_rows)
    assert model.index(model.row_of("O0000004"), COL_PROGRESS).data(ToneRole) == "warning"
    assert model.index(model.row_of("O0000003"), COL_PROGRESS).data(ToneRole) == "good"
    assert model.index(model.row_of("O0000003"), COL_STATUS).data(ToneRole) == "good"
    assert model.index(model.row_of("O0000003"), COL_PATIENT).data(ToneRole) is None


def test_default_order_is_most_recently_updated_first(sample_rows: list[OrderRow]) -> None:
    model = _model(list(reversed(sample_rows)))
    assert _ids(model) == ["O0000005", "O0000004", "O0000003", "O0000002", "O0000001"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ada", ["O0000001"]),  # first name, case-insensitive
        ("NOTREAL", ["O0000002"]),  # last name
        ("cora@example", ["O0000003"]),  # email
        ("(555) 010-0002", ["O0000002"]),  # phone as typed, matched on digits
        ("555.010.0001", ["O0000001"]),
        ("o0000004", ["O0000004"]),  # order id
        ("SPOTTEST0005", ["O0000005"]),  # kit id
        ("eve aaronfake", ["O0000005"]),  # every word must match
        ("eve notreal", []),
        ("   ", ["O0000005", "O0000004", "O0000003", "O0000002", "O0000001"]),
    ],
)
def test_search_finds_orders_by_what_staff_type(
    sample_rows: list[OrderRow], query: str, expected: list[str]
) -> None:
    model = _model(sample_rows)
    model.set_search_text(query)
    assert _ids(model) == expected


def test_search_as_you_type_and_backspace_restores_rows(sample_rows: list[OrderRow]) -> None:
    model = _model(sample_rows)
    shown: list[list[str]] = []
    for text in ("s", "sp", "spottest000", "spottest0003", "spottest000", ""):
        model.set_search_text(text)
        shown.append(_ids(model))
    assert shown[3] == ["O0000003"]
    assert shown[4] == ["O0000005", "O0000004", "O0000003", "O0000002"]
    assert len(shown[5]) == 5


def test_status_date_and_attention_filters_combine(sample_rows: list[OrderRow]) -> None:
    model = _model(sample_rows)
    model.set_status_filter({"in_progress", "pending"})
    assert sorted(_ids(model)) == ["O0000001", "O0000002", "O0000004"]
    model.set_date_range(date(2026, 3, 2), date(2026, 3, 4))
    assert sorted(_ids(model)) == ["O0000002", "O0000004"]
    model.set_attention({"O0000004": ["Delivery exception"], "O0000003": []})
    assert model.attention_count() == 1  # an empty reason list is not "needs attention"
    model.set_attention_only(True)
    assert _ids(model) == ["O0000004"]
    model.set_filter(OrderFilter())
    assert len(_ids(model)) == 5


def test_counts_signal_reports_visible_and_total(
    qtbot: QtBot, sample_rows: list[OrderRow]
) -> None:
    model = _model(sample_rows)
    with qtbot.waitSignal(model.counts_changed) as blocker:
        model.set_search_text("ada")
    assert blocker.args == [1, 5]


def test_sort_by_patient_then_reverse(sample_rows: list[OrderRow]) -> None:
    model = _model(sample_rows)
    model.sort(COL_PATIENT, Qt.SortOrder.AscendingOrder)
    assert [model.index(r, COL_PATIENT).data() for r in range(3)] == [
        "Aaronfake, Eve", "Fakename, Ada", "Mockson, Dale",
    ]
    model.sort(COL_PATIENT, Qt.SortOrder.DescendingOrder)
    assert model.index(0, COL_PATIENT).data() == "Sample, Cora"


def test_sort_by_progress_orders_by_lifecycle_not_alphabet(sample_rows: list[OrderRow]) -> None:
    model = _model(sample_rows)
    model.sort(COL_PROGRESS, Qt.SortOrder.AscendingOrder)
    labels = [model.index(r, COL_PROGRESS).data() for r in range(model.rowCount())]
    assert labels == [
        "Awaiting fulfilment", "Kit delivered", "Results ready", "Delivery exception",
        "teleported",
    ]
    assert model.index(0, COL_PROGRESS).data(SortRole) < model.index(1, COL_PROGRESS).data(SortRole)


def test_sort_applies_to_filtered_rows_and_survives_filter_changes(
    sample_rows: list[OrderRow],
) -> None:
    model = _model(sample_rows)
    model.set_status_filter({"in_progress", "pending"})
    model.sort(COL_CREATED, Qt.SortOrder.AscendingOrder)
    assert _ids(model) == ["O0000001", "O0000002", "O0000004"]
    model.set_status_filter(())
    assert _ids(model) == ["O0000001", "O0000002", "O0000003", "O0000004", "O0000005"]


def test_sort_keeps_the_selected_order_selected(
    qtbot: QtBot, sample_rows: list[OrderRow]
) -> None:
    model = _model(sample_rows)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.selectRow(model.row_of("O0000003"))
    model.sort(COL_PATIENT, Qt.SortOrder.AscendingOrder)
    selected = view.selectionModel().selectedRows()
    assert [index.data() for index in selected] == ["O0000003"]
    assert selected[0].row() == model.row_of("O0000003")


def test_new_rows_keep_the_current_filter_and_sort(
    row_factory: MakeRow, sample_rows: list[OrderRow]
) -> None:
    model = _model(sample_rows)
    model.sort(COL_PATIENT, Qt.SortOrder.AscendingOrder)
    model.set_search_text("example.test")
    newcomer = row_factory("O0000009", first_name="Abe", last_name="Aardfake")
    model.set_rows([*sample_rows, newcomer])
    assert _ids(model)[:2] == ["O0000009", "O0000005"]
    assert model.total_count() == 6


def test_presorted_rows_are_trusted_only_for_the_current_sort(
    sample_rows: list[OrderRow],
) -> None:
    model = _model(sample_rows)
    by_created = sort_rows(sample_rows, COL_CREATED, Qt.SortOrder.AscendingOrder)
    # The user re-sorted while a worker was sorting: the model sorts again itself.
    model.set_rows(by_created, sorted_by=(COL_CREATED, Qt.SortOrder.AscendingOrder))
    assert _ids(model)[0] == "O0000005"
    model.sort(COL_CREATED, Qt.SortOrder.AscendingOrder)
    model.set_rows(by_created, sorted_by=(COL_CREATED, Qt.SortOrder.AscendingOrder))
    assert _ids(model)[0] == "O0000001"


def test_attention_shows_an_icon_and_the_reasons(sample_rows: list[OrderRow]) -> None:
    model = _model(sample_rows, attention={"O0000004": ["Delivery exception"]})
    index = model.index(model.row_of("O0000004"), COL_ORDER_ID)
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None
    assert "Delivery exception" in index.data(Qt.ItemDataRole.ToolTipRole)
    other = model.index(model.row_of("O0000001"), COL_ORDER_ID)
    assert other.data(Qt.ItemDataRole.DecorationRole) is None


def test_row_helpers_answer_outside_the_range(sample_rows: list[OrderRow]) -> None:
    model = _model(sample_rows)
    assert model.row_at(99) is None
    assert model.order_id_at(-1) is None
    assert model.row_of("O9999999") == -1
    assert model.index(0, 0).data(Qt.ItemDataRole.UserRole + 99) is None
    assert model.data(QModelIndex()) is None
    assert model.rowCount(model.index(0, 0)) == 0


def test_search_terms_turn_punctuated_phones_into_digits() -> None:
    assert search_terms(" (555) 010-0142 ") == ("5550100142",)
    assert search_terms("Ada  Fake") == ("ada", "fake")
    assert search_terms("12") == ("12",)
    assert search_terms("") == ()


def test_narrowing_is_only_claimed_when_it_is_safe() -> None:
    assert OrderFilter(text="ada f").narrows(OrderFilter(text="ada"))
    assert not OrderFilter(text="ad").narrows(OrderFilter(text="ada"))
    assert not OrderFilter(text="ada").narrows(OrderFilter(text=""))
    assert not OrderFilter(text="ada", attention_only=True).narrows(OrderFilter(text="ad"))


def test_sort_rows_does_not_fail_on_rows_created_at_the_same_time(row_factory: MakeRow) -> None:
    rows = [row_factory(f"O000010{n}", created=BASE_TIME) for n in range(3)]
    assert len(sort_rows(rows, COL_CREATED, Qt.SortOrder.DescendingOrder)) == 3


# --- badges ------------------------------------------------------------------------------


def _palette(dark: bool) -> QPalette:
    palette = QPalette()
    window, text = (QColor("#202124"), QColor("#e8eaed")) if dark else (
        QColor("#f5f5f5"), QColor("#111111"),
    )
    palette.setColor(QPalette.ColorRole.Window, window)
    palette.setColor(QPalette.ColorRole.WindowText, text)
    palette.setColor(QPalette.ColorRole.Base, window)
    palette.setColor(QPalette.ColorRole.Text, text)
    return palette


@pytest.mark.parametrize("dark", [False, True])
@pytest.mark.parametrize("tone", [*TONES, "mystery"])
def test_badge_text_is_readable_in_light_and_dark(dark: bool, tone: str) -> None:
    palette = _palette(dark)
    assert is_dark(palette) is dark
    background, foreground = badge_colors(tone, palette)
    assert contrast_ratio(background, foreground) >= 4.5  # WCAG AA for normal text
    # The badge must also stand apart from the table behind it.
    assert background != palette.color(QPalette.ColorRole.Base)


@pytest.mark.parametrize("dark", [False, True])
def test_delegate_paints_the_badge_in_the_tone_colour(
    qtbot: QtBot, sample_rows: list[OrderRow], dark: bool
) -> None:
    model = _model(sample_rows)
    view = QTableView()
    qtbot.addWidget(view)
    view.setPalette(_palette(dark))
    view.setModel(model)
    delegate = StatusBadgeDelegate(view)
    index = model.index(model.row_of("O0000004"), COL_PROGRESS)
    image = QImage(200, 30, QImage.Format.Format_ARGB32)
    image.fill(QColor("#808080"))
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = QRect(0, 0, 200, 30)
    painter = QPainter(image)
    delegate.paint(painter, option, QPersistentModelIndex(index))
    painter.end()
    background, _ = badge_colors("warning", view.palette())
    # Just inside the badge's top edge, away from the rounded ends and the text.
    badge_top = (30 - (option.fontMetrics.height() + 6)) // 2
    assert image.pixelColor(60, badge_top + 1).name() == background.name()
    assert delegate.sizeHint(option, index).width() > option.fontMetrics.horizontalAdvance(
        "Delivery exception"
    )


def test_search_after_sort_and_sort_during_search_agree(sample_rows: list[OrderRow]) -> None:
    model = _model(sample_rows)
    model.sort(COL_PATIENT, Qt.SortOrder.AscendingOrder)
    model.set_search_text("example.test")
    assert _ids(model) == ["O0000005", "O0000001", "O0000004", "O0000002", "O0000003"]
    model.set_search_text("o")  # every row has an "o" in its email: nothing taken out
    model.set_search_text("spottest")
    model.sort(COL_PATIENT, Qt.SortOrder.DescendingOrder)
    assert _ids(model) == ["O0000003", "O0000002", "O0000004", "O0000005"]
    model.set_search_text("spottest000")  # narrows the sorted subset
    assert _ids(model) == ["O0000003", "O0000002", "O0000004", "O0000005"]
    model.set_search_text("")
    assert len(_ids(model)) == 5
