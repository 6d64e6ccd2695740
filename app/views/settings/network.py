"""Settings → Network: how this computer reaches Spot (system proxy, no proxy, or a manual
proxy URL), with a Test connection that goes the chosen way before anything is saved.

The choice belongs to this computer (it is not in the clinic's setup file). It applies at
once: the shell gives the open session a new client (`Session.use_proxy`). Loopback servers
(the built-in sandbox, a server on this computer) never go through a proxy, and the API
token only ever travels to Spot's own host, inside the TLS tunnel a proxy cannot read.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from app.marks import QT_TRANSLATE_NOOP
from app.services.environments import DIRECT, SYSTEM_PROXY, ConnectionCheck, ProxySetting
from app.services.errors import describe_error
from app.tasks import OwnedTasks, Runner
from app.views.common.app_settings import AppSettings
from app.views.common.message_strip import strip_style
from app.views.common.tone_colors import tone_text

__all__ = ["NetworkSection", "ProxyCheck"]

ProxyCheck = Callable[[ProxySetting], ConnectionCheck]
"""Test connection with the session's token through a proxy (blocking: runs on a worker)."""

# What `ProxySetting` (and `proxy()`) say about an unusable manual URL, for the catalogue.
_URL_PROBLEMS = (
    QT_TRANSLATE_NOOP("NetworkSection",
                      "Enter the proxy address, e.g. http://proxy.clinic.example:3128"),
    QT_TRANSLATE_NOOP("NetworkSection", "That doesn't look like a proxy address"),
    QT_TRANSLATE_NOOP("NetworkSection",
                      "Enter the proxy as http://host:port (or https://host:port)"),
    QT_TRANSLATE_NOOP("NetworkSection", "Enter only the proxy's scheme, host and port"),
)


class NetworkSection(QGroupBox):
    """The proxy choice; ``validate()`` before ``save()`` (the dialog's OK does both)."""

    def __init__(
        self, settings: AppSettings, runner: Runner, check: ProxyCheck | None,
        parent: QWidget | None = None,
    ) -> None:
        """``check``: None when no one is signed in (Test connection needs the token)."""
        super().__init__(self.tr("Network (this computer)"), parent)
        self.setObjectName("networkSection")
        self._settings = settings
        self._check = check
        self._tasks = OwnedTasks(runner, self)
        saved = settings.proxy

        self.system_radio = QRadioButton(self.tr("S&ystem settings"), self)
        self.system_radio.setToolTip(self.tr(
            "The proxy set up in Windows (or macOS, or the HTTPS_PROXY variable), with its "
            "list of addresses that go direct."
        ))
        self.none_radio = QRadioButton(self.tr("N&o proxy"), self)
        self.manual_radio = QRadioButton(self.tr("Man&ual:"), self)
        self._choices = QButtonGroup(self)
        for radio in (self.system_radio, self.none_radio, self.manual_radio):
            self._choices.addButton(radio)
        {"system": self.system_radio, "none": self.none_radio,
         "manual": self.manual_radio}[saved.mode].setChecked(True)
        self._choices.buttonToggled.connect(self._on_choice_toggled)

        self.url_edit = QLineEdit(saved.url, self)
        self.url_edit.setObjectName("proxyUrl")
        self.url_edit.setPlaceholderText("http://proxy.clinic.example:3128")
        self.url_edit.setAccessibleName(self.tr("Proxy address"))
        self.url_edit.textEdited.connect(self._on_url_edited)
        self.url_edit.editingFinished.connect(self._on_url_editing_finished)
        self.url_message = QLabel(self)
        self.url_message.setObjectName("proxyUrlMessage")
        self.url_message.setWordWrap(True)
        self.url_message.hide()

        self.test_button = QPushButton(self.tr("Test &connection"), self)
        self.test_button.setObjectName("proxyTestButton")
        self.test_button.setAutoDefault(False)
        self.test_button.clicked.connect(self._on_test_button_clicked)
        if check is None:
            self.test_button.setEnabled(False)
            self.test_button.setToolTip(self.tr("Sign in first: the test uses your token."))
        self.test_result = QLabel(self)
        self.test_result.setObjectName("proxyTestResult")
        self.test_result.setWordWrap(True)
        self.note = QLabel(self.tr(
            "Applies at once, no restart needed. The built-in sandbox and servers on this "
            "computer never go through a proxy."
        ), self)
        self.note.setWordWrap(True)

        choices = QHBoxLayout()
        for radio in (self.system_radio, self.none_radio, self.manual_radio):
            choices.addWidget(radio)
        choices.addWidget(self.url_edit, 1)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        form = QFormLayout(self)
        form.addRow(self.tr("Proxy:"), choices)
        form.addRow("", self.url_message)
        form.addRow("", test_row)
        form.addRow(self.note)
        self._on_choice_toggled()

    # --- reading the form --------------------------------------------------------------

    def proxy(self) -> ProxySetting:
        """The choice as the form stands; ValueError (plain English) for a bad manual URL."""
        if self.none_radio.isChecked():
            return DIRECT
        if self.manual_radio.isChecked():
            text = self.url_edit.text().strip()
            if not text:
                raise ValueError("Enter the proxy address, e.g. http://proxy.clinic.example:3128")
            return ProxySetting.manual(text)
        return SYSTEM_PROXY

    def validate(self) -> bool:
        """Say what is wrong next to the address field (and go there); True when fine."""
        try:
            self.proxy()
        except ValueError as exc:
            self._show_url_problem(str(exc))
            self.url_edit.setFocus()
            return False
        self._show_url_problem("")
        return True

    def save(self) -> None:
        self._settings.proxy = self.proxy()

    # --- reacting ------------------------------------------------------------------------

    def _show_url_problem(self, text: str) -> None:
        shown = QCoreApplication.translate("NetworkSection", text) if text else ""
        self.url_message.setText(shown)
        self.url_message.setStyleSheet(strip_style("error", compact=True) if shown else "")
        self.url_message.setAccessibleName(shown)
        self.url_message.setVisible(bool(shown))

    @Slot()
    def _on_choice_toggled(self) -> None:
        manual = self.manual_radio.isChecked()
        self.url_edit.setEnabled(manual)
        if not manual:
            self._show_url_problem("")
        self.test_result.clear()

    @Slot()
    def _on_url_edited(self) -> None:
        self._show_url_problem("")  # the next check happens when the field is left or on OK
        self.test_result.clear()

    @Slot()
    def _on_url_editing_finished(self) -> None:
        if self.manual_radio.isChecked() and self.url_edit.text().strip():
            self.validate()

    @Slot()
    def _on_test_button_clicked(self) -> None:
        check = self._check
        if check is None or not self.validate():
            return
        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("Testing the connection…"))
        tone_text(self.test_result, None)
        self._tasks.run(check, self.proxy(), on_success=self._on_tested,
                        on_error=self._on_test_failed, key="proxy-test")

    def _on_tested(self, result: ConnectionCheck) -> None:
        self.test_button.setEnabled(True)
        self.test_result.setText(result.message)
        tone_text(self.test_result, "good" if result.ok else "warning")

    def _on_test_failed(self, exc: BaseException) -> None:
        self.test_button.setEnabled(True)
        self.test_result.setText(describe_error(exc).sentence)
        tone_text(self.test_result, "warning")
