"""Lifecycle plans: each kit's and requisition's whole future, decided when it is created.

A plan is a small JSON-able dict of timestamped events (epoch seconds on the sandbox clock),
drawn from an RNG seeded by the server seed and the object's id, so a given kit's fate is
reproducible. What the API shows at sandbox time ``now`` is the plan cut at ``now``; nothing
has to run in the background for the lifecycle to move.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from app.sandbox.catalog import KIT_TYPES, PANELS, Biomarker

DAY = 86400.0
KIT_END = frozenset({"registered", "canceled", "delivery_exception"})
SAMPLE_END = frozenset({"resulted", "canceled", "collection_exception", "delivery_exception"})

Plan = dict[str, Any]
Json = dict[str, Any]

PARTIAL_SHARE = 0.15  # of kits that reach the lab (only kits with more than one result)
AMENDED_SHARE = 0.12  # of the other kits that reach the lab

# Forcible exception paths (POST /sandbox/force).
FORCEABLE = ("delivery_exception", "collection_exception", "canceled", "partially_resulted",
             "amended")


def iso(t: float) -> str:
    stamp = datetime.fromtimestamp(t, UTC)
    return stamp.strftime("%Y-%m-%dT%H:%M:%S.") + f"{stamp.microsecond // 1000:03d}Z"


def kit_rng(rng_seed: int | None, key: str) -> random.Random:
    return random.Random(f"{rng_seed}:{key}")


def new_uuid(rng: random.Random) -> str:
    """A version-4 UUID string drawn from ``rng`` (formatted by hand: seeding 100k is hot)."""
    h = f"{rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}"


def tracking_number(carrier: str, rng: random.Random) -> str:
    """Realistic shapes: USPS 22 digits from 94, UPS 1Z + 16, FedEx 12 digits."""
    if carrier == "usps":
        return f"9400{rng.randrange(10**18):018d}"
    if carrier == "ups":
        shipper = "".join(rng.choices("0123456789ABCDEFGHJKLMNPRSTUVWXYZ", k=6))
        return f"1Z{shipper}{rng.choice(('01', '02', '03', '12'))}{rng.randrange(10**8):08d}"
    return f"{rng.randrange(10**11, 10**12)}"


def _carrier(country: str, rng: random.Random) -> str:
    # USPS does not deliver inside Canada; the enum has no Canada Post.
    if country == "CA":
        return rng.choice(("ups", "fedex"))
    return rng.choices(("usps", "ups", "fedex"), weights=(6, 2, 2))[0]


@dataclass(frozen=True)
class KitState:
    status: str
    sample_status: str
    updated: float
    next_at: float | None
    patient: Json | None


def plan_kit(
    kit_id: str,
    sample_id: str,
    kit_type: str,
    fulfil_at: float,
    recipient: Json,
    rng_seed: int | None,
    fate: str | None = None,
) -> Plan:
    """The kit's full planned lifecycle from fulfilment on.

    Every random draw happens up front in a fixed order, so forcing another fate later keeps
    the timings of the events the kit already went through.
    """
    rng = kit_rng(rng_seed, kit_id)
    country = (recipient.get("address") or {}).get("country", "US")
    durations = [rng.uniform(a, b) * DAY for a, b in (
        (0.3, 1.0), (2.0, 4.0), (0.5, 3.0), (0.5, 2.0), (1.5, 3.0), (0.2, 0.5), (0.3, 1.0),
        (0.5, 1.0), (1.0, 3.0), (1.0, 4.0), (2.0, 4.0),
    )]
    roll = rng.random()
    has_received = rng.random() < 0.8
    has_eqc = rng.random() < 0.15
    partial_roll = rng.random()
    amended_roll = rng.random()
    two_legs = rng.random() < 0.1
    out_carrier = _carrier(country, rng)
    out_tracking = tracking_number(out_carrier, rng)
    back_carrier = _carrier(country, rng)
    back_tracking = [tracking_number(back_carrier, rng) for _ in range(2)]
    report_ids = [new_uuid(rng) for _ in range(3)]
    patient = {
        "patient_id": new_uuid(rng),
        "first_name": recipient.get("first_name", ""),
        "last_name": recipient.get("last_name", ""),
        "date_of_birth": f"{rng.randint(1950, 2004)}-{rng.randint(1, 12):02d}-"
        f"{rng.randint(1, 28):02d}",
        "sex": rng.choice(("M", "F")),
        "email": recipient.get("email", ""),
        "phone": recipient.get("phone", ""),
    }
    if fate is None:
        if roll < 0.04:
            fate = "delivery_exception"
        elif roll < 0.08:
            fate = "collection_exception"
        elif roll < 0.11:
            fate = "sample_delivery_exception"
        # More partial and amended reports than a real lab sends: enough to demo the inbox.
        elif partial_roll < PARTIAL_SHARE:
            fate = "partially_resulted"
        elif amended_roll < AMENDED_SHARE:
            fate = "amended"
        else:
            fate = "normal"
    spec = KIT_TYPES[kit_type]
    if fate == "partially_resulted" and marker_count(list(spec.panels)) < 2:
        fate = "normal"  # nothing to release in parts
    plan: Plan = {
        "ty": kit_type, "sid": sample_id, "st": spec.sample_type, "pn": list(spec.panels),
        "fate": fate, "ev": [], "sh": None, "ss": [], "rg": None, "rp": [],
    }
    ev: list[list[Any]] = plan["ev"]
    t = fulfil_at
    ev.append([t, "k", "preparing"])
    ev.append([t, "s", "awaiting_collection"])
    t += durations[0]
    ev.append([t, "k", "in_transit"])
    plan["sh"] = [t, out_carrier, out_tracking]
    t += durations[1]
    if fate == "delivery_exception":
        ev.append([t, "k", "delivery_exception"])
        ev.append([t, "s", "canceled"])
        return round_times(plan)
    ev.append([t, "k", "delivered"])
    t += durations[2]
    ev.append([t, "k", "registered"])
    plan["rg"] = [t, patient]
    _plan_sample_from(plan, t, durations[3:], fate, has_received, has_eqc, two_legs,
                      back_carrier, back_tracking, report_ids)
    return round_times(plan)


def round_times(plan: Plan) -> Plan:
    """Millisecond times: what the API shows, and much cheaper to store as JSON."""
    plan["ev"] = [[round(e[0], 3), *e[1:]] for e in plan["ev"]]
    if plan.get("sh"):
        plan["sh"][0] = round(plan["sh"][0], 3)
    for leg in plan.get("ss", ()):
        leg[0] = round(leg[0], 3)
    if plan.get("rg"):
        plan["rg"][0] = round(plan["rg"][0], 3)
    for report in plan.get("rp", ()):
        report[0], report[4], report[5] = (round(report[0], 3), round(report[4], 3),
                                           round(report[5], 3))
    return plan


def _plan_sample_from(
    plan: Plan,
    t: float,
    durations: list[float],
    fate: str,
    has_received: bool,
    has_eqc: bool,
    two_legs: bool,
    carrier: str,
    tracking: list[str],
    report_ids: list[str],
) -> None:
    ev: list[list[Any]] = plan["ev"]
    t += durations[0]
    if fate == "collection_exception":
        ev.append([t, "s", "collection_exception"])
        return
    collected = t - 0.1 * DAY
    ev.append([t, "s", "in_transit"])
    plan["ss"].append([t, carrier, tracking[0]])
    if two_legs:
        plan["ss"].append([t + 0.5 * DAY, carrier, tracking[1]])
    t += durations[1]
    if fate == "sample_delivery_exception":
        ev.append([t + DAY, "s", "delivery_exception"])
        return
    ev.append([t, "s", "delivered"])
    received = t
    if has_received:
        t += durations[2]
        ev.append([t, "s", "received"])
    if has_eqc:
        t += durations[3]
        ev.append([t, "s", "extra_quality_checks"])
    if fate == "partially_resulted":
        t += durations[4]
        ev.append([t, "s", "partially_resulted"])
        plan["rp"].append([t, report_ids[0], False, True, collected, received])
    t += durations[5]
    ev.append([t, "s", "resulted"])
    plan["rp"].append([t, report_ids[1], False, False, collected, received])
    if fate == "amended":
        t += durations[6]
        plan["rp"].append([t, report_ids[2], True, False, collected, received])


def plan_times(plan: Plan) -> list[float]:
    times = [e[0] for e in plan["ev"]]
    if plan["sh"]:
        times.append(plan["sh"][0])
    times.extend(s[0] for s in plan["ss"])
    times.extend(r[0] for r in plan["rp"])
    return sorted(times)


def kit_state(plan: Plan, now: float) -> KitState:
    status = "preparing"
    sample_status = "awaiting_collection"
    for t, kind, value in plan["ev"]:
        if t > now:
            break
        if kind == "k":
            status = value
        else:
            sample_status = value
    times = plan_times(plan)
    past = [t for t in times if t <= now]
    future = [t for t in times if t > now]
    patient = plan["rg"][1] if plan["rg"] and plan["rg"][0] <= now else None
    return KitState(
        status=status,
        sample_status=sample_status,
        updated=past[-1] if past else times[0],
        next_at=future[0] if future else None,
        patient=patient,
    )


def kit_completed_at(plan: Plan) -> float | None:
    """When both the kit and its sample reach an end state, if they ever do."""
    kit_end = sample_end = None
    for t, kind, value in plan["ev"]:
        if kind == "k":
            kit_end = t if value in KIT_END else None
        else:
            sample_end = t if value in SAMPLE_END else None
    if kit_end is None or sample_end is None:
        return None
    return max(kit_end, sample_end)


def sort_events(plan: Plan) -> None:
    plan["ev"].sort(key=lambda e: e[0])


def force_kit(plan: Plan, status: str, now: float, rebuild: Any) -> str | None:
    """Apply a forced exception at ``now``; returns an error message if not possible.

    ``rebuild(fate)`` returns a fresh plan for the same kit with another fate.
    """
    state = kit_state(plan, now)
    if status == "canceled":
        if state.status not in ("preparing", "in_transit", "delivered"):
            return f"status: kit in status {state.status} cannot be canceled"
        _cut(plan, now)
        plan["ev"] += [[now, "k", "canceled"], [now, "s", "canceled"]]
        return None
    if status == "delivery_exception":
        if state.status in ("preparing", "in_transit"):
            _cut(plan, now)
            if plan["sh"] is None:
                plan["sh"] = [now, "usps", tracking_number("usps", random.Random(now))]
            plan["ev"] += [[now, "k", "delivery_exception"], [now, "s", "canceled"]]
            return None
        if state.sample_status == "in_transit":
            _cut(plan, now)
            plan["ev"].append([now, "s", "delivery_exception"])
            return None
        return "status: delivery_exception needs a kit or sample in transit"
    if status == "collection_exception":
        if state.status != "registered" or state.sample_status != "awaiting_collection":
            return "status: collection_exception needs a registered kit awaiting collection"
        _cut(plan, now)
        plan["ev"].append([now, "s", "collection_exception"])
        return None
    if status in ("partially_resulted", "amended"):
        if status == "partially_resulted" and marker_count(plan["pn"]) < 2:
            return "status: this kit's panels have a single result; nothing to release in parts"
        if state.sample_status in SAMPLE_END and not (
            status == "amended" and state.sample_status == "resulted"
        ):
            return f"status: sample in status {state.sample_status} cannot become {status}"
        fresh: Plan = rebuild(status)
        if status == "amended" and state.sample_status == "resulted":
            amend = [r for r in fresh["rp"] if r[2]]
            if amend:
                entry = list(amend[0])
                entry[0] = now
                plan["rp"].append(entry)
            return None
        keep = [e for e in plan["ev"] if e[0] <= now]
        plan["ev"] = keep + [e for e in fresh["ev"] if e[0] > now]
        plan["rp"] = [r for r in plan["rp"] if r[0] <= now] + [
            r for r in fresh["rp"] if r[0] > now
        ]
        plan["ss"] = fresh["ss"]
        plan["rg"] = plan["rg"] or fresh["rg"]
        plan["fate"] = status
        return None
    return f"status: must be one of {', '.join(FORCEABLE)}"


def _cut(plan: Plan, now: float) -> None:
    plan["ev"] = [e for e in plan["ev"] if e[0] <= now]
    plan["ss"] = [s for s in plan["ss"] if s[0] <= now]
    plan["rp"] = [r for r in plan["rp"] if r[0] <= now]
    if plan["sh"] and plan["sh"][0] > now:
        plan["sh"] = None
    if plan["rg"] and plan["rg"][0] > now:
        plan["rg"] = None


def activate(plan: Plan, patient: Json, now: float, kit_id: str, rng_seed: int | None) -> None:
    """Register the kit to ``patient`` at ``now``; the sample's journey starts from here."""
    _cut(plan, now)
    plan["ev"].append([now, "k", "registered"])
    plan["rg"] = [now, patient]
    rng = kit_rng(rng_seed, kit_id + ":activated")
    durations = [rng.uniform(a, b) * DAY for a, b in (
        (0.5, 2.0), (1.5, 3.0), (0.2, 0.5), (0.3, 1.0), (0.5, 1.0), (1.0, 3.0), (1.0, 4.0),
    )]
    fate = plan["fate"] if plan["fate"] != "delivery_exception" else "normal"
    carrier = rng.choice(("usps", "ups", "fedex"))
    _plan_sample_from(plan, now, durations, fate, rng.random() < 0.8, rng.random() < 0.15,
                      False, carrier, [tracking_number(carrier, rng) for _ in range(2)],
                      [new_uuid(rng) for _ in range(3)])


