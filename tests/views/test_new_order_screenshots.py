"""The README screenshots of the order form: empty, full of errors, and a warning to confirm.

Rendered offscreen on every run (so a layout that breaks shows up as a failing look-test);
with ``SPOT_SCREENSHOTS_DIR`` set they are also written there. The README pictures came from
``SPOT_SCREENSHOTS_DIR=resources/screenshots QT_QPA_PLATFORM=xcb xvfb-run -a -s
'-screen 0 1280x1000x24' python -m pytest tests/views/test_new_order_screenshots.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QImage
from PySide6.QtWidgets import QScrollArea
from pytestqt.qtbot import QtBot

from app.tasks import InlineTaskRunner
from app.views.new_order.form import NewOrderDialog
from tests.helpers.fakes import FakeSession
from tests.helpers.order_form import type_into

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _dialog(qtbot: QtBot) -> NewOrderDialog:
    dialog = NewOrderDialog(FakeSession(), InlineTaskRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _save(qtbot: QtBot, dialog: NewOrderDialog, name: str, tmp_path: Path) -> QImage:
    # Tall enough that nothing scrolls: the picture shows the whole form.
    body = dialog.form.findChild(QScrollArea)
    assert body is not None
    qtbot.wait(50)  # let queued layout requests settle before grabbing
    height = body.widget().sizeHint().height() + dialog.height() - body.height() + 8
    dialog.resize(720, max(height, 640))
    qtbot.wait(50)
    image = dialog.grab().toImage()
    image.save(str(tmp_path / f"{name}.png"))
    target = os.environ.get("SPOT_SCREENSHOTS_DIR")
    if target:
        image.save(str(Path(target) / f"{name}.png"))
    return image


def _distinct_colours(image: QImage) -> int:
    step = 7
    return len(
        {
            image.pixel(x, y)
            for x in range(0, image.width(), step)
            for y in range(0, image.height(), step)
        }
    )


def test_fonts_are_available_for_the_screenshots(qapp: object) -> None:
    # With no fonts Qt draws empty boxes silently (TOOLING.md).
    assert QFontDatabase.families()


def test_empty_form_screenshot(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot)
    image = _save(qtbot, dialog, "order_empty", tmp_path)
    assert image.width() == 720
    assert _distinct_colours(image) > 10  # text was drawn, not a blank window
    assert dialog.form.submit_button.isVisible()
    assert not dialog.form.status_bar.isVisible()


def test_errors_screenshot(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot)
    form = dialog.form
    for path, text in {
        "first_name": "", "last_name": "12345", "email": "alice.example.com",
        "phone": "415-555-012", "address.street1": "", "address.city": "",
        "address.zip": "9410",
    }.items():  # fmt: skip
        type_into(qtbot, form, path, text)
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    _save(qtbot, dialog, "order_errors", tmp_path)
    visible = [m for m in form.fields.messages.values() if m.isVisible()]
    assert len(visible) == 8
    for message in visible:  # nothing cut off: each message fits its row
        assert message.label.height() >= message.label.heightForWidth(message.label.width())
    assert form.status_text() == "Fix the 9 problems marked above before placing the order."
    assert form.problem_count.text() == "9 problems to fix"


def test_warning_confirm_screenshot(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot)
    form = dialog.form
    for path, text in {
        "first_name": "Alice", "last_name": "Example", "email": "alice.example@example.com",
        "phone": "604-555-0142", "address.street1": "PO Box 123",
        "address.city": "San Francisco", "address.state": "CA", "address.zip": "10001",
    }.items():  # fmt: skip
        type_into(qtbot, form, path, text)
    form.kits.combo(0).setCurrentIndex(form.kits.combo(0).findText("Health kit"))
    form.fields.messages["phone"].confirm.click()
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    _save(qtbot, dialog, "order_warning", tmp_path)
    confirms = [m.confirm for m in form.fields.messages.values() if m.confirm.isVisible()]
    assert [c.isChecked() for c in confirms] == [True, False, False]
    assert form.status_text() == (
        "Check the 2 warnings marked above: correct them, or confirm each."
    )
    assert form.problem_count.text() == "2 warnings to confirm"
    assert "Kits: 1 × Health kit" in form.summary.text()
    assert form.summary.height() >= form.summary.sizeHint().height()
