"""The Outbox window, driven as a user: a real durable outbox in front of a scripted Spot.

The outbox's sender thread is not started; ``outbox.send_pending()`` is one sending pass, so
each test says when Spot is asked and what it answers."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.api import errors, models
from app.services.outbox import REF_KEY, Outbox
from app.services.session import Session
from app.tasks import InlineTaskRunner
from app.views.common.events import AppEvents
from app.views.new_order.form import NewOrderDialog
from app.views.outbox.window import OutboxModel, OutboxWindow
from app.views.shell.child_windows import ChildWindows
from tests.helpers.fakes import FakeSession
from tests.helpers.order_form import shown, type_into
from tests.helpers.outbox import (
    FakeClient,
    FakeSpot,
    bad_request,
    open_outbox,
    outbox_order,
    timeout,
)

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)


class Desk:
    """The main window's side: the child windows it opens and the orders it was asked to show."""

    def __init__(self, qtbot: QtBot, tmp_path: Path) -> None:
        self.qtbot = qtbot
        self.folder = tmp_path
        self.spot = FakeSpot(time.time)
        self.client = FakeClient(self.spot)
        self.posted: list[models.NewOrder] = []  # every POST's body, answered or not
        self.client.before_create = self.posted.append
        self.session = FakeSession()
        self.outbox: Outbox = open_outbox(tmp_path, self.client)
        self.session.outbox = self.outbox  # type: ignore[assignment]
        self.owner = QWidget()
        qtbot.addWidget(self.owner)
        self.selected_orders: list[str] = []
        self.children = ChildWindows(self.owner, InlineTaskRunner(), AppEvents())

    def open_window(self) -> OutboxWindow:
        window = self.children.open_outbox(
            cast(Session, self.session), self.selected_orders.append
        )
        assert isinstance(window, OutboxWindow)
        self.qtbot.waitExposed(window)
        return window

    def send(self) -> None:
        self.outbox.send_pending()

    def answer_next_post(self, when: str, exc: Exception) -> None:
        """"before": Spot never saw it; "after": Spot made the order, the answer was lost."""
        self.client.faults["create_order"] = [(when, exc)]


@pytest.fixture
def desk(qtbot: QtBot, tmp_path: Path) -> Iterator[Desk]:
    d = Desk(qtbot, tmp_path)
    yield d
    d.children.close_all()
    d.outbox.close()


def cell(window: OutboxWindow, column: int, row: int = 0) -> str:
    return str(window.model.data(window.model.index(row, column)))


def click(qtbot: QtBot, window: OutboxWindow, action: str) -> None:
    button = window.buttons[action]
    assert button.isEnabled(), f"{action} is not offered"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def enabled(window: OutboxWindow) -> set[str]:
    return {name for name, button in window.buttons.items() if button.isEnabled()}


def visible_box(parent: QWidget) -> QMessageBox:
    box = next((b for b in parent.findChildren(QMessageBox) if b.isVisible()), None)
    assert box is not None
    return box


def press(qtbot: QtBot, box: QMessageBox, text: str) -> None:
    button = next(b for b in box.buttons() if b.text().replace("&", "") == text)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_lists_what_needs_a_person_and_survives_a_restart(
    qtbot: QtBot, desk: Desk, tmp_path: Path
) -> None:
    desk.answer_next_post("before", bad_request("recipient.address.zip: Invalid"))
    desk.outbox.submit(outbox_order("Fakeperson"))
    desk.send()

    window = desk.open_window()
    assert window.model.rowCount() == 1
    assert cell(window, OutboxModel.COL_PATIENT).startswith("Fakeperson, Testy")
    assert "testy.fake@example.com" not in cell(window, OutboxModel.COL_PATIENT)
    assert cell(window, OutboxModel.COL_KITS) == "Vitamin D kit"
    assert cell(window, OutboxModel.COL_ATTEMPTS) == "1"
    assert enabled(window) == {"retry", "fix", "discard"}

    # Quit and start again: a new outbox on the same file lists the same item.
    window.close()
    desk.outbox.close()
    desk.outbox = open_outbox(tmp_path, desk.client)
    desk.session.outbox = desk.outbox  # type: ignore[assignment]
    again = desk.open_window()
    assert again is not window
    assert again.model.rowCount() == 1
    assert cell(again, OutboxModel.COL_PATIENT).startswith("Fakeperson, Testy")


def test_updates_live_and_asking_again_brings_the_same_window(qtbot: QtBot, desk: Desk) -> None:
    window = desk.open_window()
    assert window.empty_label.isVisible()
    desk.outbox.submit(outbox_order("Newcomer"))
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    assert not window.empty_label.isVisible()
    assert cell(window, OutboxModel.COL_PATIENT).startswith("Newcomer")
    assert desk.open_window() is window


