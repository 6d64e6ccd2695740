"""Bulk import: a patient list read, mapped and checked in one pass, problems on the right rows."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from app.services.import_mapping import MappingMemory, guess_mapping
from app.services.order_import import ImportCheck, export_problem_rows, prepared_rows, restore_zip
from app.services.spreadsheets import UnreadableFile, read_table
from tests.helpers.imports import (
    CATALOG,
    EXPECTED,
    HEADERS,
    NOW,
    synced_orders,
    write_csv,
    write_xlsx,
)


def check_file(path: Path) -> ImportCheck:
    table = read_table(path)
    return ImportCheck(table, guess_mapping(table.headers), catalog=CATALOG,
                       synced=synced_orders(), now=NOW)  # fmt: skip


def found(check: ImportCheck) -> dict[int, set[tuple[str, str]]]:
    return {row.number: {(f.kind, f.field) for f in row.findings} for row in check.rows}


def test_headers_people_use_are_mapped_to_recipient_fields() -> None:
    assert guess_mapping(HEADERS) == {
        0: "first_name", 1: "last_name", 2: "email", 3: "phone", 4: "street1", 5: "city",
        6: "state", 7: "zip", 8: "kit_type",
    }  # fmt: skip
    assert guess_mapping(["Patient First Name", "Surname", "Email Address", "Postal Code",
                          "Province", "Address 2", "Preferred Language", "MRN"]) == {
        0: "first_name", 1: "last_name", 2: "email", 3: "zip", 4: "state", 5: "street2",
        6: "language",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8-sig", ","), ("utf-8", ";"), ("cp1252", ";"), ("utf-16", "\t")],
)
def test_every_problem_is_on_its_own_spreadsheet_row(
    tmp_path: Path, encoding: str, delimiter: str
) -> None:
    check = check_file(write_csv(tmp_path / "list.csv", encoding=encoding, delimiter=delimiter))
    assert found(check) == EXPECTED
    # Accents survive whatever Excel wrote; the first header is not glued to a BOM.
    assert check.row(9) is not None
    assert check.row(9).recipient["first_name"] == "Zoë"  # type: ignore[union-attr]
    assert check.column_for("first_name") == "First Name"


def test_the_same_rows_as_xlsx_give_the_same_report(tmp_path: Path) -> None:
    check = check_file(write_xlsx(tmp_path / "list.xlsx"))
    assert found(check) == EXPECTED


def test_zip_codes_turned_into_numbers_come_back_as_text(tmp_path: Path) -> None:
    check = check_file(write_xlsx(tmp_path / "list.xlsx"))
    row2 = check.row(2)
    assert row2 is not None
    assert row2.recipient["address"]["zip"] == "02134"  # type: ignore[index]
    assert "02134" in row2.findings[0].message
    row10 = check.row(10)
    assert row10 is not None
    assert row10.recipient["address"]["zip"] == "94105"  # type: ignore[index]
    assert restore_zip(21345678, "US")[0] == "02134-5678"
    assert restore_zip(123456789, "US") == ("12345-6789", None)
    assert restore_zip("K1A 0B1", "CA") == ("K1A 0B1", None)


def test_headless_lines_and_summary_count_each_row_once(tmp_path: Path) -> None:
    check = check_file(write_csv(tmp_path / "list.csv"))
    lines = check.finding_lines()
    assert "row 3: error: Last Name: Enter the last name" in lines
    assert "row 6: duplicate: E-mail: Same person and kit as row 2" in lines
    assert any(line.startswith("row 10: duplicate: E-mail: Looks like order ord_gus")
               for line in lines)  # fmt: skip
    assert any(line.startswith("row 7: error: Kit Type: Kit type Blood kit") for line in lines)
    assert check.counts() == {"rows": 9, "valid": 2, "warnings": 2, "invalid": 3,
                              "duplicates": 2}  # fmt: skip


def test_fixing_a_row_in_place_checks_it_again(tmp_path: Path) -> None:
    check = check_file(write_csv(tmp_path / "list.csv"))
    assert check.update(3, "last_name", "Fixedname").status == "ready"
    assert check.update(4, "email", "cy.f@example.com").status == "ready"
    # Another email is still the same person (name and phone): the form's rule.
    check.update(2, "email", "ann.other@example.com")
    row6 = check.row(6)
    assert row6 is not None
    assert row6.status == "duplicate"
    # A different kit for the same person is not a duplicate.
    assert check.update(6, "kit_type", "HbA1c").status == "ready"


def test_warnings_are_accepted_per_row_or_for_every_row_of_a_kind(tmp_path: Path) -> None:
    check = check_file(write_csv(tmp_path / "list.csv"))
    row5 = check.row(5)
    assert row5 is not None
    po_box = row5.findings[0].kind_key
    assert check.accept_everywhere(po_box) == 1
    assert row5.status == "ready"
    row2 = check.row(2)
    assert row2 is not None
    check.accept(2, row2.findings[0].kind_key)
    assert row2.status == "ready"
    # Errors can't be waved through.
    row3 = check.row(3)
    assert row3 is not None
    check.accept(3, row3.findings[0].kind_key)
    assert row3.status == "invalid"
    assert [row.number for row in check.sendable()] == [2, 5, 9, 11]
    orders = prepared_rows(check.sendable())
    assert orders[0].order.recipient.address is not None
    assert orders[0].order.recipient.address.zip == "02134"
    assert orders[1].order.kit_types == ["hba1c_kit"]  # the name in the file, as a code


def test_problem_rows_export_with_their_messages(tmp_path: Path) -> None:
    check = check_file(write_csv(tmp_path / "list.csv"))
    out = tmp_path / "problems.csv"
    assert export_problem_rows(check, out) == 7
    with open(out, "rb") as handle:
        text = handle.read().decode("utf-8-sig")
    rows = list(csv.reader(text.splitlines()))
    assert rows[0] == ["Row", *HEADERS, "Problems"]
    assert [r[0] for r in rows[1:]] == ["2", "3", "4", "5", "6", "7", "10"]
    by_row = {r[0]: r for r in rows[1:]}
    assert by_row["3"][-1] == "error: Last Name: Enter the last name"
    assert by_row["2"][8] == "02134"  # the ZIP as it will be sent
    assert by_row["4"][3] == "cy.fakename@"


def test_mapping_is_remembered_per_header_set(tmp_path: Path) -> None:
    memory = MappingMemory(tmp_path / "data" / "import_mappings.json")
    headers = ["Given", "Family", "Courriel", "Zip"]
    assert memory.mapping_for(headers) == {2: "email", 3: "zip"}
    memory.remember(headers, {0: "first_name", 1: "last_name", 2: "email", 3: "zip"})
    again = MappingMemory(tmp_path / "data" / "import_mappings.json")
    assert again.mapping_for(headers)[0] == "first_name"
    assert again.mapping_for(["Other"]) == {}


def test_one_kit_type_for_the_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    with open(path, "wb") as handle:
        handle.write(b"First Name,Last Name,Email,Phone,Address,City,State,Zip\r\n"
                     b"Hal,Ready,hal.r@example.com,4155550149,10 Bay St,San Francisco,CA,"
                     b"94105\r\n")  # fmt: skip
    table = read_table(path)
    mapping = guess_mapping(table.headers)
    missing = ImportCheck(table, mapping, catalog=CATALOG, now=NOW)
    assert found(missing) == {2: {("error", "kit_type")}}
    chosen = ImportCheck(table, mapping, kit_type="hba1c_kit", catalog=CATALOG, now=NOW)
    assert found(chosen) == {2: set()}
    assert chosen.rows[0].kit_types == ("hba1c_kit",)


def test_a_file_that_is_not_a_list_says_so(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(UnreadableFile):
        read_table(empty)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(UnreadableFile):
        read_table(broken)
