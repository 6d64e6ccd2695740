"""Logging set-up: a private rotating file, and a redaction filter as the last safety net.

Services log ids, methods, path templates and status codes only. The filter scrubs what slips
through anyway: email addresses, North American phone numbers, ``Token <key>``,
``Authorization`` values, ``token=`` query parameters and any secret registered with
``register_secret`` (the signed-in API token).
"""

from __future__ import annotations

import logging
import os
import re
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path

from app.fileops import private_opener

__all__ = [
    "LOG_FILE_NAME",
    "RedactionFilter",
    "close_logging",
    "redact",
    "register_secret",
    "setup_logging",
]

LOG_FILE_NAME = "frontdesk.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5

# The look-behinds anchor each match at the start of a run: without them a long run of
# word characters costs quadratic time.
_EMAIL = re.compile(r"(?<![\w.+%-])[\w.+%-]+@[\w-]+(?:\.[\w-]+)+")
# NANP: optional +1, area code and exchange starting 2-9; separators optional.
_PHONE = re.compile(
    r"(?<![\w+])(?:\+?1[\s.-]?)?\(?[2-9]\d{2}\)?[\s.-]?[2-9]\d{2}[\s.-]?\d{4}(?!\d)"
)
_AUTH_VALUE = re.compile(r"(?i)(authorization['\"]?\s*[:=]\s*['\"]?)[^'\"\n,}]*")
# "Token <key>": only a word that looks like a key (a digit in it, or 20+ characters), so
# "token saved in the keyring" keeps its words.
_TOKEN_WORD = re.compile(
    r"(?i)\b(token\s+)(?!<redacted>)(?:(?=[^\s'\",}]*\d)[^\s'\",}]+|[^\s'\",}]{20,})"
)
_TOKEN_PARAM = re.compile(r"(?i)(token=)[^&\s'\"]+")

_secrets: set[str] = set()
_secrets_lock = threading.Lock()


def register_secret(secret: str) -> None:
    """Always scrub this exact string (e.g. the API token in use) from log records."""
    if len(secret) >= 6:  # a very short "secret" would shred ordinary words
        with _secrets_lock:
            _secrets.add(secret)


def redact(text: str) -> str:
    """``text`` with emails, phone numbers, tokens and registered secrets replaced."""
    with _secrets_lock:
        secrets = sorted(_secrets, key=len, reverse=True)
    for secret in secrets:
        text = text.replace(secret, "<redacted>")
    text = _AUTH_VALUE.sub(r"\1<redacted>", text)
    text = _TOKEN_WORD.sub(r"\1<redacted>", text)
    text = _TOKEN_PARAM.sub(r"\1<redacted>", text)
    if "@" in text:
        text = _EMAIL.sub("<email>", text)
    return _PHONE.sub("<phone>", text)


class RedactionFilter(logging.Filter):
    """Rewrites each record's final message (and traceback text) through ``redact``."""

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a bad format string must not lose the record
            message = f"{record.msg!r} (unformattable arguments)"
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


class _PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating file whose every generation is created readable by the user only.

    The descriptor is binary and lines end in ``\n`` on every OS: a text-mode descriptor on
    Windows would add a second ``\r`` to each line Python already translated.
    """

    def _open(self) -> object:  # type: ignore[override]
        handle = open(  # noqa: SIM115 - the handler owns and closes it
            self.baseFilename, "a", encoding=self.encoding, errors=self.errors, newline="\n",
            opener=private_opener,
        )
        os.chmod(self.baseFilename, 0o600)  # a file left by an older version may be wider
        return handle


_installed: list[logging.Handler] = []


def setup_logging(
    log_dir: Path,
    level: int = logging.INFO,
    *,
    max_bytes: int = MAX_BYTES,
    backup_count: int = BACKUP_COUNT,
) -> Path:
    """Send the ``app`` loggers to ``log_dir/frontdesk.log`` (0600, 1 MB × 5); returns its path.

    Calling it again replaces the previous handler (tests, or a changed log folder).
    """
    log_dir.mkdir(parents=True, exist_ok=True)
    os.chmod(log_dir, 0o700)
    path = log_dir / LOG_FILE_NAME
    handler = _PrivateRotatingFileHandler(
        path, maxBytes=max_bytes, backupCount=backup_count, encoding="utf-8"
    )
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s")
    )
    handler.addFilter(RedactionFilter())
    handler.setLevel(level)

    close_logging()
    root = logging.getLogger()
    _installed.append(handler)
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    logging.getLogger("app").setLevel(level)
    # httpx logs every full URL at INFO, query string included (?email=...): keep it quiet.
    for noisy in ("httpx", "httpcore", "keyring", "urllib3"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return path


def close_logging() -> None:
    """Detach and close the file handler ``setup_logging`` installed (at exit, in tests)."""
    root = logging.getLogger()
    for old in _installed:
        root.removeHandler(old)
        old.close()
    _installed.clear()
