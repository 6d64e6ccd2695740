"""README screenshots of the main window: 1280×800 and 1920×1080, light and dark palette.

Rendered on every run against a seeded sandbox (a layout that breaks, or badges that vanish
in dark mode, fail here). With ``SPOT_SCREENSHOTS_DIR`` set they are also written there; the
committed ones come from a real X server:

    xvfb-run -a -s '-screen 0 1920x1080x24' env QT_QPA_PLATFORM=xcb \\
        SPOT_SCREENSHOTS_DIR=resources/screenshots \\
        python -m pytest tests/views/test_main_window_screenshots.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QPalette
from pytestqt.qtbot import QtBot

from app.sandbox import SandboxServer
from app.views.orders.order_table import COL_PROGRESS, ToneRole
from app.views.theme import badge_colors
from tests.helpers.main_window import SEEDED, WAIT_MS, MakeWindow, sign_in_to_sandbox

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)


@pytest.mark.parametrize("palette_mode", ["light", "dark"], indirect=True)
@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
def test_main_window_screenshot(
    qtbot: QtBot,
    sandbox: SandboxServer,
    make_window: MakeWindow,
    palette_mode: str,
    size: tuple[int, int],
    tmp_path: Path,
) -> None:
    sandbox.seed(SEEDED)
    sandbox.advance(9)  # a mix of progress: shipped, at the lab, resulted, exceptions
    window = make_window()
    window.resize(*size)
    sign_in_to_sandbox(qtbot, window)
    model = window.order_list.model
    chosen = next(
        row for row in (model.row_at(n) for n in range(model.rowCount()))
        if row is not None and row.kit_ids and row.progress.tone in ("active", "good")
    )
    window.order_list.select_order(chosen.order_id)
    panel = window.kit_panel
    assert panel is not None
    qtbot.waitUntil(lambda: panel.current_order() is not None, timeout=WAIT_MS)
    qtbot.wait(200)
    image = window.grab().toImage()
    name = f"main_{size[0]}x{size[1]}_{palette_mode}.png"
    image.save(str(tmp_path / name))
    target = os.environ.get("SPOT_SCREENSHOTS_DIR")
    if target:
        image.save(str(Path(target) / name))

    # The badge colours of this palette are on screen (readable badges, not blank cells).
    table = window.order_list.table
    tone = model.index(0, COL_PROGRESS).data(ToneRole)
    background, _ = badge_colors(str(tone), table.palette())
    top_left = table.viewport().mapTo(window, table.visualRect(model.index(0, COL_PROGRESS))
                                      .topLeft())
    assert _contains(image, background, top_left.x(), top_left.y(),
                     table.columnWidth(COL_PROGRESS), table.rowHeight(0))
    is_dark = table.palette().color(QPalette.ColorRole.Base).lightness() < 128
    assert is_dark == (palette_mode == "dark")


def _contains(image: QImage, colour: object, x: int, y: int, width: int, height: int) -> bool:
    ratio = image.devicePixelRatio()
    wanted = colour.rgb()  # type: ignore[attr-defined]
    return any(
        image.pixel(int(px * ratio), int(py * ratio)) == wanted
        for px in range(x, x + width, 2)
        for py in range(y, y + height, 2)
    )
