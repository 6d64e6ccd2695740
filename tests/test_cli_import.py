"""`spot-front-desk import-orders`: the headless import prints findings and a summary, and
sends only after a yes."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.main import main
from app.paths import paths
from app.services.audit import AuditAction, AuditTrail
from tests.helpers.imports import write_csv, write_xlsx

SUMMARY = "rows=9 valid=2 warnings=1 invalid=5 duplicates=1"


def test_dry_run_prints_one_line_per_finding_then_the_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["import-orders", str(write_xlsx(tmp_path / "list.xlsx")), "--dry-run",
                 "--sandbox"])  # fmt: skip
    lines = capsys.readouterr().out.splitlines()
    assert code == 2  # some rows have problems
    assert lines[-1] == SUMMARY
    assert "row 3: error: Last Name: Enter the last name" in lines
    assert "row 6: duplicate: E-mail: Same person and kit as row 2" in lines
    assert all(line.startswith("row ") for line in lines[:-1])


def test_sending_asks_first_and_a_no_sends_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_csv(tmp_path / "list.csv")
    monkeypatch.setattr("builtins.input", lambda _prompt: "n")
    main(["import-orders", str(path), "--sandbox"])
    assert capsys.readouterr().out.splitlines()[-1] == SUMMARY
    # Nothing went: a second look still finds no synced duplicates.
    main(["import-orders", str(path), "--sandbox", "--dry-run"])
    assert capsys.readouterr().out.splitlines()[-1] == SUMMARY


def test_yes_sends_the_ready_rows_and_a_second_run_sees_them_as_duplicates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(tmp_path / "list.csv")
    main(["import-orders", str(path), "--sandbox", "--yes", "--rate", "20"])
    captured = capsys.readouterr()
    assert "sent=2 waiting=0 attention=0" in captured.err
    # The import is in the data folder's audit trail, with its batch id (issue 19).
    (record,) = [r for r in AuditTrail.in_folder(paths().data).records()
                 if r.action == AuditAction.IMPORT]
    assert record.staff_id == "system"
    assert f"batch {record.ids['batch']}: sent=2" in captured.err
    main(["import-orders", str(path), "--sandbox", "--dry-run"])
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith("row 9: duplicate: E-mail: Looks like order") for line in lines)
    assert any(line.startswith("row 10: duplicate: E-mail: Looks like order") for line in lines)


def test_an_unreadable_file_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert main(["import-orders", str(empty), "--dry-run", "--sandbox"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip() == (
        "This file is empty. Choose the file that holds the patient list."
    )


def test_resume_finishes_a_batch_an_earlier_run_left_unsent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.paths import paths
    from app.services.environments import Environment
    from app.services.import_batch import batch_store_for
    from app.services.session import session_folder
    from tests.helpers.imports import fake_rows

    # The built-in sandbox is one account, whatever its token this run.
    folder = session_folder(paths().data, Environment.sandbox("http://127.0.0.1:1"), "any")
    folder.mkdir(parents=True)
    store = batch_store_for(folder)
    batch_id = store.create(fake_rows(3), staff="IT", source="list.csv", rate=20)
    store.close()
    assert main(["import-orders", "--resume", "--sandbox"]) == 0
    assert f"batch {batch_id}: sent=3 attention=0 canceled=0" in capsys.readouterr().out
