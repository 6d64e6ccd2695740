"""The main window says when patient data can't be kept encrypted on disk this session."""

from __future__ import annotations

import keyring.errors as kr_errors
import pytest
from pytestqt.qtbot import QtBot

from app.sandbox import SandboxServer
from app.services import data_key
from tests.helpers.keyring import FailingKeyring
from tests.helpers.main_window import (  # noqa: F401
    MakeWindow,
    pytestmark,
    sign_in_to_sandbox,
)


def test_without_a_password_store_the_desk_works_and_is_told_nothing_is_saved(
    qtbot: QtBot, seeded: SandboxServer, make_window: MakeWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(data_key, "default_backend",
                        lambda: FailingKeyring(kr_errors.NoKeyringError()))
    window = make_window()
    sign_in_to_sandbox(qtbot, window)  # the orders show as usual
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
