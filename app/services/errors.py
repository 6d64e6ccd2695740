"""User-facing errors: a plain title and what to do next, never patient data or the token.

Every error a view shows is a ``ServiceError``. ``describe_error(exc)`` turns anything raised
below (``app.api.errors``, disk, database, bugs) into one. Texts are fixed; the only server
words passed on are a 400's ``"field: message"`` details, and those go through the log
redaction too (emails and phone numbers scrubbed) in case a server echoes input back.
"""

from __future__ import annotations

import sqlite3

from app.api import errors as api_errors
from app.services.logs import redact

__all__ = ["ServiceError", "describe_error"]


class ServiceError(Exception):
    """An error for the user: ``title`` (what happened) and ``advice`` (what to do next).

    ``details`` are extra lines worth showing (a 400's field messages); ``field_errors`` maps
    dotted API field paths to messages; ``debug`` is a PHI-free line for "Copy details";
    ``transient`` says trying again later may work.
    """

    default_title = "Something went wrong"
    default_advice = "Try again. If it keeps happening, copy the details for support."

    def __init__(
        self,
        title: str | None = None,
        advice: str | None = None,
        *,
        details: tuple[str, ...] | list[str] = (),
        field_errors: dict[str, list[str]] | None = None,
        debug: str = "",
        transient: bool = False,
    ) -> None:
        self.title = title if title is not None else self.default_title
        self.advice = advice if advice is not None else self.default_advice
        self.details = tuple(details)
        self.field_errors = dict(field_errors or {})
        self.debug = debug or type(self).__name__
        self.transient = transient
        super().__init__(self.title)

    @property
    def message(self) -> str:
        """Title, advice and details as one text for a message box."""
        return "\n".join([self.title, self.advice, *self.details])

    def __str__(self) -> str:
        return f"{self.title}. {self.advice}"


def _status_debug(exc: api_errors.SpotStatusError) -> str:
    return (
        f"{type(exc).__name__}: HTTP {exc.status_code} {exc.error_type} "
        f"{exc.request_method} {exc.request_path_template}"
    )


def describe_error(exc: BaseException) -> ServiceError:
    """The user-facing version of ``exc``. A ``ServiceError`` is returned as it is."""
    if isinstance(exc, ServiceError):
        return exc
    if isinstance(exc, api_errors.SpotTimeout):
        return ServiceError(
            "Spot is taking too long to answer",
            "The network or Spot may be slow. Try again in a moment.",
            debug=type(exc).__name__,
            transient=True,
        )
    if isinstance(exc, api_errors.SpotConnectionError):
        return ServiceError(
            "Can't reach Spot",
            "Check this computer's network connection, then try again.",
            debug=type(exc).__name__,
            transient=True,
        )
    if isinstance(exc, api_errors.BadRequest):
        field_errors = {
            redact(field): [redact(message) for message in messages]
            for field, messages in exc.field_errors.items()
        }
        details = tuple(
            f"{field}: {message}" if field else message
            for field, messages in field_errors.items()
            for message in messages
        )
        return ServiceError(
            "Spot didn't accept the details",
            "Correct the fields below, then try again.",
            details=details,
            field_errors=field_errors,
            debug=_status_debug(exc),
        )
    if isinstance(exc, api_errors.Unauthorized):
        return ServiceError(
            "Spot rejected the API token",
            "Sign in again with a current API token (Spot dashboard → Account Settings).",
            debug=_status_debug(exc),
        )
    if isinstance(exc, api_errors.Forbidden):
        return ServiceError(
            "This API token isn't allowed to do that",
            "Ask your Spot account manager to enable it for your account.",
            debug=_status_debug(exc),
        )
    if isinstance(exc, api_errors.NotFound):
        return ServiceError(
            "Spot couldn't find that record",
            "It may have been removed. Refresh, then try again.",
            debug=_status_debug(exc),
        )
    if isinstance(exc, api_errors.RateLimited):
        wait = (
            f"Wait {max(1, round(exc.retry_after))} seconds, then try again."
            if exc.retry_after is not None
            else "Wait a minute, then try again."
        )
        return ServiceError(
            "Spot asked us to slow down", wait, debug=_status_debug(exc), transient=True
        )
    if isinstance(exc, api_errors.ServerError):
        return ServiceError(
            "Spot is having a problem",
            "This is on Spot's side. Try again in a few minutes.",
            debug=_status_debug(exc),
            transient=True,
        )
    if isinstance(exc, api_errors.SpotStatusError):
        return ServiceError(
            "Spot gave an unexpected answer",
            "Try again. If it keeps happening, copy the details for support.",
            debug=_status_debug(exc),
        )
    if isinstance(exc, api_errors.ResponseValidationError):
        return ServiceError(
            "Spot sent a reply this app doesn't understand",
            "Try again later. If it keeps happening, the app may need an update.",
            debug=(
                f"{type(exc).__name__}: {exc.request_method} {exc.request_path_template}"
                + (f" HTTP {exc.status_code}" if exc.status_code is not None else "")
            ),
        )
    if isinstance(exc, api_errors.SpotError):
        return ServiceError(
            "Something went wrong talking to Spot",
            "Try again. If it keeps happening, copy the details for support.",
            debug=type(exc).__name__,
        )
    if isinstance(exc, sqlite3.Error):
        return ServiceError(
            "The app's local database had a problem",
            "Close and reopen the app. If it keeps happening, copy the details for support.",
            debug=type(exc).__name__,
        )
    if isinstance(exc, OSError):
        return ServiceError(
            "Couldn't read or write a file on this computer",
            "Check there is free disk space, then try again.",
            debug=f"{type(exc).__name__} errno={exc.errno}",
        )
    # Anything else may quote its input (pydantic errors do): keep only the type name.
    return ServiceError(debug=type(exc).__name__)
