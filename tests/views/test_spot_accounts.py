"""One Spot account's data never shows or sends under another's token, and an administrator
can sign out of Spot. The real main window against a scripted Spot (httpx MockTransport) that
notes which token each request carried; signing in goes through the sign-in dialog."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from app.paths import paths
from app.services.accounts import account_identity
from app.services.credentials import CredentialStore
from app.services.data_key import data_key_for
from app.services.drafts import DraftStore
from app.services.environments import ConnectionCheck, Environment
from app.services.outbox import Outbox
from app.services.session import Session, session_folder
from app.tasks import TaskRunner
from app.views.common.app_settings import AppSettings
from app.views.new_order.form import NewOrderDialog
from app.views.shell.main_window import MainWindow
from app.views.shell.sign_in import SignInDialog
from app.views.shell.sign_in_context import SignInContext
from tests.helpers.keyring import MemoryKeyring
from tests.helpers.main_window import WAIT_MS, fake_order, open_dialog
from tests.helpers.order_form import type_into
from tests.helpers.staff import unlock_as

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)

URL = "https://spot.example.test"
ENVIRONMENT = Environment.custom(URL)
TOKEN_A = "tok_fake_clinic_a_0123456789"
TOKEN_A_NEW = "tok_fake_clinic_a_rotated_42"
TOKEN_B = "tok_fake_clinic_b_9876543210"


class ScriptedSpot:
    """Answers every read with an empty list; every order POST fails before it leaves (Spot
    unreachable), so queued orders stay queued. Notes the token of each request."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.posts: list[str] = []  # the token of each order POST tried

    def handle(self, request: httpx.Request) -> httpx.Response:
        token = request.headers.get("Authorization", "").removeprefix("Token ")
        if request.method == "POST":
            with self.lock:
                self.posts.append(token)
            raise httpx.ConnectError("Spot unreachable (scripted)", request=request)
        return httpx.Response(200, json=[])

    def posted_with(self, token: str) -> int:
        with self.lock:
            return self.posts.count(token)


class Desk:
    def __init__(self, qtbot: QtBot, runner: TaskRunner) -> None:
        self.qtbot = qtbot
        self.spot = ScriptedSpot()
        self.keyring = MemoryKeyring()
        context = SignInContext(
            credentials=CredentialStore(keyring_backend=self.keyring),
            check_connection=lambda _env, _token: ConnectionCheck(True, "ok", "Connected"),
        )

        def opener(environment: Environment, token: str) -> Session:
            return Session.open(environment, token, paths(),
                                transport=httpx.MockTransport(self.spot.handle))

        self.window = MainWindow(runner, settings=AppSettings(), sign_in=context,
                                 open_session=opener, auto_refresh=False, use_tray=False)
        qtbot.addWidget(self.window)
        self.window.show()

    def sign_in(self, token: str) -> None:
        """File → Sign in: Custom URL, the token, Sign in."""
        self.window.show_sign_in()
        dialog = open_dialog(self.qtbot, self.window)
        dialog.environment_combo.setCurrentIndex(dialog.environment_combo.findData("custom"))
        dialog.url_edit.setText(URL)
        dialog.token_edit.clear()
        self.qtbot.keyClicks(dialog.token_edit, token)
        self.qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)

    def wait_for_account(self, token: str) -> Session:
        account = account_identity(ENVIRONMENT, token)
        self.qtbot.waitUntil(
            lambda: self.window.session is not None and self.window.session.account == account,
            timeout=WAIT_MS,
        )
        assert self.window.session is not None
        return self.window.session

    def queue_order(self, last_name: str) -> str:
        session = self.window.session
        assert session is not None
        tried = self.spot.posted_with(TOKEN_A)
        item = session.outbox.submit(fake_order(last_name))
        self.qtbot.waitUntil(lambda: self.spot.posted_with(TOKEN_A) > tried, timeout=WAIT_MS)
        return item.item_id

    def question(self) -> QMessageBox:
        def box() -> QMessageBox | None:
            found = [w for w in QApplication.topLevelWidgets()
                     if isinstance(w, QMessageBox) and w.isVisible()]
            return found[0] if found else None

        self.qtbot.waitUntil(lambda: box() is not None, timeout=WAIT_MS)
        found = box()
        assert found is not None
        return found

    def press(self, box: QMessageBox, name: str) -> None:
        button = box.findChild(QPushButton, name)
        assert button is not None, name
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture
def desk(qtbot: QtBot, runner: TaskRunner) -> Iterator[Desk]:
    made = Desk(qtbot, runner)
    yield made
    made.window.shutdown()
    runner.wait_idle(5000)


