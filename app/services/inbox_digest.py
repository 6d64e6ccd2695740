"""The inbox's digest of a kit: its reports, their flags, and who reviewed them (no Qt).

`digest_kit` turns a kit's Spot detail into a `KitDigest`: per report, the results with their
out-of-range flags, what an amendment changed, and the report's date; per kit, the sign-offs
and "for a clinician" marks read from its metadata. `to_json`/`from_json` keep digests in the
inbox's SQLite file without going through pydantic again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from app.services.order_rules import RESULT_SAMPLE_STATUSES

if TYPE_CHECKING:
    from app.api import models

__all__ = [
    "FOR_CLINICIAN_KEY",
    "REVIEW_KEY",
    "KitDigest",
    "ReportDigest",
    "ResultLine",
    "changes_between",
    "digest_kit",
    "entries",
    "from_json",
    "to_json",
]

REVIEW_KEY = "frontdesk_review"
FOR_CLINICIAN_KEY = "frontdesk_for_clinician"


class ResultLine(NamedTuple):
    name: str
    value: str | float | int | None
    unit: str
    low: float | int | str | None
    high: float | int | str | None
    out_of_range: bool
    numeric: float | None  # the value as a number, for critical limits


@dataclass(frozen=True, slots=True)
class ReportDigest:
    report_id: str
    is_amendment: bool
    dated: datetime  # when Spot issued it, as far as Spot tells (see `_report_dates`)
    results: tuple[ResultLine, ...]
    out_of_range: int
    changes: tuple[str, ...] = ()  # for an amendment: what differs from the report it replaces
    replaces: str = ""  # the report id it replaces
    # Numeric results by casefolded name: critical limits look values up here.
    numeric: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class KitDigest:
    kit_id: str
    order_id: str
    kit_type: str
    sample_id: str
    sample_status: str
    patient: str
    date_of_birth: date | str | None
    collected: datetime | date | str | None
    received: datetime | date | str | None
    updated: datetime  # the kit summary's ``updated`` this digest was fetched for
    reports: tuple[ReportDigest, ...]
    signed: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    for_clinician: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            return None
    return None


def _out_of_range(result: models.Result) -> bool:
    value = _number(result.result)
    if value is None:
        # Reactivity: the sandbox's and labs' "positive" is outside a negative reference.
        return isinstance(result.result, str) and result.result.strip().lower() in (
            "positive", "reactive", "detected",
        )
    low, high = _number(result.range_minimum), _number(result.range_maximum)
    return (low is not None and value < low) or (high is not None and value > high)


def _line(result: models.Result) -> ResultLine:
    return ResultLine(
        name=result.name or result.result_type or "",
        value=result.result,
        unit=result.unit_of_measure or "",
        low=result.range_minimum,
        high=result.range_maximum,
        out_of_range=_out_of_range(result),
        numeric=_number(result.result),
    )


def _numeric(lines: Sequence[ResultLine]) -> dict[str, float]:
    return {line.name.casefold(): line.numeric for line in lines if line.numeric is not None}


def _shown(line: ResultLine) -> str:
    value = "—" if line.value is None else str(line.value)
    return f"{value} {line.unit}".strip()


def changes_between(old: Sequence[ResultLine], new: Sequence[ResultLine]) -> tuple[str, ...]:
    """What an amendment changed: "Vitamin D: 31 ng/mL → 28 ng/mL", added and removed results."""
    before = {line.name: line for line in old}
    after = {line.name: line for line in new}
    out: list[str] = []
    for name, line in after.items():
        was = before.get(name)
        if was is None:
            out.append(f"{name}: added ({_shown(line)})")
        elif was.value != line.value or was.unit != line.unit:
            out.append(f"{name}: {_shown(was)} → {_shown(line)}")
    out.extend(f"{name}: removed" for name in before if name not in after)
    return tuple(out)


def _report_dates(
    kit: models.Kit, reports: Sequence[models.Report], first_seen: Mapping[str, datetime],
    fallback: datetime,
) -> list[datetime]:
    """Spot gives a report no date of its own. An original report takes the time of the
    sample's matching result event (partially_resulted, then resulted); an amendment (no event)
    the time this desk first saw it, which for a first look is the kit's ``updated``."""
    events = [
        e.created for e in (kit.sample.events if kit.sample else ())
        if e.status in RESULT_SAMPLE_STATUSES and e.created is not None
    ]
    out: list[datetime] = []
    index = 0
    for report in reports:
        seen = first_seen.get(report.report_id or "")
        if not report.is_amendment and index < len(events):
            out.append(events[index])
            index += 1
        elif seen is not None:
            out.append(seen)
        else:
            out.append(fallback)
    return out


