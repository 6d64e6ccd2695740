"""DNS-rebinding protection: the sandbox answers only requests addressed to itself, and the
embedded sandbox gets a new random token each start."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from app.compose import EmbeddedSandbox
from app.sandbox import SandboxServer
from tests.helpers.sandbox_api import raw_request


def _get(sandbox: SandboxServer, host_header: str | None) -> bytes:
    request = b"GET /api/v2/orders/ HTTP/1.1\r\n"
    if host_header is not None:
        request += b"Host: " + host_header.encode() + b"\r\n"
    request += b"Authorization: Token " + sandbox.token.encode() + b"\r\nConnection: close\r\n\r\n"
    return raw_request(sandbox, request)


def test_requests_addressed_to_the_sandbox_are_answered(sandbox: SandboxServer) -> None:
    port = sandbox.base_url.rsplit(":", 1)[1]
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"LOCALHOST:{port}"):
        assert _get(sandbox, host).startswith(b"HTTP/1.1 200"), host
    with httpx.Client(base_url=sandbox.base_url,
                      headers={"Authorization": f"Token {sandbox.token}"}) as client:
        assert client.get("/api/v2/orders/").status_code == 200


@pytest.mark.parametrize("host", ["evil.example:{port}", "127.0.0.1", "127.0.0.1:1",
                                  "localhost.evil.example:{port}", "", None])
def test_a_rebound_name_or_a_missing_host_is_refused(
    sandbox: SandboxServer, host: str | None
) -> None:
    port = sandbox.base_url.rsplit(":", 1)[1]
    answer = _get(sandbox, None if host is None else host.format(port=port))
    assert answer.startswith(b"HTTP/1.1 403")
    assert b'"forbidden"' in answer
    assert b"Fake" not in answer
    assert b"@" not in answer.split(b"\r\n\r\n", 1)[1]


def test_the_embedded_sandbox_has_a_new_random_token_each_start(tmp_path: Path) -> None:
    embedded = EmbeddedSandbox(tmp_path / "sandbox", speed=0.0, seed_orders=0)
    tokens = []
    for _ in range(2):
        _environment, token = embedded.start()
        tokens.append(token)
        embedded.stop()
    assert tokens[0] != tokens[1]
    assert all(len(token) >= 32 and token != "sandbox-token" for token in tokens)
