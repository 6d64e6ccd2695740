"""What the order list's row menu asks of the window: open an order's report, register a kit
of an order (its patient prefilled from the order's recipient).

Both need the order's full record, which the kit panel loads when the order is selected:
the command waits for the panel to show that order, then runs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Slot

from app.views.common.events import ReportRequest

if TYPE_CHECKING:
    from app.api import models
    from app.services.session import Session
    from app.views.common.events import AppEvents
    from app.views.kit_panel.panel import KitTrackingPanel
    from app.views.shell.child_windows import ChildWindows


class CommandHost(Protocol):
    """The main window, as the row menu's commands see it."""

    session: Session | None
    child_windows: ChildWindows
    events: AppEvents

    @property
    def kit_panel(self) -> KitTrackingPanel | None: ...

    def status_message(self, text: str) -> None: ...

__all__ = ["OrderCommands", "kit_to_register", "newest_report"]

# Kit statuses at which a kit can still be registered to a patient.
_REGISTRABLE = frozenset({"", "preparing", "pending", "in_transit", "delivered"})


def newest_report(order: models.Order) -> ReportRequest | None:
    """The latest report of the order's last kit with one (None: no results yet)."""
    for kit in reversed(order.kits):
        sample = kit.sample
        if sample is not None and sample.reports:
            reports = list(sample.reports)
            return ReportRequest.among(reports[-1], kit.kit_id, sample.sample_id or "", reports)
    return None


def kit_to_register(order: models.Order) -> str:
    """The order's first kit not registered yet ("" when there is none)."""
    for kit in order.kits:
        if kit.registered_to is None and (kit.status or "") in _REGISTRABLE:
            return kit.kit_id
    return ""


class OrderCommands(QObject):
    """Runs a row-menu command once the kit panel shows the order it is for."""

    def __init__(self, window: CommandHost, parent: QObject) -> None:
        super().__init__(parent)
        self._window = window
        self._pending: tuple[str, Callable[[models.Order], None]] | None = None
        self._watched: QObject | None = None  # the kit panel whose order_shown we follow

    def open_report(self, order_id: str) -> None:
        self._when_shown(order_id, self._open_newest_report)

    def register_kit(self, order_id: str) -> None:
        self._when_shown(order_id, self._register_kit_of)

    def register_kit_of_shown_order(self, kit_id: str) -> None:
        """The kit panel's "Register kit" on one of the shown order's kits."""
        window = self._window
        session = window.session
        if session is None:
            return
        panel = window.kit_panel
        order = panel.current_order() if panel is not None else None
        recipient = None
        if order is not None and kit_id.upper() in {kit.kit_id.upper() for kit in order.kits}:
            recipient = order.recipient
        window.child_windows.open_register_kit(session, kit_id, recipient)

    def _when_shown(self, order_id: str, command: Callable[[models.Order], None]) -> None:
        panel = self._window.kit_panel
        if panel is None:
            return
        order = panel.current_order()
        if order is not None and order.order_id == order_id and panel.order_id == order_id:
            command(order)
            return
        self._pending = (order_id, command)  # a newer command replaces one still waiting
        if self._watched is not panel:  # a new session brings a new panel
            panel.order_shown.connect(self._on_order_shown)
            self._watched = panel
        if panel.order_id != order_id:
            panel.show_order(order_id)

    @Slot(str)
    def _on_order_shown(self, order_id: str) -> None:
        pending, panel = self._pending, self._window.kit_panel
        if pending is None or panel is None or pending[0] != order_id:
            return
        self._pending = None
        order = panel.current_order()
        if order is not None:
            pending[1](order)

    def _open_newest_report(self, order: models.Order) -> None:
        request = newest_report(order)
        if request is None:
            self._window.status_message(self.tr("No results for this order yet."))
            return
        self._window.events.report_requested.emit(request)

    def _register_kit_of(self, order: models.Order) -> None:
        session = self._window.session
        if session is not None:
            self._window.child_windows.open_register_kit(
                session, kit_to_register(order), order.recipient
            )
