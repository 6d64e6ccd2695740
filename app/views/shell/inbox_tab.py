"""The results inbox in the main window: its tab (with the count), the status bar count,
counts-only notifications, and the critical count in the title while minimised.

**Staff identity hook (issue 15).** Who signs comes from ``reviewer_provider``: today
`settings_reviewer` (the "Signing as" name and role typed in the inbox, kept in Settings).
When the staff profile lands, pass a provider that returns ``Reviewer(profile.initials or
profile.name, profile.role)`` and call `InboxTab.reviewer_updated()` when someone unlocks or
locks; the "Signing as" fields then go read-only (``editable=False``). The optional note goes
to ``InboxService.audit`` (`app.services.inbox.AuditHook`): set it to the audit trail's writer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QWidget

from app import APP_NAME
from app.services.inbox import (
    CriticalLimit,
    InboxRow,
    InboxService,
    Reviewer,
    Role,
    limits_from_text,
    limits_to_text,
)
from app.tasks import Runner
from app.views.common.app_settings import AppSettings
from app.views.common.events import AppEvents
from app.views.common.formatting import local_time
from app.views.common.settings_section import SectionFactory
from app.views.first_paint import on_a_later_turn
from app.views.inbox.settings_box import InboxSettingsBox

if TYPE_CHECKING:
    from app.services.session import Session
    from app.services.sync import Notification
    from app.views.inbox.view import InboxView

__all__ = ["InboxTab", "settings_reviewer"]

_ROLES = ("front_desk", "clinician", "administrator")


def _local_midnight(text: str) -> datetime | None:
    """A go-live date from the settings (YYYY-MM-DD) as this desk's midnight, in UTC."""
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        return None
    return local_time(datetime(day.year, day.month, day.day)).astimezone(UTC)


def settings_reviewer(settings: AppSettings) -> Callable[[], Reviewer]:
    """Today's reviewer: the name and role this workstation's staff typed in "Signing as"."""

    def provide() -> Reviewer:
        name, role = settings.inbox_reviewer
        return Reviewer(name, cast(Role, role if role in _ROLES else "front_desk"))

    return provide


