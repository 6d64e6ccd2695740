"""The key that encrypts a data folder's patient stores: random, in the OS keyring, never a file.

One key per data folder (the keyring entry is named by a digest of the folder's path, so two
installs or two Windows profiles never share one). ``data_key_for`` gets it, creating it the
first time. Without a working keyring it returns a memory-only ``DataKey`` (``secret`` None):
stores then live in memory for this session and the app says so (``DataKey.problem``).

A key that disappeared (a new Windows profile, a wiped keyring) is replaced by a new one; the
stores it encrypted can no longer be opened and are handled by ``app.services.private_db``
(caches start afresh and re-sync; the outbox reports what it lost by count).

Keyring calls can block (D-Bus, an unlock prompt): call these off the GUI thread. No Qt.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import keyring
import keyring.errors as kr_errors
from keyring.backend import KeyringBackend

from app import APP_ID
from app.marks import QT_TRANSLATE_NOOP
from app.services.errors import ServiceError

__all__ = [
    "KEYRING_SERVICE",
    "DataKey",
    "NoDataKey",
    "data_key_for",
    "forget_data_key",
    "memory_only_key",
]

log = logging.getLogger(__name__)

KEYRING_SERVICE = f"{APP_ID}.data-key"
KEY_BYTES = 32
_CREATING = threading.Lock()

KeyStatus = Literal["existing", "created", "memory_only"]


class NoDataKey(ServiceError):
    default_title = QT_TRANSLATE_NOOP(
        "Errors", "This computer's password store isn't available, so nothing is saved to disk"
    )
    default_advice = QT_TRANSLATE_NOOP(
        "Errors",
        "The order list, drafts, orders waiting to be sent, opened reports and this "
        "session's audit records are kept in memory until you quit; the list is fetched "
        "again next time. Ask IT to set up the password store to keep them.",
    )


@dataclass(frozen=True)
class DataKey:
    """The data folder's key: ``secret`` (32 bytes), or None for a memory-only session."""

    secret: bytes | None
    status: KeyStatus
    problem: ServiceError | None = None

    @property
    def memory_only(self) -> bool:
        return self.secret is None

    def __repr__(self) -> str:  # never the secret, in a log or a traceback
        return f"DataKey(status={self.status!r})"


def memory_only_key(problem: ServiceError | None = None) -> DataKey:
    """A key that keeps every store in memory (no keyring, or tests)."""
    return DataKey(None, "memory_only", problem or NoDataKey(debug="memory-only stores"))


def _default_backend() -> KeyringBackend:
    return keyring.get_keyring()


#: Replaced in tests by a memory keyring (tests/conftest.py).
default_backend: Callable[[], KeyringBackend] = _default_backend


def entry_name(folder: Path) -> str:
    """The keyring user name for ``folder``: a digest of its absolute path (no user names)."""
    text = str(folder.expanduser().absolute())
    return "data-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def data_key_for(folder: Path, backend: KeyringBackend | None = None) -> DataKey:
    """The key for ``folder``, created and stored in the keyring if it has none.

    Never raises: a keyring that is missing, locked or broken gives a memory-only key whose
    ``problem`` says so (logged by exception type only).
    """
    store = backend if backend is not None else default_backend()
    name = entry_name(folder)
    with _CREATING:  # two stores opening at once on a first start must not make two keys
        return _get_or_create(store, name)


def _get_or_create(store: KeyringBackend, name: str) -> DataKey:
    try:
        stored = store.get_password(KEYRING_SERVICE, name)
        if stored:
            secret = bytes.fromhex(stored)
            if len(secret) == KEY_BYTES:
                return DataKey(secret, "existing")
            log.warning("data key in the keyring has the wrong length: replacing it")
        secret = secrets.token_bytes(KEY_BYTES)
        store.set_password(KEYRING_SERVICE, name, secret.hex())
        # Read back: some backends accept a write they can't keep (a locked collection).
        if store.get_password(KEYRING_SERVICE, name) != secret.hex():
            raise kr_errors.KeyringError("the data key did not read back")
    except Exception as exc:  # noqa: BLE001 - backends raise anything; never lose the app
        log.warning("no data key from the keyring (%s): memory-only stores", type(exc).__name__)
        return memory_only_key(NoDataKey(debug=f"keyring: {type(exc).__name__}"))
    log.info("new data key created for this data folder")
    return DataKey(secret, "created")


def forget_data_key(folder: Path, backend: KeyringBackend | None = None) -> bool:
    """Remove ``folder``'s key from the keyring. True if one was removed; False if there was
    none or the keyring can't be reached (logged)."""
    store = backend if backend is not None else default_backend()
    try:
        store.delete_password(KEYRING_SERVICE, entry_name(folder))
    except kr_errors.PasswordDeleteError:
        return False
    except Exception as exc:  # noqa: BLE001 - backends raise anything
        log.warning("data key not removed from the keyring: %s", type(exc).__name__)
        return False
    return True
