"""How the app is put together: the QApplication, the embedded sandbox, the main window.

Shared by the app's entry point (`app.main`) and `--self-test` (`app.selftest`), so the
self-test checks the app exactly as it is built for the desk.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from app import APP_NAME, ORG_DOMAIN, ORG_NAME

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from app.paths import Paths
    from app.sandbox import SandboxServer
    from app.services.data_key import DataKey
    from app.services.environments import ConnectionCheck, Environment
    from app.services.inbox import Reviewer
    from app.services.session import Session
    from app.services.workstation import Workstation
    from app.tasks import TaskRunner
    from app.views.common.app_settings import AppSettings
    from app.views.shell.main_window import MainWindow
    from app.views.shell.sign_in import SignInContext
    from app.views.shell.staff_shell import StaffShell
    from app.views.staff.lock_controller import LockController

__all__ = [
    "DEFAULT_SEED",
    "DEFAULT_SPEED",
    "EmbeddedSandbox",
    "app_icon",
    "build_lock",
    "build_main_window",
    "build_session_for_sandbox",
    "build_sign_in",
    "build_staff",
    "build_workstation",
    "check_connection",
    "load_session_modules",
    "load_window_modules",
    "make_application",
    "open_session",
    "sandbox_catalog",
]

log = logging.getLogger("app.main")

DEFAULT_SPEED = 3600.0  # sandbox seconds per real second: an hour a second, orders visibly move
DEFAULT_SEED = 300  # orders the built-in sandbox is seeded with on its first run


def sandbox_catalog() -> dict[str, str]:
    """The sandbox's kit types with readable names (its catalog is fixed)."""
    from app.sandbox.catalog import KIT_TYPES

    special = {"std": "STD", "hba1c": "HbA1c"}

    def readable(kit_type: str) -> str:
        words = [special.get(word, word.upper() if len(word) == 1 else word)
                 for word in kit_type.split("_") if not word.isdigit()]
        text = " ".join(words)
        return text[:1].upper() + text[1:]

    return {kit_type: readable(kit_type) for kit_type in KIT_TYPES}


def build_session_for_sandbox(server: SandboxServer) -> Session:
    """A session on a running sandbox (blocking: SQLite)."""
    from app.paths import paths
    from app.services.environments import Environment
    from app.services.session import Session

    return Session.open(
        Environment.sandbox(server.base_url), server.token, paths(), kit_catalog=sandbox_catalog()
    )


class EmbeddedSandbox:
    """Starts the built-in sandbox once, on demand (any thread), and stops it at exit."""

    def __init__(self, data_dir: Path, *, speed: float, seed_orders: int) -> None:
        self._data_dir = data_dir
        self._speed = speed
        self._seed = seed_orders
        self._lock = threading.Lock()
        self.server: SandboxServer | None = None

    def start(self) -> tuple[Environment, str]:
        import secrets

        from app.sandbox import SandboxServer
        from app.services.environments import Environment

        with self._lock:
            if self.server is None:
                # A new random token each start: another program on this computer can't
                # guess it (the sandbox holds fake patients, but it behaves like Spot).
                server = SandboxServer(
                    self._data_dir,
                    secrets.token_urlsafe(32),
                    speed=self._speed,
                    seed_orders=self._seed,
                )
                server.start()
                self.server = server
                log.info("embedded sandbox started")
            return Environment.sandbox(self.server.base_url), self.server.token

    def stop(self) -> None:
        with self._lock:
            if self.server is not None:
                self.server.stop()
                self.server = None


def open_session(environment: Environment, token: str) -> Session:
    from app.paths import paths
    from app.services.session import Session

    catalog = sandbox_catalog() if environment.kind == "sandbox" else None
    return Session.open(environment, token, paths(), kit_catalog=catalog)


def check_connection(environment: Environment, token: str) -> ConnectionCheck:
    from app.services.environments import check_connection as check
    from app.services.environments import make_client

    with make_client(environment, token, max_retries=0) as client:
        return check(client)


