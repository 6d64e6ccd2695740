"""Fixtures shared by test folders (registered in tests/conftest.py as a plugin)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.paths import paths
from app.sandbox import SandboxServer
from app.services.environments import Environment
from app.services.session import Session
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
