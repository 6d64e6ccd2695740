"""One kit in the kit panel: both journeys as timelines, tracking links for the way out and
the way back, the registered patient (date of birth masked) and the reports with results.

Texts keep the panel's translation context ("KitTrackingPanel").
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QCursor, QDesktopServices, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.api import models
from app.services.tracking import carrier_name, tracking_url
from app.views.common.events import ReportRequest
from app.views.common.formatting import format_day
from app.views.common.labels import masked_dob
from app.views.common.plain_text import PlainLabel, plain_tooltip
from app.views.common.results_table import ResultsTable
from app.views.common.timeline import KitTimeline, kit_steps, sample_steps
from app.views.common.tone_colors import ToneBadge

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

__all__ = [
    "KitBox", "TrackingLink", "badge", "muted", "sample_type_label", "selectable",
]


def _sample_type_names() -> dict[str, str]:
    # SPEC §0 sample formats; Spot adds formats over time, so unknown ids are shown as-is.
    return {
        "adx100": QCoreApplication.translate("KitTrackingPanel", "ADx100 blood collection"),
        "adx100_2": QCoreApplication.translate(
            "KitTrackingPanel", "ADx100 blood collection (2 tubes)"
        ),
        "adx100_4": QCoreApplication.translate(
            "KitTrackingPanel", "ADx100 blood collection (4 tubes)"
        ),
        "whatman903_10": QCoreApplication.translate(
            "KitTrackingPanel", "Whatman 903 dried blood spot card"
        ),
        "dry_transport_swab": QCoreApplication.translate("KitTrackingPanel", "Dry transport swab"),
        "hemaspot_hf": QCoreApplication.translate("KitTrackingPanel", "HemaSpot HF blood spot"),
        "saliva_3": QCoreApplication.translate("KitTrackingPanel", "Saliva"),
    }


def sample_type_label(sample_type: str | None) -> str:
    """A friendly name with the raw id, or the raw id alone when we don't know it."""
    if not sample_type:
        return QCoreApplication.translate("KitTrackingPanel", "unknown sample type")
    name = _sample_type_names().get(sample_type)
    return f"{name} ({sample_type})" if name else sample_type




def badge(text: str, tone: str, parent: QWidget) -> QLabel:
    return ToneBadge(text, tone, parent)




def muted(label: QLabel) -> QLabel:
    # A role, not a colour: the label keeps following the palette through a theme switch.
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def selectable(label: QLabel) -> QLabel:
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class TrackingLink(QPushButton):
    """A tracking number that opens the carrier's page: a real button, so Tab and Space work."""

    def __init__(self, carrier: str | None, number: str, url: str, parent: QWidget) -> None:
        super().__init__(number, parent)
        self.url = url
        self.setFlat(True)
        self.setAutoDefault(False)
        self.setCursor(QCursor(Qt.CursorShape.PointingHandCursor))
        font = QFont(self.font())
        font.setUnderline(True)
        self.setFont(font)
        # The link colour of the palette, resolved again after a theme switch (app start-up
        # re-polishes style sheets then: `follow_theme_switches`).
        self.setStyleSheet(
            "QPushButton { color: palette(link); border: none; padding: 0 2px; text-align: left; }"
        )
        self.setToolTip(plain_tooltip(url))
        self.setAccessibleName(
            QCoreApplication.translate("KitTrackingPanel", "Track %1 package %2")
            .replace("%1", carrier_name(carrier))
            .replace("%2", number)
        )
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.clicked.connect(self._on_clicked)

    @Slot()
    def _on_clicked(self) -> None:
        if not QDesktopServices.openUrl(QUrl(self.url)):
            self._offer_to_copy()

    def _offer_to_copy(self) -> QMessageBox:
        """No browser opened: say so, and give the link to paste elsewhere."""
        box = QMessageBox(
            QMessageBox.Icon.Information,
            translate("KitTrackingPanel", "Could not open a web browser"),
            translate("KitTrackingPanel",
                      "This computer did not open the tracking page. Copy the link and paste "
                      "it into a web browser:") + "\n\n" + self.url,
            parent=self,
        )
        box.setObjectName("trackingLinkFailed")
        copy = box.addButton(translate("KitTrackingPanel", "Copy link"),
                             QMessageBox.ButtonRole.AcceptRole)
        copy.setObjectName("copyTrackingLink")
        box.addButton(QMessageBox.StandardButton.Close)
        box.setDefaultButton(copy)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        def finished() -> None:
            if box.clickedButton() is copy:
                QGuiApplication.clipboard().setText(self.url)
            box.deleteLater()

        box.finished.connect(finished)
        box.open()
        return box




