"""User-facing errors: a plain title and what to do next, never patient data or the token.

Every error a view shows is a ``ServiceError``. ``describe_error(exc)`` turns anything raised
below (``app.api.errors``, disk, database, bugs) into one. Texts are fixed; the only server
words passed on are a 400's ``"field: message"`` details, and those go through the log
redaction too (emails and phone numbers scrubbed) in case a server echoes input back.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable

from app.api import errors as api_errors
from app.marks import QT_TRANSLATE_NOOP
from app.services.logs import redact

__all__ = [
    "QT_TRANSLATE_NOOP",
    "ServiceError",
    "connection_problem",
    "describe_error",
    "set_translator",
    "translate",
]


def _english(context: str, text: str) -> str:
    return text


_translator: Callable[[str, str], str] = _english


def set_translator(translator: Callable[[str, str], str] | None) -> None:
    """Let the UI layer (Qt) translate error texts; ``None`` keeps them English. No Qt here."""
    global _translator
    _translator = translator or _english


def translate(context: str, text: str) -> str:
    """``text`` in the UI language (context "Errors"); lupdate reads these calls."""
    return _translator(context, text)



class ServiceError(Exception):
    """An error for the user: ``title`` (what happened) and ``advice`` (what to do next).

    ``details`` are extra lines worth showing (a 400's field messages); ``field_errors`` maps
    dotted API field paths to messages; ``debug`` is a PHI-free line for "Copy details";
    ``transient`` says trying again later may work.
    """

    default_title = QT_TRANSLATE_NOOP("Errors", "Something went wrong")
    default_advice = QT_TRANSLATE_NOOP(
        "Errors", "Try again. If it keeps happening, copy the details for support."
    )

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
        # Texts marked QT_TRANSLATE_NOOP("Errors", …) come out in the UI language.
        self.title = translate("Errors", title if title is not None else self.default_title)
        self.advice = translate("Errors", advice if advice is not None else self.default_advice)
        self.details = tuple(details)
        self.field_errors = dict(field_errors or {})
        self.debug = debug or type(self).__name__
        self.transient = transient
        super().__init__(self.title)

    @property
    def message(self) -> str:
        """Title, advice and details as one text for a message box."""
        return "\n".join([self.title, self.advice, *self.details])

    @property
    def sentence(self) -> str:
        """Title and advice as one line for a status strip: "Spot is busy. Try again…"."""
        return f"{self.title}. {self.advice}"

    def __str__(self) -> str:
        return self.sentence


def _status_debug(exc: api_errors.SpotStatusError) -> str:
    return (
        f"{type(exc).__name__}: HTTP {exc.status_code} {exc.error_type} "
        f"{exc.request_method} {exc.request_path_template}"
    )


Cause = api_errors.ConnectionCause
# Trying again later will not fix these by itself: someone has to change something.
_NOT_TRANSIENT = frozenset({Cause.CERTIFICATE, Cause.TLS, Cause.PROXY})

# (title, advice) per cause, in words an office manager can pass on to IT.
_CONNECTION_TEXTS: dict[api_errors.ConnectionCause, tuple[str, str]] = {
    Cause.REFUSED: (
        QT_TRANSLATE_NOOP("Errors", "Nothing answers at the server's address"),
        QT_TRANSLATE_NOOP(
            "Errors",
            "The computer at that address refused the connection. Check the address (for a "
            "custom server), or ask IT whether a firewall blocks it.",
        ),
    ),
    Cause.DNS: (
        QT_TRANSLATE_NOOP("Errors", "The server's name can't be found"),
        QT_TRANSLATE_NOOP(
            "Errors",
            "This computer can't look up the server's name. Check the network connection and "
            "the address. If other websites work, ask IT to check the name lookup (DNS).",
        ),
    ),
    Cause.TIMEOUT: (
        QT_TRANSLATE_NOOP("Errors", "Spot is taking too long to answer"),
        QT_TRANSLATE_NOOP("Errors", "The network or Spot may be slow. Try again in a moment."),
    ),
    Cause.CERTIFICATE: (
        QT_TRANSLATE_NOOP("Errors", "The server's security certificate isn't trusted"),
        QT_TRANSLATE_NOOP(
            "Errors",
            "Your network may inspect secure traffic. Ask IT to install their certificate on "
            "this computer, or to let this app reach Spot directly. Give them the lines below.",
        ),
    ),
    Cause.TLS: (
        QT_TRANSLATE_NOOP("Errors", "A secure connection to the server couldn't be set up"),
        QT_TRANSLATE_NOOP(
            "Errors",
            "Your network may inspect or block secure traffic. Ask IT to allow secure "
            "connections from this app to Spot.",
        ),
    ),
    Cause.PROXY: (
        QT_TRANSLATE_NOOP("Errors", "The proxy server refused the connection"),
        QT_TRANSLATE_NOOP(
            "Errors",
            "Check the proxy in Settings, or ask IT whether the proxy lets this app reach Spot.",
        ),
    ),
    Cause.DROPPED: (
        QT_TRANSLATE_NOOP("Errors", "The connection to Spot broke off"),
        QT_TRANSLATE_NOOP(
            "Errors", "Try again. If it keeps happening, the network may be unstable."
        ),
    ),
}
_CANT_REACH = (
    QT_TRANSLATE_NOOP("Errors", "Can't reach Spot"),
    QT_TRANSLATE_NOOP("Errors", "Check this computer's network connection, then try again."),
)


def connection_problem(exc: api_errors.SpotConnectionError) -> tuple[str, str, tuple[str, ...]]:
    """(title, advice, detail lines) for a connection failure, by its cause. Title and advice
    are untranslated source texts (``ServiceError`` translates them); detail lines name the
    refused certificate's subject and issuer, for IT."""
    title, advice = _CONNECTION_TEXTS.get(exc.cause, _CANT_REACH)
    details: list[str] = []
    if exc.cause is Cause.CERTIFICATE:
        if exc.certificate is not None:
            details.append(
                translate("Errors", "Certificate issued to: {subject}").format(
                    subject=exc.certificate.subject
                )
            )
            details.append(
                translate("Errors", "Issued by: {issuer}").format(issuer=exc.certificate.issuer)
            )
        if exc.detail:
            details.append(translate("Errors", "Reason: {reason}").format(reason=exc.detail))
    return title, advice, tuple(details)


def describe_error(exc: BaseException) -> ServiceError:
    """The user-facing version of ``exc``. A ``ServiceError`` is returned as it is."""
    if isinstance(exc, ServiceError):
        return exc
    if isinstance(exc, api_errors.SpotConnectionError):  # SpotTimeout included
        title, advice, details = connection_problem(exc)
        return ServiceError(
            title,
            advice,
            details=details,
            debug=f"{type(exc).__name__} cause={exc.cause}"
            + (f" ({exc.detail})" if exc.detail else ""),
            transient=exc.cause not in _NOT_TRANSIENT,
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
            QT_TRANSLATE_NOOP("Errors", "Spot didn't accept the details"),
            QT_TRANSLATE_NOOP("Errors", "Correct the fields below, then try again."),
            details=details,
            field_errors=field_errors,
            debug=_status_debug(exc),
        )
    if isinstance(exc, api_errors.Unauthorized):
        return ServiceError(
            QT_TRANSLATE_NOOP("Errors", "Spot rejected the API token"),
            QT_TRANSLATE_NOOP(
                "Errors",
                "Sign in again with a current API token (Spot dashboard → Account Settings).",
            ),
            debug=_status_debug(exc),
        )
    if isinstance(exc, api_errors.Forbidden):
        return ServiceError(
            QT_TRANSLATE_NOOP("Errors", "This API token isn't allowed to do that"),
            QT_TRANSLATE_NOOP(
                "Errors", "Ask your Spot account manager to enable it for your account."
            ),
            debug=_status_debug(exc),
        )
    if isinstance(exc, api_errors.NotFound):
        return ServiceError(
            QT_TRANSLATE_NOOP("Errors", "Spot couldn't find that record"),
            QT_TRANSLATE_NOOP("Errors", "It may have been removed. Refresh, then try again."),
            debug=_status_debug(exc),
        )
    if isinstance(exc, api_errors.RateLimited):
        wait = (
            translate("Errors", "Wait {seconds} seconds, then try again.").format(
                seconds=max(1, round(exc.retry_after))
            )
            if exc.retry_after is not None
            else QT_TRANSLATE_NOOP("Errors", "Wait a minute, then try again.")
        )
        return ServiceError(
            QT_TRANSLATE_NOOP("Errors", "Spot asked us to slow down"),
            wait,
            debug=_status_debug(exc),
            transient=True,
        )
    if isinstance(exc, api_errors.ServerError):
        return ServiceError(
            QT_TRANSLATE_NOOP("Errors", "Spot is having a problem"),
            QT_TRANSLATE_NOOP("Errors", "This is on Spot's side. Try again in a few minutes."),
            debug=_status_debug(exc),
            transient=True,
        )
    if isinstance(exc, api_errors.SpotStatusError):
        return ServiceError(
            QT_TRANSLATE_NOOP("Errors", "Spot gave an unexpected answer"),
            QT_TRANSLATE_NOOP(
                "Errors", "Try again. If it keeps happening, copy the details for support."
            ),
            debug=_status_debug(exc),
        )
    if isinstance(exc, api_errors.ResponseValidationError):
        return ServiceError(
            QT_TRANSLATE_NOOP("Errors", "Spot sent a reply this app doesn't understand"),
            QT_TRANSLATE_NOOP(
                "Errors", "Try again later. If it keeps happening, the app may need an update."
            ),
            debug=(
                f"{type(exc).__name__}: {exc.request_method} {exc.request_path_template}"
                + (f" HTTP {exc.status_code}" if exc.status_code is not None else "")
            ),
        )
    if isinstance(exc, api_errors.SpotError):
        return ServiceError(
            QT_TRANSLATE_NOOP("Errors", "Something went wrong talking to Spot"),
            QT_TRANSLATE_NOOP(
                "Errors", "Try again. If it keeps happening, copy the details for support."
            ),
            debug=type(exc).__name__,
        )
    if isinstance(exc, sqlite3.Error) or _is_sqlcipher_error(exc):
        return ServiceError(
            QT_TRANSLATE_NOOP("Errors", "The app's local database had a problem"),
            QT_TRANSLATE_NOOP(
                "Errors",
                "Close and reopen the app. If it keeps happening, copy the details for support.",
            ),
            debug=type(exc).__name__,
        )
    if isinstance(exc, OSError):
        return ServiceError(
            QT_TRANSLATE_NOOP("Errors", "Couldn't read or write a file on this computer"),
            QT_TRANSLATE_NOOP("Errors", "Check there is free disk space, then try again."),
            debug=f"{type(exc).__name__} errno={exc.errno}",
        )
    # Anything else may quote its input (pydantic errors do): keep only the type name.
    return ServiceError(debug=type(exc).__name__)


def _is_sqlcipher_error(exc: BaseException) -> bool:
    """An error of the encrypted stores' SQLite. Only once they are in use can there be one:
    the lock screen describes errors before they load (start-up, tests/benchmarks/startup.py)."""
    cipher = sys.modules.get("sqlcipher3")
    return cipher is not None and isinstance(exc, cipher.Error)
