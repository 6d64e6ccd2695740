"""SpotClient: one method per documented endpoint (SPEC.md §7), over httpx.

Thread-safe: the only state is set in ``__init__``; ``httpx.Client`` itself is safe to share
between worker threads. GETs retry transient failures; POSTs never do (a duplicate order is a
shipped kit — the outbox in ``app.services`` decides what to re-send).
"""

from __future__ import annotations

import email.utils
import functools
import json as jsonlib
import logging
import random
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from types import TracebackType
from typing import Any, Self, TypedDict, TypeVar, Unpack
from urllib.parse import quote, urlencode

import httpx
from pydantic import BaseModel, TypeAdapter, ValidationError

from app import __version__
from app.api import models
from app.api.errors import (
    ConnectionCause,
    ResponseTooLarge,
    ResponseValidationError,
    SpotConnectionError,
    SpotError,
    SpotTimeout,
    UnsafeURL,
    make_status_error,
)
from app.api.transport import (
    SYSTEM_PROXY,
    ProxySetting,
    RequestDeadline,
    RoutingTransport,
    classify,
    is_loopback_host,
    peek_certificate,
)

logger = logging.getLogger("app.api")

PAGE_SIZE_MAX = 100
BACKOFF_BASE = 0.5  # seconds before the first retry
BACKOFF_CAP = 8.0  # longest computed backoff
RETRY_AFTER_CAP = 30.0  # a front desk does not wait longer than this for one request
MAX_REDIRECTS = 5
MAX_API_BODY = 10 * 1024 * 1024  # bytes; a page of 100 orders is well under 1 MiB
MAX_DOWNLOAD_BODY = 50 * 1024 * 1024  # bytes; a report PDF is a few MB
# Where Spot's documented report links point (SPEC §6.12: https://app.spotkits.com/results/…),
# besides the API host itself.
REPORT_HOSTS = frozenset({"app.spotkits.com"})
_DEFAULT_PORTS = {"http": 80, "https": 443}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# Failures that happen before any byte of the request is written: safe to re-send a POST.
_NOT_SENT = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
    httpx.UnsupportedProtocol,
    httpx.ProxyError,  # the proxy would not open the tunnel: nothing reached Spot
)
# Retrying these cannot help: the same certificate or handshake comes back.
_NOT_RETRIED = frozenset({ConnectionCause.CERTIFICATE, ConnectionCause.TLS})
_SAFE_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")
_ID_FIELDS: dict[type[BaseModel], str] = {
    models.OrderSummary: "order_id",
    models.KitSummary: "kit_id",
    models.Requisition: "id",
}

ModelT = TypeVar("ModelT", bound=BaseModel)
DateFilter = date | str | None


class _DateFilters(TypedDict, total=False):
    """The four inclusive ``YYYY-MM-DD`` filters every list endpoint takes."""

    created_before: DateFilter
    created_after: DateFilter
    updated_before: DateFilter
    updated_after: DateFilter


class _PersonFilters(_DateFilters, total=False):
    email: str | None
    first_name: str | None
    last_name: str | None
    phone: str | None


class OrderFilters(_PersonFilters, total=False):
    """Query filters of ``GET /api/v2/orders/`` (SPEC §7.2)."""

    status: str | None


class KitFilters(_PersonFilters, total=False):
    """Query filters of ``GET /api/v2/kits/`` (SPEC §7.5)."""

    kit_type: str | None
    has_order: bool | None
    kit_status: str | None
    sample_status: str | None


class RequisitionFilters(_PersonFilters, total=False):
    """Query filters of ``GET /api/v2/requisitions/`` (SPEC §7.9)."""

    lab: str | None
    status: str | None


def _checked(method: str, filters: dict[str, Any], allowed: frozenset[str]) -> dict[str, Any]:
    """``filters`` as given, refusing a name the endpoint does not document (a typo must not
    silently widen a search that goes out with patient names in it)."""
    for name in filters:
        if name not in allowed:
            raise TypeError(f"{method}() got an unexpected keyword argument {name!r}")
    return filters


