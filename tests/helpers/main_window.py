"""The real main window against the sandbox: order rows built as sync builds them, signing in
like a user, the orders and marks several window tests share."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from pytestqt.qtbot import QtBot

from app.api.models import Address, NewOrder, Recipient
from app.sandbox import SandboxServer
from app.services.order_rules import KitInfo, OrderInfo, OrderRow, build_row
from app.views.orders.order_table import COL_ORDER_ID
from app.views.shell.main_window import MainWindow
from app.views.shell.sign_in import SignInDialog

BASE_TIME = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


MakeRow = Callable[..., OrderRow]


def make_row(
    order_id: str,
    *,
    first_name: str = "Testy",
    last_name: str = "Example",
    email: str | None = None,
    phone: str = "+1 555-010-0100",
    status: str = "in_progress",
    state: str = "CA",
    country: str = "US",
    created: datetime = BASE_TIME,
    updated: datetime | None = None,
    kits: Sequence[tuple[str, str, str, str]] = (),
) -> OrderRow:
    """One order row; ``kits`` are (kit_id, kit_type, kit_status, sample_status)."""
    order = OrderInfo(
        order_id=order_id,
        status=status,
        first_name=first_name,
        last_name=last_name,
        email=email if email is not None else f"{first_name.lower()}@example.test",
        phone=phone,
        state=state,
        country=country,
        created=created,
        updated=updated or created,
    )
    kit_infos = [
        KitInfo(
            kit_id=kit_id,
            kit_type=kit_type,
            order_id=order_id,
            kit_status=kit_status,
            sample_status=sample_status,
            created=created,
            updated=updated or created,
        )
        for kit_id, kit_type, kit_status, sample_status in kits
    ]
    return build_row(order, kit_infos)


MakeWindow = Callable[..., MainWindow]


# The offscreen platform cannot raise windows or honour size hints; both are harmless here.
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)


SEEDED = 40


WAIT_MS = 15_000


def open_dialog(qtbot: QtBot, window: MainWindow) -> SignInDialog:
    qtbot.waitUntil(lambda: _visible_dialog(window) is not None, timeout=WAIT_MS)
    dialog = _visible_dialog(window)
    assert dialog is not None
    return dialog


def _visible_dialog(window: MainWindow) -> SignInDialog | None:
    for dialog in window.findChildren(SignInDialog):
        if dialog.isVisible():
            return dialog
    return None


def sign_in_to_sandbox(qtbot: QtBot, window: MainWindow, expected: int = SEEDED) -> None:
    window.show()
    window.start()
    dialog = open_dialog(qtbot, window)
    dialog.environment_combo.setCurrentIndex(dialog.environment_combo.findData("sandbox"))
    assert not dialog.token_edit.isVisible()  # the sandbox needs no token
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.order_count() == expected, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not window.refresh_in_progress(), timeout=WAIT_MS)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)  # shortcuts need an active window


def fake_order(last_name: str) -> NewOrder:
    """An order for an invented patient "Testy <last_name>"."""
    return NewOrder(
        kit_types=["health_kit_1"],
        recipient=Recipient(
            first_name="Testy", last_name=last_name,
            email=f"testy.{last_name.lower()}@example.com", phone="3125550199",
            address=Address(street1="1 Test Street", city="Chicago", state="IL",
                            zip="60601", country="US"),
        ),
    )


def visible_ids(window: MainWindow) -> list[str]:
    model = window.order_list.model
    return [model.index(row, COL_ORDER_ID).data() for row in range(model.rowCount())]


def sign_in_to_custom(qtbot: QtBot, window: MainWindow, sandbox: SandboxServer) -> None:
    """Sign in as an office manager would to a production-like server (a Custom URL)."""
    window.show()
    window.start()
    dialog = open_dialog(qtbot, window)
    dialog.environment_combo.setCurrentIndex(dialog.environment_combo.findData("custom"))
    qtbot.keyClicks(dialog.url_edit, sandbox.base_url)
    qtbot.keyClicks(dialog.token_edit, sandbox.token)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session is not None, timeout=WAIT_MS)


ORDER = NewOrder(
    kit_types=["health_kit_1"],
    recipient=Recipient(
        first_name="Testy", last_name="Linkstatus", email="testy.link@example.com",
        phone="3125550199",
        address=Address(street1="1 Test Street", city="Chicago", state="IL", zip="60601",
                        country="US"),
    ),
)


class UrlCatcher(QObject):
    """Takes the place of the browser for https links (QDesktopServices.setUrlHandler)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString())
