"""The results inbox: flags, order, go-live, and sign-off shared through Spot kit metadata."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.api import models
from app.paths import Paths
from app.sandbox import SandboxServer
from app.services.environments import Environment
from app.services.inbox import (
    REVIEW_KEY,
    CriticalLimit,
    InboxService,
    NotAllowed,
    Reviewer,
    build_inbox,
    digest_kit,
    merge_entry,
)
from app.services.session import Session

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
CLINICIAN = Reviewer("Dr. Ada Byrne", "clinician")
DESK = Reviewer("JM", "front_desk")
ADMIN = Reviewer("Admin Kim", "administrator")


def _result(name: str, value: Any, low: float | None = 10, high: float | None = 50) -> dict:
    return {"result_type": "quantity", "name": name, "result": value, "unit_of_measure": "ng/mL",
            "range_minimum": low, "range_maximum": high}


def _kit(kit_id: str, reports: list[dict], *, status: str = "resulted",
         metadata: dict | None = None, when: datetime = T0) -> models.Kit:
    events = [{"status": "partially_resulted", "created": when.isoformat()}]
    events.append({"status": "resulted", "created": (when + timedelta(hours=1)).isoformat()})
    return models.Kit.model_validate({
        "kit_id": kit_id, "type": "vitamin_d",
        "registered_to": {"first_name": "Test", "last_name": "Patient",
                          "date_of_birth": "1980-05-04"},
        "sample": {"sample_id": "S-" + kit_id, "status": status, "events": events,
                   "reports": reports},
        "metadata": metadata,
    })


def _report(report_id: str, results: list[dict], *, amended: bool = False) -> dict:
    return {"report_id": report_id, "results": results, "is_amendment": amended,
            "date_collected": "2026-02-20", "date_received": "2026-02-22"}


def _digest(kit: models.Kit):  # type: ignore[no-untyped-def]
    return digest_kit(kit, order_id="O-" + kit.kit_id, patient_fallback="", updated=T0)


def test_flags_count_out_of_range_and_critical_only_with_limits() -> None:
    kit = _kit("K1", [_report("R1", [_result("Vitamin D", 5), _result("Ferritin", 60),
                                     _result("B12", 20)])])
    [row] = build_inbox([_digest(kit)], go_live=T0 - timedelta(days=1))
    assert (row.out_of_range, row.critical, row.amended, row.partial) == (2, 0, False, False)
    assert row.date_of_birth == date(1980, 5, 4)
    [row] = build_inbox([_digest(kit)], go_live=T0 - timedelta(days=1),
                        limits={"vitamin d": CriticalLimit(low=8)})
    assert row.critical == 1


def test_sort_is_critical_amended_out_of_range_then_oldest() -> None:
    normal_old = _kit("A", [_report("RA", [_result("X", 20)])], when=T0)
    normal_new = _kit("B", [_report("RB", [_result("X", 20)])], when=T0 + timedelta(days=1))
    out = _kit("C", [_report("RC", [_result("X", 99)])], when=T0 + timedelta(days=2))
    amended = _kit("D", [_report("RD0", [_result("X", 20)]),
                         _report("RD1", [_result("X", 25)], amended=True)])
    critical = _kit("E", [_report("RE", [_result("Glucose", 900)])], when=T0 + timedelta(days=3))
    rows = build_inbox([_digest(k) for k in (normal_new, normal_old, out, amended, critical)],
                       go_live=T0 - timedelta(days=1),
                       limits={"Glucose": CriticalLimit(high=500)})
    assert [r.kit_id for r in rows] == ["E", "D", "C", "A", "B"]


def test_amendment_re_enters_even_when_the_replaced_report_was_signed() -> None:
    signed = {REVIEW_KEY: {"R1": {"by": "Dr", "role": "clinician", "at": T0.isoformat()}}}
    first = _kit("K", [_report("R1", [_result("X", 20)])], metadata=signed)
    assert build_inbox([_digest(first)], go_live=T0 - timedelta(days=1)) == []
    amended = _kit("K", [_report("R1", [_result("X", 20)]),
                         _report("R2", [_result("X", 35)], amended=True)], metadata=signed)
    [row] = build_inbox([_digest(amended)], go_live=T0 - timedelta(days=1))
    assert row.report_id == "R2"
    assert row.amended
    assert row.changes == ("X: 20 ng/mL → 35 ng/mL",)


def test_partial_report_is_flagged_and_the_complete_one_replaces_it() -> None:
    partial = _kit("K", [_report("R1", [_result("X", 20)])], status="partially_resulted")
    [row] = build_inbox([_digest(partial)], go_live=T0 - timedelta(days=1))
    assert row.partial
    complete = _kit("K", [_report("R1", [_result("X", 20)]),
                          _report("R2", [_result("X", 20), _result("Y", 20)])])
    [row] = build_inbox([_digest(complete)], go_live=T0 - timedelta(days=1))
    assert (row.report_id, row.partial) == ("R2", False)


def test_go_live_cut_off_treats_older_reports_as_handled() -> None:
    kit = _kit("K", [_report("R1", [_result("X", 99)])], when=T0)
    # The report's date is its sample's result event: T0 (partial) → here the first event.
    assert build_inbox([_digest(kit)], go_live=T0 + timedelta(hours=2)) == []
    assert len(build_inbox([_digest(kit)], go_live=T0 - timedelta(minutes=1))) == 1


def test_for_clinician_goes_to_the_top_only_for_those_who_sign() -> None:
    marked = {"frontdesk_for_clinician": {"RB": {"by": "JM", "role": "front_desk", "at": "x"}}}
    out = _kit("A", [_report("RA", [_result("X", 99)])])
    plain = _kit("B", [_report("RB", [_result("X", 20)])], metadata=marked)
    kits = [_digest(out), _digest(plain)]
    desk = build_inbox(kits, go_live=T0 - timedelta(days=1))
    clinician = build_inbox(kits, go_live=T0 - timedelta(days=1), clinician_first=True)
    assert [r.kit_id for r in desk] == ["A", "B"]
    assert [r.kit_id for r in clinician] == ["B", "A"]
    assert clinician[0].for_clinician


def test_merge_keeps_other_metadata_and_refuses_a_foreign_shape() -> None:
    merged = merge_entry({"source": "crm", REVIEW_KEY: {"R0": {"by": "x"}}}, REVIEW_KEY, "R1",
                         {"by": "y"})
    assert merged == {"source": "crm", REVIEW_KEY: {"R0": {"by": "x"}, "R1": {"by": "y"}}}
    assert merge_entry(merged, REVIEW_KEY, "R1", {"by": "z"}) is None
    with pytest.raises(Exception, match="metadata"):
        merge_entry({REVIEW_KEY: "done"}, REVIEW_KEY, "R1", {})


# --- against the sandbox -----------------------------------------------------------------------


def _open(sandbox: SandboxServer, root: Path) -> Session:
    paths = Paths(data=root / "data", logs=root / "logs", cache=root / "cache",
                  config=root / "config")
    session = Session.open(Environment.sandbox(sandbox.base_url), sandbox.token, paths,
                           start_outbox=False)
    assert session.inbox is not None
    session.inbox.set_go_live(datetime(2000, 1, 1, tzinfo=UTC))  # everything counts
    return session


@pytest.fixture
def desks(sandbox: SandboxServer, tmp_path: Path) -> Iterator[tuple[Session, Session]]:
    sandbox.seed(40)
    a, b = _open(sandbox, tmp_path / "desk-a"), _open(sandbox, tmp_path / "desk-b")
    try:
        yield a, b
    finally:
        a.close()
        b.close()


def _sync(session: Session) -> list:  # type: ignore[type-arg]
    session.sync.refresh()
    assert session.inbox is not None
    session.inbox.refresh()
    return session.inbox.build(CLINICIAN)


def test_a_sign_off_on_one_desk_leaves_the_other_desks_inbox_after_its_sync(
    desks: tuple[Session, Session],
) -> None:
    a, b = desks
    rows_a, rows_b = _sync(a), _sync(b)
    assert rows_a, "the seeded sandbox has reports to review"
    assert {r.report_id for r in rows_a} == {r.report_id for r in rows_b}
    first = rows_a[0]
    assert a.inbox is not None
    a.inbox.sign_off(first.kit_id, first.report_id, CLINICIAN, note="called patient")
    assert first.report_id not in {r.report_id for r in a.inbox.build(CLINICIAN)}
    assert first.report_id in {r.report_id for r in b.inbox.build(CLINICIAN)}  # not synced yet
    after = _sync(b)
    assert first.report_id not in {r.report_id for r in after}
    assert len(after) == len(rows_b) - 1
    entry = a.client.get_kit(first.kit_id).metadata[REVIEW_KEY][first.report_id]
    assert (entry["by"], entry["role"]) == ("Dr. Ada Byrne", "clinician")
    assert "called patient" not in str(a.client.get_kit(first.kit_id).metadata)


class _Lockstep:
    """Holds both desks after their first read until both have read: the worst interleaving."""

    def __init__(self, client: Any, barrier: threading.Barrier) -> None:
        self._client, self._barrier, self._first = client, barrier, True

    def get_kit(self, kit_id: str) -> models.Kit:
        kit = self._client.get_kit(kit_id)
        if self._first:
            self._first = False
            self._barrier.wait(timeout=10)
        return kit

    def update_kit_metadata(self, kit_id: str, metadata: dict) -> models.Kit:
        return self._client.update_kit_metadata(kit_id, metadata)


def test_two_desks_signing_two_reports_of_one_kit_at_once_both_stick(
    desks: tuple[Session, Session], tmp_path: Path
) -> None:
    a, b = desks
    kit_id = _sync(a)[0].kit_id
    _sync(b)
    a.client.update_kit_metadata(kit_id, {"source": "crm"})
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []
    clients = {"a": _Lockstep(a.client, barrier), "b": _Lockstep(b.client, barrier)}
    inboxes = {
        name: InboxService(lambda c=clients[name]: c, session.store,
                           tmp_path / f"{name}.sqlite3", sleep=lambda _s: None)
        for name, session in (("a", a), ("b", b))
    }
    for inbox in inboxes.values():
        inbox.set_go_live(datetime(2000, 1, 1, tzinfo=UTC))

    def sign(inbox: InboxService, report_id: str) -> None:
        try:
            inbox.sign_off(kit_id, report_id, CLINICIAN)
        except BaseException as exc:  # noqa: BLE001 - reported by the assert below
            errors.append(exc)

    threads = [threading.Thread(target=sign, args=(inboxes["a"], "report-1")),
               threading.Thread(target=sign, args=(inboxes["b"], "report-2"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    assert errors == []
    # Both read before either wrote. A read-back catches a write that lands before it; one
    # that lands after it is caught at the desk's next sync: after that, both are there.
    for session, inbox in ((a, inboxes["a"]), (b, inboxes["b"])):
        session.sync.refresh()
        inbox.refresh()
    for inbox in inboxes.values():
        inbox.close()
    metadata = a.client.get_kit(kit_id).metadata
    assert set(metadata[REVIEW_KEY]) == {"report-1", "report-2"}
    assert metadata["source"] == "crm"


class _Interleaved:
    """Desk B's stale write lands between desk A's write and A's read-back."""

    def __init__(self, client: Any, stale_write: Any) -> None:
        self._client, self._stale_write = client, stale_write

    def get_kit(self, kit_id: str) -> models.Kit:
        return self._client.get_kit(kit_id)

    def update_kit_metadata(self, kit_id: str, metadata: dict) -> models.Kit:
        kit = self._client.update_kit_metadata(kit_id, metadata)
        if self._stale_write is not None:
            self._stale_write, stale = None, self._stale_write
            stale()
        return kit


