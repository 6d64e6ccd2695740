"""The sandbox HTTP server: the documented Spot API plus a sandbox-only control surface.

Stdlib ``ThreadingHTTPServer`` on loopback; every answer is JSON with the documented error
envelope. Anything unexpected is a 500 envelope, never a dropped request or a hang.
"""

from __future__ import annotations

import base64
import email.errors
import email.parser
import email.policy
import hashlib
import hmac
import json
import logging
import os
import random
import re
import shutil
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from app.sandbox import lifecycle, validate
from app.sandbox.catalog import KIT_TYPES
from app.sandbox.records import (
    DATE_FILTERS,
    KIT_FILTERS,
    ORDER_FILTERS,
    REQUISITION_FILTERS,
    Clock,
)
from app.sandbox.reports import report_file
from app.sandbox.store import Store
from app.sandbox.validate import Invalid

log = logging.getLogger(__name__)

MAX_BODY = 1024 * 1024
MAX_DRAIN = 64 * 1024 * 1024
MAX_OFFSET = 2**53
MAX_SEED = 200_000
TOKEN_LIFETIME = 600  # seconds of sandbox time
MAX_VISIBILITY_LAG = 3600.0  # real seconds
GATEWAY_OUTCOMES = ("502", "504", "drop")

ORDER_STATUSES = ("pending", "in_progress", "completed", "canceled")
KIT_STATUSES = ("preparing", "in_transit", "delivered", "delivery_exception", "registered",
                "canceled")
SAMPLE_STATUSES = ("awaiting_collection", "collection_exception", "delivery_exception",
                   "delivered", "in_transit", "received", "resulted", "partially_resulted",
                   "extra_quality_checks", "canceled")
REQUISITION_STATUSES = ("created", "approved", "denied", "delivered", "received",
                        "extra_quality_checks", "resulted", "rejected", "delivery_exception")
ERROR_TYPES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
               405: "bad_request", 429: "rate_limit_exceeded"}


class HttpError(Exception):
    def __init__(self, status: int, *details: str) -> None:
        super().__init__(f"{status}: {details}")
        self.status = status
        self.details = list(details)


@dataclass
class Faults:
    latency_ms: float = 0.0
    error_rate: float = 0.0
    rate_limit_rate: float = 0.0
    drop_rate: float = 0.0
    # A gateway in front of Spot: the POST is done, then 502, 504 or a dropped connection.
    commit_then_error_rate: float = 0.0
    # Read replicas behind: new orders (with their kits), patients and requisitions are
    # invisible to list and get for this many real seconds after their creation.
    visibility_lag_s: float = 0.0


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes
    content_type: str


@dataclass
class Response:
    status: int
    body: bytes
    content_type: str = "application/json"
    headers: dict[str, str] | None = None
    drop: bool = False


def error_body(status: int, details: list[str]) -> bytes:
    kind = ERROR_TYPES.get(status, "server_error")
    return json.dumps({"error": {"code": status, "type": kind, "details": details}}).encode()


def gateway_error(status: int) -> Response:
    """What a proxy in front of Spot answers: its own HTML page, not Spot's JSON envelope."""
    title = {502: "502 Bad Gateway", 504: "504 Gateway Time-out"}[status]
    page = f"<html><head><title>{title}</title></head><body><h1>{title}</h1></body></html>\n"
    return Response(status, page.encode(), content_type="text/html")


def _reject_constant(value: str) -> Any:
    raise ValueError(f"{value} is not valid JSON")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


# --- body decoding ----------------------------------------------------------------------------


def parse_json(body: bytes) -> Any:
    if not body.strip():
        raise Invalid(["body: Request body is required"])
    try:
        return json.loads(body.decode("utf-8"), parse_constant=_reject_constant)
    except (ValueError, RecursionError) as exc:
        raise Invalid([f"body: Malformed JSON ({type(exc).__name__})"]) from None


_KEY_PART = re.compile(r"[^\[\].]+")
_LIST_FIELDS = {"kit_types"}


