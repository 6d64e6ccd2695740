"""Beside the inbox list: the chosen report's results, what an amendment changed, and the
buttons to sign it off or mark it for a clinician (with an optional note for the audit)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.api import models
from app.services.audit import MAX_NOTE
from app.services.inbox import InboxRow, ReportDigest, Reviewer
from app.views.common.labels import masked_dob
from app.views.common.results_table import ResultsTable
from app.views.inbox.model import flags_text

__all__ = ["ReviewPanel"]


def _results(report: ReportDigest) -> list[models.Result]:
    return [
        models.Result(name=line.name or None, result=line.value,
                      unit_of_measure=line.unit or None, range_minimum=line.low,
                      range_maximum=line.high)
        for line in report.results
    ]


class ReviewPanel(QWidget):
    """``sign_off_requested`` / ``for_clinician_requested`` / ``open_report_requested`` carry
    nothing: the inbox view knows which row is shown."""

    sign_off_requested = Signal()
    for_clinician_requested = Signal()
    open_report_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inboxReviewPanel")
        self.row: InboxRow | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 0, 0, 0)
        self.title = QLabel(self.tr("Choose a report and press Enter."))
        self.title.setObjectName("reviewTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.flags = QLabel()
        self.flags.setObjectName("reviewFlags")
        self.flags.setWordWrap(True)
        self.changes = QLabel()
        self.changes.setObjectName("reviewChanges")
        self.changes.setWordWrap(True)
        self.changes.setTextFormat(Qt.TextFormat.PlainText)
        self.table = ResultsTable()
        self.table.setObjectName("reviewResults")
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.title, self.flags, self.changes, self.table):
            inner_layout.addWidget(widget)
        inner_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(scroll, 1)
        self.note = QLineEdit()
        self.note.setObjectName("reviewNote")
        self.note.setPlaceholderText(self.tr("Note for the audit trail (optional)"))
        self.note.setAccessibleName(self.tr("Note for the audit trail"))
        self.note.setMaxLength(MAX_NOTE)
        outer.addWidget(self.note)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open report"))
        self.open_button.setObjectName("openReportButton")
        self.clinician_button = QPushButton(self.tr("For a clinician"))
        self.clinician_button.setObjectName("forClinicianButton")
        self.clinician_button.setToolTip(
            self.tr("Moves the report to the top of the inbox for the next clinician")
        )
        self.sign_button = QPushButton(self.tr("Sign off"))
        self.sign_button.setObjectName("signOffButton")
        self.sign_button.setToolTip(self.tr("Sign off this report for the whole clinic "
                                            "(Ctrl+Enter)"))
        self.sign_button.setDefault(False)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.clinician_button)
        buttons.addWidget(self.sign_button)
        outer.addLayout(buttons)
        self.open_button.clicked.connect(self.open_report_requested)
        self.clinician_button.clicked.connect(self.for_clinician_requested)
        self.sign_button.clicked.connect(self.sign_off_requested)
        self.show_row(None, None, None)

    def show_row(self, row: InboxRow | None, report: ReportDigest | None,
                 reviewer: Reviewer | None, *, kit_name: str = "",
                 today: date | None = None) -> None:
        self.row = row
        has = row is not None and report is not None
        for button in (self.open_button, self.clinician_button, self.sign_button):
            button.setEnabled(has)
        self.note.setEnabled(has)
        if row is None or report is None:
            self.title.setText(self.tr("Choose a report and press Enter."))
            self.flags.clear()
            self.changes.hide()
            self.table.set_results([])
            return
        dob = masked_dob(row.date_of_birth, today or date.today())
        self.title.setText(f"{row.patient} — {dob}\n{kit_name or row.kit_type}")
        self.flags.setText(flags_text(row) or self.tr("No flags"))
        if row.changes:
            self.changes.setText(self.tr("Changed from the report it replaces:") + "\n"
                                 + "\n".join(row.changes))
            self.changes.show()
        else:
            self.changes.hide()
        self.table.set_results(_results(report))
        may_sign = reviewer is not None and reviewer.may_sign
        self.sign_button.setEnabled(may_sign)
        self.sign_button.setToolTip(
            self.tr("Sign off this report for the whole clinic (Ctrl+Enter)") if may_sign
            else self.tr("Only clinicians and administrators sign off")
        )
        self.clinician_button.setEnabled(not row.for_clinician)

    def take_note(self) -> str:
        text = self.note.text().strip()
        self.note.clear()
        return text
