"""The status bar's Online mark follows the last request, and a good refresh sends the outbox.

Issue 22 items 4 and 5, against the sandbox with its fault switches.
"""

from __future__ import annotations

import functools

import pytest
from pytestqt.qtbot import QtBot

import app.services.session as session_module
from app.sandbox import SandboxServer
from app.services.outbox import Outbox
from tests.helpers.main_window import (  # noqa: F401 - pytestmark applies here too
    ORDER,
    SEEDED,
    WAIT_MS,
    MakeWindow,
    pytestmark,
    sign_in_to_sandbox,
)


def test_a_rejected_token_is_not_online(
    qtbot: QtBot, sandbox: SandboxServer, make_window: MakeWindow
) -> None:
    sandbox.seed(SEEDED)
    window = make_window()
    sign_in_to_sandbox(qtbot, window)
    assert window.online_label.text() == "● Online"
    assert window.session is not None
    window.session.reauthenticate("revoked-token-0000")
    window.refresh_now()
    qtbot.waitUntil(lambda: window.online_label.text() == "● Sign-in needed", timeout=WAIT_MS)


def test_a_failed_send_is_not_online_and_a_good_refresh_sends_at_once(
    qtbot: QtBot, sandbox: SandboxServer, make_window: MakeWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A backoff of 5 to 10 minutes: only a wake-up can send the order within the test.
    monkeypatch.setattr(
        session_module, "Outbox", functools.partial(Outbox, backoff_base=600, backoff_cap=600)
    )
    sandbox.seed(SEEDED)
    window = make_window()
    sign_in_to_sandbox(qtbot, window)
    session = window.session
    assert session is not None
    # Spot answers "busy, try again in a second" to everything: a failure that leaves no doubt
    # (a 5xx might have created the order, and the outbox then waits out its 120 s window).
    sandbox.set_faults(rate_limit_rate=1.0)
    item = session.outbox.submit(ORDER)

    def failed_once() -> bool:
        now = session.outbox.get(item.item_id)
        return now is not None and now.state == "queued" and now.attempts >= 1 and bool(
            now.last_error)

    qtbot.waitUntil(failed_once, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.online_label.text() != "● Online", timeout=WAIT_MS)
    assert window.online_label.text() == "● Spot not answering normally"
    sandbox.set_faults()  # Spot is back
    window.refresh_now()
    qtbot.waitUntil(lambda: session.outbox.get(item.item_id).state == "sent",  # type: ignore[union-attr]
                    timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.online_label.text() == "● Online", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.order_count() == SEEDED + 1, timeout=WAIT_MS)

