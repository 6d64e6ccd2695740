"""Forget this workstation: remove everything the app keeps about patients on this computer.

``spot-front-desk --forget-workstation`` (asks first; ``--yes`` for scripts and uninstallers)
removes the data folder (order cache, outbox, drafts, seen reports, the embedded sandbox, any
store set aside as unreadable), the cache folder (report files), the log folder, the data
folder's encryption key and the API tokens in the OS keyring. The clinic settings (which
environment, refresh interval…) hold no patient data and stay, so IT's setup survives.

Qt-free. Run it while the app is closed (the CLI checks the single-instance lock).
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from keyring.backend import KeyringBackend

from app.paths import Paths
from app.services.credentials import CredentialError, CredentialStore
from app.services.data_key import forget_data_key

__all__ = ["ForgetResult", "forget_workstation", "what_is_forgotten"]

log = logging.getLogger(__name__)


@dataclass
class ForgetResult:
    removed: list[Path] = field(default_factory=list)
    not_removed: list[Path] = field(default_factory=list)  # in use or no permission
    keyring_entries: int = 0
    keyring_failed: bool = False

    @property
    def complete(self) -> bool:
        return not self.not_removed and not self.keyring_failed


def what_is_forgotten(where: Paths) -> list[Path]:
    """The folders ``forget_workstation`` removes (to show before asking)."""
    return [where.data, where.cache, where.logs]


def forget_workstation(
    where: Paths,
    env_keys: Iterable[str],
    *,
    backend: KeyringBackend | None = None,
) -> ForgetResult:
    """Remove the folders and keyring entries (data key, and a token for each of
    ``env_keys``). Goes on past a failure and reports it in the result."""
    result = ForgetResult()
    if forget_data_key(where.data, backend):
        result.keyring_entries += 1
    credentials = CredentialStore(keyring_backend=backend)
    for env_key in dict.fromkeys(env_keys):
        try:
            had = credentials.load(env_key) is not None
            credentials.delete(env_key)
        except CredentialError:
            result.keyring_failed = True
            continue
        result.keyring_entries += int(had)
    for folder in what_is_forgotten(where):
        if not folder.exists():
            continue
        shutil.rmtree(folder, ignore_errors=True)
        (result.not_removed if folder.exists() else result.removed).append(folder)
    log.info("workstation forgotten: %d folder(s), %d keyring entr(ies)",
             len(result.removed), result.keyring_entries)
    return result
