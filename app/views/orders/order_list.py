"""The order list: search box, filters, "Needs attention" and the table.

Filtering is debounced (typing "fakename" applies once, not eight times) and every reset
keeps the selected order selected and the top visible order at the top, so a background
refresh never moves what staff are looking at.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QByteArray,
    QDate,
    QEvent,
    QItemSelectionModel,
    QObject,
    QPoint,
    QRect,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.services import order_rules
from app.views.common.plain_text import PlainLabel
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
_PROGRESS_PREFIX = "progress:"  # the filter's data for a progress state, before its label
# Where orders stand, offered in the same filter after the order statuses.
_PROGRESS_CHOICES = (
    order_rules.AWAITING_FULFILMENT, order_rules.KIT_SHIPPED, order_rules.KIT_DELIVERED,
    order_rules.KIT_REGISTERED, order_rules.SAMPLE_ON_ITS_WAY, order_rules.SAMPLE_AT_LAB,
    order_rules.PARTIALLY_RESULTED, order_rules.RESULTS_READY,
    order_rules.DELIVERY_EXCEPTION, order_rules.COLLECTION_EXCEPTION,
)
# Date presets: (label, days back; None = any time, -1 = custom range)
_RANGE_ANY, _RANGE_CUSTOM = 0, 4


class OrderListView(QWidget):
    """Search + filters + table over an `OrderTableModel`."""

    order_selected = Signal(object)  # str | None
    order_activated = Signal(str)  # double-click / Enter
    # The row menu's commands the window carries out (order id).
    open_report_requested = Signal(str)
    register_kit_requested = Signal(str)

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
        self.status_combo.insertSeparator(self.status_combo.count())
        for progress in _PROGRESS_CHOICES:
            self.status_combo.addItem(
                QApplication.translate("Progress", progress.label),
                _PROGRESS_PREFIX + progress.label,
            )
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
        self.results_button = QToolButton()
        self.results_button.setObjectName("resultsToReview")
        self.results_button.setCheckable(True)
        self.results_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.results_button.setToolTip(
            self.tr("Orders with results not opened on this computer yet")
        )
        self.results_button.toggled.connect(self._on_results_toggled)
        self.attention_button.toggled.connect(self._on_attention_toggled)
        self.count_label = PlainLabel()
        self.count_label.setObjectName("orderCount")
        self.empty_label = PlainLabel()
        self.empty_label.setObjectName("emptyListReason")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.clear_button = QPushButton()
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.clicked.connect(self._on_clear_button_clicked)
        self.empty_page = QWidget()
        empty_layout = QVBoxLayout(self.empty_page)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_label)
        empty_layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)

        self.table = QTableView()
        self.table.setObjectName("orderTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        # Always there: a scroll bar that came and went with the number of rows (a search,
        # Find kit clearing it) resized the Patient column by itself.
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        # Tab leaves the list (arrows move between orders); walking cells changed the order.
        self.table.setTabKeyNavigation(False)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_table_menu_requested)
        self.table.installEventFilter(self)
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
        filters.addWidget(self.results_button)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.count_label)
        self.setTabOrder(self.search_edit, self.status_combo)
        self.setTabOrder(self.status_combo, self.range_combo)
        self.setTabOrder(self.range_combo, self.from_edit)
        self.setTabOrder(self.from_edit, self.to_edit)
        self.setTabOrder(self.to_edit, self.attention_button)
        self.setTabOrder(self.attention_button, self.results_button)
        self.setTabOrder(self.results_button, self.table)
        self.setTabOrder(self.table, self.clear_button)
        self._update_attention_button()
        self._update_count_label(0, 0)

    def _size_columns(self) -> None:
        """Widths from what the columns hold (and their titles), in this font."""
        metrics = self.table.fontMetrics()
        header_metrics = self.table.horizontalHeader().fontMetrics()
        samples = {
            COL_ORDER_ID: ("O0000000", 32),  # room for the attention icon
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

    # --- the row menu -------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The Menu key and Shift+F10 open the row menu too (at the current order)."""
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            shift_f10 = (event.key() == Qt.Key.Key_F10
                         and event.modifiers() == Qt.KeyboardModifier.ShiftModifier)
            if event.key() == Qt.Key.Key_Menu or shift_f10:
                index = self.table.currentIndex()
                rect = self.table.visualRect(index) if index.isValid() else QRect()
                self._on_table_menu_requested(rect.center() if rect.isValid() else QPoint(0, 0))
                return True
        return super().eventFilter(watched, event)

    def row_menu(self, order_id: str) -> QMenu:
        """Copy order ID, copy kit ID(s), open report, register kit: for one order."""
        row = self.model.row_at(self.model.row_of(order_id))
        menu = QMenu(self)
        menu.setObjectName("orderRowMenu")
        copy_order = menu.addAction(self.tr("Copy order ID"))
        copy_order.triggered.connect(lambda: QGuiApplication.clipboard().setText(order_id))
        kit_ids = row.kit_ids if row is not None else ()
        copy_kit = menu.addAction(
            self.tr("Copy kit IDs") if len(kit_ids) > 1 else self.tr("Copy kit ID")
        )
        copy_kit.setEnabled(bool(kit_ids))
        copy_kit.triggered.connect(
            lambda: QGuiApplication.clipboard().setText(", ".join(kit_ids))
        )
        menu.addSeparator()
        has_results = row is not None and any(
            status in order_rules.RESULT_SAMPLE_STATUSES for status in row.sample_statuses
        )
        open_report = menu.addAction(self.tr("Open report"))
        open_report.setEnabled(has_results)
        if not has_results:
            open_report.setToolTip(self.tr("No results for this order yet"))
        open_report.triggered.connect(lambda: self.open_report_requested.emit(order_id))
        register = menu.addAction(self.tr("Register kit…"))
        register.triggered.connect(lambda: self.register_kit_requested.emit(order_id))
        for action, name in ((copy_order, "copyOrderId"), (copy_kit, "copyKitId"),
                             (open_report, "openReport"), (register, "registerKit")):
            action.setObjectName(name)
        menu.aboutToHide.connect(menu.deleteLater)
        return menu

    @Slot(QPoint)
    def _on_table_menu_requested(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        if not index.isValid():
            index = self.table.currentIndex()
        if not index.isValid():
            return
        self._select_row(index.row(), scroll=False)
        order_id = self.model.order_id_at(index.row())
        if order_id is None:
            return
        self.row_menu(order_id).popup(self.table.viewport().mapToGlobal(position))

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
        results: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        self.model.set_rows(
            rows, attention=attention, sorted_by=sorted_by, texts=texts, results=results
        )
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
            (self.results_button, lambda: self.results_button.setChecked(False)),
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
        chosen = str(self.status_combo.currentData() or "")
        progress = chosen.removeprefix(_PROGRESS_PREFIX) if chosen.startswith(
            _PROGRESS_PREFIX) else ""
        status = "" if progress else chosen
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
            progress=frozenset({progress}) if progress else frozenset(),
            created_from=created_from,
            created_to=created_to,
            attention_only=self.attention_button.isChecked(),
            results_only=self.results_button.isChecked(),
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

    @Slot(bool)
    def _on_attention_toggled(self, checked: bool) -> None:
        if checked and self.results_button.isChecked():
            self.results_button.setChecked(False)  # two different views, not both at once

    @Slot(bool)
    def _on_results_toggled(self, checked: bool) -> None:
        if checked and self.attention_button.isChecked():
            self.attention_button.setChecked(False)
        self._on_filters_changed()

    @Slot()
    def _on_clear_button_clicked(self) -> None:
        had_focus = self.clear_button.hasFocus()
        self.clear_filters()
        if had_focus:
            self.search_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_empty_notice(self, visible: int, total: int) -> None:
        """An empty list says why, with a way out."""
        empty = visible == 0 and total > 0
        if not empty:
            self.stack.setCurrentWidget(self.table)
            return
        text = self.search_edit.text().strip()
        only_search = replace(self.model.current_filter, text="") == OrderFilter()
        if text and only_search:
            self.empty_label.setText(self.tr("No orders match “{text}”.").format(text=text))
            self.clear_button.setText(self.tr("Clear the search"))
        elif self.attention_button.isChecked() and not text:
            self.empty_label.setText(self.tr("No order needs attention."))
            self.clear_button.setText(self.tr("Show all orders"))
        elif self.results_button.isChecked() and not text:
            self.empty_label.setText(self.tr("No results waiting to be opened."))
            self.clear_button.setText(self.tr("Show all orders"))
        else:
            self.empty_label.setText(self.tr("No orders match the search and filters."))
            self.clear_button.setText(self.tr("Clear the search and filters"))
        self.stack.setCurrentWidget(self.empty_page)  # after the texts: sized for them

    @Slot(int, int)
    def _update_count_label(self, visible: int, total: int) -> None:
        self._update_empty_notice(visible, total)
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
            self.tr("Problems: delivery and collection exceptions, kits not registered after "
                    "14 days, samples in transit over 10 days")
        )
        self.results_button.setText(
            self.tr("Results to review ({count})").format(count=self.model.results_count())
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
