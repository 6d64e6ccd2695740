"""Help for the desk and for support, beside the main window: Help → About, Copy diagnostics,
File → Export/Import clinic setup, and the marks that say what kind of session this is (the
sandbox band, the session-only token). Texts keep the window's context ("MainWindow")."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QStatusBar, QWidget

from app.paths import paths
from app.services.credentials import CredentialStore
from app.tasks import OwnedTasks, Runner
from app.views.common.app_settings import AppSettings
from app.views.settings.setup_io import SetupTransfer
from app.views.shell.banner import Banner
from app.views.shell.session_marks import SandboxBand, SessionOnlyMark

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


if TYPE_CHECKING:
    from app.services.session import Session

__all__ = ["DeskSupport", "SupportHost"]


class SupportHost(Protocol):
    session: Session | None
    banner: Banner

    def widget(self) -> QWidget: ...
    def status_message(self, text: str) -> None: ...
    def last_sync(self) -> datetime | None: ...
    def settings_changed(self) -> None: ...
    def connect_to(self, kind: str) -> None: ...


class DeskSupport(QObject):
    """Owns the sandbox band (put it above the tabs) and the session-only status mark."""

    def __init__(
        self, host: SupportHost, runner: Runner, settings: AppSettings,
        credentials: CredentialStore | None, status_bar: QStatusBar,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._host = host
        self._runner = runner
        self._tasks = OwnedTasks(runner, self)
        self._settings = settings
        self._credentials = credentials
        self.sandbox_band = SandboxBand()
        self.session_only_mark = SessionOnlyMark()
        status_bar.addPermanentWidget(self.session_only_mark)
        self.setup_transfer = SetupTransfer(host.widget(), runner, settings, self._on_imported)

    # --- marks ------------------------------------------------------------------------

    def session_opened(self, session: Session) -> None:
        """The sandbox band, and the session-only token mark (explained once per computer)."""
        self.sandbox_band.show_for(session.environment.kind)
        session_only = self._credentials is not None and self._credentials.is_session_only(
            session.environment.key
        )
        self.session_only_mark.setVisible(session_only)
        if session_only and not self._settings.notice_shown("no_keyring"):
            self._settings.set_notice_shown("no_keyring")
            self._host.banner.show_info(
                translate("MainWindow", "The API token is kept for this session only"),
                translate("MainWindow",
                          "This computer has no password store, so you'll paste the token "
                          "again next time the app starts. The status bar says so too."),
            )

    # --- clinic setup -------------------------------------------------------------------

    def export_setup(self) -> None:
        self.setup_transfer.choose_export()

    def import_setup(self) -> None:
        self.setup_transfer.choose_import()

    def _on_imported(self, _setup: object) -> None:
        """The new catalog and interval apply now; another environment is signed in to with
        its remembered token (or the sign-in dialog asks for one)."""
        session = self._host.session
        self._host.settings_changed()
        if session is None or session.environment.key != self._settings.environment_key:
            self._host.connect_to(self._settings.environment_kind)

    # --- help ---------------------------------------------------------------------------

    def show_about(self) -> None:
        from app.views.shell.about import AboutDialog

        session, where = self._host.session, paths()
        dialog = AboutDialog(
            self._runner,
            environment=session.environment.label if session is not None
            else translate("MainWindow", "Not signed in"),
            environment_key=session.environment.key if session is not None else None,
            data_folder=where.data, log_folder=where.logs, credentials=self._credentials,
            copy_diagnostics=self.copy_diagnostics, parent=self._host.widget(),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def copy_diagnostics(self) -> None:
        """Help → Copy diagnostics (and the banner's button): gathered off the GUI thread."""
        from app.views.shell.diagnostics import LiveFacts, gather

        session = self._host.session
        last = self._host.last_sync()
        facts = LiveFacts(
            environment_kind=session.environment.kind if session is not None
            else self._settings.environment_kind,
            environment_key=session.environment.key if session is not None else "",
            outbox=session.outbox.counts() if session is not None else None,
            last_sync=last.strftime("%Y-%m-%d %H:%M:%S") if last is not None else "",
        )
        credentials = self._credentials or CredentialStore()
        self._tasks.run(gather, credentials, facts, on_success=self._on_gathered,
                        key="diagnostics")

    def _on_gathered(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self._host.status_message(translate(
            "MainWindow", "Diagnostics copied: paste them into your message to support. They "
            "hold no patient data and no token."
        ))
