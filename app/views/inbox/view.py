"""The results inbox tab: reports not yet signed off, filters, and a review panel beside them.

Keyboard: arrows move, Enter opens the report (the shell's viewer, via
``AppEvents.report_requested``, and the results in the panel), Ctrl+Enter signs it off and
moves on to the next one. Nothing here touches the network on the GUI thread: the inbox's
refresh, the report's detail and the sign-off go through the task runner.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.api import models
from app.marks import QT_TRANSLATE_NOOP
from app.services.errors import describe_error
from app.services.inbox import InboxRow, InboxService, Reviewer
from app.tasks import OwnedTasks, Runner
from app.views.common.events import AppEvents, ReportRequest
from app.views.common.message_strip import show_status
from app.views.common.patient_fields import OptionalDateEdit
from app.views.inbox.model import FLAG_FILTERS, InboxFilter, InboxTableModel
from app.views.inbox.review_panel import ReviewPanel

__all__ = ["ROLES", "InboxView"]

ROLES = (
    ("front_desk", QT_TRANSLATE_NOOP("InboxView", "Front desk")),
    ("clinician", QT_TRANSLATE_NOOP("InboxView", "Clinician")),
    ("administrator", QT_TRANSLATE_NOOP("InboxView", "Administrator")),
)


class InboxView(QWidget):
    """``counts_changed(total, critical)`` after every load; ``rows_loaded(rows)`` with the
    full (unfiltered) inbox; ``reviewer_changed(Reviewer)`` when staff change "Signing as"."""

    counts_changed = Signal(int, int)
    rows_loaded = Signal(object)
    reviewer_changed = Signal(object)

    def __init__(
        self,
        inbox: InboxService,
        runner: Runner,
        events: AppEvents,
        reviewer: Reviewer,
        *,
        kit_names: Mapping[str, str] | None = None,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("inboxTab")
        self._inbox = inbox
        self._events = events
        self._tasks = OwnedTasks(runner, self)
        self._reviewer = reviewer
        self._today = today
        self._all: list[InboxRow] = []
        self._rows_stale = False
        self.model = InboxTableModel(kit_names, today())
        self._build()
        self._show_reviewer()

    # --- building -------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        signer = QHBoxLayout()
        signer.addWidget(QLabel(self.tr("Signing as")))
        self.reviewer_name = QLineEdit()
        self.reviewer_name.setObjectName("reviewerName")
        self.reviewer_name.setPlaceholderText(self.tr("Your name or initials"))
        self.reviewer_name.setAccessibleName(self.tr("Signing as"))
        self.reviewer_role = QComboBox()
        self.reviewer_role.setObjectName("reviewerRole")
        self.reviewer_role.setAccessibleName(self.tr("Role"))
        for key, label in ROLES:
            self.reviewer_role.addItem(self.tr(label), key)
        signer.addWidget(self.reviewer_name)
        signer.addWidget(self.reviewer_role)
        signer.addSpacing(12)
        self.flag_filter = QComboBox()
        self.flag_filter.setObjectName("flagFilter")
        self.flag_filter.setAccessibleName(self.tr("Flag"))
        for key, label in FLAG_FILTERS:
            self.flag_filter.addItem(self.tr(label), key)
        self.kit_filter = QComboBox()
        self.kit_filter.setObjectName("kitFilter")
        self.kit_filter.setAccessibleName(self.tr("Kit type"))
        self.kit_filter.addItem(self.tr("All kit types"), "")
        self.since_filter = OptionalDateEdit(empty_text=self.tr("Any report date"),
                                             empty_page=(self._today().year, self._today().month))
        self.since_filter.setObjectName("sinceFilter")
        self.since_filter.setAccessibleName(self.tr("Reported since"))
        signer.addStretch(1)
        for widget in (self.flag_filter, self.kit_filter, self.since_filter):
            signer.addWidget(widget)
        self.bulk_button = QPushButton(self.tr("Sign off the backlog…"))
        self.bulk_button.setObjectName("bulkSignOffButton")
        self.bulk_button.setToolTip(self.tr("Administrators: sign off every report shown"))
        signer.addWidget(self.bulk_button)
        layout.addLayout(signer)
        self.status = QLabel()
        self.status.setObjectName("inboxStatus")
        self.status.setWordWrap(True)
        self.status.hide()
        layout.addWidget(self.status)

        self.table = QTableView()
        self.table.setObjectName("inboxTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setAccessibleName(self.tr("Results inbox"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.installEventFilter(self)
        self.table.doubleClicked.connect(lambda _index: self.open_current())
        self.panel = ReviewPanel()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)

        self.panel.open_report_requested.connect(self.open_current)
        self.panel.sign_off_requested.connect(self.sign_off_current)
        self.panel.for_clinician_requested.connect(self.mark_current_for_clinician)
        self.bulk_button.clicked.connect(self.sign_off_backlog)
        self.flag_filter.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.kit_filter.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.since_filter.dateChanged.connect(lambda _d: self._apply_filter())
        self.reviewer_name.editingFinished.connect(self._on_reviewer_edited)
        self.reviewer_role.currentIndexChanged.connect(lambda _i: self._on_reviewer_edited())
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.sign_off_current)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                # Ctrl+Enter normally arrives as the shortcut; this covers a window that is
                # not active (the shortcut map only serves the active window).
                if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                    self.sign_off_current()
                else:
                    self.open_current()
                return True
        return super().eventFilter(watched, event)

    # --- who signs ------------------------------------------------------------------------

    @property
    def reviewer(self) -> Reviewer:
        return self._reviewer

    def set_reviewer(self, reviewer: Reviewer, *, editable: bool = True) -> None:
        """The shell's reviewer (today "Signing as"; issue 15's staff profile later, which
        passes ``editable=False``)."""
        self._reviewer = reviewer
        self.reviewer_name.setEnabled(editable)
        self.reviewer_role.setEnabled(editable)
        self._show_reviewer()
        self.reload(fetch=False)

    def _show_reviewer(self) -> None:
        self.reviewer_name.blockSignals(True)
        self.reviewer_role.blockSignals(True)
        self.reviewer_name.setText(self._reviewer.name)
        index = self.reviewer_role.findData(self._reviewer.role)
        self.reviewer_role.setCurrentIndex(max(index, 0))
        self.reviewer_name.blockSignals(False)
        self.reviewer_role.blockSignals(False)
        self.bulk_button.setVisible(self._reviewer.is_admin)
        self._show_current()

    def _on_reviewer_edited(self) -> None:
        reviewer = Reviewer(self.reviewer_name.text().strip(),
                            self.reviewer_role.currentData() or "front_desk")
        if reviewer != self._reviewer:
            self._reviewer = reviewer
            self._show_reviewer()
            self.reviewer_changed.emit(reviewer)
            self.reload(fetch=False)

    # --- loading --------------------------------------------------------------------------

    def reload(self, *, fetch: bool = True) -> None:
        """Fetch what changed (``fetch``) and rebuild the inbox, off the GUI thread."""
        inbox, reviewer = self._inbox, self._reviewer

        def job() -> list[InboxRow]:
            if fetch:
                inbox.refresh()
            return inbox.build(reviewer)

        self._tasks.run(job, on_success=self.show_rows, on_error=self._on_error,
                        key=f"inbox-load-{id(self)}")

    def show_rows(self, rows: Sequence[InboxRow]) -> None:
        self._all = list(rows)
        kit_types = sorted({row.kit_type for row in rows})
        current = self.kit_filter.currentData()
        self.kit_filter.blockSignals(True)
        self.kit_filter.clear()
        self.kit_filter.addItem(self.tr("All kit types"), "")
        for kit_type in kit_types:
            self.kit_filter.addItem(self.model.kit_name(kit_type), kit_type)
        self.kit_filter.setCurrentIndex(max(self.kit_filter.findData(current), 0))
        self.kit_filter.blockSignals(False)
        if self._off_screen_tab():
            self._rows_stale = True  # filled when the tab shows: not while the lock waits
        else:
            self._apply_filter()
        self.counts_changed.emit(len(self._all), sum(1 for row in self._all if row.critical))
        self.rows_loaded.emit(self._all)

    def _off_screen_tab(self) -> bool:
        """On a tab that isn't the current one. Filling the table and choosing a row has Qt
        measure every row (ResizeToContents): 15-25 ms on the GUI thread, a stall of the
        lock screen at start-up (tests/benchmarks/startup.py). Such a tab fills on showing."""
        return self.parentWidget() is not None and not self.isVisibleTo(self.window())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._rows_stale:
            self._rows_stale = False
            self._apply_filter()

    def filter(self) -> InboxFilter:
        since = None if self.since_filter.is_empty() else self.since_filter.date().toPython()
        assert since is None or isinstance(since, date)
        return InboxFilter(self.flag_filter.currentData() or "",
                           self.kit_filter.currentData() or "", since)

    def _apply_filter(self) -> None:
        chosen = self.current_row()
        keep = self.filter()
        self.model.set_rows([row for row in self._all if keep.keeps(row)])
        index = self.model.index_of(chosen.report_id) if chosen is not None else -1
        self.select(max(index, 0) if self.model.rowCount() else -1)

    # --- the chosen row -------------------------------------------------------------------

    def current_row(self) -> InboxRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def select(self, number: int) -> None:
        if number < 0:
            self.table.clearSelection()
            self.panel.show_row(None, None, self._reviewer)
            return
        self.table.selectRow(number)
        self.table.setCurrentIndex(self.model.index(number, 0))
        self._show_current()

    def _show_current(self) -> None:
        row = self.current_row()
        digest = self._inbox.digest(row.kit_id) if row is not None else None
        report = next((r for r in digest.reports if r.report_id == row.report_id), None) if (
            digest is not None and row is not None) else None
        self.panel.show_row(row, report, self._reviewer,
                            kit_name=self.model.kit_name(row.kit_type) if row else "",
                            today=self._today())

    def open_current(self) -> None:
        """Enter: the results beside the list, the report in the viewer."""
        row = self.current_row()
        if row is None:
            return
        self._show_current()
        inbox = self._inbox
        self._tasks.run(inbox.report_parts, row.kit_id, row.report_id,
                        on_success=self._on_report_parts, on_error=self._on_error,
                        key=f"inbox-open-{id(self)}")

    def _on_report_parts(
        self, parts: tuple[models.Kit, models.Report, models.Report | None]
    ) -> None:
        kit, report, replaces = parts
        sample_id = (kit.sample.sample_id if kit.sample else None) or ""
        self._events.report_requested.emit(ReportRequest(report, kit.kit_id, sample_id, replaces))

    # --- signing --------------------------------------------------------------------------

    def sign_off_current(self) -> None:
        """Ctrl+Enter: sign the chosen report off and move on to the next one."""
        row = self.current_row()
        if row is None:
            return
        if not self._reviewer.may_sign:
            show_status(self.status, "error",
                        self.tr("Only clinicians and administrators sign off. Use "
                                "\u201cFor a clinician\u201d to pass it on."))
            return
        if not self._reviewer.name:
            show_status(self.status, "error", self.tr("Type your name in \u201cSigning as\u201d "
                                                      "first."))
            self.reviewer_name.setFocus()
            return
        note = self.panel.take_note()
        self._tasks.run(self._inbox.sign_off, row.kit_id, row.report_id, self._reviewer, note,
                        on_success=lambda _r: self._signed(row, self.tr("Signed off")),
                        on_error=self._on_error, durable=True)

    def mark_current_for_clinician(self) -> None:
        row = self.current_row()
        if row is None:
            return
        note = self.panel.take_note()
        self._tasks.run(
            self._inbox.mark_for_clinician, row.kit_id, row.report_id, self._reviewer, note,
            on_success=lambda _r: self._marked(),
            on_error=self._on_error, durable=True,
        )

    def _signed(self, row: InboxRow, message: str) -> None:
        number = self.model.index_of(row.report_id)
        self._all = [r for r in self._all if r.report_id != row.report_id]
        keep = self.filter()
        self.model.set_rows([r for r in self._all if keep.keeps(r)])
        self.select(min(number, self.model.rowCount() - 1))
        self.table.setFocus()
        show_status(self.status, "good", message)
        self.counts_changed.emit(len(self._all), sum(1 for r in self._all if r.critical))
        self.rows_loaded.emit(self._all)

    def _marked(self) -> None:
        show_status(self.status, "good", self.tr("Marked for a clinician"))
        self.reload(fetch=False)

    def sign_off_backlog(self) -> None:
        """Administrators: every report shown, after a confirmation."""
        rows = self.model.rows()
        if not rows or not self._reviewer.is_admin:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Sign off the backlog"),
                          self.tr("Sign off %n report(s) for the whole clinic?", "", len(rows)),
                          parent=self)
        box.setObjectName("bulkConfirm")
        box.setInformativeText(self.tr("They leave every desk's inbox. The bulk sign-off is "
                                       "recorded in the audit trail."))
        yes = box.addButton(self.tr("Sign off all"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        box.deleteLater()
        if box.clickedButton() is not yes:
            return
        self._tasks.run(self._inbox.sign_off_backlog, rows, self._reviewer,
                        on_success=self._on_bulk_done, on_error=self._on_error, durable=True)

    def _on_bulk_done(self, count: int) -> None:
        show_status(self.status, "good", self.tr("%n report(s) signed off", "", count))
        self.reload(fetch=False)

    def _on_error(self, exc: BaseException) -> None:
        error = describe_error(exc)
        show_status(self.status, "error", error.sentence)
