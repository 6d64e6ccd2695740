"""Shared fixtures for view tests: fake order rows built the way sync builds them, in-memory
keyrings, and the real main window wired to the sandbox."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from keyring.backend import KeyringBackend
from pytestqt.qtbot import QtBot

from app.compose import check_connection, open_session
from app.sandbox import SandboxServer
from app.services.credentials import CredentialStore
from app.services.environments import Environment
from app.services.order_rules import OrderRow
from app.tasks import TaskRunner
from app.views.common.app_settings import AppSettings
from app.views.shell.main_window import MainWindow
from app.views.shell.sign_in import SignInContext
from tests.helpers.keyring import MemoryKeyring
from tests.helpers.main_window import BASE_TIME, MakeRow, MakeWindow, make_row


@pytest.fixture
def row_factory() -> MakeRow:
    return make_row


@pytest.fixture
def sample_rows() -> list[OrderRow]:
    """A small, varied list: every progress tone, an unknown status, two provinces."""
    day = timedelta(days=1)
    return [
        make_row(
            "O0000001", first_name="Ada", last_name="Fakename", phone="(555) 010-0001",
            status="pending", created=BASE_TIME, updated=BASE_TIME + day,
        ),
        make_row(
            "O0000002", first_name="Bert", last_name="Notreal", phone="555.010.0002",
            created=BASE_TIME + day, updated=BASE_TIME + 2 * day,
            kits=[("SPOTTEST0002", "adx100", "delivered", "awaiting_collection")],
        ),
        make_row(
            "O0000003", first_name="Cora", last_name="Sample", state="ON", country="CA",
            status="completed", created=BASE_TIME + 2 * day, updated=BASE_TIME + 3 * day,
            kits=[("SPOTTEST0003", "saliva_3", "registered", "resulted")],
        ),
        make_row(
            "O0000004", first_name="Dale", last_name="Mockson",
            created=BASE_TIME + 3 * day, updated=BASE_TIME + 4 * day,
            kits=[("SPOTTEST0004", "hemaspot_hf", "delivery_exception", "")],
        ),
        make_row(
            "O0000005", first_name="Eve", last_name="Aaronfake", status="on_hold_by_lab",
            created=BASE_TIME + 4 * day, updated=BASE_TIME + 5 * day,
            kits=[("SPOTTEST0005", "adx100", "registered", "teleported")],
        ),
    ]


# --- the real window against the sandbox ------------------------------------------------

@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.shutdown()


@pytest.fixture
def keyring_backend() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def sign_in_context(sandbox: SandboxServer, keyring_backend: KeyringBackend) -> SignInContext:
    def start_sandbox() -> tuple[Environment, str]:
        return Environment.sandbox(sandbox.base_url), sandbox.token

    return SignInContext(
        credentials=CredentialStore(keyring_backend=keyring_backend),
        check_connection=check_connection,
        start_sandbox=start_sandbox,
    )




@pytest.fixture
def make_window(
    qtbot: QtBot, runner: TaskRunner, sign_in_context: SignInContext
) -> Iterator[MakeWindow]:
    """The real main window, signed in to nothing yet; closed (and its session) at the end."""
    windows: list[MainWindow] = []

    def make(**kwargs: object) -> MainWindow:
        options: dict[str, object] = {
            "settings": AppSettings(),
            "sign_in": sign_in_context,
            "open_session": open_session,
            "use_tray": False,
        }
        options.update(kwargs)
        window = MainWindow(runner, **options)  # type: ignore[arg-type]
        qtbot.addWidget(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.shutdown()
    runner.wait_idle(5000)

