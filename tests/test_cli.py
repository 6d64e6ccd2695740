from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

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
def _write_trail(records: int) -> Path:
    from app.paths import paths
    from app.services.audit import AuditAction, AuditTrail, ObjectKind

    where = paths()
    trail = AuditTrail.in_folder(where.data, workstation="DESK-1")
    for n in range(records):
        trail.record(AuditAction.REPORT_VIEWED, "s-00000000a1",
                     ids={ObjectKind.KIT: f"SPOT{n:06d}"})
    assert where.audit_trail.exists()
    return where.audit_trail


def test_verify_audit_exits_0_and_counts_an_intact_trail(capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    _write_trail(3)
    assert main(["--verify-audit"]) == 0
    assert "Audit trail intact: 4 records." in capsys.readouterr().out


def test_verify_audit_exits_1_and_names_a_tampered_middle_record(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = _write_trail(4)
    lines = path.read_bytes().splitlines()
    lines[2] = lines[2].replace(b"SPOT000001", b"SPOT999999")
    path.write_bytes(b"\n".join(lines) + b"\n")
    assert main(["--verify-audit"]) == 1
    assert "BROKEN at record 3 of 5" in capsys.readouterr().out


def test_verify_audit_on_a_fresh_install_is_intact(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--verify-audit"]) == 0
    assert "0 records" in capsys.readouterr().out
