"""The order list's item model and its status badge delegate.

Search, filter and sort run in plain Python inside the model (list comprehension + reset,
``sorted`` + layout change). A QSortFilterProxyModel over a Python model calls ``data()`` per
row and freezes the window for seconds at 100,000 orders (TOOLING.md), so there is no proxy.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import compress
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.views.common.formatting import iso_day, local_time
from app.views.common.labels import ORDER_STATUS_TONES, order_status_labels
from app.views.common.plain_text import plain_tooltip
from app.views.theme import badge_colors

if TYPE_CHECKING:
    from app.services.order_rules import OrderRow

__all__ = [
    "COLUMN_COUNT",
    "COL_CREATED",
    "COL_KIT_TYPES",
    "COL_ORDER_ID",
    "COL_PATIENT",
    "COL_PROGRESS",
    "COL_STATE",
    "COL_STATUS",
    "COL_UPDATED",
    "AttentionRole",
    "OrderFilter",
    "OrderIdRole",
    "OrderTableModel",
    "SortRole",
    "StatusBadgeDelegate",
    "ToneRole",
    "packed_texts",
    "search_terms",
    "sort_rows",
]

(
    COL_ORDER_ID,
    COL_PATIENT,
    COL_KIT_TYPES,
    COL_STATUS,
    COL_PROGRESS,
    COL_STATE,
    COL_CREATED,
    COL_UPDATED,
) = range(8)
COLUMN_COUNT = 8

SortRole = int(Qt.ItemDataRole.UserRole) + 1
OrderIdRole = int(Qt.ItemDataRole.UserRole) + 2
ToneRole = int(Qt.ItemDataRole.UserRole) + 3
AttentionRole = int(Qt.ItemDataRole.UserRole) + 4

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
# A view asks ~10 roles per cell per paint; answer the ones we do not serve at once.
_ROLES = frozenset(
    {_DISPLAY, _TOOLTIP, _DECORATION, _ALIGNMENT, SortRole, OrderIdRole, ToneRole, AttentionRole}
)

# Lifecycle order for sorting by status; unknown statuses sort last, by their raw text.
_ORDER_STATUS_RANK = {"pending": 0, "in_progress": 1, "completed": 2, "canceled": 3}
_PHONE_LIKE = re.compile(r"[\d()+\-. ]+")




def search_terms(text: str) -> tuple[str, ...]:
    """What a search box entry must all find in a row's ``search_text``.

    A phone number typed with punctuation ("(555) 010-0142") becomes its digits, because
    ``search_text`` holds the phone's digits only.
    """
    cleaned = text.strip().lower()
    if not cleaned:
        return ()
    if _PHONE_LIKE.fullmatch(cleaned):
        digits = re.sub(r"\D", "", cleaned)
        if len(digits) >= 3 and not cleaned.isdigit():
            return (digits,)
    return tuple(cleaned.split())


def _patient_key(row: OrderRow) -> str:
    # One string compares faster than a tuple; "\x00" keeps "Lee, Ann" before "Leeds, Al".
    return f"{row.last_name}\x00{row.first_name}".lower()


def _status_key(row: OrderRow) -> tuple[int, str]:
    return (_ORDER_STATUS_RANK.get(row.status, len(_ORDER_STATUS_RANK)), row.status or "")


def _progress_key(row: OrderRow) -> tuple[int, str]:
    return (row.progress.rank, row.progress.label)


def _state_key(row: OrderRow) -> tuple[str, str]:
    return (row.country or "", row.state or "")


# Plain attributes sort with C-level getters: no Python call per row.
_order_id_key = attrgetter("order_id")
_created_key = attrgetter("created")
_updated_key = attrgetter("updated")


def _kit_types_key(kit_names: Mapping[str, str]) -> Callable[[OrderRow], str]:
    def key(row: OrderRow) -> str:
        return ", ".join(kit_names.get(kit, kit) for kit in row.kit_types).lower()

    return key


def sort_rows(
    rows: Iterable[OrderRow],
    column: int,
    order: Qt.SortOrder,
    kit_names: Mapping[str, str] | None = None,
) -> list[OrderRow]:
    """Rows sorted as the list shows them. Pure Python, so a worker thread may call it."""
    keys: dict[int, Callable[[OrderRow], Any]] = {
        COL_ORDER_ID: _order_id_key,
        COL_PATIENT: _patient_key,
        COL_KIT_TYPES: _kit_types_key(kit_names or {}),
        COL_STATUS: _status_key,
        COL_PROGRESS: _progress_key,
        COL_STATE: _state_key,
        COL_CREATED: _created_key,
        COL_UPDATED: _updated_key,
    }
    key = keys.get(column, _updated_key)
    return sorted(rows, key=key, reverse=order == Qt.SortOrder.DescendingOrder)


def packed_texts(rows: Sequence[OrderRow]) -> list[str]:
    """Each row's ``search_text`` as fresh strings laid out in memory in the rows' order.

    After a sort, the rows' own strings are scattered over the heap and a scan of 100,000
    of them is ~3× slower from cache misses alone; copies made one after another scan at the
    speed of a plain list. Pure Python: a worker may call it.
    """
    parts = "\x00".join([row.search_text for row in rows]).split("\x00")
    if len(parts) != len(rows):  # a NUL inside some text: keep the originals
        return [row.search_text for row in rows]
    return parts


@dataclass(frozen=True)
class OrderFilter:
    """What the list shows: a search, order statuses (empty = all), progress labels (empty =
    all; the English `Progress.label`), a created-date range, and whether only orders needing
    attention, or only orders with results to review, are shown."""

    text: str = ""
    statuses: frozenset[str] = field(default_factory=frozenset)
    created_from: date | None = None
    created_to: date | None = None
    attention_only: bool = False
    progress: frozenset[str] = field(default_factory=frozenset)
    results_only: bool = False

    def narrows(self, previous: OrderFilter) -> bool:
        """True when every row this filter accepts was accepted by ``previous`` too."""
        return (
            replace(self, text=previous.text) == previous
            and bool(previous.text.strip())
            and self.text.strip().lower().startswith(previous.text.strip().lower())
            and len(search_terms(self.text)) >= len(search_terms(previous.text))
        )


class OrderTableModel(QAbstractTableModel):
    """Orders as table rows. Holds every row sorted, and the visible (filtered) slice of them."""

    counts_changed = Signal(int, int)  # visible, total

    def __init__(
        self, parent: QObject | None = None, *, kit_names: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(parent)
        self._kit_names: dict[str, str] = dict(kit_names or {})
        self._sorted: list[OrderRow] = []  # every row, in the current sort order
        # Their search texts, packed (see packed_texts); None until a search needs them.
        self._sorted_texts: list[str] | None = []
        # Visible rows as positions in _sorted: filtering then never touches the row objects
        # (scattered in memory after a sort), only the packed texts.
        self._visible: Sequence[int] = range(0)
        self._visible_texts: list[str] | None = []
        self._filter = OrderFilter()
        self._sort_column = COL_UPDATED
        self._sort_order = Qt.SortOrder.DescendingOrder
        self._attention: dict[str, tuple[str, ...]] = {}
        self._results: dict[str, tuple[str, ...]] = {}
        self._warning_icon: QIcon | None = None
        self._status_labels = order_status_labels()
        self._progress_labels: dict[str, str] = {}
        self._headers = (
            self.tr("Order"),
            self.tr("Patient"),
            self.tr("Kit types"),
            self.tr("Status"),
            self.tr("Progress"),
            self.tr("State"),
            self.tr("Created"),
            self.tr("Updated"),
        )

    # --- Qt model interface -------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < COLUMN_COUNT:
            if role == _DISPLAY:
                return self._headers[section]
            if role == _TOOLTIP and section == COL_STATE:
                return self.tr("State or province")
            if role == _TOOLTIP and section == COL_STATUS:
                return self.tr("Order status")
        elif orientation == Qt.Orientation.Vertical and role == _DISPLAY:
            return section + 1
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        if role not in _ROLES or not index.isValid():
            return None
        row_number = index.row()
        if row_number >= len(self._visible) or index.column() >= COLUMN_COUNT:
            return None
        row = self._sorted[self._visible[row_number]]
        column = index.column()
        if role == _DISPLAY:
            return self._display(row, column)
        if role == SortRole:
            return self._sort_value(row, column)
        if role == OrderIdRole:
            return row.order_id
        if role == ToneRole:
            if column == COL_STATUS:
                return ORDER_STATUS_TONES.get(row.status, "neutral")
            if column == COL_PROGRESS:
                return row.progress.tone
            return None
        if role == AttentionRole:
            return list(self._attention.get(row.order_id, ()))
        if role == _TOOLTIP:
            tip = self._tooltip(row, column)
            return plain_tooltip(tip) if tip else tip
        if role == _DECORATION and column == COL_ORDER_ID and row.order_id in self._attention:
            return self._attention_icon()
        if role == _ALIGNMENT and column in (COL_CREATED, COL_UPDATED):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < COLUMN_COUNT:
            return
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        remembered = [(self._row(i.row()).order_id, i.column()) for i in persistent]
        everything = len(self._visible) == len(self._sorted)
        shown = None if everything else {id(self._sorted[n]) for n in self._visible}
        self._sorted = sort_rows(self._sorted, column, order, self._kit_names)
        # Packing 100k texts costs as much as the sort: done when a search first needs it.
        self._sorted_texts = None
        if shown is None:
            self._visible, self._visible_texts = range(len(self._sorted)), None
        else:
            self._visible = [n for n, row in enumerate(self._sorted) if id(row) in shown]
            self._visible_texts = packed_texts([self._sorted[n] for n in self._visible])
        if persistent:
            self.changePersistentIndexList(persistent, self._indexes_for(remembered))
        self.layoutChanged.emit()

    # --- what views and the window call -------------------------------------------------

    @property
    def sort_column(self) -> int:
        return self._sort_column

    @property
    def sort_order(self) -> Qt.SortOrder:
        return self._sort_order

    @property
    def current_filter(self) -> OrderFilter:
        return self._filter

    def total_count(self) -> int:
        return len(self._sorted)

    def visible_count(self) -> int:
        return len(self._visible)

    def attention_count(self) -> int:
        return len(self._attention)

    def results_count(self) -> int:
        return len(self._results)

    def results_waiting(self, order_id: str) -> tuple[str, ...]:
        """Kit IDs of this order whose results were not opened here yet."""
        return self._results.get(order_id, ())

    def attention_reasons(self, order_id: str) -> tuple[str, ...]:
        return self._attention.get(order_id, ())

    def row_at(self, row: int) -> OrderRow | None:
        return self._row(row) if 0 <= row < len(self._visible) else None

    def order_id_at(self, row: int) -> str | None:
        found = self.row_at(row)
        return found.order_id if found is not None else None

    def row_of(self, order_id: str) -> int:
        """Visible row number of an order, or -1 when it is filtered out or unknown."""
        sorted_rows = self._sorted
        for number, position in enumerate(self._visible):
            if sorted_rows[position].order_id == order_id:
                return number
        return -1

    def set_kit_names(self, kit_names: Mapping[str, str]) -> None:
        self._kit_names = dict(kit_names)
        if self._visible:
            self.dataChanged.emit(
                self.index(0, COL_KIT_TYPES), self.index(len(self._visible) - 1, COL_KIT_TYPES)
            )

    def set_rows(
        self,
        rows: Sequence[OrderRow],
        *,
        attention: Mapping[str, Sequence[str]] | None = None,
        sorted_by: tuple[int, Qt.SortOrder] | None = None,
        texts: Sequence[str] | None = None,
        results: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        """Replace every row (after a sync). ``sorted_by`` says the rows are already sorted
        that way and ``texts`` are their `packed_texts` (a worker did both), which saves that
        work on the GUI thread."""
        if sorted_by == (self._sort_column, self._sort_order):
            ordered = list(rows)
            packed = list(texts) if texts is not None and len(texts) == len(rows) else None
        else:
            ordered = sort_rows(rows, self._sort_column, self._sort_order, self._kit_names)
            packed = None
        if attention is not None:
            self._attention = {key: tuple(value) for key, value in attention.items() if value}
        if results is not None:
            self._results = {key: tuple(value) for key, value in results.items() if value}
        self.beginResetModel()
        self._sorted, self._sorted_texts = ordered, packed
        self._visible, self._visible_texts = self._apply(
            self._filter, range(len(ordered)), packed
        )
        self.endResetModel()
        self.counts_changed.emit(len(self._visible), len(self._sorted))

    def set_attention(self, attention: Mapping[str, Sequence[str]]) -> None:
        self._attention = {key: tuple(value) for key, value in attention.items() if value}
        if self._filter.attention_only:
            self._refilter(self._filter, narrowing=False)
        elif self._visible:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._visible) - 1, COLUMN_COUNT - 1)
            )

    def set_filter(self, new_filter: OrderFilter) -> None:
        if new_filter == self._filter:
            return
        narrowing = new_filter.narrows(self._filter)
        self._refilter(new_filter, narrowing=narrowing)

    def set_search_text(self, text: str) -> None:
        self.set_filter(replace(self._filter, text=text))

    def set_status_filter(self, statuses: Iterable[str]) -> None:
        self.set_filter(replace(self._filter, statuses=frozenset(statuses)))

    def set_date_range(self, created_from: date | None, created_to: date | None) -> None:
        self.set_filter(replace(self._filter, created_from=created_from, created_to=created_to))

    def set_attention_only(self, attention_only: bool) -> None:
        self.set_filter(replace(self._filter, attention_only=attention_only))

    # --- internals ----------------------------------------------------------------------

    def _refilter(self, new_filter: OrderFilter, *, narrowing: bool) -> None:
        positions: Sequence[int]
        if narrowing:
            positions, texts = self._visible, self._visible_texts
        else:
            positions, texts = range(len(self._sorted)), self._sorted_texts
        visible, visible_texts = self._apply(new_filter, positions, texts)
        self.beginResetModel()
        self._filter = new_filter
        self._visible, self._visible_texts = visible, visible_texts
        self.endResetModel()
        self.counts_changed.emit(len(self._visible), len(self._sorted))

    def _packed_sorted_texts(self) -> list[str]:
        if self._sorted_texts is None:
            self._sorted_texts = packed_texts(self._sorted)
        return self._sorted_texts

    def _row(self, number: int) -> OrderRow:
        return self._sorted[self._visible[number]]

    def _apply(
        self, wanted: OrderFilter, positions: Sequence[int], texts: list[str] | None
    ) -> tuple[Sequence[int], list[str] | None]:
        """Positions in _sorted (and their packed texts, when known) that ``wanted`` lets
        through, in the same order."""
        terms = search_terms(wanted.text)
        if terms and texts is None:
            if len(positions) == len(self._sorted):
                texts = self._packed_sorted_texts()
            else:
                texts = packed_texts([self._sorted[n] for n in positions])
        for term in terms:  # each word narrows what the next one scans
            assert texts is not None
            mask = [term in text for text in texts]
            if all(mask):
                continue  # e.g. "5" in a list of phone numbers: nothing to take out
            positions, texts = list(compress(positions, mask)), list(compress(texts, mask))
        checks: list[Callable[[OrderRow], bool]] = []
        if wanted.statuses:
            statuses = wanted.statuses
            checks.append(lambda row: row.status in statuses)
        if wanted.progress:
            progress = wanted.progress
            checks.append(lambda row: row.progress.label in progress)
        if wanted.attention_only:
            attention = self._attention
            checks.append(lambda row: row.order_id in attention)
        if wanted.results_only:
            results = self._results
            checks.append(lambda row: row.order_id in results)
        if wanted.created_from is not None or wanted.created_to is not None:
            start = wanted.created_from or date.min
            end = wanted.created_to or date.max
            checks.append(
                lambda row: row.created is not None
                and start <= local_time(row.created).date() <= end
            )
        rows = self._sorted
        for check in checks:
            mask = [check(rows[position]) for position in positions]
            positions = list(compress(positions, mask))
            texts = list(compress(texts, mask)) if texts is not None else None
        return positions, texts

    def _indexes_for(self, remembered: list[tuple[str, int]]) -> list[QModelIndex]:
        positions = {
            self._sorted[position].order_id: number
            for number, position in enumerate(self._visible)
        }
        result: list[QModelIndex] = []
        for order_id, column in remembered:
            number = positions.get(order_id)
            result.append(QModelIndex() if number is None else self.index(number, column))
        return result

    def _display(self, row: OrderRow, column: int) -> str:
        if column == COL_ORDER_ID:
            return row.order_id
        if column == COL_PATIENT:
            # As it sorts: last name first ("Fakename, Ada").
            if row.last_name and row.first_name:
                return f"{row.last_name}, {row.first_name}"
            return row.last_name or row.first_name or ""
        if column == COL_KIT_TYPES:
            return ", ".join(self._kit_names.get(kit, kit) for kit in row.kit_types)
        if column == COL_STATUS:
            return self._status_labels.get(row.status, row.status)
        if column == COL_PROGRESS:
            label = row.progress.label
            text = self._progress_labels.get(label)
            if text is None:
                # English from app.services.order_rules; a status we don't know stays as it came.
                text = self._progress_labels[label] = QApplication.translate("Progress", label)
            return text
        if column == COL_STATE:
            return row.state or ""
        if column == COL_CREATED:
            return iso_day(row.created)
        return iso_day(row.updated)

    def _sort_value(self, row: OrderRow, column: int) -> Any:
        if column == COL_PATIENT:
            return _patient_key(row)
        if column == COL_STATUS:
            return _status_key(row)[0]
        if column == COL_PROGRESS:
            return row.progress.rank
        if column == COL_CREATED:
            return row.created.timestamp() if row.created else 0.0
        if column == COL_UPDATED:
            return row.updated.timestamp() if row.updated else 0.0
        return self._display(row, column)

    def _tooltip(self, row: OrderRow, column: int) -> str | None:
        reasons = self._attention.get(row.order_id)
        if reasons and column in (COL_ORDER_ID, COL_PROGRESS):
            return self.tr("Needs attention:") + "\n" + "\n".join(reasons)
        if column == COL_STATUS and row.status:
            return row.status
        if column in (COL_CREATED, COL_UPDATED):
            moment = row.created if column == COL_CREATED else row.updated
            return local_time(moment).strftime("%Y-%m-%d %H:%M") if moment else None
        return None

    def _attention_icon(self) -> QIcon | None:
        if self._warning_icon is None:
            if not isinstance(QApplication.instance(), QApplication):
                return None  # a model used without widgets (a script, a benchmark)
            style = QApplication.style()
            self._warning_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return self._warning_icon


class StatusBadgeDelegate(QStyledItemDelegate):
    """Paints a cell's text as a rounded, tinted badge (tone from the model's ToneRole)."""

    _PAD_X = 8
    _PAD_Y = 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._colors: dict[tuple[str, int], tuple[QColor, QColor]] = {}
        self._pixmaps: dict[tuple[Any, ...], QPixmap] = {}

    def _badge_colors(self, tone: str, palette: QPalette) -> tuple[QColor, QColor]:
        key = (tone, palette.cacheKey())
        colors = self._colors.get(key)
        if colors is None:
            if len(self._colors) > 64:
                self._colors.clear()
            colors = self._colors[key] = badge_colors(tone, palette)
        return colors

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        # Selection/focus background first, so a selected row still looks selected.
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        if not text:
            return
        tone = str(index.data(ToneRole) or "neutral")
        rect = opt.rect
        ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        key = (text, tone, rect.width(), rect.height(), opt.palette.cacheKey(), opt.font.key(),
               ratio)
        # A few distinct labels fill every visible row: render each badge once, then blit.
        pixmap = self._pixmaps.get(key)
        if pixmap is None:
            if len(self._pixmaps) > 512:
                self._pixmaps.clear()
            pixmap = self._pixmaps[key] = self._render_badge(opt, text, tone, ratio)
        painter.drawPixmap(rect.topLeft(), pixmap)

    def _render_badge(
        self, opt: QStyleOptionViewItem, text: str, tone: str, ratio: float
    ) -> QPixmap:
        rect = opt.rect
        pixmap = QPixmap(QSize(max(1, round(rect.width() * ratio)),
                               max(1, round(rect.height() * ratio))))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        background, foreground = self._badge_colors(tone, opt.palette)
        metrics = opt.fontMetrics
        inner_width = rect.width() - 8
        height = min(rect.height() - 2, metrics.height() + 2 * self._PAD_Y)
        available = max(0, inner_width - 2 * self._PAD_X)
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, available)
        width = min(inner_width, metrics.horizontalAdvance(shown) + 2 * self._PAD_X)
        badge = QRectF(4, (rect.height() - height) / 2, width, height)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawRoundedRect(badge, height / 2, height / 2)
        painter.setPen(foreground)
        painter.setFont(opt.font)
        painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), shown)
        painter.end()
        return pixmap

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + 2 * self._PAD_X + 8, max(hint.height(), 24))
