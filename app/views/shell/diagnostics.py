"""Copy diagnostics: Help menu, the error banner, and ``spot-front-desk --diagnostics``.

`gather` runs on a worker (it reads the log files and asks the keyring which backend it
uses); the text it returns holds versions, the environment kind, the keyring backend, outbox
counts, the last sync and the last 20 problems logged — never patient data or the token.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import qVersion

from app.paths import Paths, paths
from app.services.credentials import CredentialStore
from app.services.diagnostics import (
    Diagnostics,
    OutboxCount,
    last_sync_from_logs,
    recent_errors,
)

__all__ = ["LiveFacts", "gather", "outbox_counts_on_disk", "run_diagnostics_command"]


@dataclass(frozen=True)
class LiveFacts:
    """What only the running window knows (read on the GUI thread, then passed on)."""

    environment_kind: str
    environment_key: str
    outbox: tuple[int, int] | None
    last_sync: str


def outbox_counts_on_disk(where: Paths) -> list[OutboxCount]:
    """Each account folder's outbox (and one left from before accounts), read without changing
    it (blocking: keyring, SQLite)."""
    counts = []
    folders = [
        folder for root in (where.data / "accounts", where.data / "environments")
        if root.is_dir() for folder in sorted(root.iterdir())
    ]
    key = None
    for folder in folders:
        database = folder / "outbox.sqlite3"
        if not database.is_file():
            continue
        from app.services.data_key import data_key_for
        from app.services.outbox_store import count_states  # pydantic: only when asked

        key = key or data_key_for(where.data)
        found = count_states(database, key)
        if found is not None:  # a file this key can't open: the app reports it at sign-in
            counts.append(OutboxCount(folder.name, *found))
    return counts


def gather(
    credentials: CredentialStore, facts: LiveFacts | None, where: Paths | None = None
) -> str:
    """The diagnostics text (blocking: keyring, log files, SQLite when not live)."""
    where = where or paths()
    if facts is not None:
        kind = facts.environment_kind
        outbox = [OutboxCount(facts.environment_kind, *facts.outbox)] if facts.outbox else []
        session_only = credentials.is_session_only(facts.environment_key)
        last_sync = facts.last_sync or last_sync_from_logs(where.logs)
    else:
        from app.views.common.app_settings import AppSettings

        kind = AppSettings().environment_kind
        outbox = outbox_counts_on_disk(where)
        session_only = False
        last_sync = last_sync_from_logs(where.logs)
    available = credentials.keyring_available()
    backend = credentials.backend_name() if available else (
        "none (tokens are kept for this session only)"
    )
    return Diagnostics(
        environment_kind=kind,
        keyring_backend=backend,
        session_only_token=session_only,
        qt_version=f"{qVersion()} (PySide6 {PYSIDE_VERSION})",
        outbox=outbox,
        last_sync=last_sync,
        errors=recent_errors(where.logs),
        data_folder=str(where.data),
        log_folder=str(where.logs),
    ).text()


def run_diagnostics_command(
    out: TextIO | None = None, make_credentials: Callable[[], CredentialStore] = CredentialStore
) -> int:
    """``--diagnostics``: print them (no window, no network)."""
    (out or sys.stdout).write(gather(make_credentials(), None))
    return 0


