"""Bulk order import: check every row of a mapped patient list at once, export problems.

The whole file is checked before anything is sent. Each row goes through the order form's own
`validate_recipient`/`normalize_recipient`; duplicates are found within the file and against
the synced orders with the form's `find_duplicates` (same rules). Every finding carries the
spreadsheet's row number (header = row 1). No Qt, no network: sending is `import_batch`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Final, Literal

from app.api import models
from app.marks import QT_TRANSLATE_NOOP
from app.services.import_batch import PreparedRow
from app.services.order_rules import OrderInfo, OrderRow, build_row, find_duplicates, phone_digits
from app.services.spreadsheets import Cell, Table, cell_text, write_csv
from app.validation import Finding, normalize_country, normalize_recipient, validate_recipient

__all__ = [
    "LANGUAGE_KEY",
    "ImportCheck",
    "ImportRow",
    "RowFinding",
    "export_problem_rows",
    "prepared_rows",
    "restore_zip",
]

FindingKind = Literal["error", "warning", "duplicate"]
RowStatus = Literal["invalid", "duplicate", "warning", "ready"]

_DIGITS: Final = re.compile(r"^[0-9]+$")
_CA_POSTAL: Final = re.compile(r"^[A-Za-z][0-9][A-Za-z] ?[0-9][A-Za-z][0-9]$")
_LANGUAGES: Final = {"en": "en", "english": "en", "anglais": "en", "fr": "fr", "french": "fr",
                     "francais": "fr", "français": "fr"}  # fmt: skip
DUPLICATE_DAYS: Final = 30


@dataclass(frozen=True, slots=True)
class RowFinding:
    """One problem on one row. ``field`` is a recipient field name ("zip", "kit_type"…)."""

    kind: FindingKind
    field: str
    message: str
    template: str = ""
    params: dict[str, str] = dataclasses.field(default_factory=dict, compare=False)
    context: str = "Import"  # where the views find the template's translation

    @property
    def kind_key(self) -> str:
        """Identifies "the same kind of warning" for accepting all of them at once."""
        return f"{self.kind}:{self.field}:{self.template or self.message}"


@dataclass(slots=True)
class ImportRow:
    """One sheet row: the values (as mapped, editable), what was found, what will be sent."""

    number: int
    values: dict[str, str]
    cells: tuple[str, ...]  # the row as read (text), for the problem export
    findings: list[RowFinding] = dataclasses.field(default_factory=list)
    # The recipient as checked (staff's values); `recipient` is it normalized, made on demand
    # (normalizing parses phone and email again: only rows that are sent need it).
    raw: dict[str, object] = dataclasses.field(default_factory=dict)
    kit_types: tuple[str, ...] = ()
    language: str = ""
    # kind_keys staff accepted on this row; findings made while reading (a ZIP repaired).
    accepted: set[str] = dataclasses.field(default_factory=set)
    read_findings: list[RowFinding] = dataclasses.field(default_factory=list)
    duplicate_of: list[str] = dataclasses.field(default_factory=list)

    _normalized: dict[str, object] | None = dataclasses.field(default=None, repr=False)

    @property
    def recipient(self) -> dict[str, object]:
        """The recipient as it will be sent (the order form's `normalize_recipient`)."""
        if self._normalized is None:
            self._normalized = normalize_recipient(self.raw)
        return self._normalized

    @property
    def status(self) -> RowStatus:
        kinds = {f.kind for f in self.findings if f.kind_key not in self.accepted}
        if "error" in kinds:
            return "invalid"
        if "duplicate" in kinds:
            return "duplicate"
        if "warning" in kinds:
            return "warning"
        return "ready"

    @property
    def raw_status(self) -> RowStatus:
        """The status before anything was accepted (what the headless summary counts)."""
        kinds = {f.kind for f in self.findings}
        for kind, status in (("error", "invalid"), ("duplicate", "duplicate"),
                             ("warning", "warning")):  # fmt: skip
            if kind in kinds:
                return status  # type: ignore[return-value]
        return "ready"


def _finding(finding: Finding) -> RowFinding:
    name = finding.field.removeprefix("address.")
    return RowFinding(finding.severity, name, finding.message, finding.template,
                      dict(finding.params), context="Validation")  # fmt: skip


def restore_zip(value: Cell, country: str) -> tuple[str, RowFinding | None]:
    """A ZIP a spreadsheet turned into a number, back as text ("2134" → "02134", warned)."""
    text = cell_text(value)
    if country != "US" or not _DIGITS.match(text):
        return text, None
    if len(text) in (3, 4):
        fixed = text.zfill(5)
    elif len(text) in (7, 8):
        padded = text.zfill(9)
        fixed = f"{padded[:5]}-{padded[5:]}"
    elif len(text) == 9:
        return f"{text[:5]}-{text[5:]}", None
    else:
        return text, None
    template = QT_TRANSLATE_NOOP(
        "Import", "ZIP code {was} had lost its leading zero; it was read as {zip}: check it"
    )
    return fixed, RowFinding("warning", "zip", template.format(was=text, zip=fixed), template,
                             {"was": text, "zip": fixed})  # fmt: skip


def _country(values: Mapping[str, str]) -> str:
    given = values.get("country", "")
    if given:
        return normalize_country(given)
    return "CA" if _CA_POSTAL.match(values.get("zip", "")) else "US"


class ImportCheck:
    """The checked rows of one file with one mapping; rows can be edited and re-checked.

    ``catalog`` maps kit type codes to names (either is accepted in a kit type column);
    ``kit_type`` is the one kit type for the whole file when no column gives it.
    ``synced`` are the order list's rows (duplicates against synced orders).
    """

    def __init__(
        self,
        table: Table,
        mapping: Mapping[int, str],
        *,
        kit_type: str = "",
        catalog: Mapping[str, str] | None = None,
        synced: Iterable[OrderRow] = (),
        now: datetime | None = None,
        reject_fictional_phone: bool = False,
    ) -> None:
        self.table = table
        self.mapping = dict(mapping)
        self.kit_type = kit_type
        self._catalog = dict(catalog or {})
        self._kit_names = {name.strip().lower(): code for code, name in self._catalog.items()}
        self._now = now or datetime.now(UTC)
        self._reject_fictional = reject_fictional_phone
        self._synced_by_email: dict[str, list[OrderRow]] = {}
        self._synced_by_person: dict[tuple[str, str, str], list[OrderRow]] = {}
        for order in synced:
            self._index(order, self._synced_by_email, self._synced_by_person)
        self.rows: list[ImportRow] = [self._read_row(sheet_row.number, sheet_row.cells)
                                      for sheet_row in table.rows]  # fmt: skip
        self._by_number = {row.number: row for row in self.rows}
        for each in self.rows:
            self._check_row(each)
        self._index_file()
        self._check_duplicates()

    # -- reading -------------------------------------------------------------------------

    def _read_row(self, number: int, cells: tuple[Cell, ...]) -> ImportRow:
        values: dict[str, str] = {}
        zip_cell: Cell = ""
        for index, name in self.mapping.items():
            cell = cells[index] if index < len(cells) else ""
            if name == "zip":
                zip_cell = cell
            values[name] = cell_text(cell)
        row = ImportRow(number, values, tuple(cell_text(c) for c in cells))
        if "zip" in values:
            values["zip"], warning = restore_zip(zip_cell, _country(values))
            row.read_findings = [warning] if warning is not None else []
        return row

    # -- checking ------------------------------------------------------------------------

    def _check_row(self, row: ImportRow) -> None:
        values = row.values
        country = _country(values)
        address: dict[str, object] = {
            "street1": values.get("street1", ""),
            "city": values.get("city", ""),
            "state": values.get("state", ""),
            "zip": values.get("zip", ""),
            "country": country,
        }
        if values.get("street2"):
            address["street2"] = values["street2"]
        recipient: dict[str, object] = {
            "first_name": values.get("first_name", ""),
            "last_name": values.get("last_name", ""),
            "email": values.get("email", ""),
            "phone": values.get("phone", ""),
            "address": address,
        }
        findings = list(row.read_findings)
        findings += [
            _finding(f)
            for f in validate_recipient(recipient, reject_fictional_phone=self._reject_fictional)
        ]
        kit_types, kit_findings = self._kit_types(values)
        findings += kit_findings
        language = values.get("language", "")
        row.language = _LANGUAGES.get(language.strip().lower(), "")
        if language and not row.language:
            template = QT_TRANSLATE_NOOP(
                "Import", "Language {value} is not English or French; letters will be in English"
            )
            findings.append(RowFinding("warning", "language", template.format(value=language),
                                       template, {"value": language}))  # fmt: skip
        row.findings = findings
        row.raw = recipient
        row._normalized = None
        row.kit_types = kit_types

    def _kit_types(self, values: Mapping[str, str]) -> tuple[tuple[str, ...], list[RowFinding]]:
        given = values.get("kit_type", "") if "kit_type" in self.mapping.values() else ""
        wanted = given or self.kit_type
        if not wanted:
            template = QT_TRANSLATE_NOOP("Import", "Choose the kit type")
            return (), [RowFinding("error", "kit_type", template, template)]
        if not self._catalog or wanted in self._catalog:
            return (wanted,), []
        code = self._kit_names.get(wanted.strip().lower())
        if code is None:
            lowered = {c.lower(): c for c in self._catalog}
            code = lowered.get(wanted.strip().lower())
        if code is not None:
            return (code,), []
        template = QT_TRANSLATE_NOOP("Import", "Kit type {value} is not one Spot offers")
        return (), [RowFinding("error", "kit_type", template.format(value=wanted), template,
                               {"value": wanted})]  # fmt: skip

    @staticmethod
    def _index(
        row: OrderRow,
        by_email: dict[str, list[OrderRow]],
        by_person: dict[tuple[str, str, str], list[OrderRow]],
    ) -> None:
        email, person = _keys(row)
        if email:
            by_email.setdefault(email, []).append(row)
        if all(person):
            by_person.setdefault(person, []).append(row)

    @staticmethod
    def _candidates(
        recipient: Mapping[str, object],
        by_email: Mapping[str, list[OrderRow]],
        by_person: Mapping[tuple[str, str, str], list[OrderRow]],
    ) -> list[OrderRow]:
        email = str(recipient.get("email") or "").strip().lower()
        person = (str(recipient.get("first_name") or "").strip().lower(),
                  str(recipient.get("last_name") or "").strip().lower(),
                  phone_digits(str(recipient.get("phone") or "")))  # fmt: skip
        found = list(by_email.get(email, ())) if email else []
        for row in by_person.get(person, ()) if all(person) else ():
            if row not in found:
                found.append(row)
        return found

    def _index_file(self) -> None:
        """Every row of the file as an order placed now, indexed by email and by person."""
        self._file_orders: dict[int, OrderRow] = {}
        self._file_by_email: dict[str, list[OrderRow]] = {}
        self._file_by_person: dict[tuple[str, str, str], list[OrderRow]] = {}
        for row in self.rows:
            order = self._as_order(row)
            self._file_orders[row.number] = order
            self._index(order, self._file_by_email, self._file_by_person)

    def _buckets_of(self, order: OrderRow) -> list[OrderRow]:
        """The file's rows sharing an email or a person with ``order`` (itself included)."""
        email, person = _keys(order)
        found = list(self._file_by_email.get(email, ())) if email else []
        found += self._file_by_person.get(person, ()) if all(person) else ()
        return found

    def _check_duplicates(self, rows: Iterable[ImportRow] | None = None) -> None:
        """Duplicates against synced orders, then against earlier rows of the file; both with
        the form's `find_duplicates` over the few candidate orders an index finds."""
        for row in self.rows if rows is None else rows:
            row.findings = [f for f in row.findings if f.kind != "duplicate"]
            row.duplicate_of = []
            if row.raw_status == "invalid" and not row.kit_types:
                continue
            recipient = {key: str(row.raw.get(key) or "")
                         for key in ("first_name", "last_name", "email", "phone")}  # fmt: skip
            synced = find_duplicates(
                self._candidates(recipient, self._synced_by_email, self._synced_by_person),
                recipient, row.kit_types, self._now, DUPLICATE_DAYS,
            )
            for order in synced[:1]:
                template = QT_TRANSLATE_NOOP(
                    "Import", "Looks like order {order} placed {date} for the same person"
                )
                params = {"order": order.order_id, "date": order.created.date().isoformat()}
                row.findings.append(RowFinding("duplicate", _match_field(order, recipient),
                                               template.format(**params), template, params))
                row.duplicate_of.append(order.order_id)
            earlier = {
                id(order): order
                for order in self._buckets_of(self._file_orders[row.number])
                if _row_number(order) < row.number
            }
            in_file = find_duplicates(earlier.values(), recipient, row.kit_types, self._now,
                                      DUPLICATE_DAYS)  # fmt: skip
            if in_file:
                first = min(in_file, key=_row_number)
                template = QT_TRANSLATE_NOOP("Import", "Same person and kit as row {row}")
                number = str(_row_number(first))
                row.findings.append(RowFinding("duplicate", _match_field(first, recipient),
                                               template.format(row=number), template,
                                               {"row": number}))  # fmt: skip
                row.duplicate_of.append(first.order_id)

    def _as_order(self, row: ImportRow) -> OrderRow:
        """A row of the file seen as an order placed now (for `find_duplicates`)."""
        raw = {key: str(row.raw.get(key) or "")
               for key in ("first_name", "last_name", "email", "phone")}  # fmt: skip
        info = OrderInfo(f"row {row.number}", "pending", raw["first_name"], raw["last_name"],
                         raw["email"], raw["phone"], "", "", self._now, self._now)  # fmt: skip
        return build_row(info, [], row.kit_types)

    # -- staff actions -------------------------------------------------------------------

    def row(self, number: int) -> ImportRow | None:
        return self._by_number.get(number)

    def update(self, number: int, field_name: str, value: str) -> ImportRow:
        """Fix one value in place; the row is checked again, and so is every row that shared
        an email or a person with it, before or after (their duplicates may have changed)."""
        row = self._by_number[number]
        old = self._file_orders[number]
        affected = {r.order_id for r in self._buckets_of(old)}
        self._unindex(old)
        row.values[field_name] = value.strip()
        if field_name == "zip":
            row.values["zip"], warning = restore_zip(row.values["zip"], _country(row.values))
            row.read_findings = [warning] if warning is not None else []
        self._check_row(row)
        new = self._as_order(row)
        self._file_orders[number] = new
        self._index(new, self._file_by_email, self._file_by_person)
        email, person = _keys(new)
        for bucket in (self._file_by_email.get(email, []), self._file_by_person.get(person, [])):
            bucket.sort(key=_row_number)  # the row went in last: back to sheet order
        affected |= {r.order_id for r in self._buckets_of(new)}
        self._check_duplicates(r for r in self.rows if f"row {r.number}" in affected)
        row.accepted &= {f.kind_key for f in row.findings}
        return row

    def _unindex(self, order: OrderRow) -> None:
        email, person = _keys(order)
        for bucket in (self._file_by_email.get(email, []), self._file_by_person.get(person, [])):
            if order in bucket:
                bucket.remove(order)

    def accept(self, number: int, kind_key: str) -> None:
        """Accept one warning or duplicate on one row (errors can't be accepted)."""
        if not kind_key.startswith("error:"):
            self._by_number[number].accepted.add(kind_key)

    def accept_everywhere(self, kind_key: str) -> int:
        """Accept one kind of warning on every row that has it ("ship to all PO boxes");
        returns how many rows had it."""
        if kind_key.startswith("error:"):
            return 0
        count = 0
        for row in self.rows:
            if any(f.kind_key == kind_key for f in row.findings):
                row.accepted.add(kind_key)
                count += 1
        return count

    # -- results -------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """rows / valid / warnings / invalid / duplicates, before anything was accepted."""
        counts = {"rows": len(self.rows), "valid": 0, "warnings": 0, "invalid": 0,
                  "duplicates": 0}  # fmt: skip
        names = {"ready": "valid", "warning": "warnings", "invalid": "invalid",
                 "duplicate": "duplicates"}  # fmt: skip
        for row in self.rows:
            counts[names[row.raw_status]] += 1
        return counts

    def sendable(self) -> list[ImportRow]:
        """Rows with nothing left to fix or accept."""
        return [row for row in self.rows if row.status == "ready"]

    def problem_rows(self) -> list[ImportRow]:
        return [row for row in self.rows if row.status != "ready"]

    def column_for(self, field_name: str) -> str:
        """The spreadsheet header that feeds ``field_name`` ("" when none does)."""
        for index, name in self.mapping.items():
            if name == field_name and index < len(self.table.headers):
                return self.table.headers[index]
        return ""

    def finding_lines(self) -> list[str]:
        """``row N: error|warning|duplicate: FIELD: message``, in sheet order."""
        lines: list[str] = []
        for row in self.rows:
            for finding in row.findings:
                label = self.column_for(finding.field) or finding.field
                lines.append(f"row {row.number}: {finding.kind}: {label}: {finding.message}")
        return lines


def _keys(order: OrderRow) -> tuple[str, tuple[str, str, str]]:
    """The two ways `find_duplicates` matches a person: email, and name with phone."""
    person = (order.first_name.strip().lower(), order.last_name.strip().lower(),
              phone_digits(order.phone))  # fmt: skip
    return order.email.strip().lower(), person


def _row_number(order: OrderRow) -> int:
    """The sheet row of one of the file's own rows (seen as an order "row N")."""
    return int(order.order_id.removeprefix("row "))


def _match_field(order: OrderRow, recipient: Mapping[str, str]) -> str:
    email = recipient.get("email", "").strip().lower()
    return "email" if email and order.email.strip().lower() == email else "phone"


PROBLEMS_HEADER: Final = QT_TRANSLATE_NOOP("Import", "Problems")
ROW_HEADER: Final = QT_TRANSLATE_NOOP("Import", "Row")


def export_problem_rows(
    check: ImportCheck,
    path: Path,
    *,
    rows: Sequence[ImportRow] | None = None,
    problems_header: str = PROBLEMS_HEADER,
    row_header: str = ROW_HEADER,
) -> int:
    """Write the rows with problems (as staff last edited them) in the file's own columns,
    plus the sheet row number and a column of messages. Returns how many rows were written."""
    chosen = check.problem_rows() if rows is None else list(rows)
    headers = list(check.table.headers)
    out: list[list[str]] = []
    for row in chosen:
        cells = list(row.cells) + [""] * (len(headers) - len(row.cells))
        cells = cells[: len(headers)]
        for index, name in check.mapping.items():
            if index < len(cells):
                cells[index] = row.values.get(name, cells[index])
        messages = [
            f"{f.kind}: {check.column_for(f.field) or f.field}: {f.message}"
            for f in row.findings
            if f.kind_key not in row.accepted
        ]
        out.append([str(row.number), *cells, "; ".join(messages)])
    write_csv(path, [row_header, *headers, problems_header], out)
    return len(out)


LANGUAGE_KEY: Final = "patient_language"


def prepared_rows(rows: Iterable[ImportRow]) -> list[PreparedRow]:
    """The orders to place for checked rows: normalized recipient, kit type, language."""
    prepared: list[PreparedRow] = []
    for row in rows:
        metadata: dict[str, object] = {LANGUAGE_KEY: row.language} if row.language else {}
        order = models.NewOrder(
            kit_types=list(row.kit_types),
            recipient=models.Recipient.model_validate(row.recipient),
            metadata=metadata or None,
        )
        prepared.append(PreparedRow(row.number, order))
    return prepared
