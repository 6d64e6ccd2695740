"""The results inbox: every new report looked at and signed off once, clinic-wide (no Qt).

Spot lists kits without their reports, so the inbox keeps its own digest of the kits that have
results: `InboxService.refresh` fetches ``GET /kits/{id}`` only for result kits whose
``updated`` moved since the last look (a sign-off by another desk moves it too), and keeps the
digest in memory and in ``inbox.sqlite3`` (0600, encrypted with the data folder's key like the
order cache; a lost key starts it afresh, a refresh fetches it again) in the environment's
folder; its settings (go-live, critical limits) are in `inbox_settings`. `build_inbox`
then turns the digests into rows, a pure function fast enough to run after every sync.

Sign-off is shared through the kit's Spot metadata::

    frontdesk_review:        {report_id: {"by": ..., "role": ..., "at": ISO time, "by_id": ...}}
    frontdesk_for_clinician: {report_id: {"by": ..., "role": ..., "at": ISO time, "by_id": ...}}

Spot's metadata update replaces the whole object, so a write is read → merge → write → read
back; when the read-back lacks our entry (another desk wrote in between) the merge is retried.
Entries this desk wrote are also re-checked at later syncs until a read well after the write
shows them, so a write that overtook ours after our read-back does not lose the sign-off.

Only the newest report of a kit is in the inbox: an amendment replaces the report before it,
and a complete report the partial one. An amendment is a new report id, so it enters the inbox
even when the report it replaces was signed off.
"""

from __future__ import annotations

import json
import logging
import random
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, Protocol

from app.api.errors import SpotError
from app.marks import QT_TRANSLATE_NOOP
from app.services.errors import ServiceError
from app.services.inbox_digest import (
    FOR_CLINICIAN_KEY,
    REVIEW_KEY,
    KitDigest,
    ReportDigest,
    ResultLine,
    digest_kit,
    entries,
    from_json,
    to_json,
)
from app.services.inbox_settings import SETTINGS_FILE_NAME, InboxSettingsFile
from app.services.order_rules import RESULT_SAMPLE_STATUSES, OrderRow
from app.services.order_store import OrderStore
from app.services.private_db import close_private_db, open_or_reset

if TYPE_CHECKING:
    from app.api import models
    from app.services.data_key import DataKey

__all__ = [
    "FOR_CLINICIAN_KEY",
    "REVIEW_KEY",
    "AuditHook",
    "CriticalLimit",
    "InboxClient",
    "InboxRow",
    "InboxService",
    "KitDigest",
    "NotAllowed",
    "ReportDigest",
    "ResultLine",
    "Reviewer",
    "Role",
    "SignOffNotConfirmed",
    "build_inbox",
    "digest_kit",
    "inbox_counts",
    "limits_from_text",
    "limits_to_text",
    "merge_entry",
]

log = logging.getLogger(__name__)

# The role names of the staff profile (issue 15, `app.services.staff.Role`).
Role = Literal["front_desk", "clinician", "administrator"]
SIGNING_ROLES: frozenset[str] = frozenset({"clinician", "administrator"})
MERGE_ATTEMPTS = 6
# A sign-off this desk wrote is re-checked at each sync until a read this long after the write
# still shows it: by then any desk that read the metadata before our write has written back.
SETTLE_SECONDS = 30.0
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


# --- who signs --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Reviewer:
    """Who signs: a name or initials as staff write them, and a role.

    Today the shell makes one from the session (Settings → "Signs as"); issue 15's staff
    profile replaces it (see `app/views/shell/inbox_tab.py`, ``reviewer_provider``).
    """

    name: str
    role: Role = "front_desk"
    staff_id: str = ""  # the signed-in staff profile's id (the audit trail's "who")

    @property
    def may_sign(self) -> bool:
        return self.role in SIGNING_ROLES

    @property
    def is_admin(self) -> bool:
        return self.role == "administrator"


