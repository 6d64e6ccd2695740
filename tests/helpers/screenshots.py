"""Saving a widget's picture where SPOT_SCREENSHOTS_DIR points (README and review images)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot


def save(qtbot: QtBot, widget: QWidget, name: str, tmp_path: Path) -> QImage:
    qtbot.wait(50)  # let queued layout requests settle before grabbing
    image = widget.grab().toImage()
    image.save(str(tmp_path / f"{name}.png"))
    target = os.environ.get("SPOT_SCREENSHOTS_DIR")
    if target:
        image.save(str(Path(target) / f"{name}.png"))
    return image
