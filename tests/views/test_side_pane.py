"""The main window's side pane builds each session's kit panel on a later turn."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.tasks import InlineTaskRunner
from app.views.common.events import AppEvents
from app.views.shell.side_pane import SidePane


def test_signing_out_before_the_panel_is_built_leaves_the_sign_in_prompt(qtbot: QtBot) -> None:
    pane = SidePane(lambda: None)
    qtbot.addWidget(pane)
    built: list[object] = []
    pane.panel_built.connect(built.append)
    session = object()  # never used: the build it was for is called off
    pane.build_soon(session, InlineTaskRunner(), AppEvents(), lambda: None)  # type: ignore[arg-type]
    pane.clear()  # signed out on the same turn
    qtbot.wait(50)
    assert built == []
    assert pane.kit_panel is None
    assert not pane.placeholder.isHidden()
