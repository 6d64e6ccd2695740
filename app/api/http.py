"""The HTTP mechanics under the Spot client: one origin, the token only there, retries.

`SpotHttp` sends a request with per-request deadlines and body caps, retries GETs (and POSTs
that never left the machine) with jittered backoff and ``Retry-After``, follows redirects
only where it is safe, and turns every failure into one `SpotError`. `SpotClient` adds the
documented endpoints on top.
"""

from __future__ import annotations

import email.utils
import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC
from types import TracebackType
from typing import Any, Self
from urllib.parse import quote, urlencode

import httpx

from app import __version__
from app.api.errors import (
    ConnectionCause,
    ResponseTooLarge,
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

BACKOFF_BASE = 0.5  # seconds before the first retry
BACKOFF_CAP = 8.0  # longest computed backoff
RETRY_AFTER_CAP = 30.0  # a front desk does not wait longer than this for one request
MAX_REDIRECTS = 5
MAX_API_BODY = 10 * 1024 * 1024  # bytes; a page of 100 orders is well under 1 MiB
MAX_DOWNLOAD_BODY = 50 * 1024 * 1024  # bytes; a report PDF is a few MB
_DEFAULT_PORTS = {"http": 80, "https": 443}

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



class SpotHttp:
    """Connection, auth header and retries for one Spot API origin."""

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
        self._transport = transport  # as given (None: our own routing), for `rerouted`
        # A real network: name the certificate when TLS verification fails (not for fakes).
        self._peek_certificates = transport is None
        if transport is None:
            # Our own routing: OS trust store, chosen proxy, loopback always direct, deadlines.
            transport = RoutingTransport(proxy)
        self._server_time_offset: float | None = None
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

    def rerouted(self, proxy: ProxySetting, *, max_retries: int | None = None) -> Self:
        """The same client (server, token, timeouts) reaching the server through ``proxy``;
        this one stays open until closed. The token never leaves this layer."""
        return type(self)(
            self.base_url, self._token, self._transport, timeouts=self._timeouts,
            max_retries=self._max_retries if max_retries is None else max_retries,
            sleep=self._sleep, jitter=self._jitter, proxy=proxy, clock=self._clock,
        )

    @property
    def server_time_offset(self) -> float | None:
        """Seconds to add to this computer's clock to get Spot's, from the ``Date`` header of
        the latest response (None until one carried it). Lets date filters survive a
        workstation clock that is off; 1 s resolution."""
        return self._server_time_offset

    def _note_server_date(self, response: httpx.Response) -> None:
        value = response.headers.get("Date")
        if not value:
            return
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        self._server_time_offset = when.timestamp() - time.time()

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
            self._note_server_date(response)
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

