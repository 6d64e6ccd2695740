"""Report downloads report progress for slow links, and the body is still exact."""

from __future__ import annotations

import gzip

import httpx
import pytest

from app.api import SpotClient, errors

BODY = b"%PDF-1.4\n" + bytes(range(256)) * 2000


def _client(handler: httpx.MockTransport) -> SpotClient:
    return SpotClient("https://app.spotdx.com", "tok", transport=handler, sleep=lambda _s: None)


def test_progress_runs_from_zero_to_the_full_length() -> None:
    client = _client(httpx.MockTransport(lambda _r: httpx.Response(200, content=BODY)))
    seen: list[tuple[int, int | None]] = []

    data = client.download(
        "https://app.spotdx.com/results/r1.pdf", on_progress=lambda a, b: seen.append((a, b))
    )

    assert data == BODY
    assert seen[0] == (0, len(BODY))
    assert seen[-1] == (len(BODY), len(BODY))
    assert [received for received, _ in seen] == sorted(received for received, _ in seen)


def test_compressed_body_is_decoded_once() -> None:
    packed = gzip.compress(BODY)
    client = _client(httpx.MockTransport(
        lambda _r: httpx.Response(200, headers={"Content-Encoding": "gzip"}, content=packed)
    ))

    assert client.download("https://app.spotdx.com/r.pdf", on_progress=lambda _a, _b: None) == BODY


def test_unknown_length_reports_none_as_total() -> None:
    def handler(_request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=iter([BODY[:1000], BODY[1000:]]))

    seen: list[tuple[int, int | None]] = []
    data = _client(httpx.MockTransport(handler)).download(
        "https://app.spotdx.com/r.pdf", on_progress=lambda a, b: seen.append((a, b))
    )

    assert data == BODY
    assert {total for _, total in seen} == {None}
    assert seen[-1][0] == len(BODY)


def test_error_status_still_maps_to_its_error_with_progress() -> None:
    client = _client(httpx.MockTransport(lambda _r: httpx.Response(404, json={"detail": "gone"})))
    seen: list[tuple[int, int | None]] = []

    with pytest.raises(errors.NotFound):
        client.download(
            "https://app.spotdx.com/r.pdf", on_progress=lambda a, b: seen.append((a, b))
        )
    assert seen == []


def test_progress_download_sends_no_token_to_a_foreign_host() -> None:
    headers: list[httpx.Headers] = []

    def handler(request: httpx.Request) -> httpx.Response:
        headers.append(request.headers)
        return httpx.Response(200, content=BODY)

    _client(httpx.MockTransport(handler)).download(
        "https://app.spotkits.com/results/r1.pdf?sig=abc", on_progress=lambda _a, _b: None
    )
    assert "Authorization" not in headers[0]
