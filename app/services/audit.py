"""The audit trail: who did what, when, at which workstation, on which object (no Qt).

An append-only file in the data folder (``audit-trail.jsonl``), one JSON record a line. Each
record holds the hash of the one before it, so changing or removing a record in the middle
breaks the chain and `verify_audit` names the first broken record.

No patient data, by construction: a record takes only an `AuditAction`, a staff id, the
workstation name, object ids under fixed keys (`ObjectKind`) that must look like ids (Spot's
ids all hold a digit and no spaces: O1234567, SPOT123456, UUIDs), and an optional ``detail``
from a fixed vocabulary. A name, an address or a date of birth is refused with ValueError.
The one exception is a result sign-off's optional ``note`` (issue 18: "a note goes to the
audit trail only"): taken only on `NOTE_ACTIONS`, one line, capped at `MAX_NOTE` characters.
It may name a patient, so it is never logged and never sent to Spot; the trail is the
data folder's, like the caches that hold patients already.

Retention (default 6 years, HIPAA's documentation period) drops records older than that:
a ``retention_pruned`` record is appended first, naming where the kept chain now starts, so
a trimmed head verifies and a head cut without it does not. The trail lives in the data
folder, never in the cache, so clearing caches never touches it.

Storage is behind `AuditStorage` (read lines, append a line, replace all). At a desk the
lines are in an encrypted store (``app.services.audit_store``: SQLCipher with the data
folder's key, memory-only without a keyring; ``in_folder(..., key=...)``), which moves a
plaintext ``audit-trail.jsonl`` from an older version in. `PlainAuditFile` (no key) remains
for that file and for tests.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from app.services.audit_store import AUDIT_DB_NAME, EncryptedAuditStore
from app.services.private_db import create_private_file, remove_store
from app.services.staff import STAFF_ID_PATTERN

if TYPE_CHECKING:
    from app.services.data_key import DataKey

__all__ = [
    "AUDIT_FILE_NAME",
    "DEFAULT_RETENTION_YEARS",
    "DETAILS",
    "GENESIS",
    "MAX_NOTE",
    "NOTE_ACTIONS",
    "AuditAction",
    "AuditQuery",
    "AuditRecord",
    "AuditStorage",
    "AuditTrail",
    "ObjectKind",
    "PlainAuditFile",
    "VerifyResult",
    "clean_note",
    "export_csv",
    "verify_audit",
    "workstation_name",
]

AUDIT_FILE_NAME = "audit-trail.jsonl"
DEFAULT_RETENTION_YEARS = 6
MIN_RETENTION_YEARS = 1
MAX_RETENTION_YEARS = 50
GENESIS = "0" * 64
FORMAT_VERSION = 1


class AuditAction(StrEnum):
    TRAIL_STARTED = "trail_started"
    RETENTION_PRUNED = "retention_pruned"
    SIGN_IN = "sign_in"
    SIGN_IN_FAILED = "sign_in_failed"
    SIGN_IN_WAIT = "sign_in_wait"  # too many wrong PINs: the profile now waits
    SIGN_OUT = "sign_out"
    LOCK = "lock"
    UNLOCK = "unlock"
    ORDER_PLACED = "order_placed"
    ORDER_QUEUED = "order_queued"
    ORDER_DISCARDED = "order_discarded"
    REPORT_VIEWED = "report_viewed"
    REPORT_PRINTED = "report_printed"
    REPORT_SAVED = "report_saved"
    REPORT_EXPORTED = "report_exported"
    KIT_REGISTERED = "kit_registered"
    REGISTRATION_TOKEN_CREATED = "registration_token_created"
    METADATA_EDITED = "metadata_edited"
    SETTINGS_CHANGED = "settings_changed"
    TOKEN_CHANGED = "token_changed"
    SPOT_SIGNED_OUT = "spot_signed_out"
    ACCOUNT_SWITCHED = "account_switched"
    IMPORT = "import"
    CONTACT_ATTEMPT = "contact_attempt"  # unreturned kits: detail = the channel/outcome
    RESULT_SIGNED_OFF = "result_signed_off"  # results inbox; may carry a staff note
    RESULT_FOR_CLINICIAN = "result_for_clinician"  # front desk: marked for a clinician
    BULK_SIGN_OFF = "bulk_sign_off"  # an administrator signed off the backlog
    PRINT = "print"
    PROFILE_CREATED = "profile_created"
    PROFILE_CHANGED = "profile_changed"
    PROFILE_REMOVED = "profile_removed"
    PIN_RESET = "pin_reset"
    AUDIT_EXPORTED = "audit_exported"
    LIST_EXPORTED = "list_exported"  # patients left the app in a file (outreach lists)


class ObjectKind(StrEnum):
    ORDER = "order"
    KIT = "kit"
    SAMPLE = "sample"
    REPORT = "report"
    OUTBOX_ITEM = "outbox_item"
    PATIENT = "patient"  # Spot's patient UUID, never a name
    REQUISITION = "requisition"
    BATCH = "batch"
    STAFF = "staff"  # the profile an administrator changed
    ACCOUNT = "account"  # a Spot account's one-way identity (app.services.accounts), never a token


# ``detail`` words: how a lock happened, which setting changed, which format was written.
DETAILS = frozenset({
    # lock / sign-out reasons
    "idle", "shortcut", "os_session", "start", "sign_out", "quit",
    # settings
    "idle_lock_minutes", "audit_retention_years", "environment", "language",
    "custom_server", "role", "settings_window",
    # formats and channels
    "pdf", "txt", "csv", "printer", "clipboard",
    # outcomes
    "queued", "sent", "same_person", "different_person",
    # account switches: the queued orders went along with a new key of the same account
    "new_key",
    # prints (what was printed; app.services.printing.record)
    "handout", "kit_label", "order_label", "requisition_label", "test_label",
    # outreach lists written to a file (LIST_EXPORTED)
    "worklist_csv", "reminder_letters", "import_problem_rows",
    # contact attempts on unreturned kits (app.services.contact_log.OUTCOMES)
    "called", "left_message", "letter_sent", "email_sent", "declined", "closed", "other",
    # a result signed off as part of the backlog's bulk sign-off
    "bulk",
})

# The only free text the trail takes: a staff member's note on a result sign-off (issue 18:
# "an optional note goes to the audit trail only"). Shown in the Audit window and its CSV,
# never logged, never sent to Spot. Control characters are dropped and the length capped.
NOTE_ACTIONS = frozenset({
    "result_signed_off", "result_for_clinician", "bulk_sign_off",
})
MAX_NOTE = 500
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")

_OBJECT_ID = re.compile(r"^(?=.*[0-9])[A-Za-z0-9][A-Za-z0-9_.:-]{0,79}$")
# Shapes of a birth date or a phone number: refused even though they look like ids.
_DATE_OR_PHONE = re.compile(
    r"(?<![0-9A-Za-z])(?:\d{4}[-.]\d{1,2}[-.]\d{1,2}|\d{1,2}[-.]\d{1,2}[-.]\d{2,4}"
    r"|\d{3}[-.]\d{3}[-.]\d{4})(?![0-9A-Za-z])"
)
_WORKSTATION = re.compile(r"[^A-Za-z0-9._-]+")
_RECORD_KEYS = frozenset({"v", "seq", "at", "staff", "ws", "action", "ids", "detail", "prev",
                          "hash", "anchor", "note"})


def clean_note(text: str | None) -> str:
    """A sign-off note as the trail keeps it: one line, no control characters, at most
    `MAX_NOTE` characters."""
    return " ".join(_CONTROL.sub(" ", text or "").split())[:MAX_NOTE].strip()


def workstation_name() -> str:
    """This computer's network name, reduced to safe characters (a staff-chosen label)."""
    import platform  # here, not at import: the start-up loads this module
    return _WORKSTATION.sub("-", platform.node()).strip("-")[:63] or "workstation"


