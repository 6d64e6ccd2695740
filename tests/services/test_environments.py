"""Environments (URL rules, keyring keys) and the "Test connection" check."""

from __future__ import annotations

import re
from collections.abc import Callable

import httpx
import pytest

from app.api import SpotClient
from app.services.environments import (
    PRODUCTION,
    ConnectionCheck,
    Environment,
    check_connection,
)

TOKEN = "tok_test_0123456789"


def test_production_is_fixed() -> None:
    assert PRODUCTION.base_url == "https://app.spotdx.com"
    assert PRODUCTION.kind == "production"
    assert PRODUCTION.key == "production"


@pytest.mark.parametrize(
    ("raw", "base_url"),
    [
        ("https://spot.example.test", "https://spot.example.test"),
        ("  https://Spot.Example.TEST/ ", "https://spot.example.test"),
        ("https://spot.example.test:443/", "https://spot.example.test"),
        ("https://spot.example.test:8443", "https://spot.example.test:8443"),
        ("https://spot.example.test/api/v2/", "https://spot.example.test"),
        ("https://proxy.example.test/spot/api", "https://proxy.example.test/spot"),
        ("http://127.0.0.1:8765", "http://127.0.0.1:8765"),
        ("http://localhost:8765/", "http://localhost:8765"),
        ("http://[::1]:8765", "http://[::1]:8765"),
    ],
)
def test_custom_url_is_normalised(raw: str, base_url: str) -> None:
    env = Environment.custom(raw)
    assert env.kind == "custom"
    assert env.base_url == base_url
    assert env.key == f"custom:{base_url}"
    assert base_url in env.label


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "Enter the server address"),
        ("spot.example.test", "starting with https://"),
        ("ftp://spot.example.test", "starting with https://"),
        ("http://spot.example.test", "plain http is only allowed for a server on this computer"),
        ("http://10.0.0.5:8000", "plain http is only allowed"),
        ("https://user:pw@spot.example.test", "user name and password"),
        ("https://spot.example.test/?x=1", "after ? or #"),
    ],
)
def test_custom_url_rejections_are_plain(raw: str, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        Environment.custom(raw)


def test_sandbox_keeps_one_key_whatever_its_port() -> None:
    first = Environment.sandbox("http://127.0.0.1:50001")
    second = Environment.sandbox("http://127.0.0.1:50002/")
    assert first.kind == "sandbox"
    assert first.key == second.key == "sandbox"
    assert second.base_url == "http://127.0.0.1:50002"


def test_from_key_round_trips() -> None:
    custom = Environment.custom("https://spot.example.test")
    assert Environment.from_key(custom.key) == custom
    assert Environment.from_key("production") is PRODUCTION
    assert Environment.from_key("sandbox", sandbox_url="http://127.0.0.1:5000").kind == "sandbox"
    with pytest.raises(ValueError, match="sandbox isn't running"):
        Environment.from_key("sandbox")
    with pytest.raises(ValueError, match="Unknown environment"):
        Environment.from_key("staging")


def test_environment_is_hashable_and_frozen() -> None:
    assert {PRODUCTION, Environment.custom("https://a.example.test")}
    with pytest.raises(AttributeError):
        PRODUCTION.base_url = "https://evil.example.test"  # type: ignore[misc]


# check_connection over a mock transport


def _client(handler: Callable[[httpx.Request], httpx.Response]) -> SpotClient:
    return SpotClient(
        "https://spot.example.test", TOKEN, transport=httpx.MockTransport(handler),
        sleep=lambda _s: None,
    )


def _error(status: int, kind: str) -> Callable[[httpx.Request], httpx.Response]:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            status, json={"error": {"code": status, "type": kind, "details": []}}
        )

    return handler


def _raise(exc: type[httpx.TransportError]) -> Callable[[httpx.Request], httpx.Response]:
    def handler(request: httpx.Request) -> httpx.Response:
        raise exc("boom", request=request)

    return handler


def _bad_gateway(request: httpx.Request) -> httpx.Response:
    return httpx.Response(502, text="<html><body>502 Bad Gateway</body></html>")


def test_ok_when_the_token_lists_orders() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=[])

    result = check_connection(_client(handler))
    assert result == ConnectionCheck(True, "ok", result.message)
    assert seen[0].method == "GET"
    assert seen[0].url.path == "/api/v2/orders/"
    assert seen[0].url.params["results"] == "1"
    assert seen[0].headers["Authorization"] == f"Token {TOKEN}"


@pytest.mark.parametrize(
    ("handler", "kind"),
    [
        (_error(401, "unauthorized"), "unauthorized"),
        (_error(403, "forbidden"), "forbidden"),
        (_raise(httpx.ConnectError), "offline"),
        (_raise(httpx.ReadTimeout), "offline"),
        (_raise(httpx.RemoteProtocolError), "offline"),
        (_error(500, "server_error"), "server_down"),
        (_error(503, "server_error"), "server_down"),
        (_bad_gateway, "server_down"),
        (_error(429, "rate_limit_exceeded"), "server_down"),
        (_error(404, "not_found"), "unexpected"),
        (lambda request: httpx.Response(200, text="<html>captive portal</html>"), "unexpected"),
    ],
)
def test_each_failure_is_told_apart(
    handler: Callable[[httpx.Request], httpx.Response], kind: str
) -> None:
    result = check_connection(_client(handler))
    assert result.ok is False
    assert result.kind == kind
    assert result.message
    assert TOKEN not in result.message


def test_messages_differ_per_kind() -> None:
    kinds = {
        check_connection(_client(handler)).message
        for handler in (_error(401, "x"), _error(403, "x"), _raise(httpx.ConnectError),
                        _error(500, "x"))
    }
    assert len(kinds) == 4
