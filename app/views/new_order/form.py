"""The new-order form: recipient, kit types and metadata, checked while the patient is at the desk.

Local checks come from ``app.validation`` (errors block, warnings need "Ship anyway" for that
value). Submit writes the order to the durable outbox (``session.outbox``), which sends it; the
form follows the outbox item and shows the new order id, the server's 400 messages on their
fields, or "queued, will be sent" when Spot can't be reached. What is typed autosaves as a draft
(``session.drafts``, debounced, off the GUI thread) and is offered back after a crash.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, ClassVar

from PySide6.QtCore import QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.services.errors import describe_error
from app.services.printing.from_spot import person_name
from app.services.printing.handout import Handout, HandoutKit
from app.tasks import OwnedTasks, Runner
from app.validation import normalize_recipient
from app.views.common.address_fields import RecipientFields
from app.views.common.confirm import ask_to_confirm
from app.views.common.focus import chain_tab_order
from app.views.common.message_strip import strip_style
from app.views.common.window_fit import fit_to_screen, scrolling
from app.views.i18n import finding_text
from app.views.new_order.bars import (
    GOOD_COLORS,
    INFO_COLORS,
    WARN_COLORS,
    DuplicateBar,
    OrderStatusBar,
    RestoreBar,
    form_button,
)
from app.views.new_order.drafts import FormDrafts, outbox_item_data
from app.views.new_order.keys import EnterSubmits
from app.views.new_order.notes import NotesSection
from app.views.new_order.submission import (
    OrderSession,
    OrderSubmission,
    duplicate_query,
    find_recent_duplicates,
)
from app.views.new_order.summary import blocked_text, summary_text

__all__ = ["KitPicker", "NewOrderDialog", "NewOrderForm"]

log = logging.getLogger(__name__)

MAX_KITS_PER_TYPE = 10
_INFO_COLORS, _WARN_COLORS, _GOOD_COLORS = INFO_COLORS, WARN_COLORS, GOOD_COLORS


# --- what the form needs from the session (the real Session, or a test fake) -------------




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
        policy = self.message.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # "Choose a kit type" doesn't push the rest down
        self.message.setSizePolicy(policy)
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.add_button = form_button(self.tr("Add another &kit type"), "kit_add", self)
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
            row.quantity.setEnabled(not read_only)
            row.remove.setEnabled(not read_only)
        self.add_button.setEnabled(not read_only)

    def focus_chain(self) -> list[QWidget]:
        return [*self.editors(), self.add_button]

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
    #: "Print hand-out…" after the order was placed (a Handout for it).
    print_handout_requested = Signal(object)
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
        self._tasks = OwnedTasks(runner, self)
        self._state = "editing"  # editing | sending | queued | sent | needs_attention
        self._blocked_shown = False  # the status bar holds "Fix the N problems…"
        self._placed: Handout | None = None  # once Spot accepted the order: its hand-out
        self._build()
        self.drafts = FormDrafts(
            session.drafts, runner, self.restore_bar, delay_ms=self.AUTOSAVE_DELAY_MS,
            data=self._draft_data, is_empty=self.is_empty,
            editing=lambda: self._state == "editing", parent=self,
        )
        self.drafts.restored.connect(self._on_draft_restored)
        self.drafts.offer_discarded.connect(self.focus_first_field)
        self.drafts.save_failed.connect(self._on_draft_save_failed)
        self._duplicate_timer = QTimer(self)
        self._duplicate_timer.setSingleShot(True)
        self._duplicate_timer.setInterval(self.DUPLICATE_CHECK_DELAY_MS)
        self._duplicate_timer.timeout.connect(self._check_duplicates)
        self.submission = OrderSubmission(self, session, runner, self)
        self._refresh()
        self.drafts.load()

    # --- construction --------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 4, 0)
        outer.addWidget(scrolling(body, self), 1)

        self.restore_bar = RestoreBar(body)
        self.restore_button = self.restore_bar.restore_button
        self.restore_discard_button = self.restore_bar.discard_button
        self.restore_label = self.restore_bar.label
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

        notes = NotesSection(body)
        self.metadata_toggle, self.metadata = notes.toggle, notes.editor
        self.metadata.changed.connect(self._on_form_changed)
        layout.addWidget(notes)

        self.duplicate_bar = DuplicateBar(body)
        self.duplicate_label = self.duplicate_bar.label
        self.duplicate_confirm = self.duplicate_bar.confirm
        self.duplicate_bar.confirmation_changed.connect(self._refresh)
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

        self.status_bar = OrderStatusBar(self)
        self.status = self.status_bar.label
        self.another_button = self.status_bar.another_button
        self.new_button = self.status_bar.new_button
        self.handout_button = self.status_bar.handout_button
        self.handout_button.clicked.connect(self._on_handout_clicked)
        self.order_placed.connect(self._on_order_placed)
        self.another_button.clicked.connect(self._on_another_clicked)
        self.new_button.clicked.connect(self._on_new_clicked)
        outer.addWidget(self.status_bar)

        buttons = QHBoxLayout()
        self.problem_count = QLabel(self)
        self.problem_count.setObjectName("problem_count")
        buttons.addWidget(self.problem_count, 1)
        self.submit_button = form_button(self.tr("&Place order"), "submit_button", self)
        self.submit_button.setToolTip(self.tr("Place the order (Ctrl+Enter)"))
        self.submit_button.clicked.connect(self.submit)
        buttons.addWidget(self.submit_button)
        self.close_button = form_button(self.tr("Close"), "close_button", self)
        self.close_button.setToolTip(self.tr("Close this window (Esc)"))
        self.close_button.clicked.connect(self.request_discard)
        buttons.addWidget(self.close_button)
        outer.addLayout(buttons)

        # Keyboard: Enter moves on through the recipient fields, submits from the last ones.
        for editor in self.fields.editors.values():
            if isinstance(editor, QLineEdit):
                editor.returnPressed.connect(self.focusNextChild)
        self._enter_submits = EnterSubmits(self.submit, self)
        self._install_submit_keys()
        self.kits.changed.connect(self._install_submit_keys)
        self.metadata.changed.connect(self._install_submit_keys)
        self._apply_tab_order()
        # Rows added later (a second kit type, a restored draft) would go to the end of Tab.
        self.kits.changed.connect(self._apply_tab_order)
        self.metadata.changed.connect(self._apply_tab_order)
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

    @Slot()
    def _apply_tab_order(self) -> None:
        """Tab follows the reading order, top to bottom."""
        chain_tab_order([
            self.restore_button, self.restore_discard_button,
            *self.fields.focus_chain(),
            *self.kits.focus_chain(),
            self.metadata_toggle, *self.metadata.focus_chain(),
            self.duplicate_confirm,
            self.another_button, self.new_button,
            self.submit_button, self.close_button,
        ])

    def _install_submit_keys(self) -> None:
        metadata = self.metadata
        self._enter_submits.watch([*self.kits.editors(), *(
            edit for index in range(metadata.row_count())
            for edit in (metadata.key_edit(index), metadata.value_edit(index))
        )])

    # --- public API ----------------------------------------------------------------------

    @property
    def state(self) -> str:
        return self._state

    @property
    def draft_id(self) -> str:
        return self.drafts.draft_id

    def prefill(self, recipient: dict[str, Any]) -> None:
        """Start from a known recipient (e.g. "order again" from the order list)."""
        self.fields.set_recipient(recipient)

    def edit_outbox_item(self, item: Any) -> None:
        """Fix and resend an outbox item: its order on the fields, Spot's errors on them."""
        self._on_draft_restored(outbox_item_data(item))
        self.submission.adopt(item)

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
        if self.duplicate_bar.unconfirmed:
            problems.append(self.duplicate_label.text())
        return problems

    @Slot()
    def submit(self) -> None:
        """Place the order (Submit button, Enter from the last field, Ctrl+Enter)."""
        if self.submission.busy or self._state not in ("editing", "needs_attention"):
            return
        self.drafts.stop()
        self.fields.reveal_all()
        self.kits.reveal()
        if self.blocking_problems():
            self._show_blocked()
            return
        self.submission.start()

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
        if self.duplicate_bar.unconfirmed:
            warnings += 1
        return errors, warnings

    def _blocked_text(self) -> str:
        """What stops "Place order" now, as a status line; empty once nothing does."""
        return blocked_text(*self._problem_counts())

    def _show_blocked(self) -> None:
        self._set_status(self._blocked_text(), _WARN_COLORS)
        self._blocked_shown = True
        if not self.fields.focus_first_problem():
            if self.kits.problems():
                self.kits.combo(0).setFocus(Qt.FocusReason.OtherFocusReason)
            elif self.duplicate_bar.rows:
                self.duplicate_confirm.setFocus(Qt.FocusReason.OtherFocusReason)

    def _follow_blocked(self) -> None:
        """A shown "Fix the 5 problems" counts down as they are fixed and goes at none."""
        if not self._blocked_shown:
            return
        text = self._blocked_text() if self._state in ("editing", "needs_attention") else ""
        if text:
            self._set_status(text, _WARN_COLORS)
            self._blocked_shown = True
        else:
            self._blocked_shown = False
            self.status_bar.hide()

    @Slot()
    def _on_form_changed(self) -> None:
        if self._state not in ("editing", "needs_attention"):
            return
        if self._state == "editing":
            # Not once the outbox holds the order: a restored copy would be a second order.
            self.drafts.schedule()
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
        self.submit_button.setEnabled(editable and not self.submission.busy)
        self.submit_button.setText(
            self.tr("Sending…")
            if self.submission.busy
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
        self._follow_blocked()
        self._update_summary()

    def _update_summary(self) -> None:
        if any(f.severity == "error" for f in self.fields.findings()):
            # A half-typed recipient reads as noise here; show it once it can be sent.
            self.summary.setText(self.tr("Shown here once the fields above are complete."))
            return
        self.summary.setText(summary_text(
            normalize_recipient(self.fields.recipient()),
            [(self.kits.name_for(kit_type), count) for kit_type, count in self.kits.choices()],
            self.metadata.metadata(),
        ))

    # --- duplicates ----------------------------------------------------------------------

    @Slot()
    def _check_duplicates(self) -> None:
        if self._state not in ("editing", "needs_attention"):
            return
        recipient, kit_types = duplicate_query(self.fields.recipient(), self.kits.kit_types())
        self._tasks.run(
            find_recent_duplicates,
            self._session.store,
            recipient,
            kit_types,
            on_success=lambda rows: self._show_duplicates(rows, recipient, kit_types),
            on_error=lambda exc: log.warning("duplicate check failed: %s", type(exc).__name__),
            key=f"order-duplicates:{id(self)}",
        )

    def _show_duplicates(
        self, rows: list[Any], recipient: dict[str, str], kit_types: list[str]
    ) -> None:
        if not isValid(self):
            return
        self.duplicate_bar.show_rows(rows, _identity(recipient), kit_types, self.kits.name_for)
        self._refresh()

    def _set_state(self, state: str) -> None:
        self._state = state
        editable = state in ("editing", "needs_attention")
        self.fields.set_read_only(not editable)
        self.kits.set_read_only(not editable)
        self.metadata.set_read_only(not editable)
        self.metadata.setEnabled(editable)
        self.duplicate_confirm.setEnabled(editable)
        if editable:
            self._show_actions(another=False, new=False)
        self._refresh()

    def _set_status(self, text: str, colors: tuple[str, str]) -> None:
        self._blocked_shown = False
        self.status_bar.show_text(text, colors)
        if self._state in ("editing", "needs_attention"):
            self._show_actions(another=False, new=False)

    def _show_actions(self, *, another: bool, new: bool) -> None:
        self.status_bar.show_actions(
            another=another, new=new, handout=another and self._placed is not None
        )

    def status_text(self) -> str:
        return self.status_bar.text()

    # --- after a placed order ------------------------------------------------------------

    @Slot(str)
    def _on_order_placed(self, order_id: str) -> None:
        # The fields still show what was sent (read-only until "Another"/"New order").
        recipient = self.fields.recipient()
        self._placed = Handout(
            person_name(recipient.get("first_name"), recipient.get("last_name")),
            order_id or None,
            tuple(HandoutKit(kit_type) for kit_type in self.kits.kit_types()),
        )
        self._show_actions(another=True, new=True)

    @Slot()
    def _on_handout_clicked(self) -> None:
        if self._placed is not None:
            self.print_handout_requested.emit(self._placed)

    @Slot()
    def _on_another_clicked(self) -> None:
        self._start_fresh(keep_recipient=True)

    @Slot()
    def _on_new_clicked(self) -> None:
        self._start_fresh(keep_recipient=False)

    def _start_fresh(self, *, keep_recipient: bool, discard_draft: bool = False) -> None:
        if discard_draft:
            self.drafts.discard()
        recipient = self.fields.recipient() if keep_recipient else None
        self._placed = None
        self.drafts.stop()
        self.drafts.new_id()
        self.submission.reset()
        self.duplicate_bar.clear()
        self._set_state("editing")
        self.fields.clear()
        if recipient is not None:
            self.fields.set_recipient(recipient)
        self.kits.clear()
        self.metadata.set_metadata({})
        self.metadata_toggle.setChecked(False)
        self.status_bar.hide()
        self.drafts.stop()
        self._refresh()
        if keep_recipient:
            self.kits.combo(0).setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.focus_first_field()

    # --- confirm dialogs -----------------------------------------------------------------

    def _ask(self, title: str, text: str, accept_text: str, on_accept: Callable[[], None]) -> None:
        self.confirm_box = ask_to_confirm(
            self, title, text, accept_text, self.tr("&Keep editing"), on_accept,
            on_finished=lambda: setattr(self, "confirm_box", None),
        )

    def _discard_and_leave(self) -> None:
        self.drafts.discard()
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

    def _on_draft_save_failed(self, exc: BaseException) -> None:
        log.warning("draft autosave failed: %s", type(exc).__name__)
        if isValid(self) and self._state in ("editing", "needs_attention"):
            error = describe_error(exc)
            self._set_status(
                self.tr("Autosave failed: %1. Keep this window open until the order is placed.")
                .replace("%1", error.title),
                _WARN_COLORS,
            )

    @Slot(dict)
    def _on_draft_restored(self, data: dict[str, Any]) -> None:
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
        self.drafts.stop()
        self._refresh()
        self._duplicate_timer.start()
        self.focus_first_field()

    def flush_draft(self) -> None:
        """Save now instead of after the pause (closing the window, tests)."""
        self.drafts.flush()

    def restore_offered(self) -> bool:
        return self.drafts.offered()



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
        fit_to_screen(self, QSize(720, 760))

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
