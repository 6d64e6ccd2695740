"""SpotClient: one method per documented endpoint (SPEC.md §7), over httpx.

Thread-safe: the only state is set in ``__init__``; ``httpx.Client`` itself is safe to share
between worker threads. GETs retry transient failures; POSTs never do (a duplicate order is a
shipped kit — the outbox in ``app.services`` decides what to re-send).
"""

from __future__ import annotations

import email.utils
import functools
import ipaddress
import logging
import random
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from types import TracebackType
from typing import Any, Self, TypedDict, TypeVar, Unpack
from urllib.parse import quote, urlencode

import httpx
from pydantic import BaseModel, TypeAdapter, ValidationError

from app import __version__
from app.api import models
from app.api.errors import (
    ResponseValidationError,
    SpotConnectionError,
    SpotTimeout,
    make_status_error,
)

logger = logging.getLogger("app.api")

PAGE_SIZE_MAX = 100
BACKOFF_BASE = 0.5  # seconds before the first retry
BACKOFF_CAP = 8.0  # longest computed backoff
RETRY_AFTER_CAP = 30.0  # a front desk does not wait longer than this for one request
MAX_REDIRECTS = 5
_DEFAULT_PORTS = {"http": 80, "https": 443}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# Failures that happen before any byte of the request is written: safe to re-send a POST.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.UnsupportedProtocol)

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

    def api(self) -> httpx.Timeout:
        return httpx.Timeout(connect=self.connect, read=self.read, write=self.write, pool=self.pool)

    def download(self) -> httpx.Timeout:
        return httpx.Timeout(
            connect=self.connect, read=self.download_read, write=self.write, pool=self.pool
        )


DEFAULT_TIMEOUTS = Timeouts()


def is_loopback_host(host: str) -> bool:
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return (url.scheme, url.host.lower(), url.port or _DEFAULT_PORTS.get(url.scheme))


def _check_secure(url: httpx.URL) -> None:
    if url.scheme == "https" or (url.scheme == "http" and is_loopback_host(url.host)):
        return
    raise ValueError(
        f"refusing {url.scheme or 'a relative'} URL: the Spot API must be reached over https "
        "(plain http is allowed only for a loopback sandbox: 127.0.0.1, ::1, localhost)"
    )