def digest_kit(
    kit: models.Kit, *, order_id: str, patient_fallback: str, updated: datetime,
    previous: KitDigest | None = None,
) -> KitDigest:
    """The inbox's digest of one kit's detail (reports, reviews, who it is for)."""
    sample = kit.sample
    reports = [r for r in (sample.reports if sample else ()) if r.report_id]
    first_seen = {r.report_id: r.dated for r in previous.reports} if previous else {}
    dates = _report_dates(kit, reports, first_seen, updated)
    digests: list[ReportDigest] = []
    for report, dated in zip(reports, dates, strict=True):
        lines = tuple(_line(r) for r in report.results)
        changes: tuple[str, ...] = ()
        replaces = ""
        if report.is_amendment and digests:
            replaces = digests[-1].report_id
            changes = changes_between(digests[-1].results, lines)
        digests.append(ReportDigest(
            report_id=report.report_id or "",
            is_amendment=bool(report.is_amendment),
            dated=dated,
            results=lines,
            out_of_range=sum(1 for line in lines if line.out_of_range),
            changes=changes,
            replaces=replaces,
            numeric=_numeric(lines),
        ))
    newest = reports[-1] if reports else None
    patient = kit.registered_to
    name = " ".join(
        part for part in ((patient.first_name, patient.last_name) if patient else ()) if part
    )
    metadata = kit.metadata or {}
    return KitDigest(
        kit_id=kit.kit_id,
        order_id=order_id,
        kit_type=kit.type or "",
        sample_id=(sample.sample_id if sample else None) or "",
        sample_status=(sample.status if sample else None) or "",
        patient=name or patient_fallback,
        date_of_birth=patient.date_of_birth if patient else None,
        collected=newest.date_collected if newest else None,
        received=newest.date_received if newest else None,
        updated=updated,
        reports=tuple(digests),
        signed=entries(metadata.get(REVIEW_KEY)),
        for_clinician=entries(metadata.get(FOR_CLINICIAN_KEY)),
    )


def entries(value: Any) -> dict[str, Mapping[str, Any]]:
    if not isinstance(value, dict):
        return {}
    return {str(k): v for k, v in value.items() if isinstance(v, dict)}



def _when_json(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"dt": value.isoformat()}
    if isinstance(value, date):
        return {"d": value.isoformat()}
    return value


def _when_back(value: Any) -> Any:
    if isinstance(value, dict):
        if "dt" in value:
            return datetime.fromisoformat(value["dt"])
        return date.fromisoformat(value["d"])
    return value


def to_json(d: KitDigest) -> dict[str, Any]:
    return {
        "kit_id": d.kit_id, "order_id": d.order_id, "kit_type": d.kit_type,
        "sample_id": d.sample_id, "sample_status": d.sample_status, "patient": d.patient,
        "dob": _when_json(d.date_of_birth), "collected": _when_json(d.collected),
        "received": _when_json(d.received), "updated": d.updated.isoformat(),
        "signed": dict(d.signed), "for_clinician": dict(d.for_clinician),
        "reports": [
            {"id": r.report_id, "amend": r.is_amendment, "dated": r.dated.isoformat(),
             "changes": list(r.changes), "replaces": r.replaces,
             "results": [list(line) for line in r.results]}
            for r in d.reports
        ],
    }


def from_json(raw: dict[str, Any]) -> KitDigest:
    reports = []
    for r in raw["reports"]:
        lines = tuple(ResultLine(*line) for line in r["results"])
        reports.append(ReportDigest(
            r["id"], r["amend"], datetime.fromisoformat(r["dated"]), lines,
            sum(1 for line in lines if line.out_of_range), tuple(r["changes"]), r["replaces"],
            _numeric(lines),
        ))
    return KitDigest(
        kit_id=raw["kit_id"], order_id=raw["order_id"], kit_type=raw["kit_type"],
        sample_id=raw["sample_id"], sample_status=raw["sample_status"], patient=raw["patient"],
        date_of_birth=_when_back(raw["dob"]), collected=_when_back(raw["collected"]),
        received=_when_back(raw["received"]), updated=datetime.fromisoformat(raw["updated"]),
        reports=tuple(reports), signed=raw["signed"], for_clinician=raw["for_clinician"],
    )

