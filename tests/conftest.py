"""Shared test set-up: Qt offscreen, and every file the app writes goes under tmp_path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "spot-home"
    monkeypatch.setenv("SPOT_FRONT_DESK_HOME", str(home))
    return home