@dataclass(frozen=True, slots=True)
class Timeouts:
    """Seconds. Short on purpose: someone is waiting at the desk."""

    connect: float = 5.0
    read: float = 15.0
    write: float = 15.0
    pool: float = 5.0
    download_read: float = 60.0  # report PDFs can be a few MB over a slow clinic line
    # Whole-exchange deadlines (each attempt, redirects included): a server trickling a byte
    # a second stays under every per-read timeout, but not under these.
    api_deadline: float = 30.0
    download_deadline: float = 120.0

    def api(self) -> httpx.Timeout:
        return httpx.Timeout(connect=self.connect, read=self.read, write=self.write, pool=self.pool)

    def download(self) -> httpx.Timeout:
        return httpx.Timeout(
            connect=self.connect, read=self.download_read, write=self.write, pool=self.pool
        )


DEFAULT_TIMEOUTS = Timeouts()


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return (url.scheme, url.host.lower(), url.port or _DEFAULT_PORTS.get(url.scheme))


def _check_secure(url: httpx.URL) -> None:
    if url.scheme == "https" or (url.scheme == "http" and is_loopback_host(url.host)):
        return
    raise UnsafeURL(
        f"refusing {url.scheme or 'a relative'} URL: the Spot API must be reached over https "
        "(plain http is allowed only for a loopback sandbox: 127.0.0.1, ::1, localhost)"
    )


def _read_body(
    response: httpx.Response,
    *,
    limit: int,
    deadline: RequestDeadline,
    on_progress: Callable[[int, int | None], None] | None,
    method: str,
    template: str,
) -> httpx.Response:
    """Read a streamed response whole, refusing more than ``limit`` bytes (by Content-Length
    before reading, or as soon as the decoded body passes it) and stopping at ``deadline``.
    ``on_progress(received, total)`` follows a success body. Returns it with its body loaded."""
    try:
        length = response.headers.get("Content-Length", "")
        total = int(length) if length.isdigit() else None
        encoded = "Content-Encoding" in response.headers
        if total is not None and total > limit and not encoded:
            raise ResponseTooLarge(
                limit,
                request_method=method,
                request_path_template=template,
                status_code=response.status_code,
            )
        progress = on_progress if response.is_success else None  # error bodies: no progress
        chunks: list[bytes] = []
        decoded = 0
        if progress is not None:
            progress(0, total)
        for chunk in response.iter_bytes():
            decoded += len(chunk)
            if decoded > limit:  # decoded bytes: a small gzip bomb is refused too
                raise ResponseTooLarge(
                    limit,
                    request_method=method,
                    request_path_template=template,
                    status_code=response.status_code,
                )
            chunks.append(chunk)
            if progress is not None:
                # Bytes on the wire, comparable with Content-Length even for a compressed body
                # (a transport that hands over a body already in memory counts none: use
                # decoded).
                progress(response.num_bytes_downloaded or decoded, total)
            if deadline.passed():
                raise httpx.ReadTimeout("the request's deadline passed", request=response.request)
    finally:
        response.close()
    # The body is decoded already: drop the headers that describe the encoded form.
    headers = httpx.Headers(response.headers)
    for name in ("Content-Encoding", "Content-Length"):
        headers.pop(name, None)
    return httpx.Response(
        response.status_code, headers=headers, content=b"".join(chunks), request=response.request
    )


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = when.timestamp() - (time.time() if now is None else now)
    if seconds != seconds:  # NaN
        return None
    return max(0.0, seconds)


def backoff_delay(retry_index: int, rng: Callable[[], float] = random.random) -> float:
    """Jittered exponential backoff: up to a quarter shorter than base·2^n, capped."""
    delay = min(BACKOFF_CAP, BACKOFF_BASE * (2**retry_index))
    return delay * (1 - 0.25 * rng())


def _date_param(name: str, value: date | str) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    raise ValueError(f"{name} must be a date or a YYYY-MM-DD string")