def make_application() -> QApplication:
    """The QApplication with the app's identity, icon and, from the user's display languages,
    its language (LANGUAGE/LC_ALL/LANG on Linux: fr_CA gets French). The self-test uses it
    too. The version is set once the first window is up (`app.main`)."""
    from PySide6.QtWidgets import QApplication

    from app.views.i18n import install_translations
    from app.views.theme import follow_theme_switches

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setOrganizationDomain(ORG_DOMAIN)
    app.setWindowIcon(app_icon())  # every window, the taskbar/dock and the tray
    install_translations(app)
    follow_theme_switches(app)  # a light/dark/high-contrast switch reaches styled widgets too
    return app


def app_icon() -> QIcon:
    """The app icon in every size shipped (empty only if the bundle lost its icons)."""
    from PySide6.QtGui import QIcon

    from app.resources import icon_files

    icon = QIcon()
    for path in icon_files():
        if path.is_file():
            icon.addFile(str(path))
    return icon


def _no_keyring() -> KeyringBackend:
    """keyring's "no keyring" backend, made at the first token read (on a worker, after the
    first window shows)."""
    from keyring.backends import fail

    return fail.Keyring()


def build_sign_in(sandbox: EmbeddedSandbox, *, demo: bool = False) -> SignInContext:
    """Signing in: the keyring, the network check and the embedded sandbox.

    ``demo`` (``--sandbox``, ``--self-test``): anyone may sign in with the demo PIN the lock
    screen shows, so saved tokens are out of reach; a real account needs its token typed.
    """
    from app.services.credentials import CredentialStore
    from app.views.shell.sign_in_context import SignInContext

    return SignInContext(
        credentials=CredentialStore(backend_factory=_no_keyring if demo else None),
        check_connection=check_connection,
        start_sandbox=sandbox.start,
    )


def build_main_window(
    runner: TaskRunner, sandbox: EmbeddedSandbox, *, demo: bool = False
) -> MainWindow:
    """The main window wired to signing in (`build_sign_in`) and the session opener."""
    from app.views.common.app_settings import AppSettings
    from app.views.shell.main_window import MainWindow

    return MainWindow(runner, settings=AppSettings(), sign_in=build_sign_in(sandbox, demo=demo),
                      open_session=open_session)


def build_workstation(
    where: Paths, settings: AppSettings, *, sandbox: bool, self_test: bool = False
) -> Workstation:
    """Staff profiles, the lock policy and the audit trail of this computer's data folder.

    With the built-in sandbox the demo profile (PIN on the lock screen) exists too, and
    with ``--self-test`` the self-test profile; both only in memory.
    """
    from app.services.audit import AuditTrail
    from app.services.idle_lock import LockPolicy
    from app.services.staff import StaffDirectory, sandbox_profiles
    from app.services.workstation import Workstation

    builtins = sandbox_profiles(self_test=self_test) if sandbox else ()
    directory = StaffDirectory(where.staff_db, builtins=builtins)
    def data_key() -> DataKey:  # asked on first use (a worker), never here on the GUI thread
        from app.services.data_key import data_key_for

        return data_key_for(where.data)

    audit = AuditTrail.in_folder(where.data, key=data_key,
                                 retention_years=settings.audit_retention_years)
    return Workstation(directory, LockPolicy(idle_minutes=settings.idle_lock_minutes), audit)


def load_window_modules() -> None:
    """Import the main window and the staff shell, and read the version (any thread: no
    widget is made). The app runs this on a worker while the lock screen shows, then builds
    the window on the GUI thread without waiting on imports."""
    # Plain import statements, so PyInstaller's analysis sees them too.
    from app import __version__  # importlib.metadata: read here, once, off the GUI thread
    from app.views.shell import main_window, staff_shell  # noqa: F401

    log.debug("window modules loaded, version %s", __version__)


def load_session_modules() -> None:
    """Import the views the first session builds on the GUI thread (the kit panel, Find kit,
    the results inbox, outreach with its validation): ~0.3 s of imports that otherwise stall
    the lock screen when the session opens. Any thread; the app runs it on a worker while
    signing in."""
    import app.views.inbox.view
    import app.views.kit_panel.panel
    import app.views.orders.find_kit
    import app.views.outreach  # noqa: F401


