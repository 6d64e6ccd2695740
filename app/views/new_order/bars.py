"""The order form's message bars: a draft to restore, a possible duplicate, the order's fate.

Each is a tinted frame that shows and hides itself; the form decides when. Their texts are
translated under the form's context ("NewOrderForm"), where the French catalogue has them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.views.common.focus import print_on_ctrl_p
from app.views.common.formatting import local_time

__all__ = [
    "GOOD_COLORS",
    "INFO_COLORS",
    "WARN_COLORS",
    "DuplicateBar",
    "OrderStatusBar",
    "RestoreBar",
    "form_button",
    "tinted_bar",
]

_BAR_STYLE = "QFrame#%s { background: %s; border: 1px solid %s; border-radius: 4px; }"
INFO_COLORS = ("rgba(37, 99, 235, 0.12)", "rgba(37, 99, 235, 0.5)")
WARN_COLORS = ("rgba(217, 119, 6, 0.15)", "rgba(217, 119, 6, 0.6)")
GOOD_COLORS = ("rgba(22, 163, 74, 0.14)", "rgba(22, 163, 74, 0.6)")


def tinted_bar(frame: QFrame, name: str, colors: tuple[str, str]) -> None:
    frame.setObjectName(name)
    frame.setStyleSheet(_BAR_STYLE % (name, *colors))


def form_button(text: str, name: str, parent: QWidget) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    # No default buttons: Enter is handled by the form (next field, or submit from the last).
    button.setAutoDefault(False)
    button.setDefault(False)
    return button


class RestoreBar(QFrame):
    """"An order from … was not sent. Restore it?" with Restore and Discard it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        tinted_bar(self, "restore_bar", INFO_COLORS)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.restore_button = form_button(
            QCoreApplication.translate("NewOrderForm", "&Restore"), "restore_button", self
        )
        self.discard_button = form_button(
            QCoreApplication.translate("NewOrderForm", "Discard &it"), "restore_discard_button",
            self,
        )
        layout.addWidget(self.label, 1)
        layout.addWidget(self.restore_button)
        layout.addWidget(self.discard_button)
        self.hide()

    def offer(self, data: dict[str, Any]) -> None:
        """Offer one saved draft (its recipient's name and when it was saved)."""
        recipient = data.get("recipient")
        recipient = recipient if isinstance(recipient, dict) else {}
        saved = str(data.get("saved_at", ""))
        try:
            when = local_time(datetime.fromisoformat(saved)).strftime("%Y-%m-%d %H:%M")
        except ValueError:
            when = QCoreApplication.translate("NewOrderForm", "an earlier session")
        name = f"{recipient.get('first_name', '')} {recipient.get('last_name', '')}".strip()
        self.label.setText(
            QCoreApplication.translate(
                "NewOrderForm", "An order from %1 was not sent%2. Restore it?"
            ).replace("%1", when)
            .replace(
                "%2",
                QCoreApplication.translate("NewOrderForm", " (for %1)").replace("%1", name)
                if name else "",
            )
        )
        self.show()


class DuplicateBar(QFrame):
    """"Possible duplicate: … was already ordered" with an "Order anyway" confirmation that
    is remembered per (patient, kit types, matching orders)."""

    confirmation_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        tinted_bar(self, "duplicate_bar", WARN_COLORS)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel(self)
        self.label.setObjectName("duplicate_label")
        self.label.setWordWrap(True)
        self.confirm = QCheckBox(
            QCoreApplication.translate("NewOrderForm", "Order &anyway"), self
        )
        self.confirm.setObjectName("confirm:duplicate")
        self.confirm.toggled.connect(self._on_confirm_toggled)
        layout.addWidget(self.label)
        layout.addWidget(self.confirm)
        self.rows: list[Any] = []
        self._key: tuple[Any, ...] | None = None
        self._confirmed: set[tuple[Any, ...]] = set()
        self.hide()

    @property
    def unconfirmed(self) -> bool:
        """Duplicates are shown and "Order anyway" is not ticked for them."""
        return bool(self.rows) and self._key not in self._confirmed

    def clear(self) -> None:
        self.rows, self._key = [], None
        self.hide()

    def show_rows(
        self, rows: Sequence[Any], identity: tuple[str, ...], kit_types: list[str],
        name_for: Callable[[str], str],
    ) -> None:
        """Show the newest matching order (or hide for none)."""
        self.rows = list(rows)
        if not rows:
            self.clear()
            return
        self._key = (
            identity, tuple(kit_types), tuple(str(getattr(row, "order_id", "")) for row in rows)
        )
        newest = rows[0]
        overlap = [t for t in getattr(newest, "kit_types", ()) if t in kit_types] or kit_types
        names = ", ".join(dict.fromkeys(name_for(t) for t in overlap))
        created = getattr(newest, "created", None)
        when = local_time(created).strftime("%Y-%m-%d") if isinstance(created, datetime) else "?"
        text = (
            QCoreApplication.translate(
                "NewOrderForm",
                "Possible duplicate: %1 was already ordered for this patient on %2 (order %3).",
            )
            .replace("%1", names)
            .replace("%2", when)
            .replace("%3", str(getattr(newest, "order_id", "")))
        )
        if len(rows) > 1:
            text += " " + QCoreApplication.translate(
                "NewOrderForm", "%1 similar orders in the last 30 days."
            ).replace("%1", str(len(rows)))
        self.label.setText(text)
        self.confirm.blockSignals(True)
        self.confirm.setChecked(self._key in self._confirmed)
        self.confirm.blockSignals(False)
        self.show()

    def _on_confirm_toggled(self, checked: bool) -> None:
        if self._key is None:
            return
        if checked:
            self._confirmed.add(self._key)
        else:
            self._confirmed.discard(self._key)
        self.confirmation_changed.emit()


class OrderStatusBar(QFrame):
    """What happened to the order, and after a placed one "Print hand-out…", "Another order
    for this patient" and "New order"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        tinted_bar(self, "status_bar", INFO_COLORS)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        self.label = QLabel(self)
        self.label.setObjectName("status")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label)
        self.after_actions = QWidget(self)
        after = QHBoxLayout(self.after_actions)
        after.setContentsMargins(0, 0, 0, 0)
        self.another_button = form_button(
            QCoreApplication.translate("NewOrderForm", "&Another order for this patient"),
            "another_button", self,
        )
        self.new_button = form_button(
            QCoreApplication.translate("NewOrderForm", "&New order"), "new_button", self
        )
        # Ctrl+P, the usual Print key: every letter of "Print hand-out" is some field's Alt key.
        self.handout_button = form_button(
            QCoreApplication.translate("NewOrderForm", "Print hand-out…"), "handout_button", self
        )
        print_on_ctrl_p(self.handout_button)
        after.addWidget(self.handout_button)
        after.addWidget(self.another_button)
        after.addWidget(self.new_button)
        after.addStretch(1)
        layout.addWidget(self.after_actions)
        self.after_actions.hide()
        self.hide()

    def show_text(self, text: str, colors: tuple[str, str]) -> None:
        self.label.setText(text)
        tinted_bar(self, "status_bar", colors)
        self.show()

    def show_actions(self, *, another: bool, new: bool, handout: bool = False) -> None:
        self.handout_button.setVisible(handout)
        self.another_button.setVisible(another)
        self.new_button.setVisible(new)
        self.after_actions.setVisible(another or new or handout)

    def text(self) -> str:
        return self.label.text() if not self.isHidden() else ""