def nest_form(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """``recipient[address][zip]`` or ``recipient.address.zip`` keys into nested dicts."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        parts = _KEY_PART.findall(key)
        if not parts:
            raise Invalid([f"{key or 'body'}: Invalid form field name"])
        if parts[0] in _LIST_FIELDS:
            out.setdefault(parts[0], [])
            if not isinstance(out[parts[0]], list):
                raise Invalid([f"{parts[0]}: Conflicting form fields"])
            out[parts[0]].append(value)
            continue
        node = out
        for part in parts[:-1]:
            child = node.setdefault(part, {})
            if not isinstance(child, dict):
                raise Invalid([f"{'.'.join(parts)}: Conflicting form fields"])
            node = child
        if parts[-1] in node:
            raise Invalid([f"{'.'.join(parts)}: Field given more than once"])
        node[parts[-1]] = value
    if isinstance(out.get("metadata"), str):
        # A form can only carry metadata as a JSON string.
        out["metadata"] = parse_json(out["metadata"].encode())
    return out


def parse_multipart(body: bytes, content_type: str) -> list[tuple[str, str]]:
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode()
    try:
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
        if not message.is_multipart():
            raise Invalid(["body: Malformed multipart body"])
        pairs = []
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            if not isinstance(name, str):
                raise Invalid(["body: Multipart part without a field name"])
            payload = part.get_payload(decode=True)
            if not isinstance(payload, bytes):
                raise Invalid(["body: Malformed multipart body"])
            pairs.append((name, payload.decode("utf-8")))
    except (email.errors.MessageError, UnicodeDecodeError, ValueError, TypeError,
            LookupError, AttributeError):
        raise Invalid(["body: Malformed multipart body"]) from None
    return pairs


def decode_body(request: Request, *, forms: bool) -> Any:
    ctype = request.content_type.split(";")[0].strip().lower()
    if ctype in ("", "application/json") or ctype.endswith("+json"):
        return parse_json(request.body)
    if forms and ctype == "application/x-www-form-urlencoded":
        try:
            text = request.body.decode("utf-8")
        except UnicodeDecodeError:
            raise Invalid(["body: Form body must be UTF-8"]) from None
        return nest_form([(k, v) for k, v in _parse_qsl(text)])
    if forms and ctype == "multipart/form-data":
        return nest_form(parse_multipart(request.body, request.content_type))
    accepted = "application/json, application/x-www-form-urlencoded or multipart/form-data" \
        if forms else "application/json"
    raise Invalid([f"body: Content type must be {accepted}"])


def _parse_qsl(text: str) -> list[tuple[str, str]]:
    parsed = parse_qs(text, keep_blank_values=True, max_num_fields=1000)
    return [(key, value) for key, values in parsed.items() for value in values]


# --- query parsing ----------------------------------------------------------------------------


def list_query(
    query: dict[str, list[str]], filters: tuple[str, ...], enums: dict[str, tuple[str, ...]],
) -> tuple[dict[str, Any], int, int]:
    details: list[str] = []
    values = {key: items[-1] for key, items in query.items()}
    out: dict[str, Any] = {}

    def integer(key: str, default: int, low: int, high: int) -> int:
        if key not in values:
            return default
        raw = values[key].strip()
        if not re.fullmatch(r"[+-]?\d{1,20}", raw):
            details.append(f"{key}: Must be an integer")
            return default
        number = int(raw)
        if not low <= number <= high:
            details.append(f"{key}: Must be between {low} and {high}")
            return default
        return number

    results = integer("results", 10, 1, 100)
    offset = integer("offset", 0, 0, MAX_OFFSET)
    for key in filters:
        if key not in values:
            continue
        raw = values[key]
        if key in enums and raw not in enums[key]:
            details.append(f"{key}: Must be one of {', '.join(enums[key])}")
        elif key == "has_order":
            if raw.lower() not in ("true", "false", "1", "0"):
                details.append("has_order: Must be true or false")
            else:
                out[key] = raw.lower() in ("true", "1")
        elif key in ("email", "first_name", "last_name"):
            out[key] = raw.lower()
        else:
            out[key] = raw
    for key in DATE_FILTERS:
        if key in values:
            raw = values[key]
            try:
                if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
                    raise ValueError(raw)
                out[key] = date.fromisoformat(raw)
            except ValueError:
                details.append(f"{key}: Must be a date in YYYY-MM-DD format")
    if details:
        raise Invalid(details)
    return out, results, offset


# --- the application --------------------------------------------------------------------------


Route = tuple[str, re.Pattern[str], str]
ROUTES: list[Route] = [
    (method, re.compile(pattern), name)
    for method, pattern, name in (
        ("POST", r"/api/v2/orders", "create_order"),
        ("GET", r"/api/v2/orders", "list_orders"),
        ("GET", r"/api/v2/orders/(?P<id>[^/]+)", "get_order"),
        ("POST", r"/api/v2/orders/(?P<id>[^/]+)", "update_order"),
        ("GET", r"/api/v2/kits", "list_kits"),
        ("GET", r"/api/v2/kits/(?P<id>[^/]+)", "get_kit"),
        ("POST", r"/api/v2/kits/(?P<id>[^/]+)", "update_kit"),
        ("POST", r"/api/v2/requisitions", "create_requisition"),
        ("GET", r"/api/v2/requisitions", "list_requisitions"),
        ("GET", r"/api/v2/requisitions/(?P<id>[^/]+)", "get_requisition"),
        ("POST", r"/api/v2/patients", "create_patient"),
        ("POST", r"/api/v2/tokens/patient_registration", "registration_token"),
        ("POST", r"/api/v3/kits/(?P<id>[^/]+)/activate", "activate_kit"),
        ("GET", r"/sandbox/reports/(?P<id>[^/]+)\.(?P<kind>pdf|txt)", "report_file"),
        ("GET", r"/sandbox/clock", "get_clock"),
        ("POST", r"/sandbox/clock/advance", "advance"),
        ("POST", r"/sandbox/seed", "seed"),
        ("GET", r"/sandbox/faults", "get_faults"),
        ("POST", r"/sandbox/faults", "set_faults"),
        ("POST", r"/sandbox/reset", "reset"),
        ("POST", r"/sandbox/requisitions", "set_requisitions"),
        ("POST", r"/sandbox/force", "force"),
    )
]


class SandboxApp:
    """Request handling, independent of the socket plumbing (so it is easy to test)."""

    def __init__(self, data_dir: Path, token: str, speed: float, rng_seed: int | None) -> None:
        self.data_dir = data_dir
        self.token = token
        self.rng_seed = rng_seed
        self.reports_dir = data_dir / "reports"
        self.clock = Clock(time.time(), speed)
        self.store = Store(data_dir / "sandbox.sqlite3", rng_seed, self.clock)
        persisted = self.store.get_meta("clock")
        if persisted is not None:
            self.clock.set(max(time.time(), float(persisted)))
        self.faults = Faults()
        self._fault_rng = random.Random(rng_seed)
        self._fault_lock = threading.Lock()
        # (monotonic time, kind, id) of records created through the API, oldest first.
        self._born: deque[tuple[float, str, str]] = deque()
        self._jti = 0
        self._secret = hashlib.sha256(f"sandbox-registration:{token}".encode()).digest()
        self.base_url = ""

    # --- plumbing ------------------------------------------------------------------------

    def persist_clock(self) -> None:
        self.store.set_meta("clock", repr(self.clock.now()))

    def handle(self, request: Request) -> Response:
        try:
            return self._handle(request)
        except Invalid as exc:
            return Response(400, error_body(400, exc.details))
        except HttpError as exc:
            headers = {"Retry-After": "1"} if exc.status == 429 else None
            return Response(exc.status, error_body(exc.status, exc.details), headers=headers)
        except Exception:
            log.exception("sandbox request failed: %s %s", request.method, request.path)
            return Response(500, error_body(500, ["server: Internal sandbox error"]))

    def _handle(self, request: Request) -> Response:
        path = request.path.rstrip("/") or "/"
        matches = [(m, r.fullmatch(path), n) for m, r, n in ROUTES]
        found = [(m, match, n) for m, match, n in matches if match]
        if not found:
            raise HttpError(404, "path: Unknown endpoint")
        if not self._authorized(request.headers.get("authorization", "")):
            raise HttpError(401, "Authorization: Missing or invalid API token")
        for method, match, name in found:
            if method == request.method:
                params = {k: unquote(v) for k, v in match.groupdict().items()}
                drop, gateway = False, None
                if path.startswith("/api/"):
                    drop, gateway = self._inject_faults(request.method)
                handler: Callable[[Request, dict[str, str]], Response] = getattr(
                    self, "op_" + name
                )
                response = handler(request, params)
                if gateway is not None and 200 <= response.status < 300:
                    # The work is committed; the caller never learns it.
                    if gateway == "drop":
                        drop = True
                    else:
                        response = gateway_error(int(gateway))
                response.drop = drop
                return response
        allowed = sorted({m for m, _match, _n in found})
        return Response(405, error_body(405, [f"method: Use {' or '.join(allowed)}"]),
                        headers={"Allow": ", ".join(allowed)})

    def _authorized(self, header: str) -> bool:
        return hmac.compare_digest(header.encode(), f"Token {self.token}".encode())

    def _inject_faults(self, method: str) -> tuple[bool, str | None]:
        """(drop the answer, gateway outcome after a committed POST) for one API request."""
        with self._fault_lock:
            faults = Faults(**asdict(self.faults))
            rolls = [self._fault_rng.random() for _ in range(4)]
            outcome = self._fault_rng.choice(GATEWAY_OUTCOMES)
        if faults.latency_ms > 0:
            time.sleep(faults.latency_ms / 1000)
        if rolls[0] < faults.error_rate:
            raise HttpError(503, "server: Injected sandbox fault")
        if rolls[1] < faults.rate_limit_rate:
            raise HttpError(429, "rate: Injected sandbox rate limit")
        gateway = outcome if method == "POST" and rolls[3] < faults.commit_then_error_rate \
            else None
        return rolls[2] < faults.drop_rate, gateway

    def _note_created(self, kind: str, record_id: str) -> None:
        """Remember when a record was created, for the ``visibility_lag_s`` fault."""
        now = time.monotonic()
        with self._fault_lock:
            self._born.append((now, kind, record_id))
            while self._born and now - self._born[0][0] > MAX_VISIBILITY_LAG:
                self._born.popleft()

    def _hidden(self, kind: str) -> frozenset[str]:
        """Ids of ``kind`` records still inside the visibility lag (empty without the fault)."""
        now = time.monotonic()
        with self._fault_lock:
            lag = self.faults.visibility_lag_s
            if lag <= 0:
                return frozenset()
            hidden = set()
            for born, born_kind, record_id in reversed(self._born):
                if now - born >= lag:
                    break
                if born_kind == kind:
                    hidden.add(record_id)
        return frozenset(hidden)

    def _visible_kit(self, kit_id: str) -> bool:
        hidden = self._hidden("order")
        return not hidden or self.store.kit_order(kit_id) not in hidden

    @staticmethod
    def _json(status: int, payload: Any) -> Response:
        return Response(status, json.dumps(payload).encode())

    def _now(self) -> float:
        return self.clock.now()

    def _today(self, now: float) -> date:
        return datetime.fromtimestamp(now, UTC).date()

    def _requisitions_enabled(self) -> None:
        if self.store.get_meta("requisitions_disabled") == "1":
            raise HttpError(403, "requisitions: Requisitions are not enabled for this account")

    # --- orders --------------------------------------------------------------------------

    def op_create_order(self, request: Request, _params: dict[str, str]) -> Response:
        data = validate.create_order(decode_body(request, forms=True))
        now = self._now()
        order_id = self.store.create_order(data, now)
        self._note_created("order", order_id)
        return self._json(201, self.store.order_json(order_id, now, self.base_url))

    def op_list_orders(self, request: Request, _params: dict[str, str]) -> Response:
        filters, results, offset = list_query(request.query, ORDER_FILTERS,
                                              {"status": ORDER_STATUSES})
        return self._json(200, self.store.list_orders(filters, results, offset, self._now(),
                                                      self._hidden("order")))

    def op_get_order(self, _request: Request, params: dict[str, str]) -> Response:
        order = self.store.order_json(params["id"], self._now(), self.base_url)
        if order is None or params["id"] in self._hidden("order"):
            raise HttpError(404, "public_id: Order not found")
        return self._json(200, order)

    def op_update_order(self, request: Request, params: dict[str, str]) -> Response:
        metadata = validate.update_metadata(decode_body(request, forms=False))
        now = self._now()
        if not self.store.update_order_metadata(params["id"], metadata, now):
            raise HttpError(404, "public_id: Order not found")
        return self._json(200, self.store.order_json(params["id"], now, self.base_url))

    # --- kits ----------------------------------------------------------------------------

    def op_list_kits(self, request: Request, _params: dict[str, str]) -> Response:
        filters, results, offset = list_query(
            request.query, KIT_FILTERS,
            {"kit_status": KIT_STATUSES, "sample_status": SAMPLE_STATUSES},
        )
        return self._json(200, self.store.list_kits(filters, results, offset, self._now(),
                                                    self._hidden("order")))

    def op_get_kit(self, _request: Request, params: dict[str, str]) -> Response:
        kit = self.store.kit_json(params["id"], self._now(), self.base_url)
        if kit is None or not self._visible_kit(params["id"]):
            raise HttpError(404, "public_id: Kit not found")
        return self._json(200, kit)

    def op_update_kit(self, request: Request, params: dict[str, str]) -> Response:
        metadata = validate.update_metadata(decode_body(request, forms=False))
        if metadata is None:
            raise Invalid(["metadata: Must be an object"])
        now = self._now()
        if not self.store.update_kit_metadata(params["id"], metadata, now):
            raise HttpError(404, "public_id: Kit not found")
        return self._json(200, self.store.kit_json(params["id"], now, self.base_url))

    def op_activate_kit(self, request: Request, params: dict[str, str]) -> Response:
        kit_id = params["id"]
        now = self._now()
        current = self.store.kit_status(kit_id, now)
        if current is None or not self._visible_kit(kit_id):
            raise HttpError(404, "public_id: Kit not found")
        query_id = request.query.get("public_id")
        if query_id and query_id[-1] != kit_id:
            raise Invalid(["public_id: Query parameter does not match the kit in the path"])
        data = validate.activation(decode_body(request, forms=False), self._today(now))
        status, kit_type = current
        if not KIT_TYPES[kit_type].activation:
            raise Invalid([f"public_id: Kit type {kit_type} cannot be activated through the API"])
        if status == "registered":
            raise Invalid(["public_id: Kit is already registered"])
        if status not in ("preparing", "in_transit", "delivered"):
            raise Invalid([f"public_id: Kit in status {status} cannot be activated"])
        if data.get("patient_id"):
            patient = self.store.patient(data["patient_id"])
            if patient is None or data["patient_id"] in self._hidden("patient"):
                raise Invalid(["patient_id: Patient not found"])
        else:
            patient = {"patient_id": lifecycle.new_uuid(random.Random()),
                       **{k: v for k, v in data.items() if k != "research_consent"}}
        registered = {
            key: patient.get(key) or "" for key in (
                "patient_id", "first_name", "last_name", "date_of_birth", "sex", "email",
                "phone",
            )
        }
        self.store.activate_kit(kit_id, registered, now)
        return self._json(200, {"data": {"result": "success"}})

    # --- requisitions, patients, tokens --------------------------------------------------

    def op_create_requisition(self, request: Request, _params: dict[str, str]) -> Response:
        self._requisitions_enabled()
        now = self._now()
        data = validate.create_requisition(decode_body(request, forms=False), self._today(now))
        created = self.store.create_requisition(data, now)
        if created is None:
            raise Invalid(["barcode: A requisition with this barcode already exists"])
        self._note_created("requisition", created["requisition_id"])
        return self._json(201, self.store.requisition_json(
            created["requisition_id"], now, self.base_url))

    def op_list_requisitions(self, request: Request, _params: dict[str, str]) -> Response:
        self._requisitions_enabled()
        filters, results, offset = list_query(request.query, REQUISITION_FILTERS,
                                              {"status": REQUISITION_STATUSES})
        filters = {k: v for k, v in filters.items()}
        if "lab" in request.query:
            filters["lab"] = request.query["lab"][-1]  # case-sensitive (documented)
        return self._json(200, self.store.list_requisitions(
            filters, results, offset, self._now(), self.base_url, self._hidden("requisition")))

    def op_get_requisition(self, _request: Request, params: dict[str, str]) -> Response:
        self._requisitions_enabled()
        if not validate.is_uuid(params["id"]):
            raise Invalid(["id: Must be a UUID"])
        requisition = self.store.requisition_json(params["id"].lower(), self._now(),
                                                  self.base_url)
        if requisition is None or requisition["requisition_id"] in self._hidden("requisition"):
            raise HttpError(404, "id: Requisition not found")
        return self._json(200, requisition)

    def op_create_patient(self, request: Request, _params: dict[str, str]) -> Response:
        data = validate.create_patient(decode_body(request, forms=True),
                                       self._today(self._now()))
        patient = self.store.create_patient(data)
        self._note_created("patient", patient["patient_id"])
        return self._json(200, patient)

    def op_registration_token(self, request: Request, _params: dict[str, str]) -> Response:
        patient_id, kit_type = validate.registration_token(decode_body(request, forms=False))
        if self.store.patient(patient_id.lower()) is None or \
                patient_id.lower() in self._hidden("patient"):
            raise HttpError(404, "patient_id: Patient not found")
        issued = int(self._now())
        with self._fault_lock:
            self._jti += 1
            jti = self._jti
        claims: dict[str, Any] = {"max": 1, "sub": "patient_registration", "mod": "n",
                                  "jti": jti, "exp": issued + TOKEN_LIFETIME, "iat": issued,
                                  "pid": patient_id.lower()}
        if kit_type:
            claims["kit_type"] = kit_type
        signing = _b64(b'{"typ":"JWT","alg":"HS256"}') + "." + _b64(
            json.dumps(claims, separators=(",", ":")).encode())
        signature = hmac.new(self._secret, signing.encode(), hashlib.sha256).digest()
        return self._json(201, {"token": signing + "." + _b64(signature)})

    def verify_registration_token(self, token: str) -> dict[str, Any] | None:
        """The token's claims if it is ours and unexpired on the sandbox clock."""
        try:
            head, body, signature = token.split(".")
            expected = hmac.new(self._secret, f"{head}.{body}".encode(), hashlib.sha256)
            if not hmac.compare_digest(_b64(expected.digest()), signature):
                return None
            claims: dict[str, Any] = json.loads(base64.urlsafe_b64decode(body + "=="))
        except ValueError:
            return None
        return claims if claims.get("exp", 0) > self._now() else None

    # --- reports -------------------------------------------------------------------------

    def op_report_file(self, _request: Request, params: dict[str, str]) -> Response:
        info = self.store.report(params["id"], self._now(), self.base_url)
        if info is None:
            raise HttpError(404, "report_id: Report not found")
        kind = params["kind"]
        data = report_file(self.reports_dir, info, kind)
        ctype = "application/pdf" if kind == "pdf" else "text/plain; charset=utf-8"
        return Response(200, data, content_type=ctype)

    # --- control surface -----------------------------------------------------------------

    def _control_body(self, request: Request, allowed: set[str]) -> dict[str, Any]:
        body = parse_json(request.body) if request.body.strip() else {}
        if not isinstance(body, dict):
            raise Invalid(["body: Must be a JSON object"])
        unknown = [f"{key}: Unknown field" for key in body if key not in allowed]
        if unknown:
            raise Invalid(unknown)
        return body

    @staticmethod
    def _number(body: dict[str, Any], key: str, low: float, high: float,
                default: float | None = None) -> float:
        value = body.get(key, default)
        if value is None:
            raise Invalid([f"{key}: Field is required"])
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise Invalid([f"{key}: Must be a number"])
        if not low <= value <= high:
            raise Invalid([f"{key}: Must be between {low:g} and {high:g}"])
        return float(value)

    def clock_json(self) -> dict[str, Any]:
        return {"now": lifecycle.iso(self._now()), "speed": self.clock.speed}

    def op_get_clock(self, _request: Request, _params: dict[str, str]) -> Response:
        return self._json(200, self.clock_json())

    def op_advance(self, request: Request, _params: dict[str, str]) -> Response:
        days = self._number(self._control_body(request, {"days"}), "days", 0, 3650)
        self.advance(days)
        return self._json(200, self.clock_json())

    def advance(self, days: float) -> None:
        self.clock.advance(days * lifecycle.DAY)
        self.store.refresh(self._now())
        self.persist_clock()

    def op_seed(self, request: Request, _params: dict[str, str]) -> Response:
        body = self._control_body(request, {"orders"})
        orders = body.get("orders")
        if isinstance(orders, bool) or not isinstance(orders, int):
            raise Invalid(["orders: Must be an integer"])
        if not 1 <= orders <= MAX_SEED:
            raise Invalid([f"orders: Must be between 1 and {MAX_SEED}"])
        self.store.seed(orders, self._now())
        return self._json(200, {"seeded": orders, "orders": self.store.order_count()})

    def op_get_faults(self, _request: Request, _params: dict[str, str]) -> Response:
        return self._json(200, asdict(self.faults))

    def op_set_faults(self, request: Request, _params: dict[str, str]) -> Response:
        body = self._control_body(request, set(asdict(Faults())))
        faults = Faults(
            latency_ms=self._number(body, "latency_ms", 0, 60_000, 0),
            error_rate=self._number(body, "error_rate", 0, 1, 0),
            rate_limit_rate=self._number(body, "rate_limit_rate", 0, 1, 0),
            drop_rate=self._number(body, "drop_rate", 0, 1, 0),
            commit_then_error_rate=self._number(body, "commit_then_error_rate", 0, 1, 0),
            visibility_lag_s=self._number(body, "visibility_lag_s", 0, MAX_VISIBILITY_LAG, 0),
        )
        with self._fault_lock:
            self.faults = faults
        return self._json(200, asdict(faults))

    def op_reset(self, request: Request, _params: dict[str, str]) -> Response:
        self._control_body(request, set())
        self.reset()
        return self._json(200, {"reset": True, **self.clock_json()})

    def reset(self) -> None:
        self.store.reset()
        shutil.rmtree(self.reports_dir, ignore_errors=True)
        with self._fault_lock:
            self.faults = Faults()
            self._born.clear()
        self.clock.set(time.time())

    def op_set_requisitions(self, request: Request, _params: dict[str, str]) -> Response:
        body = self._control_body(request, {"enabled"})
        if not isinstance(body.get("enabled"), bool):
            raise Invalid(["enabled: Must be true or false"])
        self.store.set_meta("requisitions_disabled", "0" if body["enabled"] else "1")
        return self._json(200, {"enabled": body["enabled"]})

    def op_force(self, request: Request, _params: dict[str, str]) -> Response:
        body = self._control_body(request, {"kit_id", "order_id", "status"})
        status = body.get("status")
        if not isinstance(status, str):
            raise Invalid(["status: Field is required"])
        now = self._now()
        if isinstance(body.get("order_id"), str) and "kit_id" not in body:
            if status != "canceled":
                raise Invalid(["status: Orders can only be forced to canceled"])
            error = self.store.cancel_order(body["order_id"], now)
            if error and error.startswith("order_id"):
                raise HttpError(404, error)
        elif isinstance(body.get("kit_id"), str):
            error = self.store.force_kit(body["kit_id"], status, now)
            if error and error.startswith("kit_id"):
                raise HttpError(404, error)
        else:
            raise Invalid(["kit_id: Give kit_id or order_id"])
        if error:
            raise Invalid([error])
        return self._json(200, {"forced": status})


# --- socket plumbing --------------------------------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "SpotSandbox/1"
    # Headers and body go out in separate writes; without this, Nagle + delayed ACK add
    # ~40 ms to every keep-alive request.
    disable_nagle_algorithm = True
    timeout = 60  # idle keep-alive connections give their thread back eventually
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("sandbox: " + format, *args)

    def _read_body(self) -> bytes | None:
        """The body, or None when it is too large (after draining what we reasonably can)."""
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            chunks, total = [], 0
            while True:
                line = self.rfile.readline(1024)
                size = int(line.split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    self.rfile.readline(1024)
                    break
                total += size
                if total > MAX_BODY:
                    self.close_connection = True
                    return None
                chunks.append(self.rfile.read(size))
                self.rfile.readline(1024)
            return b"".join(chunks)
        length = int(self.headers.get("Content-Length") or 0)
        if length < 0:
            raise ValueError("negative Content-Length")
        if length > MAX_BODY:
            self.close_connection = True
            remaining = min(length, MAX_DRAIN)
            while remaining > 0:
                got = self.rfile.read(min(remaining, 65536))
                if not got:
                    break
                remaining -= len(got)
            return None
        return self.rfile.read(length) if length else b""

    def _dispatch(self) -> None:
        try:
            body = self._read_body()
        except (ValueError, OSError):
            self.close_connection = True
            self._send(Response(400, error_body(400, ["body: Unreadable request body"])))
            return
        if body is None:
            self._send(Response(400, error_body(
                400, [f"body: Request body larger than {MAX_BODY} bytes"])))
            return
        if self.headers.get("Host", "").strip().lower() not in self.server.allowed_hosts:
            # DNS rebinding: a web page whose name now points at 127.0.0.1 sends its own
            # name as Host. Only our own address (or localhost) with our port is answered.
            self.close_connection = True
            self._send(Response(403, error_body(
                403, ["Host: This sandbox answers only requests addressed to itself"])))
            return
        split = urlsplit(self.path)
        request = Request(
            method=self.command,
            path=split.path,
            query=parse_qs(split.query, keep_blank_values=True, max_num_fields=200),
            headers={k.lower(): v for k, v in self.headers.items()},
            body=body,
            content_type=self.headers.get("Content-Type", ""),
        )
        response = self.server.app.handle(request)
        if response.drop:
            self.close_connection = True
            return
        self._send(response)

    def send_error(self, code: int, message: str | None = None,
                   explain: str | None = None) -> None:
        # The stdlib answers malformed request lines and unknown methods with HTML.
        self.close_connection = True
        if self.request_version == "HTTP/0.9":  # unparsable line: still answer with a status line
            self.request_version = "HTTP/1.1"
        status = 405 if code == 501 else (code if code in (404, 405) else 400)
        self._send(Response(status, error_body(status, [f"request: {message or 'Bad request'}"])))

    def _send(self, response: Response) -> None:
        if self.command == "HEAD":
            self.close_connection = True
            response = Response(405, b"", headers={"Allow": "GET, POST"})
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        for key, value in (response.headers or {}).items():
            self.send_header(key, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if response.body:
            self.wfile.write(response.body)

    def do_GET(self) -> None:
        self._dispatch()

    def do_POST(self) -> None:
        self._dispatch()

    def do_PUT(self) -> None:
        self._dispatch()

    def do_PATCH(self) -> None:
        self._dispatch()

    def do_DELETE(self) -> None:
        self._dispatch()

    def do_OPTIONS(self) -> None:
        self._dispatch()

    def do_HEAD(self) -> None:
        self._send(Response(405, b""))


def allowed_hosts(bound: str, port: int) -> frozenset[str]:
    """The Host headers the sandbox answers: its loopback address or ``localhost`` (which
    no DNS answer can rebind) with its port; plus the address it was bound to when that is
    not a wildcard (``--host 192.0.2.7`` for a sandbox shared on a LAN)."""
    names = {"127.0.0.1", "localhost", "[::1]"}
    if bound not in ("", "0.0.0.0", "::"):
        names.add(f"[{bound}]" if ":" in bound else bound.lower())
    return frozenset(f"{name}:{port}" for name in names)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], app: SandboxApp) -> None:
        self.app = app
        self.allowed_hosts: frozenset[str] = frozenset()
        super().__init__(address, _Handler)


class SandboxServer:
    """A running sandbox: ``with SandboxServer(tmp_path) as sandbox: sandbox.base_url``."""

    def __init__(
        self,
        data_dir: Path,
        token: str = "sandbox-token",
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        speed: float = 0.0,
        seed_orders: int = 0,
        rng_seed: int | None = None,
    ) -> None:
        self.data_dir = Path(data_dir)
        self.token = token
        self.host = host
        self.port = port
        self.speed = speed
        self.seed_orders = seed_orders
        self.rng_seed = rng_seed
        self._app: SandboxApp | None = None
        self._server: _Server | None = None
        self._threads: list[threading.Thread] = []
        self._stopping = threading.Event()

    @property
    def app(self) -> SandboxApp:
        if self._app is None:
            raise RuntimeError("the sandbox is not running; call start() first")
        return self._app

    @property
    def base_url(self) -> str:
        return self.app.base_url

    def start(self) -> SandboxServer:
        if self._app is not None:
            return self
        self.data_dir.mkdir(parents=True, exist_ok=True)
        os.chmod(self.data_dir, 0o700)
        app = SandboxApp(self.data_dir, self.token, self.speed, self.rng_seed)
        if self.seed_orders > 0 and app.store.get_meta("initial_seed") is None:
            if app.store.order_count() == 0:
                app.store.seed(self.seed_orders, app.clock.now())
            app.store.set_meta("initial_seed", str(self.seed_orders))
        server = _Server((self.host, self.port), app)
        host, port = server.server_address[:2]
        shown = "127.0.0.1" if host in ("0.0.0.0", "") else str(host)
        app.base_url = f"http://{shown}:{port}"
        server.allowed_hosts = allowed_hosts(str(host), int(port))
        self._app, self._server = app, server
        self._stopping.clear()
        serve = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                                 name="sandbox-http", daemon=True)
        serve.start()
        self._threads = [serve]
        if self.speed > 0:
            tick = threading.Thread(target=self._tick, name="sandbox-clock", daemon=True)
            tick.start()
            self._threads.append(tick)
        return self

    def _tick(self) -> None:
        # With a running clock, keep the list columns fresh and the clock persisted.
        beats = 0
        while not self._stopping.wait(1.0):
            app = self._app
            if app is None:
                return
            try:
                app.store.refresh(app.clock.now())
                beats += 1
                if beats % 10 == 0:
                    app.persist_clock()
            except Exception:
                log.exception("sandbox clock tick failed")

    def stop(self) -> None:
        server, app = self._server, self._app
        if server is None or app is None:
            return
        self._stopping.set()
        server.shutdown()
        server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)
        app.persist_clock()
        app.store.close()
        self._server = self._app = None

    def __enter__(self) -> SandboxServer:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    # --- conveniences for tests and the embedded app ---------------------------------------

    def now(self) -> datetime:
        return datetime.fromtimestamp(self.app.clock.now(), UTC)

    def advance(self, days: float) -> None:
        self.app.advance(days)

    def seed(self, orders: int) -> None:
        self.app.store.seed(orders, self.app.clock.now())

    def set_faults(self, latency_ms: float = 0, error_rate: float = 0.0,
                   rate_limit_rate: float = 0.0, drop_rate: float = 0.0,
                   commit_then_error_rate: float = 0.0, visibility_lag_s: float = 0.0) -> None:
        with self.app._fault_lock:
            self.app.faults = Faults(latency_ms, error_rate, rate_limit_rate, drop_rate,
                                     commit_then_error_rate, visibility_lag_s)

    def reset(self) -> None:
        self.app.reset()

    def set_requisitions_enabled(self, enabled: bool) -> None:
        self.app.store.set_meta("requisitions_disabled", "0" if enabled else "1")

    def force(self, kit_id: str, status: str) -> None:
        error = self.app.store.force_kit(kit_id, status, self.app.clock.now())
        if error:
            raise ValueError(error)

    def count_orders_with_metadata(self, key: str, value: Any) -> int:
        return self.app.store.count_orders_with_metadata(key, value)

    def order_count(self) -> int:
        return self.app.store.order_count()
