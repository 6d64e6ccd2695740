"""The Spot client's error taxonomy.

Messages (``str(error)``) carry only the HTTP status, the error type, the method and the path
*template* (``/api/v2/orders/{public_id}/``) — never the token, a query string or a body — plus,
for 400 only, the server's ``"field: message"`` details, which is what the user needs to fix.
"""

from __future__ import annotations

import enum
import json
import re
from typing import Any, Protocol

# A field path is lower-case snake_case, dotted, maybe indexed: "recipient.address.zip",
# "kit_types[0]". "Error: ..." or "Server busy: ..." are plain messages, not fields.
_FIELD_DETAIL = re.compile(
    r"^(?P<field>[a-z_][a-z0-9_]*(?:\.[a-z0-9_]+|\[\d+\])*)\s*:\s*(?P<msg>.+)$", re.S
)
_NON_FIELD_KEYS = frozenset({"non_field_errors", "__all__"})


class ResponseLike(Protocol):
    """What error parsing needs from a response (``httpx.Response`` fits). No httpx import
    here, so views can import service errors built on these without pulling in httpx."""

    @property
    def status_code(self) -> int: ...

    @property
    def content(self) -> bytes: ...


DEFAULT_ERROR_TYPES: dict[int, str] = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    429: "rate_limit_exceeded",
}


class SpotError(Exception):
    """Anything that went wrong talking to Spot."""


class ConnectionCause(enum.StrEnum):
    """Why no usable HTTP exchange happened, in classes a person can act on (or pass to IT)."""

    REFUSED = "refused"  # the host answered, but nothing listens on that port
    DNS = "dns"  # the server's name does not resolve
    TIMEOUT = "timeout"  # no answer in time (connect, read, or the whole request's deadline)
    CERTIFICATE = "certificate"  # TLS certificate not trusted, expired or for another name
    TLS = "tls"  # another TLS handshake failure (protocol, cipher)
    PROXY = "proxy"  # the proxy refused, is unreachable, or would not open the tunnel
    DROPPED = "dropped"  # connected, then the connection broke or the reply was garbled
    REDIRECT = "redirect"  # a redirect we refuse to follow (insecure, loop)
    CLOSED = "closed"  # our own client was closed (signed out)
    OTHER = "other"


class SpotConnectionError(SpotError):
    """No usable HTTP exchange: DNS, refused connection, TLS, dropped connection, bad redirect.

    ``maybe_delivered`` is False only when the request certainly never left (no connection was
    made); otherwise a POST may have reached Spot and must be looked up before re-sending.
    ``cause`` says which kind of failure it was; ``detail`` is a PHI-free line for support
    (for a certificate problem: the verifier's words, and the certificate's subject and
    issuer when known — see ``certificate``).
    """

    def __init__(
        self,
        message: str,
        *,
        maybe_delivered: bool = True,
        cause: ConnectionCause = ConnectionCause.OTHER,
        detail: str = "",
    ) -> None:
        self.maybe_delivered = maybe_delivered
        self.cause = cause
        self.detail = detail
        self.certificate: CertificateInfo | None = None
        super().__init__(message)


class CertificateInfo:
    """Who a server's certificate names: what IT needs to tell an inspecting proxy apart."""

    def __init__(self, subject: str, issuer: str) -> None:
        self.subject = subject
        self.issuer = issuer

    def __repr__(self) -> str:
        return f"CertificateInfo(subject={self.subject!r}, issuer={self.issuer!r})"


class SpotTimeout(SpotConnectionError):
    """The server did not answer in time (``cause`` is always TIMEOUT). ``maybe_delivered``
    as for SpotConnectionError: a connect/pool timeout never sent anything, a read/write
    timeout or a passed deadline may have."""

    def __init__(self, message: str, *, maybe_delivered: bool = True, detail: str = "") -> None:
        super().__init__(
            message,
            maybe_delivered=maybe_delivered,
            cause=ConnectionCause.TIMEOUT,
            detail=detail,
        )


