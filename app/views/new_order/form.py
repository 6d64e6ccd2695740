"""The new-order form: recipient, kit types and metadata, checked while the patient is at the desk.

Local checks come from ``app.validation`` (errors block, warnings need "Ship anyway" for that
value). Submit writes the order to the durable outbox (``session.outbox``), which sends it; the
form follows the outbox item and shows the new order id, the server's 400 messages on their
fields, or "queued, will be sent" when Spot can't be reached. What is typed autosaves as a draft
(``session.drafts``, debounced, off the GUI thread) and is offered back after a crash.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from typing import Any, ClassVar, Protocol

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.api.models import NewOrder
from app.services.drafts import OPEN_DRAFTS, DraftWriter
from app.services.errors import describe_error
from app.tasks import Runner, call_on_gui
from app.validation import normalize_recipient
from app.views.common.address_fields import RecipientFields
from app.views.common.message_strip import strip_style
from app.views.common.metadata_editor import MetadataEditor
from app.views.i18n import finding_text

__all__ = ["KitPicker", "NewOrderDialog", "NewOrderForm"]

log = logging.getLogger(__name__)

MAX_KITS_PER_TYPE = 10
_BAR_STYLE = "QFrame#%s { background: %s; border: 1px solid %s; border-radius: 4px; }"
_INFO_COLORS = ("rgba(37, 99, 235, 0.12)", "rgba(37, 99, 235, 0.5)")
_WARN_COLORS = ("rgba(217, 119, 6, 0.15)", "rgba(217, 119, 6, 0.6)")
_GOOD_COLORS = ("rgba(22, 163, 74, 0.14)", "rgba(22, 163, 74, 0.6)")


# --- what the form needs from the session (the real Session, or a test fake) -------------


class OrderSession(Protocol):
    """The part of ``app.services.session.Session`` the order form uses."""

    @property
    def outbox(self) -> Any: ...
    @property
    def drafts(self) -> Any: ...
    @property
    def store(self) -> Any: ...
    @property
    def kit_catalog(self) -> Mapping[str, str]: ...


def _bar(name: str, colors: tuple[str, str], parent: QWidget) -> QFrame:
    frame = QFrame(parent)
    frame.setObjectName(name)
    frame.setStyleSheet(_BAR_STYLE % (name, *colors))
    return frame


def _button(text: str, name: str, parent: QWidget) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    # No default buttons: Enter is handled by the form (next field, or submit from the last).
    button.setAutoDefault(False)
    button.setDefault(False)
    return button


# --- kit types ---------------------------------------------------------------------------


@dataclass
class _KitRow:
    combo: QComboBox
    quantity: QSpinBox
    remove: QToolButton


class KitPicker(QWidget):
    """Kit types from the account's catalog, each with a quantity; more rows on demand."""

    changed = Signal()

    def __init__(self, catalog: Mapping[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = dict(catalog)
        self._rows: list[_KitRow] = []
        self._server_error: tuple[list[tuple[str, int]], str] | None = None
        self._touched = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._grid = QGridLayout()
        self._grid.setColumnStretch(0, 1)
        layout.addLayout(self._grid)
        self.message = QLabel(self)
        self.message.setObjectName("message_label:kit_types")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(strip_style("error", compact=True))
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.add_button = _button(self.tr("Add another &kit type"), "kit_add", self)
        self.add_button.clicked.connect(self._on_add_clicked)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._add_row()
        if len(self._catalog) == 1:
            self._rows[0].combo.setCurrentIndex(1)

    def name_for(self, kit_type: str) -> str:
        return self._catalog.get(kit_type) or kit_type

    def choices(self) -> list[tuple[str, int]]:
        """(kit type, quantity) per chosen row, merged when a type is chosen twice."""
        merged: dict[str, int] = {}
        for row in self._rows:
            kit_type = row.combo.currentData()
            if kit_type:
                merged[kit_type] = merged.get(kit_type, 0) + row.quantity.value()
        return list(merged.items())

    def kit_types(self) -> list[str]:
        """What Spot's ``kit_types`` wants: a type repeated once per kit."""
        return [kit_type for kit_type, count in self.choices() for _ in range(count)]

    def set_choices(self, choices: Sequence[tuple[str, int]] | Sequence[Sequence[Any]]) -> None:
        for row in list(self._rows):
            self._remove_row(row, emit=False)
        for kit_type, count in [(str(c[0]), int(c[1])) for c in choices] or [("", 1)]:
            row = self._add_row()
            index = row.combo.findData(kit_type) if kit_type else 0
            if index < 0:
                # A type no longer in the catalog (old draft): keep it, shown as-is.
                row.combo.addItem(kit_type, kit_type)
                index = row.combo.count() - 1
            row.combo.setCurrentIndex(index)
            row.quantity.setValue(max(1, min(count, MAX_KITS_PER_TYPE)))
        self._server_error = None
        self._refresh_message()
        self.changed.emit()

    def clear(self) -> None:
        self._touched = False
        self.set_choices([("", 1)] if len(self._catalog) != 1 else [(next(iter(self._catalog)), 1)])

    def is_default(self) -> bool:
        first = next(iter(self._catalog)) if len(self._catalog) == 1 else None
        return self.choices() == ([(first, 1)] if first else [])

    def problems(self) -> list[str]:
        if self._server_error is not None and self._server_error[0] == self.choices():
            return [self._server_error[1]]
        if not self.choices():
            return [self.tr("Choose at least one kit type")]
        return []

    def set_server_error(self, message: str) -> None:
        self._server_error = (self.choices(), message)
        self._touched = True
        self._refresh_message()

    def reveal(self) -> None:
        self._touched = True
        self._refresh_message()

    def message_text(self) -> str:
        return self.message.text() if not self.message.isHidden() else ""

    def set_read_only(self, read_only: bool) -> None:
        for row in self._rows:
            row.combo.setEnabled(not read_only)
            row.quantity.setReadOnly(read_only)
            row.remove.setEnabled(not read_only)
        self.add_button.setEnabled(not read_only)

    def combo(self, index: int = 0) -> QComboBox:
        return self._rows[index].combo

    def quantity(self, index: int = 0) -> QSpinBox:
        return self._rows[index].quantity

    def row_count(self) -> int:
        return len(self._rows)

    def editors(self) -> list[QWidget]:
        return [w for row in self._rows for w in (row.combo, row.quantity)]

    def _add_row(self) -> _KitRow:
        combo = QComboBox(self)
        combo.setObjectName(f"kit_type_{len(self._rows)}")
        combo.setAccessibleName(self.tr("Kit type"))
        combo.addItem(self.tr("Choose a kit type…"), "")
        for kit_type, name in sorted(self._catalog.items(), key=lambda kv: kv[1].casefold()):
            combo.addItem(name or kit_type, kit_type)
        quantity = QSpinBox(self)
        quantity.setObjectName(f"kit_quantity_{len(self._rows)}")
        quantity.setAccessibleName(self.tr("Number of kits"))
        quantity.setRange(1, MAX_KITS_PER_TYPE)
        quantity.setPrefix("× ")
        remove = QToolButton(self)
        remove.setText("✕")
        remove.setToolTip(self.tr("Remove this kit type"))
        remove.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        row = _KitRow(combo, quantity, remove)
        combo.currentIndexChanged.connect(self._on_row_changed)
        quantity.valueChanged.connect(self._on_row_changed)
        remove.clicked.connect(lambda: self._remove_row(row))
        line = len(self._rows)
        self._grid.addWidget(combo, line, 0)
        self._grid.addWidget(quantity, line, 1)
        self._grid.addWidget(remove, line, 2)
        # Shown now, not on the layout's next pass, so the new row can take focus at once.
        combo.show()
        quantity.show()
        if self._rows:
            QWidget.setTabOrder(self._rows[-1].quantity, combo)
        QWidget.setTabOrder(combo, quantity)
        QWidget.setTabOrder(quantity, self.add_button)
        self._rows.append(row)
        self._update_remove_buttons()
        return row

    def _remove_row(self, row: _KitRow, *, emit: bool = True) -> None:
        self._rows.remove(row)
        for widget in (row.combo, row.quantity, row.remove):
            self._grid.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        for line, kept in enumerate(self._rows):
            self._grid.addWidget(kept.combo, line, 0)
            self._grid.addWidget(kept.quantity, line, 1)
            self._grid.addWidget(kept.remove, line, 2)
        if emit:
            if not self._rows:
                self._add_row()
            self._update_remove_buttons()
            self._on_row_changed()

    def _update_remove_buttons(self) -> None:
        for row in self._rows:
            row.remove.setVisible(len(self._rows) > 1)

    @Slot()
    def _on_add_clicked(self) -> None:
        row = self._add_row()
        row.combo.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    @Slot()
    def _on_row_changed(self) -> None:
        self._touched = True
        self._refresh_message()
        self.changed.emit()

    def _refresh_message(self) -> None:
        problems = self.problems() if self._touched else []
        self.message.setText("\n".join(problems))
        self.message.setVisible(bool(problems))


# --- the form ----------------------------------------------------------------------------


def _identity(recipient: Mapping[str, Any]) -> tuple[str, ...]:
    return tuple(
        str(recipient.get(key) or "").strip().casefold()
        for key in ("email", "first_name", "last_name", "phone")
    )


class NewOrderForm(QWidget):
    """Order kits for one recipient. See the module docstring for the flow."""

    #: The order was written to the outbox (outbox item id).
    order_queued = Signal(str)
    #: Spot accepted the order (order id).
    order_placed = Signal(str)
    #: The user confirmed leaving (Esc) or the form was empty: the host may close.
    discarded = Signal()

    AUTOSAVE_DELAY_MS: ClassVar[int] = 1000
    DUPLICATE_CHECK_DELAY_MS: ClassVar[int] = 300

    def __init__(
        self, session: OrderSession, runner: Runner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._runner = runner
        self._state = "editing"  # editing | sending | queued | sent | needs_attention
        self._busy = False
        self._item_id: str | None = None
        self._latest_items: dict[str, Any] = {}
        self._duplicates: list[Any] = []
        self._duplicate_key: tuple[Any, ...] | None = None
        self._duplicate_confirmed: set[tuple[Any, ...]] = set()
        self._restorable: list[tuple[str, dict[str, Any]]] = []
        self._state_before_send = "editing"
        self._draft_writer = DraftWriter(session.drafts)
        self._draft_ref = [uuid.uuid4().hex]
        OPEN_DRAFTS.switch(None, self._draft_ref[0])
        self.destroyed.connect(
            lambda _=None, ref=self._draft_ref: OPEN_DRAFTS.switch(ref[0], None)
        )
        self._build()
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(self.AUTOSAVE_DELAY_MS)
        self._autosave.timeout.connect(self._on_autosave_timeout)
        self._duplicate_timer = QTimer(self)
        self._duplicate_timer.setSingleShot(True)
        self._duplicate_timer.setInterval(self.DUPLICATE_CHECK_DELAY_MS)
        self._duplicate_timer.timeout.connect(self._check_duplicates)
        self._unsubscribe = self._subscribe_outbox()
        self._refresh()
        self._runner.run(
            self._session.drafts.load_all,
            on_success=self._on_drafts_loaded,
            on_error=self._on_drafts_load_failed,
        )

    # --- construction --------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(scroll)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 4, 0)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        self.restore_bar = _bar("restore_bar", _INFO_COLORS, body)
        restore_layout = QHBoxLayout(self.restore_bar)
        restore_layout.setContentsMargins(8, 4, 8, 4)
        self.restore_label = QLabel(self.restore_bar)
        self.restore_label.setWordWrap(True)
        self.restore_button = _button(self.tr("&Restore"), "restore_button", self.restore_bar)
        self.restore_discard_button = _button(
            self.tr("Discard &it"), "restore_discard_button", self.restore_bar
        )
        self.restore_button.clicked.connect(self._on_restore_clicked)
        self.restore_discard_button.clicked.connect(self._on_restore_discard_clicked)
        restore_layout.addWidget(self.restore_label, 1)
        restore_layout.addWidget(self.restore_button)
        restore_layout.addWidget(self.restore_discard_button)
        self.restore_bar.hide()
        layout.addWidget(self.restore_bar)

        self.fields = RecipientFields(body)
        self.fields.changed.connect(self._on_form_changed)
        self.fields.field_left.connect(self._on_field_left)
        layout.addWidget(self.fields)

        kits_box = QGroupBox(self.tr("Kits"), body)
        kits_layout = QVBoxLayout(kits_box)
        self.kits = KitPicker(self._session.kit_catalog, kits_box)
        self.kits.changed.connect(self._on_kits_changed)
        kits_layout.addWidget(self.kits)
        layout.addWidget(kits_box)

        self.metadata_toggle = QToolButton(body)
        self.metadata_toggle.setObjectName("metadata_toggle")
        self.metadata_toggle.setText(self.tr("&Metadata (optional)"))
        self.metadata_toggle.setCheckable(True)
        self.metadata_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.metadata_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.metadata_toggle.toggled.connect(self._on_metadata_toggled)
        layout.addWidget(self.metadata_toggle)
        self.metadata = MetadataEditor(body)
        self.metadata.changed.connect(self._on_form_changed)
        self.metadata.hide()
        layout.addWidget(self.metadata)

        self.duplicate_bar = _bar("duplicate_bar", _WARN_COLORS, body)
        duplicate_layout = QVBoxLayout(self.duplicate_bar)
        duplicate_layout.setContentsMargins(8, 4, 8, 4)
        self.duplicate_label = QLabel(self.duplicate_bar)
        self.duplicate_label.setObjectName("duplicate_label")
        self.duplicate_label.setWordWrap(True)
        self.duplicate_confirm = QCheckBox(self.tr("Order &anyway"), self.duplicate_bar)
        self.duplicate_confirm.setObjectName("confirm:duplicate")
        self.duplicate_confirm.toggled.connect(self._on_duplicate_confirm_toggled)
        duplicate_layout.addWidget(self.duplicate_label)
        duplicate_layout.addWidget(self.duplicate_confirm)
        self.duplicate_bar.hide()
        layout.addWidget(self.duplicate_bar)

        summary_box = QGroupBox(self.tr("Will be sent as"), body)
        summary_layout = QVBoxLayout(summary_box)
        self.summary = QLabel(summary_box)
        self.summary.setObjectName("summary")
        # Explicit lines; word wrap here makes the box keep a stale one-line height.
        self.summary.setWordWrap(False)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        summary_layout.addWidget(self.summary)
        self.summary_box = summary_box
        layout.addWidget(summary_box)
        layout.addStretch(1)

        self.status_bar = _bar("status_bar", _INFO_COLORS, self)
        status_layout = QVBoxLayout(self.status_bar)
        status_layout.setContentsMargins(8, 6, 8, 6)
        self.status = QLabel(self.status_bar)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        status_layout.addWidget(self.status)
        self.after_actions = QWidget(self.status_bar)
        after = QHBoxLayout(self.after_actions)
        after.setContentsMargins(0, 0, 0, 0)
        self.another_button = _button(
            self.tr("&Another order for this patient"), "another_button", self.status_bar
        )
        self.another_button.clicked.connect(self._on_another_clicked)
        self.new_button = _button(self.tr("&New order"), "new_button", self.status_bar)
        self.new_button.clicked.connect(self._on_new_clicked)
        after.addWidget(self.another_button)
        after.addWidget(self.new_button)
        after.addStretch(1)
        status_layout.addWidget(self.after_actions)
        self.after_actions.hide()
        self.status_bar.hide()
        outer.addWidget(self.status_bar)

        buttons = QHBoxLayout()
        self.problem_count = QLabel(self)
        self.problem_count.setObjectName("problem_count")
        buttons.addWidget(self.problem_count, 1)
        self.submit_button = _button(self.tr("&Place order"), "submit_button", self)
        self.submit_button.setToolTip(self.tr("Place the order (Ctrl+Enter)"))
        self.submit_button.clicked.connect(self.submit)
        buttons.addWidget(self.submit_button)
        outer.addLayout(buttons)

        # Keyboard: Enter moves on through the recipient fields, submits from the last ones.
        for editor in self.fields.editors.values():
            if isinstance(editor, QLineEdit):
                editor.returnPressed.connect(self._on_recipient_return)
        self._install_submit_keys()
        self.kits.changed.connect(self._install_submit_keys)
        self.metadata.changed.connect(self._install_submit_keys)
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.submit)
        new_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.New), self)
        new_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new_shortcut.activated.connect(self.request_new_order)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.request_discard)
        self.confirm_box: QMessageBox | None = None

    def _install_submit_keys(self) -> None:
        for widget in (*self.kits.editors(), *self._metadata_editors()):
            if not widget.property("submits_on_enter"):
                widget.installEventFilter(self)
                widget.setProperty("submits_on_enter", True)

    def _metadata_editors(self) -> list[QWidget]:
        return [
            edit
            for index in range(self.metadata.row_count())
            for edit in (self.metadata.key_edit(index), self.metadata.value_edit(index))
        ]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
            and watched.property("submits_on_enter")
        ):
            if isinstance(watched, QComboBox) and watched.view().isVisible():
                return False
            self.submit()
            return True
        return super().eventFilter(watched, event)

    # --- public API ----------------------------------------------------------------------

    @property
    def state(self) -> str:
        return self._state

    @property
    def draft_id(self) -> str:
        return self._draft_ref[0]

    def prefill(self, recipient: dict[str, Any]) -> None:
        """Start from a known recipient (e.g. "order again" from the order list)."""
        self.fields.set_recipient(recipient)

    def is_empty(self) -> bool:
        return self.fields.is_empty() and self.kits.is_default() and self.metadata.is_empty()

    def needs_discard_confirm(self) -> bool:
        """True while closing would throw away typing that is not in the outbox.

        An order Spot sent back (needs attention) is still in the outbox, listed by the main
        window; closing this window does not lose it.
        """
        return self._state == "editing" and not self.is_empty()

    def focus_first_field(self) -> None:
        self.fields.first_editor().setFocus(Qt.FocusReason.OtherFocusReason)

    def blocking_problems(self) -> list[str]:
        """Everything that stops Submit right now, as the user reads it."""
        problems = [finding_text(f) for f in self.fields.blocking()]
        problems += self.kits.problems()
        problems += self.metadata.problems()
        if self._duplicates and self._duplicate_key not in self._duplicate_confirmed:
            problems.append(self.duplicate_label.text())
        return problems

    @Slot()
    def submit(self) -> None:
        """Place the order (Submit button, Enter from the last field, Ctrl+Enter)."""
        if self._busy or self._state not in ("editing", "needs_attention"):
            return
        self._autosave.stop()
        self.fields.reveal_all()
        self.kits.reveal()
        if self.blocking_problems():
            self._show_blocked()
            return
        self._busy = True
        self._refresh()
        self._set_status(self.tr("Checking for recent orders for this patient…"), _INFO_COLORS)
        recipient, kit_types = self._duplicate_query()
        self._runner.run(
            self._find_duplicates,
            recipient,
            kit_types,
            on_success=self._on_submit_duplicates_checked,
            on_error=self._on_submit_duplicates_failed,
            key=f"order-duplicates:{id(self)}",
        )

    @Slot()
    def request_discard(self) -> None:
        """Esc: leave the form, asking first when typing would be lost."""
        if not self.needs_discard_confirm():
            self.discarded.emit()
            return
        self._ask(
            self.tr("Discard this order?"),
            self.tr("What you typed for this order will be lost."),
            self.tr("&Discard"),
            self._discard_and_leave,
        )

    @Slot()
    def request_new_order(self) -> None:
        """Ctrl+N: a fresh form, asking first when typing would be lost."""
        if not self.needs_discard_confirm():
            self._start_fresh(keep_recipient=False)
            return
        self._ask(
            self.tr("Start a new order?"),
            self.tr("What you typed for this order will be lost."),
            self.tr("&Start new order"),
            lambda: self._start_fresh(keep_recipient=False, discard_draft=True),
        )

    # --- validation state ----------------------------------------------------------------


    def _problem_counts(self) -> tuple[int, int]:
        """(errors, unconfirmed warnings) standing between the user and Submit."""
        blocking = self.fields.blocking()
        errors = sum(1 for f in blocking if f.severity == "error")
        errors += len(self.kits.problems()) + len(self.metadata.problems())
        warnings = len(blocking) - sum(1 for f in blocking if f.severity == "error")
        if self._duplicates and self._duplicate_key not in self._duplicate_confirmed:
            warnings += 1
        return errors, warnings

    def _show_blocked(self) -> None:
        errors, warnings = self._problem_counts()
        count = errors + warnings
        if errors:
            text = (
                self.tr("Fix the problem marked above before placing the order.")
                if count == 1
                else self.tr("Fix the %1 problems marked above before placing the order.")
            )
        else:
            # Only warnings left: they may be right; the user corrects or confirms each.
            text = (
                self.tr("Check the warning marked above: correct it, or confirm it.")
                if count == 1
                else self.tr("Check the %1 warnings marked above: correct them, or confirm each.")
            )
        text = text.replace("%1", str(count))
        self._set_status(text, _WARN_COLORS)
        if not self.fields.focus_first_problem():
            if self.kits.problems():
                self.kits.combo(0).setFocus(Qt.FocusReason.OtherFocusReason)
            elif self._duplicates:
                self.duplicate_confirm.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _on_form_changed(self) -> None:
        if self._state not in ("editing", "needs_attention"):
            return
        if self._state == "editing":
            # Not once the outbox holds the order: a restored copy would be a second order.
            self._autosave.start()
        self._refresh()

    @Slot()
    def _on_kits_changed(self) -> None:
        self._on_form_changed()
        self._duplicate_timer.start()

    @Slot(str)
    def _on_field_left(self, path: str) -> None:
        if path in ("email", "phone", "first_name", "last_name"):
            self._duplicate_timer.start()

    def _refresh(self) -> None:
        editable = self._state in ("editing", "needs_attention")
        self.submit_button.setEnabled(editable and not self._busy)
        self.submit_button.setText(
            self.tr("Sending…")
            if self._busy
            else self.tr("Send a&gain")
            if self._state == "needs_attention"
            else self.tr("&Place order")
        )
        errors, warnings = self._problem_counts() if editable else (0, 0)
        if not (errors or warnings) or self.fields.is_empty():
            text = ""
        elif errors:
            total = errors + warnings
            text = (
                self.tr("1 problem to fix")
                if total == 1
                else self.tr("%1 problems to fix").replace("%1", str(total))
            )
        else:
            text = (
                self.tr("1 warning to confirm")
                if warnings == 1
                else self.tr("%1 warnings to confirm").replace("%1", str(warnings))
            )
        self.problem_count.setText(text)
        self._update_summary()

    def _update_summary(self) -> None:
        if any(f.severity == "error" for f in self.fields.findings()):
            # A half-typed recipient reads as noise here; show it once it can be sent.
            self.summary.setText(self.tr("Shown here once the fields above are complete."))
            return
        recipient = normalize_recipient(self.fields.recipient())
        address = recipient.get("address")
        address = address if isinstance(address, dict) else {}
        name = f"{recipient.get('first_name', '')} {recipient.get('last_name', '')}".strip()
        city = str(address.get("city") or "")
        region = " ".join(str(address.get(k) or "") for k in ("state", "zip")).strip()
        last_line = f"{city}, {region}" if city and region else city or region
        lines = [
            name,
            str(address.get("street1", "")),
            str(address.get("street2", "")),
            last_line,
            {"US": self.tr("United States"), "CA": self.tr("Canada")}.get(
                str(address.get("country", "")), str(address.get("country", ""))
            ),
            " · ".join(str(recipient.get(k)) for k in ("email", "phone") if recipient.get(k)),
        ]
        kits = ", ".join(
            f"{count} × {self.kits.name_for(kit_type)}" for kit_type, count in self.kits.choices()
        )
        if kits:
            lines.append(self.tr("Kits: %1").replace("%1", kits))
        metadata = self.metadata.metadata()
        if metadata:
            lines.append(
                self.tr("Metadata: %1").replace(
                    "%1", ", ".join(f"{k} = {v}" for k, v in metadata.items())
                )
            )
        self.summary.setText("\n".join(line for line in lines if line.strip()))

    # --- duplicates ----------------------------------------------------------------------

    def _duplicate_query(self) -> tuple[dict[str, str], list[str]]:
        recipient = normalize_recipient(self.fields.recipient())
        flat = {
            key: str(recipient.get(key) or "")
            for key in ("first_name", "last_name", "email", "phone")
        }
        return flat, sorted(set(self.kits.kit_types()))

    def _find_duplicates(self, recipient: dict[str, str], kit_types: list[str]) -> list[Any]:
        # Runs on a worker: the store may hold 100k rows.
        if not (recipient["email"] or recipient["phone"]) or not kit_types:
            return []
        return list(
            self._session.store.find_duplicates(recipient, kit_types, datetime.now(UTC))
        )

    @Slot()
    def _check_duplicates(self) -> None:
        if self._state not in ("editing", "needs_attention"):
            return
        recipient, kit_types = self._duplicate_query()
        self._runner.run(
            self._find_duplicates,
            recipient,
            kit_types,
            on_success=partial(self._on_live_duplicates, recipient, kit_types),
            on_error=lambda exc: log.warning("duplicate check failed: %s", type(exc).__name__),
            key=f"order-duplicates:{id(self)}",
        )

    def _on_live_duplicates(
        self, recipient: dict[str, str], kit_types: list[str], rows: list[Any]
    ) -> None:
        self._show_duplicates(rows, recipient, kit_types)

    def _show_duplicates(
        self, rows: list[Any], recipient: dict[str, str], kit_types: list[str]
    ) -> None:
        if not isValid(self):
            return
        self._duplicates = rows
        if not rows:
            self._duplicate_key = None
            self.duplicate_bar.hide()
            self._refresh()
            return
        self._duplicate_key = (
            _identity(recipient),
            tuple(kit_types),
            tuple(str(getattr(row, "order_id", "")) for row in rows),
        )
        newest = rows[0]
        overlap = [t for t in getattr(newest, "kit_types", ()) if t in kit_types] or kit_types
        names = ", ".join(dict.fromkeys(self.kits.name_for(t) for t in overlap))
        created = getattr(newest, "created", None)
        when = created.astimezone().strftime("%Y-%m-%d") if isinstance(created, datetime) else "?"
        text = (
            self.tr("Possible duplicate: %1 was already ordered for this patient on %2 "
                    "(order %3).")
            .replace("%1", names)
            .replace("%2", when)
            .replace("%3", str(getattr(newest, "order_id", "")))
        )
        if len(rows) > 1:
            text += " " + self.tr("%1 similar orders in the last 30 days.").replace(
                "%1", str(len(rows))
            )
        self.duplicate_label.setText(text)
        self.duplicate_confirm.blockSignals(True)
        self.duplicate_confirm.setChecked(self._duplicate_key in self._duplicate_confirmed)
        self.duplicate_confirm.blockSignals(False)
        self.duplicate_bar.show()
        self._refresh()

    @Slot(bool)
    def _on_duplicate_confirm_toggled(self, checked: bool) -> None:
        if self._duplicate_key is None:
            return
        if checked:
            self._duplicate_confirmed.add(self._duplicate_key)
        else:
            self._duplicate_confirmed.discard(self._duplicate_key)
        self._refresh()

    # --- submitting ----------------------------------------------------------------------

    def _build_order(self) -> NewOrder:
        recipient = normalize_recipient(self.fields.recipient())
        address = recipient.get("address")
        if isinstance(address, dict):
            recipient["address"] = {k: v for k, v in address.items() if v not in ("", None)}
        metadata = self.metadata.metadata()
        return NewOrder.model_validate(
            {
                "kit_types": self.kits.kit_types(),
                "recipient": recipient,
                "metadata": metadata or None,
            }
        )

    def _on_submit_duplicates_checked(self, rows: list[Any]) -> None:
        if not isValid(self):
            return
        recipient, kit_types = self._duplicate_query()
        self._show_duplicates(rows, recipient, kit_types)
        if self._duplicates and self._duplicate_key not in self._duplicate_confirmed:
            self._busy = False
            self._refresh()
            self._set_status(
                self.tr("This looks like a repeat order. Check “Order anyway” to place it."),
                _WARN_COLORS,
            )
            self.duplicate_confirm.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self._send()

    def _on_submit_duplicates_failed(self, exc: BaseException) -> None:
        # The synced list is a convenience; failing to read it must not stop an order.
        log.warning("duplicate check failed before submit: %s", type(exc).__name__)
        if isValid(self):
            self._send()

    def _send(self) -> None:
        try:
            order = self._build_order()
        except ValueError as exc:
            log.warning("order could not be built: %s", type(exc).__name__)
            self._busy = False
            self._refresh()
            self._set_status(
                self.tr("This order can't be sent as it is; check the fields."), _WARN_COLORS
            )
            return
        self._state_before_send = self._state
        self._set_state("sending")
        self._set_status(self.tr("Sending the order to Spot…"), _INFO_COLORS)
        outbox = self._session.outbox
        if self._state_before_send == "needs_attention" and self._item_id is not None:
            self._runner.run(
                outbox.resubmit,
                self._item_id,
                order,
                on_success=self._on_queued,
                on_error=self._on_queue_failed,
            )
        else:
            self._runner.run(
                outbox.submit, order, on_success=self._on_queued, on_error=self._on_queue_failed
            )

    def _on_queued(self, item: Any) -> None:
        if not isValid(self):
            return
        self._busy = False
        item_id = str(item.item_id)
        self._item_id = item_id
        # The outbox holds the order now; the draft has done its job.
        self._discard_draft(self.draft_id)
        self.order_queued.emit(item_id)
        latest = self._latest_items.get(item_id, item)
        self._show_item(latest)

    def _on_queue_failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self._busy = False
        self._set_state(self._state_before_send)
        error = describe_error(exc)
        self._set_status(
            self.tr("The order was not saved: %1. %2 Your typing is kept; try again.")
            .replace("%1", error.title)
            .replace("%2", error.advice),
            _WARN_COLORS,
        )

    # --- following the outbox item -------------------------------------------------------

    def _subscribe_outbox(self) -> Callable[[], None] | None:
        subscribe = getattr(self._session.outbox, "subscribe", None)
        if subscribe is None:
            return None
        on_gui = call_on_gui(self._on_outbox_item_changed)
        result = subscribe(on_gui)
        if callable(result):
            unsubscribe: Callable[[], None] = result
        else:
            outbox = self._session.outbox

            def unsubscribe() -> None:
                remove = getattr(outbox, "unsubscribe", None)
                if remove is not None:
                    remove(on_gui)

        self.destroyed.connect(lambda _=None: unsubscribe())
        return unsubscribe

    def _on_outbox_item_changed(self, item: Any) -> None:
        if not isValid(self):
            return
        item_id = str(getattr(item, "item_id", ""))
        if self._state not in ("sending", "queued", "sent") and item_id != self._item_id:
            return
        if self._item_id is None:
            # Our submit has not returned yet; keep the news for when it does.
            self._latest_items[item_id] = item
            return
        if item_id == self._item_id:
            self._show_item(item)

    def _show_item(self, item: Any) -> None:
        state = str(getattr(item, "state", ""))
        if state == "sent":
            order_id = str(getattr(item, "order_id", "") or "")
            self._set_state("sent")
            self._set_status(
                self.tr("Order %1 placed. Spot will ship the kits.").replace("%1", order_id),
                _GOOD_COLORS,
            )
            self._show_actions(another=True, new=True)
            self.another_button.setFocus(Qt.FocusReason.OtherFocusReason)
            self.order_placed.emit(order_id)
        elif state == "needs_attention":
            self._show_needs_attention(item)
        elif state == "queued" and getattr(item, "last_error", None):
            self._set_state("queued")
            self._set_status(
                self.tr(
                    "Not sent yet: %1 The order is queued on this computer and will be sent "
                    "automatically. You can close this window."
                ).replace("%1", str(item.last_error).rstrip(".") + "."),
                _WARN_COLORS,
            )
            self._show_actions(another=False, new=True)
        else:
            self._set_state("sending")
            self._set_status(self.tr("Sending the order to Spot…"), _INFO_COLORS)

    def _show_needs_attention(self, item: Any) -> None:
        self._set_state("needs_attention")
        errors: Mapping[str, Sequence[str]] = getattr(item, "field_errors", None) or {}
        recipient_errors: dict[str, list[str]] = {}
        other: list[str] = []
        for path, messages in errors.items():
            field = path.removeprefix("recipient.")
            texts = [str(m) for m in messages]
            if path.startswith("kit_types"):
                self.kits.set_server_error(" ".join(texts))
            elif path.startswith("metadata"):
                other.extend(f"{self.tr('Metadata')}: {t}" for t in texts)
            elif field.split("[")[0] in self.fields.messages:
                recipient_errors[field.split("[")[0]] = texts
            else:
                other.extend(f"{path}: {t}" if path else t for t in texts)
        unmatched = self.fields.set_server_errors(recipient_errors)
        other.extend(f"{p}: {t}" for p, ts in unmatched.items() for t in ts)
        if errors:
            text = self.tr("Spot did not accept this order. Fix what is marked and send it again.")
        else:
            text = str(
                getattr(item, "last_error", "") or self.tr("Spot did not accept this order.")
            )
        if other:
            text += "\n" + "\n".join(other)
        self._set_status(text, _WARN_COLORS)
        self._refresh()
        if not self.fields.focus_first_problem() and self.kits.problems():
            self.kits.combo(0).setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_state(self, state: str) -> None:
        self._state = state
        editable = state in ("editing", "needs_attention")
        self.fields.set_read_only(not editable)
        self.kits.set_read_only(not editable)
        self.metadata.set_read_only(not editable)
        self.duplicate_confirm.setEnabled(editable)
        if editable:
            self._show_actions(another=False, new=False)
        self._refresh()

    def _set_status(self, text: str, colors: tuple[str, str]) -> None:
        self.status.setText(text)
        self.status_bar.setStyleSheet(_BAR_STYLE % ("status_bar", *colors))
        self.status_bar.show()
        if self._state in ("editing", "needs_attention"):
            self._show_actions(another=False, new=False)

    def _show_actions(self, *, another: bool, new: bool) -> None:
        self.another_button.setVisible(another)
        self.new_button.setVisible(new)
        self.after_actions.setVisible(another or new)

    def status_text(self) -> str:
        return self.status.text() if not self.status_bar.isHidden() else ""

    # --- after a placed order ------------------------------------------------------------

    @Slot()
    def _on_another_clicked(self) -> None:
        self._start_fresh(keep_recipient=True)

    @Slot()
    def _on_new_clicked(self) -> None:
        self._start_fresh(keep_recipient=False)

    def _start_fresh(self, *, keep_recipient: bool, discard_draft: bool = False) -> None:
        if discard_draft:
            self._discard_draft(self.draft_id)
        recipient = self.fields.recipient() if keep_recipient else None
        self._autosave.stop()
        self._new_draft_id()
        self._item_id = None
        self._latest_items.clear()
        self._busy = False
        self._duplicates = []
        self._duplicate_key = None
        self.duplicate_bar.hide()
        self._set_state("editing")
        self.fields.clear()
        if recipient is not None:
            self.fields.set_recipient(recipient)
        self.kits.clear()
        self.metadata.set_metadata({})
        self.metadata_toggle.setChecked(False)
        self.status_bar.hide()
        self._autosave.stop()
        self._refresh()
        if keep_recipient:
            self.kits.combo(0).setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.focus_first_field()

    def _new_draft_id(self) -> None:
        old, self._draft_ref[0] = self._draft_ref[0], uuid.uuid4().hex
        OPEN_DRAFTS.switch(old, self._draft_ref[0])

    # --- confirm dialogs -----------------------------------------------------------------

    def _ask(self, title: str, text: str, accept_text: str, on_accept: Callable[[], None]) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        accept = box.addButton(accept_text, QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("&Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        accept.setObjectName("confirm_accept")
        keep.setObjectName("confirm_keep")

        def finished() -> None:
            chosen = box.clickedButton()
            self.confirm_box = None
            box.deleteLater()
            if chosen is accept:
                on_accept()

        box.finished.connect(finished)
        self.confirm_box = box
        box.open()

    def _discard_and_leave(self) -> None:
        self._discard_draft(self.draft_id)
        self._start_fresh(keep_recipient=False)
        self.discarded.emit()

    # --- drafts --------------------------------------------------------------------------

    def _draft_data(self) -> dict[str, Any]:
        return {
            "recipient": self.fields.recipient(),
            "kits": [[kit_type, count] for kit_type, count in self.kits.choices()],
            "metadata": self.metadata.metadata(),
            "saved_at": datetime.now(UTC).isoformat(),
        }

    @Slot()
    def _on_autosave_timeout(self) -> None:
        if self._state != "editing":
            return
        draft_id = self.draft_id
        if self.is_empty():
            self._discard_draft(draft_id)
            self._new_draft_id()  # a discarded id is never written again
            return
        self._runner.run(
            self._draft_writer.save,
            draft_id,
            self._draft_data(),
            on_error=self._on_draft_save_failed,
            key=f"draft:{draft_id}",
        )

    def flush_draft(self) -> None:
        """Save now instead of after the debounce (closing the window, tests)."""
        if self._autosave.isActive():
            self._autosave.stop()
            try:
                self._on_autosave_timeout()
            except RuntimeError:
                # The runner is already shut down (app exit): the last autosave stands.
                log.warning("draft not flushed: the task runner has stopped")

    def _on_draft_save_failed(self, exc: BaseException) -> None:
        log.warning("draft autosave failed: %s", type(exc).__name__)
        if isValid(self) and self._state in ("editing", "needs_attention"):
            error = describe_error(exc)
            self._set_status(
                self.tr("Autosave failed: %1. Keep this window open until the order is placed.")
                .replace("%1", error.title),
                _WARN_COLORS,
            )

    def _discard_draft(self, draft_id: str) -> None:
        self._runner.run(
            self._draft_writer.discard,
            draft_id,
            on_error=lambda exc: log.warning("draft discard failed: %s", type(exc).__name__),
            key=f"draft:{draft_id}",
        )

    def _on_drafts_loaded(self, drafts: Mapping[str, Mapping[str, Any]]) -> None:
        if not isValid(self):
            return
        candidates = [
            (draft_id, dict(data))
            for draft_id, data in drafts.items()
            if draft_id not in OPEN_DRAFTS and isinstance(data, Mapping)
        ]
        candidates.sort(key=lambda item: str(item[1].get("saved_at", "")), reverse=True)
        self._restorable = candidates
        self._offer_next_draft()

    def _on_drafts_load_failed(self, exc: BaseException) -> None:
        log.warning("drafts could not be read: %s", type(exc).__name__)

    def _offer_next_draft(self) -> None:
        if not self._restorable:
            self.restore_bar.hide()
            return
        _, data = self._restorable[0]
        recipient = data.get("recipient") if isinstance(data.get("recipient"), Mapping) else {}
        assert isinstance(recipient, Mapping)
        saved = str(data.get("saved_at", ""))
        try:
            when = datetime.fromisoformat(saved).astimezone().strftime("%Y-%m-%d %H:%M")
        except ValueError:
            when = self.tr("an earlier session")
        name = f"{recipient.get('first_name', '')} {recipient.get('last_name', '')}".strip()
        self.restore_label.setText(
            self.tr("An order from %1 was not sent%2. Restore it?")
            .replace("%1", when)
            .replace("%2", self.tr(" (for %1)").replace("%1", name) if name else "")
        )
        self.restore_bar.show()

    @Slot()
    def _on_restore_clicked(self) -> None:
        if not self._restorable:
            return
        draft_id, data = self._restorable.pop(0)
        if self.is_empty():
            self._discard_draft(self.draft_id)
        old, self._draft_ref[0] = self._draft_ref[0], draft_id
        OPEN_DRAFTS.switch(old, draft_id)
        recipient = data.get("recipient")
        self.fields.set_recipient(recipient if isinstance(recipient, Mapping) else {})
        self.fields.reveal_all()
        kits = data.get("kits")
        self.kits.set_choices(
            [k for k in kits if isinstance(k, Sequence) and len(k) == 2]
            if isinstance(kits, list)
            else []
        )
        metadata = data.get("metadata")
        self.metadata.set_metadata(metadata if isinstance(metadata, Mapping) else {})
        if self.metadata.metadata():
            self.metadata_toggle.setChecked(True)
        self._restorable = [(i, d) for i, d in self._restorable if i != draft_id]
        self._offer_next_draft()
        self._autosave.stop()
        self._refresh()
        self._duplicate_timer.start()
        self.focus_first_field()

    @Slot()
    def _on_restore_discard_clicked(self) -> None:
        if not self._restorable:
            return
        draft_id, _ = self._restorable.pop(0)
        self._discard_draft(draft_id)
        self._offer_next_draft()
        self.focus_first_field()

    def restore_offered(self) -> bool:
        return not self.restore_bar.isHidden()

    # --- misc ----------------------------------------------------------------------------

    @Slot()
    def _on_recipient_return(self) -> None:
        self.focusNextChild()

    @Slot(bool)
    def _on_metadata_toggled(self, shown: bool) -> None:
        self.metadata.setVisible(shown)
        self.metadata_toggle.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        if shown:
            self.metadata.key_edit(0).setFocus(Qt.FocusReason.OtherFocusReason)


class NewOrderDialog(QDialog):
    """A non-modal window around ``NewOrderForm``; Esc and closing ask before losing typing."""

    def __init__(
        self, session: OrderSession, runner: Runner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New order"))
        self.setModal(False)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.form = NewOrderForm(session, runner, self)
        self.form.discarded.connect(self._on_form_discarded)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.form)
        self._may_close = False
        self.resize(720, 760)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.form.focus_first_field()

    def reject(self) -> None:
        # Esc reaches here only when the form's own shortcut did not take it.
        self.form.request_discard()

    def closeEvent(self, event: QCloseEvent) -> None:
        # A close the user did not start (the main window quitting) keeps the draft without
        # asking: it is offered back the next time a new-order window opens.
        if self._may_close or not self.form.needs_discard_confirm() or not event.spontaneous():
            self.form.flush_draft()
            event.accept()
            return
        event.ignore()
        self.form.request_discard()

    @Slot()
    def _on_form_discarded(self) -> None:
        self._may_close = True
        self.close()
