"""Find a kit by its barcode: a field a USB scanner can type into, then a jump to the kit's order.

A scanner "types" the barcode and presses Enter. The ID is trimmed and upper-cased, looked up
with get kit off the GUI thread, and ``kit_found(kit_id, order_id)`` tells the window which
order to open. A miss is said plainly and the field keeps focus with the text selected, so the
next scan simply replaces it.

Get kit does not return the kit's order (SPEC §6.6), so ``locate_kit`` takes it from the
server's reply if present, else from the synced list, else from a bounded kit-list search.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Protocol

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.api import errors as api_errors
from app.api import models
from app.services.errors import describe_error
from app.tasks import Runner
from app.views.common.timeline import set_text_color
from app.views.theme import badge_colors

__all__ = ["FindKitBar", "FindKitSession", "KitNotInOrder", "locate_kit", "normalize_kit_id"]

_KIT_ID = re.compile(r"^[A-Z0-9][A-Z0-9_-]{2,39}$")
_SEARCH_PAGES = 20  # × 100 kits: enough for a kit of a known type and date, never endless


class _KitSource(Protocol):
    def find_kit(self, kit_id: str) -> models.Kit: ...


class _KitLister(Protocol):
    def list_kits(
        self,
        *,
        kit_type: str | None = ...,
        created_after: str | None = ...,
        results: int = ...,
        offset: int = ...,
    ) -> list[models.KitSummary]: ...


class _KitIndex(Protocol):
    def kit(self, kit_id: str) -> _KnownKit | None: ...


class _KnownKit(Protocol):
    @property
    def order_id(self) -> str | None: ...


class FindKitSession(Protocol):
    """What the bar needs from ``app.services.session.Session``."""

    @property
    def sync(self) -> _KitSource: ...

    @property
    def store(self) -> _KitIndex: ...

    @property
    def client(self) -> _KitLister: ...


class KitNotInOrder(Exception):
    """The kit exists but belongs to no order we can see (a retail kit)."""


def normalize_kit_id(text: str) -> str:
    """What a scanner or a person typed, as a kit ID: trimmed, no inner spaces, upper case."""
    return "".join(text.split()).upper()


def locate_kit(session: FindKitSession, kit_id: str) -> tuple[models.Kit, str]:
    """The kit and its order id. Blocking (network): run it through the task runner.

    Raises ``app.api.errors.NotFound`` for an unknown kit and ``KitNotInOrder`` when no order
    has it.
    """
    kit = session.sync.find_kit(kit_id)
    extra = (kit.model_extra or {}).get("order_id")
    if isinstance(extra, str) and extra:
        return kit, extra
    known = session.store.kit(kit_id)
    if known is not None and known.order_id:
        return kit, known.order_id
    # Not synced yet (a kit fulfilled minutes ago): search kits of its type from its first day.
    first = min((e.created for e in kit.events if e.created is not None), default=None)
    created_after = (first - timedelta(days=1)).date().isoformat() if first else None
    for page in range(_SEARCH_PAGES):
        summaries = session.client.list_kits(
            kit_type=kit.type, created_after=created_after, results=100, offset=page * 100
        )
        for summary in summaries:
            if summary.kit_id == kit.kit_id and summary.order_id:
                return kit, summary.order_id
        if len(summaries) < 100:
            break
    raise KitNotInOrder(kit_id)


class FindKitBar(QWidget):
    """"Find kit" field + button + a one-line answer. ``focus_field()`` for the Ctrl+K action."""

    kit_found = Signal(str, str)

    def __init__(
        self, session: FindKitSession, runner: Runner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._runner = runner
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
        if not _KIT_ID.match(kit_id):
            self._say(
                self.tr("“%1” doesn't look like a kit ID (letters and digits, like SPOT123456).")
                .replace("%1", kit_id[:60]),
                warning=True,
            )
            self._keep_focus()
            return
        self._pending = kit_id
        self._say(self.tr("Looking up kit %1…").replace("%1", kit_id), warning=False)
        self._runner.run(
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
        self.kit_found.emit(kit.kit_id, order_id)

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
        if warning:
            set_text_color(self.message, badge_colors("warning", self.palette())[1])
        else:
            self.message.setPalette(self.palette())
        self.message.show()
