"""How the Spot client reaches the network: proxy choice, loopback bypass, the OS trust store,
a whole-request deadline, and naming why a connection failed.

- **Proxy** (`ProxySetting`): ``system`` (the OS proxy and its bypass list, through
  ``urllib.request.getproxies``/``proxy_bypass``, which read the environment everywhere, the
  registry on Windows and System Configuration on macOS), ``none``, or a ``manual`` URL.
  Loopback (127.0.0.0/8, ::1, localhost) never goes through any proxy: the built-in sandbox
  and ``--self-test`` must not depend on a company proxy (httpx itself ignores the OS bypass
  list: encode/httpx#1536).
- **TLS**: certificates are checked against the OS trust store (``truststore``), so a clinic
  whose firewall re-signs TLS with its own CA (installed by IT on every PC) works. certifi's
  list alone would reject it.
- **Deadline**: httpx only bounds each read. `RequestDeadline` bounds every connect, TLS
  handshake, read and write of one request by the time left, so a server trickling a byte a
  second cannot hold a worker past the deadline (headers included).
- `classify` turns an httpx failure into a `ConnectionCause` a person can act on.
"""

from __future__ import annotations

import contextlib
import contextvars
import ipaddress
import logging
import socket
import ssl
import threading
import time
import urllib.request
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal

import httpcore
import httpx
import truststore

from app.api.errors import CertificateInfo, ConnectionCause

__all__ = [
    "DIRECT",
    "SYSTEM_PROXY",
    "ProxyMode",
    "ProxySetting",
    "RequestDeadline",
    "RoutingTransport",
    "classify",
    "is_loopback_host",
    "peek_certificate",
    "trust_store_context",
]

logger = logging.getLogger("app.api")

ProxyMode = Literal["system", "none", "manual"]
SYSTEM_PROXY_TTL = 30.0  # seconds a reading of the OS proxy settings is reused
_PROXY_SCHEMES = ("http", "https")


def is_loopback_host(host: str) -> bool:
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True, slots=True)
class ProxySetting:
    """Which proxy reaches Spot. Stored as one text (`as_text`/`from_text`): ``"system"``,
    ``"none"`` or the proxy URL itself."""

    mode: ProxyMode = "system"
    url: str = ""

    def __post_init__(self) -> None:
        if self.mode not in ("system", "none", "manual"):
            raise ValueError(f"unknown proxy mode {self.mode!r}")
        if self.mode != "manual":
            if self.url:
                raise ValueError("only a manual proxy has a URL")
            return
        try:
            url = httpx.URL(self.url.strip())
        except httpx.InvalidURL:
            raise ValueError("That doesn't look like a proxy address") from None
        if any(character.isspace() for character in self.url.strip()):
            raise ValueError("That doesn't look like a proxy address")  # httpx would encode it
        if url.scheme not in _PROXY_SCHEMES or not url.host:
            raise ValueError("Enter the proxy as http://host:port (or https://host:port)")
        if url.path not in ("", "/") or url.query or url.fragment:
            raise ValueError("Enter only the proxy's scheme, host and port")

    @classmethod
    def manual(cls, url: str) -> ProxySetting:
        return cls("manual", url.strip())

    @classmethod
    def from_text(cls, text: str | None) -> ProxySetting:
        """The setting saved as ``text``; empty or unknown means the system proxy."""
        value = (text or "").strip()
        if value in ("", "system"):
            return SYSTEM_PROXY
        if value == "none":
            return DIRECT
        return cls.manual(value)

    def as_text(self) -> str:
        return self.url if self.mode == "manual" else self.mode

    def __repr__(self) -> str:
        # A manual URL may carry a proxy password: show the host only.
        if self.mode != "manual":
            return f"ProxySetting({self.mode!r})"
        return f"ProxySetting('manual', host={httpx.URL(self.url).host!r})"


SYSTEM_PROXY = ProxySetting("system")
DIRECT = ProxySetting("none")


def trust_store_context() -> ssl.SSLContext:
    """TLS client context verifying against the operating system's trust store."""
    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


# --- the deadline ---------------------------------------------------------------------------


class RequestDeadline:
    """The moment one request must be over by, and what happened on the way (whether a proxy
    was used). Active for the current thread inside ``with deadline.active():``."""

    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self._clock = clock
        self.at = clock() + seconds
        self.via_proxy = False

    def remaining(self) -> float:
        return self.at - self._clock()

    def passed(self) -> bool:
        return self.remaining() <= 0

    @contextlib.contextmanager
    def active(self) -> Iterator[RequestDeadline]:
        token = _CURRENT.set(self)
        try:
            yield self
        finally:
            _CURRENT.reset(token)


