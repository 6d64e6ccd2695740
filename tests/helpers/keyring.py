"""Keyring backends for tests: one in memory, one that fails like a broken or missing store."""

from __future__ import annotations

import json
import os
from pathlib import Path

import keyring.errors as kr_errors
from keyring.backend import KeyringBackend


class MemoryKeyring(KeyringBackend):
    """A keyring kept in a dict."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.entries[(service, username)]
        except KeyError:
            raise kr_errors.PasswordDeleteError("not found") from None


class FailingKeyring(KeyringBackend):
    """Raises the given exception from every call, like a broken or missing backend."""

    priority = 1  # type: ignore[assignment]

    def __init__(self, exc: Exception) -> None:
        super().__init__()
        self.exc = exc

    def get_password(self, service: str, username: str) -> str | None:
        raise self.exc

    def set_password(self, service: str, username: str, password: str) -> None:
        raise self.exc

    def delete_password(self, service: str, username: str) -> None:
        raise self.exc


class FakeWinVault(MemoryKeyring):
    """Like keyring's WinVaultKeyring: a ``persist`` setting, "enterprise" (roaming) unless set.

    Records the persistence each password was written with."""

    def __init__(self) -> None:
        super().__init__()
        self._persist: str | None = None
        self.written_with: list[str] = []

    @property
    def persist(self) -> str:
        return self._persist or "enterprise"

    @persist.setter
    def persist(self, value: str) -> None:
        self._persist = value

    def set_password(self, service: str, username: str, password: str) -> None:
        self.written_with.append(self.persist)
        super().set_password(service, username, password)


class FileKeyring(MemoryKeyring):
    """A keyring kept in the JSON file named by ``$SPOT_TEST_KEYRING_FILE``, so that two runs
    of the app (``--self-test``, then ``--diagnostics``) share it as they would a desk's
    password store. For subprocess tests only (``PYTHON_KEYRING_BACKEND``)."""

    def _load(self) -> None:
        path = Path(os.environ["SPOT_TEST_KEYRING_FILE"])
        raw = json.loads(path.read_text(encoding="utf-8")) if path.exists() else []
        self.entries = {(service, user): secret for service, user, secret in raw}

    def _save(self) -> None:
        rows = [[service, user, secret] for (service, user), secret in self.entries.items()]
        Path(os.environ["SPOT_TEST_KEYRING_FILE"]).write_text(json.dumps(rows), encoding="utf-8")

    def get_password(self, service: str, username: str) -> str | None:
        self._load()
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        self._load()
        super().set_password(service, username, password)
        self._save()

    def delete_password(self, service: str, username: str) -> None:
        self._load()
        super().delete_password(service, username)
        self._save()
