"""The order form as a receptionist met it on her first day (issue 13): messages that go
stale, Tab after a warning, fields that jump, the placed order's look, the words used."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.tasks import InlineTaskRunner
from app.views.new_order.form import NewOrderForm
from tests.views.test_new_order import GOOD, FakeSession, fill, type_into

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def session() -> FakeSession:
    return FakeSession()


@pytest.fixture
def form(qtbot: QtBot, session: FakeSession) -> NewOrderForm:
    widget = NewOrderForm(session, InlineTaskRunner())
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def test_fix_the_problems_counts_down_and_goes(qtbot: QtBot, form: NewOrderForm) -> None:
    fill(qtbot, form, {**GOOD, "first_name": "", "address.city": ""}, kit=None)
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert form.status_text() == "Fix the 3 problems marked above before placing the order."
    type_into(qtbot, form, "first_name", "Alice")
    assert form.status_text() == "Fix the 2 problems marked above before placing the order."
    type_into(qtbot, form, "address.city", "San Francisco")
    assert form.status_text() == "Fix the problem marked above before placing the order."
    combo = form.kits.combo(0)
    combo.setCurrentIndex(combo.findText("Vitamin D kit"))
    assert form.status_text() == ""
    assert form.status_bar.isHidden()
