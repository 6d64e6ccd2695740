"""The window the front desk lives in: order list | kit panel, toolbar, status bar, sign-in.

The window owns no service: it gets a `Session` (or signs in to get one) and a task runner.
Sync runs on an interval through the runner (never two at once); its result is sorted and
checked for "needs attention" on the worker, so the GUI thread only swaps the rows in.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QMainWindow,
    QWidget,
)

from app import APP_NAME
from app.services.errors import ServiceError
from app.tasks import OwnedTasks, Runner, call_on_gui
from app.views.common.app_settings import AppSettings
from app.views.common.events import AppEvents, ReportRequest
from app.views.common.formatting import local_time
from app.views.orders.order_list import OrderListView
from app.views.shell import help_pages
from app.views.shell.actions import ACTIONS, build_actions, install_menus
from app.views.shell.banner import Banner
from app.views.shell.child_windows import ChildWindows
from app.views.shell.desk_support import DeskSupport
from app.views.shell.failure_notices import FailureNotices
from app.views.shell.inbox_tab import InboxTab
from app.views.shell.kit_types import KIT_TYPES_ACTION, KitTypesGuide
from app.views.shell.link_status import LinkStatus, after_error, after_outbox_item
from app.views.shell.metadata_guard import UnsavedMetadataGuard
from app.views.shell.order_commands import OrderCommands
from app.views.shell.quit_guard import QuitGuard
from app.views.shell.refresh import RefreshOutcome
from app.views.shell.refresher import REFRESH_KEY, OrderRefresher
from app.views.shell.settings_opener import open_settings_dialog
from app.views.shell.side_pane import SidePane
from app.views.shell.sign_in_flow import SessionOpener, SignInFlow
from app.views.shell.spot_account import show_signed_out
from app.views.shell.status_indicators import StatusIndicators
from app.views.shell.tab_pages import TabPages
from app.views.shell.tray import Tray
from app.views.shell.window_layout import WindowLayout

if TYPE_CHECKING:
    # Loaded when first needed, not at start (tests/benchmarks/startup.py): the kit panel and
    # "Find kit" with the first session, Requisitions when its tab first opens.
    from app.services.acting import ActingStaff
    from app.services.outbox import OutboxItem
    from app.services.session import Session
    from app.views.kit_panel.panel import KitTrackingPanel
    from app.views.orders.find_kit import FindKitBar, KitFound
    from app.views.outreach import Outreach
    from app.views.shell.sign_in import SignInDialog
    from app.views.shell.sign_in_context import SignInContext

__all__ = ["MainWindow"]

log = logging.getLogger(__name__)

REQUISITIONS_TAB = "requisitionsTab"
WORKLIST_TAB = "worklistTab"
# Quitting: the process should be gone ≤ 0.5 s after the window closes (tests/benchmarks/
# startup.py). Reads whose answers nobody wants are not waited for (QUIT_ABANDONED_KEYS);
# what is left (an order form's last draft save: SQLite, milliseconds, but it
# may wait for a worker or the disk under load) gets up to QUIT_TASKS_WAIT_MS, as before:
# losing typing is worse than a slow quit, and a save usually takes milliseconds. The outbox
# sender gets QUIT_SENDER_WAIT_S.
QUIT_TASKS_WAIT_MS = 3000
QUIT_SENDER_WAIT_S = 0.1
QUIT_ABANDONED_KEYS = (REFRESH_KEY, "learn-kit-types")


class MainWindow(QMainWindow):
    """Order list | kit panel. Give it a ``session`` or a ``sign_in`` context (or both)."""

    session_changed = Signal(object)  # Session | None
    refreshed = Signal()  # a refresh finished and the list shows its rows
    notification_posted = Signal(str)  # PHI-free text, e.g. "New results for 2 kits"
    shutdown_started = Signal()  # closing for good: the window will not come back
    shutdown_finished = Signal()  # the session is closed: the lock screen may go (and quit)

    def __init__(
        self,
        runner: Runner,
        *,
        session: Session | None = None,
        settings: AppSettings | None = None,
        sign_in: SignInContext | None = None,
        open_session: SessionOpener | None = None,
        auto_refresh: bool = True,
        use_tray: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        self._runner = runner
        self._tasks = OwnedTasks(runner, self)
        self._settings = settings or AppSettings()
        self.sign_in_flow = SignInFlow(self, runner, self._settings, sign_in, open_session, self)
        self.session: Session | None = None
        self._unsubscribe_outbox: Callable[[], None] | None = None
        self._shown_version = -1
        self._shown_attention: dict[str, tuple[str, ...]] = {}
        self._link = LinkStatus.UNKNOWN  # the last request's outcome, for "● Online"
        self.events = AppEvents(self)
        self.events.report_requested.connect(self._on_events_report_requested)
        self.events.report_seen.connect(self._on_events_report_seen)
        self.events.kit_registered.connect(self._on_events_kit_registered)
        self.events.outbox_changed.connect(self._update_outbox_counts)
        self.child_windows = ChildWindows(self, runner, self.events, settings=self._settings)
        self._closed = False
        self.outreach: Outreach | None = None
        self.acting_staff: ActingStaff | None = None  # who works (compose: the staff profile)

        self.banner = Banner()
        self.failures = FailureNotices(
            self.banner, update_status=lambda: self._update_status_bar(),
            status_message=lambda text: self.status_message(text),
            sign_in=lambda reason: self.show_sign_in(reason),
        )
        self.banner.action_triggered.connect(self._on_banner_action)
        self.banner.diagnostics_requested.connect(self.copy_diagnostics)
        self.order_list = OrderListView(kit_names=self._settings.kit_catalog)
        self.kit_types = KitTypesGuide(
            self, runner, self._settings, self.banner,
            open_kit_types=lambda: self.open_settings(kit_types=True),
            catalog_changed=self.order_list.set_kit_names,
        )
        self.metadata_guard = UnsavedMetadataGuard(self, self.order_list, self)
        self.order_commands = OrderCommands(self, self)
        self.order_list.open_report_requested.connect(self.order_commands.open_report)
        self.order_list.register_kit_requested.connect(self.order_commands.register_kit)
        self.refresher = OrderRefresher(
            runner, self._settings, self.order_list, auto_refresh=auto_refresh, parent=self
        )
        self.refresher.finished.connect(self._on_refresh_finished)
        self.refresher.failed.connect(self._on_refresh_failed)
        self.refresher.started.connect(lambda: self.status_message(self.tr("Refreshing…")))
        self.refresher.shown.connect(self._on_rows_shown)
        self.panel = SidePane(lambda: self.show_sign_in(), self)
        self.panel_placeholder = self.panel.placeholder
        self.panel.panel_built.connect(self._wire_panel)
        self.tab_pages = TabPages.with_orders(self.banner, self.order_list, self.panel)
        self.tabs, self.splitter = self.tab_pages.tabs, self.tab_pages.splitter
        self._make_actions()
        self._make_menus_and_toolbar()
        self._make_status_bar()
        self.support = DeskSupport(
            self, runner, self._settings, self.sign_in_flow.credentials, self.statusBar(), self
        )
        # "Sandbox: test data only" over the tabs.
        self.setCentralWidget(self.tab_pages.under(self.support.sandbox_band))
        self.inbox_tab = InboxTab(self, self.tabs, runner, self.events, self._settings)
        self.session_changed.connect(self.inbox_tab.attach_soon)
        self.refreshed.connect(self.inbox_tab.synced)
        self.tray = Tray(self, enabled=use_tray)
        self.layout_keeper = WindowLayout(self, self.splitter, self.order_list, self._settings)
        self.layout_keeper.restore()
        if session is not None:
            self.set_session(session)
        else:
            self._update_status_bar()

    # --- building -----------------------------------------------------------------------

    def _make_actions(self) -> None:
        self.commands = build_actions(self)
        self._session_actions = tuple(
            self.commands[spec.name] for spec in ACTIONS if spec.needs_session
        )
        for action in self._session_actions:
            action.setEnabled(False)  # until signed in

    def _make_menus_and_toolbar(self) -> None:
        self.toolbar = install_menus(self, self.commands)

    def _make_status_bar(self) -> None:
        self.indicators = StatusIndicators(self.statusBar(), self.open_outbox)
        self.environment_label = self.indicators.environment
        self.sync_label = self.indicators.sync
        self.online_label = self.indicators.online
        self.outbox_label = self.indicators.outbox
        self.quit_guard = QuitGuard(self, lambda: self.indicators.outbox_counts, self.child_windows)

    # --- session ------------------------------------------------------------------------

    def set_session(self, session: Session) -> None:
        """Show ``session``'s orders and keep them fresh; the previous session is closed."""
        old = self.session
        if old is session:
            return
        self._stop_session_work()
        if old is not None:
            # The desk windows work through the old session, whose client is closing, and
            # the report viewer shows the other account's report: close them all.
            self.child_windows.close_session_windows()
            self._tasks.run(old.close, key=None, durable=True)
            self._close_requisitions_tab()
        if self.outreach is not None:
            self.outreach.close()
        self.session = session
        self._last_sync: datetime | None = None  # until its cache or a refresh says
        from app.views.outreach import Outreach  # loaded with the first session, not at start

        self.outreach = Outreach(session, self._runner, self._settings, self,
                                 staff=self.acting_staff)
        self.outreach.start()
        self._link = LinkStatus.UNKNOWN
        self.failures.reset()
        self.support.session_opened(session)
        self.kit_types.session_opened(session)  # Settings' catalog, or learned from orders
        self.order_list.set_kit_names(session.kit_catalog)
        self._ensure_panel()
        for action in self._session_actions:
            action.setEnabled(True)
        self._unsubscribe_outbox = session.outbox.subscribe(
            call_on_gui(self._on_outbox_item_changed)
        )
        self._update_status_bar()
        self._update_outbox_counts()
        self.refresher.attach(session)
        self.failures.announce_data_at_rest(session, self.outreach)
        self.session_changed.emit(session)

    def end_session(self) -> Session | None:
        """Leaving the account: its windows close (forms save their typing first), the window
        shows none. The caller closes the returned session off the GUI thread."""
        old, self.session = self.session, None
        if old is not None:
            self._stop_session_work()
            self.child_windows.close_all()
            self._runner.wait_idle(QUIT_TASKS_WAIT_MS, skip_keys=QUIT_ABANDONED_KEYS)
            show_signed_out(self)
        return old

    def _close_requisitions_tab(self) -> None:
        """Drop the previous account's Requisitions and Unreturned kits tabs."""
        self.tab_pages.close(("requisitionsTab", "worklistTab"))

    @property
    def kit_panel(self) -> KitTrackingPanel | None:
        """The session's kit panel, once the side pane has built it (a turn after sign-in)."""
        return self.panel.kit_panel

    @property
    def find_kit_bar(self) -> FindKitBar | None:
        return self.panel.find_kit_bar

    def _ensure_panel(self) -> None:
        session = self.session
        if session is not None:
            self.panel.build_soon(session, self._runner, self.events,
                                  self.order_list.selected_order_id)

    def _wire_panel(self, panel: KitTrackingPanel) -> None:
        session = self.session
        assert session is not None
        bar = self.panel.find_kit_bar
        assert bar is not None
        bar.kit_found.connect(self._on_find_kit_bar_kit_found)
        panel.register_kit_requested.connect(self._on_panel_register_kit_requested)
        panel.print_handout_requested.connect(
            lambda handout: self.child_windows.open_handout(handout, session.kit_catalog)
        )
        panel.print_labels_requested.connect(self.child_windows.open_labels)
        panel.metadata_saved.connect(self.metadata_guard.on_metadata_saved)

    def _stop_session_work(self) -> None:
        self.refresher.stop()
        if self._unsubscribe_outbox is not None:
            self._unsubscribe_outbox()
            self._unsubscribe_outbox = None

    def start(self, kind: str | None = None) -> None:
        """First show: use the session given, or sign in to ``kind`` (default: the last used)
        with the remembered token; the sign-in dialog opens when there is none."""
        self.sign_in_flow.start(kind)

    def connect_to(self, kind: str) -> None:
        """Sign in to ``kind`` with its remembered token, or ask for one."""
        self.sign_in_flow.connect_to(kind)

    def show_sign_in(self, reason: str = "") -> SignInDialog | None:
        """Open the sign-in dialog (non-modal); the window keeps its state meanwhile."""
        return self.sign_in_flow.show_sign_in(reason)

    def on_reauthenticated(self, session: Session) -> None:
        if self.session is not session:
            return
        self.failures.reset()
        self.refresh_now()

    def widget(self) -> QWidget:
        return self

    # --- refresh ------------------------------------------------------------------------

    def refresh_now(self) -> None:
        """F5: refresh now unless one is already running."""
        self.refresher.refresh_now()

    def refresh_in_progress(self) -> bool:
        return self.refresher.busy()

    def order_count(self) -> int:
        return self.order_list.model.total_count()

    def _on_rows_shown(self, outcome: RefreshOutcome) -> None:
        """The cached list at start says how old it is: the last sync of a previous run."""
        if outcome.synced_at is not None and self.last_sync() is None:
            self._last_sync = local_time(outcome.synced_at).replace(tzinfo=None)
            self._update_status_bar()

    def _on_refresh_finished(self, outcome: RefreshOutcome) -> None:
        self._link = LinkStatus.ONLINE
        self._last_sync = datetime.now()
        panel = self.kit_panel
        changed = outcome.result.changed_order_ids if outcome.result is not None else frozenset()
        if panel is not None and panel.order_id in changed:
            panel.refresh()
        self._update_status_bar()
        self.statusBar().clearMessage()
        notes = self.inbox_tab.filter_notifications(outcome.notifications)
        if notes:
            self.notify("; ".join(note.text for note in notes))
        self.failures.refresh_worked()
        self.refreshed.emit()

    def _on_refresh_failed(self, exc: BaseException) -> None:
        self._link = after_error(exc)
        self.failures.refresh_failed(exc)

    # --- notifications and status -------------------------------------------------------

    def notify(self, text: str) -> None:
        """Tray and status bar; ``text`` never names a patient (counts only)."""
        self.tray.notify(text)
        self.statusBar().showMessage(text, 15000)
        self.notification_posted.emit(text)

    def status_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 10000)

    def _update_status_bar(self) -> None:
        session = self.session
        if session is None:
            self.indicators.show_signed_out()
        else:
            self.indicators.show_session(
                session.environment.label, self._link, self.last_sync()
            )

    def last_sync(self) -> datetime | None:
        return getattr(self, "_last_sync", None)

    def _update_outbox_counts(self) -> None:
        session = self.session
        if session is None:
            return
        self._tasks.run(
            session.outbox.counts, on_success=self._on_outbox_counts, key="outbox-counts"
        )

    def _on_outbox_counts(self, counts: tuple[int, int]) -> None:
        self.indicators.show_outbox(*counts)

    def _on_outbox_item_changed(self, item: OutboxItem) -> None:
        if self._closed or self.session is None:
            return
        self._update_outbox_counts()
        self.kit_types.outbox_item_changed(item)
        link = after_outbox_item(item, self._link)
        if link is not self._link:  # a failed send is not "Online"
            self._link = link
            self._update_status_bar()
        if item.state == "needs_attention" and item.attention == "sign_in":
            self.show_sign_in(self.tr("Spot rejected the API token while sending an order. "
                                      "Sign in again; the order stays queued."))
        elif item.state == "sent":
            QTimer.singleShot(0, self.refresher.refresh_queued)

    def _show_error(self, error: ServiceError, *, action: tuple[str, str] | None = None) -> None:
        self.failures.show_error(error, action=action)

    def show_crash(self, details: str) -> None:
        self.failures.show_crash(details)

    # --- actions ------------------------------------------------------------------------

    @Slot()
    def open_new_order(self) -> None:
        if self.session is not None and self.kit_types.ready_to_order(self.session):
            self.child_windows.open_new_order(self.session)

    @Slot()
    def open_outbox(self) -> None:
        if self.session is not None:
            self.child_windows.open_outbox(self.session, self.order_list.select_order)

    @Slot()
    def focus_find_kit(self) -> None:
        if self.find_kit_bar is not None:
            self.tabs.setCurrentIndex(0)
            self.find_kit_bar.focus_field()

    @Slot(str, str)
    def _on_find_kit_bar_kit_found(self, found: KitFound) -> None:
        order_id = found.order_id
        if not self.order_list.select_order(order_id) and self.kit_panel is not None:
            self.kit_panel.show_order(order_id)  # not synced yet: show it anyway

    @Slot()
    def open_register_kit(self) -> None:
        self._on_panel_register_kit_requested("")

    @Slot()
    def open_registration_token(self) -> None:
        if self.session is not None:
            self.child_windows.open_registration_token(self.session)

    @Slot()
    def open_requisitions(self) -> None:
        if self.session is not None:
            self.tab_pages.open_requisitions(
                self.session, self._runner, self.events, self.child_windows.open_labels
            )

    @Slot()
    def open_worklist(self) -> None:
        outreach = self.outreach
        if outreach is not None:
            self._show_tab(WORKLIST_TAB, self.tr("Unreturned kits"), outreach.worklist_view)

    @Slot()
    def open_import_orders(self) -> None:
        if self.outreach is not None:
            self.outreach.open_import(self)

    def _show_tab(self, name: str, title: str, make: Callable[[], QWidget]) -> None:
        self.tab_pages.show(name, title, make)

    @Slot()
    def open_inbox(self) -> None:
        self.inbox_tab.open()

    @Slot()
    def open_settings(self, *, kit_types: bool = False) -> None:
        dialog = open_settings_dialog(
            self, self._settings, self._runner, self.session, self.inbox_tab.settings_sections()
        )
        dialog.sign_in_requested.connect(lambda: self.show_sign_in())
        dialog.accepted.connect(self.settings_changed)
        if kit_types:
            dialog.focus_kit_types()

    def settings_changed(self) -> None:
        session = self.session
        if session is not None and session.environment.kind != "sandbox":
            session.kit_catalog = self._settings.kit_catalog_for(session.environment.key)
        if session is not None:
            self.order_list.set_kit_names(session.kit_catalog)
        self.inbox_tab.shared_settings_changed()  # critical limits from a clinic setup file
        self.refresher.restart()  # with a new proxy choice, through the new proxy

    def focus_search(self) -> None:
        self.order_list.focus_search()

    def toggle_attention(self) -> None:
        self.order_list.attention_button.toggle()

    def show_shortcuts(self) -> QWidget:
        return help_pages.show_shortcuts(self)

    def show_getting_started(self) -> QWidget:
        return help_pages.show_getting_started(self)

    def show_about(self) -> None:
        self.support.show_about()

    def copy_diagnostics(self) -> None:
        self.support.copy_diagnostics()

    def export_setup(self) -> None:
        self.support.export_setup()

    def import_setup(self) -> None:
        self.support.import_setup()

    @Slot(str)
    def _on_banner_action(self, action_id: str) -> None:
        if action_id == "sign_in":
            self.show_sign_in()
        elif action_id == KIT_TYPES_ACTION:
            self.open_settings(kit_types=True)

    @Slot(object)
    def _on_events_report_requested(self, request: ReportRequest) -> None:
        if self.session is not None:
            self.child_windows.open_report(self.session, request)

    @Slot(str)
    def _on_events_report_seen(self, _report_id: str) -> None:
        self.refresher.publish_snapshot()  # "results not opened yet" may no longer apply

    @Slot(str)
    def _on_panel_register_kit_requested(self, kit_id: str) -> None:
        self.order_commands.register_kit_of_shown_order(kit_id)

    @Slot(str)
    def _on_events_kit_registered(self, _kit_id: str) -> None:
        self.refresh_now()  # the kit panel refreshes itself if it shows that kit

    # --- layout and shutdown ------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        self.layout_keeper.on_show()
        super().showEvent(event)

    def save_layout(self) -> None:
        self.layout_keeper.save()

    def shutdown(self) -> None:
        """Close the windows that write to the session, stop timers and background work, then
        close the session (idempotent)."""
        if self._closed:
            return
        self._closed = True
        self.shutdown_started.emit()
        self.save_layout()
        # First: an order form saves its newest typing (queued on the runner) as it closes,
        # and that save must reach the drafts store before the session closes it.
        self.child_windows.close_all()
        self.hide()
        self._stop_session_work()
        for key in QUIT_ABANDONED_KEYS:
            self._runner.cancel_key(key)
        # The forms' last saves are waited for; the refresh stopped above and the reads
        # cancelled are not (their answers would go to a window that is gone), nor anything
        # still on the network when the bound runs out.
        self._runner.wait_idle(QUIT_TASKS_WAIT_MS, skip_keys=QUIT_ABANDONED_KEYS)
        self.tray.hide()
        session, self.session = self.session, None
        if self.outreach is not None:
            self.outreach.close()
            self.outreach = None
        if session is not None:
            # A POST in flight is not waited for: the outbox wrote "may exist at Spot" before
            # sending it, and the next start looks the order up before any re-send.
            session.close(sender_wait_s=QUIT_SENDER_WAIT_S)
        self.shutdown_finished.emit()

    @Slot()
    def bring_to_front(self) -> None:
        """The app was launched again: show this window instead of a second copy."""
        if self._closed:
            return
        if self.isMinimized():
            self.showNormal()
        else:
            self.show()
        self.raise_()
        self.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closed and not self.quit_guard.may_quit():
            event.ignore()
            return
        self.shutdown()
        super().closeEvent(event)


