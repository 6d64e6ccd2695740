"""Which Spot server the app talks to, and a "Test connection" check for a token.

Production is fixed, the sandbox is the built-in one (its port changes each run), and a
custom URL must be https unless it points at this computer. ``Environment.key`` names the
keyring entry, so each environment keeps its own token.

``Environment.proxy`` is the workstation's proxy choice (`ProxySetting`: system / none /
manual URL). It is saved as one text, ``ProxySetting.as_text()`` (``"system"``, ``"none"`` or
the proxy URL), under ``network/proxy`` in settings.ini, and attached with
``environment.with_proxy(ProxySetting.from_text(saved))``; `make_client` builds every
`SpotClient` with it. Loopback addresses never use a proxy, whatever the choice.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from dataclasses import dataclass
from typing import Any, Literal, Protocol

import httpx

from app.api import errors as api_errors
from app.api.client import SpotClient, is_loopback_host
from app.api.transport import DIRECT, SYSTEM_PROXY, ProxySetting
from app.services.errors import connection_problem, translate

__all__ = [
    "DIRECT",
    "PRODUCTION",
    "PRODUCTION_URL",
    "PROXY_SETTING_KEY",
    "SYSTEM_PROXY",
    "ConnectionCheck",
    "Environment",
    "ProxySetting",
    "check_connection",
    "make_client",
]

log = logging.getLogger(__name__)

PRODUCTION_URL = "https://app.spotdx.com"
PROXY_SETTING_KEY = "network/proxy"  # settings.ini key holding ProxySetting.as_text()

EnvironmentKind = Literal["production", "sandbox", "custom"]
CheckKind = Literal["ok", "unauthorized", "forbidden", "offline", "server_down", "unexpected"]

# People paste the API root they see in the docs; the client adds /api/v2/... itself.
_API_SUFFIX = re.compile(r"/api(?:/v\d+)?/?$")


def _normalise_custom_url(raw: str) -> str:
    text = raw.strip()
    if not text:
        raise ValueError("Enter the server address, e.g. https://spot.example.com")
    if "://" not in text:
        raise ValueError("Enter the full address starting with https://")
    try:
        url = httpx.URL(text)
    except httpx.InvalidURL:
        raise ValueError("That doesn't look like a web address") from None
    if url.scheme not in ("http", "https") or not url.host:
        raise ValueError("Enter the full address starting with https://")
    if url.scheme == "http" and not is_loopback_host(url.host):
        raise ValueError(
            "Use https:// — plain http is only allowed for a server on this computer"
        )
    if url.userinfo:
        raise ValueError("Leave the user name and password out of the address")
    if url.query or url.fragment:
        raise ValueError("Leave anything after ? or # out of the address")
    path = _API_SUFFIX.sub("", url.path).rstrip("/")
    default_port = {"http": 80, "https": 443}[url.scheme]
    port = f":{url.port}" if url.port and url.port != default_port else ""
    host = url.host.lower()
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    return f"{url.scheme}://{host}{port}{path}"


@dataclass(frozen=True)
class Environment:
    kind: EnvironmentKind
    base_url: str
    label: str
    key: str
    # How this workstation reaches it; not part of the identity (the token is the same).
    proxy: ProxySetting = dataclasses.field(default=SYSTEM_PROXY, compare=False)

    def with_proxy(self, proxy: ProxySetting) -> Environment:
        return dataclasses.replace(self, proxy=proxy)

    @classmethod
    def custom(cls, url: str) -> Environment:
        """A custom server; raises ValueError with a plain message for an unusable URL."""
        base = _normalise_custom_url(url)
        label = translate("Environments", "Custom ({url})").format(url=base)
        return cls("custom", base, label, f"custom:{base}")

    @classmethod
    def sandbox(cls, url: str) -> Environment:
        """The built-in sandbox at ``url`` (a loopback address chosen at start-up)."""
        base = _normalise_custom_url(url)
        return cls("sandbox", base, translate("Environments", "Sandbox (built-in)"), "sandbox")

    @classmethod
    def from_key(cls, key: str, *, sandbox_url: str | None = None) -> Environment:
        """The environment a saved key names (settings remember the key, not the object)."""
        if key == PRODUCTION.key:
            return PRODUCTION
        if key == "sandbox":
            if sandbox_url is None:
                raise ValueError("The built-in sandbox isn't running")
            return cls.sandbox(sandbox_url)
        if key.startswith("custom:"):
            return cls.custom(key.removeprefix("custom:"))
        raise ValueError(f"Unknown environment {key!r}")


PRODUCTION = Environment("production", PRODUCTION_URL, "Production", "production")


def make_client(environment: Environment, token: str, **options: Any) -> SpotClient:
    """A `SpotClient` for ``environment``, through its proxy choice. ``options`` go to
    `SpotClient` (``transport``, ``max_retries`` …)."""
    options.setdefault("proxy", environment.proxy)
    return SpotClient(environment.base_url, token, **options)


@dataclass(frozen=True)
class ConnectionCheck:
    ok: bool
    kind: CheckKind
    message: str
    # For "offline": which kind of network failure (refused, dns, timeout, certificate, proxy…)
    cause: api_errors.ConnectionCause | None = None


class _ListsOrders(Protocol):
    def list_orders(self, *, results: int = ...) -> object: ...


def check_connection(client: _ListsOrders) -> ConnectionCheck:
    """One cheap authenticated GET; tells a bad token from no network from a server down.

    Blocking: run it through the task runner.
    """
    try:
        client.list_orders(results=1)
    except api_errors.Unauthorized:
        return _result(
            "unauthorized",
            "Spot rejected this API token. Copy it again from Spot (Account Settings) and make "
            "sure the whole token is pasted.",
        )
    except api_errors.Forbidden:
        return _result(
            "forbidden",
            "Spot accepted the token but it isn't allowed to list orders. Ask your Spot "
            "account manager to check the key's permissions.",
        )
    except api_errors.SpotConnectionError as exc:  # SpotTimeout included
        if exc.cause in _GENERIC_CAUSES:
            message = translate(
                "Errors",
                "Can't reach the server. Check this computer's network connection (and, for a "
                "custom server, the address).",
            )
        else:
            title, advice, details = connection_problem(exc)
            message = "\n".join(
                [f"{translate('Errors', title)}. {translate('Errors', advice)}", *details]
            )
        log.info("connection check: offline (%s)", exc.cause)
        return ConnectionCheck(False, "offline", message, exc.cause)
    except (api_errors.ServerError, api_errors.RateLimited):
        return _result(
            "server_down",
            "The server is reachable but not working right now. Try again in a few minutes.",
        )
    except api_errors.NotFound:
        return _result(
            "unexpected",
            "The server answered, but there is no Spot API at this address. Check the address.",
        )
    except api_errors.SpotError as exc:
        log.info("connection check: unexpected %s", type(exc).__name__)
        return _result(
            "unexpected",
            "The server gave an answer this app doesn't understand. Check the address, or "
            "try again later.",
        )
    return ConnectionCheck(True, "ok", "Connected: Spot accepted the token.")


_GENERIC_CAUSES = frozenset(
    {
        api_errors.ConnectionCause.OTHER,
        api_errors.ConnectionCause.CLOSED,
        api_errors.ConnectionCause.REDIRECT,
    }
)


def _result(kind: CheckKind, message: str) -> ConnectionCheck:
    log.info("connection check: %s", kind)
    return ConnectionCheck(False, kind, message)