class AuditHook(Protocol):
    """Records each sign-off in the audit trail (`app.services.inbox_audit`), with its
    optional note; the note goes nowhere else (never to Spot or a log). ``action`` is
    "sign_off", "for_clinician", "bulk_sign_off" (once, ids empty, before the rows of an
    administrator's backlog sign-off) or "backlog_sign_off" (each of those rows)."""

    def __call__(
        self, action: str, *, kit_id: str, report_id: str, reviewer: Reviewer, note: str
    ) -> None: ...


class InboxClient(Protocol):
    def get_kit(self, kit_id: str) -> models.Kit: ...

    def update_kit_metadata(self, kit_id: str, metadata: dict[str, Any]) -> models.Kit: ...


class NotAllowed(ServiceError):
    default_title = QT_TRANSLATE_NOOP("Errors", "Only clinicians and administrators sign off")
    default_advice = QT_TRANSLATE_NOOP(
        "Errors", "Mark the report for a clinician instead; it moves to the top of their inbox."
    )


class SignOffNotConfirmed(ServiceError):
    default_title = QT_TRANSLATE_NOOP("Errors", "The sign-off could not be confirmed in Spot")
    default_advice = QT_TRANSLATE_NOOP(
        "Errors", "Other desks were writing to this kit at the same time. Try again."
    )


class MetadataInUse(ServiceError):
    default_title = QT_TRANSLATE_NOOP("Errors", "This kit's Spot metadata can't hold a sign-off")
    default_advice = QT_TRANSLATE_NOOP(
        "Errors", "Its review entry was written by another tool in another shape. Ask Spot "
        "support or your administrator; nothing was changed."
    )


# --- limits and rows ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CriticalLimit:
    """An administrator's critical limits for one biomarker (either side may be open)."""

    low: float | None = None
    high: float | None = None

    def outside(self, value: float) -> bool:
        return (self.low is not None and value < self.low) or (
            self.high is not None and value > self.high
        )


