"""Help → About: the version, the environment, the data and log folders (each with Open), the
keyring in use ("this session only" without one), and Copy diagnostics."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME, __version__
from app.services.credentials import CredentialStore
from app.tasks import Runner

__all__ = ["AboutDialog"]


class AboutDialog(QDialog):
    """Facts support asks for first; the keyring is looked up off the GUI thread."""

    def __init__(
        self,
        runner: Runner,
        *,
        environment: str,
        environment_key: str | None,
        data_folder: Path,
        log_folder: Path,
        credentials: CredentialStore | None,
        copy_diagnostics: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About {name}").format(name=APP_NAME))
        title = QLabel(f"<b>{APP_NAME}</b> {__version__}")
        title.setObjectName("aboutVersion")
        self.version_label = title
        self.environment_label = QLabel(environment)
        self.data_label = self._path_label(data_folder)
        self.log_label = self._path_label(log_folder)
        self.keyring_label = QLabel(self.tr("Checking…"))
        self.keyring_label.setObjectName("aboutKeyring")
        self.keyring_label.setWordWrap(True)
        self.open_data_button = self._open_button(self.tr("Open &data folder"), data_folder)
        self.open_log_button = self._open_button(self.tr("Open &log folder"), log_folder)
        form = QFormLayout()
        form.addRow(self.tr("Environment:"), self.environment_label)
        form.addRow(self.tr("Data folder:"), self._with_button(self.data_label,
                                                             self.open_data_button))
        form.addRow(self.tr("Log folder:"), self._with_button(self.log_label,
                                                            self.open_log_button))
        form.addRow(self.tr("Password store:"), self.keyring_label)
        self.copy_button = QPushButton(self.tr("&Copy diagnostics"))
        self.copy_button.setToolTip(self.tr(
            "Versions, environment, outbox counts and recent error types for support: "
            "never patient data or the token"
        ))
        self.copy_button.clicked.connect(copy_diagnostics)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 72)
        if credentials is None:
            self.keyring_label.setText(self.tr("Not used here"))
        else:
            runner.run(
                _keyring_facts, credentials, environment_key,
                on_success=self._show_keyring, on_error=lambda _exc: self._show_keyring(
                    (False, "", False)),
            )

    def _path_label(self, folder: Path) -> QLabel:
        label = QLabel(str(folder))
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _open_button(self, text: str, folder: Path) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
        return button

    @staticmethod
    def _with_button(label: QLabel, button: QPushButton) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label, 1)
        layout.addWidget(button)
        return row

    def _show_keyring(self, facts: tuple[bool, str, bool]) -> None:
        available, backend, session_only = facts
        if not available:
            text = self.tr("None on this computer: the API token is kept for this session only "
                           "(you'll paste it again next time the app starts).")
        elif session_only:
            text = self.tr("{backend} — the API token is kept for this session only.").format(
                backend=backend)
        else:
            text = backend
        self.keyring_label.setText(text)
        self.adjustSize()


def _keyring_facts(
    credentials: CredentialStore, environment_key: str | None
) -> tuple[bool, str, bool]:
    """(a keyring exists, its name, the current token is session-only) — blocking."""
    available = credentials.keyring_available()
    session_only = environment_key is not None and credentials.is_session_only(environment_key)
    return available, credentials.backend_name() if available else "", session_only
