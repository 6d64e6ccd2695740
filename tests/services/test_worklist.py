"""Unreturned kits: the rules on a fake clock, and the contact log every desk sees."""

from __future__ import annotations

import csv
import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.api import SpotClient, models
from app.sandbox import SandboxServer
from app.services.acting import Actor, WorkstationActor
from app.services.audit import AuditAction
from app.services.contact_log import CONTACT_LOG_KEY, add_contact, log_contact, read_contact_log
from app.services.order_import import LANGUAGE_KEY
from app.services.order_rules import OrderInfo, OrderRow, build_row
from app.services.worklist import (
    WorklistService,
    WorklistThresholds,
    build_worklist,
    export_worklist,
)
from tests.helpers.imports import delivered_kit_on
from tests.helpers.staff import FakeClock, admin_and_desk, make_workstation

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
RULES = WorklistThresholds()  # 10 / 7 / 10 days


def iso(days_ago: float) -> str:
    return (NOW - timedelta(days=days_ago)).isoformat()


def kit(kit_id: str, status: str, kit_events: list[tuple[str, float]],
        sample: tuple[str, list[tuple[str, float]]] | None = None,
        contacts: list[dict[str, str]] | None = None) -> models.Kit:  # fmt: skip
    raw: dict[str, Any] = {
        "kit_id": kit_id, "type": "health_kit_1", "status": status,
        "events": [{"status": s, "created": iso(d)} for s, d in kit_events],
    }  # fmt: skip
    if sample is not None:
        raw["sample"] = {"status": sample[0],
                         "events": [{"status": s, "created": iso(d)} for s, d in sample[1]]}
    if contacts is not None:
        raw["metadata"] = {CONTACT_LOG_KEY: contacts, "other_key": "kept"}
    return models.Kit.model_validate(raw)


def order_row(order_id: str = "ord_1") -> OrderRow:
    info = OrderInfo(order_id, "in_progress", "Ann", "Testperson", "ann.t@example.com",
                     "4155550142", "MA", "US", NOW - timedelta(days=40), NOW)  # fmt: skip
    return build_row(info, [])


def reasons(kits: list[models.Kit], now: datetime = NOW) -> dict[str, tuple[str, int]]:
    items = build_worklist([(k, order_row(), None) for k in kits], now, RULES)
    return {item.kit_id: (item.reason, item.days_waiting) for item in items}


def test_each_rule_starts_counting_from_its_own_event() -> None:
    kits = [
        kit("K_DELIV_11", "delivered", [("in_transit", 14), ("delivered", 11)]),
        kit("K_DELIV_9", "delivered", [("delivered", 9)]),
        kit("K_REG_8", "registered", [("delivered", 30), ("registered", 8)],
            ("awaiting_collection", [])),
        kit("K_REG_6", "registered", [("registered", 6)], ("awaiting_collection", [])),
        kit("K_TRANSIT_12", "registered", [("registered", 20)],
            ("in_transit", [("in_transit", 12)])),
        kit("K_TRANSIT_3", "registered", [("registered", 20)], ("in_transit", [("in_transit", 3)])),
        kit("K_AT_LAB", "registered", [("registered", 40)], ("received", [("received", 30)])),
        kit("K_EXC", "delivery_exception", [("delivery_exception", 1)]),
        kit("K_COLL", "registered", [("registered", 5)],
            ("collection_exception", [("collection_exception", 2)])),
    ]  # fmt: skip
    assert reasons(kits) == {
        "K_EXC": ("exception", 1),
        "K_COLL": ("exception", 2),
        "K_TRANSIT_12": ("sample_in_transit", 12),
        "K_DELIV_11": ("delivered_not_registered", 11),
        "K_REG_8": ("registered_no_sample", 8),
    }
    # Two days later the kits that were within their limits are overdue too.
    later = reasons(kits, NOW + timedelta(days=2))
    assert later["K_DELIV_9"] == ("delivered_not_registered", 11)
    assert later["K_REG_6"] == ("registered_no_sample", 8)
    assert "K_TRANSIT_3" not in later
    assert "K_AT_LAB" not in later


