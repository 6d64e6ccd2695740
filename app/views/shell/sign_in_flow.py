"""Signing in: the remembered token at start, the sign-in dialog, signing in again, switching
Spot accounts and signing out of Spot.

`SignInFlow` reads the keyring and opens sessions off the GUI thread and hands the session to
the window. Each account has its own data folder (`app.services.accounts`): a token of another
account opens that account's session, after asking when the one in use still has queued
orders (they are never sent with the other token). Texts keep the window's translation context
("MainWindow").

For the audit trail (the shell records them for whoever is signed in), each carrying the
account's one-way identity: ``token_changed`` (a token typed in the sign-in dialog was
accepted), ``account_switched`` (another account's session replaced the one in use;
"new_key" when its queued orders went along), ``spot_signed_out``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from app.services.credentials import NoKeyringAvailable
from app.services.errors import describe_error
from app.tasks import OwnedTasks, Runner
from app.views.common.app_settings import AppSettings
from app.views.common.confirm import ask_to_confirm
from app.views.shell.banner import Banner
from app.views.shell.spot_account import SwitchChoice, ask_to_switch_accounts

if TYPE_CHECKING:
    # Imported when used: the window shows before httpx, pydantic and keyring are loaded.
    from app.services.credentials import CredentialStore
    from app.services.environments import Environment
    from app.services.session import Session
    from app.views.shell.sign_in import SignInChoice, SignInDialog
    from app.views.shell.sign_in_context import SignInContext

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

__all__ = ["SessionOpener", "SignInFlow", "SignInHost"]

SessionOpener = Callable[["Environment", str], "Session"]


# What the window builds once it has a session: imported with the session, on the worker.
SESSION_VIEWS = ("app.views.kit_panel.panel", "app.views.orders.find_kit")


def saved_sign_in(
    kind: str, custom_url: str, credentials: CredentialStore
) -> tuple[Environment, str | None] | None:
    """The environment of ``kind`` and its remembered token (blocking: the keyring); None when
    the custom address is no longer valid."""
    from app.services.environments import Environment

    try:
        environment = (
            Environment.custom(custom_url) if kind == "custom"
            else Environment.from_key("production")
        )
    except ValueError:
        return None
    return environment, credentials.load(environment.key)


def open_and_preload(opener: SessionOpener, environment: Environment, token: str) -> Session:
    """``opener(environment, token)``, then the modules of the views that show the session, so
    the GUI thread does not stop to import them."""
    session = opener(environment, token)
    for name in SESSION_VIEWS:
        importlib.import_module(name)
    return session


class SignInHost(Protocol):
    """What the flow needs from the main window."""

    session: Session | None
    banner: Banner

    def widget(self) -> QWidget: ...
    def set_session(self, session: Session) -> None: ...
    def end_session(self) -> Session | None: ...
    def status_message(self, text: str) -> None: ...
    def on_reauthenticated(self, session: Session) -> None: ...


def _account(environment: Environment, token: str) -> str:
    from app.services.accounts import account_identity

    return account_identity(environment, token)


def _leave_and_open(
    old: Session, opener: SessionOpener, environment: Environment, token: str, carry: bool,
) -> Session:
    """Worker: close the account in use, carry its folder over to a new key of the same
    account if asked, then open ``environment`` with ``token``."""
    old.close()
    if carry and old.folder is not None:
        from app.services.accounts import carry_over

        carry_over(old.folder, environment, token)
    session = open_and_preload(opener, environment, token)
    if carry:
        session.outbox.resume()  # orders held for sign-in go with the new key
    return session


def _sign_out(session: Session, credentials: CredentialStore) -> None:
    """Worker: close the session (the report cache is cleared) and forget its token."""
    session.close()
    if session.environment.kind != "sandbox":  # the built-in sandbox's token is never kept
        credentials.delete(session.environment.key)


class SignInFlow(QObject):
    """From no session (or a rejected token) to a session, asking only when it must."""

    token_changed = Signal(str)  # account identity
    account_switched = Signal(str, str)  # account identity, "" or "new_key"
    spot_signed_out = Signal(str)  # account identity

    def __init__(
        self, host: SignInHost, runner: Runner, settings: AppSettings,
        sign_in: SignInContext | None, open_session: SessionOpener | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._window = host
        self._runner = runner
        self._tasks = OwnedTasks(runner, self)
        self._settings = settings
        self._sign_in = sign_in
        self._open_session = open_session
        self._sign_in_dialog: SignInDialog | None = None

    def start(self, kind: str | None = None) -> None:
        """First show: use the session given, or sign in to ``kind`` (default: the last used)
        with the remembered token; the sign-in dialog opens when there is none."""
        if self._window.session is not None:
            return
        self.connect_to(kind or self._settings.environment_kind)

    @property
    def credentials(self) -> CredentialStore | None:
        return self._sign_in.credentials if self._sign_in is not None else None

    def connect_to(self, kind: str) -> None:
        """Sign in to ``kind`` (the custom URL from settings) with its remembered token; the
        sign-in dialog opens when this computer has none."""
        if kind == "sandbox" and self._sign_in is not None and self._sign_in.start_sandbox:
            self._window.status_message(translate("MainWindow", "Starting the built-in sandbox…"))
            self._tasks.run(
                self._sign_in.start_sandbox,
                on_success=lambda started: self._open(*started),
                on_error=lambda exc: self._sign_in_after(describe_error(exc).title),
            )
            return
        if self._sign_in is None:
            self.show_sign_in()
            return
        self._window.status_message(translate("MainWindow", "Signing in…"))
        # The keyring can block (D-Bus, an unlock prompt), and the environment module loads
        # the HTTP client: both on a worker, never on the GUI thread.
        self._tasks.run(
            saved_sign_in, kind, self._settings.custom_url, self._sign_in.credentials,
            on_success=self._on_saved_token_loaded,
            # No password store at all: the dialog says so itself (Remember unticked).
            on_error=lambda exc: self._sign_in_after(
                "" if isinstance(exc, NoKeyringAvailable) else describe_error(exc).sentence
            ),
        )

    def _sign_in_after(self, reason: str) -> None:
        self.show_sign_in(reason)

    def _on_saved_token_loaded(self, saved: tuple[Environment, str | None] | None) -> None:
        environment, token = saved if saved is not None else (None, None)
        if environment is None or not token:
            self.show_sign_in()
            return
        self._open(environment, token)

    def _open(self, environment: Environment, token: str) -> None:
        if self._open_session is None:
            return
        # Every session reaches Spot the way Settings says (loopback always goes direct).
        environment = environment.with_proxy(self._settings.proxy)
        current = self._window.session
        if current is not None:
            self._tasks.run(
                current.outbox.counts,
                on_success=lambda counts: self._switch(current, environment, token, sum(counts)),
                on_error=lambda exc: self._sign_in_after(describe_error(exc).sentence),
            )
            return
        opener = self._open_session
        self._window.status_message(
            translate("MainWindow", "Opening {label}…").format(label=environment.label)
        )
        self._tasks.run(
            open_and_preload, opener, environment, token,
            on_success=self._window.set_session,
            on_error=lambda exc: self._sign_in_after(describe_error(exc).sentence),
            key="open-session",
        )

    def show_sign_in(self, reason: str = "") -> SignInDialog | None:
        """Open the sign-in dialog (non-modal); the window keeps its state meanwhile."""
        if self._sign_in is None:
            self._window.banner.show_error(
                translate("MainWindow", "Sign-in needed"),
                reason or translate("MainWindow", "Restart the app to sign in."),
            )
            return None
        dialog = self._sign_in_dialog
        if dialog is not None:
            # One dialog, kept after Cancel: opening it again shows what was typed (a closed
            # and deleted one left a dead reference here, and sign-in broke until restart).
            if reason or not dialog.isVisible():
                dialog.set_reason(reason)
            if not dialog.isVisible():
                dialog.open()
            dialog.raise_()
            dialog.activateWindow()
            return dialog
        current = self._window.session.environment if self._window.session is not None else None
        kind = current.kind if current is not None else self._settings.environment_kind
        url = current.base_url if current is not None and current.kind == "custom" else (
            self._settings.custom_url
        )
        from app.views.shell.sign_in import SignInDialog

        dialog = SignInDialog(
            self._runner, self._sign_in, self._window.widget(), environment_kind=kind,
            custom_url=url,
            reason=reason,
            proxy=lambda: self._settings.proxy,
        )
        dialog.signed_in.connect(self._on_sign_in_dialog_signed_in)
        dialog.accepted.connect(dialog.deleteLater)  # signed in: the next one starts afresh
        dialog.destroyed.connect(self._forget_sign_in_dialog)
        self._sign_in_dialog = dialog
        dialog.open()
        return dialog

    def _forget_sign_in_dialog(self, *_args: object) -> None:
        self._sign_in_dialog = None

    @Slot(object, str)
    def _on_sign_in_dialog_signed_in(self, choice: SignInChoice) -> None:
        environment, token = choice.environment, choice.token
        self._sign_in_dialog = None
        self._remember_environment(environment)
        account = _account(environment, token)
        if choice.typed:  # an administrator entered a token (not the remembered one)
            self.token_changed.emit(account)
        session = self._window.session
        if session is not None and session.environment.key == environment.key and (
            session.account in ("", account)  # "": a session built by hand, without folder
        ):
            # Off the GUI thread: resuming the outbox rewrites held items in SQLite (fsync).
            self._tasks.run(
                session.reauthenticate,
                token,
                on_success=lambda _none: self._window.on_reauthenticated(session),
                on_error=lambda exc: self._sign_in_after(describe_error(exc).sentence),
                key="reauthenticate",
            )
            return
        self._open(environment, token)

    # --- switching accounts and signing out ---------------------------------------------

    def _switch(
        self, current: Session, environment: Environment, token: str, queued: int
    ) -> None:
        """Another account's token while ``current`` is open: ask first when it has queued
        orders (they stay with it)."""
        if self._window.session is not current:
            return
        if queued == 0:
            self._leave_and_open(current, environment, token, carry=False)
            return

        def chosen(choice: SwitchChoice) -> None:
            if choice is SwitchChoice.STAY:
                self._stay_with(current, environment)
                return
            self._leave_and_open(current, environment, token,
                                 carry=choice is SwitchChoice.CARRY_OVER)

        ask_to_switch_accounts(
            self._window.widget(), queued,
            same_environment=current.environment.key == environment.key, on_choice=chosen,
        )

    def _remember_environment(self, environment: Environment) -> None:
        """The environment the next start opens."""
        self._settings.environment_kind = environment.kind
        if environment.kind == "custom":
            self._settings.custom_url = environment.base_url

    def _stay_with(self, current: Session, typed: Environment) -> None:
        """The user stays with ``current``: the next start opens it too, not the environment
        and token just typed (the sign-in dialog already remembered those)."""
        self._remember_environment(current.environment)
        credentials = self.credentials
        if credentials is not None and typed.key == current.environment.key:
            self._tasks.run(
                current.keep_token_in, credentials, durable=True,
                on_error=lambda exc: self._window.status_message(describe_error(exc).sentence),
            )
        self._window.status_message(
            translate("MainWindow", "Still working with the same Spot account."))

    def _leave_and_open(
        self, current: Session, environment: Environment, token: str, *, carry: bool
    ) -> None:
        if self._open_session is None or self._window.session is not current:
            return
        self._window.end_session()
        self._window.status_message(
            translate("MainWindow", "Opening {label}…").format(label=environment.label)
        )

        def opened(session: Session) -> None:
            self._window.set_session(session)
            self.account_switched.emit(session.account or _account(environment, token),
                                       "new_key" if carry else "")

        self._tasks.run(
            _leave_and_open, current, self._open_session, environment, token, carry,
            on_success=opened,
            on_error=lambda exc: self._sign_in_after(describe_error(exc).sentence),
            key="open-session", durable=True,  # closes a session, may move its folder
        )

    def sign_out_of_spot(self) -> None:
        """File → Sign out of Spot (administrators): asks, then closes the session's windows
        (drafts saved first), closes the session (report cache cleared), removes the token
        from the keyring and shows the sign-in dialog. Queued orders stay with the account."""
        session = self._window.session
        if session is None or self._sign_in is None:
            return
        ask_to_confirm(
            self._window.widget(), translate("MainWindow", "Sign out of Spot?"),
            translate(
                "MainWindow", "The API token for {label} is removed from this computer and "
                "the windows working with it close; typed orders are kept as drafts. Orders "
                "still waiting are kept too and are sent after someone signs in again with "
                "this account's token."
            ).format(label=session.environment.label),
            translate("MainWindow", "Sign &out"), translate("MainWindow", "&Stay signed in"),
            lambda: self._sign_out(session),
        )

    def _sign_out(self, session: Session) -> None:
        if self._sign_in is None or self._window.session is not session:
            return
        self._window.end_session()
        account = session.account

        def done(_none: object) -> None:
            self.spot_signed_out.emit(account)
            self._window.status_message(translate("MainWindow", "Signed out of Spot."))
            self.show_sign_in(translate(
                "MainWindow", "Signed out of Spot: the token was removed from this computer."))

        self._tasks.run(
            _sign_out, session, self._sign_in.credentials, on_success=done,
            on_error=lambda exc: self._sign_in_after(describe_error(exc).sentence),
            durable=True,  # closes the session, removes the token
        )
