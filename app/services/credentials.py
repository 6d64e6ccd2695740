"""The API token in the OS keyring: one entry per environment, never a plaintext file.

Each keyring failure becomes a ``CredentialError`` with a plain title and a way on. When no
keyring exists at all, the view offers "use this token for this session only" and calls
``keep_for_session``: the token then lives in this process's memory and nowhere else.
Keyring calls can block (D-Bus, an unlock prompt): run them off the GUI thread.

On Windows the token is stored with "local machine" persistence: keyring's Credential Manager
backend defaults to "enterprise", which roams the token to every PC the user signs in to.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

from app import APP_ID
from app.marks import QT_TRANSLATE_NOOP
from app.services.errors import ServiceError, translate

if TYPE_CHECKING:
    # keyring loads on the first read (on a worker, after the window shows): its import and
    # backend discovery are the slowest part of signing in at start.
    from keyring.backend import KeyringBackend

__all__ = [
    "CredentialError",
    "CredentialStore",
    "KeyringFailed",
    "KeyringInitFailed",
    "KeyringLocked",
    "NoKeyringAvailable",
]

log = logging.getLogger(__name__)

Operation = Literal["save", "load", "delete"]
# WinVaultKeyring.persist (a win32cred.CRED_PERSIST_* name): this computer only, never roaming.
WINDOWS_PERSISTENCE = "local machine"

# Whole sentences (not joined pieces) so lupdate can offer each one for translation.
_VERB = {
    "save": QT_TRANSLATE_NOOP("Errors", "save"),
    "load": QT_TRANSLATE_NOOP("Errors", "read"),
    "delete": QT_TRANSLATE_NOOP("Errors", "remove"),
}


class CredentialError(ServiceError):
    """The keyring could not do what was asked; ``operation`` says what that was."""

    operation: Operation = "load"


class NoKeyringAvailable(CredentialError):
    default_title = QT_TRANSLATE_NOOP(
        "Errors", "This computer has no password store for the API token"
    )
    default_advice = QT_TRANSLATE_NOOP(
        "Errors",
        "Use the token for this session only; you'll enter it again next time the app starts.",
    )


class KeyringLocked(CredentialError):
    default_title = QT_TRANSLATE_NOOP("Errors", "The password store is locked")
    default_advice = QT_TRANSLATE_NOOP(
        "Errors",
        "Unlock your keyring (sign in to the computer again), then retry. "
        "Or use the token for this session only (you'll enter it again next time).",
    )


class KeyringInitFailed(CredentialError):
    default_title = QT_TRANSLATE_NOOP("Errors", "The password store couldn't start")
    default_advice = QT_TRANSLATE_NOOP(
        "Errors",
        "Restart the computer's keyring service or sign in again, then retry. "
        "Or use the token for this session only (you'll enter it again next time).",
    )


class KeyringFailed(CredentialError):
    default_title = QT_TRANSLATE_NOOP("Errors", "The password store reported a problem")
    default_advice = QT_TRANSLATE_NOOP(
        "Errors",
        "Try again. Or use the token for this session only (you'll enter it again next time).",
    )


def _keep_on_this_computer(backend: KeyringBackend) -> None:
    """Make a Windows Credential Manager backend (or one inside a chain) store non-roaming."""
    nested: list[KeyringBackend] = list(getattr(backend, "backends", None) or [])
    for candidate in (backend, *nested):
        if "persist" in dir(type(candidate)) and getattr(candidate, "_persist", None) is None:
            try:
                candidate.persist = WINDOWS_PERSISTENCE  # type: ignore[attr-defined]
            except Exception:  # noqa: BLE001 - an old backend: keep its default, log the type
                log.warning("keyring persistence not set: %s", type(candidate).__name__)


def _translate(exc: BaseException, operation: Operation) -> CredentialError:
    import keyring.errors as kr_errors

    if isinstance(exc, kr_errors.NoKeyringError):
        cls: type[CredentialError] = NoKeyringAvailable
    elif isinstance(exc, kr_errors.KeyringLocked):
        cls = KeyringLocked
    elif isinstance(exc, kr_errors.InitError):
        cls = KeyringInitFailed
    else:
        cls = KeyringFailed
    title = None
    if cls is not NoKeyringAvailable:
        problem = translate("Errors", cls.default_title)
        title = translate("Errors", "Couldn't {verb} the API token: {problem}").format(
            verb=translate("Errors", _VERB[operation]), problem=problem[:1].lower() + problem[1:]
        )
    err = cls(title, debug=f"{cls.__name__} on {operation}: {type(exc).__name__}")
    err.operation = operation
    return err


class CredentialStore:
    """Save, load and delete the token for an environment key (``"production"``, …).

    ``keyring_backend`` is injectable for tests; by default the OS keyring that ``keyring``
    picks is used. ``backend_factory`` makes the backend at the first use instead (keyring's
    modules then load on a worker, not before the first window).
    """

    def __init__(
        self, service_name: str = APP_ID, keyring_backend: KeyringBackend | None = None,
        *, backend_factory: Callable[[], KeyringBackend] | None = None,
    ) -> None:
        self.service_name = service_name
        self._backend = keyring_backend
        self._backend_factory = backend_factory
        self._session: dict[str, str] = {}
        self._lock = threading.Lock()

    def _keyring(self) -> KeyringBackend:
        if self._backend is None and self._backend_factory is not None:
            self._backend = self._backend_factory()
        if self._backend is not None:
            backend = self._backend
        else:
            import keyring

            backend = keyring.get_keyring()
        _keep_on_this_computer(backend)
        return backend

    def save(self, env_key: str, token: str) -> None:
        """Store ``token`` for ``env_key`` in the keyring (replacing any previous one)."""
        if not env_key or not token:
            raise ValueError("environment key and token must not be empty")
        try:
            self._keyring().set_password(self.service_name, env_key, token)
        except Exception as exc:  # noqa: BLE001 - backends raise anything; mapped, never lost
            raise self._failed(exc, "save") from None
        with self._lock:
            self._session.pop(env_key, None)
        log.info("token saved in the keyring for %s", env_key)

    def load(self, env_key: str) -> str | None:
        """The token for ``env_key``: a session-only token first, then the keyring."""
        with self._lock:
            session_token = self._session.get(env_key)
        if session_token is not None:
            return session_token
        try:
            token: str | None = self._keyring().get_password(self.service_name, env_key)
        except Exception as exc:  # noqa: BLE001 - backends raise anything; mapped, never lost
            raise self._failed(exc, "load") from None
        return token or None

    def delete(self, env_key: str) -> None:
        """Forget the token for ``env_key`` (keyring and session); no token is not an error."""
        import keyring.errors as kr_errors

        with self._lock:
            self._session.pop(env_key, None)
        try:
            self._keyring().delete_password(self.service_name, env_key)
        except kr_errors.PasswordDeleteError:
            return  # nothing stored: already forgotten
        except Exception as exc:  # noqa: BLE001 - backends raise anything; mapped, never lost
            raise self._failed(exc, "delete") from None
        log.info("token removed from the keyring for %s", env_key)

    def keep_for_session(self, env_key: str, token: str) -> None:
        """Hold ``token`` in memory only, for this run of the app (no keyring available)."""
        if not env_key or not token:
            raise ValueError("environment key and token must not be empty")
        with self._lock:
            self._session[env_key] = token

    def is_session_only(self, env_key: str) -> bool:
        with self._lock:
            return env_key in self._session

    def keyring_available(self) -> bool:
        """False where no password store exists (tokens can only be kept for this session)."""
        import keyring.errors as kr_errors

        try:
            backend = self._keyring()
        except Exception:  # noqa: BLE001 - no keyring at all
            return False
        if type(backend).__module__.endswith(".fail"):
            return False
        try:  # blocking (D-Bus): call off the GUI thread
            backend.get_password(self.service_name, "keyring-probe")
        except kr_errors.NoKeyringError:
            return False
        except Exception:  # noqa: BLE001 - locked or failing, but a store exists
            return True
        return True

    def backend_name(self) -> str:
        """The keyring in use, for the settings page and debug info."""
        try:
            backend = self._keyring()
        except Exception:  # noqa: BLE001 - only a label
            return "none"
        return f"{type(backend).__module__}.{type(backend).__name__}"

    def _failed(self, exc: BaseException, operation: Operation) -> CredentialError:
        # Type only: a backend's message could in theory quote the secret.
        log.warning("keyring %s failed: %s", operation, type(exc).__name__)
        return _translate(exc, operation)
