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

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.api import models
from app.services.errors import describe_error
from app.services.printing.from_spot import handout_for_order, labels_for_order
from app.tasks import OwnedTasks, Runner
from app.views.common.events import AppEvents
from app.views.common.formatting import format_day
from app.views.common.labels import ORDER_STATUS_TONES, country_name, order_status_label
from app.views.common.metadata_editor import RESERVED_KEYS, MetadataEditor
from app.views.common.plain_text import PlainLabel
from app.views.common.timeline import KitTimeline
from app.views.common.tone_colors import tone_text
from app.views.kit_panel.kit_box import KitBox, badge, muted, selectable

__all__ = ["KitTrackingPanel", "PanelSession"]


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


def _slot(parent: QWidget) -> QWidget:
    """A place in the panel whose one child is swapped on refresh."""
    holder = QWidget(parent)
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    return holder


class KitTrackingPanel(QWidget):
    """Shows one order in detail; ``show_order(None)`` clears it."""

    open_report_requested = Signal(object)  # ReportRequest
    register_kit_requested = Signal(str)
    print_handout_requested = Signal(object)  # Handout for the shown order
    print_labels_requested = Signal(object)  # list[Label]: the order's and its kits' labels
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
        self._tasks = OwnedTasks(runner, self)
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
        self.state_label = PlainLabel(self)
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
        self._tasks.run(
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
            note = PlainLabel(text, box)
            note.setObjectName("no_kits")
            note.setWordWrap(True)
            column.addWidget(note)
        for kit in order.kits:
            column.addWidget(self._kit_box(kit, box))
        return box

    def _header(self, order: models.Order, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        column.addLayout(row)
        title = PlainLabel(self.tr("Order %1").replace("%1", order.order_id), box)
        title.setObjectName("order_title")
        font = QFont(title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        title.setFont(font)
        selectable(title)
        row.addWidget(title)
        status = order.status or ""
        status_badge = badge(
            order_status_label(status) or self.tr("unknown status"),
            ORDER_STATUS_TONES.get(status, "neutral"),
            box,
        )
        status_badge.setObjectName("order_status")
        row.addWidget(status_badge)
        row.addStretch(1)
        dates = []
        if order.created is not None:
            dates.append(self.tr("Placed %1").replace("%1", format_day(order.created)))
        if order.updated is not None:
            dates.append(self.tr("updated %1").replace("%1", format_day(order.updated)))
        if dates:
            # Wraps in a narrow panel instead of widening it (the order list needs the room).
            when = muted(PlainLabel("\n".join(dates), box))
            when.setWordWrap(True)
            when.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            row.addWidget(when, 1)
        # On their own line: the French header is already as wide as the panel.
        actions = QHBoxLayout()
        for name, text, tip, slot in (
            ("print_handout", self.tr("Print &hand-out…"),
             self.tr("A page for the patient: their kit, what happens next, how to collect "
                     "the sample"), self._on_print_handout_clicked),
            ("print_labels", self.tr("&Labels…"), self.tr("Print order and kit labels"),
             self._on_print_labels_clicked),
        ):
            button = QPushButton(text, box)
            button.setObjectName(name)
            button.setToolTip(tip)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            actions.addWidget(button)
        actions.addStretch(1)
        column.addLayout(actions)
        return box

    @Slot()
    def _on_print_handout_clicked(self) -> None:
        if self._order is not None:
            self.print_handout_requested.emit(handout_for_order(self._order))

    @Slot()
    def _on_print_labels_clicked(self) -> None:
        if self._order is not None:
            self.print_labels_requested.emit(
                labels_for_order(self._order, self._session.kit_catalog, self._today())
            )

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
                    country_name(address.country),  # "CA" under an address reads as California
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
            label = selectable(PlainLabel(value or self.tr("—"), box))
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
        box = QGroupBox(self.tr("Notes for your records"), parent)
        column = QVBoxLayout(box)
        editor = MetadataEditor(box)
        editor.setObjectName("order_metadata")
        editor.set_metadata(self._split_metadata(order))
        column.addWidget(editor)
        row = QHBoxLayout()
        save = QPushButton(self.tr("&Save notes"), box)
        save.setObjectName("metadata_save")
        save.setAutoDefault(False)
        save.clicked.connect(self._on_save_clicked)
        row.addWidget(save)
        status = PlainLabel(box)
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
        box = KitBox(kit, self._kit_type_name, self._today(), parent)
        box.open_report_requested.connect(self.open_report_requested)
        box.register_kit_requested.connect(self.register_kit_requested)
        self._timelines[kit.kit_id] = (box.kit_line, box.sample_line)
        return box

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
        self._tasks.run(
            client.update_order_metadata,
            order_id,
            metadata,
            on_success=lambda saved: self._on_metadata_saved(order_id, saved),
            on_error=lambda exc: self._on_metadata_failed(order_id, exc),
            key=self._save_key, durable=True,
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
        tone_text(self.save_status, tone)

