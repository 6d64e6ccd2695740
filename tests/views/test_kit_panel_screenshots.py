"""The panel on real sandbox orders, light and dark: it fits a 640 px wide side panel.

With SPOT_SCREENSHOTS=<folder> the renders are saved there as panel_<state>[_dark].png
(the README's pictures: ``SPOT_SCREENSHOTS=resources/screenshots pytest tests/views/...``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.paths import paths
from app.sandbox import SandboxServer
from app.services.environments import Environment
from app.services.session import Session
from app.tasks import InlineTaskRunner
from app.views.common.results_table import result_flag
from app.views.kit_panel.panel import KitTrackingPanel
from app.views.theme import contrast_ratio
from tests.helpers.sandbox_orders import advance_until, place_order

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

WIDTH = 640


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, "#202124"), (roles.WindowText, "#e8eaed"), (roles.Base, "#17181a"),
        (roles.AlternateBase, "#232427"), (roles.Text, "#e8eaed"), (roles.Button, "#2b2d30"),
        (roles.ButtonText, "#e8eaed"), (roles.Highlight, "#3d6fb4"),
        (roles.HighlightedText, "#ffffff"), (roles.Link, "#8ab4f8"),
        (roles.PlaceholderText, "#9aa0a6"), (roles.Mid, "#3c4043"), (roles.Light, "#44474b"),
    ):
        palette.setColor(role, QColor(colour))
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7f8489"))
    return palette


def has_flag(session: Session, order_id: str) -> bool:
    kits = session.client.get_order(order_id).kits
    return any(
        result_flag(result) in ("high", "low")
        for kit in kits
        if kit.sample is not None
        for report in kit.sample.reports
        for result in report.results
    )


@pytest.fixture(scope="module")
def orders(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Session, dict[str, str]]]:
    """Three orders on one sandbox clock: resulted, in transit, delivery exception."""
    base = tmp_path_factory.mktemp("panel-shots")
    server = SandboxServer(base / "sandbox", speed=0, rng_seed=1234)
    server.start()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SPOT_FRONT_DESK_HOME", str(base / "home"))
        session = Session.open(
            Environment.sandbox(server.base_url), server.token, paths(),
            kit_catalog={"health_kit_1": "Health kit"}, start_outbox=False,
        )
    try:
        # Several candidates on one clock; the picture shows one with an out-of-range value.
        candidates = [place_order(session) for _ in range(4)]
        for order_id in candidates:
            advance_until(server, session, order_id, {"resulted"}, sample=True)
        resulted = next(
            (order_id for order_id in candidates if has_flag(session, order_id)), candidates[0]
        )
        in_transit = place_order(session)
        advance_until(server, session, in_transit, {"in_transit"}, sample=False)
        exception = place_order(session)
        kit = advance_until(server, session, exception, {"in_transit"}, sample=False)
        server.force(kit.kit_id, "delivery_exception")
        yield session, {"resulted": resulted, "in_transit": in_transit, "exception": exception}
    finally:
        session.close()
        server.stop()


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("state", ["in_transit", "resulted", "exception"])
def test_panel_fits_and_reads(
    qtbot: QtBot, orders: tuple[Session, dict[str, str]], state: str, dark: bool
) -> None:
    session, order_ids = orders
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original = app.palette()
    if dark:
        app.setPalette(dark_palette())
    try:
        panel = KitTrackingPanel(session, InlineTaskRunner())
        qtbot.addWidget(panel)
        panel.resize(WIDTH, 700)
        panel.show()
        panel.show_order(order_ids[state])
        content = panel.scroll_area.widget()
        assert content is not None
        panel.resize(WIDTH, content.sizeHint().height() + 4)
        qtbot.waitUntil(lambda: not panel.scroll_area.verticalScrollBar().isVisible())
        # Everything fits the side panel's width: nothing clipped, no sideways scrolling.
        assert not panel.scroll_area.horizontalScrollBar().isVisible()
        assert content.width() >= content.minimumSizeHint().width()
        # Tracking links stay readable against the window in either palette.
        window = panel.palette().color(QPalette.ColorRole.Window)
        link = panel.palette().color(QPalette.ColorRole.Link)
        assert contrast_ratio(link, window) >= 4.5
        folder = os.environ.get("SPOT_SCREENSHOTS")
        if folder:
            name = f"panel_{state}{'_dark' if dark else ''}.png"
            assert panel.grab().save(str(Path(folder) / name))
    finally:
        app.setPalette(original)
