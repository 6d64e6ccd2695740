"""Hand-outs and labels built from what Spot returns (orders, kits, requisitions)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from app.api import models
from app.services.printing.handout import Handout, HandoutKit
from app.services.printing.labels import Label, kit_label, order_label, requisition_label

__all__ = [
    "handout_for_kit",
    "handout_for_order",
    "labels_for_order",
    "labels_for_requisition",
    "person_name",
]


def person_name(first: str | None, last: str | None) -> str:
    return " ".join(part.strip() for part in (first, last) if part and part.strip())


def _order_kits(order: models.Order) -> tuple[HandoutKit, ...]:
    kits = [HandoutKit(kit.type or "", kit.kit_id) for kit in order.kits]
    # Kit types ordered but not assigned a kit yet still belong on the hand-out.
    assigned = [kit.kit_type for kit in kits]
    for kit_type in order.kit_types:
        if kit_type in assigned:
            assigned.remove(kit_type)
        else:
            kits.append(HandoutKit(kit_type))
    return tuple(kits)


def handout_for_order(order: models.Order) -> Handout:
    """The hand-out for an order that Spot ships to the patient."""
    recipient = order.recipient or models.Recipient()
    return Handout(
        patient_name=person_name(recipient.first_name, recipient.last_name),
        order_id=order.order_id,
        kits=_order_kits(order),
    )


def handout_for_kit(kit: models.Kit, order_id: str | None = None) -> Handout:
    """The hand-out for a kit registered at the counter: the patient leaves with it."""
    patient = kit.registered_to or models.RegisteredPatient()
    return Handout(
        patient_name=person_name(patient.first_name, patient.last_name),
        order_id=order_id,
        kits=(HandoutKit(kit.type or "", kit.kit_id),),
        handed_over=True,
    )


def labels_for_order(
    order: models.Order, catalog: Mapping[str, str], on: date
) -> list[Label]:
    """An order label, then a kit label for each kit Spot has assigned."""
    recipient = order.recipient or models.Recipient()
    name = person_name(recipient.first_name, recipient.last_name)
    kit_types = order.kit_types or [kit.type for kit in order.kits if kit.type]
    labels = [order_label(order.order_id, name, [catalog.get(t, t) for t in kit_types], on)]
    for kit in order.kits:
        patient = kit.registered_to
        kit_name = person_name(patient.first_name, patient.last_name) if patient else ""
        dob = patient.date_of_birth if patient else None
        labels.append(kit_label(kit.kit_id, kit_name or name, dob, on))
    return labels


def labels_for_requisition(requisition: models.Requisition) -> list[Label]:
    patient = requisition.patient or models.RequisitionPatient()
    return [
        requisition_label(
            requisition.barcode or requisition.requisition_id,
            person_name(patient.first_name, patient.last_name),
            patient.date_of_birth,
            requisition.lab or "",
            requisition.requisition_id,
        )
    ]
