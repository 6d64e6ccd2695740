"""The report viewer's header: report id, an Amended badge, kit, sample and dates, and which
earlier report an amendment replaces."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.api import models
from app.views.common.formatting import format_when
from app.views.common.tone_colors import ToneBadge

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

__all__ = ["ReportHeader"]


class ReportHeader(QWidget):
    """Texts are translated under the window's context ("ReportWindow")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title_label = QLabel(self)
        self._title_label.setObjectName("report_title")
        font = self._title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self._title_label.setFont(font)
        self._title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # The warning tone: readable in light, dark and high contrast, and after a switch.
        self._amended_badge = ToneBadge(
            translate("ReportWindow", "Amended"), "warning", self, padding=(8, 2)
        )
        self._amended_badge.setObjectName("amended_badge")
        self._amended_badge.setToolTip(
            translate("ReportWindow", "This report amends an earlier report.")
        )
        bold = self._amended_badge.font()
        bold.setBold(True)
        self._amended_badge.setFont(bold)
        self._amended_badge.setVisible(False)

        self._details_label = QLabel(self)
        self._details_label.setObjectName("report_details")
        self._details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._replaces_label = QLabel(self)
        self._replaces_label.setObjectName("replaces_label")
        self._replaces_label.setVisible(False)

        title_row = QHBoxLayout()
        title_row.addWidget(self._title_label)
        title_row.addWidget(self._amended_badge)
        title_row.addStretch(1)
        self._title_row = title_row

        self._header_layout = QVBoxLayout(self)
        self._header_layout.setContentsMargins(0, 0, 0, 0)
        self._header_layout.setSpacing(2)
        self._header_layout.addLayout(title_row)
        self._header_layout.addWidget(self._details_label)
        self._header_layout.addWidget(self._replaces_label)

    def show_report(
        self,
        report: models.Report,
        kit_id: str,
        sample_id: str,
        replaces: models.Report | None,
    ) -> str:
        """Fill the header in; returns the window title for this report."""
        report_id = report.report_id or translate("ReportWindow", "(no id)")
        collected = format_when(report.date_collected)
        received = format_when(report.date_received)
        # What staff call a report: whose kit, and when. The id is for support, below.
        dated = (received or collected).split(" ")[0]
        title = (
            translate("ReportWindow", "Report for kit %1, %2").replace("%2", dated)
            if dated else translate("ReportWindow", "Report for kit %1")
        ).replace("%1", kit_id or "—")
        self._title_label.setText(title)
        self._amended_badge.setVisible(report.is_amendment is True)
        parts = [translate("ReportWindow", "Sample %1").replace("%1", sample_id or "—")]
        if collected:
            parts.append(translate("ReportWindow", "Collected %1").replace("%1", collected))
        if received:
            parts.append(translate("ReportWindow", "Received by lab %1").replace("%1", received))
        parts.append(translate("ReportWindow", "Report ID %1").replace("%1", report_id))
        self._details_label.setText("  ·  ".join(parts))
        if replaces is not None:
            when = format_when(replaces.date_received) or format_when(replaces.date_collected)
            old_id = replaces.report_id or translate("ReportWindow", "(no id)")
            text = (
                translate("ReportWindow", "Replaces report %1 from %2")
                .replace("%1", old_id)
                .replace("%2", when)
                if when
                else translate("ReportWindow", "Replaces report %1").replace("%1", old_id)
            )
            self._replaces_label.setText(text)
            self._replaces_label.setVisible(True)
        else:
            self._replaces_label.clear()
            self._replaces_label.setVisible(False)
        return title
