"""README screenshot of the Outbox window, one row in each state a desk meets.

Rendered on every run; with ``SPOT_SCREENSHOTS_DIR`` set it is also written there:
``SPOT_SCREENSHOTS_DIR=resources/screenshots QT_QPA_PLATFORM=xcb
xvfb-run -a -s '-screen 0 1280x720x24'
python -m pytest tests/views/test_outbox_window_screenshots.py``.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.tasks import InlineTaskRunner
from app.views.outbox.window import OutboxWindow
from tests.helpers.fakes import CATALOG
from tests.helpers.outbox import (
    FakeClient,
    FakeSpot,
    bad_request,
    open_outbox,
    outbox_order,
    server_error,
    timeout,
)
from tests.helpers.screenshots import save

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_outbox_window_screenshot(qtbot: QtBot, tmp_path: Path) -> None:
    client = FakeClient(FakeSpot(time.time))
    outbox = open_outbox(tmp_path, client)
    client.faults["create_order"] = [
        None,
        ("before", bad_request("recipient.address.zip: Invalid")),
        ("before", timeout()),
        ("after", server_error()),
    ]
    for name, kit in (("Sentperson", "vitamin_d_kit"), ("Zipfixer", "health_kit_1"),
                      ("Timedout", "hba1c_kit"), ("Busyday", "vitamin_d_kit")):
        outbox.submit(outbox_order(name, kit))
    outbox.send_pending()
    outbox.submit(outbox_order("Justqueued", "health_kit_1"))
    try:
        window = OutboxWindow(outbox, InlineTaskRunner(), lambda kit: CATALOG.get(kit, kit))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        timed_out = outbox.items()[2]
        window.select_item(timed_out.item_id)
        assert window.model.rowCount() == 5
        # The selected row's whole problem is readable below the table, however narrow.
        assert timed_out.last_error in window.detail_label.text()
        image = save(qtbot, window, "outbox_window", tmp_path)
        assert not image.isNull()
        # Every column's header fits: nothing is cut to "…" at the default size.
        header = window.table.horizontalHeader()
        assert header.length() <= window.table.viewport().width() + 1
    finally:
        outbox.close()
