"""Shared test set-up: Qt offscreen, and every file the app writes goes under tmp_path."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.sandbox import SandboxServer
from app.services import data_key
from tests.helpers.keyring import MemoryKeyring

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Fixtures shared by test folders live in tests/helpers, not in one test module.
pytest_plugins = ["tests.helpers.fixtures"]


@pytest.fixture(scope="session", autouse=True)
def _collect_on_the_main_thread_only() -> Iterator[None]:
    """As the app does (app/views/gc_guard.py): no automatic cyclic collection, which would run
    in whatever thread allocates (a sandbox server thread, a worker) and could delete a Qt
    object there. Each test's garbage is collected on the main thread after it."""
    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def _collect_after_each_test() -> Iterator[None]:
    yield
    gc.collect()


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "spot-home"
    monkeypatch.setenv("SPOT_FRONT_DESK_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def data_keyring(monkeypatch: pytest.MonkeyPatch) -> MemoryKeyring:
    """Each test's own keyring for data keys (the machine's may be missing, as in CI): stores
    are encrypted in tests exactly as at a desk. Tests of the keyring-less start replace it."""
    keyring = MemoryKeyring()
    monkeypatch.setattr(data_key, "default_backend", lambda: keyring)
    return keyring


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[SandboxServer]:
    """A running sandbox on a free loopback port; its clock only moves with ``advance``."""
    server = SandboxServer(tmp_path / "sandbox", speed=0, rng_seed=1234)
    server.start()
    try:
        yield server
    finally:
        server.stop()
