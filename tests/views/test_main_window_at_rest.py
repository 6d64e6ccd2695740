"""The main window says when patient data can't be kept encrypted on disk this session."""

from __future__ import annotations

import keyring.errors as kr_errors
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.sandbox import SandboxServer
from app.services import data_key
from app.views.shell.main_window import MainWindow
from tests.helpers.keyring import FailingKeyring, MemoryKeyring
from tests.helpers.main_window import (  # noqa: F401
    SEEDED,
    WAIT_MS,
    MakeWindow,
    fake_order,
    pytestmark,
    sign_in_to_sandbox,
)


def _signed_in_without_a_password_store(
    qtbot: QtBot, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> MainWindow:
    monkeypatch.setattr(data_key, "default_backend",
                        lambda: FailingKeyring(kr_errors.NoKeyringError()))
    window = make_window()
    sign_in_to_sandbox(qtbot, window)  # the orders show as usual
    return window


def test_without_a_password_store_the_desk_works_and_is_told_nothing_is_saved(
    qtbot: QtBot, seeded: SandboxServer, make_window: MakeWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = _signed_in_without_a_password_store(qtbot, make_window, monkeypatch)
    assert window.banner.isVisible()
    assert window.banner.title_label.text() == (
        "This computer's password store isn't available, so nothing is saved to disk"
    )
    assert window.session is not None
    assert window.session.data_key is not None
    assert window.session.data_key.memory_only


def test_with_a_password_store_there_is_no_notice(
    qtbot: QtBot, seeded: SandboxServer, make_window: MakeWindow
) -> None:
    window = make_window()
    sign_in_to_sandbox(qtbot, window)
    assert not window.banner.isVisible()


def test_without_a_password_store_quitting_with_orders_waiting_warns_they_would_be_lost(
    qtbot: QtBot, seeded: SandboxServer, make_window: MakeWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = _signed_in_without_a_password_store(qtbot, make_window, monkeypatch)
    session = window.session
    assert session is not None
    session.outbox.stop()  # Spot unreachable: the order waits, in memory only
    session.outbox.submit(fake_order("Waiter"))
    qtbot.waitUntil(lambda: window.outbox_label.text() == "Outbox: 1 waiting · 0 to fix",
                    timeout=WAIT_MS)

    window.close()
    box = window.quit_guard.box
    assert box is not None
    assert box.text() == "Some orders haven't reached Spot yet"
    assert "kept in memory only: these orders would be lost" in box.informativeText()
    assert "sent the next time" not in box.informativeText()
    assert sorted(b.text() for b in box.buttons()) == ["Keep the app open", "Quit anyway"]
    qtbot.mouseClick(next(b for b in box.buttons() if b.text() == "Keep the app open"),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.quit_guard.box is None)
    assert window.isVisible()


def test_after_a_lost_key_the_desk_is_told_how_many_waiting_orders_could_not_be_unlocked(
    qtbot: QtBot, seeded: SandboxServer, make_window: MakeWindow, data_keyring: MemoryKeyring,
) -> None:
    window = make_window()
    sign_in_to_sandbox(qtbot, window)
    session = window.session
    assert session is not None
    session.outbox.stop()  # Spot unreachable: two orders wait in the outbox
    session.outbox.submit(fake_order("Waitone"))
    session.outbox.submit(fake_order("Waittwo"))
    window.shutdown()  # quit
    assert window.session is None

    data_keyring.entries.clear()  # e.g. a new Windows profile
    again = make_window()
    again.show()
    again.start()  # signs in to the sandbox again by itself
    qtbot.waitUntil(lambda: again.order_count() == SEEDED, timeout=WAIT_MS)  # fetched again
    assert again.banner.isVisible()
    assert again.banner.title_label.text() == (
        "2 order(s) waiting to be sent couldn't be unlocked on this computer")
