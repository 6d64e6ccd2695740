"""Settings → Network: the proxy choice, driven like an administrator would, and what it
changes: a manual address checked next to the field, Test connection going the chosen way,
and the open session switching at once (no restart)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from app.api.transport import DIRECT, SYSTEM_PROXY, ProxySetting
from app.sandbox import SandboxServer
from app.services.session import Session
from app.tasks import TaskRunner
from app.views.common.app_settings import AppSettings
from app.views.settings.dialog import SettingsDialog
from app.views.settings.network import NetworkSection
from app.views.shell.settings_opener import open_settings_dialog
from tests.helpers.fixtures import CLINIC_TOKEN as TOKEN
from tests.helpers.main_window import WAIT_MS, MakeWindow, open_dialog, sign_in_to_custom
from tests.helpers.net import proxy_answering, raw_server

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

_PARENTS: list[QWidget] = []  # the windows the dialogs open over, alive for the test


@pytest.fixture(autouse=True)
def _forget_parents() -> Iterator[None]:
    yield
    _PARENTS.clear()


def _open(qtbot: QtBot, runner: TaskRunner, session: Session | None = None,
          settings: AppSettings | None = None) -> tuple[SettingsDialog, NetworkSection]:
    parent = QWidget()
    qtbot.addWidget(parent)
    _PARENTS.append(parent)
    dialog = open_settings_dialog(parent, settings or AppSettings(), runner, session)
    qtbot.waitExposed(dialog)
    section = dialog.findChild(NetworkSection)
    assert section is not None
    return dialog, section


def _click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _ok(qtbot: QtBot, dialog: SettingsDialog) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert button is not None
    _click(qtbot, button)


def _type_manual(qtbot: QtBot, section: NetworkSection, url: str) -> None:
    _click(qtbot, section.manual_radio)
    section.url_edit.clear()
    qtbot.keyClicks(section.url_edit, url)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Enter the proxy address, e.g. http://proxy.clinic.example:3128"),
        ("proxy.clinic.example:3128",
         "Enter the proxy as http://host:port (or https://host:port)"),
        ("socks5://proxy.clinic.example:1080",
         "Enter the proxy as http://host:port (or https://host:port)"),
        ("http://proxy.clinic.example:3128/pac", "Enter only the proxy's scheme, host and port"),
        ("http://proxy clinic:3128", "That doesn't look like a proxy address"),
    ],
)
def test_a_bad_manual_proxy_is_refused_next_to_the_field(
    qtbot: QtBot, runner: TaskRunner, typed: str, message: str
) -> None:
    dialog, section = _open(qtbot, runner)
    assert section.system_radio.isChecked()  # nothing chosen yet: the system's proxy
    assert not section.url_edit.isEnabled()
    _type_manual(qtbot, section, typed)
    _ok(qtbot, dialog)
    assert dialog.isVisible()  # not saved
    assert section.url_message.isVisible()
    assert section.url_message.text() == message
    assert dialog.focusWidget() is section.url_edit
    assert AppSettings().proxy == SYSTEM_PROXY
    # Typing again clears the message; a good address is then saved.
    _type_manual(qtbot, section, "http://proxy.clinic.example:3128")
    assert not section.url_message.isVisible()
    with qtbot.waitSignal(dialog.accepted):
        _ok(qtbot, dialog)
    assert AppSettings().proxy == ProxySetting.manual("http://proxy.clinic.example:3128")


def test_the_choice_is_saved_and_shown_again(qtbot: QtBot, runner: TaskRunner) -> None:
    dialog, section = _open(qtbot, runner)
    _type_manual(qtbot, section, "https://proxy.clinic.example:8443")
    with qtbot.waitSignal(dialog.accepted):
        _ok(qtbot, dialog)
    dialog, section = _open(qtbot, runner)
    assert section.manual_radio.isChecked()
    assert section.url_edit.isEnabled()
    assert section.url_edit.text() == "https://proxy.clinic.example:8443"
    _click(qtbot, section.none_radio)
    assert not section.url_edit.isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        _ok(qtbot, dialog)
    assert AppSettings().proxy == DIRECT
    dialog, section = _open(qtbot, runner)
    assert section.none_radio.isChecked()


def test_test_connection_needs_a_signed_in_session(qtbot: QtBot, runner: TaskRunner) -> None:
    _dialog, section = _open(qtbot, runner)
    assert not section.test_button.isEnabled()
    assert "Sign in first" in section.test_button.toolTip()


def test_test_connection_goes_through_the_proxy_on_the_form_before_saving(
    qtbot: QtBot, runner: TaskRunner, clinic_session: Session
) -> None:
    dialog, section = _open(qtbot, runner, clinic_session)
    with raw_server(proxy_answering(b"403 Forbidden", whole_head=True)) as (port, seen):
        _type_manual(qtbot, section, f"http://127.0.0.1:{port}")
        _click(qtbot, section.test_button)
        qtbot.waitUntil(lambda: section.test_button.isEnabled(), timeout=WAIT_MS)
    assert section.test_result.text().startswith("The proxy server refused the connection")
    assert [head.split(b"\r\n", 1)[0] for head in seen] == [
        b"CONNECT spot.clinic.example:443 HTTP/1.1"
    ]
    assert TOKEN.encode() not in b"".join(seen)  # the token stays inside the tunnel
    # Nothing saved or switched by a test; Cancel keeps it that way.
    dialog.reject()
    assert AppSettings().proxy == SYSTEM_PROXY
    assert clinic_session.environment.proxy == SYSTEM_PROXY


def test_a_new_proxy_applies_to_the_open_session_without_a_restart(
    qtbot: QtBot, sandbox: SandboxServer, make_window: MakeWindow
) -> None:
    window = make_window()
    sign_in_to_custom(qtbot, window, sandbox)  # a server on this computer (loopback)
    with raw_server(proxy_answering(b"502 Bad Gateway")) as (port, seen):
        manual = ProxySetting.manual(f"http://127.0.0.1:{port}")
        window.open_settings()
        dialog = window.findChild(SettingsDialog)
        assert dialog is not None
        section = dialog.findChild(NetworkSection)
        assert section is not None
        _type_manual(qtbot, section, manual.url)
        _click(qtbot, section.test_button)
        qtbot.waitUntil(lambda: section.test_button.isEnabled(), timeout=WAIT_MS)
        assert section.test_result.text() == "Connected: Spot accepted the token."
        with qtbot.waitSignal(dialog.accepted):
            _ok(qtbot, dialog)
        session = window.session
        assert session is not None
        qtbot.waitUntil(lambda: session.environment.proxy == manual, timeout=WAIT_MS)
        assert session.client.proxy == manual
        qtbot.waitUntil(lambda: not window.refresh_in_progress(), timeout=WAIT_MS)
        window.refresh_now()
        qtbot.waitUntil(lambda: not window.refresh_in_progress(), timeout=WAIT_MS)
        assert window.online_label.text() == "● Online"
    assert seen == []  # loopback never goes through the proxy, whatever the choice


def test_sign_in_test_connection_goes_the_way_settings_say(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    with raw_server(proxy_answering(b"403 Forbidden", whole_head=True)) as (port, seen):
        settings = AppSettings()
        settings.proxy = ProxySetting.manual(f"http://127.0.0.1:{port}")
        window = make_window(settings=settings)
        window.show()
        window.start()
        dialog = open_dialog(qtbot, window)
        dialog.environment_combo.setCurrentIndex(dialog.environment_combo.findData("production"))
        qtbot.keyClicks(dialog.token_edit, TOKEN)
        _click(qtbot, dialog.test_button)
        qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=WAIT_MS)
    assert dialog.status_label.text().startswith("The proxy server refused the connection")
    assert [head.split(b"\r\n", 1)[0] for head in seen] == [b"CONNECT app.spotdx.com:443 HTTP/1.1"]
    assert TOKEN.encode() not in b"".join(seen)
