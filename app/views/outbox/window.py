"""View → Outbox (and a click on the status bar's outbox count).

Lists what the durable outbox holds (so it survives restarts): queued, sending, waiting to
confirm with Spot, needing attention, and orders sent in the last day. Each row says who it
is for (masked), the kits, the state in words, attempts, the last error and the next try. The
buttons follow what the outbox allows for the selected row (``OutboxEntry.actions``): retry
now, fix and resend (opens the order form on it), discard (refused while Spot may already
have the order), check with Spot now, "I checked: it isn't there" (confirmed, with a reason
for the record), and open a sent order. It updates live from the outbox's change feed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.errors import describe_error
from app.tasks import OwnedTasks, Runner, call_on_gui
from app.views.common.confirm import ask_to_confirm
from app.views.common.formatting import local_time
from app.views.common.message_strip import show_status
from app.views.common.window_fit import fit_to_screen

__all__ = ["OutboxModel", "OutboxWindow"]

_Index = QModelIndex | QPersistentModelIndex


class OutboxService(Protocol):
    """What the window needs from ``app.services.outbox.Outbox``."""

    def entries(self) -> list[Any]: ...
    def watch(self, callback: Callable[[str], None]) -> Callable[[], None]: ...
    def retry(self, item_id: str) -> Any: ...
    def check_now(self, item_id: str) -> Any: ...
    def confirm_absent(self, item_id: str, reason: str) -> Any: ...
    def discard(self, item_id: str, reason: str = "") -> None: ...


class OutboxModel(QAbstractTableModel):
    """One row per ``OutboxEntry``; plain text only (names come from the order)."""

    COL_PATIENT, COL_KITS, COL_STATE, COL_ATTEMPTS, COL_ERROR, COL_NEXT = range(6)

    def __init__(self, kit_names: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[Any] = []
        self._kit_names = kit_names
        self._headers = (
            self.tr("Patient"), self.tr("Kits"), self.tr("State"), self.tr("Tries"),
            self.tr("Last problem"), self.tr("Next try"),
        )

    def set_entries(self, entries: Sequence[Any]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> Any | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def row_of(self, item_id: str) -> int:
        return next((i for i, e in enumerate(self._entries) if e.item_id == item_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.entry(index.row()) if index.isValid() else None
        if entry is None or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == self.COL_PATIENT:
            return entry.patient
        if column == self.COL_KITS:
            return ", ".join(self._kit_names(kit) for kit in entry.kit_types)
        if column == self.COL_STATE:
            return entry.state_text
        if column == self.COL_ATTEMPTS:
            return str(entry.attempts)
        if column == self.COL_ERROR:
            return entry.last_error
        if column == self.COL_NEXT:
            return _when(entry.next_attempt)
        return None


def _when(moment: datetime | None) -> str:
    return local_time(moment).strftime("%H:%M:%S") if moment is not None else ""


class OutboxWindow(QWidget):
    """``fix_requested(item_id)``: open the order form on it; ``open_order_requested(order_id)``:
    show a sent order in the list. Both are the shell's to do."""

    fix_requested = Signal(str)
    open_order_requested = Signal(str)
    order_discarded = Signal(str)  # item id, once discarded (the shell audits it)

    def __init__(
        self, outbox: OutboxService, runner: Runner, kit_names: Callable[[str], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("outbox_window")
        self.setWindowTitle(self.tr("Outbox"))
        self._outbox = outbox
        self._tasks = OwnedTasks(runner, self)
        self.model = OutboxModel(kit_names, self)
        self.table = QTableView(self)
        self.table.setObjectName("outbox_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The state and the last problem are sentences: they share the width left over and
        # are cut with "…" when narrow (the whole text is the cell's tooltip).
        for column in (OutboxModel.COL_STATE, OutboxModel.COL_ERROR):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.empty_label = QLabel(self.tr("Nothing waiting: every order was sent."), self)
        self.empty_label.setObjectName("outbox_empty")
        # The selected row's state and last problem in full (the table cuts long sentences).
        self.detail_label = QLabel(self)
        self.detail_label.setObjectName("outbox_detail")
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("outbox_status")
        self.status_label.setWordWrap(True)
        self.status_label.hide()

        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for action, text, slot in (
            ("retry", self.tr("&Retry now"), self._on_retry),
            ("fix", self.tr("&Fix and resend…"), self._on_fix),
            ("check", self.tr("&Check with Spot now"), self._on_check),
            ("confirm_absent", self.tr("I checked: it &isn't there…"), self._on_confirm_absent),
            ("discard", self.tr("&Discard…"), self._on_discard),
            ("open", self.tr("&Open order"), self._on_open),
        ):
            button = QPushButton(text, self)
            button.setObjectName(f"outbox_{action}")
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            self.buttons[action] = button
            row.addWidget(button)
        row.addStretch(1)
        close = QPushButton(self.tr("Close"), self)
        close.setObjectName("outbox_close")
        close.clicked.connect(self.close)
        row.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.detail_label)
        layout.addWidget(self.status_label)
        layout.addLayout(row)
        fit_to_screen(self, QSize(1100, 440))
        unwatch = outbox.watch(call_on_gui(lambda _item_id: self.reload()))
        self.destroyed.connect(lambda _=None: unwatch())
        self.reload()

    # --- list ------------------------------------------------------------------------

    def reload(self) -> None:
        """Show the outbox as it is now, keeping the selected item selected."""
        current = self.selected()
        self.model.set_entries(self._outbox.entries())
        self.empty_label.setVisible(self.model.rowCount() == 0)
        row = self.model.row_of(current.item_id) if current is not None else -1
        if row < 0 and self.model.rowCount():
            row = 0
        if row >= 0:
            self.table.selectRow(row)
        self._update_buttons()

    def selected(self) -> Any | None:
        index = self.table.currentIndex()
        return self.model.entry(index.row()) if index.isValid() else None

    def select_item(self, item_id: str) -> None:
        row = self.model.row_of(item_id)
        if row >= 0:
            self.table.selectRow(row)

    def _update_buttons(self) -> None:
        entry = self.selected()
        allowed = entry.actions if entry is not None else frozenset()
        for action, button in self.buttons.items():
            button.setEnabled(action in allowed)
        details = [entry.state_text, entry.last_error] if entry is not None else []
        self.detail_label.setText("\n".join(text for text in details if text))

    def _say(self, tone: str, text: str) -> None:
        show_status(self.status_label, tone, text)

    # --- actions ---------------------------------------------------------------------

    def _run(
        self, fn: Callable[..., Any], *args: Any, done: str,
        then: Callable[[], None] | None = None,
    ) -> None:
        """Outbox changes write to disk: off the GUI thread, the answer in the status line
        (and ``then()`` once it worked)."""

        def worked(_result: object) -> None:
            self._say("good", done)
            if then is not None:
                then()

        self._tasks.run(
            fn, *args, on_success=worked,
            on_error=lambda exc: self._say("error", describe_error(exc).sentence), durable=True,
        )

    def _on_retry(self) -> None:
        entry = self.selected()
        if entry is not None:
            self._run(self._outbox.retry, entry.item_id, done=self.tr("Trying again now."))

    def _on_check(self) -> None:
        entry = self.selected()
        if entry is not None:
            self._run(self._outbox.check_now, entry.item_id,
                      done=self.tr("Asking Spot whether it has this order…"))

    def _on_fix(self) -> None:
        entry = self.selected()
        if entry is not None:
            self.fix_requested.emit(entry.item_id)

    def _on_open(self) -> None:
        entry = self.selected()
        if entry is not None and entry.order_id:
            self.open_order_requested.emit(entry.order_id)

    def _on_discard(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        item_id = entry.item_id
        ask_to_confirm(
            self, self.tr("Discard this order?"),
            self.tr("The order for %1 will not be sent, and its details are removed from "
                    "this computer.").replace("%1", entry.patient),
            self.tr("&Discard"), self.tr("&Keep it"),
            lambda: self._run(self._outbox.discard, item_id,
                              done=self.tr("The order was discarded."),
                              then=lambda: self.order_discarded.emit(item_id)),
        )

    def _on_confirm_absent(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        item_id = entry.item_id
        dialog = QInputDialog(self)
        dialog.setObjectName("confirm_absent_dialog")
        dialog.setWindowTitle(self.tr("I checked: it isn't there"))
        dialog.setLabelText(self.tr(
            "You looked in Spot and this order is not there. Say how you checked (for the "
            "record); it can then be sent again or discarded."
        ))
        dialog.textValueSelected.connect(
            lambda reason: self._run(self._outbox.confirm_absent, item_id, reason,
                                     done=self.tr("Recorded. Retry or discard it now."))
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