def _markers(panels: list[str]) -> list[Biomarker]:
    markers: list[Biomarker] = []
    for panel in panels:
        for marker in PANELS.get(panel, ()):
            if marker not in markers:
                markers.append(marker)
    return markers


def marker_count(panels: list[str]) -> int:
    return len(_markers(panels))


def _value(marker: Biomarker, rng: random.Random) -> float | int | str:
    if marker.result_type == "reactivity":
        return "positive" if rng.random() < 0.08 else "negative"
    value = rng.gauss(marker.mean, marker.sd)
    floor = 0.1 if marker.decimals else 1.0
    value = max(value, floor)
    if marker.detection_limit is not None and value < marker.detection_limit:
        return f"<{marker.detection_limit:g}"
    if marker.decimals:
        return round(value, marker.decimals)
    return round(value)


def _corrected_value(marker: Biomarker, old: float | int | str,
                     rng: random.Random) -> float | int | str:
    """A value for the amended result that differs from the one first reported."""
    for _ in range(20):
        value = _value(marker, rng)
        if value != old:
            return value
    if marker.result_type == "reactivity":
        return "positive" if old == "negative" else "negative"
    if isinstance(old, str):  # below the detection limit every time: report just above it
        return round(marker.detection_limit or 1.0) + 1
    step = 10 ** -marker.decimals if marker.decimals else 1
    return round(old + step, marker.decimals) if marker.decimals else old + 1