def test_retry_now_sends_it_and_open_order_shows_it_in_the_main_window(
    qtbot: QtBot, desk: Desk
) -> None:
    # A refusal that retrying may cure (a 404 from a proxy): a person decides.
    desk.answer_next_post(
        "before", errors.NotFound(404, "not_found", [], "POST", "/api/v2/orders/")
    )
    desk.outbox.submit(outbox_order())
    desk.send()
    window = desk.open_window()
    assert "retry" in enabled(window)

    click(qtbot, window, "retry")
    assert window.status_label.text() == "Trying again now."
    desk.send()
    qtbot.waitUntil(lambda: "open" in enabled(window))
    order_id = next(iter(desk.spot.orders))
    click(qtbot, window, "open")
    assert desk.selected_orders == [order_id]


def test_discard_asks_first_and_removes_the_order(qtbot: QtBot, desk: Desk) -> None:
    desk.outbox.submit(outbox_order())
    window = desk.open_window()

    click(qtbot, window, "discard")
    press(qtbot, visible_box(window), "Keep it")
    assert window.model.rowCount() == 1

    click(qtbot, window, "discard")
    press(qtbot, visible_box(window), "Discard")
    qtbot.waitUntil(lambda: window.model.rowCount() == 0)
    assert window.status_label.text() == "The order was discarded."
    assert desk.outbox.items() == []
    assert desk.posted == []


def test_discard_is_refused_once_spot_may_have_the_order(qtbot: QtBot, desk: Desk) -> None:
    desk.outbox.submit(outbox_order())
    window = desk.open_window()
    click(qtbot, window, "discard")
    box = visible_box(window)
    # While the question is up, the sender's attempt times out: Spot may have it now.
    desk.answer_next_post("before", timeout())
    desk.send()
    press(qtbot, box, "Discard")

    assert window.model.rowCount() == 1
    assert window.status_label.isVisible()
    assert "Spot" in window.status_label.text()
    assert len(desk.outbox.items()) == 1
    # The row now offers what fits: check with Spot, or say it isn't there.
    assert enabled(window) == {"check", "confirm_absent"}


def test_check_now_finds_an_order_spot_made_although_the_answer_was_lost(
    qtbot: QtBot, desk: Desk
) -> None:
    desk.answer_next_post("after", timeout())
    desk.outbox.submit(outbox_order())
    desk.send()
    window = desk.open_window()
    assert enabled(window) == {"check", "confirm_absent"}

    click(qtbot, window, "check")
    assert window.status_label.text() == "Asking Spot whether it has this order…"
    desk.send()
    qtbot.waitUntil(lambda: "open" in enabled(window))
    assert len(desk.spot.orders) == 1  # found, never posted again
    assert len(desk.posted) == 1


def test_i_checked_records_the_reason_then_retry_is_offered(qtbot: QtBot, desk: Desk) -> None:
    desk.answer_next_post("before", timeout())
    desk.outbox.submit(outbox_order())
    desk.send()
    window = desk.open_window()

    click(qtbot, window, "confirm_absent")
    dialog = window.findChild(QInputDialog, "confirm_absent_dialog")
    assert dialog is not None
    assert dialog.isVisible()
    edit = dialog.findChild(QLineEdit)
    assert edit is not None
    qtbot.keyClicks(edit, "Searched Spot by email at 10:05")
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: "retry" in enabled(window))
    assert enabled(window) >= {"retry", "discard"}
    assert window.status_label.text() == "Recorded. Retry or discard it now."
    audit = desk.outbox.audit()
    assert [(a.action, a.reason) for a in audit] == [
        ("confirmed_absent", "Searched Spot by email at 10:05")
    ]


def test_fix_and_resend_opens_the_form_and_resends_the_same_order(
    qtbot: QtBot, desk: Desk
) -> None:
    desk.answer_next_post("before", bad_request("recipient.address.zip: Invalid"))
    item = desk.outbox.submit(outbox_order("Fixme"))
    desk.send()
    window = desk.open_window()

    click(qtbot, window, "fix")
    qtbot.waitUntil(lambda: len(desk.children.new_orders) == 1)
    dialog = desk.children.new_orders[0]
    assert isinstance(dialog, NewOrderDialog)
    form = dialog.form
    assert form.fields.recipient()["last_name"] == "Fixme"
    assert form.kits.kit_types() == ["vitamin_d_kit"]
    assert shown(form, "address.zip") != ""  # Spot's error is on the field
    assert "Fix what is marked" in form.status_text()
    click(qtbot, window, "fix")  # asked again: the same form comes forward, not a second
    assert desk.children.new_orders == [dialog]

    type_into(qtbot, form, "address.zip", "94107")
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: desk.outbox.counts() == (1, 0))
    desk.send()

    assert len(desk.outbox.items()) == 1  # the same item, not a second order
    sent = desk.outbox.get(item.item_id)
    assert sent is not None
    assert sent.state == "sent"
    first, second = desk.posted
    assert second.recipient.address is not None
    assert second.recipient.address.zip == "94107"
    assert (second.metadata or {})[REF_KEY] == (first.metadata or {})[REF_KEY] == item.client_ref
    qtbot.waitUntil(lambda: "open" in enabled(window))
