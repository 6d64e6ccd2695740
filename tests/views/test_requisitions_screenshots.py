"""README screenshots of the Requisitions tab (list + detail, turned off) and the new
requisition form with errors, against the sandbox.

Rendered on every run; with ``SPOT_SCREENSHOTS_DIR`` set they are also written there:
``SPOT_SCREENSHOTS_DIR=resources/screenshots QT_QPA_PLATFORM=xcb xvfb-run -a -s
'-screen 0 1280x1000x24' python -m pytest tests/views/test_requisitions_screenshots.py``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from app.paths import paths
from app.sandbox import SandboxServer
from app.services.environments import Environment
from app.services.requisitions import create_requisition
from app.services.session import Session
from app.tasks import InlineTaskRunner
from app.views.requisitions.form import NewRequisitionDialog
from app.views.requisitions.view import RequisitionsView

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

TODAY = date(2026, 6, 1)
PEOPLE = [
    ("Ada", "Fakename", "OH", "43004", "Columbus", "F", "1984-07-09"),
    ("Bert", "Notreal", "NY", "10001", "New York", "M", "1971-11-02"),
    ("Cora", "Sample", "TX", "73301", "Austin", "F", "1990-03-15"),
    ("Dale", "Mockson", "CA", "94105", "San Francisco", "M", "1966-05-30"),
    ("Eve", "Aaronfake", "WA", "98101", "Seattle", "F", "2001-12-24"),
]


@pytest.fixture
def session(sandbox: SandboxServer) -> Iterator[Session]:
    live = Session.open(
        Environment.sandbox(sandbox.base_url), sandbox.token, paths(), start_outbox=False,
    )
    yield live
    live.close()


def save(qtbot: QtBot, widget: QWidget, name: str, tmp_path: Path) -> None:
    qtbot.wait(50)
    image = widget.grab().toImage()
    image.save(str(tmp_path / f"{name}.png"))
    target = os.environ.get("SPOT_SCREENSHOTS_DIR")
    if target:
        image.save(str(Path(target) / f"{name}.png"))


def seed(session: Session, sandbox: SandboxServer) -> None:
    for number, (first, last, state, zip_code, city, sex, born) in enumerate(PEOPLE):
        form: dict[str, Any] = {
            "barcode": f"1974293{8320 + number}", "lab": "CRL", "account_number": "1234567890",
            "panels": "PANEL-123" if number % 2 else "PANEL-123, hba1c_panel",
            "state_collected": state,
            "patient": {"first_name": first, "last_name": last,
                        "email": f"{first.lower()}@example.com", "phone": "",
                        "sex": sex, "date_of_birth": born,
                        "address": {"street1": f"{10 + number} Sample Street", "street2": "",
                                    "city": city, "state": state, "country": "US",
                                    "zip": zip_code}},
            "tracking": {"carrier": "usps", "tracking_number": f"94001112025558423326{number}0"},
            "attributes": {"crl_slip_id": f"SLIP{number}"}, "metadata": {"desk": "front"},
        }
        create_requisition(session.client, form)
        sandbox.advance(2)


def test_requisitions_list_and_detail(
    qtbot: QtBot, sandbox: SandboxServer, session: Session, tmp_path: Path
) -> None:
    seed(session, sandbox)
    view = RequisitionsView(session, InlineTaskRunner(), today=TODAY)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    resulted = next(
        row for row in range(view.model.rowCount())
        if (r := view.model.requisition(row)) is not None and r.status == "resulted"
    )
    view.table.selectRow(resulted)
    assert view.detail.report_buttons
    save(qtbot, view, "requisitions_list", tmp_path)


def test_requisitions_turned_off(
    qtbot: QtBot, sandbox: SandboxServer, session: Session, tmp_path: Path
) -> None:
    sandbox.set_requisitions_enabled(False)
    view = RequisitionsView(session, InlineTaskRunner(), today=TODAY)
    qtbot.addWidget(view)
    view.resize(1000, 520)
    view.show()
    qtbot.waitExposed(view)
    assert view.is_disabled_notice_shown()
    save(qtbot, view, "requisitions_turned_off", tmp_path)


def test_new_requisition_form_with_errors(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    dialog = NewRequisitionDialog(session, InlineTaskRunner(), today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    form = dialog.form
    form.set_value("barcode", "19742938 328")
    form.set_value("lab", "CRL")
    form.set_value("panels", "PANEL-123")
    fields = form.patient_fields
    fields.recipient.set_recipient({
        "first_name": "Ada", "last_name": "Fakename", "email": "ada@example",
        "address": {"street1": "10 Sample Street", "city": "Columbus", "state": "OH",
                    "country": "US", "zip": "43004"}})
    fields.birth_edit.set_value(date(1984, 7, 9))
    form.set_value("tracking.carrier", "ups")
    form.set_value("attributes.crl_slip_id", "SLIP-0001-X")
    form.set_value("attributes.crl_tier3_account_number", "1234")
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert form.message_text("account_number") == "Enter the lab account number"
    body = form.findChild(QScrollArea)
    assert body is not None
    inner = body.widget()
    assert inner is not None
    height = inner.sizeHint().height() + dialog.height() - body.height() + 8
    dialog.resize(820, height)
    save(qtbot, dialog, "requisitions_new_errors", tmp_path)