def _read_with_progress(
    response: httpx.Response, on_progress: Callable[[int, int | None], None]
) -> httpx.Response:
    """Read a streamed response, reporting bytes received; return it with its body loaded."""
    try:
        if not response.is_success:
            response.read()  # error bodies are small; no progress for them
            return response
        length = response.headers.get("Content-Length", "")
        total = int(length) if length.isdigit() else None
        chunks: list[bytes] = []
        decoded = 0
        on_progress(0, total)
        for chunk in response.iter_bytes():
            chunks.append(chunk)
            decoded += len(chunk)
            # Bytes on the wire, comparable with Content-Length even for a compressed body
            # (a transport that hands over a body already in memory counts none: use decoded).
            on_progress(response.num_bytes_downloaded or decoded, total)
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
        # No client-wide auth header: it is added per request, for our own origin only, so a
        # redirect or a report link elsewhere can never carry it.
        self._http = httpx.Client(
            transport=transport,
            timeout=timeouts.api(),
            follow_redirects=False,
            headers={"User-Agent": f"spot-front-desk/{__version__}"},
        )

    # --- lifecycle -----------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return str(self._base).rstrip("/")

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
    ) -> list[models.OrderSummary]:
        checked = _checked("list_orders", dict(filters), OrderFilters.__optional_keys__)
        return self._list(models.OrderSummary, "/api/v2/orders/", checked, results, offset)

    def iter_orders(self, **filters: Unpack[OrderFilters]) -> Iterator[models.OrderSummary]:
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
    ) -> list[models.KitSummary]:
        checked = _checked("list_kits", dict(filters), KitFilters.__optional_keys__)
        return self._list(models.KitSummary, "/api/v2/kits/", checked, results, offset)

    def iter_kits(self, **filters: Unpack[KitFilters]) -> Iterator[models.KitSummary]:
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
    ) -> list[models.Requisition]:
        checked = _checked("list_requisitions", dict(filters), RequisitionFilters.__optional_keys__)
        return self._list(models.Requisition, "/api/v2/requisitions/", checked, results, offset)

    def iter_requisitions(
        self, **filters: Unpack[RequisitionFilters]
    ) -> Iterator[models.Requisition]:
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
        """Fetch a report file. Relative URLs resolve against ``base_url``; the token goes
        only to our own origin, never to another host (e.g. signed storage links).

        ``on_progress(received, total)`` is called (on the calling thread) as the body arrives;
        ``total`` is None when the server sends no Content-Length. A retried download starts
        counting again from zero."""
        target = self._base.join(url)
        _check_secure(target)
        # Log and report the host only: a signed link's path and query are credentials.
        label = f"<download {target.host}>"
        response = self._send_with_retries(
            "GET",
            target,
            label,
            json=None,
            timeout=self._timeouts.download(),
            retry=True,
            accept="*/*",
            on_progress=on_progress,
        )
        return response.content

    # --- plumbing ------------------------------------------------------------------------

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
        retry: bool,
        accept: str = "application/json",
        on_progress: Callable[[int, int | None], None] | None = None,
    ) -> httpx.Response:
        attempts = 1 + (self._max_retries if retry else 0)
        for attempt in range(attempts):
            last = attempt == attempts - 1
            started = time.monotonic()
            try:
                response = self._send_once(
                    method, url, template, json, timeout, accept, on_progress
                )
            except httpx.TimeoutException as exc:
                self._log(method, template, type(exc).__name__, started, logging.INFO)
                if last:
                    raise SpotTimeout(
                        f"Spot did not answer {method} {template} in time",
                        maybe_delivered=not isinstance(exc, _NOT_SENT),
                    ) from None
                self._sleep(backoff_delay(attempt, self._jitter))
                continue
            except httpx.RequestError as exc:  # transport failures, and a corrupt (gzip) body
                self._log(method, template, type(exc).__name__, started, logging.INFO)
                if last:
                    raise SpotConnectionError(
                        f"could not reach Spot for {method} {template} ({type(exc).__name__})",
                        maybe_delivered=not isinstance(exc, _NOT_SENT),
                    ) from None
                self._sleep(backoff_delay(attempt, self._jitter))
                continue
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

    def _send_once(
        self,
        method: str,
        url: httpx.URL,
        template: str,
        json: Any,
        timeout: httpx.Timeout,
        accept: str,
        on_progress: Callable[[int, int | None], None] | None = None,
    ) -> httpx.Response:
        if self._http.is_closed:
            # A signed-out session closes its client while a worker may still hold it.
            raise SpotConnectionError("the Spot connection was closed", maybe_delivered=False)
        request = self._http.build_request(
            method, url, json=json, headers=self._headers_for(url, accept), timeout=timeout
        )
        for _hop in range(MAX_REDIRECTS + 1):
            if on_progress is None:
                response = self._http.send(request)
            else:
                response = self._http.send(request, stream=True)
                if not response.is_redirect:
                    return _read_with_progress(response, on_progress)
                response.close()
            if not response.is_redirect:
                return response
            if method != "GET":
                # Following would re-send (307/308) or silently drop (301/302) the body.
                raise make_status_error(
                    response, request_method=method, request_path_template=template
                )
            target = request.url.join(response.headers["Location"])
            try:
                _check_secure(target)
            except ValueError:
                raise SpotConnectionError(
                    f"{method} {template} was redirected to an insecure URL; not followed"
                ) from None
            # Fresh headers per hop: the token only if the hop stays on our own origin.
            request = self._http.build_request(
                "GET", target, headers=self._headers_for(target, accept), timeout=timeout
            )
        raise SpotConnectionError(f"{method} {template}: too many redirects")

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
    ) -> list[ModelT]:
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
            return _list_adapter(model).validate_python(data)
        except ValidationError as exc:
            raise ResponseValidationError(
                _validation_summary(exc),
                request_method="GET",
                request_path_template=template,
                status_code=response.status_code,
            ) from None

    def _iterate(
        self, model: type[ModelT], template: str, filters: dict[str, Any]
    ) -> Iterator[ModelT]:
        _filter_params(filters)  # bad filters fail at the call, not at the first next()
        return self._pages(model, template, filters)

    def _pages(
        self, model: type[ModelT], template: str, filters: dict[str, Any]
    ) -> Iterator[ModelT]:
        offset = 0
        while True:
            page = self._list(model, template, filters, PAGE_SIZE_MAX, offset)
            yield from page
            if len(page) < PAGE_SIZE_MAX:
                return
            offset += len(page)

    @staticmethod
    def _json(response: httpx.Response, method: str, template: str) -> Any:
        try:
            return response.json()
        except ValueError:
            raise ResponseValidationError(
                "the body is not JSON",
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
    "RETRY_AFTER_CAP",
    "SpotClient",
    "Timeouts",
    "backoff_delay",
    "is_loopback_host",
    "parse_retry_after",
]
