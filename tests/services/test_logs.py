"""Logging: a private rotating file, and no patient data or token in it or in UI errors."""

from __future__ import annotations

import logging
import stat
from collections.abc import Callable, Iterator
from logging.handlers import RotatingFileHandler
from pathlib import Path

import httpx
import pytest

from app.api import SpotClient, models
from app.paths import paths
from app.services.errors import ServiceError, describe_error
from app.services.logs import (
    LOG_FILE_NAME,
    close_logging,
    redact,
    register_secret,
    setup_logging,
)

# Distinctive fake PHI: any of these appearing anywhere in the log is a leak.
FIRST = "Zebulon"
LAST = "Quackenbush-Phi"
EMAIL = "zebulon.quackenbush@phi-leak.example"
PHONE = "(415) 555-0123"
PHONE_DIGITS = "4155550123"
STREET = "742 Evergreen Terrace Phi"
CITY = "Springfieldphi"
ZIP = "94110"
TOKEN = "tok_privacy_Zx9Qw8Er7Ty6"
PHI = [FIRST, LAST, EMAIL, PHONE, PHONE_DIGITS, "555-0123", STREET, CITY, TOKEN]


@pytest.fixture
def log_file() -> Iterator[Path]:
    root = logging.getLogger()
    level = root.level
    path = setup_logging(paths().logs, level=logging.DEBUG)
    yield path
    close_logging()
    root.setLevel(level)


def _read(path: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


def test_log_file_and_folder_are_private(log_file: Path) -> None:
    logging.getLogger("app.test").info("started")
    assert log_file.name == LOG_FILE_NAME
    assert log_file.parent == paths().logs
    assert stat.S_IMODE(log_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(log_file.parent.stat().st_mode) == 0o700
    assert "started" in _read(log_file)


def test_default_rotation_is_1_mb_times_5(log_file: Path) -> None:
    (handler,) = [h for h in logging.getLogger().handlers if isinstance(h, RotatingFileHandler)]
    assert (handler.maxBytes, handler.backupCount) == (1_000_000, 5)


def test_rotation_keeps_backups_private(tmp_path: Path) -> None:
    path = setup_logging(tmp_path / "logs", max_bytes=2_000, backup_count=3)
    try:
        logger = logging.getLogger("app.test.rotation")
        for i in range(100):  # ~10 kB: more than 2 kB × (1 + 3 backups)
            logger.warning("line %03d %s", i, "x" * 80)
    finally:
        close_logging()
    files = sorted(path.parent.glob(LOG_FILE_NAME + "*"))
    assert [f.name for f in files] == [LOG_FILE_NAME] + [
        f"{LOG_FILE_NAME}.{i}" for i in range(1, 4)
    ]
    for f in files:
        assert f.stat().st_size <= 2_000
        assert stat.S_IMODE(f.stat().st_mode) == 0o600
    assert "line 099" in path.read_text()


def test_setup_twice_does_not_duplicate_lines(log_file: Path) -> None:
    setup_logging(paths().logs, level=logging.DEBUG)
    logging.getLogger("app.test").warning("only once")
    assert _read(log_file).count("only once") == 1


@pytest.mark.parametrize(
    ("text", "leak"),
    [
        (f"contact {EMAIL} now", EMAIL),
        ("call (415) 555-0123", "555-0123"),
        ("call +1 415-555-0123", "555-0123"),
        ("call 415.555.0123", "555.0123"),
        ("call 4155550123", "4155550123"),
        ("header Authorization: Token abc123def", "abc123def"),
        ("{'Authorization': 'Bearer qwerty987'}", "qwerty987"),
        ("Token s3cr3t-value", "s3cr3t-value"),
        ("GET /reports?token=signedvalue&x=1", "signedvalue"),
    ],
)
def test_redact_scrubs_contact_details_and_credentials(text: str, leak: str) -> None:
    assert leak not in redact(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("token saved in the keyring for production", "token saved in the keyring"),
        ("token removed from the keyring for sandbox", "token removed from"),
        ("a token for this session only", "a token for this session only"),
    ],
)
def test_redact_keeps_the_word_after_token_when_it_is_no_key(text: str, kept: str) -> None:
    assert kept in redact(text)


def test_redact_still_scrubs_a_long_key_without_digits() -> None:
    assert "abcdefghijklmnopqrstuvwxyz" not in redact("Token abcdefghijklmnopqrstuvwxyz")


@pytest.mark.parametrize(
    "text",
    [
        "GET /api/v2/orders/{public_id}/ -> 200 in 35 ms",
        "order O1234567 kit SPOT123456 sent",
        "tracking 9400123456789999876500",
        "synced 10000 orders in 1234 ms",
    ],
)
def test_redact_leaves_ids_and_figures_alone(text: str) -> None:
    assert redact(text) == text


def test_redaction_filter_covers_args_and_tracebacks(log_file: Path) -> None:
    logger = logging.getLogger("app.test.filter")
    logger.info("recipient %s phone %s", EMAIL, PHONE)
    try:
        raise ValueError(f"bad email {EMAIL}")
    except ValueError:
        logger.exception("failed")
    text = _read(log_file)
    assert "failed" in text
    assert "ValueError" in text
    assert EMAIL not in text
    assert "555-0123" not in text
    assert "<email>" in text


def test_registered_secret_is_scrubbed_anywhere(log_file: Path) -> None:
    register_secret(TOKEN)
    logging.getLogger("app.test").warning("oops %s", TOKEN)
    assert TOKEN not in _read(log_file)


# The privacy test: API calls carrying distinctive PHI, failing every way they can, through
# the client, describe_error and the log file. (The outbox end is DATA's test_outbox*.)


def _new_order() -> models.NewOrder:
    return models.NewOrder(
        kit_types=["vitamin-d"],
        recipient=models.Recipient(
            first_name=FIRST,
            last_name=LAST,
            email=EMAIL,
            phone=PHONE,
            address=models.Address(
                street1=STREET, city=CITY, state="CA", country="US", zip=ZIP
            ),
        ),
        metadata={"frontdesk_ref": "00000000-0000-4000-8000-000000000001"},
    )


def _respond(status: int, details: list[str] | None = None) -> Callable[[httpx.Request],
                                                                          httpx.Response]:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            status, json={"error": {"code": status, "type": "x", "details": details or []}}
        )

    return handler