def _queued_in_folder(token: str) -> list[str]:
    outbox = Outbox(session_folder(paths().data, ENVIRONMENT, token) / "outbox.sqlite3",
                    key=data_key_for(paths().data))  # encrypted, as the session wrote it
    try:
        return [item.payload.recipient.last_name for item in outbox.items()]
    finally:
        outbox.close()


def test_a_queued_order_of_account_a_is_never_sent_with_b_token(
    qtbot: QtBot, desk: Desk
) -> None:
    desk.sign_in(TOKEN_A)
    first = desk.wait_for_account(TOKEN_A)
    desk.queue_order("Alpha")

    desk.sign_in(TOKEN_B)
    box = desk.question()
    assert "1 order queued under the Spot account in use hasn't reached Spot yet." in box.text()
    assert "never sent with another account's token" in box.text()
    desk.press(box, "switch_switch")
    second = desk.wait_for_account(TOKEN_B)
    assert second.folder != first.folder
    assert second.outbox.items() == []  # B's outbox has none of A's orders
    qtbot.wait(300)  # B's sender runs: it has nothing to send
    assert desk.spot.posted_with(TOKEN_B) == 0
    assert desk.window.order_list.model.total_count() == 0

    desk.sign_in(TOKEN_A)  # B has nothing queued: no question
    again = desk.wait_for_account(TOKEN_A)
    assert again.folder == first.folder
    assert [item.payload.recipient.last_name for item in again.outbox.items()] == ["Alpha"]
    assert desk.spot.posted_with(TOKEN_B) == 0


def test_staying_with_the_current_account_changes_nothing(desk: Desk) -> None:
    desk.sign_in(TOKEN_A)
    first = desk.wait_for_account(TOKEN_A)
    desk.queue_order("Alpha")
    desk.sign_in(TOKEN_B)
    desk.press(desk.question(), "switch_stay")
    assert desk.window.session is first
    assert desk.window.statusBar().currentMessage() == "Still working with the same Spot account."
    assert desk.spot.posted_with(TOKEN_B) == 0
    # The sign-in dialog had remembered B's token; staying puts A's back, so the next start
    # opens the account the desk stayed with.
    credentials = desk.window.sign_in_flow.credentials
    assert credentials is not None
    desk.qtbot.waitUntil(lambda: credentials.load(ENVIRONMENT.key) == TOKEN_A, timeout=WAIT_MS)


def test_a_new_key_of_the_same_account_takes_the_queued_orders_along(
    qtbot: QtBot, desk: Desk
) -> None:
    desk.sign_in(TOKEN_A)
    desk.wait_for_account(TOKEN_A)
    desk.queue_order("Alpha")
    desk.sign_in(TOKEN_A_NEW)  # the clinic replaced its key
    desk.press(desk.question(), "switch_carry_over")
    session = desk.wait_for_account(TOKEN_A_NEW)
    assert [item.payload.recipient.last_name for item in session.outbox.items()] == ["Alpha"]
    qtbot.waitUntil(lambda: desk.spot.posted_with(TOKEN_A_NEW) > 0, timeout=WAIT_MS)
    assert not session_folder(paths().data, ENVIRONMENT, TOKEN_A).exists()


def test_sign_out_of_spot_forgets_the_token_and_keeps_queued_orders_and_drafts(
    qtbot: QtBot, desk: Desk
) -> None:
    desk.sign_in(TOKEN_A)
    session = desk.wait_for_account(TOKEN_A)
    assert desk.keyring.get_password("spot-front-desk", ENVIRONMENT.key) == TOKEN_A
    desk.queue_order("Alpha")
    form = desk.window.child_windows.open_new_order(session)
    assert isinstance(form, NewOrderDialog)
    qtbot.waitExposed(form)
    type_into(qtbot, form.form, "last_name", "Draftperson")

    action = desk.window.commands["sign_out_of_spot"]
    assert action.isEnabled()
    action.trigger()
    box = desk.question()
    assert box.text().startswith("The API token for Custom (https://spot.example.test) is "
                                 "removed from this computer")
    desk.press(box, "confirm_accept")

    dialog = open_dialog(qtbot, desk.window)
    assert dialog.reason_label.text() == (
        "Signed out of Spot: the token was removed from this computer.")
    assert desk.window.session is None
    assert desk.keyring.get_password("spot-front-desk", ENVIRONMENT.key) is None
    assert desk.window.child_windows.new_orders == []  # the form closed (and saved)
    assert not action.isEnabled()
    assert not desk.window.commands["new_order"].isEnabled()
    assert desk.window.environment_label.text() == "Not signed in"
    assert desk.window.panel_placeholder.isVisible()
    assert not desk.window.banner.isVisible()  # "No kit types for this account" went with it
    dialog.reject()

    folder = session_folder(paths().data, ENVIRONMENT, TOKEN_A)
    assert _queued_in_folder(TOKEN_A) == ["Alpha"]  # kept for this account's next sign-in
    drafts = DraftStore(folder / "drafts.sqlite3", key=session.data_key)
    try:
        assert any("Draftperson" in str(draft) for draft in drafts.load_all().values())
    finally:
        drafts.close()