def build_lock(
    workstation: Workstation, runner: TaskRunner, *, watch: bool = True
) -> LockController:
    """The lock screen ("Who's working?") and its controller: Qt and the staff directory
    only, so it can be the app's first window. Call ``start_locked()`` to show it; with
    ``watch=False``, ``start_watching()`` once the first windows are built."""
    from app.views.staff.lock_controller import LockController
    from app.views.staff.lock_screen import LockScreen

    return LockController(workstation, LockScreen(workstation, runner), watch=watch)


def build_staff(
    window: MainWindow, runner: TaskRunner, workstation: Workstation,
    settings: AppSettings | None = None, *, lock: LockController | None = None,
) -> tuple[LockController, StaffShell]:
    """The lock screen over every window (``lock``, or a new one), the Staff menu, and
    orders stamped and audited for whoever is signed in. Call ``controller.start_locked()``
    once the window shows (or ``controller.cover(window)`` when the lock already shows)."""
    from app.services.printing.record import audit_prints
    from app.services.workstation import SYSTEM_STAFF_ID
    from app.views.shell.staff_shell import StaffShell
    from app.views.staff.os_lock import os_lock_source

    controller = lock if lock is not None else build_lock(workstation, runner)
    if lock is None:
        controller.setParent(window)
    controller.app_to_front.connect(window.bring_to_front)
    # Win+L or the screensaver locks the app too (followed from the first unlock).
    controller.follow_os_lock_from_first_unlock(lambda: os_lock_source(window, controller))
    # Sign-offs in the results inbox are the signed-in staff member's, not a typed name.
    window.inbox_tab.use_reviewer(lambda: staff_reviewer(workstation), editable=False)
    controller.unlocked.connect(lambda _result: window.inbox_tab.reviewer_updated())
    # Outreach batches and contact attempts: the staff member's initials and id, audited.
    from app.services.acting import WorkstationActor

    window.acting_staff = WorkstationActor(workstation)
    if window.outreach is not None:
        window.outreach.staff = window.acting_staff
    wipe_reports_on_lock(controller, window, runner)
    # Each print (hand-out, labels) goes to the audit trail under whoever is working.
    window.child_windows.set_print_recorder(audit_prints(workstation.record))
    window.shutdown_finished.connect(controller.shutdown)
    shell = StaffShell(window, workstation, runner, controller, settings)
    unsubscribe: list[Callable[[], None]] = []

    def on_session_changed(session: object) -> None:
        # Loaded with the first session (its modules are loaded by then), not before the window.
        from app.services.order_audit import audit_outbox, stamp_orders
        from app.services.session import Session

        while unsubscribe:
            unsubscribe.pop()()
        if isinstance(session, Session):
            session.outbox.set_stamp(stamp_orders(workstation))
            unsubscribe.append(audit_outbox(session.outbox, workstation))
            if session.inbox is not None:  # every sign-off, with its note, in the trail
                from app.services.inbox_audit import audit_sign_offs

                session.inbox.audit = audit_sign_offs(workstation)

    window.session_changed.connect(on_session_changed)
    if window.session is not None:
        on_session_changed(window.session)
    # Retention: records older than the configured years go, at most once a start.
    runner.run(workstation.audit.prune, SYSTEM_STAFF_ID,
               on_error=lambda exc: log.warning("audit retention: %s", type(exc).__name__))
    return controller, shell


def wipe_reports_on_lock(controller: LockController, window: MainWindow, runner: TaskRunner
                         ) -> None:
    """Wipe the report cache on lock-out, as at start and exit (on a worker: file I/O). An
    open report window keeps what it shows; saving or printing it after the unlock fetches
    the file again (``ReportService.read_bytes``)."""

    def wipe(_reason: str) -> None:
        session = window.session
        if session is not None:
            runner.run(session.reports.clear_cache,
                       on_error=lambda exc: log.warning("report cache not wiped at lock: %s",
                                                        type(exc).__name__))

    controller.locked.connect(wipe)


def staff_reviewer(workstation: Workstation) -> Reviewer:
    """The results inbox's reviewer: the staff member signed in (initials, role)."""
    from app.services.inbox import Reviewer

    profile = workstation.current
    if profile is None:
        return Reviewer("")  # locked: nobody may sign until someone unlocks
    return Reviewer(profile.initials or profile.name, profile.role.value, profile.staff_id)