def _drop(request: httpx.Request) -> httpx.Response:
    raise httpx.RemoteProtocolError("peer closed connection", request=request)


def _timeout(request: httpx.Request) -> httpx.Response:
    raise httpx.ReadTimeout("timed out", request=request)


HANDLERS = {
    "400-echo": _respond(
        400,
        [f"recipient.email: {EMAIL} is not deliverable",
         f"recipient.phone: {PHONE} is not a mobile number",
         "recipient.address.zip: Invalid ZIP code"],
    ),
    "401": _respond(401),
    "403": _respond(403),
    "404": _respond(404),
    "429": _respond(429),
    "500": _respond(500),
    "502-html": lambda request: httpx.Response(502, text="<html>Bad Gateway</html>"),
    "drop": _drop,
    "timeout": _timeout,
    "garbage": lambda request: httpx.Response(200, text=f"not json {EMAIL}"),
}


@pytest.mark.parametrize("name", sorted(HANDLERS))
def test_phi_never_reaches_log_or_user_errors(log_file: Path, name: str) -> None:
    client = SpotClient(
        "https://spot.example.test", TOKEN, transport=httpx.MockTransport(HANDLERS[name]),
        sleep=lambda _s: None,
    )
    calls: list[Callable[[], object]] = [
        lambda: client.create_order(_new_order()),
        lambda: client.list_orders(email=EMAIL, first_name=FIRST, last_name=LAST, phone=PHONE),
        lambda: client.get_order("O1234567"),
        lambda: client.download(f"https://storage.example.test/r.pdf?token={TOKEN}"),
    ]
    user_texts: list[str] = []
    for call in calls:
        try:
            call()
        except Exception as exc:  # noqa: BLE001 - every failure is examined below
            described = describe_error(exc)
            assert isinstance(described, ServiceError)
            user_texts += [str(described), described.message, described.debug,
                           repr(described.field_errors)]
            logging.getLogger("app.test.ui").warning("shown: %s", described.message)
    assert user_texts, f"{name}: expected failures"
    log_text = _read(log_file)
    assert "/api/v2/orders/" in log_text  # the calls were logged, by path template
    for value in PHI:
        assert value not in log_text, f"{value!r} leaked into the log ({name})"
        for text in user_texts:
            assert value not in text, f"{value!r} leaked into a UI error ({name})"


def test_field_messages_still_reach_the_user(log_file: Path) -> None:
    client = SpotClient(
        "https://spot.example.test", TOKEN,
        transport=httpx.MockTransport(HANDLERS["400-echo"]), sleep=lambda _s: None,
    )
    with pytest.raises(Exception) as info:  # noqa: PT011 - the client's BadRequest
        client.create_order(_new_order())
    described = describe_error(info.value)
    assert described.field_errors["recipient.address.zip"] == ["Invalid ZIP code"]
    assert "recipient.email" in described.field_errors
