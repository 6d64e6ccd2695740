"""Register kit at the desk: a shipped sandbox kit, the dialog, scanning, a new patient."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.api import models
from app.sandbox import SandboxServer
from app.services.session import Session
from app.tasks import InlineTaskRunner
from app.views.desk.register_kit import RegisterKitDialog


def shipped_kit(sandbox: SandboxServer, session: Session, kit_type: str = "health_kit_1") -> str:
    order = session.client.create_order(
        models.NewOrder.model_validate({"kit_types": [kit_type], "recipient": RECIPIENT})
    )
    sandbox.advance(1)
    return session.client.get_order(order.order_id).kits[0].kit_id


def open_dialog(qtbot: QtBot, session: Session) -> RegisterKitDialog:
    dialog = RegisterKitDialog(session, InlineTaskRunner(), today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    # Window activation is asynchronous, even offscreen; the kit field starts with focus.
    qtbot.waitUntil(dialog.kit_edit.hasFocus)
    return dialog


def scan(qtbot: QtBot, dialog: RegisterKitDialog, kit_id: str) -> None:
    dialog.kit_edit.clear()
    qtbot.keyClicks(dialog.kit_edit, kit_id)
    qtbot.keyClick(dialog.kit_edit, Qt.Key.Key_Return)  # what a barcode scanner sends


def fill_new_patient(qtbot: QtBot, dialog: RegisterKitDialog) -> None:
    fields = dialog.patient_fields
    fields.recipient.set_recipient(RECIPIENT)
    fields.sex_combo.setCurrentIndex(fields.sex_combo.findData("F"))
    fields.birth_edit.clear()
    qtbot.keyClicks(fields.birth_edit.line, "04/30/1980")  # as the receptionist types it


TODAY = date(2026, 6, 1)


RECIPIENT = {
    "first_name": "Testy", "last_name": "McTestface", "email": "testy@example.com",
    "phone": "4155550123",
    "address": {"street1": "1 Fixture Lane", "city": "San Francisco", "state": "CA",
                "country": "US", "zip": "94105"},
}
