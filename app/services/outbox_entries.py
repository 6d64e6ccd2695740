"""The Outbox window's rows: what each item's state means in words, and what staff may do."""

from __future__ import annotations

from datetime import datetime

from app.api import models
from app.marks import QT_TRANSLATE_NOOP
from app.services.errors import translate
from app.services.outbox_items import (
    COULDNT_CONFIRM,
    Action,
    OutboxEntry,
    OutboxItem,
    OutboxRecord,
    Stage,
)


def entry_for(record: OutboxRecord, next_attempt: datetime | None) -> OutboxEntry:
    """The row for ``record``; ``next_attempt`` is when the sender tries next if queued."""
    item = record.item
    stage: Stage = item.state
    if item.state == "queued" and item.unconfirmed:
        stage = "confirming"
    actions: set[Action] = set()
    if item.state == "sent":
        actions.add("open")
    elif item.state == "queued":
        actions.add("check" if item.unconfirmed else "retry")
        actions.add("confirm_absent" if item.unconfirmed else "discard")
    elif item.state == "needs_attention":
        if item.unconfirmed:
            actions |= {"check", "confirm_absent"}
        else:
            actions |= {"retry", "discard"}
        if item.attention in ("fix_fields", "problem", "checked_absent", "not_confirmed"):
            actions.add("fix")
    return OutboxEntry(
        item_id=item.item_id,
        stage=stage,
        state_text=state_text(item, stage),
        patient=masked_patient(item.payload.recipient),
        kit_types=item.kit_types,
        attempts=item.attempts,
        last_error=item.last_error,
        next_attempt=next_attempt,
        may_exist=item.unconfirmed and item.state != "sent",
        attention=item.attention,
        order_id=item.order_id,
        field_errors=dict(item.field_errors),
        created=item.created,
        actions=frozenset(actions),
    )


def masked_patient(recipient: models.Recipient) -> str:
    """"Last, First · t•••@example.com": enough for staff to recognise the order, no more."""
    name = f"{recipient.last_name or ''}, {recipient.first_name or ''}".strip(", ")
    email = recipient.email or ""
    local, at, domain = email.partition("@")
    masked = f"{local[:1]}•••{at}{domain}" if at else ""
    return " · ".join(part for part in (name, masked) if part)


_STAGE_TEXT = {
    "queued": QT_TRANSLATE_NOOP("Outbox", "Waiting to be sent"),
    "retrying": QT_TRANSLATE_NOOP("Outbox", "Not sent yet; will try again"),
    "sending": QT_TRANSLATE_NOOP("Outbox", "Sending to Spot…"),
    "confirming": QT_TRANSLATE_NOOP(
        "Outbox", "Waiting to confirm: Spot may already have it; checking before sending again"
    ),
    "sent": QT_TRANSLATE_NOOP("Outbox", "Sent"),
    "fix_fields": QT_TRANSLATE_NOOP("Outbox", "Spot didn't accept the details: fix and resend"),
    "sign_in": QT_TRANSLATE_NOOP("Outbox", "Waiting for you to sign in again"),
    "problem": QT_TRANSLATE_NOOP("Outbox", "Spot refused it: retry or discard"),
    "not_confirmed": COULDNT_CONFIRM,
    "checked_absent": QT_TRANSLATE_NOOP(
        "Outbox", "You checked: it isn't at Spot. Send it again or discard it"
    ),
    "needs_attention": QT_TRANSLATE_NOOP("Outbox", "Needs attention"),
}


def state_text(item: OutboxItem, stage: Stage) -> str:
    key: str = stage
    if stage == "queued" and item.attempts and item.last_error:
        key = "retrying"
    elif stage == "needs_attention" and item.attention:
        key = item.attention
    text = translate("Outbox", _STAGE_TEXT[key])
    if stage == "sent" and item.order_id:
        text = f"{text}: {item.order_id}"
    return text