class ResponseValidationError(SpotError):
    """A success response whose body is not what the API documents (not JSON, wrong shape)."""

    def __init__(
        self,
        problem: str,
        *,
        request_method: str,
        request_path_template: str,
        status_code: int | None = None,
    ) -> None:
        self.problem = problem
        self.request_method = request_method
        self.request_path_template = request_path_template
        self.status_code = status_code
        super().__init__(
            f"Unexpected response to {request_method} {request_path_template}"
            + (f" (HTTP {status_code})" if status_code is not None else "")
            + f": {problem}"
        )


class ResponseTooLarge(ResponseValidationError):
    """The body is larger than this client accepts (``limit`` bytes); nothing more was read."""

    def __init__(
        self,
        limit: int,
        *,
        request_method: str,
        request_path_template: str,
        status_code: int | None = None,
    ) -> None:
        self.limit = limit
        super().__init__(
            f"the body is larger than {limit // (1024 * 1024)} MiB; refused",
            request_method=request_method,
            request_path_template=request_path_template,
            status_code=status_code,
        )


class UnsafeURL(SpotError, ValueError):
    """A URL this client refuses to fetch: not https, or a report link to a host that is not
    the API's own or one of Spot's documented report hosts. Also a ValueError, which is what
    callers caught before it existed."""


class SpotStatusError(SpotError):
    """The server answered with an error status (4xx/5xx, or an unexpected 3xx)."""

    def __init__(
        self,
        status_code: int,
        error_type: str,
        details: list[str],
        request_method: str,
        request_path_template: str,
    ) -> None:
        self.status_code = status_code
        self.error_type = error_type
        self.details = list(details)
        self.request_method = request_method
        self.request_path_template = request_path_template
        super().__init__(self._message())

    def _message(self) -> str:
        return (
            f"HTTP {self.status_code} {self.error_type} from "
            f"{self.request_method} {self.request_path_template}"
        )


class BadRequest(SpotStatusError):
    """400: the server rejected the input. ``field_errors`` maps dotted field paths to messages;
    messages that name no field are under the key ``""``."""

    def __init__(
        self,
        status_code: int,
        error_type: str,
        details: list[str],
        request_method: str,
        request_path_template: str,
    ) -> None:
        self.field_errors = parse_field_errors(details)
        super().__init__(status_code, error_type, details, request_method, request_path_template)

    def _message(self) -> str:
        base = super()._message()
        return f"{base}: {'; '.join(self.details)}" if self.details else base


class Unauthorized(SpotStatusError):
    """401: missing or invalid API key."""


class Forbidden(SpotStatusError):
    """403: the key may not do this (e.g. requisitions not enabled for the account)."""


class NotFound(SpotStatusError):
    """404: no such order/kit/requisition/patient (or report file)."""


class RateLimited(SpotStatusError):
    """429: too many requests; ``retry_after`` is the server's wait in seconds, if it sent one."""

    def __init__(
        self,
        status_code: int,
        error_type: str,
        details: list[str],
        request_method: str,
        request_path_template: str,
        retry_after: float | None = None,
    ) -> None:
        self.retry_after = retry_after
        super().__init__(status_code, error_type, details, request_method, request_path_template)


class ServerError(SpotStatusError):
    """5xx: Spot (or a proxy in front of it) failed."""

    def _message(self) -> str:
        return f"{super()._message()}: the Spot server had a problem; try again later"


def parse_field_errors(details: list[str]) -> dict[str, list[str]]:
    """``["recipient.address.zip: Invalid", "Bad input"]`` → ``{"recipient.address.zip":
    ["Invalid"], "": ["Bad input"]}``."""
    fields: dict[str, list[str]] = {}
    for detail in details:
        match = _FIELD_DETAIL.match(detail.strip())
        if match and match["field"] not in _NON_FIELD_KEYS:
            fields.setdefault(match["field"], []).append(match["msg"].strip())
        else:
            message = match["msg"].strip() if match else detail.strip()
            fields.setdefault("", []).append(message)
    return fields


_MAX_DETAIL_DEPTH = 16  # real error bodies nest 3-4 deep; deeper is a broken or hostile server
_MAX_DETAILS = 50  # more lines than anyone reads; a huge error body must not make a huge message