_CURRENT: contextvars.ContextVar[RequestDeadline | None] = contextvars.ContextVar(
    "spot_request_deadline", default=None
)


def _bounded(timeout: float | None, error: type[Exception]) -> float | None:
    deadline = _CURRENT.get()
    if deadline is None:
        return timeout
    remaining = deadline.remaining()
    if remaining <= 0:
        raise error("the request's deadline passed")
    return remaining if timeout is None else min(timeout, remaining)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _bounded(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _bounded(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        inner = self._inner.start_tls(
            ssl_context, server_hostname, _bounded(timeout, httpcore.ConnectTimeout)
        )
        return _DeadlineStream(inner)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self._inner = inner

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._inner.connect_tcp(
            host, port, _bounded(timeout, httpcore.ConnectTimeout), local_address, socket_options
        )
        return _DeadlineStream(stream)

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:  # pragma: no cover - we never use unix sockets
        stream = self._inner.connect_unix_socket(
            path, _bounded(timeout, httpcore.ConnectTimeout), socket_options
        )
        return _DeadlineStream(stream)

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def _http_transport(
    ssl_context: ssl.SSLContext, proxy: str | None, trace_hook: Any = None
) -> httpx.HTTPTransport:
    transport = httpx.HTTPTransport(verify=ssl_context, trust_env=False, proxy=proxy)
    # httpx builds its httpcore pool without a backend parameter; give the pool ours so every
    # socket operation is bounded by the request's deadline (httpx<0.29, httpcore 1.x: both
    # ConnectionPool and HTTPProxy keep it here; tests/api prove it holds on real sockets).
    pool = transport._pool
    pool._network_backend = _DeadlineBackend(pool._network_backend)
    return transport


# --- proxy routing --------------------------------------------------------------------------


class RoutingTransport(httpx.BaseTransport):
    """Sends each request directly or through the chosen proxy; loopback always directly."""

    def __init__(
        self,
        setting: ProxySetting = SYSTEM_PROXY,
        ssl_context: ssl.SSLContext | None = None,
        *,
        getproxies: Callable[[], Mapping[str, str]] = urllib.request.getproxies,
        proxy_bypass: Callable[[str], Any] = urllib.request.proxy_bypass,
    ) -> None:
        self.setting = setting
        self._ssl_context = ssl_context or trust_store_context()
        self._getproxies = getproxies
        self._proxy_bypass = proxy_bypass
        self._lock = threading.Lock()
        self._direct = _http_transport(self._ssl_context, None)
        self._proxied: dict[str, httpx.HTTPTransport] = {}
        self._bypass_cache: dict[str, bool] = {}
        self._proxies_cache: tuple[float, dict[str, str]] | None = None

    def proxy_for(self, url: httpx.URL) -> str | None:
        """The proxy URL ``url`` goes through, or None for a direct connection."""
        if is_loopback_host(url.host):
            return None
        if self.setting.mode == "none":
            return None
        if self.setting.mode == "manual":
            return self.setting.url
        proxies = self._system_proxies()
        proxy = proxies.get(url.scheme) or proxies.get("all")
        if not proxy or self._bypassed(url.host):
            return None
        if "://" not in proxy:
            proxy = f"http://{proxy}"
        return proxy

    def _system_proxies(self) -> dict[str, str]:
        # The registry (Windows) or System Configuration (macOS) is read at most every
        # SYSTEM_PROXY_TTL seconds, not for each page of a long sync; a change still applies.
        now = time.monotonic()
        with self._lock:
            cached = self._proxies_cache
            if cached is not None and now - cached[0] < SYSTEM_PROXY_TTL:
                return cached[1]
        proxies = {key.lower(): value for key, value in self._getproxies().items() if value}
        with self._lock:
            self._proxies_cache = (now, proxies)
            self._bypass_cache.clear()
        return proxies

    def _bypassed(self, host: str) -> bool:
        with self._lock:
            known = self._bypass_cache.get(host)
        if known is None:
            try:
                # The OS bypass list (and NO_PROXY); on Windows it may resolve the name.
                known = bool(self._proxy_bypass(host))
            except (OSError, ValueError):
                known = False
            with self._lock:
                self._bypass_cache[host] = known
        return known

    def _through(self, proxy: str) -> httpx.HTTPTransport:
        with self._lock:
            transport = self._proxied.get(proxy)
            if transport is None:
                transport = _http_transport(self._ssl_context, proxy)
                self._proxied[proxy] = transport
            return transport

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        proxy = self.proxy_for(request.url)
        deadline = _CURRENT.get()
        if deadline is not None:
            deadline.via_proxy = proxy is not None
        if proxy is None:
            return self._direct.handle_request(request)
        try:
            transport = self._through(proxy)
        except (ImportError, ValueError, httpx.InvalidURL) as exc:
            # e.g. a socks:// system proxy (needs an extra package): name it, don't crash.
            raise httpx.ProxyError(
                f"unusable proxy setting ({type(exc).__name__})", request=request
            ) from None
        return transport.handle_request(request)

    def close(self) -> None:
        with self._lock:
            transports = [self._direct, *self._proxied.values()]
            self._proxied.clear()
        for transport in transports:
            transport.close()


# --- why a connection failed -----------------------------------------------------------------


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def classify(exc: BaseException, *, via_proxy: bool = False) -> tuple[ConnectionCause, str]:
    """(cause, PHI-free detail) for an httpx transport failure."""
    if isinstance(exc, httpx.ProxyError):
        return ConnectionCause.PROXY, _first_line(exc)
    for link in _chain(exc):
        if isinstance(link, ssl.SSLCertVerificationError):
            return ConnectionCause.CERTIFICATE, link.verify_message or link.reason or ""
        if isinstance(link, ssl.SSLError):
            return ConnectionCause.TLS, str(link.reason or "")
        if isinstance(link, socket.gaierror):
            return (ConnectionCause.PROXY if via_proxy else ConnectionCause.DNS), ""
        if isinstance(link, ConnectionRefusedError):
            return (ConnectionCause.PROXY if via_proxy else ConnectionCause.REFUSED), ""
    if isinstance(exc, httpx.ConnectTimeout) and via_proxy:
        return ConnectionCause.PROXY, "no answer from the proxy"
    if isinstance(exc, httpx.TimeoutException):
        return ConnectionCause.TIMEOUT, ""
    if isinstance(exc, httpx.ConnectError):
        text = _first_line(exc).lower()
        # Without the original OSError (e.g. a fake transport), go by httpcore's wording.
        if "refused" in text:
            return (ConnectionCause.PROXY if via_proxy else ConnectionCause.REFUSED), ""
        if "name or service not known" in text or "getaddrinfo" in text or "nodename" in text:
            return (ConnectionCause.PROXY if via_proxy else ConnectionCause.DNS), ""
        if "certificate" in text:
            return ConnectionCause.CERTIFICATE, ""
        return (ConnectionCause.PROXY if via_proxy else ConnectionCause.OTHER), ""
    if isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError | httpx.WriteError):
        return ConnectionCause.DROPPED, ""
    if isinstance(exc, httpx.DecodingError):
        return ConnectionCause.DROPPED, "the reply could not be decoded"
    return ConnectionCause.OTHER, ""


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else ""


class _GotCertificate(Exception):  # a signal, not an error
    def __init__(self, der: bytes | None) -> None:
        self.der = der


def peek_certificate(
    url: httpx.URL, setting: ProxySetting, *, timeout: float = 5.0
) -> CertificateInfo | None:
    """Who the certificate presented at ``url``'s host says it is and who signed it, read
    without trusting it. Stops right after the TLS handshake: no request is sent over the
    unverified connection. None when it cannot be read."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE

    def trace(event: str, info: dict[str, Any]) -> None:
        # "connection.start_tls.complete", or "proxy.start_tls.complete" inside a CONNECT
        # tunnel: raising here ends the exchange before any request goes to the server.
        if event.endswith("start_tls.complete") and "return_value" in info:
            stream = info["return_value"]
            ssl_object = stream.get_extra_info("ssl_object")
            der = ssl_object.getpeercert(True) if ssl_object else None
            stream.close()  # httpcore has not adopted it yet: it would leak
            raise _GotCertificate(der)

    transport = RoutingTransport(setting, context)
    target = url.copy_with(path="/", query=None, fragment=None)
    request = httpx.Request("HEAD", target, extensions={"trace": trace})
    request.extensions["timeout"] = httpx.Timeout(timeout).as_dict()
    der: bytes | None = None
    try:
        with RequestDeadline(timeout).active():
            transport.handle_request(request).close()
    except _GotCertificate as got:
        der = got.der
    except (httpx.HTTPError, OSError) as exc:
        logger.info("certificate peek failed (%s)", type(exc).__name__)
    finally:
        transport.close()
    return _describe(der) if der else None


def _describe(der: bytes) -> CertificateInfo | None:
    from cryptography import x509  # only needed when a certificate is refused

    try:
        cert = x509.load_der_x509_certificate(der)
    except ValueError:
        return None
    return CertificateInfo(_name(cert.subject), _name(cert.issuer))


def _name(name: Any) -> str:
    from cryptography.x509.oid import NameOID

    for oid in (NameOID.COMMON_NAME, NameOID.ORGANIZATION_NAME):
        values = name.get_attributes_for_oid(oid)
        if values:
            return str(values[0].value)[:200]
    return str(name.rfc4514_string())[:200]
