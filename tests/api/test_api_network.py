"""The client on real sockets: each connection failure named by its cause, the whole-request
deadline holding on a trickling server, the OS trust store (a clinic's own CA), and loopback
never going through a proxy while Spot's host still does."""

from __future__ import annotations

import logging
import ssl
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import trustme

from app.api import SpotClient, errors
from app.api.client import Timeouts
from app.api.errors import ConnectionCause
from app.api.transport import DIRECT, SYSTEM_PROXY, ProxySetting, RoutingTransport
from tests.helpers.net import (
    free_port,
    proxy_answering,
    raw_server,
    silent,
    spot_server,
    trickling,
)

QUICK = Timeouts(connect=2.0, read=1.0, write=1.0, pool=1.0, api_deadline=5.0)
PROXY_VARS = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")


@pytest.fixture
def no_proxy_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in PROXY_VARS:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


@pytest.fixture
def ca() -> trustme.CA:
    return trustme.CA(organization_name="Clinic Firewall Inspection CA")


@pytest.fixture
def tls_server(ca: trustme.CA) -> Iterator[tuple[int, list[str]]]:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ca.issue_cert("localhost", "127.0.0.1").configure_cert(context)
    with spot_server(context) as server:
        yield server


def _client(base_url: str, **kwargs: object) -> SpotClient:
    kwargs.setdefault("timeouts", QUICK)
    kwargs.setdefault("max_retries", 0)
    return SpotClient(base_url, "net-test-token", **kwargs)  # type: ignore[arg-type]


def _cause(base_url: str, **kwargs: object) -> errors.SpotConnectionError:
    with _client(base_url, **kwargs) as client, pytest.raises(errors.SpotConnectionError) as caught:
        client.list_orders(results=1)
    return caught.value


# --- each failure class -------------------------------------------------------------------


@pytest.mark.usefixtures("no_proxy_env")
def test_nothing_listening_is_refused(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="app.api"):
        error = _cause(f"http://127.0.0.1:{free_port()}")
    assert error.cause is ConnectionCause.REFUSED
    assert error.maybe_delivered is False
    assert "(refused)" in caplog.text  # the log names the cause, not only ConnectError


@pytest.mark.usefixtures("no_proxy_env")
def test_a_name_that_does_not_resolve() -> None:
    error = _cause("https://spot-front-desk-test.invalid")
    assert error.cause is ConnectionCause.DNS


@pytest.mark.usefixtures("no_proxy_env")
def test_a_server_that_never_answers_times_out() -> None:
    with raw_server(silent) as (port, seen):
        error = _cause(f"http://127.0.0.1:{port}")
    assert isinstance(error, errors.SpotTimeout)
    assert error.cause is ConnectionCause.TIMEOUT
    assert seen  # the request did arrive: it may have been delivered
    assert error.maybe_delivered is True


@pytest.mark.usefixtures("no_proxy_env")
def test_a_trickling_server_is_cut_off_at_the_deadline() -> None:
    # One byte every 50 ms never trips the 1 s read timeout; the 0.6 s deadline stops it.
    timeouts = Timeouts(connect=2.0, read=1.0, write=1.0, pool=1.0, api_deadline=0.6)
    with raw_server(trickling) as (port, _seen):
        started = time.monotonic()
        error = _cause(f"http://127.0.0.1:{port}", timeouts=timeouts)
        elapsed = time.monotonic() - started
    assert error.cause is ConnectionCause.TIMEOUT
    assert elapsed < 3.0