class KitBox(QGroupBox):
    """``open_report_requested(ReportRequest)``, ``register_kit_requested(kit_id)``."""

    open_report_requested = Signal(object)
    register_kit_requested = Signal(str)

    def __init__(
        self, kit: models.Kit, kit_type_name: Callable[[str | None], str], today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Kit %1").replace("%1", kit.kit_id))
        self._kit_type_name = kit_type_name
        self._today = today
        box = self
        box.setObjectName(f"kit_{kit.kit_id}")
        column = QVBoxLayout(box)
        column.setSpacing(8)
        kind = self.tr("Kit type: %1").replace("%1", self._kit_type_name(kit.type))
        column.addWidget(selectable(PlainLabel(kind, box)))
        kit_line = KitTimeline(self.tr("Kit journey"), box)
        kit_line.setObjectName(f"kit_timeline_{kit.kit_id}")
        kit_line.set_steps(kit_steps(kit.status, [(e.status, e.created) for e in kit.events]))
        column.addWidget(kit_line)
        column.addWidget(self._outbound_row(kit, box))
        column.addWidget(self._registration_row(kit, box))

        sample = kit.sample or models.Sample()
        sample_title = self.tr("Sample %1").replace("%1", sample.sample_id or self.tr("(no id)"))
        sample_label = selectable(
            PlainLabel(
                f"{sample_title} · {sample_type_label(sample.type)}"
                + (
                    " · " + self.tr("Panels: %1").replace("%1", ", ".join(sample.panels))
                    if sample.panels
                    else ""
                ),
                box,
            )
        )
        sample_label.setObjectName(f"sample_{kit.kit_id}")
        sample_label.setWordWrap(True)
        column.addWidget(sample_label)
        sample_line = KitTimeline(self.tr("Sample journey"), box)
        sample_line.setObjectName(f"sample_timeline_{kit.kit_id}")
        sample_line.set_steps(
            sample_steps(sample.status, [(e.status, e.created) for e in sample.events])
        )
        column.addWidget(sample_line)
        column.addWidget(self._return_row(kit, sample, box))
        self.kit_line, self.sample_line = kit_line, sample_line
        if sample.reports:
            column.addWidget(self._reports_box(kit, sample, box))

    def _tracking_widgets(
        self, shipment: models.Shipment, parent: QWidget
    ) -> list[QWidget]:
        number = (shipment.tracking_number or "").strip()
        carrier = carrier_name(shipment.carrier) or self.tr("Unknown carrier")
        widgets: list[QWidget] = [PlainLabel(carrier, parent)]
        url = tracking_url(shipment.carrier, number)
        if url is not None:
            link = TrackingLink(shipment.carrier, number, url, parent)
            link.setObjectName(f"track_{number}")
            widgets.append(link)
        else:
            plain = selectable(PlainLabel(number or self.tr("(no tracking number)"), parent))
            plain.setObjectName(f"track_{number}")
            widgets.append(plain)
        if shipment.created is not None:
            shipped = self.tr("shipped %1").replace("%1", format_day(shipment.created))
            widgets.append(muted(PlainLabel(shipped, parent)))
        return widgets

    def _outbound_row(self, kit: models.Kit, parent: QWidget) -> QWidget:
        row_widget = QWidget(parent)
        row = QHBoxLayout(row_widget)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(PlainLabel(self.tr("To the patient:"), row_widget))
        if kit.shipment_to_customer is None:
            row.addWidget(muted(PlainLabel(self.tr("not shipped yet"), row_widget)))
        else:
            for widget in self._tracking_widgets(kit.shipment_to_customer, row_widget):
                row.addWidget(widget)
        row.addStretch(1)
        return row_widget

    def _return_row(self, kit: models.Kit, sample: models.Sample, parent: QWidget) -> QWidget:
        row_widget = QWidget(parent)
        row = QHBoxLayout(row_widget)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(PlainLabel(self.tr("Back to the lab:"), row_widget))
        if not sample.shipments:
            row.addWidget(muted(PlainLabel(self.tr("no return shipment yet"), row_widget)))
        for index, shipment in enumerate(sample.shipments):
            if index:
                row.addWidget(PlainLabel(self.tr("then"), row_widget))
            for widget in self._tracking_widgets(shipment, row_widget):
                row.addWidget(widget)
        row.addStretch(1)
        return row_widget

    def _registration_row(self, kit: models.Kit, parent: QWidget) -> QWidget:
        row_widget = QWidget(parent)
        row = QHBoxLayout(row_widget)
        row.setContentsMargins(0, 0, 0, 0)
        patient = kit.registered_to
        if patient is not None:
            name = " ".join(p for p in (patient.first_name, patient.last_name) if p)
            parts = [name or self.tr("(no name)")]
            if patient.sex:
                parts.append(patient.sex)
            parts.append(masked_dob(patient.date_of_birth, self._today))
            label = selectable(
                PlainLabel(self.tr("Registered to %1").replace("%1", " · ".join(parts)), row_widget)
            )
            label.setObjectName(f"registered_{kit.kit_id}")
            label.setWordWrap(True)
            row.addWidget(label, 1)
            return row_widget
        label = PlainLabel(self.tr("Not registered to a patient yet."), row_widget)
        label.setObjectName(f"registered_{kit.kit_id}")
        row.addWidget(label)
        if kit.status not in ("canceled", "delivery_exception"):
            button = QPushButton(self.tr("&Register kit…"), row_widget)
            button.setObjectName(f"register_{kit.kit_id}")
            button.setAutoDefault(False)
            button.clicked.connect(lambda: self.register_kit_requested.emit(kit.kit_id))
            row.addWidget(button)
        row.addStretch(1)
        return row_widget

    def _reports_box(self, kit: models.Kit, sample: models.Sample, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        title = PlainLabel(self.tr("Reports"), box)
        font = QFont(title.font())
        font.setBold(True)
        title.setFont(font)
        column.addWidget(title)
        reports = list(sample.reports)
        sample_id = sample.sample_id or ""
        for index, report in enumerate(reports):
            header = QWidget(box)
            header.setObjectName(f"report_{kit.kit_id}_{index}")
            row = QHBoxLayout(header)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(PlainLabel(self._report_caption(report), header))
            if report.is_amendment:
                amended = badge(self.tr("Amended"), "warning", header)
                amended.setObjectName("amended_badge")
                row.addWidget(amended)
            row.addStretch(1)
            for kind, caption in (("pdf", self.tr("Open &PDF")), ("txt", self.tr("Open &TXT"))):
                button = QPushButton(caption, header)
                button.setObjectName(f"open_{kind}")
                button.setAutoDefault(False)
                button.setEnabled(bool(getattr(report, kind)))
                if not button.isEnabled():
                    button.setToolTip(self.tr("Spot sent no link for this format."))
                button.clicked.connect(
                    lambda _=False, r=report: self.open_report_requested.emit(
                        ReportRequest.among(r, kit.kit_id, sample_id, reports)
                    )
                )
                row.addWidget(button)
            column.addWidget(header)
            table = ResultsTable(box)
            table.setObjectName(f"results_{kit.kit_id}_{index}")
            table.set_results(report.results)
            column.addWidget(table)
        return box

    def _report_caption(self, report: models.Report) -> str:
        parts = []
        if report.date_collected is not None:
            parts.append(self.tr("collected %1").replace("%1", format_day(report.date_collected)))
        if report.date_received is not None:
            parts.append(self.tr("received %1").replace("%1", format_day(report.date_received)))
        if not parts:
            return self.tr("Report")
        return self.tr("Report, %1").replace("%1", ", ".join(parts))
