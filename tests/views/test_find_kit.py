"""Find kit by barcode: a scanner types the ID + Enter; the bar names the order or says why not."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from pytestqt.qtbot import QtBot

from app.api import errors as api_errors
from app.api import models
from app.paths import paths
from app.sandbox import SandboxServer
from app.services.environments import Environment
from app.services.kit_lookup import normalize_kit_id
from app.services.session import Session
from app.tasks import InlineTaskRunner, TaskRunner
from app.views.common.timeline import text_color
from app.views.orders.find_kit import FindKitBar, KitFound
from tests.helpers.fakes import FakeSession

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


# --- fakes -----------------------------------------------------------------------------------












def kit(kit_id: str, **extra: object) -> models.Kit:
    return models.Kit.model_validate(
        {"kit_id": kit_id, "type": "health_kit_1", "status": "delivered",
         "events": [{"status": "preparing", "created": "2026-03-02T10:00:00Z"}], **extra}
    )


def make_bar(qtbot: QtBot, session: object) -> FindKitBar:
    bar = FindKitBar(session, InlineTaskRunner())  # type: ignore[arg-type]
    qtbot.addWidget(bar)
    bar.show()
    bar.focus_field()
    # Window activation is asynchronous, even offscreen.
    qtbot.waitUntil(bar.field.hasFocus)
    return bar


def scan(qtbot: QtBot, bar: FindKitBar, text: str) -> None:
    """What a USB barcode scanner does: type the characters, then Enter."""
    qtbot.keyClicks(bar.field, text)
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)


# --- tests -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "kit_id"), [(" spot123456\t", "SPOT123456"), ("SPOT 123 456", "SPOT123456")]
)
def test_scanned_text_is_trimmed_and_upper_cased(typed: str, kit_id: str) -> None:
    assert normalize_kit_id(typed) == kit_id


def test_scan_of_a_synced_kit_jumps_to_its_order(qtbot: QtBot) -> None:
    session = FakeSession(kits={"SPOT123456": kit("SPOT123456")}, known={"SPOT123456": "O0000042"})
    bar = make_bar(qtbot, session)
    with qtbot.waitSignal(bar.kit_found) as blocker:
        scan(qtbot, bar, "spot123456 ")
    assert blocker.args == [KitFound("SPOT123456", "O0000042")]
    assert session.sync.asked == ["SPOT123456"]
    assert bar.message.text() == "Kit SPOT123456 is in order O0000042."
    assert bar.field.text() == ""  # ready for the next scan


def test_order_id_sent_by_the_server_is_used(qtbot: QtBot) -> None:
    session = FakeSession(kits={"SPOT123456": kit("SPOT123456", order_id="O0000007")})
    bar = make_bar(qtbot, session)
    with qtbot.waitSignal(bar.kit_found) as blocker:
        scan(qtbot, bar, "SPOT123456")
    assert blocker.args == [KitFound("SPOT123456", "O0000007")]


def test_kit_not_synced_yet_is_found_through_the_kit_list(qtbot: QtBot) -> None:
    others = [
        models.KitSummary(kit_id=f"SPOT0000{i:02d}", order_id=f"O00000{i:02d}") for i in range(100)
    ]
    target = models.KitSummary(kit_id="SPOT123456", order_id="O0000099")
    session = FakeSession(kits={"SPOT123456": kit("SPOT123456")}, summaries=[*others, target])
    bar = make_bar(qtbot, session)
    with qtbot.waitSignal(bar.kit_found) as blocker:
        scan(qtbot, bar, "SPOT123456")
    assert blocker.args == [KitFound("SPOT123456", "O0000099")]
    assert session.client.queries[0] == {"kit_type": "health_kit_1", "created_after": "2026-03-01"}
    assert len(session.client.queries) == 2  # a second page, then found


def test_unknown_kit_is_said_plainly_and_focus_stays(qtbot: QtBot) -> None:
    bar = make_bar(qtbot, FakeSession())
    with qtbot.assertNotEmitted(bar.kit_found):
        scan(qtbot, bar, "spot999999")
    assert bar.message.text() == "No kit with ID SPOT999999 on this account."
    assert text_color(bar.message) != bar.palette().color(QPalette.ColorRole.WindowText)
    assert bar.field.hasFocus()
    assert bar.field.selectedText() == "SPOT999999"
    # The next scan replaces the miss rather than being appended to it.
    scan(qtbot, bar, "SPOT888888")
    assert bar.message.text() == "No kit with ID SPOT888888 on this account."


def test_kit_without_an_order(qtbot: QtBot) -> None:
    session = FakeSession(kits={"SPOT123456": kit("SPOT123456")}, known={"SPOT123456": None})
    bar = make_bar(qtbot, session)
    scan(qtbot, bar, "SPOT123456")
    assert bar.message.text() == (
        "Kit SPOT123456 exists but isn't part of an order on this account."
    )


def test_other_errors_use_the_shared_wording(qtbot: QtBot) -> None:
    bar = make_bar(qtbot, FakeSession(error=api_errors.SpotConnectionError("offline")))
    scan(qtbot, bar, "SPOT123456")
    assert bar.message.text() == (
        "Can't reach Spot. Check this computer's network connection, then try again."
    )
    assert bar.field.hasFocus()


def test_garbage_is_refused_without_a_request(qtbot: QtBot) -> None:
    session = FakeSession()
    bar = make_bar(qtbot, session)
    scan(qtbot, bar, "../orders/?x=1")
    assert session.sync.asked == []
    assert bar.message.text().startswith("“../ORDERS/?X=1” doesn't look like a kit ID")


def test_empty_enter_does_nothing(qtbot: QtBot) -> None:
    session = FakeSession()
    bar = make_bar(qtbot, session)
    scan(qtbot, bar, "   ")
    assert session.sync.asked == []
    assert not bar.message.isVisible()


# --- against the sandbox ---------------------------------------------------------------------


@pytest.fixture
def session(sandbox: SandboxServer) -> Iterator[Session]:
    live = Session.open(
        Environment.sandbox(sandbox.base_url), sandbox.token, paths(), start_outbox=False
    )
    yield live
    live.close()


def test_sandbox_kit_found_with_real_threads(
    qtbot: QtBot, sandbox: SandboxServer, session: Session
) -> None:
    sandbox.seed(5)
    sandbox.advance(3)
    summary = session.client.list_kits(results=1)[0]
    assert summary.order_id is not None
    runner = TaskRunner()
    try:
        bar = FindKitBar(session, runner)
        qtbot.addWidget(bar)
        bar.show()
        bar.focus_field()
        with qtbot.waitSignal(bar.kit_found, timeout=5000) as blocker:
            scan(qtbot, bar, summary.kit_id.lower())
        assert blocker.args == [KitFound(summary.kit_id, summary.order_id)]
        scan(qtbot, bar, "SPOT000000")
        qtbot.waitUntil(
            lambda: bar.message.text() == "No kit with ID SPOT000000 on this account.",
            timeout=5000,
        )
    finally:
        runner.shutdown()
