"""Help for support and marks on the window: About, Copy diagnostics, the session-only token
without a password store, and the sandbox band."""

from __future__ import annotations

import keyring.errors as kr_errors
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices, QGuiApplication
from pytestqt.qtbot import QtBot

from app import __version__
from app.compose import check_connection
from app.paths import paths
from app.sandbox import SandboxServer
from app.sandbox.catalog import FIRST_NAMES, LAST_NAMES
from app.services.credentials import CredentialStore
from app.services.environments import Environment
from app.views.shell.about import AboutDialog
from app.views.shell.main_window import MainWindow
from app.views.shell.sign_in import SignInContext
from tests.helpers.keyring import FailingKeyring
from tests.helpers.main_window import (  # noqa: F401 - pytestmark applies here too
    SEEDED,
    WAIT_MS,
    MakeWindow,
    UrlCatcher,
    open_dialog,
    pytestmark,
    sign_in_to_sandbox,
)


def about(qtbot: QtBot, window: MainWindow) -> AboutDialog:
    window.commands["about"].trigger()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(AboutDialog)),
                    timeout=WAIT_MS)
    dialog = next(d for d in window.findChildren(AboutDialog) if d.isVisible())
    qtbot.waitUntil(lambda: dialog.keyring_label.text() != "Checking…", timeout=WAIT_MS)
    return dialog


def test_about_shows_version_environment_folders_and_keyring(
    qtbot: QtBot, sandbox: SandboxServer, make_window: MakeWindow
) -> None:
    sandbox.seed(SEEDED)
    window = make_window()
    sign_in_to_sandbox(qtbot, window)
    dialog = about(qtbot, window)
    assert __version__ in dialog.version_label.text()
    assert dialog.environment_label.text() == "Sandbox (built-in)"
    assert dialog.data_label.text() == str(paths().data)
    assert dialog.log_label.text() == str(paths().logs)
    assert dialog.keyring_label.text() == "tests.helpers.keyring.MemoryKeyring"
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        qtbot.mouseClick(dialog.open_log_button, Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert catcher.urls == [f"file://{paths().logs}"]


def test_copy_diagnostics_from_the_help_menu_and_the_error_banner(
    qtbot: QtBot, sandbox: SandboxServer, make_window: MakeWindow
) -> None:
    sandbox.seed(SEEDED)
    window = make_window()
    sign_in_to_sandbox(qtbot, window)
    clipboard = QGuiApplication.clipboard()
    clipboard.clear()
    window.commands["copy_diagnostics"].trigger()
    qtbot.waitUntil(lambda: clipboard.text().startswith("Spot Front Desk"), timeout=WAIT_MS)
    text = clipboard.text()
    assert "Environment: sandbox" in text
    assert "Outbox (sandbox): 0 queued, 0 need attention" in text
    assert "Last sync: 20" in text
    for secret in (sandbox.token, *FIRST_NAMES, *LAST_NAMES):
        assert secret not in text
    sandbox.set_faults(error_rate=1.0)
    window.refresh_now()
    qtbot.waitUntil(lambda: window.banner.diagnostics_button.isVisible(), timeout=WAIT_MS)
    clipboard.clear()
    qtbot.mouseClick(window.banner.diagnostics_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: clipboard.text().startswith("Spot Front Desk"), timeout=WAIT_MS)


def test_without_a_password_store_the_token_is_for_this_session_only_said_once(
    qtbot: QtBot, sandbox: SandboxServer, make_window: MakeWindow
) -> None:
    sandbox.seed(3)
    context = SignInContext(
        credentials=CredentialStore(keyring_backend=FailingKeyring(
            kr_errors.NoKeyringError("no backend"))),
        check_connection=check_connection,
        start_sandbox=lambda: (Environment.sandbox(sandbox.base_url), sandbox.token),
    )
    window = make_window(sign_in=context)
    window.show()
    window.start()
    dialog = open_dialog(qtbot, window)
    dialog.environment_combo.setCurrentIndex(dialog.environment_combo.findData("custom"))
    qtbot.waitUntil(lambda: not dialog.remember_box.isEnabled(), timeout=WAIT_MS)
    assert not dialog.remember_box.isChecked()  # unticked: nothing to remember it in
    assert "session only" in dialog.keyring_note.text()
    qtbot.keyClicks(dialog.url_edit, sandbox.base_url)
    qtbot.keyClicks(dialog.token_edit, sandbox.token)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)  # no error, no question
    qtbot.waitUntil(lambda: window.session is not None, timeout=WAIT_MS)
    assert window.support.session_only_mark.isVisible()
    assert window.banner.title_label.text() == "The API token is kept for this session only"
    assert "session only" in about(qtbot, window).keyring_label.text()
    # Signing in again (the next session) does not repeat the message.
    window.show_sign_in()
    again = open_dialog(qtbot, window)
    again.environment_combo.setCurrentIndex(again.environment_combo.findData("sandbox"))
    qtbot.mouseClick(again.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session is not None
                    and window.session.environment.kind == "sandbox", timeout=WAIT_MS)
    assert window.banner.title_label.text() != "The API token is kept for this session only"


def test_the_sandbox_is_marked_by_a_coloured_band_and_a_real_server_is_not(
    qtbot: QtBot, sandbox: SandboxServer, make_window: MakeWindow
) -> None:
    sandbox.seed(3)
    window = make_window()
    sign_in_to_sandbox(qtbot, window, expected=3)
    band = window.support.sandbox_band
    assert band.isVisible()
    assert band.text().startswith("Sandbox: test data only")
    assert band.geometry().top() < window.tabs.geometry().top()  # above the orders
    window.show_sign_in()
    dialog = open_dialog(qtbot, window)
    dialog.environment_combo.setCurrentIndex(dialog.environment_combo.findData("custom"))
    qtbot.keyClicks(dialog.url_edit, sandbox.base_url)
    qtbot.keyClicks(dialog.token_edit, sandbox.token)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session is not None
                    and window.session.environment.kind == "custom", timeout=WAIT_MS)
    assert not band.isVisible()


