"""The right side of the main window: "Find kit" over the kit panel, or a sign-in prompt.

Both widgets work through a session, so they are rebuilt for each new session.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.tasks import Runner
from app.views.common.events import AppEvents
from app.views.first_paint import on_a_later_turn
from app.views.shell.sign_in_prompt import SignInPrompt

if TYPE_CHECKING:
    # Loaded with the first session (on the worker that opens it), not at start.
    from app.services.session import Session
    from app.views.kit_panel.panel import KitTrackingPanel
    from app.views.orders.find_kit import FindKitBar

__all__ = ["SidePane"]


class SidePane(QWidget):
    """``panel_built(panel)`` after each session's kit panel is made (for the shell to wire)."""

    panel_built = Signal(object)  # KitTrackingPanel

    def __init__(self, sign_in: Callable[[], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidePane")
        self.kit_panel: KitTrackingPanel | None = None
        self.find_kit_bar: FindKitBar | None = None
        self._pending: Session | None = None  # a session whose panel is still to be built
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        self.placeholder = SignInPrompt()  # "Sign in to see orders." and a button
        self.placeholder.sign_in_requested.connect(lambda: sign_in())
        layout.addWidget(self.placeholder)

    def build_soon(
        self, session: Session, runner: Runner, events: AppEvents,
        shown_order: Callable[[], str | None],
    ) -> None:
        """`build` on a later turn of the event loop; the old panel goes now. The panel's
        ~25 ms of widgets then don't add to the rest of a session's start in one turn (a
        stall of the lock screen while it waits for a PIN: tests/benchmarks/startup.py). A
        later call, or `clear`, in between wins."""
        self.clear()
        self._pending = session

        def later() -> None:
            if self._pending is session:
                self._pending = None
                self.build(session, runner, events, shown_order())

        on_a_later_turn(self, later)

    def clear(self) -> None:
        """Signed out: the kit panel and Find-kit bar go, "Sign in to see orders." shows."""
        self._pending = None
        for old in (self.find_kit_bar, self.kit_panel):
            if old is not None:
                old.setParent(None)
                old.deleteLater()
        self.find_kit_bar = self.kit_panel = None
        self.placeholder.show()

    def build(
        self, session: Session, runner: Runner, events: AppEvents, shown_order: str | None
    ) -> tuple[FindKitBar, KitTrackingPanel]:
        """New Find-kit bar and kit panel for ``session`` (the old ones are deleted)."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        self.clear()
        self.placeholder.hide()
        from app.views.kit_panel.panel import KitTrackingPanel
        from app.views.orders.find_kit import FindKitBar

        bar = FindKitBar(session, runner, self)
        panel = KitTrackingPanel(session, runner, self, events=events)
        panel.open_report_requested.connect(events.report_requested)
        layout.addWidget(bar)
        layout.addWidget(panel, 1)
        self.find_kit_bar, self.kit_panel = bar, panel
        self.panel_built.emit(panel)
        panel.show_order(shown_order)
        return bar, panel