@pytest.mark.usefixtures("no_proxy_env")
def test_an_untrusted_certificate_is_named(
    tls_server: tuple[int, list[str]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The OS store here trusts nothing at all (an empty bundle), like a PC without IT's CA.
    empty = tmp_path / "empty.pem"
    empty.write_bytes(b"")
    monkeypatch.setenv("SSL_CERT_FILE", str(empty))
    monkeypatch.setenv("SSL_CERT_DIR", str(tmp_path / "none"))
    port, requests = tls_server
    error = _cause(f"https://localhost:{port}")
    assert error.cause is ConnectionCause.CERTIFICATE
    assert "issuer" in error.detail or "certificate" in error.detail
    assert error.certificate is not None
    assert error.certificate.issuer == "Clinic Firewall Inspection CA"
    assert error.maybe_delivered is False
    assert requests == []  # nothing, not even the certificate peek, sent a request


def _self_signed(tmp_path: Path) -> ssl.SSLContext:
    """A server context with a certificate that signs itself (no CA at all)."""
    import datetime

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Fake Spot Self-Signed")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
        .sign(key, hashes.SHA256())
    )
    pem = tmp_path / "self-signed.pem"
    pem.write_bytes(
        cert.public_bytes(serialization.Encoding.PEM)
        + key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(pem)
    return context


@pytest.mark.usefixtures("no_proxy_env")
def test_a_self_signed_certificate_is_named(tmp_path: Path) -> None:
    with spot_server(_self_signed(tmp_path)) as (port, requests):
        error = _cause(f"https://localhost:{port}")
    assert error.cause is ConnectionCause.CERTIFICATE
    assert "self-signed" in error.detail
    assert error.certificate is not None
    assert (error.certificate.subject, error.certificate.issuer) == (
        "Fake Spot Self-Signed",
        "Fake Spot Self-Signed",
    )
    assert requests == []


@pytest.mark.usefixtures("no_proxy_env")
def test_a_dead_proxy_is_a_proxy_problem() -> None:
    proxy = ProxySetting.manual(f"http://127.0.0.1:{free_port()}")
    error = _cause("https://app.spotdx.com", proxy=proxy)
    assert error.cause is ConnectionCause.PROXY
    assert error.maybe_delivered is False


@pytest.mark.usefixtures("no_proxy_env")
def test_a_proxy_refusing_the_tunnel_is_a_proxy_problem() -> None:
    with raw_server(proxy_answering(b"403 Forbidden")) as (port, seen):
        proxy = ProxySetting.manual(f"http://127.0.0.1:{port}")
        error = _cause("https://app.spotdx.com", proxy=proxy)
    assert error.cause is ConnectionCause.PROXY
    assert seen == [b"CONNECT app.spotdx.com:443 HTTP/1.1"]


# --- the OS trust store --------------------------------------------------------------------


@pytest.mark.usefixtures("no_proxy_env")
def test_a_clinic_ca_in_the_os_store_is_trusted_where_certifi_is_not(
    ca: trustme.CA,
    tls_server: tuple[int, list[str]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    # On Linux truststore uses OpenSSL's default verify paths, which SSL_CERT_FILE and
    # SSL_CERT_DIR select: the same place IT would install the clinic's inspection CA.
    bundle = tmp_path / "os-store.pem"
    ca.cert_pem.write_to_path(str(bundle))
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    monkeypatch.setenv("SSL_CERT_DIR", str(tmp_path / "none"))
    port, requests = tls_server
    url = f"https://localhost:{port}"

    with _client(url) as client:
        assert client.list_orders(results=1) == []
    assert requests == ["/api/v2/orders/?results=1&offset=0"]

    # certifi's list alone (what httpx does by default) refuses the same server.
    with pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"):
        httpx.get(f"{url}/api/v2/orders/", trust_env=False)


# --- proxies and loopback --------------------------------------------------------------------


def _proxy_env(monkeypatch: pytest.MonkeyPatch, url: str) -> None:
    for name in PROXY_VARS[:3]:
        monkeypatch.setenv(name, url)
        monkeypatch.setenv(name.lower(), url)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_loopback_never_goes_through_the_system_proxy(
    monkeypatch: pytest.MonkeyPatch, host: str
) -> None:
    with raw_server(proxy_answering(b"502 Bad Gateway")) as (proxy_port, proxied):
        _proxy_env(monkeypatch, f"http://127.0.0.1:{proxy_port}")
        with spot_server() as (port, requests):
            with _client(f"http://{host}:{port}") as client:
                assert client.list_orders(results=1) == []
            assert requests == ["/api/v2/orders/?results=1&offset=0"]
            # ... while Spot's own https host still goes through it.
            error = _cause("https://app.spotdx.com")
        assert error.cause is ConnectionCause.PROXY
    assert proxied == [b"CONNECT app.spotdx.com:443 HTTP/1.1"]


def test_proxy_choice_none_goes_direct_even_with_a_system_proxy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _proxy_env(monkeypatch, "http://proxy.clinic.example:3128")
    routing = RoutingTransport(DIRECT)
    assert routing.proxy_for(httpx.URL("https://app.spotdx.com/")) is None
    routing.close()


def test_system_proxy_follows_the_os_bypass_list() -> None:
    # What urllib reads from the Windows registry / macOS settings (faked here).
    routing = RoutingTransport(
        SYSTEM_PROXY,
        getproxies=lambda: {"https": "http://proxy.clinic.example:3128"},
        proxy_bypass=lambda host: host.endswith(".clinic.example"),
    )
    assert routing.proxy_for(httpx.URL("https://app.spotdx.com/")) == (
        "http://proxy.clinic.example:3128"
    )
    assert routing.proxy_for(httpx.URL("https://spot.clinic.example/")) is None
    assert routing.proxy_for(httpx.URL("http://[::1]:8765/")) is None
    assert routing.proxy_for(httpx.URL("http://127.8.0.1:8765/")) is None
    routing.close()


def test_manual_proxy_applies_to_all_but_loopback() -> None:
    routing = RoutingTransport(
        ProxySetting.manual("http://10.0.0.9:8080"), getproxies=lambda: {}
    )
    assert routing.proxy_for(httpx.URL("https://app.spotkits.com/r.pdf")) == "http://10.0.0.9:8080"
    assert routing.proxy_for(httpx.URL("http://localhost:8765/")) is None
    routing.close()


def test_a_proxy_without_a_scheme_is_taken_as_http() -> None:
    routing = RoutingTransport(SYSTEM_PROXY, getproxies=lambda: {"all": "proxy.example:3128"},
                               proxy_bypass=lambda _h: False)
    assert routing.proxy_for(httpx.URL("https://app.spotdx.com/")) == "http://proxy.example:3128"
    routing.close()


@pytest.mark.parametrize(
    ("text", "setting"),
    [
        ("", SYSTEM_PROXY),
        ("system", SYSTEM_PROXY),
        ("none", DIRECT),
        ("http://proxy.example:3128", ProxySetting("manual", "http://proxy.example:3128")),
    ],
)
def test_proxy_setting_round_trips_as_text(text: str, setting: ProxySetting) -> None:
    assert ProxySetting.from_text(text) == setting
    assert ProxySetting.from_text(setting.as_text()) == setting


@pytest.mark.parametrize(
    "url", ["proxy.example:3128", "ftp://proxy.example", "http://", "http://p.example/path",
            "http://proxy clinic:3128"],
)
def test_unusable_manual_proxy_refused(url: str) -> None:
    with pytest.raises(ValueError, match="proxy"):
        ProxySetting.manual(url)


def test_proxy_password_not_in_repr() -> None:
    setting = ProxySetting.manual("http://desk:s3cret@proxy.example:3128")
    assert "s3cret" not in repr(setting)
    assert "proxy.example" in repr(setting)


def test_system_proxy_settings_are_not_read_for_every_request() -> None:
    reads: list[int] = []

    def getproxies() -> dict[str, str]:
        reads.append(1)
        return {"https": "http://proxy.clinic.example:3128"}

    routing = RoutingTransport(SYSTEM_PROXY, getproxies=getproxies, proxy_bypass=lambda _h: False)
    for _ in range(50):
        routing.proxy_for(httpx.URL("https://app.spotdx.com/api/v2/orders/"))
    assert len(reads) == 1
    routing.close()
