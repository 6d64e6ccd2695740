"""Every dialog fits a 1280×720 and a 1366×768 screen with its buttons in reach (issue 13).

The checks (``screen_fit_check.py``) run in a child process whose offscreen screen has that
size, so each window sizes itself from a real screen of that size, as it does for the user.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1366, 768)])
def test_dialogs_fit_small_screens(tmp_path: Path, width: int, height: int) -> None:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "small", "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpiX": 96, "logicalDpiY": 96,
    }]}))
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "SPOT_TEST_SCREEN": f"{width}x{height}",
    }
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         str(ROOT / "tests" / "views" / "screen_fit_check.py")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "8 passed" in done.stdout
