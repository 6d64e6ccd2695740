"""Find a kit by its barcode: a field a USB scanner can type into, then a jump to the kit's order.

A scanner "types" the barcode and presses Enter. The ID is trimmed and upper-cased, looked up
with get kit off the GUI thread, and ``kit_found(KitFound)`` tells the window which
order to open. A miss is said plainly and the field keeps focus with the text selected, so the
next scan simply replaces it.

The lookup itself is ``app.services.kit_lookup.locate_kit``.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.api import errors as api_errors
from app.api import models
from app.services.errors import describe_error
from app.services.kit_lookup import (
    FindKitSession,
    KitNotInOrder,
    locate_kit,
    looks_like_kit_id,
    normalize_kit_id,
)
from app.tasks import OwnedTasks, Runner
from app.views.common.tone_colors import tone_text

__all__ = ["FindKitBar", "KitFound"]

@dataclass(frozen=True, slots=True)
class KitFound:
    """A scanned kit and the order it belongs to."""

    kit_id: str
    order_id: str


class FindKitBar(QWidget):
    """"Find kit" field + button + a one-line answer. ``focus_field()`` for the Ctrl+K action."""

    kit_found = Signal(object)  # KitFound

    def __init__(
        self, session: FindKitSession, runner: Runner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._runner = runner
        self._tasks = OwnedTasks(runner, self)
        self._key = f"find-kit-{id(self)}"
        self._pending: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        row = QHBoxLayout()
        label = QLabel(self.tr("Find &kit:"), self)
        row.addWidget(label)
        self.field = QLineEdit(self)
        self.field.setObjectName("find_kit_field")
        self.field.setPlaceholderText(self.tr("Scan or type a kit ID, e.g. SPOT123456"))
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName(self.tr("Kit ID"))
        label.setBuddy(self.field)
        row.addWidget(self.field, 1)
        self.find_button = QPushButton(self.tr("Find"), self)
        self.find_button.setObjectName("find_kit_button")
        self.find_button.setAutoDefault(False)
        row.addWidget(self.find_button)
        layout.addLayout(row)
        self.message = QLabel(self)
        self.message.setObjectName("find_kit_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        layout.addWidget(self.message)
        self.field.returnPressed.connect(self._on_field_return_pressed)
        self.find_button.clicked.connect(self._on_field_return_pressed)

    def set_session(self, session: FindKitSession) -> None:
        self._session = session

    def focus_field(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def lookup(self, text: str) -> None:
        """Look up ``text`` as if it had been scanned."""
        kit_id = normalize_kit_id(text)
        if not kit_id:
            return
        self.field.setText(kit_id)
        if not looks_like_kit_id(kit_id):
            self._say(
                self.tr("“%1” doesn't look like a kit ID (letters and digits, like SPOT123456).")
                .replace("%1", kit_id[:60]),
                warning=True,
            )
            self._keep_focus()
            return
        self._pending = kit_id
        self._say(self.tr("Looking up kit %1…").replace("%1", kit_id), warning=False)
        self._tasks.run(
            locate_kit,
            self._session,
            kit_id,
            on_success=self._on_kit_located,
            on_error=self._on_lookup_failed,
            key=self._key,
        )

    # --- slots ---------------------------------------------------------------------------

    @Slot()
    def _on_field_return_pressed(self) -> None:
        self.lookup(self.field.text())

    def _on_kit_located(self, located: tuple[models.Kit, str]) -> None:
        kit, order_id = located
        self._pending = None
        self._say(
            self.tr("Kit %1 is in order %2.").replace("%1", kit.kit_id).replace("%2", order_id),
            warning=False,
        )
        self.field.clear()
        self.kit_found.emit(KitFound(kit.kit_id, order_id))

    def _on_lookup_failed(self, exc: BaseException) -> None:
        kit_id = self._pending or self.field.text()
        self._pending = None
        if isinstance(exc, api_errors.NotFound):
            text = self.tr("No kit with ID %1 on this account.").replace("%1", kit_id)
        elif isinstance(exc, KitNotInOrder):
            text = self.tr("Kit %1 exists but isn't part of an order on this account.").replace(
                "%1", kit_id
            )
        else:
            error = describe_error(exc)
            text = error.sentence
        self._say(text, warning=True)
        self._keep_focus()

    def _keep_focus(self) -> None:
        # The next scan replaces the miss instead of being appended to it.
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.field.selectAll()

    def _say(self, text: str, *, warning: bool) -> None:
        self.message.setText(text)
        tone_text(self.message, "warning" if warning else None)
        self.message.show()
