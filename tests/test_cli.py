from __future__ import annotations

import subprocess
import sys

from app import __version__


def test_version_flag_prints_name_and_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"Spot Front Desk {__version__}"
