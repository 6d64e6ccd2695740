"""The contact log of an unreturned kit, kept in the kit's Spot metadata so every desk sees it.

Spot's metadata update replaces the whole object, so adding an entry reads the kit, merges
the entry into what is there now (other keys and other desks' entries kept), writes, and reads
back; if another desk's write replaced ours in between, it tries again. Notes may hold patient
details: they go to Spot only, never into a log line or the audit trail. Each entry names the
staff member as an order's "ordered by" does (initials and staff id); `log_contact` also
records the attempt in the audit trail, its outcome as the detail.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final, Protocol

from app.api import models
from app.marks import QT_TRANSLATE_NOOP
from app.services.acting import ActingStaff, Actor, record
from app.services.audit import DETAILS, AuditAction, ObjectKind
from app.services.errors import ServiceError

__all__ = [
    "CLOSING_OUTCOMES",
    "CONTACT_LOG_KEY",
    "OUTCOMES",
    "ContactEntry",
    "ContactNotSaved",
    "add_contact",
    "log_contact",
    "read_contact_log",
]

logger = logging.getLogger(__name__)

CONTACT_LOG_KEY: Final = "frontdesk_contact_log"
OUTCOMES: Final = {
    "called": QT_TRANSLATE_NOOP("Contact", "Called"),
    "left_message": QT_TRANSLATE_NOOP("Contact", "Left message"),
    "letter_sent": QT_TRANSLATE_NOOP("Contact", "Letter sent"),
    "email_sent": QT_TRANSLATE_NOOP("Contact", "Email sent"),
    "declined": QT_TRANSLATE_NOOP("Contact", "Patient declined"),
    "closed": QT_TRANSLATE_NOOP("Contact", "Closed"),
    "other": QT_TRANSLATE_NOOP("Contact", "Other"),
}
CLOSING_OUTCOMES: Final = frozenset({"declined", "closed"})  # take the kit off the worklist
WRITE_ATTEMPTS: Final = 3


class KitMetadataClient(Protocol):
    def get_kit(self, kit_id: str) -> models.Kit: ...

    def update_kit_metadata(self, kit_id: str, metadata: dict[str, Any]) -> models.Kit: ...


class ContactNotSaved(ServiceError):
    default_title = QT_TRANSLATE_NOOP("Errors", "The contact attempt was not saved")
    default_advice = QT_TRANSLATE_NOOP(
        "Errors", "Another desk was changing this kit at the same time. Try again."
    )


@dataclass(frozen=True, slots=True)
class ContactEntry:
    """One attempt. ``outcome`` is one of OUTCOMES, or whatever another client wrote (shown
    as-is); ``when`` is None when the stored date can't be read."""

    entry_id: str
    when: datetime | None
    outcome: str
    note: str
    staff: str  # initials, as "ordered by" shows them (never a PIN)
    staff_id: str = ""  # the staff profile's id, when staff sign in

    @property
    def closes(self) -> bool:
        return self.outcome in CLOSING_OUTCOMES

    def as_json(self) -> dict[str, str]:
        out = {
            "id": self.entry_id,
            "when": self.when.isoformat() if self.when else "",
            "outcome": self.outcome,
            "note": self.note,
            "staff": self.staff,
        }
        if self.staff_id:
            out["staff_id"] = self.staff_id
        return out


def _entry(raw: object) -> ContactEntry | None:
    if not isinstance(raw, Mapping):
        return None
    when: datetime | None = None
    text = raw.get("when")
    if isinstance(text, str) and text:
        try:
            when = datetime.fromisoformat(text)
        except ValueError:
            when = None
        if when is not None and when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
    return ContactEntry(
        entry_id=str(raw.get("id") or ""),
        when=when,
        outcome=str(raw.get("outcome") or "other"),
        note=str(raw.get("note") or ""),
        staff=str(raw.get("staff") or ""),
        staff_id=str(raw.get("staff_id") or ""),
    )


def read_contact_log(metadata: Mapping[str, Any] | None) -> list[ContactEntry]:
    """The entries in a kit's metadata, oldest first; anything unreadable is skipped."""
    raw = (metadata or {}).get(CONTACT_LOG_KEY)
    if not isinstance(raw, list):
        return []
    entries = [entry for entry in map(_entry, raw) if entry is not None]
    epoch = datetime.min.replace(tzinfo=UTC)
    return sorted(entries, key=lambda e: e.when or epoch)


def add_contact(
    client: KitMetadataClient,
    kit_id: str,
    outcome: str,
    note: str,
    staff: str,
    *,
    staff_id: str = "",
    now: datetime | None = None,
) -> list[ContactEntry]:
    """Add one attempt to the kit's log (read, merge, write, read back); returns the log as
    Spot holds it afterwards. ``staff`` is the staff member's initials and ``staff_id`` their
    profile (as an order's "ordered by"). Blocking: call off the GUI thread."""
    entry = ContactEntry(uuid.uuid4().hex, now or datetime.now(UTC), outcome, note.strip(), staff,
                         staff_id)
    for attempt in range(1, WRITE_ATTEMPTS + 1):
        kit = client.get_kit(kit_id)
        metadata = dict(kit.metadata or {})
        raw = metadata.get(CONTACT_LOG_KEY)
        entries = list(raw) if isinstance(raw, list) else []
        if not any(isinstance(e, Mapping) and e.get("id") == entry.entry_id for e in entries):
            entries.append(entry.as_json())
        metadata[CONTACT_LOG_KEY] = entries
        client.update_kit_metadata(kit_id, metadata)
        log = read_contact_log(client.get_kit(kit_id).metadata)
        if any(e.entry_id == entry.entry_id for e in log):
            logger.info("contact attempt recorded on kit %s (%s)", kit_id, outcome)
            return log
        logger.warning("contact attempt on kit %s overwritten (attempt %d)", kit_id, attempt)
    raise ContactNotSaved()


def log_contact(
    client: KitMetadataClient, kit_id: str, order_id: str, outcome: str, note: str,
    staff: ActingStaff, actor: Actor, *, now: datetime | None = None,
) -> list[ContactEntry]:
    """Add a contact attempt to the kit's Spot metadata under ``actor`` (initials and staff
    id) and record it in the audit trail, the outcome as its detail (the note stays in Spot:
    the trail takes no free text there). Blocking."""
    entries = add_contact(client, kit_id, outcome, note, actor.initials,
                          staff_id=actor.staff_id, now=now)
    ids = {ObjectKind.KIT: kit_id}
    if order_id:
        ids[ObjectKind.ORDER] = order_id
    detail = outcome if outcome in OUTCOMES and outcome in DETAILS else "other"
    record(staff, AuditAction.CONTACT_ATTEMPT, ids, detail, actor)
    return entries
