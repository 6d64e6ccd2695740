"""Forget this workstation: folders, the data key and the tokens go; asked first."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest

from app.main import forget_workstation_command
from app.paths import paths
from app.services.credentials import CredentialStore
from app.services.data_key import data_key_for
from app.services.forget import forget_workstation
from tests.helpers.keyring import FailingKeyring, MemoryKeyring


def _fill(keys: MemoryKeyring) -> None:
    where = paths()
    where.ensure()
    (where.data / "environments" / "x").mkdir(parents=True)
    (where.data / "environments" / "x" / "orders.sqlite3").write_bytes(b"cipher")
    (where.cache / "reports").mkdir(parents=True)
    (where.cache / "reports" / "a.pdf").write_bytes(b"cipher")
    (where.logs / "app.log").write_bytes(b"log")
    assert data_key_for(where.data, keys).status == "created"
    CredentialStore(keyring_backend=keys).save("production", "tok-production-0123456789")


def test_forgetting_removes_folders_key_and_tokens_but_not_settings(
    data_keyring: MemoryKeyring
) -> None:
    _fill(data_keyring)
    (paths().config / "settings.ini").write_bytes(b"[session]")
    result = forget_workstation(paths(), ["production", "sandbox"], backend=data_keyring)
    assert result.complete
    assert result.keyring_entries == 2
    assert data_keyring.entries == {}
    assert not paths().data.exists()
    assert not paths().cache.exists()
    assert not paths().logs.exists()
    assert (paths().config / "settings.ini").exists()


def test_an_unreachable_keyring_is_reported_not_hidden(
    data_keyring: MemoryKeyring
) -> None:
    _fill(data_keyring)
    result = forget_workstation(paths(), ["production"],
                                backend=FailingKeyring(keyring.errors.KeyringLocked()))
    assert result.keyring_failed
    assert not result.complete
    assert not paths().data.exists()


@pytest.fixture
def os_keyring(data_keyring: MemoryKeyring) -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    keyring.set_keyring(data_keyring)
    yield data_keyring
    keyring.set_keyring(previous)


def test_the_command_asks_and_does_nothing_without_a_yes(
    os_keyring: MemoryKeyring, capsys: pytest.CaptureFixture[str]
) -> None:
    _fill(os_keyring)
    assert forget_workstation_command(assume_yes=False, ask=lambda _prompt: "no") == 1
    assert "Nothing was removed." in capsys.readouterr().out
    assert paths().data.exists()
    assert os_keyring.entries


def test_the_command_removes_everything_after_yes(
    os_keyring: MemoryKeyring, capsys: pytest.CaptureFixture[str]
) -> None:
    _fill(os_keyring)
    assert forget_workstation_command(assume_yes=False, ask=lambda _prompt: "yes") == 0
    out = capsys.readouterr().out
    assert str(paths().data) in out
    assert "Removed 3 folder(s) and 2 password store entr(ies)." in out
    assert not paths().data.exists()
    assert os_keyring.entries == {}
