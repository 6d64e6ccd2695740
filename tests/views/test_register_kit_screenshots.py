"""README screenshots of kit registration and the registration token, against the sandbox.

Rendered on every run (a layout that breaks shows up here); with ``SPOT_SCREENSHOTS_DIR`` set
they are also written there: ``SPOT_SCREENSHOTS_DIR=resources/screenshots
QT_QPA_PLATFORM=xcb xvfb-run -a -s '-screen 0 1280x1000x24'
python -m pytest tests/views/test_register_kit_screenshots.py``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.api import models
from app.paths import paths
from app.sandbox import SandboxServer
from app.services.environments import Environment
from app.services.session import Session
from app.tasks import InlineTaskRunner
from app.views.desk.register_kit import RegisterKitDialog
from app.views.desk.registration_token import RegistrationTokenDialog
from tests.helpers.screenshots import save

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

TODAY = date(2026, 6, 1)


@pytest.fixture
def session(sandbox: SandboxServer) -> Iterator[Session]:
    live = Session.open(
        Environment.sandbox(sandbox.base_url), sandbox.token, paths(),
        kit_catalog={"health_kit_1": "Health kit", "wellness_plus_kit": "Wellness plus"},
        start_outbox=False,
    )
    yield live
    live.close()




def test_register_kit_screenshot(
    qtbot: QtBot, sandbox: SandboxServer, session: Session, tmp_path: Path
) -> None:
    order = session.client.create_order(models.NewOrder.model_validate({
        "kit_types": ["health_kit_1"],
        "recipient": {"first_name": "Testy", "last_name": "McTestface",
                      "email": "testy@example.com", "phone": "4155550123",
                      "address": {"street1": "1 Fixture Lane", "city": "San Francisco",
                                  "state": "CA", "country": "US", "zip": "94105"}}}))
    sandbox.advance(1)
    kit_id = session.client.get_order(order.order_id).kits[0].kit_id
    dialog = RegisterKitDialog(session, InlineTaskRunner(), today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.set_kit_id(kit_id)
    fields = dialog.patient_fields
    fields.recipient.set_recipient({
        "first_name": "Ada", "last_name": "Fakename", "email": "ada@example.com",
        "phone": "415-555-0142",
        "address": {"street1": "12 Sample Street", "city": "San Francisco", "state": "CA",
                    "country": "US", "zip": "9410"},
    })
    fields.sex_combo.setCurrentIndex(fields.sex_combo.findData("F"))
    fields.birth_edit.set_value(date(1984, 7, 9))
    qtbot.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)
    assert fields.message_text("address.zip")  # the picture shows a message under a field
    dialog.resize(780, 640)
    image = save(qtbot, dialog, "registration_kit", tmp_path)
    assert image.width() >= 780


def test_registration_token_screenshot(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    now = [5000.0]
    dialog = RegistrationTokenDialog(
        session, InlineTaskRunner(), clock=lambda: now[0], today=TODAY
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    fields = dialog.patient_fields
    fields.recipient.set_recipient({"first_name": "Bert", "last_name": "Notreal",
                                    "email": "bert@example.com", "phone": "415-555-0177"})
    fields.sex_combo.setCurrentIndex(fields.sex_combo.findData("M"))
    fields.birth_edit.set_value(date(1971, 11, 2))
    dialog.kit_type_combo.setCurrentIndex(dialog.kit_type_combo.findData("wellness_plus_kit"))
    with qtbot.waitSignal(dialog.token_issued):
        qtbot.mouseClick(dialog.generate_button, Qt.MouseButton.LeftButton)
    now[0] += 138
    dialog.countdown.refresh()
    assert dialog.countdown.countdown_label.text() == "Valid for 7:42 — works once"
    dialog.resize(720, dialog.sizeHint().height())
    save(qtbot, dialog, "registration_token", tmp_path)
    now[0] += 600
    dialog.countdown.refresh()
    assert not dialog.countdown.copy_button.isEnabled()
    save(qtbot, dialog, "registration_token_expired", tmp_path)
