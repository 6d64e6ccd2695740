"""What support needs to help a desk, in text to paste into an email (no Qt).

Versions, the environment *kind*, the keyring backend, outbox counts, the last sync and the
last 20 problems logged (time, logger, error type). Never patient data, never the token, never
a server message: error lines are rebuilt from the log's time, level, logger and the error
class names in it, nothing else.
"""

from __future__ import annotations

import platform
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app import APP_NAME, __version__
from app.services.logs import BACKUP_COUNT, LOG_FILE_NAME

__all__ = ["Diagnostics", "ErrorLine", "OutboxCount", "last_sync_from_logs", "recent_errors"]

MAX_ERRORS = 20
_LINE = re.compile(
    r"^(?P<time>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)(?:,\d+)? (?P<level>WARNING|ERROR|CRITICAL) "
    r"(?P<logger>[\w.]+) "
)
_SYNC = re.compile(r"^(?P<time>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)(?:,\d+)? INFO app\.services\.sync "
                   r".*\bsync (?:full|incremental):")
# Class-like names only: ServerError, SpotTimeout, NoKeyringError, ConnectError…
_ERROR_TYPE = re.compile(
    r"\b[A-Z][A-Za-z]*(?:Error|Exception|Timeout|Unauthorized|Forbidden|NotFound|RateLimited|"
    r"BadRequest|Failed|Locked|Unavailable|Refused)\b"
)


@dataclass(frozen=True)
class ErrorLine:
    time: str
    level: str
    logger: str
    error_type: str

    def text(self) -> str:
        return f"{self.time} {self.level} {self.logger}: {self.error_type or '(no error type)'}"


@dataclass(frozen=True)
class OutboxCount:
    where: str  # an environment folder name (kind + hash) or kind
    queued: int
    attention: int


@dataclass
class Diagnostics:
    environment_kind: str
    keyring_backend: str
    session_only_token: bool = False
    qt_version: str = ""
    outbox: Sequence[OutboxCount] = ()
    last_sync: str = ""
    errors: Sequence[ErrorLine] = ()
    data_folder: str = ""
    log_folder: str = ""
    extra: list[str] = field(default_factory=list)

    def text(self) -> str:
        lines = [
            f"{APP_NAME} {__version__}",
            f"Python {platform.python_version()} ({sys.implementation.name})",
            f"Qt {self.qt_version or 'not loaded'}",
            f"OS {platform.system()} {platform.release()} ({platform.machine()})",
            f"Environment: {self.environment_kind}",
            f"Keyring: {self.keyring_backend}"
            + (" (token kept for this session only)" if self.session_only_token else ""),
        ]
        if self.data_folder:
            lines.append(f"Data folder: {self.data_folder}")
        if self.log_folder:
            lines.append(f"Log folder: {self.log_folder}")
        if self.outbox:
            for count in self.outbox:
                lines.append(f"Outbox ({count.where}): {count.queued} queued, "
                             f"{count.attention} need attention")
        else:
            lines.append("Outbox: empty")
        lines.append(f"Last sync: {self.last_sync or 'none recorded'}")
        lines.extend(self.extra)
        lines.append(f"Last {MAX_ERRORS} problems logged ({len(self.errors)}):")
        lines.extend(f"  {error.text()}" for error in self.errors)
        return "\n".join(lines) + "\n"


def _log_files(log_dir: Path) -> list[Path]:
    """The log and its rotated generations, oldest first."""
    names = [f"{LOG_FILE_NAME}.{n}" for n in range(BACKUP_COUNT, 0, -1)] + [LOG_FILE_NAME]
    return [log_dir / name for name in names if (log_dir / name).is_file()]


def _lines(log_dir: Path) -> Iterable[str]:
    for path in _log_files(log_dir):
        with open(path, "rb") as handle:
            for raw in handle:
                yield raw.decode("utf-8", "replace")


def recent_errors(log_dir: Path, limit: int = MAX_ERRORS) -> list[ErrorLine]:
    """The newest ``limit`` warnings and errors in the log, oldest first."""
    found: list[ErrorLine] = []
    for line in _lines(log_dir):
        match = _LINE.match(line)
        if match is None:
            continue
        rest = line[match.end():]
        types = list(dict.fromkeys(_ERROR_TYPE.findall(rest)))
        found.append(ErrorLine(match["time"], match["level"], match["logger"],
                               ", ".join(types[:3])))
    return found[-limit:]


def last_sync_from_logs(log_dir: Path) -> str:
    """When the log last recorded a finished sync ("" when it never did)."""
    last = ""
    for line in _lines(log_dir):
        match = _SYNC.match(line)
        if match is not None:
            last = match["time"]
    return last