def _page_params(results: int, offset: int) -> dict[str, str]:
    if isinstance(results, bool) or not isinstance(results, int) or not 1 <= results <= 100:
        raise ValueError("results must be an integer from 1 to 100")
    if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
        raise ValueError("offset must be an integer ≥ 0")
    return {"results": str(results), "offset": str(offset)}


def _filter_params(filters: dict[str, Any]) -> dict[str, str]:
    params: dict[str, str] = {}
    for name, value in filters.items():
        if value is None:
            continue
        if name.endswith(("_before", "_after")):
            params[name] = _date_param(name, value)
        elif isinstance(value, bool):
            params[name] = "true" if value else "false"
        else:
            params[name] = str(value)
    return params


@functools.cache
def _list_adapter[M: BaseModel](model: type[M]) -> TypeAdapter[list[M]]:
    # Building an adapter costs about a millisecond; a 100k-order sync walks 1,000 pages.
    return TypeAdapter(list[model])  # type: ignore[valid-type]


@dataclass(frozen=True, slots=True)
class SkippedRecord:
    """A record of a list page that did not match the API's documented shape.

    ``position`` is its index in the whole listing (offset + index on the page), ``record_id``
    its id when one could be read safely (ids are not patient data), and ``reason`` the field
    paths and problems, without values (PHI-free)."""

    position: int
    record_id: str | None
    reason: str


class Page[M](list[M]):
    """The readable records of one list page: a ``list`` (old callers keep working) with
    ``items`` (itself), ``skipped`` (the unreadable ones) and ``received`` (how many records
    the server sent). Paginate by ``received``, not ``len``: a page with a skipped record is
    shorter than the server's page but not the last one."""

    skipped: tuple[SkippedRecord, ...]
    received: int

    def __init__(
        self, items: Sequence[M] = (), skipped: Sequence[SkippedRecord] = (), received: int = -1
    ) -> None:
        super().__init__(items)
        self.skipped = tuple(skipped)
        self.received = received if received >= 0 else len(items) + len(self.skipped)

    @property
    def items(self) -> list[M]:
        return list(self)


def received_count(page: Sequence[object]) -> int:
    """How many records the server sent for ``page`` (a `Page`, or any plain sequence)."""
    return page.received if isinstance(page, Page) else len(page)


@dataclass(eq=False)
class Records[M]:
    """``iter_*``'s iterator: the readable records of every page, in order. ``skipped`` grows
    with each page walked (the unreadable records so far)."""

    _pages: Iterator[Page[M]]
    skipped: list[SkippedRecord] = field(default_factory=list)
    _current: Iterator[M] = field(default_factory=lambda: iter(()))

    def __iter__(self) -> Records[M]:
        return self

    def __next__(self) -> M:
        while True:
            try:
                return next(self._current)
            except StopIteration:
                page = next(self._pages)  # StopIteration here ends the walk
                self.skipped.extend(page.skipped)
                self._current = iter(page)


def _record_id(model: type[BaseModel], raw: object) -> str | None:
    """The record's own id, if it is a plain id (an odd value could be anything: not shown)."""
    if not isinstance(raw, dict):
        return None
    value = raw.get(_ID_FIELDS.get(model, "id"))
    if isinstance(value, str) and _SAFE_ID.match(value):
        return value
    return None


def _validation_summary(exc: ValidationError) -> str:
    # Locations and messages only: pydantic's default text includes the offending input (PHI).
    parts = []
    for err in exc.errors(include_input=False, include_url=False)[:5]:
        loc = ".".join(str(p) for p in err["loc"]) or "body"
        parts.append(f"{loc}: {err['msg']}")
    more = exc.error_count() - len(parts)
    return "; ".join(parts) + (f" (+{more} more)" if more > 0 else "")