def test_a_read_back_that_lacks_the_sign_off_merges_again_at_once(
    desks: tuple[Session, Session],
) -> None:
    a, b = desks
    kit_id = _sync(a)[0].kit_id
    stale = dict(b.client.get_kit(kit_id).metadata or {})
    stale[REVIEW_KEY] = {"report-2": {"by": "B", "role": "clinician", "at": "t"}}
    inbox = InboxService(
        lambda: _Interleaved(a.client, lambda: b.client.update_kit_metadata(kit_id, stale)),
        a.store, sleep=lambda _s: None,
    )
    inbox.sign_off(kit_id, "report-1", CLINICIAN)
    assert set(a.client.get_kit(kit_id).metadata[REVIEW_KEY]) == {"report-1", "report-2"}


def test_an_overwritten_sign_off_is_written_again_at_the_next_sync(
    desks: tuple[Session, Session],
) -> None:
    a, b = desks
    row = _sync(a)[0]
    assert a.inbox is not None
    a.inbox.sign_off(row.kit_id, row.report_id, CLINICIAN)
    # Another tool read before our write and writes its stale copy after our read-back.
    b.client.update_kit_metadata(row.kit_id, {"source": "stale copy"})
    assert REVIEW_KEY not in (a.client.get_kit(row.kit_id).metadata or {})
    _sync(a)
    metadata = a.client.get_kit(row.kit_id).metadata
    assert row.report_id in metadata[REVIEW_KEY]
    assert metadata["source"] == "stale copy"


