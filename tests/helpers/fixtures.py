"""Fixtures shared by test folders (registered in tests/conftest.py as a plugin)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from app.paths import paths
from app.sandbox import SandboxServer
from app.services.environments import Environment
from app.services.session import Session
from app.views.theme import dark_palette
from tests.helpers.main_window import SEEDED


@pytest.fixture
def seeded(sandbox: SandboxServer) -> SandboxServer:
    sandbox.seed(SEEDED)
    return sandbox


@pytest.fixture
def sandbox_session(sandbox: SandboxServer) -> Iterator[Session]:
    """A real session on the sandbox (its outbox not sending), for dialogs that need one."""
    live = Session.open(
        Environment.sandbox(sandbox.base_url), sandbox.token, paths(),
        kit_catalog={"health_kit_1": "Health kit"}, start_outbox=False,
    )
    yield live
    live.close()


CLINIC_TOKEN = "fake-token-for-a-clinic-server-0123456789"


@pytest.fixture
def clinic_session() -> Iterator[Session]:
    """A session on an https clinic server that is never reached (opening makes no request),
    token `CLINIC_TOKEN`: for what goes through a proxy, and what must not."""
    live = Session.open(Environment.custom("https://spot.clinic.example"), CLINIC_TOKEN,
                        paths(), start_outbox=False)
    yield live
    live.close()


@pytest.fixture
def palette_mode(request: pytest.FixtureRequest) -> Iterator[str]:
    """Screenshots: Fusion with the light or dark palette (``indirect`` "light"/"dark")."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    old_style, old_palette = app.style().name(), app.palette()
    app.setStyle("Fusion")  # the same look on every platform, so light and dark compare
    mode = str(request.param)
    app.setPalette(dark_palette() if mode == "dark" else app.style().standardPalette())
    yield mode
    app.setStyle(old_style)
    app.setPalette(old_palette)
