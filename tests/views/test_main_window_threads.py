"""The main window keeps disk and network work off the GUI thread (real window, real runner)."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.api import models
from app.compose import open_session
from app.sandbox import SandboxServer
from app.services.environments import Environment
from app.tasks import TaskRunner
from app.views.common.events import ReportRequest
from app.views.reports.report_viewer import ReportWindow
from app.views.requisitions.view import RequisitionsView
from app.views.shell.main_window import MainWindow
from app.views.shell.sign_in import SignInChoice
from tests.helpers.main_window import MakeWindow

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)

WAIT_MS = 15_000


def _signed_in(qtbot: QtBot, make_window: MakeWindow, sandbox: SandboxServer) -> MainWindow:
    sandbox.seed(3)
    window = make_window()
    window.show()
    window.start("sandbox")
    qtbot.waitUntil(lambda: window.order_count() == 3, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not window.refresh_in_progress(), timeout=WAIT_MS)
    return window


def test_signing_in_again_to_the_same_environment_reauthenticates_off_the_gui_thread(
    qtbot: QtBot, sandbox: SandboxServer, make_window: MakeWindow
) -> None:
    window = _signed_in(qtbot, make_window, sandbox)
    session = window.session
    assert session is not None
    reauthenticate = session.reauthenticate
    threads: list[threading.Thread] = []

    def recording(token: str) -> None:
        # Resuming the outbox writes held items to SQLite: never on the GUI thread.
        threads.append(threading.current_thread())
        reauthenticate(token)

    session.reauthenticate = recording  # type: ignore[method-assign]
    with qtbot.waitSignal(window.refreshed, timeout=WAIT_MS):
        window.sign_in_flow._on_sign_in_dialog_signed_in(
            SignInChoice(session.environment, sandbox.token)
        )
    assert threads
    assert threads[0] is not threading.main_thread()
    assert window.session is session
    assert not window.banner.isVisible()


def test_switching_environment_closes_the_report_window_of_the_previous_one(
    qtbot: QtBot, sandbox: SandboxServer, make_window: MakeWindow
) -> None:
    window = _signed_in(qtbot, make_window, sandbox)
    first = window.session
    assert first is not None
    window.events.report_requested.emit(
        ReportRequest(models.Report(report_id="R-1"), "SPOTTEST1", "S-1")
    )
    reports = [w for w in QApplication.topLevelWidgets() if isinstance(w, ReportWindow)]
    assert len(reports) == 1
    assert reports[0].isVisible()
    other = open_session(Environment.custom(sandbox.base_url), sandbox.token)
    window.set_session(other)
    # Its downloads went through the previous session, whose client is now closed, and its
    # report belongs to the other account: it must not stay on screen or be reused.
    assert not reports[0].isVisible()
    window.events.report_requested.emit(
        ReportRequest(models.Report(report_id="R-2"), "SPOTTEST2", "S-2")
    )
    shown = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, ReportWindow) and w.isVisible()]
    assert len(shown) == 1
    assert shown[0] is not reports[0]


def test_switching_environment_drops_the_requisitions_tab_of_the_previous_one(
    qtbot: QtBot, sandbox: SandboxServer, make_window: MakeWindow, runner: TaskRunner
) -> None:
    window = _signed_in(qtbot, make_window, sandbox)
    window.open_requisitions()

    def requisition_tabs() -> list[object]:
        pages = [window.tabs.widget(i) for i in range(window.tabs.count())]
        return [page for page in pages if isinstance(page, RequisitionsView)]

    [old_view] = requisition_tabs()
    runner.wait_idle(WAIT_MS)
    window.set_session(open_session(Environment.custom(sandbox.base_url), sandbox.token))
    # The old tab listed the other account's requisitions through a closed client.
    assert requisition_tabs() == []
    window.open_requisitions()
    [new_view] = requisition_tabs()
    assert new_view is not old_view
