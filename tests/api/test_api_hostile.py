"""A hostile or broken server cannot crash the client, flood its memory, hold a worker or hide
a whole page: every failure is a SpotError, bodies are capped, each exchange has a deadline,
and one unreadable record is skipped and reported."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from app.api import SpotClient, errors, models
from app.api.client import MAX_API_BODY, MAX_DOWNLOAD_BODY, Page, Timeouts, received_count
from tests.helpers.spot_http import Recorder, example

MakeClient = Callable[..., SpotClient]
MiB = 1024 * 1024
DEEP = b"[" * 100_000 + b"]" * 100_000
DEEP_OBJECT = b'{"a":' * 100_000 + b"1" + b"}" * 100_000


# --- deep JSON -------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [200, 400, 500])
@pytest.mark.parametrize("body", [DEEP, DEEP_OBJECT], ids=["array", "object"])
@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda c: c.get_order("O1"), id="get"),
        pytest.param(lambda c: c.list_orders(), id="list"),
        pytest.param(
            lambda c: c.create_order(
                models.NewOrder.model_validate(example("create_order_request"))
            ),
            id="post",
        ),
    ],
)
def test_json_nested_100000_deep_is_a_response_validation_error(
    make_client: MakeClient, call: Callable[[SpotClient], Any], status: int, body: bytes
) -> None:
    recorder = Recorder(httpx.Response(status, content=body))
    with pytest.raises(errors.ResponseValidationError) as caught:
        call(make_client(recorder, max_retries=0))
    assert caught.value.status_code == status
    assert "nested too deeply" in str(caught.value)


def test_error_body_just_under_the_parser_limit_still_reads(make_client: MakeClient) -> None:
    # Deep enough to hurt a recursive walk, shallow enough for json: details are depth-capped.
    nested: Any = "deep message"
    for _ in range(500):
        nested = {"x": nested}
    body = {"error": {"type": "bad_request", "details": [nested, "email: Enter a valid email"]}}
    recorder = Recorder(httpx.Response(400, json=body))
    with pytest.raises(errors.BadRequest) as caught:
        make_client(recorder).get_order("O1")
    assert caught.value.field_errors == {"email": ["Enter a valid email"]}


def test_a_huge_error_body_gives_a_short_message(make_client: MakeClient) -> None:
    body = {"error": {"type": "bad_request", "details": [f"f{i}: bad" for i in range(100_000)]}}
    recorder = Recorder(httpx.Response(400, json=body))
    with pytest.raises(errors.BadRequest) as caught:
        make_client(recorder).get_order("O1")
    assert len(caught.value.details) == 50


# --- size caps --------------------------------------------------------------------------------


class Body:
    """A streamed body of ``size`` bytes in 1 MiB chunks that counts what was pulled."""

    def __init__(self, size: int, chunk: int = MiB) -> None:
        self.size = size
        self.chunk = chunk
        self.pulled = 0

    def __iter__(self) -> Iterator[bytes]:
        while self.pulled < self.size:
            part = min(self.chunk, self.size - self.pulled)
            self.pulled += part
            yield b" " * part


def test_caps_are_the_documented_sizes() -> None:
    assert (10 * MiB, 50 * MiB) == (MAX_API_BODY, MAX_DOWNLOAD_BODY)


def test_api_body_over_the_cap_refused_by_content_length_before_reading(
    make_client: MakeClient,
) -> None:
    body = Body(1024 * MiB)  # 1 GiB announced
    recorder = Recorder(
        lambda _r: httpx.Response(
            200, headers={"Content-Length": str(1024 * MiB)}, content=iter(body)
        )
    )
    with pytest.raises(errors.ResponseTooLarge) as caught:
        make_client(recorder, max_retries=0).list_orders()
    assert body.pulled == 0
    assert caught.value.limit == MAX_API_BODY
    assert isinstance(caught.value, errors.ResponseValidationError)


def test_api_body_without_length_stops_just_past_the_cap(make_client: MakeClient) -> None:
    body = Body(1024 * MiB)
    recorder = Recorder(lambda _r: httpx.Response(200, content=iter(body)))
    with pytest.raises(errors.ResponseTooLarge):
        make_client(recorder, max_retries=0).list_orders()
    assert body.pulled == MAX_API_BODY + MiB  # the chunk that crossed the line, no more


def test_error_bodies_are_capped_too(make_client: MakeClient) -> None:
    body = Body(1024 * MiB)
    recorder = Recorder(lambda _r: httpx.Response(500, content=iter(body)))
    with pytest.raises(errors.ResponseTooLarge):
        make_client(recorder, max_retries=0).get_order("O1")
    assert body.pulled <= MAX_API_BODY + MiB


def test_api_body_at_the_cap_is_accepted(make_client: MakeClient) -> None:
    padding = MAX_API_BODY - len(b'[{"order_id": "O1", "x": ""}]')
    content = b'[{"order_id": "O1", "x": "' + b" " * padding + b'"}]'
    assert len(content) == MAX_API_BODY
    orders = make_client(Recorder(httpx.Response(200, content=content))).list_orders()
    assert [o.order_id for o in orders] == ["O1"]


def test_gzip_bomb_refused_by_its_decoded_size(make_client: MakeClient) -> None:
    import gzip

    packed = gzip.compress(b" " * (MAX_API_BODY + 1))
    assert len(packed) < MiB
    recorder = Recorder(
        lambda _r: httpx.Response(200, headers={"Content-Encoding": "gzip"}, content=packed)
    )
    with pytest.raises(errors.ResponseTooLarge):
        make_client(recorder, max_retries=0).get_order("O1")


def test_download_cap_is_50_mib(make_client: MakeClient) -> None:
    fits = Body(20 * MiB)
    client = make_client(Recorder(lambda _r: httpx.Response(200, content=iter(fits))))
    assert len(client.download("https://app.spotkits.com/results/r.pdf")) == 20 * MiB

    too_big = Body(1024 * MiB)
    client = make_client(
        Recorder(lambda _r: httpx.Response(200, content=iter(too_big))), max_retries=0
    )
    with pytest.raises(errors.ResponseTooLarge):
        client.download("https://app.spotkits.com/results/r.pdf")
    assert too_big.pulled == MAX_DOWNLOAD_BODY + MiB


def test_download_refused_by_content_length(make_client: MakeClient) -> None:
    body = Body(60 * MiB)
    recorder = Recorder(
        lambda _r: httpx.Response(
            200, headers={"Content-Length": str(60 * MiB)}, content=iter(body)
        )
    )
    progress: list[tuple[int, int | None]] = []
    with pytest.raises(errors.ResponseTooLarge):
        make_client(recorder, max_retries=0).download(
            "https://app.spotkits.com/results/r.pdf",
            on_progress=lambda a, b: progress.append((a, b)),
        )
    assert body.pulled == 0
    assert progress == []


# --- the deadline ------------------------------------------------------------------------------


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _trickle(clock: FakeClock, pulled: list[int]) -> Iterator[bytes]:
    """A server sending one byte a second, forever (each chunk moves the fake clock)."""
    while True:
        clock.now += 1.0
        pulled.append(1)
        yield b" "


def test_a_trickling_api_answer_stops_at_30_seconds(make_client: MakeClient) -> None:
    clock = FakeClock()
    pulled: list[int] = []
    recorder = Recorder(lambda _r: httpx.Response(200, content=_trickle(clock, pulled)))
    with pytest.raises(errors.SpotTimeout) as caught:
        make_client(recorder, clock=clock, max_retries=0).get_order("O1")
    assert len(pulled) == 30
    assert caught.value.cause is errors.ConnectionCause.TIMEOUT
    assert caught.value.maybe_delivered is True


def test_a_trickling_download_stops_at_120_seconds(make_client: MakeClient) -> None:
    clock = FakeClock()
    pulled: list[int] = []
    recorder = Recorder(lambda _r: httpx.Response(200, content=_trickle(clock, pulled)))
    with pytest.raises(errors.SpotTimeout):
        make_client(recorder, clock=clock, max_retries=0).download(
            "https://app.spotkits.com/results/r.pdf"
        )
    assert len(pulled) == 120


def test_each_retry_gets_its_own_deadline(make_client: MakeClient) -> None:
    clock = FakeClock()
    pulled: list[int] = []
    recorder = Recorder(lambda _r: httpx.Response(200, content=_trickle(clock, pulled)))
    with pytest.raises(errors.SpotTimeout):
        make_client(recorder, clock=clock, max_retries=2).get_order("O1")
    assert len(recorder.requests) == 3
    assert len(pulled) == 90  # three exchanges of 30 s, then the caller hears


def test_deadlines_are_configurable(make_client: MakeClient) -> None:
    clock = FakeClock()
    pulled: list[int] = []
    recorder = Recorder(lambda _r: httpx.Response(200, content=_trickle(clock, pulled)))
    timeouts = Timeouts(api_deadline=5.0)
    with pytest.raises(errors.SpotTimeout):
        make_client(recorder, clock=clock, max_retries=0, timeouts=timeouts).get_order("O1")
    assert len(pulled) == 5


# --- one bad record does not hide the page ----------------------------------------------------


def _orders(count: int, bad: dict[int, Any]) -> list[Any]:
    good = example("list_orders_response")[0]
    return [bad.get(i, {**good, "order_id": f"O{i:07d}"}) for i in range(count)]


def test_one_bad_order_is_skipped_and_reported(
    make_client: MakeClient, caplog: pytest.LogCaptureFixture
) -> None:
    good = example("list_orders_response")[0]
    bad = {**good, "order_id": "O0000002", "created": "Alice Smith's day"}
    body = _orders(5, {2: bad, 4: "Alice Smith"})
    with caplog.at_level(logging.WARNING, logger="app.api"):
        page = make_client(Recorder(httpx.Response(200, json=body))).list_orders(offset=20)
    assert isinstance(page, list)
    assert [o.order_id for o in page] == ["O0000000", "O0000001", "O0000003"]
    assert page.items == list(page)
    assert page.received == 5
    assert [(s.position, s.record_id) for s in page.skipped] == [(22, "O0000002"), (24, None)]
    assert "created" in page.skipped[0].reason
    log = caplog.text
    assert "O0000002" in log
    assert "created" in log
    for phi in ("Alice", "Smith", "alice123", "1234567890", "94105"):
        assert phi not in log
        assert all(phi not in s.reason for s in page.skipped)


def test_an_id_that_is_not_a_plain_id_is_not_repeated(make_client: MakeClient) -> None:
    body = [{"order_id": "Alice Smith <alice@example.com>", "created": "never"}]
    page = make_client(Recorder(httpx.Response(200, json=body))).list_orders()
    assert page.skipped[0].record_id is None


def test_a_clean_page_reports_nothing_skipped(make_client: MakeClient) -> None:
    page = make_client(Recorder(httpx.Response(200, json=_orders(3, {})))).list_orders()
    assert len(page) == 3
    assert page.skipped == ()
    assert received_count(page) == 3
    assert received_count([1, 2]) == 2


def test_iterator_walks_past_a_page_shortened_by_a_bad_record(make_client: MakeClient) -> None:
    first = _orders(100, {50: {"order_id": None}})
    second = _orders(3, {1: {"status": "pending"}})
    recorder = Recorder(httpx.Response(200, json=first), httpx.Response(200, json=second))
    records = make_client(recorder).iter_orders()
    orders = list(records)
    assert len(orders) == 99 + 2
    assert [r.url.params["offset"] for r in recorder.requests] == ["0", "100"]
    assert [s.position for s in records.skipped] == [50, 101]


def test_kits_and_requisitions_skip_bad_records_too(make_client: MakeClient) -> None:
    kits = make_client(
        Recorder(httpx.Response(200, json=[{"kit_id": "K1"}, "Alice Smith", {"kit_id": None}]))
    ).list_kits()
    assert [k.kit_id for k in kits] == ["K1"]
    assert len(kits.skipped) == 2
    requisitions = make_client(
        Recorder(httpx.Response(200, json=[{"barcode": "1"}]))
    ).list_requisitions()
    assert list(requisitions) == []
    assert len(requisitions.skipped) == 1


def test_page_is_a_list_for_old_callers() -> None:
    page: Page[int] = Page([1, 2], received=3)
    assert page == [1, 2]
    assert page.received == 3
    assert Page([1]).received == 1


# --- every failure is a SpotError ---------------------------------------------------------------


@pytest.mark.parametrize(
    "response",
    [
        pytest.param(httpx.Response(200, content=b"\xff\xfe not utf-8 {"), id="bad-bytes"),
        pytest.param(httpx.Response(200, content=b"NaN"), id="nan"),
        pytest.param(httpx.Response(200, content=b'{"order_id": "O1"' * 3), id="truncated"),
        pytest.param(httpx.Response(500, content=DEEP), id="deep-500"),
        pytest.param(httpx.Response(302, headers={"Location": "http://[::1"}), id="bad-location"),
        pytest.param(
            httpx.Response(200, headers={"Content-Encoding": "gzip"}, content=b"x"), id="bad-gzip"
        ),
    ],
)
def test_garbage_is_always_a_spot_error(make_client: MakeClient, response: httpx.Response) -> None:
    client = make_client(Recorder(response), max_retries=0)
    for call in (lambda: client.get_order("O1"), lambda: client.list_orders()):
        with pytest.raises(errors.SpotError):
            call()
