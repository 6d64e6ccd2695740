"""The Results inbox part of Settings: the go-live date and the critical limits per biomarker.

Both belong to the environment's inbox (`InboxService`), so the box is made per session by the
shell. Only an administrator changes them; no limits are built in (the app makes no medical
claim: a limit is the clinic's own).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.services.inbox import CriticalLimit, InboxService, Reviewer
from app.views.common.formatting import local_time
from app.views.common.message_strip import show_status

__all__ = ["InboxSettingsBox", "parse_limits"]

EMPTY_ROWS = 3


def _number(text: str) -> float | None:
    text = text.strip().replace(",", ".")
    if not text:
        return None
    return float(text)


def parse_limits(rows: list[tuple[str, str, str]]) -> tuple[dict[str, CriticalLimit], list[str]]:
    """(biomarker, below, above) cells → limits, and the names whose numbers don't read."""
    limits: dict[str, CriticalLimit] = {}
    bad: list[str] = []
    for name, low, high in rows:
        name = name.strip()
        if not name:
            continue
        try:
            limit = CriticalLimit(_number(low), _number(high))
        except ValueError:
            bad.append(name)
            continue
        if limit.low is not None or limit.high is not None:
            limits[name] = limit
    return limits, bad


class InboxSettingsBox(QGroupBox):
    """``save()`` hands the new values to ``apply`` (the shell runs it off the GUI thread)."""

    def __init__(
        self,
        inbox: InboxService,
        reviewer: Reviewer,
        apply: Callable[[datetime, dict[str, CriticalLimit]], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Results inbox"), parent)
        self.setObjectName("inboxSettings")
        self._apply = apply
        layout = QFormLayout(self)
        go_live = local_time(inbox.go_live)
        self.go_live = QDateEdit(QDate(go_live.year, go_live.month, go_live.day), self)
        self.go_live.setObjectName("goLiveDate")
        self.go_live.setCalendarPopup(True)
        self.go_live.setDisplayFormat("yyyy-MM-dd")
        layout.addRow(self.tr("&Go-live date (older reports count as handled):"), self.go_live)
        self.limits = QTableWidget(0, 3, self)
        self.limits.setObjectName("criticalLimits")
        self.limits.setHorizontalHeaderLabels(
            [self.tr("Biomarker (as on the report)"), self.tr("Critical below"),
             self.tr("Critical above")]
        )
        self.limits.verticalHeader().setVisible(False)
        header = self.limits.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):  # the headers in full, in French too
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.limits.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.limits.setTabKeyNavigation(True)  # a grid to type into, cell after cell
        existing = sorted(inbox.critical_limits.items())
        self.limits.setRowCount(len(existing) + EMPTY_ROWS)
        for row, (name, limit) in enumerate(existing):
            for column, value in enumerate((name, limit.low, limit.high)):
                text = "" if value is None else (value if isinstance(value, str) else f"{value:g}")
                self.limits.setItem(row, column, QTableWidgetItem(text))
        layout.addRow(self.tr("Critical limits:"), self.limits)
        self.note = QLabel(self.tr("None are built in. A result outside a limit is flagged "
                                   "Critical and comes first in the inbox."))
        self.desk_note = QLabel(self.tr(
            "These limits and the go-live date are kept on this workstation. To give every "
            "desk of the clinic the same, export the clinic setup (File → Export clinic "
            "setup…) and import it on the other desks."))
        self.desk_note.setObjectName("limitsThisDesk")
        self.desk_note.setWordWrap(True)
        self.note.setWordWrap(True)
        layout.addRow(self.note)
        layout.addRow(self.desk_note)
        self.problem = QLabel()
        self.problem.setObjectName("criticalLimitsProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout.addRow(self.problem)
        self.limits.itemChanged.connect(lambda _item: self._check())
        if not reviewer.is_admin:
            self.setEnabled(False)
            self.setToolTip(self.tr("Administrators change these"))

    def cells(self) -> list[tuple[str, str, str]]:
        out = []
        for row in range(self.limits.rowCount()):
            texts = []
            for column in range(3):
                item = self.limits.item(row, column)
                texts.append(item.text() if item is not None else "")
            out.append((texts[0], texts[1], texts[2]))
        return out

    def _check(self) -> None:
        _limits, bad = parse_limits(self.cells())
        text = self.tr("Not a number, so not saved: %1").replace("%1", ", ".join(bad)) if bad \
            else ""
        show_status(self.problem, "error", text)

    def save(self) -> None:
        if not self.isEnabled():
            return
        limits, _bad = parse_limits(self.cells())
        day = self.go_live.date()
        local = local_time(datetime(day.year(), day.month(), day.day()))  # the desk's midnight
        self._apply(local.astimezone(UTC), limits)
