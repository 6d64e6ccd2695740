"""The sandbox's SQLite tables and what every record type shares; patients and requisitions.

`Records` opens the database (one connection, one lock: simple and safe under the threaded
HTTP server) and keeps the meta table and counters; `RequisitionRecords` adds patients and
requisitions. `app.sandbox.store.Store` builds orders, kits, reports and seeding on top.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from app.sandbox import lifecycle
from app.sandbox.catalog import EXCLUDED_STATES, MINIMUM_AGE
from app.sandbox.lifecycle import DAY, Json

__all__ = [
    "DATE_FILTERS", "KIT_FILTERS", "ORDER_FILTERS", "REQUISITION_FILTERS", "SCHEMA", "Clock",
    "Records", "ReportInfo", "ReportRecords", "RequisitionRecords",
]

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS orders (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id TEXT NOT NULL UNIQUE,
    created REAL NOT NULL, updated REAL NOT NULL, touch INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL, next_at REAL,
    email TEXT, first_name TEXT, last_name TEXT, phone TEXT,
    recipient TEXT NOT NULL, kit_types TEXT NOT NULL, metadata TEXT, meta_updated REAL,
    plan TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS orders_by_updated ON orders (updated DESC, touch DESC, seq DESC);
CREATE INDEX IF NOT EXISTS orders_by_next ON orders (next_at);
CREATE INDEX IF NOT EXISTS orders_by_email ON orders (email);
CREATE INDEX IF NOT EXISTS orders_by_status ON orders (status, updated DESC);
CREATE TABLE IF NOT EXISTS kits (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    kit_id TEXT NOT NULL UNIQUE, order_id TEXT, kit_type TEXT NOT NULL,
    created REAL NOT NULL, updated REAL NOT NULL, status TEXT NOT NULL,
    sample_status TEXT NOT NULL, next_at REAL,
    r_email TEXT, r_first TEXT, r_last TEXT, r_phone TEXT,
    p_email TEXT, p_first TEXT, p_last TEXT, p_phone TEXT,
    plan TEXT NOT NULL, metadata TEXT, meta_updated REAL
);
CREATE INDEX IF NOT EXISTS kits_by_created ON kits (created DESC, seq DESC);
CREATE INDEX IF NOT EXISTS kits_by_next ON kits (next_at);
CREATE INDEX IF NOT EXISTS kits_by_order ON kits (order_id);
CREATE TABLE IF NOT EXISTS requisitions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    requisition_id TEXT NOT NULL UNIQUE, barcode TEXT NOT NULL UNIQUE, lab TEXT NOT NULL,
    created REAL NOT NULL, updated REAL NOT NULL, status TEXT NOT NULL, next_at REAL,
    email TEXT, first_name TEXT, last_name TEXT, phone TEXT,
    doc TEXT NOT NULL, plan TEXT NOT NULL, metadata TEXT
);
CREATE INDEX IF NOT EXISTS requisitions_by_created ON requisitions (created DESC, seq DESC);
CREATE INDEX IF NOT EXISTS requisitions_by_next ON requisitions (next_at);
CREATE TABLE IF NOT EXISTS patients (patient_id TEXT PRIMARY KEY, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS reports (
    report_id TEXT PRIMARY KEY, kind TEXT NOT NULL, owner_id TEXT NOT NULL,
    available_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS reports_by_owner ON reports (owner_id);
"""

ORDER_FILTERS = ("email", "first_name", "last_name", "phone", "status")
KIT_FILTERS = ("email", "first_name", "last_name", "phone", "kit_type", "has_order",
               "kit_status", "sample_status")
REQUISITION_FILTERS = ("lab", "first_name", "last_name", "email", "phone", "status")
DATE_FILTERS = ("created_before", "created_after", "updated_before", "updated_after")


class Clock:
    """Sandbox time: a start, plus real elapsed time × speed, plus manual advances."""

    def __init__(self, start: float, speed: float) -> None:
        self._lock = threading.Lock()
        self._base = start
        self._mono = time.monotonic()
        self.speed = speed

    def now(self) -> float:
        with self._lock:
            return self._base + (time.monotonic() - self._mono) * self.speed

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._base += seconds

    def set(self, start: float) -> None:
        with self._lock:
            self._base = start
            self._mono = time.monotonic()


def _day_start(value: date) -> float:
    return datetime(value.year, value.month, value.day, tzinfo=UTC).timestamp()


def _dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"))


def _lower(value: Any) -> str | None:
    return value.lower() if isinstance(value, str) else None


def _not_in(column: str, values: frozenset[str]) -> tuple[list[str], list[Any]]:
    """A ``column NOT IN (...)`` clause and its parameters; nothing for no values."""
    if not values:
        return [], []
    return [f"{column} NOT IN ({', '.join('?' * len(values))})"], sorted(values)