def test_thresholds_come_from_settings() -> None:
    kits = [kit("K", "delivered", [("delivered", 5)])]
    strict = WorklistThresholds(delivered_not_registered_days=3)
    items = build_worklist([(k, order_row(), None) for k in kits], NOW, strict)
    assert [(i.kit_id, i.days_waiting) for i in items] == [("K", 5)]
    assert build_worklist([(k, order_row(), None) for k in kits], NOW, RULES) == []


def test_declined_or_closed_takes_a_kit_off_and_a_follow_up_clears_an_exception() -> None:
    called = {"id": "1", "when": iso(3), "outcome": "called", "note": "no answer",
              "staff": "Desk 1"}  # fmt: skip
    declined = {"id": "2", "when": iso(2), "outcome": "declined", "note": "", "staff": "Desk 1"}
    closed = {"id": "3", "when": iso(2), "outcome": "closed", "note": "", "staff": "Desk 2"}
    kits = [
        kit("K_CALLED", "delivered", [("delivered", 20)], contacts=[called]),
        kit("K_DECLINED", "delivered", [("delivered", 20)], contacts=[called, declined]),
        kit("K_CLOSED", "delivered", [("delivered", 20)], contacts=[closed]),
        # Called 3 days ago about an exception that happened 1 day ago: not followed up yet.
        kit("K_EXC_NEW", "delivery_exception", [("delivery_exception", 1)], contacts=[called]),
        kit("K_EXC_DONE", "delivery_exception", [("delivery_exception", 5)], contacts=[called]),
    ]
    items = build_worklist([(k, order_row(), None) for k in kits], NOW, RULES)
    assert [i.kit_id for i in items] == ["K_EXC_NEW", "K_CALLED"]
    last = items[1].last_contact
    assert last is not None
    assert (last.outcome, last.note, last.staff) == ("called", "no answer", "Desk 1")


def test_worklist_export_for_the_phone_team(tmp_path: Path) -> None:
    called = {"id": "1", "when": iso(3), "outcome": "left_message", "note": "voicemail",
              "staff": "Desk 1"}  # fmt: skip
    items = build_worklist(
        [(kit("K1", "delivered", [("delivered", 12)], contacts=[called]), order_row(), None)],
        NOW, RULES,
    )
    out = tmp_path / "worklist.csv"
    export_worklist(items, out)
    with open(out, "rb") as handle:
        rows = list(csv.reader(handle.read().decode("utf-8-sig").splitlines()))
    assert rows[0][:3] == ["First name", "Last name", "Phone"]
    assert rows[1] == ["Ann", "Testperson", "4155550142", "ann.t@example.com", "K1",
                       "health_kit_1", "Delivered, not registered", "12", "Left message",
                       (NOW - timedelta(days=3)).date().isoformat(), "voicemail"]  # fmt: skip


@pytest.fixture
def delivered_kit(sandbox: SandboxServer) -> str:
    with SpotClient(sandbox.base_url, sandbox.token) as client:
        _order_id, kit_id = delivered_kit_on(sandbox)
        client.update_kit_metadata(kit_id, {"clinic_note": "keep me"})
    return kit_id


def test_a_contact_logged_at_one_desk_is_seen_at_another(
    sandbox: SandboxServer, delivered_kit: str
) -> None:
    desk1 = SpotClient(sandbox.base_url, sandbox.token)
    desk2 = SpotClient(sandbox.base_url, sandbox.token)
    try:
        add_contact(desk1, delivered_kit, "called", "No answer", "Desk 1")
        log = add_contact(desk2, delivered_kit, "left_message", "Voicemail", "Desk 2")
        assert [(e.outcome, e.staff) for e in log] == [("called", "Desk 1"),
                                                        ("left_message", "Desk 2")]
        seen = desk1.get_kit(delivered_kit).metadata or {}
        assert [e.note for e in read_contact_log(seen)] == ["No answer", "Voicemail"]
        assert seen["clinic_note"] == "keep me"  # other keys survive the replace
    finally:
        desk1.close()
        desk2.close()