def _flatten_detail(value: Any, prefix: str = "", depth: int = 0) -> list[str]:
    """DRF/pydantic-style error bodies → ``"field: message"`` strings."""
    if value is None:
        return []
    if depth > _MAX_DETAIL_DEPTH:
        return []
    if isinstance(value, str):
        return [f"{prefix}: {value}" if prefix else value]
    out: list[str] = []
    if isinstance(value, list):
        for item in value:
            if isinstance(item, dict) and "msg" in item and "loc" in item:
                loc_parts = item.get("loc") or ()
                if not isinstance(loc_parts, list | tuple):
                    loc_parts = (loc_parts,)
                loc = ".".join(str(part) for part in loc_parts if part != "body")
                path = f"{prefix}.{loc}" if prefix and loc else (loc or prefix)
                out.extend(_flatten_detail(str(item["msg"]), path, depth + 1))
            else:
                out.extend(_flatten_detail(item, prefix, depth + 1))
            if len(out) >= _MAX_DETAILS:
                break
        return out[:_MAX_DETAILS]
    if isinstance(value, dict):
        for key, item in value.items():
            path = f"{prefix}.{key}" if prefix else str(key)
            out.extend(_flatten_detail(item, path, depth + 1))
            if len(out) >= _MAX_DETAILS:
                break
        return out[:_MAX_DETAILS]
    return [f"{prefix}: {value}" if prefix else str(value)]


class _TooDeep(Exception):
    """A JSON body nested deeper than the parser's recursion limit."""


def _loads_json(content: bytes) -> Any:
    """``json.loads`` that turns a body nested too deep for the parser into ``_TooDeep``
    instead of a ``RecursionError`` (which is no ``SpotError`` and must not escape)."""
    try:
        return json.loads(content)
    except RecursionError:
        raise _TooDeep from None


def _parse_error_body(response: ResponseLike) -> tuple[str | None, list[str]]:
    """(error type, details) from the documented envelope or a bare ``{"detail": ...}``."""
    try:
        body = _loads_json(response.content) if response.content else None
    except ValueError:
        return None, []
    if not isinstance(body, dict):
        return None, []
    envelope = body.get("error")
    if isinstance(envelope, dict):
        error_type = envelope.get("type")
        details = _flatten_detail(envelope.get("details"))
        if not details and isinstance(envelope.get("message"), str):
            details = [envelope["message"]]
        return (error_type if isinstance(error_type, str) else None), details
    if isinstance(envelope, str):
        return None, [envelope]
    if "detail" in body:
        return None, _flatten_detail(body["detail"])
    # DRF serializer errors come as {"field": ["message"], ...} with no wrapper.
    return None, _flatten_detail(body)


def make_status_error(
    response: ResponseLike,
    *,
    request_method: str,
    request_path_template: str,
    retry_after: float | None = None,
) -> SpotStatusError:
    """The exception for a non-success response. An error body nested too deep to parse
    raises ``ResponseValidationError`` (a broken or hostile server, not an API error)."""
    status = response.status_code
    try:
        error_type, details = _parse_error_body(response)
    except (_TooDeep, RecursionError):
        raise ResponseValidationError(
            "the error body is nested too deeply to read",
            request_method=request_method,
            request_path_template=request_path_template,
            status_code=status,
        ) from None
    if status >= 500:
        error_type = error_type or "server_error"
    error_type = error_type or DEFAULT_ERROR_TYPES.get(status, "http_error")
    args = (status, error_type, details, request_method, request_path_template)
    if status in (400, 422):
        return BadRequest(*args)
    if status == 401:
        return Unauthorized(*args)
    if status == 403:
        return Forbidden(*args)
    if status == 404:
        return NotFound(*args)
    if status == 429:
        return RateLimited(*args, retry_after=retry_after)
    if status >= 500:
        return ServerError(*args)
    return SpotStatusError(*args)


__all__ = [
    "BadRequest",
    "CertificateInfo",
    "ConnectionCause",
    "Forbidden",
    "NotFound",
    "RateLimited",
    "ResponseTooLarge",
    "ResponseValidationError",
    "ServerError",
    "SpotConnectionError",
    "SpotError",
    "SpotStatusError",
    "SpotTimeout",
    "Unauthorized",
    "UnsafeURL",
    "make_status_error",
    "parse_field_errors",
]