def test_token_changes_switches_and_sign_out_are_audited_and_for_administrators_only(
    qtbot: QtBot, desk: Desk, runner: TaskRunner
) -> None:
    from app.compose import build_staff, build_workstation
    from app.services.audit import AuditAction
    from app.services.staff import DEMO_PIN, DEMO_STAFF_ID, Role

    workstation = build_workstation(paths(), AppSettings(), sandbox=True)
    controller, _shell = build_staff(desk.window, runner, workstation)
    controller.start_locked()

    def unlock(staff_id: str, pin: str) -> None:
        unlock_as(qtbot, controller, staff_id, pin)

    def recorded(action: AuditAction) -> list[tuple[str, dict[str, str], str | None]]:
        return [(r.staff_id, dict(r.ids), r.detail) for r in workstation.audit.records()
                if r.action == action]

    try:
        unlock(DEMO_STAFF_ID, DEMO_PIN)
        desk.sign_in(TOKEN_A)
        desk.wait_for_account(TOKEN_A)
        account_a = account_identity(ENVIRONMENT, TOKEN_A)
        qtbot.waitUntil(lambda: bool(recorded(AuditAction.TOKEN_CHANGED)), timeout=WAIT_MS)
        assert recorded(AuditAction.TOKEN_CHANGED) == [
            (DEMO_STAFF_ID, {"account": account_a}, None)]
        desk.sign_in(TOKEN_B)  # nothing queued: no question
        desk.wait_for_account(TOKEN_B)
        qtbot.waitUntil(lambda: bool(recorded(AuditAction.ACCOUNT_SWITCHED)), timeout=WAIT_MS)
        account_b = account_identity(ENVIRONMENT, TOKEN_B)
        assert recorded(AuditAction.ACCOUNT_SWITCHED) == [
            (DEMO_STAFF_ID, {"account": account_b}, None)]

        fay = workstation.add_profile("Fay Desk", "FD", Role.FRONT_DESK, "pin", "5802")
        controller.lock_now()
        unlock(fay.staff_id, "5802")
        assert not desk.window.commands["sign_out_of_spot"].isEnabled()  # administrators only
        controller.lock_now()
        unlock(DEMO_STAFF_ID, DEMO_PIN)
        assert desk.window.commands["sign_out_of_spot"].isEnabled()

        desk.window.commands["sign_out_of_spot"].trigger()
        desk.press(desk.question(), "confirm_accept")
        qtbot.waitUntil(lambda: bool(recorded(AuditAction.SPOT_SIGNED_OUT)), timeout=WAIT_MS)
        assert recorded(AuditAction.SPOT_SIGNED_OUT) == [
            (DEMO_STAFF_ID, {"account": account_b}, None)]
        assert not desk.window.commands["sign_out_of_spot"].isEnabled()  # nothing to leave
        trail = "\n".join(str(r) for r in workstation.audit.records())
        assert TOKEN_A not in trail
        assert TOKEN_B not in trail
    finally:
        controller.shutdown()


def test_signing_in_again_with_the_remembered_token_is_no_token_change(
    qtbot: QtBot, desk: Desk
) -> None:
    changed: list[str] = []
    desk.window.sign_in_flow.token_changed.connect(changed.append)
    desk.sign_in(TOKEN_A)
    session = desk.wait_for_account(TOKEN_A)
    assert changed == [account_identity(ENVIRONMENT, TOKEN_A)]
    desk.sign_in("")  # no token typed: the one this computer remembers
    qtbot.waitUntil(lambda: not any(d.isVisible() for d in desk.window.findChildren(SignInDialog)),
                    timeout=WAIT_MS)
    qtbot.wait(200)  # signing in again (reauthenticate) runs on a worker
    assert desk.window.session is session  # the same account: signed in again, not switched
    assert len(changed) == 1
