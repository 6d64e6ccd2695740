"""Where the app keeps its files: one module so tests can redirect everything.

Everything the app writes (outbox, drafts, logs, report cache, embedded sandbox data) lives
under the user's own data folders. Setting ``SPOT_FRONT_DESK_HOME`` puts all of them under
one folder instead (tests, the self-test and portable installs use it).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from app import APP_ID
from app.services.data_folder import secure_folders

HOME_ENV = "SPOT_FRONT_DESK_HOME"


@dataclass(frozen=True)
class Paths:
    data: Path
    logs: Path
    cache: Path
    config: Path

    @property
    def outbox_db(self) -> Path:
        return self.data / "outbox.sqlite3"

    @property
    def audit_trail(self) -> Path:
        """The workstation's audit trail: in the data folder, never cleared with caches."""
        return self.data / "audit-trail.jsonl"

    @property
    def staff_db(self) -> Path:
        """The workstation's staff profiles (names, roles, hashed PINs)."""
        return self.data / "staff.sqlite3"

    @property
    def sandbox_dir(self) -> Path:
        return self.data / "sandbox"

    @property
    def reports_cache(self) -> Path:
        return self.cache / "reports"

    def ensure(self) -> None:
        """Create the folders, readable by the user only (they hold patient data).

        Raises ``DataFolderRefused`` for a folder on a network drive or one that cannot be
        made private (see ``app.services.data_folder``: chmod on POSIX, an owner-only ACL on
        Windows outside %LOCALAPPDATA%).
        """
        secure_folders((self.data, self.logs, self.cache, self.config))


def paths() -> Paths:
    override = os.environ.get(HOME_ENV)
    if override:
        root = Path(override)
        return Paths(
            data=root / "data", logs=root / "logs", cache=root / "cache", config=root / "config"
        )
    return Paths(
        data=Path(platformdirs.user_data_dir(APP_ID, appauthor=False)),
        logs=Path(platformdirs.user_log_dir(APP_ID, appauthor=False)),
        cache=Path(platformdirs.user_cache_dir(APP_ID, appauthor=False)),
        config=Path(platformdirs.user_config_dir(APP_ID, appauthor=False)),
    )