class InboxTab(QObject):
    """Creates the inbox tab for each session of ``window`` and keeps its counts shown."""

    def __init__(
        self,
        window: QMainWindow,
        tabs: QTabWidget,
        runner: Runner,
        events: AppEvents,
        settings: AppSettings,
        *,
        reviewer_provider: Callable[[], Reviewer] | None = None,
        reviewer_editable: bool = True,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._tabs = tabs
        self._runner = runner
        self._events = events
        self._settings = settings
        self._reviewer_provider = reviewer_provider or settings_reviewer(settings)
        self._reviewer_editable = reviewer_editable
        self.view: InboxView | None = None
        self._session: Session | None = None
        self._known: set[str] | None = None  # report ids already announced (None: first load)
        self.total = 0
        self.critical = 0
        self.status_label = QLabel()
        self.status_label.setObjectName("inboxCount")
        window.statusBar().addPermanentWidget(self.status_label)
        self.status_label.hide()
        window.installEventFilter(self)

    def use_reviewer(self, provider: Callable[[], Reviewer], *, editable: bool) -> None:
        """Who signs from now on (the staff member signed in, once issue 15's lock is on)."""
        self._reviewer_provider, self._reviewer_editable = provider, editable
        self.reviewer_updated()

    # --- session --------------------------------------------------------------------------

    def attach(self, session: Session | None) -> None:
        """A new session: a new tab for its inbox (the previous account's is closed)."""
        self._drop_view()
        self._session = session
        if session is None or session.inbox is None:
            return
        from app.views.inbox.view import InboxView

        view = InboxView(session.inbox, self._runner, self._events, self._reviewer_provider(),
                         kit_names=session.kit_catalog)
        view.set_reviewer(self._reviewer_provider(), editable=self._reviewer_editable)
        view.counts_changed.connect(self._on_counts)
        view.rows_loaded.connect(self._on_rows)
        view.reviewer_changed.connect(self._on_reviewer_changed)
        self.view = view
        self._known = None
        self._tabs.addTab(view, self._tab_text())
        self._tabs.tabBar().setVisible(True)
        view.reload(fetch=False)  # what this desk already knows, at once
        self.shared_settings_changed()

    def attach_soon(self, session: Session | None) -> None:
        """`attach` on the next turn of the event loop: the previous account's tab goes now,
        the new one is built on its own turn, not in the same one as the rest of the new
        session's widgets (together ~50 ms, a stall of the lock screen while it waits for a
        PIN: tests/benchmarks/startup.py). A newer session in between wins."""
        self._drop_view()
        self._session = session
        on_a_later_turn(self, lambda: self.attach(session) if self._session is session else None)

    def _drop_view(self) -> None:
        view, self.view = self.view, None
        if view is not None:
            index = self._tabs.indexOf(view)
            if index >= 0:
                self._tabs.removeTab(index)
            view.deleteLater()
        self.total = self.critical = 0
        self.status_label.hide()
        self._tabs.tabBar().setVisible(self._tabs.count() > 1)

    def open(self) -> None:
        """View → Results inbox: show the tab with the first row chosen."""
        view = self.view
        if view is None:
            return
        self._tabs.setCurrentWidget(view)
        view.table.setFocus()

    def synced(self) -> None:
        """After each sync: fetch the result kits that changed, then rebuild."""
        if self.view is not None:
            self.view.reload()

    def reviewer_updated(self) -> None:
        """The staff profile changed (unlock/lock): the inbox re-sorts for the new reviewer."""
        if self.view is not None:
            self.view.set_reviewer(self._reviewer_provider(), editable=self._reviewer_editable)

    def settings_sections(self) -> list[SectionFactory]:
        """Settings → Results inbox (go-live date, critical limits) for this session's inbox."""
        view, session = self.view, self._session
        if view is None or session is None or session.inbox is None:
            return []
        inbox, reviewer, runner = session.inbox, view.reviewer, self._runner

        def apply(go_live: datetime, limits: dict[str, CriticalLimit]) -> None:
            # Kept in this desk's settings too, so the clinic setup file carries them.
            self._settings.inbox_shared = (limits_to_text(limits),
                                           local_time(go_live).date().isoformat())

            def write() -> None:
                inbox.set_go_live(go_live)
                inbox.set_critical_limits(limits)

            runner.run(write, on_success=lambda _r: self.synced_soon())

        def make(_settings: AppSettings, parent: QWidget) -> QWidget:
            return InboxSettingsBox(inbox, reviewer, apply, parent)

        return [make]

    def shared_settings_changed(self) -> None:
        """The clinic's limits and go-live date (Settings, or a clinic setup file just
        imported) onto this session's inbox. A desk that had them only in its inbox (before
        they were shared) copies them into its settings, so its setup file carries them."""
        session = self._session
        inbox = session.inbox if session is not None else None
        if inbox is None:
            return
        limits_text, go_live_text = self._settings.inbox_shared
        if not limits_text or not go_live_text:  # first start, or limits from before
            self._settings.inbox_shared = (
                limits_text or limits_to_text(inbox.critical_limits),
                go_live_text or local_time(inbox.go_live).date().isoformat(),
            )
        limits = limits_from_text(limits_text) if limits_text else inbox.critical_limits
        go_live = _local_midnight(go_live_text) if go_live_text else None
        if limits == inbox.critical_limits and (go_live is None or go_live == inbox.go_live):
            return

        def write(target: InboxService = inbox) -> None:
            if go_live is not None:
                target.set_go_live(go_live)
            target.set_critical_limits(limits)

        self._runner.run(write, on_success=lambda _r: self.synced_soon())

    def synced_soon(self) -> None:
        """Rebuild from what this desk holds (after a settings change: no fetch needed)."""
        if self.view is not None:
            self.view.reload(fetch=False)

    def filter_notifications(self, notes: Sequence[Notification]) -> list[Notification]:
        """The inbox announces results itself ("3 new results, 1 critical")."""
        if self.view is None:
            return list(notes)
        return [note for note in notes if note.kind != "results"]

    # --- counts ---------------------------------------------------------------------------

    def _tab_text(self) -> str:
        text = self.tr("Results inbox")
        return f"{text} ({self.total})" if self.total else text

    def _on_counts(self, total: int, critical: int) -> None:
        self.total, self.critical = total, critical
        if self.view is not None:
            self._tabs.setTabText(self._tabs.indexOf(self.view), self._tab_text())
        text = self.tr("Inbox: %1").replace("%1", str(total))
        if critical:
            text += " · " + self.tr("%n critical", "", critical)
        self.status_label.setText(text)
        self.status_label.setVisible(True)
        self._update_title()

    def _on_rows(self, rows: list[InboxRow]) -> None:
        ids = {row.report_id for row in rows}
        known, self._known = self._known, (self._known or set()) | ids
        if known is None:
            return  # the first load is what was there already, not news
        new = [row for row in rows if row.report_id not in known]
        if not new:
            return
        text = self.tr("%n new result(s)", "", len(new))
        critical = sum(1 for row in new if row.critical)
        if critical:
            text += ", " + self.tr("%n critical", "", critical)
        notify = getattr(self._window, "notify", None)
        if callable(notify):
            notify(text)

    def _on_reviewer_changed(self, reviewer: Reviewer) -> None:
        self._settings.inbox_reviewer = (reviewer.name, reviewer.role)

    # --- the title while minimised --------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.WindowStateChange:
            self._update_title()
        return False

    def _update_title(self) -> None:
        window = self._window
        minimised = bool(window.windowState() & Qt.WindowState.WindowMinimized)
        if minimised and self.critical:
            window.setWindowTitle(
                self.tr("(%n critical) ", "", self.critical) + APP_NAME
            )
        else:
            window.setWindowTitle(APP_NAME)
