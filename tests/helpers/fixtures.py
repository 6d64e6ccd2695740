"""Fixtures shared by test folders (registered in tests/conftest.py as a plugin)."""

from __future__ import annotations

import pytest

from app.sandbox import SandboxServer
from tests.helpers.main_window import SEEDED


@pytest.fixture
def seeded(sandbox: SandboxServer) -> SandboxServer:
    sandbox.seed(SEEDED)
    return sandbox
