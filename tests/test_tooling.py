"""The project's own checks run with the tests: lint, types and the layer contracts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_ruff_is_clean() -> None:
    result = _run("ruff", "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean() -> None:
    result = _run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_layer_contracts_hold() -> None:
    # lint-imports has no `python -m` entry point; call its CLI module through this interpreter.
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command;"
         " sys.exit(lint_imports_command())"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize("entry", ["pyproject.toml", "README.md", "app", "resources", "tests",
                                   "packaging"])
def test_top_level_entry_exists(entry: str) -> None:
    assert (ROOT / entry).exists()


def test_top_level_holds_nothing_else() -> None:
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    allowed = {"pyproject.toml", "README.md", "app", "resources", "tests", "packaging"}
    visible = {path.split("/")[0] for path in tracked if not path.startswith(".")}
    assert visible <= allowed, visible - allowed


def test_readme_key_table_is_the_action_table(qapp: object) -> None:
    """The README's keyboard table is written from the app's own action table."""
    from app.views.shell.actions import key_rows

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = [f"| {action} | {keys} |" for action, keys in key_rows()]
    table = "\n".join(["| Action | Keys |", "|---|---|", *rows])
    assert table + "\n" in readme