class SpotClient:
    """The Spot API over httpx. ``transport`` lets tests pass an ``httpx.MockTransport``."""

    def __init__(
        self,
        base_url: str,
        token: str,
        transport: httpx.BaseTransport | None = None,
        *,
        timeouts: Timeouts = DEFAULT_TIMEOUTS,
        max_retries: int = 3,
        sleep: Callable[[float], None] = time.sleep,
        jitter: Callable[[], float] = random.random,
        proxy: ProxySetting = SYSTEM_PROXY,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        url = httpx.URL(base_url.strip())
        if not url.host:
            raise ValueError("base_url needs a scheme and a host, e.g. https://app.spotdx.com")
        _check_secure(url)
        if url.query or url.fragment:
            raise ValueError("base_url must not have a query or fragment")
        if not token or token != token.strip() or any(ch in token for ch in "\r\n\t "):
            raise ValueError("the API token must be a non-empty string without whitespace")
        if max_retries < 0:
            raise ValueError("max_retries must be ≥ 0")
        self._base = url.copy_with(path=url.path.rstrip("/") or "")
        self._origin = _origin(self._base)
        self._token = token
        self._timeouts = timeouts
        self._max_retries = max_retries
        self._sleep = sleep
        self._jitter = jitter
        self._clock = clock
        self._proxy = proxy
        # A real network: name the certificate when TLS verification fails (not for fakes).
        self._peek_certificates = transport is None
        if transport is None:
            # Our own routing: OS trust store, chosen proxy, loopback always direct, deadlines.
            transport = RoutingTransport(proxy)
        # No client-wide auth header: it is added per request, for our own origin only, so a
        # redirect or a report link elsewhere can never carry it. trust_env off: proxies come
        # from `RoutingTransport`, and no .netrc or SSL_CERT_* handling of httpx's own.
        self._http = httpx.Client(
            transport=transport,
            trust_env=False,
            timeout=timeouts.api(),
            follow_redirects=False,
            headers={"User-Agent": f"spot-front-desk/{__version__}"},
        )

    # --- lifecycle -----------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return str(self._base).rstrip("/")

    @property
    def proxy(self) -> ProxySetting:
        return self._proxy

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"SpotClient(base_url={self.base_url!r})"

    # --- orders --------------------------------------------------------------------------

    def create_order(self, order: models.NewOrder) -> models.Order:
        response = self._call("POST", "/api/v2/orders/", json=order.to_body())
        return self._model(models.Order, response, "POST", "/api/v2/orders/")

    def list_orders(
        self, *, results: int = 10, offset: int = 0, **filters: Unpack[OrderFilters]
    ) -> Page[models.OrderSummary]:
        checked = _checked("list_orders", dict(filters), OrderFilters.__optional_keys__)
        return self._list(models.OrderSummary, "/api/v2/orders/", checked, results, offset)

    def iter_orders(self, **filters: Unpack[OrderFilters]) -> Records[models.OrderSummary]:
        checked = _checked("iter_orders", dict(filters), OrderFilters.__optional_keys__)
        return self._iterate(models.OrderSummary, "/api/v2/orders/", checked)

    def get_order(self, order_id: str) -> models.Order:
        template = "/api/v2/orders/{public_id}/"
        response = self._call("GET", template, {"public_id": order_id})
        return self._model(models.Order, response, "GET", template)

    def update_order_metadata(self, order_id: str, metadata: dict[str, Any] | None) -> models.Order:
        template = "/api/v2/orders/{public_id}/"
        response = self._call(
            "POST", template, {"public_id": order_id}, json={"metadata": metadata}
        )
        return self._model(models.Order, response, "POST", template)

    # --- kits ----------------------------------------------------------------------------

    def list_kits(
        self, *, results: int = 10, offset: int = 0, **filters: Unpack[KitFilters]
    ) -> Page[models.KitSummary]:
        checked = _checked("list_kits", dict(filters), KitFilters.__optional_keys__)
        return self._list(models.KitSummary, "/api/v2/kits/", checked, results, offset)

    def iter_kits(self, **filters: Unpack[KitFilters]) -> Records[models.KitSummary]:
        checked = _checked("iter_kits", dict(filters), KitFilters.__optional_keys__)
        return self._iterate(models.KitSummary, "/api/v2/kits/", checked)

    def get_kit(self, kit_id: str) -> models.Kit:
        template = "/api/v2/kits/{public_id}/"
        response = self._call("GET", template, {"public_id": kit_id})
        return self._model(models.Kit, response, "GET", template)

    def update_kit_metadata(self, kit_id: str, metadata: dict[str, Any]) -> models.Kit:
        template = "/api/v2/kits/{public_id}/"
        response = self._call("POST", template, {"public_id": kit_id}, json={"metadata": metadata})
        return self._model(models.Kit, response, "POST", template)

    # --- requisitions --------------------------------------------------------------------

    def create_requisition(self, requisition: models.NewRequisition) -> models.Requisition:
        template = "/api/v2/requisitions/"
        response = self._call("POST", template, json=requisition.to_body())
        return self._model(models.Requisition, response, "POST", template)

    def list_requisitions(
        self, *, results: int = 10, offset: int = 0, **filters: Unpack[RequisitionFilters]
    ) -> Page[models.Requisition]:
        checked = _checked("list_requisitions", dict(filters), RequisitionFilters.__optional_keys__)
        return self._list(models.Requisition, "/api/v2/requisitions/", checked, results, offset)

    def iter_requisitions(
        self, **filters: Unpack[RequisitionFilters]
    ) -> Records[models.Requisition]:
        checked = _checked("iter_requisitions", dict(filters), RequisitionFilters.__optional_keys__)
        return self._iterate(models.Requisition, "/api/v2/requisitions/", checked)

    def get_requisition(self, requisition_id: str) -> models.Requisition:
        template = "/api/v2/requisitions/{id}"  # documented without a trailing slash (§14.5)
        response = self._call("GET", template, {"id": requisition_id})
        return self._model(models.Requisition, response, "GET", template)

    # --- registration and activation -----------------------------------------------------

    def create_patient(self, patient: models.NewPatient) -> models.Patient:
        template = "/api/v2/patients/"
        response = self._call("POST", template, json=patient.to_body())
        return self._model(models.Patient, response, "POST", template)

    def create_registration_token(
        self, patient_id: str, kit_type: str | None = None
    ) -> models.RegistrationToken:
        template = "/api/v2/tokens/patient_registration/"
        body: dict[str, Any] = {"patient_id": patient_id}
        if kit_type is not None:
            body["kit_type"] = kit_type
        response = self._call("POST", template, json=body)
        return self._model(models.RegistrationToken, response, "POST", template)

    def activate_kit(self, kit_id: str, activation: models.KitActivation) -> None:
        template = "/api/v3/kits/{public_id}/activate/"
        # The vendor spec also lists public_id as a query parameter (§7.13): send both.
        self._call(
            "POST",
            template,
            {"public_id": kit_id},
            params={"public_id": kit_id},
            json=activation.to_body(),
        )

    # --- report files --------------------------------------------------------------------

    def download(
        self, url: str, *, on_progress: Callable[[int, int | None], None] | None = None
    ) -> bytes:
        """Fetch a report file (at most ``MAX_DOWNLOAD_BODY`` bytes). The token goes only to
        our own origin, never to another host (e.g. signed storage links).

        ``url`` must be an https link on the API host or one of Spot's documented report hosts
        (`REPORT_HOSTS`); with a loopback (sandbox) API, links on that same origin and relative
        links are accepted too. Anything else raises `UnsafeURL` (also a ValueError).

        ``on_progress(received, total)`` is called (on the calling thread) as the body arrives;
        ``total`` is None when the server sends no Content-Length. A retried download starts
        counting again from zero."""
        target = self.report_url(url)
        # Log and report the host only: a signed link's path and query are credentials.
        label = f"<download {target.host}>"
        response = self._send_with_retries(
            "GET",
            target,
            label,
            json=None,
            timeout=self._timeouts.download(),
            deadline=self._timeouts.download_deadline,
            limit=MAX_DOWNLOAD_BODY,
            retry=True,
            accept="*/*",
            on_progress=on_progress,
        )
        return response.content

    def report_url(self, url: str) -> httpx.URL:
        """``url`` as the absolute link `download` would fetch; `UnsafeURL` if it refuses it."""
        try:
            raw = httpx.URL(url.strip())
        except (httpx.InvalidURL, TypeError):
            raise UnsafeURL("the report link is not a valid URL") from None
        sandbox = is_loopback_host(self._base.host)
        if not raw.is_absolute_url:
            if not sandbox:
                raise UnsafeURL("refusing a relative report link from a production server")
            raw = self._base.join(raw)
        _check_secure(raw)
        if _origin(raw) == self._origin:
            return raw
        if raw.scheme == "https" and raw.host.lower() in REPORT_HOSTS and raw.port in (None, 443):
            return raw
        raise UnsafeURL(
            "refusing a report link to a host that is neither the API host nor one of Spot's "
            f"report hosts ({raw.host})"
        )

    def _url(self, template: str, path_params: dict[str, str] | None) -> httpx.URL:
        path = template
        for name, value in (path_params or {}).items():
            if not isinstance(value, str) or not value:
                raise ValueError(f"{name} must be a non-empty string")
            # Quote everything so an ID can never step into another path ("../", "?").
            path = path.replace("{" + name + "}", quote(value, safe=""))
        return self._base.copy_with(raw_path=(self._base.raw_path.rstrip(b"/") + path.encode()))

    def _headers_for(self, url: httpx.URL, accept: str) -> dict[str, str]:
        headers = {"Accept": accept}
        if _origin(url) == self._origin:
            headers["Authorization"] = f"Token {self._token}"
        return headers

    def _call(
        self,
        method: str,
        template: str,
        path_params: dict[str, str] | None = None,
        *,
        params: dict[str, str] | None = None,
        json: Any = None,
    ) -> httpx.Response:
        url = self._url(template, path_params)
        if params:
            # %20, not "+": the requisition lab filter is documented that way (SPEC §4).
            url = url.copy_with(query=urlencode(params, quote_via=quote, safe="").encode("ascii"))
        return self._send_with_retries(
            method,
            url,
            template,
            json=json,
            timeout=self._timeouts.api(),
            deadline=self._timeouts.api_deadline,
            limit=MAX_API_BODY,
            retry=method == "GET",
        )

    def _send_with_retries(
        self,
        method: str,
        url: httpx.URL,
        template: str,
        *,
        json: Any,
        timeout: httpx.Timeout,
        deadline: float,
        limit: int,
        retry: bool,
        accept: str = "application/json",
        on_progress: Callable[[int, int | None], None] | None = None,
    ) -> httpx.Response:
        attempts = 1 + (self._max_retries if retry else 0)
        for attempt in range(attempts):
            last = attempt == attempts - 1
            started = time.monotonic()
            exchange = RequestDeadline(deadline, self._clock)
            try:
                with exchange.active():
                    response = self._send_once(
                        method, url, template, json, timeout, accept, limit, exchange, on_progress
                    )
            except httpx.RequestError as exc:  # transport failures, timeouts, a corrupt body
                cause, detail = classify(exc, via_proxy=exchange.via_proxy)
                outcome = f"{type(exc).__name__} ({cause})"
                self._log(method, template, outcome, started, logging.INFO)
                if last or cause in _NOT_RETRIED:
                    raise self._transport_error(exc, cause, detail, method, template, url) from None
                self._sleep(backoff_delay(attempt, self._jitter))
                continue
            except SpotError as exc:  # a body too large, a refused redirect
                self._log(method, template, type(exc).__name__, started, logging.INFO)
                raise
            level = logging.DEBUG if response.is_success else logging.INFO
            self._log(method, template, response.status_code, started, level)
            if response.is_success:
                return response
            retry_after = parse_retry_after(response.headers.get("Retry-After"))
            error = make_status_error(
                response,
                request_method=method,
                request_path_template=template,
                retry_after=retry_after,
            )
            transient = response.status_code == 429 or response.status_code >= 500
            if last or not transient:
                raise error
            if retry_after is not None:
                delay = min(retry_after, RETRY_AFTER_CAP)
            else:
                delay = backoff_delay(attempt, self._jitter)
            logger.info(
                "retrying %s %s in %.2f s (%s)", method, template, delay, type(error).__name__
            )
            self._sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover

    def _transport_error(
        self,
        exc: httpx.RequestError,
        cause: ConnectionCause,
        detail: str,
        method: str,
        template: str,
        url: httpx.URL,
    ) -> SpotConnectionError:
        maybe_delivered = not isinstance(exc, _NOT_SENT)
        if cause is ConnectionCause.TIMEOUT:
            return SpotTimeout(
                f"Spot did not answer {method} {template} in time",
                maybe_delivered=maybe_delivered,
                detail=detail,
            )
        error = SpotConnectionError(
            f"could not reach Spot for {method} {template} ({type(exc).__name__}: {cause})",
            maybe_delivered=maybe_delivered,
            cause=cause,
            detail=detail,
        )
        if cause is ConnectionCause.CERTIFICATE and self._peek_certificates:
            error.certificate = peek_certificate(url, self._proxy)
            if error.certificate is not None:
                logger.info(
                    "certificate refused for %s: %s (subject %r, issuer %r)",
                    url.host,
                    detail,
                    error.certificate.subject,
                    error.certificate.issuer,
                )
        return error

    def _send_once(
        self,
        method: str,
        url: httpx.URL,
        template: str,
        json: Any,
        timeout: httpx.Timeout,
        accept: str,
        limit: int,
        deadline: RequestDeadline,
        on_progress: Callable[[int, int | None], None] | None = None,
    ) -> httpx.Response:
        if self._http.is_closed:
            # A signed-out session closes its client while a worker may still hold it.
            raise SpotConnectionError(
                "the Spot connection was closed",
                maybe_delivered=False,
                cause=ConnectionCause.CLOSED,
            )
        request = self._http.build_request(
            method, url, json=json, headers=self._headers_for(url, accept), timeout=timeout
        )
        sandbox = is_loopback_host(self._base.host)
        for _hop in range(MAX_REDIRECTS + 1):
            try:
                response = self._http.send(request, stream=True)
            except RuntimeError:
                if not self._http.is_closed:
                    raise
                # Signed out (client closed) between the check above and the send.
                raise SpotConnectionError(
                    "the Spot connection was closed",
                    maybe_delivered=False,
                    cause=ConnectionCause.CLOSED,
                ) from None
            if not response.is_redirect:
                return _read_body(
                    response,
                    limit=limit,
                    deadline=deadline,
                    on_progress=on_progress,
                    method=method,
                    template=template,
                )
            response.close()
            if method != "GET":
                # Following would re-send (307/308) or silently drop (301/302) the body.
                raise make_status_error(
                    response, request_method=method, request_path_template=template
                )
            try:
                target = request.url.join(response.headers["Location"])
                _check_secure(target)
                if is_loopback_host(target.host) and not sandbox:
                    raise UnsafeURL("a production server redirected to this computer")
            except (UnsafeURL, httpx.InvalidURL, ValueError):
                raise SpotConnectionError(
                    f"{method} {template} was redirected to an insecure URL; not followed",
                    cause=ConnectionCause.REDIRECT,
                ) from None
            # Fresh headers per hop: the token only if the hop stays on our own origin.
            request = self._http.build_request(
                "GET", target, headers=self._headers_for(target, accept), timeout=timeout
            )
        raise SpotConnectionError(
            f"{method} {template}: too many redirects", cause=ConnectionCause.REDIRECT
        )

    @staticmethod
    def _log(method: str, template: str, outcome: int | str, started: float, level: int) -> None:
        # Template only: real paths carry IDs and query strings carry names and emails.
        elapsed_ms = (time.monotonic() - started) * 1000
        logger.log(level, "%s %s -> %s in %.0f ms", method, template, outcome, elapsed_ms)

    def _list(
        self,
        model: type[ModelT],
        template: str,
        filters: dict[str, Any],
        results: int,
        offset: int,
    ) -> Page[ModelT]:
        params = {**_filter_params(filters), **_page_params(results, offset)}
        response = self._call("GET", template, params=params)
        data = self._json(response, "GET", template)
        if not isinstance(data, list):
            raise ResponseValidationError(
                f"expected a JSON array, got {type(data).__name__}",
                request_method="GET",
                request_path_template=template,
                status_code=response.status_code,
            )
        try:
            return Page(_list_adapter(model).validate_python(data), (), len(data))
        except ValidationError:
            pass
        # One bad record must not hide the page: keep the readable ones, name the others.
        items: list[ModelT] = []
        skipped: list[SkippedRecord] = []
        for index, raw in enumerate(data):
            try:
                items.append(model.model_validate(raw))
            except ValidationError as exc:
                skipped.append(
                    SkippedRecord(offset + index, _record_id(model, raw), _validation_summary(exc))
                )
            except RecursionError:
                skipped.append(
                    SkippedRecord(offset + index, _record_id(model, raw), "nested too deep")
                )
        for record in skipped:
            # Ids and field paths only (no values): PHI-free.
            logger.warning(
                "GET %s: skipped unreadable record at position %d (id %s): %s",
                template,
                record.position,
                record.record_id or "unknown",
                record.reason,
            )
        return Page(items, skipped, len(data))

    def _iterate(
        self, model: type[ModelT], template: str, filters: dict[str, Any]
    ) -> Records[ModelT]:
        _filter_params(filters)  # bad filters fail at the call, not at the first next()
        return Records(self._pages(model, template, filters))

    def _pages(
        self, model: type[ModelT], template: str, filters: dict[str, Any]
    ) -> Iterator[Page[ModelT]]:
        offset = 0
        while True:
            page = self._list(model, template, filters, PAGE_SIZE_MAX, offset)
            yield page
            if page.received < PAGE_SIZE_MAX:
                return
            offset += page.received

    @staticmethod
    def _json(response: httpx.Response, method: str, template: str) -> Any:
        try:
            return jsonlib.loads(response.content)
        except (ValueError, RecursionError) as exc:
            problem = (
                "the body is nested too deeply to read"
                if isinstance(exc, RecursionError)
                else "the body is not JSON"
            )
            raise ResponseValidationError(
                problem,
                request_method=method,
                request_path_template=template,
                status_code=response.status_code,
            ) from None

    def _model(
        self, model: type[ModelT], response: httpx.Response, method: str, template: str
    ) -> ModelT:
        data = self._json(response, method, template)
        if not isinstance(data, dict):
            raise ResponseValidationError(
                f"expected a JSON object, got {type(data).__name__}",
                request_method=method,
                request_path_template=template,
                status_code=response.status_code,
            )
        try:
            return model.model_validate(data)
        except RecursionError:
            raise ResponseValidationError(
                "the body is nested too deeply to read",
                request_method=method,
                request_path_template=template,
                status_code=response.status_code,
            ) from None
        except ValidationError as exc:
            raise ResponseValidationError(
                _validation_summary(exc),
                request_method=method,
                request_path_template=template,
                status_code=response.status_code,
            ) from None


__all__ = [
    "BACKOFF_BASE",
    "BACKOFF_CAP",
    "DEFAULT_TIMEOUTS",
    "MAX_API_BODY",
    "MAX_DOWNLOAD_BODY",
    "REPORT_HOSTS",
    "RETRY_AFTER_CAP",
    "Page",
    "ProxySetting",
    "Records",
    "SkippedRecord",
    "SpotClient",
    "Timeouts",
    "backoff_delay",
    "is_loopback_host",
    "parse_retry_after",
    "received_count",
]
