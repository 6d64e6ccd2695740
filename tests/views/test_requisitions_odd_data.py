"""The requisition detail shows odd server data as it came instead of failing."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from app.api import models
from app.views.requisitions.view import RequisitionDetail

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_a_nested_address_with_a_number_zip_is_shown_not_a_crash(qtbot: QtBot) -> None:
    detail = RequisitionDetail()
    qtbot.addWidget(detail)
    # Nested twice next to another key (so not flattened), with a ZIP sent as a number.
    detail.show_requisition(models.Requisition.model_validate({
        "requisition_id": "r1", "barcode": "B1", "status": "approved",
        "patient": {"first_name": "Testy", "address": {
            "address": {"street1": "1 Fixture Lane", "city": "Columbus", "zip": 43004},
            "note": None,
        }},
    }))
    assert detail.values["address"].text() == "1 Fixture Lane, Columbus, 43004"
    assert detail.values["patient"].text().startswith("Testy")
