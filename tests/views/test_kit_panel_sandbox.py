"""End to end against the local sandbox: a real order ships, delivers and results on its clock."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from app.paths import paths
from app.sandbox import SandboxServer
from app.services.environments import Environment
from app.services.session import Session
from app.tasks import InlineTaskRunner, TaskRunner
from app.views.common.formatting import format_day
from app.views.common.results_table import ResultsTable
from app.views.kit_panel.kit_box import TrackingLink
from app.views.kit_panel.panel import KitTrackingPanel
from tests.helpers.sandbox_orders import advance_until, place_order

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

CATALOG = {"health_kit_1": "Health kit"}
CARRIER_PAGES = {
    "usps": "https://tools.usps.com/go/TrackConfirmAction?tLabels=",
    "ups": "https://www.ups.com/track?tracknum=",
    "fedex": "https://www.fedex.com/fedextrack/?trknbr=",
}


@pytest.fixture
def session(sandbox: SandboxServer) -> Iterator[Session]:
    live = Session.open(
        Environment.sandbox(sandbox.base_url),
        sandbox.token,
        paths(),
        kit_catalog=CATALOG,
        start_outbox=False,
    )
    yield live
    live.close()


@pytest.fixture
def opened_urls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    urls: list[str] = []

    def fake_open(url: QUrl) -> bool:
        urls.append(url.toString())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(fake_open))
    return urls






def show(qtbot: QtBot, session: Session, order_id: str) -> KitTrackingPanel:
    panel = KitTrackingPanel(session, InlineTaskRunner())
    qtbot.addWidget(panel)
    panel.resize(800, 900)
    panel.show_order(order_id)
    assert panel.order_id == order_id
    return panel


def test_in_transit_then_resulted_order(
    qtbot: QtBot, sandbox: SandboxServer, session: Session, opened_urls: list[str]
) -> None:
    order_id = place_order(session)
    kit = advance_until(sandbox, session, order_id, {"in_transit"}, sample=False)
    panel = show(qtbot, session, order_id)
    kit_line, sample_line = panel.timelines(kit.kit_id)
    current = kit_line.current_step()
    assert current is not None
    assert current.label == "Shipped"
    shipped = next(e.created for e in kit.events if e.status == "in_transit")
    assert kit_line.date_labels()[1].text() == format_day(shipped)
    outbound = kit.shipment_to_customer
    assert outbound is not None
    assert outbound.carrier is not None
    assert outbound.tracking_number is not None
    links = panel.findChildren(TrackingLink)
    assert [link.text() for link in links] == [outbound.tracking_number]
    qtbot.mouseClick(links[0], Qt.MouseButton.LeftButton)
    assert opened_urls == [CARRIER_PAGES[outbound.carrier] + outbound.tracking_number]
    sample_current = sample_line.current_step()
    assert sample_current is not None
    assert sample_current.label == "Awaiting collection"

    kit = advance_until(sandbox, session, order_id, {"resulted"}, sample=True)
    panel.refresh()
    kit_line, sample_line = panel.timelines(kit.kit_id)
    current = kit_line.current_step()
    assert current is not None
    assert current.label == "Registered"
    sample_current = sample_line.current_step()
    assert sample_current is not None
    assert sample_current.label == "Resulted"
    assert kit.sample is not None
    resulted = next(e.created for e in kit.sample.events if e.status == "resulted")
    assert sample_line.date_labels()[-1].text() == format_day(resulted)
    link_texts = {link.text() for link in panel.findChildren(TrackingLink)}
    assert {s.tracking_number for s in kit.sample.shipments} <= link_texts
    registered = panel.findChild(QLabel, f"registered_{kit.kit_id}")
    assert registered is not None
    assert registered.text().startswith("Registered to Testy McTestface · ")
    assert "DOB ••••-••-•• (age " in registered.text()

    table = panel.findChild(ResultsTable, f"results_{kit.kit_id}_0")
    assert table is not None
    results = kit.sample.reports[0].results
    assert table.rowCount() == len(results)
    for row, result in enumerate(results):
        value = result.result
        expected = ""
        if isinstance(value, int | float):
            low, high = result.range_minimum, result.range_maximum
            if isinstance(low, int | float) and value < low:
                expected = "Low"
            elif isinstance(high, int | float) and value > high:
                expected = "High"
        if not isinstance(value, str):
            assert table.flag_at(row) == expected, result.name
    open_pdf = panel.findChild(QPushButton, "open_pdf")
    assert open_pdf is not None
    with qtbot.waitSignal(panel.open_report_requested) as blocker:
        qtbot.mouseClick(open_pdf, Qt.MouseButton.LeftButton)
    (request,) = blocker.args
    assert (request.kit_id, request.sample_id) == (kit.kit_id, kit.sample.sample_id)


def test_forced_delivery_exception_is_a_warning(
    qtbot: QtBot, sandbox: SandboxServer, session: Session
) -> None:
    order_id = place_order(session)
    kit = advance_until(sandbox, session, order_id, {"in_transit"}, sample=False)
    sandbox.force(kit.kit_id, "delivery_exception")
    panel = show(qtbot, session, order_id)
    kit_line, _ = panel.timelines(kit.kit_id)
    current = kit_line.current_step()
    assert current is not None
    assert (current.label, current.tone) == ("Delivery exception", "warning")
    assert [s.state for s in kit_line.steps()][-2:] == ["skipped", "skipped"]


def test_metadata_saved_on_the_server(
    qtbot: QtBot, sandbox: SandboxServer, session: Session
) -> None:
    order_id = place_order(session)
    runner = TaskRunner()
    try:
        panel = KitTrackingPanel(session, runner)
        qtbot.addWidget(panel)
        panel.show_order(order_id)
        qtbot.waitUntil(lambda: panel.metadata_editor is not None, timeout=5000)
        editor = panel.metadata_editor
        assert editor is not None
        qtbot.keyClicks(editor.key_edit(1), "room")
        qtbot.keyClicks(editor.value_edit(1), "4B")
        assert panel.save_button is not None
        with qtbot.waitSignal(panel.metadata_saved, timeout=5000):
            qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
        metadata = session.client.get_order(order_id).metadata or {}
        assert metadata["clinic_ref"] == "A-17"
        assert metadata["room"] == "4B"
    finally:
        runner.shutdown()
