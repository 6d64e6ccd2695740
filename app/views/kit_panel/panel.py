"""The detail panel beside the order list: who the order is for, and where each kit is.

``show_order(order_id)`` fetches the full order off the GUI thread (a newer selection
supersedes an older fetch, so fast clicking never shows a stale order) and lays out the
recipient, editable metadata, and per kit: both journeys as timelines, tracking links for the
outbound and return legs, the registered patient (date of birth masked) and the reports with
their results. Everything the panel cannot act on itself is a signal for the main window.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from functools import partial
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QCursor, QDesktopServices, QFont, QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.api import models
from app.services.errors import describe_error
from app.services.tracking import carrier_name, tracking_url
from app.tasks import Runner
from app.views.common.events import AppEvents, ReportRequest
from app.views.common.formatting import format_day
from app.views.common.labels import ORDER_STATUS_TONES, masked_dob, order_status_label
from app.views.common.metadata_editor import RESERVED_KEYS, MetadataEditor
from app.views.common.results_table import ResultsTable
from app.views.common.timeline import (
    KitTimeline,
    kit_steps,
    sample_steps,
    set_text_color,
)
from app.views.theme import badge_colors

__all__ = [
    "KitTrackingPanel",
    "PanelSession",
    "TrackingLink",
    "masked_dob",
    "sample_type_label",
]


class _OrderSource(Protocol):
    def order_detail(self, order_id: str) -> models.Order: ...


class _MetadataWriter(Protocol):
    def update_order_metadata(
        self, order_id: str, metadata: dict[str, Any] | None
    ) -> models.Order: ...


class PanelSession(Protocol):
    """What the panel needs from ``app.services.session.Session``."""

    @property
    def sync(self) -> _OrderSource: ...

    @property
    def client(self) -> _MetadataWriter: ...

    @property
    def kit_catalog(self) -> Mapping[str, str]: ...


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




def _badge(text: str, tone: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    background, foreground = badge_colors(tone, parent.palette())
    label.setStyleSheet(
        f"QLabel {{ background: {background.name()}; color: {foreground.name()};"
        " border-radius: 4px; padding: 1px 6px; }"
    )
    label.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
    return label


def _slot(parent: QWidget) -> QWidget:
    """A place in the panel whose one child is swapped on refresh."""
    holder = QWidget(parent)
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    return holder


def _muted(label: QLabel) -> QLabel:
    color = label.palette().color(QPalette.ColorRole.PlaceholderText)
    set_text_color(label, color)
    return label


def _selectable(label: QLabel) -> QLabel:
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
        link = self.palette().color(QPalette.ColorRole.Link)
        self.setStyleSheet(
            f"QPushButton {{ color: {link.name()}; border: none; padding: 0 2px;"
            " text-align: left; }"
        )
        self.setToolTip(url)
        self.setAccessibleName(
            QCoreApplication.translate("KitTrackingPanel", "Track %1 package %2")
            .replace("%1", carrier_name(carrier))
            .replace("%2", number)
        )
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.clicked.connect(self._on_clicked)

    @Slot()
    def _on_clicked(self) -> None:
        QDesktopServices.openUrl(QUrl(self.url))


class KitTrackingPanel(QWidget):
    """Shows one order in detail; ``show_order(None)`` clears it."""

    open_report_requested = Signal(object)  # ReportRequest
    register_kit_requested = Signal(str)
    metadata_saved = Signal(str)
    order_shown = Signal(str)

    def __init__(
        self,
        session: PanelSession,
        runner: Runner,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
        events: AppEvents | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._runner = runner
        self._today = today
        if events is not None:
            events.kit_registered.connect(self.on_kit_registered)
        self._key = f"kit-panel-order-{id(self)}"
        self._save_key = f"kit-panel-metadata-{id(self)}"
        self._order_id: str | None = None
        self._order: models.Order | None = None
        self._hidden_metadata: dict[str, Any] = {}
        self._metadata_dirty = False
        self._saving = False
        self._timelines: dict[str, tuple[KitTimeline, KitTimeline]] = {}
        self._content: QWidget | None = None
        self._header_slot = self._recipient_slot = self._kits_slot = QWidget(self)
        self.metadata_editor: MetadataEditor | None = None
        self.save_button: QPushButton | None = None
        self.save_status: QLabel | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("panel_state")
        self.state_label.setWordWrap(True)
        self.state_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.state_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.state_label)
        self.retry_button = QPushButton(self.tr("&Try again"), self)
        self.retry_button.setObjectName("panel_retry")
        self.retry_button.clicked.connect(self._on_retry_clicked)
        self.retry_button.hide()
        layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        layout.addWidget(self.scroll_area, 1)
        self._show_state(self.tr("Select an order to see its kits."))

    # --- public API ----------------------------------------------------------------------

    @property
    def order_id(self) -> str | None:
        return self._order_id

    def current_order(self) -> models.Order | None:
        return self._order

    def show_order(self, order_id: str | None) -> None:
        """Fetch and show ``order_id`` (None: clear). A later call supersedes an earlier one."""
        if not order_id:
            self._runner.cancel_key(self._key)
            self._order_id, self._order = None, None
            self._clear_content()
            self._show_state(self.tr("Select an order to see its kits."))
            return
        same = order_id == self._order_id and self._order is not None
        self._order_id = order_id
        if not same:
            self._order = None
            self._clear_content()
            self._show_state(self.tr("Loading order %1…").replace("%1", order_id))
        self._runner.run(
            self._session.sync.order_detail,
            order_id,
            on_success=self._on_order_loaded,
            on_error=partial(self._on_order_failed, order_id),
            key=self._key,
        )

    def refresh(self) -> None:
        """Fetch the shown order again (after a sync saw it change); edits in progress stay."""
        if self._order_id:
            self.show_order(self._order_id)

    @Slot(str)
    def on_kit_registered(self, kit_id: str) -> None:
        """A kit was registered: show it now if it is (or may be) one of this order's, rather
        than after a sync that may not notice the change."""
        if not self._order_id:
            return
        order = self._order
        if order is None or kit_id.upper() in {kit.kit_id.upper() for kit in order.kits}:
            self.refresh()

    def show_loaded_order(self, order: models.Order) -> None:
        """Show an order already fetched (tests, or a caller that has it at hand)."""
        self._runner.cancel_key(self._key)
        self._order_id = order.order_id
        self._render(order)

    def has_unsaved_metadata(self) -> bool:
        """True while metadata was edited and not saved (the window may ask before leaving)."""
        return self._metadata_dirty and self._order is not None

    def save_metadata(self) -> bool:
        """Save the edited metadata as the Save button does; ``metadata_saved`` follows.
        False when there is nothing to save or it can't be saved as typed (shown why)."""
        editor = self.metadata_editor
        if not self.has_unsaved_metadata() or editor is None or editor.problems():
            return False
        if not self._saving:
            self._on_save_clicked()
        return True

    def timelines(self, kit_id: str) -> tuple[KitTimeline, KitTimeline]:
        """The kit journey and sample journey timelines shown for ``kit_id``."""
        return self._timelines[kit_id]

    # --- loading -------------------------------------------------------------------------

    def _on_order_loaded(self, order: models.Order) -> None:
        if order.order_id != self._order_id:
            return
        self._render(order)

    def _on_order_failed(self, order_id: str, exc: BaseException) -> None:
        if order_id != self._order_id:
            return
        error = describe_error(exc)
        if self._order is not None:
            # Keep what is on screen; say the refresh failed above it.
            self.state_label.setText(
                self.tr("Couldn't refresh this order: %1. %2")
                .replace("%1", error.title)
                .replace("%2", error.advice)
            )
            self.state_label.show()
            self.retry_button.show()
            return
        self._show_state(f"{error.title}\n{error.advice}", retry=True)

    @Slot()
    def _on_retry_clicked(self) -> None:
        self.refresh()

    def _show_state(self, text: str, *, retry: bool = False) -> None:
        self.state_label.setText(text)
        self.state_label.show()
        self.retry_button.setVisible(retry)
        self.scroll_area.setVisible(self._order is not None)

    def _clear_content(self) -> None:
        old = self.scroll_area.takeWidget()
        if old is not None:
            old.deleteLater()
        self._content = None
        self._timelines = {}
        self.metadata_editor = None
        self.save_button = None
        self.save_status = None

    # --- rendering -----------------------------------------------------------------------

    def _render(self, order: models.Order) -> None:
        """Show ``order``. The same order again (a refresh) is updated in place: the metadata
        being typed, the keyboard focus in it and the scroll position all stay."""
        same = (
            self._order is not None
            and self._order.order_id == order.order_id
            and self._content is not None
        )
        if same and order == self._order:
            self._show_content(order)
            return
        scroll_bar = self.scroll_area.verticalScrollBar()
        scrolled = scroll_bar.value() if same else 0
        if not same:
            self._metadata_dirty = False
            self._clear_content()
            self._build_skeleton(order)
        elif not self._metadata_dirty and self.metadata_editor is not None:
            visible = self._split_metadata(order)
            if visible != self.metadata_editor.metadata():
                self.metadata_editor.set_metadata(visible)
                self._metadata_dirty = False
                self._update_save_enabled()
        else:
            self._split_metadata(order)  # keep the hidden keys current; the edit stays
        self._order = order
        self._replace(self._header_slot, self._header(order, self._header_slot))
        self._replace(self._recipient_slot, self._recipient_box(order, self._recipient_slot))
        self._timelines = {}
        self._replace(self._kits_slot, self._kits(order, self._kits_slot))
        self._show_content(order)
        if scrolled:
            # The new kit widgets get their sizes on the next layout pass; scroll after it.
            QTimer.singleShot(0, lambda: scroll_bar.setValue(scrolled))

    def _show_content(self, order: models.Order) -> None:
        self.state_label.hide()
        self.retry_button.hide()
        self.scroll_area.show()
        self.order_shown.emit(order.order_id)

    def _build_skeleton(self, order: models.Order) -> None:
        content = QWidget()
        content.setObjectName("panel_content")
        column = QVBoxLayout(content)
        column.setContentsMargins(8, 8, 8, 8)
        column.setSpacing(12)
        self._header_slot = _slot(content)
        self._recipient_slot = _slot(content)
        self._kits_slot = _slot(content)
        column.addWidget(self._header_slot)
        column.addWidget(self._recipient_slot)
        column.addWidget(self._metadata_box(order, content))
        column.addWidget(self._kits_slot)
        column.addStretch(1)
        self._content = content
        self.scroll_area.setWidget(content)

    @staticmethod
    def _replace(slot: QWidget, widget: QWidget) -> None:
        layout = slot.layout()
        assert layout is not None
        while layout.count():
            item = layout.takeAt(0)
            old = item.widget() if item is not None else None
            if old is not None:
                old.hide()
                old.setParent(None)  # out of findChild()/Tab order now, not at deletion
                old.deleteLater()
        layout.addWidget(widget)

    def _kits(self, order: models.Order, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        if not order.kits:
            kinds = ", ".join(self._kit_type_name(kind) for kind in order.kit_types)
            text = (
                self.tr("No kits yet: Spot hasn't fulfilled this order.")
                if order.status in ("pending", None)
                else self.tr("This order has no kits.")
            )
            if kinds:
                text += "\n" + self.tr("Ordered: %1").replace("%1", kinds)
            note = QLabel(text, box)
            note.setObjectName("no_kits")
            note.setWordWrap(True)
            column.addWidget(note)
        for kit in order.kits:
            column.addWidget(self._kit_box(kit, box))
        return box

    def _header(self, order: models.Order, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Order %1").replace("%1", order.order_id), box)
        title.setObjectName("order_title")
        font = QFont(title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        title.setFont(font)
        _selectable(title)
        row.addWidget(title)
        status = order.status or ""
        badge = _badge(
            order_status_label(status) or self.tr("unknown status"),
            ORDER_STATUS_TONES.get(status, "neutral"),
            box,
        )
        badge.setObjectName("order_status")
        row.addWidget(badge)
        row.addStretch(1)
        dates = []
        if order.created is not None:
            dates.append(self.tr("Placed %1").replace("%1", format_day(order.created)))
        if order.updated is not None:
            dates.append(self.tr("updated %1").replace("%1", format_day(order.updated)))
        if dates:
            row.addWidget(_muted(QLabel(" · ".join(dates), box)))
        return box

    def _recipient_box(self, order: models.Order, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Recipient"), parent)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        recipient = order.recipient or models.Recipient()
        name = " ".join(p for p in (recipient.first_name, recipient.last_name) if p)
        address = recipient.address
        lines: list[str] = []
        if address is not None:
            lines = [
                line
                for line in (
                    address.street1,
                    address.street2,
                    " ".join(
                        p
                        for p in (
                            f"{address.city}," if address.city else None,
                            address.state,
                            address.zip,
                        )
                        if p
                    ),
                    address.country,
                )
                if line
            ]
        rows = (
            ("recipient_name", self.tr("Name"), name),
            ("recipient_email", self.tr("Email"), recipient.email or ""),
            ("recipient_phone", self.tr("Phone"), recipient.phone or ""),
            ("recipient_address", self.tr("Address"), "\n".join(lines)),
        )
        for object_name, caption, value in rows:
            label = _selectable(QLabel(value or self.tr("—"), box))
            label.setObjectName(object_name)
            label.setWordWrap(True)
            form.addRow(caption, label)
        return box

    def _split_metadata(self, order: models.Order) -> dict[str, Any]:
        """The editable part of the order's metadata; the app's own keys are set aside."""
        metadata = dict(order.metadata or {})
        # Keys the app writes itself are kept out of the editor and put back on save.
        self._hidden_metadata = {k: v for k, v in metadata.items() if k in RESERVED_KEYS}
        return {k: v for k, v in metadata.items() if k not in RESERVED_KEYS}

    def _metadata_box(self, order: models.Order, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Metadata"), parent)
        column = QVBoxLayout(box)
        editor = MetadataEditor(box)
        editor.setObjectName("order_metadata")
        editor.set_metadata(self._split_metadata(order))
        column.addWidget(editor)
        row = QHBoxLayout()
        save = QPushButton(self.tr("&Save metadata"), box)
        save.setObjectName("metadata_save")
        save.setAutoDefault(False)
        save.clicked.connect(self._on_save_clicked)
        row.addWidget(save)
        status = QLabel(box)
        status.setObjectName("metadata_status")
        status.setWordWrap(True)
        status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(status, 1)
        column.addLayout(row)
        self.metadata_editor, self.save_button, self.save_status = editor, save, status
        editor.changed.connect(self._on_metadata_changed)
        self._update_save_enabled()
        return box

    def _kit_box(self, kit: models.Kit, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Kit %1").replace("%1", kit.kit_id), parent)
        box.setObjectName(f"kit_{kit.kit_id}")
        column = QVBoxLayout(box)
        column.setSpacing(8)
        kind = self.tr("Kit type: %1").replace("%1", self._kit_type_name(kit.type))
        column.addWidget(_selectable(QLabel(kind, box)))
        kit_line = KitTimeline(self.tr("Kit journey"), box)
        kit_line.setObjectName(f"kit_timeline_{kit.kit_id}")
        kit_line.set_steps(kit_steps(kit.status, [(e.status, e.created) for e in kit.events]))
        column.addWidget(kit_line)
        column.addWidget(self._outbound_row(kit, box))
        column.addWidget(self._registration_row(kit, box))

        sample = kit.sample or models.Sample()
        sample_title = self.tr("Sample %1").replace("%1", sample.sample_id or self.tr("(no id)"))
        sample_label = _selectable(
            QLabel(
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
        self._timelines[kit.kit_id] = (kit_line, sample_line)
        if sample.reports:
            column.addWidget(self._reports_box(kit, sample, box))
        return box

    def _tracking_widgets(
        self, shipment: models.Shipment, parent: QWidget
    ) -> list[QWidget]:
        number = (shipment.tracking_number or "").strip()
        carrier = carrier_name(shipment.carrier) or self.tr("Unknown carrier")
        widgets: list[QWidget] = [QLabel(carrier, parent)]
        url = tracking_url(shipment.carrier, number)
        if url is not None:
            link = TrackingLink(shipment.carrier, number, url, parent)
            link.setObjectName(f"track_{number}")
            widgets.append(link)
        else:
            plain = _selectable(QLabel(number or self.tr("(no tracking number)"), parent))
            plain.setObjectName(f"track_{number}")
            widgets.append(plain)
        if shipment.created is not None:
            shipped = self.tr("shipped %1").replace("%1", format_day(shipment.created))
            widgets.append(_muted(QLabel(shipped, parent)))
        return widgets

    def _outbound_row(self, kit: models.Kit, parent: QWidget) -> QWidget:
        row_widget = QWidget(parent)
        row = QHBoxLayout(row_widget)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("To the patient:"), row_widget))
        if kit.shipment_to_customer is None:
            row.addWidget(_muted(QLabel(self.tr("not shipped yet"), row_widget)))
        else:
            for widget in self._tracking_widgets(kit.shipment_to_customer, row_widget):
                row.addWidget(widget)
        row.addStretch(1)
        return row_widget

    def _return_row(self, kit: models.Kit, sample: models.Sample, parent: QWidget) -> QWidget:
        row_widget = QWidget(parent)
        row = QHBoxLayout(row_widget)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Back to the lab:"), row_widget))
        if not sample.shipments:
            row.addWidget(_muted(QLabel(self.tr("no return shipment yet"), row_widget)))
        for index, shipment in enumerate(sample.shipments):
            if index:
                row.addWidget(QLabel(self.tr("then"), row_widget))
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
            parts.append(masked_dob(patient.date_of_birth, self._today()))
            label = _selectable(
                QLabel(self.tr("Registered to %1").replace("%1", " · ".join(parts)), row_widget)
            )
            label.setObjectName(f"registered_{kit.kit_id}")
            label.setWordWrap(True)
            row.addWidget(label, 1)
            return row_widget
        label = QLabel(self.tr("Not registered to a patient yet."), row_widget)
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
        title = QLabel(self.tr("Reports"), box)
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
            row.addWidget(QLabel(self._report_caption(report), header))
            if report.is_amendment:
                amended = _badge(self.tr("Amended"), "warning", header)
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

    def _kit_type_name(self, kit_type: str | None) -> str:
        if not kit_type:
            return self.tr("unknown kit type")
        name = self._session.kit_catalog.get(kit_type)
        return f"{name} ({kit_type})" if name and name != kit_type else kit_type

    # --- metadata ------------------------------------------------------------------------

    @Slot()
    def _on_metadata_changed(self) -> None:
        self._metadata_dirty = True
        if self.save_status is not None:
            self.save_status.clear()
        self._update_save_enabled()

    def _update_save_enabled(self) -> None:
        if self.save_button is None or self.metadata_editor is None:
            return
        # One save at a time: a second click while one is in flight would race it.
        self.save_button.setEnabled(
            self._metadata_dirty and not self._saving and not self.metadata_editor.problems()
        )

    @Slot()
    def _on_save_clicked(self) -> None:
        editor, order = self.metadata_editor, self._order
        if editor is None or order is None or editor.problems():
            return
        metadata = {**editor.metadata(), **self._hidden_metadata}
        order_id = order.order_id
        self._set_save_status(self.tr("Saving…"), tone=None)
        self._saving = True
        self._update_save_enabled()
        client = self._session.client
        self._runner.run(
            client.update_order_metadata,
            order_id,
            metadata,
            on_success=lambda saved: self._on_metadata_saved(order_id, saved),
            on_error=lambda exc: self._on_metadata_failed(order_id, exc),
            key=self._save_key,
        )

    def _on_metadata_saved(self, order_id: str, saved: models.Order) -> None:
        self._saving = False
        if self._order is not None and self._order.order_id == order_id:
            self._order = self._order.model_copy(
                update={"metadata": saved.metadata, "updated": saved.updated}
            )
            saved_visible = {
                k: v for k, v in (saved.metadata or {}).items() if k not in RESERVED_KEYS
            }
            # Typing may have gone on while the save was in flight: that part is still unsaved.
            editor = self.metadata_editor
            self._metadata_dirty = editor is not None and editor.metadata() != saved_visible
            self._set_save_status(self.tr("Saved."), tone="good")
        self._update_save_enabled()
        self.metadata_saved.emit(order_id)

    def _on_metadata_failed(self, order_id: str, exc: BaseException) -> None:
        self._saving = False
        self._update_save_enabled()
        if self._order is None or self._order.order_id != order_id:
            return
        error = describe_error(exc)
        details = "\n".join(error.details)
        self._set_save_status(
            self.tr("Not saved: %1. %2").replace("%1", error.title).replace("%2", error.advice)
            + (f"\n{details}" if details else ""),
            tone="warning",
        )

    def _set_save_status(self, text: str, *, tone: str | None) -> None:
        if self.save_status is None:
            return
        self.save_status.setText(text)
        if tone is None:
            self.save_status.setPalette(self.palette())
        else:
            set_text_color(self.save_status, badge_colors(tone, self.palette())[1])

