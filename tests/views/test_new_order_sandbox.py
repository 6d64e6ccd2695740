"""End to end: a user fills the order form, the real outbox sends it to the local sandbox."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from app.paths import paths
from app.sandbox import SandboxServer
from app.services.drafts import OPEN_DRAFTS
from app.services.environments import Environment
from app.services.session import Session
from app.tasks import TaskRunner
from app.views.new_order.form import NewOrderDialog, NewOrderForm
from tests.helpers.order_form import GOOD, fill

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

# "retired_kit" is in this workstation's catalog but unknown to the account: Spot says 400.
CATALOG = {
    "health_kit_1": "Health kit",
    "vitamin_d_kit": "Vitamin D kit",
    "retired_kit": "Retired kit",
}


@pytest.fixture
def session(sandbox: SandboxServer) -> Iterator[Session]:
    live = Session.open(
        Environment.sandbox(sandbox.base_url), sandbox.token, paths(), kit_catalog=CATALOG
    )
    yield live
    live.close()


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.shutdown()


@pytest.fixture
def form(qtbot: QtBot, session: Session, runner: TaskRunner) -> NewOrderForm:
    widget = NewOrderForm(session, runner)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    runner.wait_idle()
    return widget


def placed_order_id(form: NewOrderForm) -> str:
    match = re.search(r"Order (O\d+) placed", form.status_text())
    assert match is not None, form.status_text()
    return match.group(1)


def test_order_typed_by_a_user_reaches_spot_normalized(
    qtbot: QtBot, form: NewOrderForm, session: Session
) -> None:
    fill(qtbot, form, GOOD | {"address.zip": "94105 1234", "phone": "(415) 555-0123",
                              "first_name": "  Alice ", "address.city": "san francisco"},
         kit="Vitamin D kit")  # fmt: skip
    form.kits.quantity(0).setValue(2)
    qtbot.mouseClick(form.kits.add_button, Qt.MouseButton.LeftButton)
    form.kits.combo(1).setCurrentIndex(form.kits.combo(1).findText("Health kit"))
    form.metadata_toggle.click()
    qtbot.keyClicks(form.metadata.key_edit(0), "clinic_ref")
    qtbot.keyClicks(form.metadata.value_edit(0), "A-17")
    form.metadata.value_edit(0).setFocus()
    qtbot.keyClick(form.metadata.value_edit(0), Qt.Key.Key_Return)  # Enter in the last field

    qtbot.waitUntil(lambda: form.state == "sent", timeout=10_000)
    order = session.client.get_order(placed_order_id(form))
    assert sorted(order.kit_types) == ["health_kit_1", "vitamin_d_kit", "vitamin_d_kit"]
    recipient = order.recipient
    assert recipient is not None
    assert recipient.address is not None
    assert (recipient.first_name, recipient.last_name) == ("Alice", "Example")
    assert recipient.phone == "4155550123"
    assert recipient.email == "alice.example@example.com"
    assert recipient.address.zip == "94105-1234"
    assert recipient.address.state == "CA"
    assert recipient.address.country == "US"
    assert recipient.address.street2 == "Apt 4"
    assert order.metadata is not None
    assert order.metadata["clinic_ref"] == "A-17"
    assert order.metadata.get("frontdesk_ref")  # the outbox's client reference


def test_server_400_lands_on_the_kit_field_and_can_be_fixed(
    qtbot: QtBot, form: NewOrderForm, session: Session, sandbox: SandboxServer
) -> None:
    fill(qtbot, form, kit="Retired kit")
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.state == "needs_attention", timeout=10_000)
    assert form.kits.message_text() == "Unknown kit type 'retired_kit'"
    assert "Spot did not accept this order" in form.status_text()
    assert sandbox.order_count() == 0

    form.kits.combo(0).setCurrentIndex(form.kits.combo(0).findText("Health kit"))
    assert form.kits.message_text() == ""
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.state == "sent", timeout=10_000)
    assert session.client.get_order(placed_order_id(form)).kit_types == ["health_kit_1"]
    assert sandbox.order_count() == 1


def test_network_failure_says_queued_and_the_order_is_sent_later_once(
    qtbot: QtBot, form: NewOrderForm, session: Session, sandbox: SandboxServer
) -> None:
    # Every response is dropped after the server did the work: Spot may have the order.
    sandbox.set_faults(drop_rate=1.0)
    fill(qtbot, form)
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.state == "queued", timeout=15_000)
    assert "queued on this computer and will be sent automatically" in form.status_text()
    assert not form.needs_discard_confirm()  # closing now loses nothing

    sandbox.set_faults()
    qtbot.waitUntil(lambda: form.state == "sent", timeout=20_000)
    order = session.client.get_order(placed_order_id(form))
    assert order.kit_types == ["vitamin_d_kit"]
    assert sandbox.order_count() == 1  # found by its reference, not placed twice


def test_draft_survives_a_crash_in_the_real_draft_store(
    qtbot: QtBot, session: Session, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(NewOrderForm, "AUTOSAVE_DELAY_MS", 20)
    first = NewOrderForm(session, runner)  # not given to qtbot: it "crashes" below
    first.show()
    runner.wait_idle()
    fill(qtbot, first, GOOD | {"address.zip": "94105 1234"})
    qtbot.waitUntil(lambda: bool(session.drafts.load_all()), timeout=5_000)
    runner.wait_idle()
    first.deleteLater()
    qtbot.waitUntil(lambda: not OPEN_DRAFTS.ids() & set(session.drafts.load_all()))

    second = NewOrderForm(session, runner)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitUntil(second.restore_offered, timeout=5_000)
    qtbot.mouseClick(second.restore_button, Qt.MouseButton.LeftButton)
    assert second.fields.recipient()["address"]["zip"] == "94105 1234"
    qtbot.mouseClick(second.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: second.state == "sent", timeout=10_000)
    runner.wait_idle()
    assert session.drafts.load_all() == {}


def test_closing_the_window_while_every_worker_is_busy_still_saves_the_newest_typing(
    qtbot: QtBot, session: Session, runner: TaskRunner
) -> None:
    # A loaded desk PC: when the order window closes, every worker is still busy with slower
    # work, so the window's last save has to wait in the queue. The window is deleted while
    # it waits; the save must still reach the drafts store once a worker is free.
    dialog = NewOrderDialog(session, runner)
    dialog.show()
    qtbot.waitExposed(dialog)
    runner.wait_idle()
    field = dialog.form.fields.editor("first_name")
    assert isinstance(field, QLineEdit)
    release = threading.Event()
    for _ in range(runner.pool.maxThreadCount()):
        runner.run(release.wait, 10)
    qtbot.keyClicks(field, "Zelda")  # well inside the autosave pause
    with qtbot.waitSignal(dialog.destroyed, timeout=5_000):
        dialog.close()
    release.set()
    assert runner.wait_idle(10_000)
    drafts = session.drafts.load_all()
    assert [d["recipient"].get("first_name") for d in drafts.values()] == ["Zelda"]
