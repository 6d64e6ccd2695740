"""GETs retry transient failures with jittered backoff and Retry-After; POSTs never retry."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any

import httpx
import pytest

from app.api import SpotClient, errors, models
from app.api.client import (
    BACKOFF_BASE,
    BACKOFF_CAP,
    RETRY_AFTER_CAP,
    backoff_delay,
    parse_retry_after,
)
from tests.helpers.spot_http import FakeSleep, Recorder, example

MakeClient = Callable[..., SpotClient]
ORDER = httpx.Response(200, json=example("get_order_response"))
KIT_LIST = httpx.Response(200, json=example("list_kits_response"))


def _status(code: int, **headers: str) -> httpx.Response:
    return httpx.Response(code, json={"error": {"code": code, "type": "x"}}, headers=headers)


def _timeout(request: httpx.Request) -> httpx.Response:
    raise httpx.ReadTimeout("timed out", request=request)


def _refused(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("connection refused", request=request)


def _dropped(request: httpx.Request) -> httpx.Response:
    raise httpx.RemoteProtocolError("server disconnected", request=request)


def _corrupt(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, headers={"Content-Encoding": "gzip"}, content=b"not gzip")


TRANSIENT = [
    pytest.param(_status(429), id="429"),
    pytest.param(_status(500), id="500"),
    pytest.param(_status(502), id="502"),
    pytest.param(_status(503), id="503"),
    pytest.param(_status(504), id="504"),
    pytest.param(_timeout, id="read-timeout"),
    pytest.param(_refused, id="connect-error"),
    pytest.param(_dropped, id="disconnected"),
    pytest.param(_corrupt, id="corrupt-gzip-body"),
]

GETS: list[Any] = [
    pytest.param(lambda c: c.get_order("O1234567"), ORDER, id="get_order"),
    pytest.param(lambda c: c.list_kits(), KIT_LIST, id="list_kits"),
    pytest.param(
        lambda c: c.download("https://app.spotdx.com/results/r.pdf"),
        httpx.Response(200, content=b"%PDF"),
        id="download",
    ),
]

POSTS: list[Any] = [
    pytest.param(
        lambda c: c.create_order(models.NewOrder.model_validate(example("create_order_request"))),
        id="create_order",
    ),
    pytest.param(lambda c: c.update_order_metadata("O1", {}), id="update_order_metadata"),
    pytest.param(lambda c: c.update_kit_metadata("K1", {}), id="update_kit_metadata"),
    pytest.param(
        lambda c: c.create_requisition(
            models.NewRequisition.model_validate(example("create_requisition_request"))
        ),
        id="create_requisition",
    ),
    pytest.param(
        lambda c: c.create_patient(
            models.NewPatient.model_validate(example("create_patient_request"))
        ),
        id="create_patient",
    ),
    pytest.param(lambda c: c.create_registration_token("p-1"), id="create_registration_token"),
    pytest.param(
        lambda c: c.activate_kit("K1", models.KitActivation(patient_id="p")), id="activate_kit"
    ),
]


@pytest.mark.parametrize("failure", TRANSIENT)
@pytest.mark.parametrize(("call", "success"), GETS)
def test_gets_retry_transient_failures_then_succeed(
    make_client: MakeClient,
    fake_sleep: FakeSleep,
    call: Callable[[SpotClient], Any],
    success: httpx.Response,
    failure: Any,
) -> None:
    recorder = Recorder(failure, failure, success)
    call(make_client(recorder))
    assert len(recorder.requests) == 3
    assert len(fake_sleep.calls) == 2


@pytest.mark.parametrize(
    ("failure", "exc_class"),
    [
        (_status(503), errors.ServerError),
        (_status(429), errors.RateLimited),
        (_timeout, errors.SpotTimeout),
        (_refused, errors.SpotConnectionError),
    ],
)
@pytest.mark.parametrize("max_retries", [0, 1, 3, 5])
def test_gets_give_up_after_max_retries(
    make_client: MakeClient,
    fake_sleep: FakeSleep,
    failure: Any,
    exc_class: type[Exception],
    max_retries: int,
) -> None:
    recorder = Recorder(failure)
    with pytest.raises(exc_class):
        make_client(recorder, max_retries=max_retries).get_kit("SPOT123456")
    assert len(recorder.requests) == max_retries + 1
    assert len(fake_sleep.calls) == max_retries


@pytest.mark.parametrize("status", [400, 401, 403, 404, 405, 409, 422])
def test_client_errors_are_not_retried(
    make_client: MakeClient, fake_sleep: FakeSleep, status: int
) -> None:
    recorder = Recorder(_status(status))
    with pytest.raises(errors.SpotStatusError):
        make_client(recorder).get_order("O1")
    assert len(recorder.requests) == 1
    assert fake_sleep.calls == []


@pytest.mark.parametrize(
    "failure",
    [*TRANSIENT, pytest.param(_status(400), id="400")],
)
@pytest.mark.parametrize("call", POSTS)
def test_posts_are_never_retried(
    make_client: MakeClient,
    fake_sleep: FakeSleep,
    call: Callable[[SpotClient], Any],
    failure: Any,
) -> None:
    recorder = Recorder(failure, httpx.Response(200, json={}))
    with pytest.raises(errors.SpotError):
        call(make_client(recorder, max_retries=5))
    assert len(recorder.requests) == 1
    assert fake_sleep.calls == []


def test_post_timeout_is_a_spot_timeout(make_client: MakeClient) -> None:
    with pytest.raises(errors.SpotTimeout):
        make_client(Recorder(_timeout)).update_order_metadata("O1", {"a": 1})


def test_backoff_grows_exponentially_with_jitter_and_cap(
    make_client: MakeClient, fake_sleep: FakeSleep
) -> None:
    recorder = Recorder(_status(503))
    with pytest.raises(errors.ServerError):
        make_client(recorder, max_retries=6).get_order("O1")
    nominal = [0.5, 1.0, 2.0, 4.0, 8.0, 8.0]
    assert len(fake_sleep.calls) == len(nominal)
    for waited, full in zip(fake_sleep.calls, nominal, strict=True):
        assert 0.75 * full <= waited <= full


@pytest.mark.parametrize(("jitter", "factor"), [(0.0, 1.0), (1.0, 0.75), (0.5, 0.875)])
def test_backoff_values_with_fixed_jitter(
    make_client: MakeClient, fake_sleep: FakeSleep, jitter: float, factor: float
) -> None:
    with pytest.raises(errors.SpotTimeout):
        make_client(Recorder(_timeout), max_retries=3, jitter=lambda: jitter).get_kit("K1")
    assert fake_sleep.calls == [0.5 * factor, 1.0 * factor, 2.0 * factor]


@pytest.mark.parametrize(("index", "expected"), [(0, 0.5), (1, 1.0), (3, 4.0), (4, 8.0), (20, 8.0)])
def test_backoff_delay(index: int, expected: float) -> None:
    assert BACKOFF_BASE == 0.5
    assert BACKOFF_CAP == 8.0
    assert backoff_delay(index, lambda: 0.0) == expected
    assert backoff_delay(index, lambda: 1.0) == expected * 0.75


@pytest.mark.parametrize(
    ("header", "expected_wait"),
    [
        ("2", 2.0),
        ("0", 0.0),
        ("0.25", 0.25),
        ("29.5", 29.5),
        ("120", RETRY_AFTER_CAP),
        ("86400", RETRY_AFTER_CAP),
        (format_datetime(datetime(2099, 1, 1, tzinfo=UTC), usegmt=True), RETRY_AFTER_CAP),
        (format_datetime(datetime(2000, 1, 1, tzinfo=UTC), usegmt=True), 0.0),
    ],
)
@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_is_honoured_and_capped(
    make_client: MakeClient,
    fake_sleep: FakeSleep,
    header: str,
    expected_wait: float,
    status: int,
) -> None:
    recorder = Recorder(_status(status, **{"Retry-After": header}), ORDER)
    make_client(recorder).get_order("O1234567")
    assert fake_sleep.calls == [expected_wait]
    assert len(recorder.requests) == 2


@pytest.mark.parametrize("header", ["soon", "", "-5x"])
def test_unusable_retry_after_falls_back_to_backoff(
    make_client: MakeClient, fake_sleep: FakeSleep, header: str
) -> None:
    recorder = Recorder(_status(429, **{"Retry-After": header}), ORDER)
    make_client(recorder, jitter=lambda: 0.0).get_order("O1234567")
    assert fake_sleep.calls == [0.5]


@pytest.mark.parametrize(
    ("value", "now", "expected"),
    [
        ("Wed, 21 Oct 2015 07:28:10 GMT", datetime(2015, 10, 21, 7, 28, 0, tzinfo=UTC), 10.0),
        ("Wed, 21 Oct 2015 07:28:00 GMT", datetime(2015, 10, 21, 7, 28, 30, tzinfo=UTC), 0.0),
        ("7", datetime(2015, 10, 21, tzinfo=UTC), 7.0),
        ("-3", datetime(2015, 10, 21, tzinfo=UTC), 0.0),
        ("nan", datetime(2015, 10, 21, tzinfo=UTC), None),
        ("garbage", datetime(2015, 10, 21, tzinfo=UTC), None),
        (None, datetime(2015, 10, 21, tzinfo=UTC), None),
    ],
)
def test_parse_retry_after(value: str | None, now: datetime, expected: float | None) -> None:
    assert parse_retry_after(value, now=now.timestamp()) == expected


def test_iterator_retries_a_failed_page(make_client: MakeClient, fake_sleep: FakeSleep) -> None:
    full_page = httpx.Response(200, json=[{"kit_id": f"K{i}"} for i in range(100)])
    last_page = httpx.Response(200, json=[{"kit_id": "K100"}])
    recorder = Recorder(full_page, _status(502), last_page)
    kits = list(make_client(recorder).iter_kits())
    assert len(kits) == 101
    assert [r.url.params["offset"] for r in recorder.requests] == ["0", "100", "100"]
    assert len(fake_sleep.calls) == 1


@pytest.mark.parametrize(
    ("exc", "raised", "maybe_delivered"),
    [
        (httpx.ConnectError("refused"), errors.SpotConnectionError, False),
        (httpx.ConnectTimeout("slow connect"), errors.SpotTimeout, False),
        (httpx.PoolTimeout("pool"), errors.SpotTimeout, False),
        (httpx.ReadTimeout("slow answer"), errors.SpotTimeout, True),
        (httpx.WriteTimeout("slow upload"), errors.SpotTimeout, True),
        (httpx.RemoteProtocolError("dropped"), errors.SpotConnectionError, True),
        (httpx.ReadError("reset"), errors.SpotConnectionError, True),
    ],
)
def test_post_failures_say_whether_the_order_may_have_arrived(
    make_client: MakeClient,
    exc: Exception,
    raised: type[errors.SpotTimeout | errors.SpotConnectionError],
    maybe_delivered: bool,
) -> None:
    # The outbox re-sends only when Spot certainly never saw the order.
    with pytest.raises(raised) as caught:
        make_client(Recorder(exc)).create_order(
            models.NewOrder.model_validate(example("create_order_request"))
        )
    error = caught.value
    assert isinstance(error, errors.SpotTimeout | errors.SpotConnectionError)
    assert error.maybe_delivered is maybe_delivered
    assert "/api/v2/orders/" in str(error)
