"""The token only reaches the configured origin, only over https (or loopback http), and never
lands in logs; downloads follow redirects without carrying it elsewhere."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import httpx
import pytest

from app.api import SpotClient, errors, models
from tests.helpers.spot_http import TOKEN, Recorder, example

MakeClient = Callable[..., SpotClient]
PDF = b"%PDF-1.7 fake report"


@pytest.mark.parametrize(
    "base_url",
    [
        "http://app.spotdx.com",
        "http://10.0.0.5:8000",
        "http://192.168.1.10",
        "http://[2001:db8::1]:8000",
        "http://localhost.example.com",
        "ftp://app.spotdx.com",
        "app.spotdx.com",
        "/api/v2/",
        "https://app.spotdx.com/?x=1",
    ],
)
def test_insecure_or_malformed_base_urls_rejected(base_url: str) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - message checked below for the http case
        SpotClient(base_url, TOKEN, httpx.MockTransport(lambda r: httpx.Response(200)))


def test_http_rejection_message_explains() -> None:
    with pytest.raises(ValueError, match="https"):
        SpotClient("http://app.spotdx.com", TOKEN)


@pytest.mark.parametrize(
    "base_url",
    [
        "https://app.spotdx.com",
        "https://app.spotdx.com/",
        "http://127.0.0.1:8765",
        "http://127.5.6.7:8765/",
        "http://localhost:8765",
        "http://LOCALHOST:8765",
        "http://[::1]:8765",
    ],
)
def test_https_and_loopback_http_accepted(make_client: MakeClient, base_url: str) -> None:
    recorder = Recorder(httpx.Response(200, json=example("get_kit_response")))
    client = make_client(recorder, base_url=base_url)
    client.get_kit("SPOT123456")
    assert recorder.last.url.path == "/api/v2/kits/SPOT123456/"
    assert recorder.last.headers["Authorization"] == f"Token {TOKEN}"
    assert client.base_url == base_url.rstrip("/").lower()


@pytest.mark.parametrize("token", ["", " tok", "tok\r\nX-Evil: 1", "to k"])
def test_bad_tokens_rejected(token: str) -> None:
    with pytest.raises(ValueError, match="token"):
        SpotClient("https://app.spotdx.com", token)


def test_repr_has_no_token(make_client: MakeClient) -> None:
    client = make_client(Recorder())
    assert TOKEN not in repr(client)
    assert "app.spotdx.com" in repr(client)


# --- downloads -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "sends_token"),
    [
        ("https://app.spotdx.com/results/r.pdf", True),
        ("https://app.spotdx.com:443/results/r.pdf", True),
        ("https://app.spotkits.com/results/r.pdf", False),  # the docs' own report host
        ("https://APP.SPOTKITS.COM/results/r.pdf?X-Amz-Signature=abc", False),
    ],
)
def test_download_sends_token_only_to_our_origin(
    make_client: MakeClient, url: str, sends_token: bool
) -> None:
    recorder = Recorder(httpx.Response(200, content=PDF))
    assert make_client(recorder).download(url) == PDF
    assert ("Authorization" in recorder.last.headers) is sends_token
    if sends_token:
        assert recorder.last.headers["Authorization"] == f"Token {TOKEN}"


def test_download_keeps_signed_query_string(make_client: MakeClient) -> None:
    recorder = Recorder(httpx.Response(200, content=PDF))
    make_client(recorder).download("https://app.spotkits.com/r.pdf?X-Amz-Signature=a%2Bb&e=1")
    assert recorder.last.url.query == b"X-Amz-Signature=a%2Bb&e=1"


def test_relative_download_resolves_against_base_url(make_client: MakeClient) -> None:
    recorder = Recorder(httpx.Response(200, content=PDF))
    make_client(recorder, base_url="http://127.0.0.1:8765").download("/files/r.pdf")
    assert str(recorder.last.url) == "http://127.0.0.1:8765/files/r.pdf"


@pytest.mark.parametrize(
    "url", ["http://app.spotkits.com/r.pdf", "http://app.spotdx.com/r.pdf", "ftp://app.spotdx.com/r"]
)
def test_download_over_plain_http_refused(make_client: MakeClient, url: str) -> None:
    recorder = Recorder(httpx.Response(200, content=PDF))
    with pytest.raises(ValueError, match="https"):
        make_client(recorder).download(url)
    assert recorder.requests == []


def _redirecting(chain: dict[str, str]) -> Callable[[httpx.Request], httpx.Response]:
    def handler(request: httpx.Request) -> httpx.Response:
        target = chain.get(str(request.url))
        if target is not None:
            return httpx.Response(302, headers={"Location": target})
        return httpx.Response(200, content=PDF)

    return handler


def test_download_redirect_to_another_host_drops_the_token(make_client: MakeClient) -> None:
    recorder = Recorder(
        _redirecting(
            {"https://app.spotdx.com/results/r.pdf": "https://storage.example.com/r.pdf?sig=1"}
        )
    )
    assert make_client(recorder).download("https://app.spotdx.com/results/r.pdf") == PDF
    first, second = recorder.requests
    assert first.headers["Authorization"] == f"Token {TOKEN}"
    assert str(second.url) == "https://storage.example.com/r.pdf?sig=1"
    assert "Authorization" not in second.headers


def test_redirect_back_to_our_origin_gets_the_token_again(make_client: MakeClient) -> None:
    recorder = Recorder(
        _redirecting(
            {
                "https://app.spotkits.com/a.pdf": "https://app.spotdx.com/b.pdf",
                "https://app.spotdx.com/b.pdf": "/c.pdf",
            }
        )
    )
    make_client(recorder).download("https://app.spotkits.com/a.pdf")
    assert [str(r.url) for r in recorder.requests] == [
        "https://app.spotkits.com/a.pdf",
        "https://app.spotdx.com/b.pdf",
        "https://app.spotdx.com/c.pdf",
    ]
    assert ["Authorization" in r.headers for r in recorder.requests] == [False, True, True]


def test_redirect_to_plain_http_is_not_followed(make_client: MakeClient) -> None:
    recorder = Recorder(
        _redirecting({"https://app.spotdx.com/r.pdf": "http://app.spotdx.com/r.pdf"})
    )
    with pytest.raises(errors.SpotConnectionError, match="insecure"):
        make_client(recorder, max_retries=0).download("https://app.spotdx.com/r.pdf")
    assert len(recorder.requests) == 1


def test_redirect_loop_stops(make_client: MakeClient) -> None:
    recorder = Recorder(lambda r: httpx.Response(302, headers={"Location": "/again"}))
    with pytest.raises(errors.SpotConnectionError, match="too many redirects"):
        make_client(recorder, max_retries=0).download("https://app.spotdx.com/r.pdf")
    assert len(recorder.requests) == 6


def test_api_get_redirect_to_foreign_host_drops_the_token(make_client: MakeClient) -> None:
    recorder = Recorder(
        _redirecting(
            {"https://app.spotdx.com/api/v2/requisitions/r1": "https://other.example.com/x"}
        )
    )
    with pytest.raises(errors.ResponseValidationError):  # the PDF bytes are not JSON
        make_client(recorder).get_requisition("r1")
    assert "Authorization" not in recorder.requests[1].headers


@pytest.mark.parametrize("status", [301, 302, 307, 308])
def test_posts_do_not_follow_redirects(make_client: MakeClient, status: int) -> None:
    recorder = Recorder(httpx.Response(status, headers={"Location": "https://evil.example/"}))
    with pytest.raises(errors.SpotStatusError) as caught:
        make_client(recorder).create_order(
            models.NewOrder.model_validate(example("create_order_request"))
        )
    assert caught.value.status_code == status
    assert len(recorder.requests) == 1


@pytest.mark.parametrize(("status", "exc_class"), [(404, errors.NotFound), (403, errors.Forbidden)])
def test_download_errors_name_only_the_host(
    make_client: MakeClient, status: int, exc_class: type[errors.SpotStatusError]
) -> None:
    recorder = Recorder(httpx.Response(status, text="<Error>AccessDenied</Error>"))
    url = "https://app.spotkits.com/reports/7563e8e2.pdf?X-Amz-Signature=secret123"
    with pytest.raises(exc_class) as caught:
        make_client(recorder).download(url)
    message = str(caught.value)
    assert "app.spotkits.com" in message
    assert "secret123" not in message
    assert "7563e8e2" not in message


def test_download_uses_the_longer_read_timeout(make_client: MakeClient) -> None:
    recorder = Recorder(httpx.Response(200, content=PDF))
    client = make_client(recorder)
    client.download("https://app.spotdx.com/r.pdf")
    download_timeout = recorder.last.extensions["timeout"]
    recorder.script = [httpx.Response(200, json={"kit_id": "K1"})]
    client.get_kit("K1")
    api_timeout = recorder.last.extensions["timeout"]
    assert api_timeout == {"connect": 5.0, "read": 15.0, "write": 15.0, "pool": 5.0}
    assert download_timeout["read"] == 60.0
    assert download_timeout["connect"] == 5.0


# --- logging -------------------------------------------------------------------------------


def test_logs_have_template_status_and_time_but_no_phi(
    make_client: MakeClient, caplog: pytest.LogCaptureFixture
) -> None:
    recorder = Recorder(
        httpx.Response(503),
        httpx.Response(200, json=example("list_orders_response")),
        httpx.Response(201, json=example("create_order_response")),
        httpx.Response(200, json=example("get_order_response")),
    )
    client = make_client(recorder)
    with caplog.at_level(logging.DEBUG, logger="app.api"):
        client.list_orders(email="alice123@gmail.com", last_name="Smith", phone="1234567890")
        client.create_order(models.NewOrder.model_validate(example("create_order_request")))
        client.get_order("O1234567")
    text = "\n".join(record.getMessage() for record in caplog.records)
    assert {record.name for record in caplog.records} == {"app.api"}
    assert "GET /api/v2/orders/ -> 503" in text
    assert "GET /api/v2/orders/ -> 200" in text
    assert "POST /api/v2/orders/ -> 201" in text
    assert "GET /api/v2/orders/{public_id}/ -> 200" in text
    assert " ms" in text
    for secret in (TOKEN, "alice123", "Smith", "1234567890", "Alice", "O1234567", "94105"):
        assert secret not in text


# --- thread safety -------------------------------------------------------------------------


def test_one_client_serves_many_threads(make_client: MakeClient) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        kit_id = request.url.path.split("/")[-2]
        return httpx.Response(200, json={"kit_id": kit_id})

    client = make_client(handler)
    seen: dict[int, str] = {}
    failures: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(20):
                seen[n * 100 + i] = client.get_kit(f"SPOT{n:03d}{i:03d}").kit_id
        except BaseException as exc:  # noqa: BLE001 - surfaced by the assert below
            failures.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert seen == {n * 100 + i: f"SPOT{n:03d}{i:03d}" for n in range(8) for i in range(20)}


def test_context_manager_closes(make_client: MakeClient) -> None:
    recorder = Recorder(httpx.Response(200, json={"kit_id": "K1"}))
    with make_client(recorder) as client:
        client.get_kit("K1")
    with pytest.raises(errors.SpotConnectionError, match="closed") as caught:
        client.get_kit("K1")
    assert caught.value.maybe_delivered is False
    assert len(recorder.requests) == 1


def test_accept_headers(make_client: MakeClient) -> None:
    recorder = Recorder(httpx.Response(200, content=PDF))
    client = make_client(recorder)
    client.download("https://app.spotkits.com/r.pdf")
    assert recorder.last.headers["Accept"] == "*/*"
    assert recorder.last.headers["User-Agent"].startswith("spot-front-desk/")
    recorder.script = [httpx.Response(200, json={"kit_id": "K1"})]
    client.get_kit("K1")
    assert recorder.last.headers["Accept"] == "application/json"