@dataclass(frozen=True)
class AuditRecord:
    seq: int
    at: datetime
    staff_id: str
    workstation: str
    action: str  # an AuditAction value; a newer app's unknown action is kept as-is
    ids: Mapping[str, str] = field(default_factory=dict)
    detail: str | None = None
    prev: str = GENESIS
    hash: str = ""
    anchor: Mapping[str, Any] | None = None
    note: str = ""  # only on NOTE_ACTIONS: a staff member's sign-off note

    def object_id(self, kind: ObjectKind) -> str:
        return self.ids.get(kind.value, "")


def _payload(record: Mapping[str, Any]) -> bytes:
    body = {key: value for key, value in record.items() if key != "hash"}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def _digest(record: Mapping[str, Any]) -> str:
    import hashlib  # here, not at import: the start-up loads this module
    return hashlib.sha256(_payload(record)).hexdigest()


def _format_at(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _parse_record(raw: Mapping[str, Any]) -> AuditRecord:
    if not isinstance(raw, dict) or set(raw) - _RECORD_KEYS:
        raise ValueError("unexpected fields")
    ids = raw.get("ids") or {}
    if not isinstance(ids, dict):
        raise ValueError("ids")
    text = raw["at"]
    if not isinstance(text, str) or not text.endswith("Z"):
        raise ValueError("at")
    at = datetime.fromisoformat(text)  # ~30x faster than strptime: the trail is long
    return AuditRecord(
        seq=int(raw["seq"]), at=at, staff_id=str(raw["staff"]), workstation=str(raw["ws"]),
        action=str(raw["action"]), ids={str(k): str(v) for k, v in ids.items()},
        detail=raw.get("detail"), prev=str(raw["prev"]), hash=str(raw["hash"]),
        anchor=raw.get("anchor"), note=str(raw.get("note") or ""),
    )


# --- storage ---------------------------------------------------------------------------------


class AuditStorage(Protocol):
    """Where the lines live. Lines are bytes without the trailing newline."""

    def read_lines(self) -> list[bytes]: ...

    def append_line(self, line: bytes) -> None: ...

    def replace_lines(self, lines: Sequence[bytes]) -> None: ...


class PlainAuditFile:
    """A 0600 file in the data folder; every append is flushed to disk before returning."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def read_lines(self) -> list[bytes]:
        try:
            with open(self.path, "rb") as handle:
                data = handle.read()
        except FileNotFoundError:
            return []
        lines = data.split(b"\n")
        if lines and lines[-1] == b"":
            lines.pop()
        return lines

    def append_line(self, line: bytes) -> None:
        create_private_file(self.path)
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | getattr(os, "O_BINARY", 0))
        try:
            # A torn last line (power cut mid-write) stays visible: start a fresh line after it.
            size = os.fstat(fd).st_size
            prefix = b""
            if size:
                with open(self.path, "rb") as handle:
                    handle.seek(size - 1)
                    if handle.read(1) != b"\n":
                        prefix = b"\n"
            os.write(fd, prefix + line + b"\n")
            os.fsync(fd)
        finally:
            os.close(fd)

    def replace_lines(self, lines: Sequence[bytes]) -> None:
        temporary = self.path.with_name(self.path.name + ".new")
        create_private_file(temporary)
        with open(temporary, "wb") as handle:
            handle.write(b"".join(line + b"\n" for line in lines))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, self.path)

    def discard(self) -> None:
        """Shred the file (its lines were moved into the encrypted trail)."""
        remove_store(self.path)


# --- verification ----------------------------------------------------------------------------


@dataclass(frozen=True)
class VerifyResult:
    """``count`` records read; ``first_broken`` is the 1-based record number of the first one
    that fails the chain (None: intact); ``reason`` says how, in plain words."""

    count: int
    first_broken: int | None = None
    reason: str = ""

    @property
    def intact(self) -> bool:
        return self.first_broken is None

    def describe(self) -> str:
        if self.intact:
            return f"Audit trail intact: {self.count} records."
        return (f"Audit trail BROKEN at record {self.first_broken} of {self.count}: "
                f"{self.reason}.")


def _verify_lines(lines: Sequence[bytes]) -> VerifyResult:
    count = len(lines)
    records: list[AuditRecord] = []
    for number, line in enumerate(lines, start=1):
        try:
            raw = json.loads(line)
            record = _parse_record(raw)
        except (ValueError, KeyError, TypeError):
            return VerifyResult(count, number, "the record is damaged or incomplete")
        if _digest(raw) != record.hash:
            return VerifyResult(count, number, "the record was changed after it was written")
        records.append(record)
    if not records:
        return VerifyResult(0)
    first = records[0]
    if not _start_is_valid(first, records):
        return VerifyResult(count, 1, "records before this one were removed")
    for number, (before, record) in enumerate(itertools.pairwise(records), start=2):
        if record.prev != before.hash or record.seq != before.seq + 1:
            return VerifyResult(count, number, "the record before this one was removed or "
                                               "changed")
    return VerifyResult(count)


def _start_is_valid(first: AuditRecord, records: Sequence[AuditRecord]) -> bool:
    if first.seq == 1 and first.prev == GENESIS:
        return True
    # A retention trim: a later, chained record says the kept trail starts exactly here.
    return any(
        r.action == AuditAction.RETENTION_PRUNED and r.anchor is not None
        and r.anchor.get("seq") == first.seq and r.anchor.get("prev") == first.prev
        for r in records
    )


def verify_audit(path: Path, key: DataKey | None = None) -> VerifyResult:
    """Check the chain of the audit file at ``path`` (missing file: 0 records, intact):
    a plaintext file, or with ``key`` the encrypted trail (read only; raises
    ``StoreUnreadable`` if the key can't open it)."""
    if key is None:
        return _verify_lines(PlainAuditFile(path).read_lines())
    store = EncryptedAuditStore(path, key, read_only=True)
    try:
        return _verify_lines(store.read_lines())
    finally:
        store.close()


# --- the trail -------------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditQuery:
    """Filters for the Audit window; None/empty means any. ``since``/``until`` are inclusive
    dates (UTC); ``object_id`` matches any id of a record, ignoring case."""

    staff_id: str | None = None
    actions: frozenset[str] = frozenset()
    since: date | None = None
    until: date | None = None
    object_id: str | None = None

    def matches(self, record: AuditRecord) -> bool:
        if self.staff_id and record.staff_id != self.staff_id:
            return False
        if self.actions and record.action not in self.actions:
            return False
        day = record.at.date()
        if self.since is not None and day < self.since:
            return False
        if self.until is not None and day > self.until:
            return False
        if self.object_id:
            wanted = self.object_id.strip().casefold()
            if not any(value.casefold() == wanted for value in record.ids.values()):
                return False
        return True


class AuditTrail:
    """Append and read the trail; thread-safe. Appends do disk I/O (fsync): from a worker
    thread where it matters, though one record is small enough for a click handler.

    ``clock`` returns an aware UTC datetime (tests pass a fake one).
    """

    def __init__(
        self,
        storage: AuditStorage,
        *,
        workstation: str | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        retention_years: int = DEFAULT_RETENTION_YEARS,
    ) -> None:
        self._storage = storage
        self._workstation = _WORKSTATION.sub("-", workstation or workstation_name())[:63]
        self._clock = clock
        self._lock = threading.Lock()
        self._retention_years = _check_retention(retention_years)
        self._head: tuple[int, str] | None = None  # (seq, hash) of the last record

    @classmethod
    def in_folder(
        cls, data_dir: Path, *, key: DataKey | Callable[[], DataKey] | None = None,
        **kwargs: Any,
    ) -> AuditTrail:
        """The trail of ``data_dir``: encrypted with ``key`` (a key, or a function asked on
        first use), or the plaintext file when ``key`` is None (older versions, tests)."""
        plain = PlainAuditFile(data_dir / AUDIT_FILE_NAME)
        if key is None:
            return cls(plain, **kwargs)
        return cls(EncryptedAuditStore(data_dir / AUDIT_DB_NAME, key, legacy=plain), **kwargs)

    @property
    def retention_years(self) -> int:
        return self._retention_years

    def set_retention_years(self, years: int) -> None:
        """Change how long records are kept (the caller checks the permission and records a
        SETTINGS_CHANGED with detail ``audit_retention_years``)."""
        self._retention_years = _check_retention(years)

    def record(
        self,
        action: AuditAction,
        staff_id: str,
        *,
        ids: Mapping[ObjectKind, str] | None = None,
        detail: str | None = None,
        note: str = "",
    ) -> AuditRecord:
        """Append one record. Refuses (ValueError) anything that is not an id or a known
        word, so patient names, addresses and birth dates can't get in. ``note`` is taken
        only on a result sign-off (`NOTE_ACTIONS`), cleaned with `clean_note`."""
        action = AuditAction(action)
        if note and action.value not in NOTE_ACTIONS:
            raise ValueError("audit notes are only taken on a result sign-off")
        return self._append(action, staff_id, ids or {}, detail, None, clean_note(note))

    def records(self) -> list[AuditRecord]:
        """Every readable record in file order (damaged lines are skipped: `verify` names them)."""
        out: list[AuditRecord] = []
        for line in self._read():
            try:
                out.append(_parse_record(json.loads(line)))
            except (ValueError, KeyError, TypeError):
                continue
        return out

    def query(self, query: AuditQuery) -> list[AuditRecord]:
        return [record for record in self.records() if query.matches(record)]

    def verify(self) -> VerifyResult:
        return _verify_lines(self._read())

    def close(self) -> None:
        """Release the storage (the encrypted store checkpoints its WAL); at exit. A record
        made after this opens it again."""
        close = getattr(self._storage, "close", None)
        with self._lock:
            if callable(close):
                close()

    def prune(self, staff_id: str) -> int:
        """Drop records older than the retention period; returns how many were dropped."""
        cutoff = self._clock() - timedelta(days=round(365.25 * self._retention_years))
        with self._lock:
            lines = self._storage.read_lines()
            keep_from = 0
            for index, line in enumerate(lines):
                try:
                    record = _parse_record(json.loads(line))
                except (ValueError, KeyError, TypeError):
                    break  # never prune past damage: the evidence stays
                if record.at >= cutoff:
                    break
                keep_from = index + 1
            if keep_from == 0:
                return 0
            if keep_from < len(lines):
                first_kept = _parse_record(json.loads(lines[keep_from]))
                anchor = {"seq": first_kept.seq, "prev": first_kept.prev}
            else:  # everything is old: the pruning record itself starts the kept trail
                seq, last_hash = self._head or self._load_head()
                anchor = {"seq": seq + 1, "prev": last_hash}
        self._append(AuditAction.RETENTION_PRUNED, staff_id, {}, None, anchor)
        with self._lock:
            current = self._storage.read_lines()
            self._storage.replace_lines(current[keep_from:])
        return keep_from

    # internals

    def _read(self) -> list[bytes]:
        with self._lock:
            return self._storage.read_lines()

    def _append(
        self, action: AuditAction, staff_id: str, ids: Mapping[ObjectKind, str],
        detail: str | None, anchor: Mapping[str, Any] | None, note: str = "",
    ) -> AuditRecord:
        if not STAFF_ID_PATTERN.match(staff_id):
            raise ValueError("audit staff id must be a staff id")
        clean_ids: dict[str, str] = {}
        for kind, value in ids.items():
            pattern = STAFF_ID_PATTERN if kind == ObjectKind.STAFF else _OBJECT_ID
            if (not isinstance(value, str) or not pattern.match(value)
                    or _DATE_OR_PHONE.search(value)):
                raise ValueError(f"audit {ObjectKind(kind).value} must be an id")
            clean_ids[ObjectKind(kind).value] = value
        if detail is not None and detail not in DETAILS:
            raise ValueError("audit detail must be one of the known words")
        with self._lock:
            if self._head is None:
                self._head = self._load_head()
            seq, prev = self._head
            if seq == 0 and action is not AuditAction.TRAIL_STARTED:
                self._write_locked(
                    {"v": FORMAT_VERSION, "seq": 1, "at": _format_at(self._clock()),
                     "staff": staff_id, "ws": self._workstation,
                     "action": AuditAction.TRAIL_STARTED.value, "ids": {}, "detail": None,
                     "prev": GENESIS}
                )
                seq, prev = self._head
            raw: dict[str, Any] = {
                "v": FORMAT_VERSION, "seq": seq + 1, "at": _format_at(self._clock()),
                "staff": staff_id, "ws": self._workstation, "action": action.value,
                "ids": clean_ids, "detail": detail, "prev": prev,
            }
            if anchor is not None:
                raw["anchor"] = dict(anchor)
            if note:  # absent otherwise: records without a note hash as they always did
                raw["note"] = note
            return self._write_locked(raw)

    def _write_locked(self, raw: dict[str, Any]) -> AuditRecord:
        raw["hash"] = _digest(raw)
        line = json.dumps(raw, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
        self._storage.append_line(line.encode("ascii"))
        self._head = (int(raw["seq"]), str(raw["hash"]))
        return _parse_record(raw)

    def _load_head(self) -> tuple[int, str]:
        for line in reversed(self._storage.read_lines()):
            try:
                record = _parse_record(json.loads(line))
            except (ValueError, KeyError, TypeError):
                continue  # a torn last line: chain on from the last whole record
            return record.seq, record.hash
        return 0, GENESIS


def _check_retention(years: int) -> int:
    if not MIN_RETENTION_YEARS <= years <= MAX_RETENTION_YEARS:
        raise ValueError(
            f"Keep the audit trail {MIN_RETENTION_YEARS} to {MAX_RETENTION_YEARS} years"
        )
    return years


# --- CSV for the privacy officer --------------------------------------------------------------

CSV_COLUMNS = ("record", "time_utc", "staff_id", "staff_name", "workstation", "action",
               "order_id", "kit_id", "report_id", "other_ids", "detail", "note", "hash")


def export_csv(
    records: Iterable[AuditRecord], path: Path, *, staff_names: Mapping[str, str] | None = None
) -> int:
    """Write ``records`` as CSV (UTF-8 with BOM so Excel reads it); returns the row count.
    Cells that a spreadsheet would run as a formula are quoted with a leading apostrophe."""
    import csv  # here, not at import: the start-up loads this module
    import io

    names = staff_names or {}
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    count = 0
    main_kinds = {ObjectKind.ORDER.value, ObjectKind.KIT.value, ObjectKind.REPORT.value}
    for record in records:
        others = "; ".join(f"{k}={v}" for k, v in sorted(record.ids.items())
                           if k not in main_kinds)
        writer.writerow([_cell(value) for value in (
            record.seq, _format_at(record.at), record.staff_id,
            names.get(record.staff_id, ""), record.workstation, record.action,
            record.object_id(ObjectKind.ORDER), record.object_id(ObjectKind.KIT),
            record.object_id(ObjectKind.REPORT), others, record.detail or "", record.note,
            record.hash,
        )])
        count += 1
    create_private_file(path)
    with open(path, "wb") as handle:
        handle.write(buffer.getvalue().encode("utf-8-sig"))
    return count


def _cell(value: object) -> str:
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