def test_a_write_lost_to_another_desk_is_tried_again(
    sandbox: SandboxServer, delivered_kit: str
) -> None:
    class RacingClient(SpotClient):
        """Another desk overwrites the metadata right after our first write."""

        raced = False

        def update_kit_metadata(self, kit_id: str, metadata: dict[str, Any]) -> models.Kit:
            written = super().update_kit_metadata(kit_id, metadata)
            if not self.raced:
                self.raced = True
                super().update_kit_metadata(kit_id, {"clinic_note": "other desk"})
            return written

    with RacingClient(sandbox.base_url, sandbox.token) as client:
        log = add_contact(client, delivered_kit, "letter_sent", "", "Desk 1")
    assert [e.outcome for e in log] == ["letter_sent"]


def test_the_service_lists_a_synced_kit_with_its_contacts_and_language(
    sandbox: SandboxServer,
) -> None:
    order_id, kit_id = delivered_kit_on(sandbox, {LANGUAGE_KEY: "fr"})
    with SpotClient(sandbox.base_url, sandbox.token) as client:
        add_contact(client, kit_id, "called", "", "Desk 1")
        kit_model = client.get_kit(kit_id)
        service = WorklistService(lambda: client)
        info = OrderInfo(order_id, "in_progress", "Ann", "Testperson", "ann.t@example.com",
                         "4155550142", "MA", "US", NOW, NOW)  # fmt: skip
        row = build_row(info, [])
        row.kit_ids = (kit_id,)
        row.kit_types = ("health_kit_1",)
        row.kit_statuses = ("delivered",)
        row.sample_statuses = ("awaiting_collection",)
        delivered_at = max(e.created for e in kit_model.events if e.created is not None)
        items = service.build([row], now=delivered_at + timedelta(days=11))
    assert [(i.kit_id, i.reason, i.days_waiting, i.language) for i in items] == [
        (kit_id, "delivered_not_registered", 11, "fr")
    ]
    assert items[0].last_contact is not None


def test_a_contact_attempt_names_the_signed_in_staff_and_is_audited(
    sandbox: SandboxServer, delivered_kit: str, tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Issue 19: the contact log carries the staff member as "ordered by" does (initials and
    staff id, never a PIN or the computer's user), and the attempt is in the audit trail
    with its outcome; the note stays in Spot only."""
    ws = make_workstation(tmp_path, FakeClock())
    _ana, fay = admin_and_desk(ws)
    ws.sign_in(fay.staff_id, "5802")
    staff = WorkstationActor(ws)
    actor = staff.actor()
    assert actor == Actor("FD", fay.staff_id)
    caplog.set_level(logging.DEBUG)
    with SpotClient(sandbox.base_url, sandbox.token) as client:
        log = log_contact(client, delivered_kit, "O-77", "left_message", "Spoke to Ann's Zebulon",
                          staff, actor)
        raw = (client.get_kit(delivered_kit).metadata or {})[CONTACT_LOG_KEY]
    assert [(e.staff, e.staff_id) for e in log] == [("FD", fay.staff_id)]
    assert (raw[0]["staff"], raw[0]["staff_id"]) == ("FD", fay.staff_id)
    assert "5802" not in str(raw)
    record = ws.audit.records()[-1]
    assert (record.action, record.staff_id, dict(record.ids), record.detail, record.note) == (
        AuditAction.CONTACT_ATTEMPT, fay.staff_id, {"kit": delivered_kit, "order": "O-77"},
        "left_message", "")
    assert "Zebulon" not in caplog.text
    ws.lock()
    assert staff.actor() is None  # nobody logs a contact behind the lock
