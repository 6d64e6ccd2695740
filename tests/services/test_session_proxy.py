"""A proxy choice changed in Settings: the open session goes the new way at once, Test
connection goes the chosen way, and the API token never reaches a proxy."""

from __future__ import annotations

import pytest

from app.api import errors
from app.api.errors import ConnectionCause
from app.api.transport import DIRECT, SYSTEM_PROXY, ProxySetting
from app.paths import paths
from app.sandbox import SandboxServer
from app.services.environments import Environment
from app.services.session import Session
from tests.helpers.fixtures import CLINIC_TOKEN as TOKEN
from tests.helpers.net import proxy_answering, raw_server


def test_test_connection_goes_through_the_chosen_proxy_and_keeps_the_token_from_it(
    clinic_session: Session,
) -> None:
    with raw_server(proxy_answering(b"403 Forbidden", whole_head=True)) as (port, seen):
        result = clinic_session.check_connection(ProxySetting.manual(f"http://127.0.0.1:{port}"))
    assert not result.ok
    assert result.cause is ConnectionCause.PROXY
    assert [head.split(b"\r\n", 1)[0] for head in seen] == [
        b"CONNECT spot.clinic.example:443 HTTP/1.1"
    ]
    # The token travels only inside the TLS tunnel to Spot's host, never to the proxy.
    assert TOKEN.encode() not in b"".join(seen)
    assert b"Authorization" not in b"".join(seen)
    # Testing switched nothing: the session still goes the way it went.
    assert clinic_session.environment.proxy == SYSTEM_PROXY


def test_use_proxy_reroutes_the_open_session_at_once(clinic_session: Session) -> None:
    old_client = clinic_session.client
    with raw_server(proxy_answering(b"502 Bad Gateway", whole_head=True)) as (port, seen):
        manual = ProxySetting.manual(f"http://127.0.0.1:{port}")
        assert clinic_session.use_proxy(manual) is True
        assert clinic_session.environment.proxy == manual
        assert clinic_session.client is not old_client
        assert clinic_session.client.proxy == manual
        with pytest.raises(errors.SpotConnectionError) as caught:
            clinic_session.sync.refresh()  # the next refresh goes through the new proxy
    assert caught.value.cause is ConnectionCause.PROXY
    assert seen
    assert seen[0].startswith(b"CONNECT spot.clinic.example:443 ")
    assert TOKEN.encode() not in b"".join(seen)
    assert clinic_session.use_proxy(manual) is False  # the same choice again: nothing to do


def test_loopback_sessions_never_use_the_chosen_proxy(sandbox: SandboxServer) -> None:
    session = Session.open(Environment.custom(sandbox.base_url), sandbox.token, paths(),
                           start_outbox=False)
    try:
        with raw_server(proxy_answering(b"502 Bad Gateway")) as (port, seen):
            session.use_proxy(ProxySetting.manual(f"http://127.0.0.1:{port}"))
            assert session.check_connection().ok
            session.sync.refresh()
            session.use_proxy(DIRECT)
            assert session.check_connection().ok
        assert seen == []
    finally:
        session.close()
