"""CredentialStore over keyring: round trip per environment, every failure mode mapped."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from unittest.mock import patch

import keyring
import keyring.errors as kr_errors
import pytest

from app.services.credentials import (
    CredentialError,
    CredentialStore,
    KeyringFailed,
    KeyringInitFailed,
    KeyringLocked,
    NoKeyringAvailable,
)
from app.services.errors import ServiceError
from tests.helpers.keyring import FailingKeyring, FakeWinVault, MemoryKeyring

TOKEN = "tok_live_7f3a9c0d1e2b"


@pytest.fixture
def memory() -> MemoryKeyring:
    return MemoryKeyring()


def test_round_trip_per_environment(memory: MemoryKeyring) -> None:
    store = CredentialStore(keyring_backend=memory)
    store.save("production", TOKEN)
    store.save("custom:https://spot.example.test", "other-token-123")
    assert store.load("production") == TOKEN
    assert store.load("custom:https://spot.example.test") == "other-token-123"
    assert memory.entries[("spot-front-desk", "production")] == TOKEN
    store.delete("production")
    assert store.load("production") is None
    assert store.load("custom:https://spot.example.test") == "other-token-123"


def test_load_missing_returns_none_and_delete_missing_is_quiet(memory: MemoryKeyring) -> None:
    store = CredentialStore(keyring_backend=memory)
    assert store.load("sandbox") is None
    store.delete("sandbox")


def test_save_replaces_previous_token(memory: MemoryKeyring) -> None:
    store = CredentialStore(keyring_backend=memory)
    store.save("production", "first-token-1")
    store.save("production", "second-token-2")
    assert store.load("production") == "second-token-2"


def test_service_name_is_configurable(memory: MemoryKeyring) -> None:
    CredentialStore("spot-front-desk-test", keyring_backend=memory).save("sandbox", TOKEN)
    assert ("spot-front-desk-test", "sandbox") in memory.entries


def test_empty_token_rejected(memory: MemoryKeyring) -> None:
    with pytest.raises(ValueError, match="must not be empty"):
        CredentialStore(keyring_backend=memory).save("production", "")


def test_default_backend_is_the_keyring_library_choice(memory: MemoryKeyring) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(memory)
    try:
        store = CredentialStore()
        store.save("production", TOKEN)
        assert memory.entries[("spot-front-desk", "production")] == TOKEN
        assert store.backend_name().endswith("MemoryKeyring")
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    """The keyring library's own "no backend" keyring, as on a headless machine."""
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.mark.usefixtures("no_keyring")
def test_no_backend_on_read_and_write_offers_session_only() -> None:
    store = CredentialStore()
    with pytest.raises(NoKeyringAvailable) as read:
        store.load("production")
    with pytest.raises(NoKeyringAvailable) as write:
        store.save("production", TOKEN)
    assert "session only" in read.value.advice
    assert write.value.operation == "save"
    assert TOKEN not in str(write.value) + write.value.message + write.value.debug


@pytest.mark.usefixtures("no_keyring")
def test_session_only_token_lives_in_memory_only() -> None:
    store = CredentialStore()
    store.keep_for_session("production", TOKEN)
    assert store.load("production") == TOKEN  # served without touching the missing keyring
    assert store.is_session_only("production")
    with pytest.raises(NoKeyringAvailable):
        store.delete("production")
    assert not store.is_session_only("production")
    # A fresh store (a new app run) does not know the token.
    with pytest.raises(NoKeyringAvailable):
        CredentialStore().load("production")


BACKEND_WORDS = "backend-internal-wording-42"
ERROR_CASES = [
    (kr_errors.NoKeyringError(BACKEND_WORDS), NoKeyringAvailable),
    (kr_errors.KeyringLocked(BACKEND_WORDS), KeyringLocked),
    (kr_errors.InitError(BACKEND_WORDS), KeyringInitFailed),
    (kr_errors.PasswordSetError(BACKEND_WORDS), KeyringFailed),
    (kr_errors.KeyringError(BACKEND_WORDS), KeyringFailed),
    (RuntimeError(BACKEND_WORDS), KeyringFailed),
    (OSError(BACKEND_WORDS), KeyringFailed),
]


@pytest.mark.parametrize(("raised", "expected"), ERROR_CASES)
@pytest.mark.parametrize("operation", ["save", "load", "delete"])
def test_every_failure_mode_maps_to_a_plain_error(
    raised: Exception, expected: type[CredentialError], operation: str
) -> None:
    store = CredentialStore(keyring_backend=FailingKeyring(raised))
    calls: dict[str, Callable[[], object]] = {
        "save": lambda: store.save("production", TOKEN),
        "load": lambda: store.load("production"),
        "delete": lambda: store.delete("production"),
    }
    with pytest.raises(expected) as info:
        calls[operation]()
    err = info.value
    assert isinstance(err, ServiceError)
    assert err.operation == operation
    assert err.title
    assert "session only" in err.advice
    assert TOKEN not in err.message + err.debug
    assert BACKEND_WORDS not in err.message  # backend wording is not shown to the user


def test_failure_titles_say_what_failed() -> None:
    store = CredentialStore(keyring_backend=FailingKeyring(kr_errors.KeyringLocked("x")))
    with pytest.raises(KeyringLocked) as info:
        store.save("production", TOKEN)
    assert info.value.title == "Couldn't save the API token: the password store is locked"


def test_successful_save_clears_a_session_only_token(memory: MemoryKeyring) -> None:
    store = CredentialStore(keyring_backend=memory)
    store.keep_for_session("production", "session-token-1")
    store.save("production", TOKEN)
    assert not store.is_session_only("production")
    assert store.load("production") == TOKEN


def test_windows_token_stays_on_this_computer() -> None:
    vault = FakeWinVault()
    CredentialStore(keyring_backend=vault).save("production", TOKEN)
    assert vault.written_with == ["local machine"]


def test_windows_backend_inside_the_default_chain_stays_on_this_computer() -> None:
    from keyring.backends.chainer import ChainerBackend

    vault = FakeWinVault()
    chain = ChainerBackend()
    previous = keyring.get_keyring()
    keyring.set_keyring(chain)
    try:
        with patch.object(ChainerBackend, "backends", [vault]):
            CredentialStore().save("production", TOKEN)
    finally:
        keyring.set_keyring(previous)
    assert vault.written_with == ["local machine"]


def test_other_backends_are_left_alone(memory: MemoryKeyring) -> None:
    CredentialStore(keyring_backend=memory).save("production", TOKEN)
    assert not hasattr(memory, "persist")
