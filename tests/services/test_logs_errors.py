"""describe_error: every failure becomes a plain title and advice, with no PHI or token."""

from __future__ import annotations

import sqlite3

import httpx
import pytest
from pydantic import BaseModel, ValidationError

from app.api import errors
from app.services.errors import ServiceError, describe_error


def _response(status: int, body: object = None, text: str | None = None) -> httpx.Response:
    if text is not None:
        return httpx.Response(status, text=text)
    return httpx.Response(status, json=body)


def _status_error(status: int, details: list[str] | None = None) -> errors.SpotStatusError:
    body = {"error": {"code": status, "type": "x", "details": details or []}}
    return errors.make_status_error(
        _response(status, body),
        request_method="GET",
        request_path_template="/api/v2/orders/{public_id}/",
    )


@pytest.mark.parametrize(
    ("exc", "title", "transient"),
    [
        (errors.SpotConnectionError("refused"), "Can't reach Spot", True),
        (errors.SpotTimeout("slow"), "Spot is taking too long to answer", True),
        (_status_error(401), "Spot rejected the API token", False),
        (_status_error(403), "This API token isn't allowed to do that", False),
        (_status_error(404), "Spot couldn't find that record", False),
        (_status_error(429), "Spot asked us to slow down", True),
        (_status_error(500), "Spot is having a problem", True),
        (_status_error(502), "Spot is having a problem", True),
        (_status_error(409), "Spot gave an unexpected answer", False),
        (
            errors.ResponseValidationError(
                "not JSON", request_method="GET", request_path_template="/api/v2/kits/"
            ),
            "Spot sent a reply this app doesn't understand",
            False,
        ),
        (errors.SpotError("base"), "Something went wrong talking to Spot", False),
        (sqlite3.OperationalError("disk I/O error"), "The app's local database had a problem",
         False),
        (PermissionError(13, "denied"), "Couldn't read or write a file on this computer", False),
        (KeyError("x"), "Something went wrong", False),
    ],
)
def test_each_error_kind_has_its_own_plain_title(
    exc: BaseException, title: str, transient: bool
) -> None:
    described = describe_error(exc)
    assert isinstance(described, ServiceError)
    assert described.title == title
    assert described.advice
    assert described.transient is transient
    assert described.title in str(described)
    assert described.advice in described.message


def test_status_error_debug_line_names_template_not_values() -> None:
    described = describe_error(_status_error(500))
    assert described.debug == "ServerError: HTTP 500 x GET /api/v2/orders/{public_id}/"


def test_rate_limited_advice_uses_retry_after() -> None:
    exc = errors.make_status_error(
        _response(429, {}), request_method="GET", request_path_template="/api/v2/orders/",
        retry_after=30,
    )
    assert describe_error(exc).advice == "Wait 30 seconds, then try again."


def test_bad_request_passes_field_details_on() -> None:
    exc = _status_error(400, ["recipient.address.zip: Invalid ZIP code", "Order is incomplete"])
    described = describe_error(exc)
    assert described.title == "Spot didn't accept the details"
    assert described.field_errors == {
        "recipient.address.zip": ["Invalid ZIP code"],
        "": ["Order is incomplete"],
    }
    assert described.details == ("recipient.address.zip: Invalid ZIP code", "Order is incomplete")
    assert "recipient.address.zip: Invalid ZIP code" in described.message


def test_bad_request_echoing_contact_details_is_scrubbed() -> None:
    exc = _status_error(
        400,
        ["recipient.email: zelda.quartermaine@example.test is not valid",
         "recipient.phone: (415) 555-0199 is not a mobile number"],
    )
    described = describe_error(exc)
    text = described.message + repr(described.field_errors)
    assert "zelda.quartermaine@example.test" not in text
    assert "555-0199" not in text
    assert described.field_errors["recipient.email"] == ["<email> is not valid"]


def test_unknown_exception_message_is_not_shown() -> None:
    class Model(BaseModel):
        age: int

    with pytest.raises(ValidationError) as info:
        Model(age="Zelda Quartermaine")  # type: ignore[arg-type]
    described = describe_error(info.value)
    assert "Zelda" not in described.message
    assert "Zelda" not in described.debug
    assert described.debug == "ValidationError"


def test_service_error_passes_through_unchanged() -> None:
    original = ServiceError("Custom", "Do this.")
    assert describe_error(original) is original


def test_service_error_subclass_defaults() -> None:
    class Offline(ServiceError):
        default_title = "Offline"
        default_advice = "Retry."

    err = Offline()
    assert (err.title, err.advice) == ("Offline", "Retry.")
    assert str(err) == "Offline. Retry."