def results(
    panels: list[str], seed_key: str, rng_seed: int | None, collected: float,
    *, partial: bool, amended: bool,
) -> list[Json]:
    markers = _markers(panels)
    rng = kit_rng(rng_seed, seed_key + ":results")
    values = [_value(m, rng) for m in markers]
    amend_index = rng.randrange(len(markers)) if markers else 0
    if partial:
        markers = markers[: max(1, len(markers) // 2)]
    out: list[Json] = []
    for index, marker in enumerate(markers):
        value = values[index]
        comment = None
        quantity = marker.result_type == "quantity"
        if amended and index == amend_index:
            value = _corrected_value(marker, values[index], rng)
            was = f"{values[index]} {marker.unit}" if quantity else str(values[index])
            comment = f"Amended: previously reported as {was}; corrected after lab review"
        out.append({
            "result_type": marker.result_type,
            "name": marker.name,
            "time_collected": iso(collected),
            "result": value,
            "unit_of_measure": marker.unit if quantity else None,
            "range_minimum": marker.low if quantity else None,
            "range_maximum": marker.high if quantity else None,
            "comments": comment,
        })
    return out


def report_json(
    entry: list[Any], panels: list[str], seed_key: str, rng_seed: int | None, base_url: str,
) -> Json:
    _t, report_id, is_amendment, partial, collected, received = entry
    return {
        "report_id": report_id,
        "results": results(panels, seed_key, rng_seed, collected, partial=partial,
                           amended=is_amendment),
        "date_collected": iso(collected),
        "date_received": iso(received),
        "is_amendment": is_amendment,
        "pdf": f"{base_url}/sandbox/reports/{report_id}.pdf",
        "txt": f"{base_url}/sandbox/reports/{report_id}.txt",
    }


def kit_json(
    kit_id: str, plan: Plan, now: float, metadata: Any, rng_seed: int | None, base_url: str,
) -> Json:
    kit_events = [e for e in plan["ev"] if e[0] <= now]
    state = kit_state(plan, now)
    sh = plan["sh"]
    return {
        "kit_id": kit_id,
        "type": plan["ty"],
        "status": state.status,
        "events": [{"status": v, "created": iso(t)} for t, k, v in kit_events if k == "k"],
        "shipment_to_customer": (
            {"tracking_number": sh[2], "carrier": sh[1], "created": iso(sh[0])}
            if sh and sh[0] <= now else None
        ),
        "registered_to": state.patient,
        "sample": {
            "sample_id": plan["sid"],
            "status": state.sample_status,
            "events": [{"status": v, "created": iso(t)} for t, k, v in kit_events if k == "s"],
            "type": plan["st"],
            "shipments": [
                {"tracking_number": s[2], "carrier": s[1], "created": iso(s[0])}
                for s in plan["ss"] if s[0] <= now
            ],
            "panels": plan["pn"],
            "reports": [
                report_json(r, plan["pn"], kit_id, rng_seed, base_url)
                for r in plan["rp"] if r[0] <= now
            ],
        },
        "metadata": metadata,
    }


# --- requisitions -------------------------------------------------------------------------


def plan_requisition(
    requisition_id: str, created: float, approved: bool, has_tracking: bool,
    rng_seed: int | None,
) -> Plan:
    rng = kit_rng(rng_seed, requisition_id)
    durations = [rng.uniform(a, b) * DAY for a, b in (
        (1.5, 3.0), (0.3, 1.0), (0.3, 1.0), (1.0, 3.0), (1.0, 4.0), (2.0, 4.0),
    )]
    roll = rng.random()
    has_eqc = rng.random() < 0.15
    report_ids = [new_uuid(rng) for _ in range(2)]
    ev: list[list[Any]] = [[created, "created"], [created, "approved" if approved else "denied"]]
    plan: Plan = {"ev": ev, "rp": []}
    if not approved:
        return plan
    t = created
    if has_tracking:
        t += durations[0]
        if roll < 0.05:
            ev.append([t, "delivery_exception"])
            return plan
        ev.append([t, "delivered"])
        t += durations[1]
    else:
        t += durations[5]
    received = t
    ev.append([t, "received"])
    if has_eqc:
        t += durations[2]
        ev.append([t, "extra_quality_checks"])
    t += durations[3]
    if 0.05 <= roll < 0.10:
        ev.append([t, "rejected"])
        return plan
    ev.append([t, "resulted"])
    plan["rp"].append([t, report_ids[0], False, False, created, received])
    if 0.10 <= roll < 0.15:
        plan["rp"].append([t + durations[4], report_ids[1], True, False, created, received])
    return plan


def requisition_state(plan: Plan, now: float) -> tuple[str, float, float | None]:
    """(status, updated, next_at) at ``now``."""
    times = sorted([e[0] for e in plan["ev"]] + [r[0] for r in plan["rp"]])
    status = "created"
    for t, event in plan["ev"]:
        if t <= now:
            status = event
    past = [t for t in times if t <= now]
    future = [t for t in times if t > now]
    return status, (past[-1] if past else times[0]), (future[0] if future else None)