def test_an_amendment_in_spot_re_enters_a_signed_kit(
    sandbox: SandboxServer, desks: tuple[Session, Session]
) -> None:
    a, _b = desks
    rows = _sync(a)
    assert a.inbox is not None
    row = next(r for r in rows if not r.amended and not r.partial)
    a.inbox.sign_off(row.kit_id, row.report_id, CLINICIAN)
    assert row.kit_id not in {r.kit_id for r in a.inbox.build(CLINICIAN)}
    sandbox.force(row.kit_id, "amended")
    sandbox.advance(0.001)
    again = {r.kit_id: r for r in _sync(a)}
    assert again[row.kit_id].amended
    assert again[row.kit_id].report_id != row.report_id
    assert again[row.kit_id].changes


def test_go_live_default_is_the_first_start_so_a_seeded_backlog_is_handled(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    sandbox.seed(40)
    root = tmp_path / "fresh"
    paths = Paths(data=root / "data", logs=root / "logs", cache=root / "cache",
                  config=root / "config")
    session = Session.open(Environment.sandbox(sandbox.base_url), sandbox.token, paths,
                           start_outbox=False)
    try:
        assert session.inbox is not None
        session.sync.refresh()
        fetched = session.inbox.refresh()
        assert session.inbox.build(CLINICIAN) == []
        assert fetched < 40  # kits last updated before go-live are not even fetched
    finally:
        session.close()


def test_front_desk_cannot_sign_but_can_mark_for_a_clinician_and_admin_signs_the_backlog(
    desks: tuple[Session, Session],
) -> None:
    a, _b = desks
    rows = _sync(a)
    assert a.inbox is not None
    with pytest.raises(NotAllowed):
        a.inbox.sign_off(rows[-1].kit_id, rows[-1].report_id, DESK)
    a.inbox.mark_for_clinician(rows[-1].kit_id, rows[-1].report_id, DESK)
    assert a.inbox.build(CLINICIAN)[0].report_id == rows[-1].report_id
    with pytest.raises(NotAllowed):
        a.inbox.sign_off_backlog(rows, CLINICIAN)
    recorded: list[tuple[str, str]] = []
    a.inbox.audit = lambda action, **kw: recorded.append((action, kw["report_id"]))
    assert a.inbox.sign_off_backlog(a.inbox.build(ADMIN), ADMIN) == len(rows)
    assert a.inbox.build(ADMIN) == []
    # the bulk action once, then every report it signed off
    assert recorded[0] == ("bulk_sign_off", "")
    assert sorted(recorded[1:]) == sorted(("backlog_sign_off", r.report_id) for r in rows)


def test_the_inbox_survives_a_restart_without_refetching(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    sandbox.seed(30)
    a = _open(sandbox, tmp_path / "desk")
    rows = _sync(a)
    a.close()
    again = _open(sandbox, tmp_path / "desk")
    try:
        assert again.inbox is not None
        assert again.inbox.build(CLINICIAN) == rows
        again.sync.refresh()
        assert again.inbox.refresh() == 0
    finally:
        again.close()
