"""Connection failures in words an office manager can pass to IT, one text per cause: in the
error banner (describe_error) and in "Test connection" (check_connection)."""

from __future__ import annotations

import httpx
import pytest

from app.api import SpotClient, errors
from app.api.errors import CertificateInfo, ConnectionCause
from app.api.transport import DIRECT, ProxySetting
from app.services.environments import (
    PRODUCTION,
    Environment,
    check_connection,
    make_client,
)
from app.services.errors import describe_error

Cause = ConnectionCause


def _certificate_error() -> errors.SpotConnectionError:
    error = errors.SpotConnectionError(
        "could not reach Spot", cause=Cause.CERTIFICATE,
        detail="unable to get local issuer certificate",
    )
    error.certificate = CertificateInfo("app.spotdx.com", "Clinic Firewall Inspection CA")
    return error


@pytest.mark.parametrize(
    ("error", "title", "words"),
    [
        (errors.SpotConnectionError("x", cause=Cause.REFUSED),
         "Nothing answers at the server's address", "refused the connection"),
        (errors.SpotConnectionError("x", cause=Cause.DNS),
         "The server's name can't be found", "DNS"),
        (errors.SpotTimeout("x"), "Spot is taking too long to answer", "slow"),
        (_certificate_error(), "The server's security certificate isn't trusted",
         "Your network may inspect secure traffic"),
        (errors.SpotConnectionError("x", cause=Cause.PROXY),
         "The proxy server refused the connection", "proxy"),
        (errors.SpotConnectionError("x", cause=Cause.DROPPED),
         "The connection to Spot broke off", "unstable"),
        (errors.SpotConnectionError("x"), "Can't reach Spot", "network connection"),
    ],
)
def test_each_cause_has_its_own_words(
    error: errors.SpotConnectionError, title: str, words: str
) -> None:
    described = describe_error(error)
    assert described.title == title
    assert words in described.advice
    assert f"cause={error.cause}" in described.debug  # "Copy details" names the class


def test_a_certificate_problem_names_subject_and_issuer_for_it() -> None:
    described = describe_error(_certificate_error())
    assert described.details == (
        "Certificate issued to: app.spotdx.com",
        "Issued by: Clinic Firewall Inspection CA",
        "Reason: unable to get local issuer certificate",
    )
    assert described.transient is False  # waiting won't fix it; IT has to


def test_titles_differ_per_cause() -> None:
    titles = {
        describe_error(errors.SpotConnectionError("x", cause=cause)).title for cause in Cause
    }
    # refused, dns, timeout, certificate, tls, proxy, dropped + the generic one
    assert len(titles) == 8


def _client(exc: Exception) -> SpotClient:
    def handler(request: httpx.Request) -> httpx.Response:
        raise exc

    return SpotClient("https://spot.example.test", "tok", transport=httpx.MockTransport(handler),
                      max_retries=0)


@pytest.mark.parametrize(
    ("exc", "cause", "words"),
    [
        (httpx.ConnectError("[Errno 111] Connection refused"), Cause.REFUSED, "refused"),
        (httpx.ConnectError("[Errno -2] Name or service not known"), Cause.DNS, "name"),
        (httpx.ReadTimeout("timed out"), Cause.TIMEOUT, "too long"),
        (httpx.ProxyError("403 Forbidden"), Cause.PROXY, "proxy"),
        (httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed"),
         Cause.CERTIFICATE, "inspect secure traffic"),
    ],
)
def test_test_connection_says_which_network_problem(
    exc: Exception, cause: ConnectionCause, words: str
) -> None:
    result = check_connection(_client(exc))
    assert (result.ok, result.kind, result.cause) == (False, "offline", cause)
    assert words in result.message


def test_environment_carries_the_proxy_choice_to_its_client() -> None:
    manual = ProxySetting.manual("http://proxy.clinic.example:3128")
    environment = Environment.custom("https://spot.clinic.example").with_proxy(manual)
    assert environment == Environment.custom("https://spot.clinic.example")  # same identity
    with make_client(environment, "tok") as client:
        assert client.proxy == manual
    with make_client(PRODUCTION.with_proxy(DIRECT), "tok") as client:
        assert client.proxy == DIRECT
    assert PRODUCTION.proxy.mode == "system"