def _approve(patient: Json, state_collected: str, now: float) -> bool:
    """The exclusion check (inferred): complete patient, adult, not an excluded state."""
    needed = ("first_name", "last_name", "sex", "date_of_birth", "address")
    if any(not patient.get(key) for key in needed):
        return False
    if state_collected.upper() in EXCLUDED_STATES:
        return False
    today = datetime.fromtimestamp(now, UTC).date()
    born = date.fromisoformat(patient["date_of_birth"])
    adult_from = born.replace(year=born.year + MINIMUM_AGE) if not (
        born.month == 2 and born.day == 29) else born + timedelta(days=365 * MINIMUM_AGE + 5)
    return today >= adult_from


@dataclass(frozen=True)
class ReportInfo:
    report: Json
    kit_id: str | None
    sample_id: str
    initials: str
    kind: str
    released: str
    amends: str | None = None  # for an amendment: the report it replaces
    partial: bool = False  # more results are to come


class Records:
    """The connection, the lock, the meta table and id counters."""

    def __init__(self, path: Path, rng_seed: int | None, clock: Clock) -> None:
        self.rng_seed = rng_seed
        self.clock = clock
        self.lock = threading.RLock()
        self.conn = sqlite3.connect(path, check_same_thread=False)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.executescript(SCHEMA)
        self.conn.commit()

    def close(self) -> None:
        with self.lock:
            self.conn.close()

    # --- meta ------------------------------------------------------------------------------

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        with self.lock:
            row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        with self.lock, self.conn:
            self.conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value),
            )

    def _next_counter(self, key: str, count: int = 1) -> int:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        first = int(row[0]) if row else 1
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, str(first + count)),
        )
        return first

    @staticmethod
    def _where(query: dict[str, Any], columns: dict[str, str],
               extra: list[str] | None = None,
               extra_params: list[Any] | None = None) -> tuple[str, list[Any]]:
        clauses = list(extra or [])
        params: list[Any] = list(extra_params or [])
        for key, clause in columns.items():
            if key in query:
                clauses.append(clause)
                params.extend([query[key]] * clause.count("?"))
        for key in DATE_FILTERS:
            if key in query:
                column = key.split("_")[0]
                day = _day_start(query[key])
                if key.endswith("before"):
                    clauses.append(f"{column} < ?")
                    params.append(day + DAY)
                else:
                    clauses.append(f"{column} >= ?")
                    params.append(day)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def refresh(self, now: float) -> None:
        """Bring planned states up to ``now`` (the store's lifecycle does the work)."""
        raise NotImplementedError

    def kit_json(self, kit_id: str, now: float, base_url: str) -> Json | None:
        """A kit as the API shows it (the store has the kits)."""
        raise NotImplementedError