def limits_to_text(limits: Mapping[str, CriticalLimit]) -> str:
    """Critical limits as the clinic setup file carries them: ``{"Glucose":[null,400]}``."""
    return json.dumps({name: [limit.low, limit.high] for name, limit in limits.items()},
                      sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def limits_from_text(text: str) -> dict[str, CriticalLimit]:
    """`limits_to_text` read back; an entry that isn't a name and two numbers (or nulls) is
    left out, so a hand-edited setup file can't break the inbox."""
    try:
        raw = json.loads(text) if text.strip() else {}
    except ValueError:
        return {}
    limits: dict[str, CriticalLimit] = {}
    if not isinstance(raw, dict):
        return limits
    for name, pair in raw.items():
        if not (isinstance(name, str) and name.strip() and isinstance(pair, list)
                and len(pair) == 2):
            continue
        if not all(v is None or (isinstance(v, int | float) and not isinstance(v, bool))
                   for v in pair):
            continue
        if pair[0] is not None or pair[1] is not None:
            limits[name.strip()] = CriticalLimit(
                None if pair[0] is None else float(pair[0]),
                None if pair[1] is None else float(pair[1]))
    return limits


class InboxRow(NamedTuple):
    """One report to sign off (a named tuple: 10,000 of them are built after a sync)."""

    kit_id: str
    order_id: str
    report_id: str
    kit_type: str
    patient: str
    date_of_birth: date | str | None
    collected: datetime | date | str | None
    received: datetime | date | str | None
    report_date: datetime
    out_of_range: int
    critical: int
    amended: bool
    partial: bool
    for_clinician: bool
    changes: tuple[str, ...] = ()


# --- building the inbox (pure, fast) ----------------------------------------------------------


def build_inbox(
    kits: Iterable[KitDigest],
    *,
    go_live: datetime,
    limits: Mapping[str, CriticalLimit] | None = None,
    clinician_first: bool = False,
) -> list[InboxRow]:
    """One row per kit whose newest report is not signed off and dated on or after
    ``go_live``; sorted critical, amended, out of range, then oldest first (with
    ``clinician_first``, reports marked for a clinician before all of them)."""
    keyed = [(name.casefold(), limit) for name, limit in (limits or {}).items()]
    rows: list[InboxRow] = []
    append = rows.append
    partial_status = "partially_resulted"
    for kit in kits:
        reports = kit.reports
        if not reports:
            continue
        report = reports[-1]
        report_id = report.report_id
        if report_id in kit.signed or report.dated < go_live:
            continue
        critical = 0
        if keyed:
            numeric = report.numeric
            for name, limit in keyed:
                value = numeric.get(name)
                if value is not None and limit.outside(value):
                    critical += 1
        append(InboxRow(
            kit.kit_id, kit.order_id, report_id, kit.kit_type, kit.patient, kit.date_of_birth,
            kit.collected, kit.received, report.dated, report.out_of_range, critical,
            report.is_amendment, kit.sample_status == partial_status,
            report_id in kit.for_clinician, report.changes,
        ))
    if clinician_first:
        rows.sort(key=lambda r: (not r.for_clinician, r.critical == 0, not r.amended,
                                 r.out_of_range == 0, r.report_date))
    else:
        rows.sort(key=lambda r: (r.critical == 0, not r.amended, r.out_of_range == 0,
                                 r.report_date))
    return rows


def inbox_counts(rows: Sequence[InboxRow]) -> tuple[int, int]:
    """(reports to sign off, of which critical)."""
    return len(rows), sum(1 for row in rows if row.critical)


def merge_entry(metadata: Mapping[str, Any] | None, key: str, report_id: str,
                entry: Mapping[str, Any]) -> dict[str, Any] | None:
    """``metadata`` with ``entry`` under ``key[report_id]``, everything else kept as it was;
    None when an entry for ``report_id`` is already there (nothing to write)."""
    merged = dict(metadata or {})
    current = merged.get(key)
    if current is None:
        current = {}
    if not isinstance(current, dict):
        raise MetadataInUse(debug=f"{key} is a {type(current).__name__}")
    if report_id in current:
        return None
    merged[key] = {**current, report_id: dict(entry)}
    return merged


# --- the service ------------------------------------------------------------------------------

_SCHEMA = """
CREATE TABLE IF NOT EXISTS kits (kit_id TEXT PRIMARY KEY, digest TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS mine (
    kit_id TEXT, report_id TEXT, key TEXT, entry TEXT, written REAL,
    PRIMARY KEY (kit_id, report_id, key));
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""


class InboxService:
    """Keeps the digests current and writes sign-offs. Network calls: run off the GUI thread.

    ``client_provider`` returns the session's current client (it changes after a sign-in).
    ``audit`` records every sign-off and its note (the audit trail, wired in `app.compose`);
    without it a note is dropped, never logged (it may name a patient).
    """

    def __init__(
        self,
        client_provider: Callable[[], InboxClient],
        store: OrderStore,
        db_path: Path | None = None,
        *,
        key: DataKey | None = None,
        audit: AuditHook | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        sleep: Callable[[float], None] = time.sleep,
        workers: int = 4,
    ) -> None:
        self._client_provider = client_provider
        self._store = store
        self.audit = audit
        self._now = now
        self._sleep = sleep
        self._workers = workers
        self._lock = threading.RLock()
        self._refresh_lock = threading.Lock()
        self._kits: dict[str, KitDigest] = {}
        self._limits: dict[str, CriticalLimit] = {}
        self._mine: dict[tuple[str, str, str], tuple[dict[str, Any], float]] = {}
        self._db = None
        #: 1 if the cache could not be opened with ``key`` (lost key) and started afresh.
        self.unreadable_files = 0
        if db_path is not None:
            self._db, self.unreadable_files = open_or_reset(db_path, key)
        self._settings = InboxSettingsFile(
            db_path.with_name(SETTINGS_FILE_NAME) if db_path is not None else None)
        self._meta: dict[str, str] = {}
        self._go_live = now()
        if self._db is not None:
            self._db.executescript(_SCHEMA)
            self._load()
        self.version = 0

    # -- settings ---------------------------------------------------------------------------

    @property
    def go_live(self) -> datetime:
        """Reports dated before this count as handled (default: this desk's first start)."""
        return self._go_live

    def set_go_live(self, when: datetime) -> None:
        with self._lock:
            self._go_live = when if when.tzinfo else when.replace(tzinfo=UTC)
            self._set_meta("go_live", self._go_live.isoformat())
            self.version += 1

    @property
    def critical_limits(self) -> dict[str, CriticalLimit]:
        return dict(self._limits)

    def set_critical_limits(self, limits: Mapping[str, CriticalLimit]) -> None:
        """Per-biomarker critical limits (an administrator's; none are built in)."""
        with self._lock:
            self._limits = dict(limits)
            self._set_meta("limits", json.dumps(
                {name: [limit.low, limit.high] for name, limit in self._limits.items()}
            ))
            self.version += 1

    # -- reading ----------------------------------------------------------------------------

    def build(self, reviewer: Reviewer | None = None) -> list[InboxRow]:
        """The inbox as ``reviewer`` sees it (a clinician gets "for a clinician" first)."""
        clinician_first = reviewer is not None and reviewer.may_sign
        with self._lock:
            kits = list(self._kits.values())
            go_live, limits = self._go_live, self._limits
        return build_inbox(kits, go_live=go_live, limits=limits, clinician_first=clinician_first)

    def digest(self, kit_id: str) -> KitDigest | None:
        return self._kits.get(kit_id)

    def report_parts(
        self, kit_id: str, report_id: str
    ) -> tuple[models.Kit, models.Report, models.Report | None]:
        """The kit detail, the report and the one it replaces, fresh from Spot (to open it)."""
        kit = self._client_provider().get_kit(kit_id)
        reports = list(kit.sample.reports) if kit.sample else []
        for index, report in enumerate(reports):
            if report.report_id == report_id:
                replaces = reports[index - 1] if report.is_amendment and index else None
                return kit, report, replaces
        raise ServiceError(
            QT_TRANSLATE_NOOP("Errors", "This report is no longer in Spot"),
            QT_TRANSLATE_NOOP("Errors", "Refresh; the lab may have withdrawn or replaced it."),
            debug="report id not in kit",
        )

    # -- syncing ----------------------------------------------------------------------------

    def refresh(self, rows: Sequence[OrderRow] | None = None) -> int:
        """Fetch the detail of result kits that changed since the last look; returns how many
        kits were fetched. Kits last updated before go-live are skipped: no report of theirs
        can be newer than that."""
        with self._refresh_lock:
            rows = self._store.rows() if rows is None else rows
            wanted: list[tuple[str, str, str, datetime]] = []
            go_live = self._go_live
            pending = {kit_id for kit_id, _r, _k in self._mine}
            for row in rows:
                patient = f"{row.first_name} {row.last_name}".strip()
                for index, kit_id in enumerate(row.kit_ids):
                    if row.sample_statuses[index] not in RESULT_SAMPLE_STATUSES:
                        continue
                    updated = row.kit_updated[index] if index < len(row.kit_updated) else _EPOCH
                    held = self._kits.get(kit_id)
                    if held is not None and held.updated == updated and kit_id not in pending:
                        continue
                    if held is None and updated < go_live:
                        continue
                    wanted.append((kit_id, row.order_id, patient, updated))
            if not wanted:
                return 0
            client = self._client_provider()
            with ThreadPoolExecutor(self._workers, thread_name_prefix="inbox") as pool:
                kits = list(pool.map(lambda w: client.get_kit(w[0]), wanted))
            fresh: list[KitDigest] = []
            for (kit_id, order_id, patient, updated), kit in zip(wanted, kits, strict=True):
                digest = digest_kit(kit, order_id=order_id, patient_fallback=patient,
                                    updated=updated, previous=self._kits.get(kit_id))
                fresh.append(digest)
            self._keep(fresh)
            for digest in fresh:
                self._recheck_mine(digest)
            log.info("inbox: %d result kits fetched", len(fresh))
            return len(fresh)

    # -- writing ----------------------------------------------------------------------------

    def sign_off(self, kit_id: str, report_id: str, reviewer: Reviewer, note: str = "") -> None:
        """Sign ``report_id`` off for the whole clinic (clinicians and administrators).
        Recorded in the audit trail with the note, if any (the note never goes to Spot)."""
        if not reviewer.may_sign:
            raise NotAllowed(debug=f"role {reviewer.role}")
        self._write(kit_id, report_id, REVIEW_KEY, reviewer)
        self._audit("sign_off", kit_id, report_id, reviewer, note)

    def mark_for_clinician(self, kit_id: str, report_id: str, reviewer: Reviewer,
                           note: str = "") -> None:
        """Front desk: this report needs a clinician; it moves to the top of their inbox."""
        self._write(kit_id, report_id, FOR_CLINICIAN_KEY, reviewer)
        self._audit("for_clinician", kit_id, report_id, reviewer, note)

    def sign_off_backlog(self, rows: Iterable[InboxRow], reviewer: Reviewer) -> int:
        """An administrator's confirmed bulk sign-off of ``rows``; returns how many."""
        if not reviewer.is_admin:
            raise NotAllowed(
                QT_TRANSLATE_NOOP("Errors", "Only administrators sign off the backlog"),
                debug=f"role {reviewer.role}",
            )
        rows = list(rows)
        if rows:
            self._audit("bulk_sign_off", "", "", reviewer, "")
        count = 0
        for row in rows:
            self._write(row.kit_id, row.report_id, REVIEW_KEY, reviewer)
            self._audit("backlog_sign_off", row.kit_id, row.report_id, reviewer, "")
            count += 1
        return count

    def _audit(self, action: str, kit_id: str, report_id: str, reviewer: Reviewer,
               note: str) -> None:
        """Record what was just written in Spot. A failure to record is logged (its type
        only: the note may name a patient); the sign-off itself stands."""
        if self.audit is None:
            return
        try:
            self.audit(action, kit_id=kit_id, report_id=report_id, reviewer=reviewer,
                       note=note.strip())
        except (OSError, ValueError) as exc:
            log.error("inbox: %s of report %s not recorded in the audit trail: %s",
                      action, report_id or "-", type(exc).__name__)

    def _write(self, kit_id: str, report_id: str, key: str, reviewer: Reviewer) -> None:
        if not reviewer.name.strip():
            raise NotAllowed(
                QT_TRANSLATE_NOOP("Errors", "A sign-off needs a name"),
                QT_TRANSLATE_NOOP("Errors", "Type your name or initials in “Signing as”."),
                debug="no reviewer name",
            )
        entry = {"by": reviewer.name, "role": reviewer.role, "at": self._now().isoformat()}
        if reviewer.staff_id:  # as an order's "ordered by": initials and staff id, never a PIN
            entry["by_id"] = reviewer.staff_id
        client = self._client_provider()
        for attempt in range(MERGE_ATTEMPTS):
            kit = client.get_kit(kit_id)
            merged = merge_entry(kit.metadata, key, report_id, entry)
            if merged is None:
                break  # already there (another desk, or our earlier attempt that did stick)
            client.update_kit_metadata(kit_id, merged)
            check = client.get_kit(kit_id)
            if report_id in entries((check.metadata or {}).get(key)):
                kit = check
                break
            log.info("inbox: sign-off overwritten by another desk; merging again (%d)", attempt)
            self._sleep(random.uniform(0.05, 0.3) * (attempt + 1))
        else:
            raise SignOffNotConfirmed(debug=f"{MERGE_ATTEMPTS} attempts")
        self._remember_mine(kit_id, report_id, key, entry)
        self._absorb(kit)

    def _absorb(self, kit: models.Kit) -> None:
        """Take a kit detail we just read into the digest (our write shows at once)."""
        with self._lock:
            held = self._kits.get(kit.kit_id)
            if held is None:
                return
            digest = digest_kit(kit, order_id=held.order_id, patient_fallback=held.patient,
                                updated=held.updated, previous=held)
        self._keep([digest])

    def _remember_mine(self, kit_id: str, report_id: str, key: str,
                       entry: dict[str, Any]) -> None:
        written = time.time()
        with self._lock:
            self._mine[(kit_id, report_id, key)] = (entry, written)
            if self._db is not None:
                self._db.execute(
                    "INSERT OR REPLACE INTO mine VALUES (?, ?, ?, ?, ?)",
                    (kit_id, report_id, key, json.dumps(entry), written),
                )

    def _recheck_mine(self, digest: KitDigest) -> None:
        """A sync read this kit: write back any of our entries another desk's write dropped;
        forget those a read long enough after our write still shows."""
        for (kit_id, report_id, key), (_entry, written) in list(self._mine.items()):
            if kit_id != digest.kit_id:
                continue
            present = report_id in (digest.signed if key == REVIEW_KEY else digest.for_clinician)
            if not present:
                log.info("inbox: a sign-off of this desk was overwritten; writing it again")
                reviewer = Reviewer(str(_entry.get("by", "")), _entry.get("role", "clinician"))
                try:
                    self._write(kit_id, report_id, key, reviewer)
                except (ServiceError, SpotError) as exc:  # kept: tried again at the next sync
                    log.warning("inbox: rewriting a sign-off failed (%s)", type(exc).__name__)
            elif time.time() - written >= SETTLE_SECONDS:
                with self._lock:
                    self._mine.pop((kit_id, report_id, key), None)
                    if self._db is not None:
                        self._db.execute(
                            "DELETE FROM mine WHERE kit_id = ? AND report_id = ? AND key = ?",
                            (kit_id, report_id, key),
                        )

    # -- persistence ------------------------------------------------------------------------

    def _keep(self, digests: Sequence[KitDigest]) -> None:
        with self._lock:
            for digest in digests:
                self._kits[digest.kit_id] = digest
            self.version += 1
            if self._db is not None:
                self._db.execute("BEGIN")
                self._db.executemany(
                    "INSERT OR REPLACE INTO kits VALUES (?, ?)",
                    [(d.kit_id, json.dumps(to_json(d))) for d in digests],
                )
                self._db.execute("COMMIT")

    def _set_meta(self, key: str, value: str) -> None:
        self._meta[key] = value
        self._settings.save(self._meta)

    def _load(self) -> None:
        assert self._db is not None
        meta = self._meta = self._settings.load()
        if not meta:  # settings kept in the cache by earlier versions
            meta.update(self._db.execute("SELECT key, value FROM meta").fetchall())
            if meta:
                self._settings.save(meta)
        if "go_live" in meta:
            self._go_live = datetime.fromisoformat(meta["go_live"])
        else:
            self._set_meta("go_live", self._go_live.isoformat())
        for name, (low, high) in json.loads(meta.get("limits", "{}")).items():
            self._limits[name] = CriticalLimit(low, high)
        for (text,) in self._db.execute("SELECT digest FROM kits"):
            try:
                digest = from_json(json.loads(text))
            except (ValueError, KeyError, TypeError):
                continue  # an older shape: the next refresh fetches it again
            self._kits[digest.kit_id] = digest
        for kit_id, report_id, key, entry, written in self._db.execute("SELECT * FROM mine"):
            self._mine[(kit_id, report_id, key)] = (json.loads(entry), written)

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                close_private_db(self._db)
                self._db = None
