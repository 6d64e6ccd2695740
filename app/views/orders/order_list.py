"""The order list: search box, filters, "Needs attention" and the table.

Filtering is debounced (typing "fakename" applies once, not eight times) and every reset
keeps the selected order selected and the top visible order at the top, so a background
refresh never moves what staff are looking at.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QByteArray,
    QDate,
    QItemSelectionModel,
    QPoint,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.views.orders.order_table import (
    COL_CREATED,
    COL_KIT_TYPES,
    COL_ORDER_ID,
    COL_PATIENT,
    COL_PROGRESS,
    COL_STATE,
    COL_STATUS,
    COL_UPDATED,
    OrderFilter,
    OrderTableModel,
    StatusBadgeDelegate,
)

if TYPE_CHECKING:
    from app.services.order_rules import OrderRow

__all__ = ["SEARCH_DEBOUNCE_MS", "OrderListView"]

SEARCH_DEBOUNCE_MS = 150
_STATUS_CHOICES = ("pending", "in_progress", "completed", "canceled")
# Date presets: (label, days back; None = any time, -1 = custom range)
_RANGE_ANY, _RANGE_CUSTOM = 0, 4


class OrderListView(QWidget):
    """Search + filters + table over an `OrderTableModel`."""

    order_selected = Signal(object)  # str | None
    order_activated = Signal(str)  # double-click / Enter

    def __init__(
        self, parent: QWidget | None = None, *, kit_names: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(parent)
        self.model = OrderTableModel(self, kit_names=kit_names)
        self._restore: tuple[list[str], str | None, bool] | None = None
        self._last_selected: str | None = None

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("orderSearch")
        self.search_edit.setPlaceholderText(
            self.tr("Search name, email, phone, order or kit ID  (Ctrl+F)")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName(self.tr("Search orders"))
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._on_debounce_timeout)

        self.status_combo = QComboBox()
        self.status_combo.setAccessibleName(self.tr("Order status filter"))
        self.status_combo.addItem(self.tr("All statuses"), "")
        labels = {
            "pending": self.tr("Pending"),
            "in_progress": self.tr("In progress"),
            "completed": self.tr("Completed"),
            "canceled": self.tr("Canceled"),
        }
        for status in _STATUS_CHOICES:
            self.status_combo.addItem(labels[status], status)
        self.status_combo.currentIndexChanged.connect(self._on_filters_changed)

        self.range_combo = QComboBox()
        self.range_combo.setAccessibleName(self.tr("Created date filter"))
        self.range_combo.addItem(self.tr("Any time"), None)
        self.range_combo.addItem(self.tr("Last 7 days"), 7)
        self.range_combo.addItem(self.tr("Last 30 days"), 30)
        self.range_combo.addItem(self.tr("Last 90 days"), 90)
        self.range_combo.addItem(self.tr("Between…"), -1)
        self.range_combo.currentIndexChanged.connect(self._on_range_combo_changed)
        today = QDate.currentDate()
        self.from_edit = QDateEdit(today.addDays(-30))
        self.to_edit = QDateEdit(today)
        for edit, name in ((self.from_edit, self.tr("Created from")),
                           (self.to_edit, self.tr("Created until"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
            edit.setVisible(False)
            edit.dateChanged.connect(self._on_filters_changed)

        self.attention_button = QToolButton()
        self.attention_button.setObjectName("needsAttention")
        self.attention_button.setCheckable(True)
        self.attention_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.attention_button.toggled.connect(self._on_filters_changed)
        self.count_label = QLabel()
        self.count_label.setObjectName("orderCount")

        self.table = QTableView()
        self.table.setObjectName("orderTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        # Indicator first: enabling sorting sorts at once by whatever the indicator says.
        self.table.horizontalHeader().setSortIndicator(
            self.model.sort_column, self.model.sort_order
        )
        self.table.setSortingEnabled(True)  # calls model.sort: sorting happens in Python
        vertical = self.table.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row sizing at 100k
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_PATIENT, QHeaderView.ResizeMode.Stretch)
        self._size_columns()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_menu_requested)
        self.badges = StatusBadgeDelegate(self.table)
        self.table.setItemDelegateForColumn(COL_STATUS, self.badges)
        self.table.setItemDelegateForColumn(COL_PROGRESS, self.badges)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        # Focus can make a row current without selecting it; a click on that row then
        # selects it without changing the current row.
        self.table.selectionModel().selectionChanged.connect(self._on_current_row_changed)
        self.table.activated.connect(self._on_table_activated)
        self.model.modelAboutToBeReset.connect(self._on_model_about_to_be_reset)
        self.model.modelReset.connect(self._on_model_reset)
        self.model.counts_changed.connect(self._update_count_label)

        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 3)
        filters.addWidget(self.status_combo)
        filters.addWidget(self.range_combo)
        filters.addWidget(self.from_edit)
        filters.addWidget(self.to_edit)
        filters.addWidget(self.attention_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self.setTabOrder(self.search_edit, self.status_combo)
        self.setTabOrder(self.status_combo, self.range_combo)
        self.setTabOrder(self.range_combo, self.attention_button)
        self.setTabOrder(self.attention_button, self.table)
        self._update_attention_button()
        self._update_count_label(0, 0)

    def _size_columns(self) -> None:
        """Widths from what the columns hold (and their titles), in this font."""
        metrics = self.table.fontMetrics()
        header_metrics = self.table.horizontalHeader().fontMetrics()
        samples = {
            COL_ORDER_ID: ("O0000000", 40),  # room for the attention icon
            COL_KIT_TYPES: ("Wellness plus kit", 16),
            COL_STATUS: ("In progress", 36),  # badge padding
            COL_PROGRESS: ("Delivery exception", 36),  # longer labels elide
            COL_STATE: ("QC", 16),
            COL_CREATED: ("2026-12-31", 16),
            COL_UPDATED: ("2026-12-31", 16),
        }
        for column, (sample, padding) in samples.items():
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(metrics.horizontalAdvance(sample) + padding,
                        header_metrics.horizontalAdvance(title) + 28)  # + sort arrow
            self.table.setColumnWidth(column, width)

    @Slot(QPoint)
    def _on_header_menu_requested(self, position: QPoint) -> None:
        """Right-click on the header: choose the columns (saved with the column layout)."""
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for column in range(self.model.columnCount()):
            if column == COL_ORDER_ID:
                continue  # the one column that identifies a row stays
            action = menu.addAction(str(self.model.headerData(column, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(
                lambda shown, col=column: header.setSectionHidden(col, not shown)
            )
        menu.popup(header.mapToGlobal(position))

    def set_column_hidden(self, column: int, hidden: bool) -> None:
        self.table.horizontalHeader().setSectionHidden(column, hidden)

    # --- what the window calls ----------------------------------------------------------

    def set_rows(
        self,
        rows: Sequence[OrderRow],
        *,
        attention: Mapping[str, Sequence[str]] | None = None,
        sorted_by: tuple[int, Qt.SortOrder] | None = None,
        texts: Sequence[str] | None = None,
    ) -> None:
        self.model.set_rows(rows, attention=attention, sorted_by=sorted_by, texts=texts)
        self._update_attention_button()

    def set_kit_names(self, kit_names: Mapping[str, str]) -> None:
        self.model.set_kit_names(kit_names)

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def selected_order_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.order_id_at(rows[0].row()) if rows else None

    def select_order(self, order_id: str) -> bool:
        """Select and show an order; clears the filters if they hide it."""
        row = self.model.row_of(order_id)
        if row < 0 and self.model.current_filter != OrderFilter():
            self.clear_filters()
            row = self.model.row_of(order_id)
        if row < 0:
            return False
        self._select_row(row)
        self.table.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    def clear_filters(self) -> None:
        for widget, reset in (
            (self.search_edit, lambda: self.search_edit.clear()),
            (self.status_combo, lambda: self.status_combo.setCurrentIndex(0)),
            (self.range_combo, lambda: self.range_combo.setCurrentIndex(_RANGE_ANY)),
            (self.attention_button, lambda: self.attention_button.setChecked(False)),
        ):
            widget.blockSignals(True)
            reset()
            widget.blockSignals(False)
        self.from_edit.setVisible(False)
        self.to_edit.setVisible(False)
        self._debounce.stop()
        self.model.set_filter(OrderFilter())

    def save_state(self) -> QByteArray:
        return self.table.horizontalHeader().saveState()

    def restore_state(self, state: QByteArray) -> bool:
        restored = self.table.horizontalHeader().restoreState(state)
        header = self.table.horizontalHeader()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        return bool(restored)

    def current_filter(self) -> OrderFilter:
        """The filter the widgets describe (applied to the model after the debounce)."""
        status = self.status_combo.currentData()
        days = self.range_combo.currentData()
        created_from: date | None = None
        created_to: date | None = None
        if days == -1:
            created_from = self.from_edit.date().toPython()  # type: ignore[assignment]
            created_to = self.to_edit.date().toPython()  # type: ignore[assignment]
        elif isinstance(days, int):
            created_from = date.today() - timedelta(days=days)
        return OrderFilter(
            text=self.search_edit.text(),
            statuses=frozenset({status}) if status else frozenset(),
            created_from=created_from,
            created_to=created_to,
            attention_only=self.attention_button.isChecked(),
        )

    # --- slots --------------------------------------------------------------------------

    @Slot(str)
    def _on_search_edit_text_changed(self, _text: str) -> None:
        self._debounce.start()

    @Slot()
    def _on_debounce_timeout(self) -> None:
        self.model.set_filter(self.current_filter())

    @Slot()
    def _on_filters_changed(self) -> None:
        self._debounce.stop()
        self.model.set_filter(self.current_filter())

    @Slot(int)
    def _on_range_combo_changed(self, index: int) -> None:
        custom = index == _RANGE_CUSTOM
        self.from_edit.setVisible(custom)
        self.to_edit.setVisible(custom)
        self._on_filters_changed()

    @Slot()
    def _on_model_about_to_be_reset(self) -> None:
        # Remember by order id: row numbers mean nothing once the rows change.
        selected = self.selected_order_id()
        top_row = self.table.rowAt(0)
        top = self.model.order_id_at(top_row) if top_row >= 0 else None
        # At the very top, staff watch the newest orders: what a refresh puts above the old
        # first row must show up, not be scrolled out of sight by keeping that row on top.
        at_top = self.table.verticalScrollBar().value() == 0
        self._restore = ([selected] if selected else [], top, at_top)

    @Slot()
    def _on_model_reset(self) -> None:
        if self._restore is None:
            return
        selected, top, at_top = self._restore
        self._restore = None
        if at_top:
            self.table.scrollToTop()
        elif top is not None:
            row = self.model.row_of(top)
            if row >= 0:
                self.table.scrollTo(
                    self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop
                )
        for order_id in selected:
            row = self.model.row_of(order_id)
            if row >= 0:
                self._select_row(row, scroll=False)
        if self.selected_order_id() != self._last_selected:
            self._last_selected = self.selected_order_id()
            self.order_selected.emit(self._last_selected)

    @Slot()
    def _on_current_row_changed(self) -> None:
        selected = self.selected_order_id()
        if selected != self._last_selected:
            self._last_selected = selected
            self.order_selected.emit(selected)

    @Slot()
    def _on_table_activated(self) -> None:
        selected = self.selected_order_id()
        if selected:
            self.order_activated.emit(selected)

    @Slot(int, int)
    def _update_count_label(self, visible: int, total: int) -> None:
        if visible == total:
            self.count_label.setText(self.tr("%n order(s)", "", total))
        else:
            self.count_label.setText(
                self.tr("{visible} of {total} orders").format(
                    visible=f"{visible:,}", total=f"{total:,}"
                )
            )
        self._update_attention_button()

    def _update_attention_button(self) -> None:
        count = self.model.attention_count()
        self.attention_button.setText(self.tr("Needs attention ({count})").format(count=count))
        self.attention_button.setToolTip(
            self.tr("Exceptions, kits not registered after 14 days, samples in transit over "
                    "10 days, results not opened yet")
        )

    def _select_row(self, row: int, *, scroll: bool = True) -> None:
        index = self.model.index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
            | QItemSelectionModel.SelectionFlag.Current
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        if scroll:
            self.table.scrollTo(index)
