from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app import __version__
from app.main import main


def test_version_flag_prints_name_and_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"Spot Front Desk {__version__}"


def test_report_flag_writes_the_output_to_a_file(tmp_path: Path) -> None:
    # The windowed Windows exe has no stdout: `start /wait … --report FILE` is how IT reads it.
    report = tmp_path / "version.txt"
    result = subprocess.run(
        [sys.executable, "-m", "app", "--version", "--report", str(report)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0
    assert result.stdout == ""
    assert report.read_text(encoding="utf-8").strip() == f"Spot Front Desk {__version__}"


def test_report_flag_keeps_the_exit_code_of_a_bad_argument(tmp_path: Path) -> None:
    report = tmp_path / "bad.txt"
    code = main(["--no-such-flag", f"--report={report}"])
    assert code == 2
    assert "unrecognized arguments: --no-such-flag" in report.read_text(encoding="utf-8")


def test_report_file_that_cannot_be_written_is_an_exit_code(tmp_path: Path) -> None:
    assert main(["--version", "--report", str(tmp_path / "missing" / "r.txt")]) == 3
