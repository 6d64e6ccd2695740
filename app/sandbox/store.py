"""The sandbox's state in SQLite, and the sandbox clock.

Lifecycle plans are stored with each kit, order and requisition; ``refresh(now)`` copies the
state they imply at ``now`` into indexed columns (status, updated) so list filters and sorting
run in SQL. Only rows whose next planned event is due are touched, so refreshing is cheap.
One connection guarded by one lock: simple and safe under the threaded HTTP server.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterable
from typing import Any

from app.sandbox import lifecycle
from app.sandbox.catalog import (
    FIRST_NAMES,
    KIT_TYPES,
    LAST_NAMES,
    PLACES,
    STREETS,
)
from app.sandbox.lifecycle import DAY, Json, Plan
from app.sandbox.records import (
    ReportRecords,
    _dumps,
    _lower,
    _not_in,
)


def _scramble(counter: int, modulus: int, offset: int) -> int:
    # 7919 is coprime with powers of ten, so this is a bijection: unique, non-sequential ids.
    return (counter * 7919 + offset) % modulus


class Store(ReportRecords):
    """Orders, kits, their lifecycle, reports and seeding; requisitions come from the base."""


    def _order_ids(self, count: int) -> list[str]:
        first = self._next_counter("order_counter", count)
        return [f"O{_scramble(n, 10**7, 1234567):07d}" for n in range(first, first + count)]

    def _spot_ids(self, count: int) -> list[str]:
        first = self._next_counter("spot_counter", count)
        return [f"SPOT{_scramble(n, 10**6, 123457):06d}" for n in range(first, first + count)]

    def order_count(self) -> int:
        with self.lock:
            return int(self.conn.execute("SELECT COUNT(*) FROM orders").fetchone()[0])

    def reset(self) -> None:
        with self.lock, self.conn:
            for table in ("orders", "kits", "requisitions", "patients", "reports", "meta"):
                self.conn.execute(f"DELETE FROM {table}")

    # --- orders ----------------------------------------------------------------------------

    def _build_order(
        self, order_id: str, kit_ids: list[str], data: Json, created: float,
        fulfil_at: float | None, cancel_at: float | None, now: float,
    ) -> tuple[tuple[Any, ...], list[tuple[Any, ...]], list[tuple[Any, ...]],
               list[tuple[Any, ...]]]:
        recipient = data["recipient"]
        kit_types: list[str] = data["kit_types"]
        kit_rows: list[tuple[Any, ...]] = []
        report_rows: list[tuple[Any, ...]] = []
        patient_rows: list[tuple[Any, ...]] = []
        plans: list[Plan] = []
        if fulfil_at is not None:
            for index, kit_type in enumerate(kit_types):
                kit_id, sample_id = kit_ids[2 * index], kit_ids[2 * index + 1]
                plan = lifecycle.plan_kit(
                    kit_id, sample_id, kit_type, fulfil_at, recipient, self.rng_seed
                )
                plans.append(plan)
                kit_rows.append(self._kit_row(kit_id, order_id, recipient, plan, now))
                report_rows.extend(("kit", kit_id, r[1], r[0]) for r in plan["rp"])
                if plan["rg"]:
                    patient_rows.append((plan["rg"][1]["patient_id"], _dumps(plan["rg"][1])))
        order_plan = self._order_plan(fulfil_at, cancel_at, plans)
        status, updated, next_at = self._order_state(order_plan, created, None, now)
        order_row = (
            order_id, created, updated, status, next_at, _lower(recipient.get("email")),
            _lower(recipient.get("first_name")), _lower(recipient.get("last_name")),
            recipient.get("phone"), _dumps(recipient), _dumps(kit_types),
            _dumps(data.get("metadata")), _dumps(order_plan),
        )
        return order_row, kit_rows, report_rows, patient_rows

    def _kit_row(
        self, kit_id: str, order_id: str | None, recipient: Json, plan: Plan, now: float,
    ) -> tuple[Any, ...]:
        state = lifecycle.kit_state(plan, now)
        patient = state.patient or {}
        return (
            kit_id, order_id, plan["ty"], plan["ev"][0][0], state.updated, state.status,
            state.sample_status, state.next_at, _lower(recipient.get("email")),
            _lower(recipient.get("first_name")), _lower(recipient.get("last_name")),
            recipient.get("phone"), _lower(patient.get("email")),
            _lower(patient.get("first_name")), _lower(patient.get("last_name")),
            patient.get("phone"), _dumps(plan),
        )

    @staticmethod
    def _order_plan(
        fulfil_at: float | None, cancel_at: float | None, plans: list[Plan],
    ) -> Json:
        changes: set[float] = set()
        for plan in plans:
            changes.update(lifecycle.plan_times(plan))
        if fulfil_at is not None:
            changes.add(fulfil_at)
        if cancel_at is not None:
            changes.add(cancel_at)
        completions = [lifecycle.kit_completed_at(p) for p in plans]
        completed_at = (
            max(c for c in completions if c is not None)
            if plans and all(c is not None for c in completions) else None
        )
        return {"fulfil_at": fulfil_at, "cancel_at": cancel_at, "completed_at": completed_at,
                "changes": sorted(changes)}

    @staticmethod
    def _order_state(
        plan: Json, created: float, meta_updated: float | None, now: float,
    ) -> tuple[str, float, float | None]:
        cancel_at, fulfil_at, done = plan["cancel_at"], plan["fulfil_at"], plan["completed_at"]
        if cancel_at is not None and cancel_at <= now:
            status = "canceled"
        elif fulfil_at is None or now < fulfil_at:
            status = "pending"
        elif done is not None and done <= now:
            status = "completed"
        else:
            status = "in_progress"
        past = [t for t in plan["changes"] if t <= now]
        future = [t for t in plan["changes"] if t > now]
        if status == "canceled":
            future = []
        updated = max([created, meta_updated or created, *past[-1:]])
        return status, updated, (future[0] if future else None)

    def _insert_orders(
        self, rows: Iterable[tuple[tuple[Any, ...], list[tuple[Any, ...]],
                                   list[tuple[Any, ...]], list[tuple[Any, ...]]]],
    ) -> None:
        orders, kits, reports, patients = [], [], [], []
        for order_row, kit_rows, report_rows, patient_rows in rows:
            orders.append(order_row)
            kits.extend(kit_rows)
            reports.extend(report_rows)
            patients.extend(patient_rows)
        self.conn.executemany(
            "INSERT INTO orders (order_id, created, updated, status, next_at, email, "
            "first_name, last_name, phone, recipient, kit_types, metadata, plan) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", orders,
        )
        self.conn.executemany(
            "INSERT INTO kits (kit_id, order_id, kit_type, created, updated, status, "
            "sample_status, next_at, r_email, r_first, r_last, r_phone, p_email, p_first, "
            "p_last, p_phone, plan) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            kits,
        )
        self.conn.executemany(
            "INSERT INTO reports (kind, owner_id, report_id, available_at) VALUES (?, ?, ?, ?)",
            reports,
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO patients (patient_id, doc) VALUES (?, ?)", patients
        )

    def create_order(self, data: Json, now: float) -> str:
        has_address = bool(data["recipient"].get("address"))
        with self.lock, self.conn:
            order_id = self._order_ids(1)[0]
            rng = lifecycle.kit_rng(self.rng_seed, order_id)
            # Spot fulfils within hours; an order without an address cannot ship (inferred).
            fulfil_at = now + rng.uniform(0.1, 0.5) * DAY if has_address else None
            kit_ids = self._spot_ids(2 * len(data["kit_types"])) if has_address else []
            self._insert_orders(
                [self._build_order(order_id, kit_ids, data, now, fulfil_at, None, now)]
            )
        return order_id

    def order_json(self, order_id: str, now: float, base_url: str) -> Json | None:
        with self.lock:
            self.refresh(now)
            row = self.conn.execute(
                "SELECT order_id, status, recipient, kit_types, created, updated, metadata "
                "FROM orders WHERE order_id = ?", (order_id,),
            ).fetchone()
            if row is None:
                return None
            kits = self.conn.execute(
                "SELECT kit_id, plan, metadata FROM kits WHERE order_id = ? AND created <= ? "
                "ORDER BY seq", (order_id, now),
            ).fetchall()
        return {
            "order_id": row[0],
            "status": row[1],
            "recipient": json.loads(row[2]),
            "kit_types": json.loads(row[3]),
            "kits": [
                lifecycle.kit_json(k[0], json.loads(k[1]), now, json.loads(k[2] or "null"),
                                   self.rng_seed, base_url)
                for k in kits
            ],
            "created": lifecycle.iso(row[4]),
            "updated": lifecycle.iso(row[5]),
            "metadata": json.loads(row[6] or "null"),
        }

    def update_order_metadata(self, order_id: str, metadata: Any, now: float) -> bool:
        with self.lock, self.conn:
            touch = self.conn.execute("SELECT COALESCE(MAX(touch), 0) + 1 FROM orders")
            cursor = self.conn.execute(
                "UPDATE orders SET metadata = ?, meta_updated = ?, updated = MAX(updated, ?), "
                "touch = ? WHERE order_id = ?",
                (_dumps(metadata), now, now, touch.fetchone()[0], order_id),
            )
            return cursor.rowcount == 1

    def list_orders(self, query: dict[str, Any], results: int, offset: int,
                    now: float, hidden: frozenset[str] = frozenset()) -> list[Json]:
        extra, extra_params = _not_in("order_id", hidden)
        where, params = self._where(query, {
            "email": "email = ?", "first_name": "first_name = ?", "last_name": "last_name = ?",
            "phone": "phone = ?", "status": "status = ?",
        }, extra, extra_params)
        with self.lock:
            self.refresh(now)
            rows = self.conn.execute(
                "SELECT order_id, status, recipient, created, updated FROM orders"
                f"{where} ORDER BY updated DESC, touch DESC, seq DESC LIMIT ? OFFSET ?",
                (*params, results, offset),
            ).fetchall()
        return [
            {"order_id": r[0], "status": r[1], "recipient": json.loads(r[2]),
             "created": lifecycle.iso(r[3]), "updated": lifecycle.iso(r[4])}
            for r in rows
        ]

    # --- kits ------------------------------------------------------------------------------

    def kit_json(self, kit_id: str, now: float, base_url: str) -> Json | None:
        with self.lock:
            row = self.conn.execute(
                "SELECT plan, metadata FROM kits WHERE kit_id = ? AND created <= ?",
                (kit_id, now),
            ).fetchone()
        if row is None:
            return None
        return lifecycle.kit_json(kit_id, json.loads(row[0]), now, json.loads(row[1] or "null"),
                                  self.rng_seed, base_url)

    def update_kit_metadata(self, kit_id: str, metadata: Any, now: float) -> bool:
        with self.lock, self.conn:
            cursor = self.conn.execute(
                "UPDATE kits SET metadata = ?, meta_updated = ?, updated = MAX(updated, ?) "
                "WHERE kit_id = ? AND created <= ?", (_dumps(metadata), now, now, kit_id, now),
            )
            return cursor.rowcount == 1

    def list_kits(self, query: dict[str, Any], results: int, offset: int,
                  now: float, hidden_orders: frozenset[str] = frozenset()) -> list[Json]:
        """Kits as of ``now``, leaving out those of the ``hidden_orders``."""
        query = dict(query)
        has_order = query.pop("has_order", None)
        extra = ["created <= ?"]
        extra_params: list[Any] = [now]
        if has_order is not None:
            extra.append("order_id IS NOT NULL" if has_order else "order_id IS NULL")
        if hidden_orders:
            clauses, values = _not_in("order_id", hidden_orders)
            extra.append(f"(order_id IS NULL OR {clauses[0]})")
            extra_params.extend(values)
        where, params = self._where(query, {
            "email": "(r_email = ? OR p_email = ?)",
            "first_name": "(r_first = ? OR p_first = ?)",
            "last_name": "(r_last = ? OR p_last = ?)",
            "phone": "(r_phone = ? OR p_phone = ?)",
            "kit_type": "kit_type = ?", "kit_status": "status = ?",
            "sample_status": "sample_status = ?",
        }, extra, extra_params)
        with self.lock:
            self.refresh(now)
            rows = self.conn.execute(
                "SELECT kit_id, kit_type, order_id, status, sample_status, created, updated "
                f"FROM kits{where} ORDER BY created DESC, seq DESC LIMIT ? OFFSET ?",
                (*params, results, offset),
            ).fetchall()
        return [
            {"kit_id": r[0], "kit_type": r[1], "order_id": r[2], "kit_status": r[3],
             "sample_status": r[4], "created": lifecycle.iso(r[5]),
             "updated": lifecycle.iso(r[6])}
            for r in rows
        ]

    def _replan_kit(self, kit_id: str, change: Callable[[Plan], str | None],
                    now: float) -> str | None:
        """Apply ``change`` to a kit's plan and re-derive everything that depends on it."""
        with self.lock, self.conn:
            self.refresh(now)
            row = self.conn.execute(
                "SELECT plan, order_id, meta_updated FROM kits WHERE kit_id = ?", (kit_id,)
            ).fetchone()
            plan: Plan = json.loads(row[0])
            error = change(plan)
            if error:
                return error
            lifecycle.sort_events(plan)
            state = lifecycle.kit_state(plan, now)
            patient = state.patient or {}
            self.conn.execute(
                "UPDATE kits SET plan = ?, status = ?, sample_status = ?, updated = ?, "
                "next_at = ?, p_email = ?, p_first = ?, p_last = ?, p_phone = ? "
                "WHERE kit_id = ?",
                (_dumps(plan), state.status, state.sample_status,
                 max(state.updated, row[2] or 0), state.next_at, _lower(patient.get("email")),
                 _lower(patient.get("first_name")), _lower(patient.get("last_name")),
                 patient.get("phone"), kit_id),
            )
            self.conn.execute("DELETE FROM reports WHERE owner_id = ?", (kit_id,))
            self.conn.executemany(
                "INSERT INTO reports (kind, owner_id, report_id, available_at) "
                "VALUES ('kit', ?, ?, ?)", [(kit_id, r[1], r[0]) for r in plan["rp"]],
            )
            if row[1] is not None:
                self._replan_order(row[1], now)
        return None

    def _replan_order(self, order_id: str, now: float) -> None:
        order = self.conn.execute(
            "SELECT plan, created, meta_updated FROM orders WHERE order_id = ?", (order_id,)
        ).fetchone()
        old = json.loads(order[0])
        plans = [json.loads(r[0]) for r in self.conn.execute(
            "SELECT plan FROM kits WHERE order_id = ?", (order_id,))]
        plan = self._order_plan(old["fulfil_at"], old["cancel_at"], plans)
        plan["changes"] = sorted(set(plan["changes"]) | {now})
        status, updated, next_at = self._order_state(plan, order[1], order[2], now)
        self.conn.execute(
            "UPDATE orders SET plan = ?, status = ?, updated = ?, next_at = ? "
            "WHERE order_id = ?", (_dumps(plan), status, updated, next_at, order_id),
        )

    def kit_order(self, kit_id: str) -> str | None:
        with self.lock:
            row = self.conn.execute(
                "SELECT order_id FROM kits WHERE kit_id = ?", (kit_id,)
            ).fetchone()
        return row[0] if row else None

    def kit_status(self, kit_id: str, now: float) -> tuple[str, str] | None:
        with self.lock:
            row = self.conn.execute(
                "SELECT plan FROM kits WHERE kit_id = ? AND created <= ?", (kit_id, now)
            ).fetchone()
        if row is None:
            return None
        plan = json.loads(row[0])
        return lifecycle.kit_state(plan, now).status, plan["ty"]

    def activate_kit(self, kit_id: str, patient: Json, now: float) -> None:
        with self.lock, self.conn:
            self.conn.execute(
                "INSERT OR REPLACE INTO patients (patient_id, doc) VALUES (?, ?)",
                (patient["patient_id"], _dumps(patient)),
            )
        self._replan_kit(
            kit_id, lambda plan: lifecycle.activate(plan, patient, now, kit_id, self.rng_seed),
            now,
        )

    def force_kit(self, kit_id: str, status: str, now: float) -> str | None:
        with self.lock:
            row = self.conn.execute(
                "SELECT k.plan, o.recipient FROM kits k LEFT JOIN orders o "
                "ON o.order_id = k.order_id WHERE k.kit_id = ? AND k.created <= ?",
                (kit_id, now),
            ).fetchone()
            if row is None:
                return "kit_id: Kit not found"
            original: Plan = json.loads(row[0])
            recipient = json.loads(row[1] or "{}")

            def rebuild(fate: str) -> Plan:
                return lifecycle.plan_kit(
                    kit_id, original["sid"], original["ty"], original["ev"][0][0], recipient,
                    self.rng_seed, fate,
                )

            return self._replan_kit(
                kit_id, lambda plan: lifecycle.force_kit(plan, status, now, rebuild), now
            )

    def cancel_order(self, order_id: str, now: float) -> str | None:
        with self.lock, self.conn:
            row = self.conn.execute(
                "SELECT plan, status FROM orders WHERE order_id = ?", (order_id,)
            ).fetchone()
            if row is None:
                return "order_id: Order not found"
            if row[1] != "pending":
                return f"status: only pending orders can be canceled (order is {row[1]})"
            plan = json.loads(row[0])
            plan["cancel_at"] = now
            plan["changes"] = sorted(set(plan["changes"]) | {now})
            # Kits that were planned but never fulfilled disappear with the cancellation.
            kit_ids = [r[0] for r in self.conn.execute(
                "SELECT kit_id FROM kits WHERE order_id = ?", (order_id,))]
            self.conn.execute("DELETE FROM kits WHERE order_id = ?", (order_id,))
            self.conn.executemany("DELETE FROM reports WHERE owner_id = ?",
                                  [(k,) for k in kit_ids])
            plan["changes"] = [t for t in plan["changes"] if t <= now]
            self.conn.execute(
                "UPDATE orders SET plan = ?, status = 'canceled', updated = ?, next_at = NULL "
                "WHERE order_id = ?", (_dumps(plan), now, order_id),
            )
        return None

    # --- lifecycle ---------------------------------------------------------------------------

    def refresh(self, now: float) -> None:
        """Bring the stored status columns up to sandbox time ``now``."""
        with self.lock, self.conn:
            kits = self.conn.execute(
                "SELECT kit_id, plan, meta_updated FROM kits WHERE next_at <= ?", (now,)
            ).fetchall()
            updates = []
            for kit_id, plan_text, meta_updated in kits:
                state = lifecycle.kit_state(json.loads(plan_text), now)
                patient = state.patient or {}
                updates.append((
                    state.status, state.sample_status, max(state.updated, meta_updated or 0),
                    state.next_at, _lower(patient.get("email")),
                    _lower(patient.get("first_name")), _lower(patient.get("last_name")),
                    patient.get("phone"), kit_id,
                ))
            self.conn.executemany(
                "UPDATE kits SET status = ?, sample_status = ?, updated = ?, next_at = ?, "
                "p_email = ?, p_first = ?, p_last = ?, p_phone = ? WHERE kit_id = ?", updates,
            )
            orders = self.conn.execute(
                "SELECT order_id, plan, created, meta_updated FROM orders WHERE next_at <= ?",
                (now,),
            ).fetchall()
            order_updates = []
            for order_id, plan_text, created, meta_updated in orders:
                status, updated, next_at = self._order_state(
                    json.loads(plan_text), created, meta_updated, now
                )
                order_updates.append((status, updated, next_at, order_id))
            self.conn.executemany(
                "UPDATE orders SET status = ?, updated = ?, next_at = ? WHERE order_id = ?",
                order_updates,
            )
            requisitions = self.conn.execute(
                "SELECT requisition_id, plan FROM requisitions WHERE next_at <= ?", (now,)
            ).fetchall()
            self.conn.executemany(
                "UPDATE requisitions SET status = ?, updated = ?, next_at = ? "
                "WHERE requisition_id = ?",
                [(*lifecycle.requisition_state(json.loads(p), now), rid)
                 for rid, p in requisitions],
            )

    # --- seeding ---------------------------------------------------------------------------

    def seed(self, count: int, now: float) -> None:
        """Add ``count`` fake orders created over the last 60 sandbox days, in mixed states."""
        with self.lock, self.conn:
            first = self._next_counter("seed_counter", count)
            rng = random.Random(f"{self.rng_seed}:seed:{first}")
            order_ids = self._order_ids(count)
            kit_counts = [rng.choices((1, 2), weights=(85, 15))[0] for _ in range(count)]
            spot_ids = self._spot_ids(2 * sum(kit_counts))
            kit_names = list(KIT_TYPES)
            built = []
            cursor = 0
            for index, order_id in enumerate(order_ids):
                number = first + index
                data = {
                    "kit_types": [rng.choice(kit_names) for _ in range(kit_counts[index])],
                    "recipient": fake_recipient(rng, number),
                    "metadata": {"source": "sandbox-seed"} if rng.random() < 0.3 else None,
                }
                created = now - rng.uniform(0.0, 60.0) * DAY
                fulfil_at: float | None = created + rng.uniform(0.1, 0.5) * DAY
                cancel_at = None
                if rng.random() < 0.02:
                    cancel_at, fulfil_at = created + 0.05 * DAY, None
                ids = spot_ids[cursor: cursor + 2 * kit_counts[index]]
                cursor += 2 * kit_counts[index]
                built.append(self._build_order(order_id, ids, data, created, fulfil_at,
                                               cancel_at, now))
                if len(built) >= 2000:  # bounded memory for 100k-order seeds
                    self._insert_orders(built)
                    built = []
            self._insert_orders(built)

    def count_orders_with_metadata(self, key: str, value: Any) -> int:
        path = '$."' + key.replace('"', '\\"') + '"'
        with self.lock:
            return int(self.conn.execute(
                "SELECT COUNT(*) FROM orders WHERE json_extract(metadata, ?) = ?",
                (path, value),
            ).fetchone()[0])


def fake_recipient(rng: random.Random, number: int) -> Json:
    first = rng.choice(FIRST_NAMES)
    last = rng.choice(LAST_NAMES)
    place = rng.choice(PLACES)
    if place.country == "US":
        postal = f"{place.postal_prefix}{rng.randint(0, 99):02d}"
    else:
        postal = f"{place.postal_prefix} {rng.randint(1, 9)}{rng.choice('ABCEGHJKLMNPRSTVXY')}" \
                 f"{rng.randint(1, 9)}"
    address: Json = {
        "street1": f"{rng.randint(1, 999)} {rng.choice(STREETS)}",
        "city": place.city, "state": place.state, "country": place.country, "zip": postal,
    }
    if rng.random() < 0.3:
        address["street2"] = f"Unit {rng.randint(1, 40)}"
    return {
        "first_name": first,
        "last_name": last,
        "email": f"{first.lower()}.{last.lower()}{number}@example.com",
        # 555-0100..0199 is the NANP range reserved for fiction.
        "phone": f"{place.area_code}5550{rng.randint(100, 199)}",
        "address": address,
    }
