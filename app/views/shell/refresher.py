"""Keeping the order list fresh: the cached rows at once, then a sync on an interval.

`OrderRefresher` runs the refresh job through the task runner (never two at once), shows
each outcome in the list unless an older one would undo a newer one, and reports successes
and failures for the window to tell the user about.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal

from app.tasks import OwnedTasks, PeriodicTask, Runner
from app.views.common.app_settings import AppSettings
from app.views.orders.order_list import OrderListView
from app.views.shell.refresh import RefreshOutcome, build_snapshot, refresh_and_snapshot

if TYPE_CHECKING:
    from app.services.session import Session

__all__ = ["REFRESH_KEY", "OrderRefresher"]

REFRESH_KEY = "refresh"  # the background sync's task


class OrderRefresher(QObject):
    """``finished(RefreshOutcome)`` after a sync, ``failed(exception)`` after a failed one
    (or a failed read of the cache), ``started`` when a refresh begins."""

    finished = Signal(object)
    failed = Signal(object)
    started = Signal()
    shown = Signal(object)  # RefreshOutcome: the list shows its rows (the cache's, or a sync's)

    def __init__(
        self, runner: Runner, settings: AppSettings, order_list: OrderListView, *,
        auto_refresh: bool, parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._tasks = OwnedTasks(runner, self)
        self._settings = settings
        self._order_list = order_list
        self._auto_refresh = auto_refresh
        self._session: Session | None = None
        self._periodic: PeriodicTask | None = None
        self._shown_version = -1
        self._shown_attention: dict[str, tuple[str, ...]] = {}
        self._shown_results: dict[str, tuple[str, ...]] = {}

    def attach(self, session: Session) -> None:
        """Show ``session``'s cached list first (instant), then keep it fresh."""
        self.stop()
        self._session = session
        self._shown_version = -1
        self.publish_snapshot()
        if self._auto_refresh:
            self._ensure_periodic().start(run_now=True)

    def stop(self) -> None:
        if self._periodic is not None:
            self._periodic.stop()
            self._periodic.deleteLater()
            self._periodic = None

    def detach(self) -> None:
        self.stop()
        self._session = None

    def restart(self) -> None:
        """Settings changed (the interval, kit names, the proxy): start over with a refresh
        now. A new proxy choice applies at once: the session first gets a client going that
        way (off the GUI thread: the old client is closed), then the refresh goes through it."""
        session = self._session
        if session is not None and session.environment.proxy != self._settings.proxy:
            self._tasks.run(session.use_proxy, self._settings.proxy,
                            on_success=lambda _changed: self._start_over())
            return
        self._start_over()

    def _start_over(self) -> None:
        if self._periodic is not None:
            self.stop()
            if self._session is not None and self._auto_refresh:
                self.refresh_now()

    def refresh_now(self) -> None:
        """F5: refresh now unless one is already running."""
        self._refresh(queue=False)

    def refresh_queued(self) -> None:
        """After a sent order: a refresh already running may have listed orders before Spot
        created this one, so queue another and the new order always shows up."""
        self._refresh(queue=True)

    def busy(self) -> bool:
        return self._periodic is not None and self._periodic.busy

    def publish_snapshot(self) -> None:
        """Show the cache as it is now (e.g. after a report was opened)."""
        session = self._session
        if session is None:
            return
        self._tasks.run(
            build_snapshot, session, self._sorted_by(), self._kit_names(session),
            on_success=self.show_outcome, on_error=self.failed.emit, key="snapshot",
        )

    def show_outcome(self, outcome: RefreshOutcome) -> None:
        if outcome.version < self._shown_version:
            return  # a slower, older snapshot (e.g. the cached list) must not undo a refresh
        if (outcome.version == self._shown_version and outcome.attention == self._shown_attention
                and outcome.results == self._shown_results):
            return  # nothing changed: leave the list (and the user's place in it) alone
        self._shown_version = outcome.version
        self._shown_attention = outcome.attention
        self._shown_results = outcome.results
        self._order_list.set_rows(
            outcome.rows, attention=outcome.attention, sorted_by=outcome.sorted_by,
            texts=outcome.texts, results=outcome.results,
        )
        self.shown.emit(outcome)

    def _sorted_by(self) -> tuple[int, Qt.SortOrder]:
        model = self._order_list.model
        return (model.sort_column, model.sort_order)

    def _kit_names(self, session: Session) -> dict[str, str]:
        return dict(session.kit_catalog or self._settings.kit_catalog)

    def _job(self) -> RefreshOutcome:
        session = self._session
        if session is None:
            raise RuntimeError("no session")
        return refresh_and_snapshot(session, self._sorted_by(), self._kit_names(session))

    def _ensure_periodic(self) -> PeriodicTask:
        if self._periodic is None:
            self._periodic = PeriodicTask(
                self._runner, self._settings.refresh_seconds * 1000, self._job,
                on_success=self._on_finished, on_error=self.failed.emit, key=REFRESH_KEY,
                parent=self,
            )
        return self._periodic

    def _refresh(self, *, queue: bool) -> None:
        if self._session is None:
            return
        fresh = self._periodic is None
        periodic = self._ensure_periodic()
        if fresh and self._auto_refresh:
            periodic.start(run_now=False)
        if periodic.trigger(queue=queue):
            self.started.emit()

    def _on_finished(self, outcome: RefreshOutcome) -> None:
        self.show_outcome(outcome)
        self.finished.emit(outcome)