class RequisitionRecords(Records):
    """Patients (for registration) and requisitions, with their lifecycle plans."""

    def create_patient(self, data: Json) -> Json:
        patient = {"patient_id": str(uuid.uuid4()), **data}
        with self.lock, self.conn:
            self.conn.execute("INSERT INTO patients (patient_id, doc) VALUES (?, ?)",
                              (patient["patient_id"], _dumps(patient)))
        return patient

    def patient(self, patient_id: str) -> Json | None:
        with self.lock:
            row = self.conn.execute(
                "SELECT doc FROM patients WHERE patient_id = ?", (patient_id,)
            ).fetchone()
        return json.loads(row[0]) if row else None

    def create_requisition(self, data: Json, now: float) -> Json | None:
        """The new requisition, or None when the barcode is taken."""
        patient = data.get("patient") or {}
        # With a fixed rng_seed the id, and so the requisition's fate, follow from the barcode.
        requisition_id = (
            lifecycle.new_uuid(lifecycle.kit_rng(self.rng_seed, "requisition:" + data["barcode"]))
            if self.rng_seed is not None else str(uuid.uuid4())
        )
        approved = _approve(patient, data["state_collected"], now)
        plan = lifecycle.plan_requisition(
            requisition_id, now, approved, bool(data.get("tracking")), self.rng_seed
        )
        doc = {k: data.get(k) for k in ("barcode", "account_number", "lab", "panels",
                                        "state_collected", "patient", "tracking", "attributes")}
        status, updated, next_at = lifecycle.requisition_state(plan, now)
        with self.lock, self.conn:
            exists = self.conn.execute(
                "SELECT 1 FROM requisitions WHERE barcode = ?", (data["barcode"],)
            ).fetchone()
            if exists:
                return None
            self.conn.execute(
                "INSERT INTO requisitions (requisition_id, barcode, lab, created, updated, "
                "status, next_at, email, first_name, last_name, phone, doc, plan, metadata) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (requisition_id, data["barcode"], data["lab"], now, updated, status, next_at,
                 _lower(patient.get("email")), _lower(patient.get("first_name")),
                 _lower(patient.get("last_name")), patient.get("phone"), _dumps(doc),
                 _dumps(plan), _dumps(data.get("metadata"))),
            )
            self.conn.executemany(
                "INSERT INTO reports (kind, owner_id, report_id, available_at) "
                "VALUES ('requisition', ?, ?, ?)",
                [(requisition_id, r[1], r[0]) for r in plan["rp"]],
            )
        return self.requisition_json(requisition_id, now, "")

    def requisition_json(self, requisition_id: str, now: float, base_url: str) -> Json | None:
        with self.lock:
            row = self.conn.execute(
                "SELECT requisition_id, doc, plan, metadata, created FROM requisitions "
                "WHERE requisition_id = ?", (requisition_id,),
            ).fetchone()
        return None if row is None else self._requisition_doc(row, now, base_url)

    def _requisition_doc(self, row: tuple[Any, ...], now: float, base_url: str) -> Json:
        doc = json.loads(row[1])
        plan = json.loads(row[2])
        status, updated, _next = lifecycle.requisition_state(plan, now)
        return {
            "requisition_id": row[0],
            "barcode": doc["barcode"],
            "account_number": doc["account_number"],
            "lab": doc["lab"],
            "panels": doc["panels"],
            "state_collected": doc["state_collected"],
            "patient": doc["patient"],
            "tracking": doc["tracking"],
            "status": status,
            "events": [{"event": e, "date": lifecycle.iso(t)} for t, e in plan["ev"] if t <= now],
            "reports": [
                lifecycle.report_json(r, doc["panels"], row[0], self.rng_seed, base_url)
                for r in plan["rp"] if r[0] <= now
            ],
            "attributes": doc["attributes"],
            "metadata": json.loads(row[3] or "null"),
            "created": lifecycle.iso(row[4]),
            "updated": lifecycle.iso(updated),
        }

    def list_requisitions(self, query: dict[str, Any], results: int, offset: int, now: float,
                          base_url: str, hidden: frozenset[str] = frozenset()) -> list[Json]:
        query = {k: (v.lower() if k in ("first_name", "last_name", "email") else v)
                 for k, v in query.items()}
        extra, extra_params = _not_in("requisition_id", hidden)
        where, params = self._where(query, {
            "lab": "lab = ?", "first_name": "first_name = ?", "last_name": "last_name = ?",
            "email": "email = ?", "phone": "phone = ?", "status": "status = ?",
        }, extra, extra_params)
        with self.lock:
            self.refresh(now)
            rows = self.conn.execute(
                "SELECT requisition_id, doc, plan, metadata, created FROM requisitions"
                f"{where} ORDER BY created DESC, seq DESC LIMIT ? OFFSET ?",
                (*params, results, offset),
            ).fetchall()
        return [self._requisition_doc(r, now, base_url) for r in rows]


class ReportRecords(RequisitionRecords):
    """Reports of kits and requisitions, released on their planned dates."""

    def report(self, report_id: str, now: float, base_url: str) -> ReportInfo | None:
        with self.lock:
            row = self.conn.execute(
                "SELECT kind, owner_id, available_at FROM reports "
                "WHERE report_id = ? AND available_at <= ?",
                (report_id, now),
            ).fetchone()
        if row is None:
            return None
        kind, owner, released = row
        if kind == "kit":
            kit = self.kit_json(owner, now, base_url)
            if kit is None:
                return None
            reports = kit["sample"]["reports"]
            panels = kit["sample"]["panels"]
            person = kit["registered_to"] or {}
            sample_id = kit["sample"]["sample_id"]
            kit_id: str | None = owner
        else:
            requisition = self.requisition_json(owner, now, base_url)
            if requisition is None:
                return None
            reports = requisition["reports"]
            panels = requisition["panels"]
            person = requisition["patient"] or {}
            sample_id = requisition["barcode"]
            kit_id = None
        index = next((i for i, r in enumerate(reports) if r["report_id"] == report_id), None)
        if index is None:
            return None
        found = reports[index]
        initials = "".join(
            (person.get(k) or "?")[:1].upper() + "." for k in ("first_name", "last_name")
        )
        # An amendment sits beside the report it replaces: the last earlier full report.
        amends = next((r["report_id"] for r in reversed(reports[:index])
                       if not r["is_amendment"]), None) if found["is_amendment"] else None
        partial = len(found["results"]) < lifecycle.marker_count(panels)
        return ReportInfo(found, kit_id, sample_id, initials, kind, lifecycle.iso(released),
                          amends, partial)

    def released_reports(self, before: float) -> list[tuple[str, float]]:
        """(report_id, release time) of every report released before ``before``, oldest first."""
        with self.lock:
            return [(r[0], r[1]) for r in self.conn.execute(
                "SELECT report_id, available_at FROM reports WHERE available_at <= ? "
                "ORDER BY available_at", (before,),
            )]
