"""Staff profiles on a shared workstation: who is working, their role, their PIN (no Qt).

Profiles live in a 0600 SQLite file in the data folder. Secrets (a PIN or a passphrase) are
hashed with ``hashlib.scrypt``: memory-hard like Argon2id, in the standard library (nothing to
bundle or compile for Windows/macOS), with OWASP's parameters (N=2^17, r=8, p=1: 128 MiB,
~0.4 s). The parameters are stored with each hash so they can be raised later.

A profile object never carries its secret or hash: anything that holds a `StaffProfile` (views,
order metadata, the audit trail) cannot leak a PIN by accident.

Five wrong secrets in a row make that profile wait, 30 s then doubling up to 15 minutes; the
count survives a restart. An administrator can reset a PIN (which also clears the wait).
The built-in sandbox adds two fixed profiles (`sandbox_profiles`): a demo profile whose PIN the
lock screen shows, and the one ``--self-test`` signs in with. They exist only in memory.
"""

from __future__ import annotations

import itertools
import os
import re
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

from app.marks import QT_TRANSLATE_NOOP
from app.services.errors import ServiceError
from app.services.private_db import open_private_db

__all__ = [
    "DEMO_PIN",
    "DEMO_STAFF_ID",
    "MAX_DELAY_S",
    "ORDERED_BY_ID_KEY",
    "ORDERED_BY_KEY",
    "SELF_TEST_PIN",
    "SELF_TEST_STAFF_ID",
    "STAFF_FILE_NAME",
    "WRONG_SECRETS_BEFORE_WAIT",
    "AuthResult",
    "NotAllowed",
    "Permission",
    "ProfileError",
    "Role",
    "ScryptParams",
    "SecretKind",
    "StaffDirectory",
    "StaffProfile",
    "allowed",
    "builtin_pin",
    "check_secret",
    "hash_secret",
    "lockout_delay",
    "ordered_by",
    "require",
    "sandbox_profiles",
    "verify_secret",
    "with_ordered_by",
]

STAFF_FILE_NAME = "staff.sqlite3"
WRONG_SECRETS_BEFORE_WAIT = 5
FIRST_DELAY_S = 30.0
MAX_DELAY_S = 15 * 60.0

DEMO_STAFF_ID = "demo"
DEMO_PIN = "2468"  # shown on the sandbox lock screen: the demo is one command
SELF_TEST_STAFF_ID = "self-test"
SELF_TEST_PIN = "975310"

# Spot order metadata keys: what a colleague on another workstation reads as "ordered by".
ORDERED_BY_KEY = "frontdesk_ordered_by"
ORDERED_BY_ID_KEY = "frontdesk_ordered_by_id"

SecretKind = Literal["pin", "passphrase"]
# Staff ids are made here ("s-" + 10 hex) or fixed words; the audit trail accepts nothing else.
STAFF_ID_PATTERN = re.compile(r"^(?:s-[0-9a-f]{10}|demo|self-test|system)$")
_PIN = re.compile(r"^[0-9]{4,12}$")
MIN_PASSPHRASE = 8
MAX_SECRET = 200


class Role(StrEnum):
    FRONT_DESK = "front_desk"
    CLINICIAN = "clinician"
    ADMINISTRATOR = "administrator"


class Permission(StrEnum):
    MANAGE_PROFILES = "manage_profiles"
    MANAGE_TOKEN = "manage_token"  # set, change or sign out of the Spot token
    MANAGE_SETTINGS = "manage_settings"  # idle-lock minutes, audit retention, environment
    VIEW_AUDIT = "view_audit"


_GRANTS: dict[Role, frozenset[Permission]] = {
    Role.FRONT_DESK: frozenset(),
    Role.CLINICIAN: frozenset(),
    Role.ADMINISTRATOR: frozenset(Permission),
}


@dataclass(frozen=True)
class StaffProfile:
    """Who someone is on this workstation. Deliberately holds no secret and no hash."""

    staff_id: str
    name: str
    initials: str
    role: Role
    secret_kind: SecretKind
    builtin: bool = False

    @property
    def is_administrator(self) -> bool:
        return self.role is Role.ADMINISTRATOR


class ProfileError(ServiceError):
    """A profile change that can't be made as asked; the title says why."""

    default_title = QT_TRANSLATE_NOOP("Errors", "That profile can't be saved")
    default_advice = QT_TRANSLATE_NOOP("Errors", "Correct it and try again.")


class NotAllowed(ServiceError):
    default_title = QT_TRANSLATE_NOOP("Errors", "Only an administrator can do that")
    default_advice = QT_TRANSLATE_NOOP(
        "Errors", "Ask an administrator at your clinic to sign in and do it."
    )


def allowed(profile: StaffProfile | None, permission: Permission) -> bool:
    """Whether ``profile`` (None: nobody signed in) may do ``permission``."""
    return profile is not None and permission in _GRANTS[profile.role]


def require(profile: StaffProfile | None, permission: Permission) -> None:
    """Raise `NotAllowed` unless ``profile`` may do ``permission``."""
    if not allowed(profile, permission):
        raise NotAllowed(debug=f"NotAllowed:{permission.value}")


# --- secrets ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScryptParams:
    n: int = 2**17
    r: int = 8
    p: int = 1

    @property
    def maxmem(self) -> int:
        return 128 * self.n * self.r * self.p + 16 * 2**20


def hash_secret(secret: str, params: ScryptParams | None = None) -> str:
    """``scrypt$n$r$p$salt$key`` (base64): the parameters travel with the hash."""
    params = params or ScryptParams()
    salt = os.urandom(16)
    key = _scrypt(secret, salt, params)
    return "$".join(
        ["scrypt", str(params.n), str(params.r), str(params.p), _b64(salt), _b64(key)]
    )


def verify_secret(secret: str, stored: str) -> bool:
    """True when ``secret`` matches ``stored`` (constant-time compare). A damaged hash: False."""
    import base64  # here, not at import: the start-up loads this module
    import hmac

    try:
        scheme, n, r, p, salt, key = stored.split("$")
        if scheme != "scrypt":
            return False
        params = ScryptParams(int(n), int(r), int(p))
        expected = base64.b64decode(key)
        actual = _scrypt(secret, base64.b64decode(salt), params)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def _scrypt(secret: str, salt: bytes, params: ScryptParams) -> bytes:
    import hashlib  # here, not at import: the start-up loads this module
    return hashlib.scrypt(
        secret.encode("utf-8"), salt=salt, n=params.n, r=params.r, p=params.p,
        maxmem=params.maxmem, dklen=32,
    )


def _b64(data: bytes) -> str:
    import base64  # here, not at import: the start-up loads this module
    return base64.b64encode(data).decode("ascii")


def check_secret(kind: SecretKind, secret: str) -> None:
    """Raise `ProfileError` with a plain reason when ``secret`` is not a usable PIN/passphrase."""
    if kind == "pin":
        if not _PIN.match(secret):
            raise ProfileError(QT_TRANSLATE_NOOP("Errors", "A PIN is 4 to 12 digits"))
        if len(set(secret)) == 1 or _is_run(secret):
            raise ProfileError(
                QT_TRANSLATE_NOOP("Errors", "That PIN is too easy to guess"),
                QT_TRANSLATE_NOOP("Errors", "Avoid repeated digits and runs like 1234."),
            )
        return
    if len(secret) < MIN_PASSPHRASE:
        raise ProfileError(
            QT_TRANSLATE_NOOP("Errors", "A passphrase needs at least 8 characters")
        )
    if len(secret) > MAX_SECRET or not secret.strip():
        raise ProfileError(QT_TRANSLATE_NOOP("Errors", "That passphrase can't be used"))


def _is_run(digits: str) -> bool:
    steps = {int(b) - int(a) for a, b in itertools.pairwise(digits)}
    return steps in ({1}, {-1})


def lockout_delay(failures: int) -> float:
    """Seconds to wait after ``failures`` wrong secrets in a row: 0 before the fifth, then
    30 s doubling each time, at most 15 minutes."""
    if failures < WRONG_SECRETS_BEFORE_WAIT:
        return 0.0
    return min(MAX_DELAY_S, FIRST_DELAY_S * 2 ** (failures - WRONG_SECRETS_BEFORE_WAIT))


@dataclass(frozen=True)
class AuthResult:
    """The answer to a sign-in attempt. ``wait_s`` > 0: the profile must wait that long."""

    outcome: Literal["ok", "wrong", "waiting", "unknown"]
    profile: StaffProfile | None = None
    wait_s: float = 0.0
    failures: int = 0
    counted: bool = False  # this attempt was checked and was wrong (not refused for the wait)

    @property
    def ok(self) -> bool:
        return self.outcome == "ok"


# --- sandbox built-ins -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Builtin:
    profile: StaffProfile
    pin: str


def sandbox_profiles(*, self_test: bool = False) -> tuple[StaffProfile, ...]:
    """The built-in sandbox's demo profile (an administrator: the demo shows every window),
    plus the self-test profile for ``--self-test``. Pass them to
    `StaffDirectory(builtins=...)` in sandbox mode only."""
    wanted = {DEMO_STAFF_ID, SELF_TEST_STAFF_ID} if self_test else {DEMO_STAFF_ID}
    return tuple(b.profile for b in _BUILTINS if b.profile.staff_id in wanted)


_BUILTINS = (
    _Builtin(
        StaffProfile(DEMO_STAFF_ID, "Demo", "DM", Role.ADMINISTRATOR, "pin", builtin=True),
        DEMO_PIN,
    ),
    _Builtin(
        StaffProfile(
            SELF_TEST_STAFF_ID, "Self-test", "ST", Role.ADMINISTRATOR, "pin", builtin=True
        ),
        SELF_TEST_PIN,
    ),
)


def builtin_pin(staff_id: str) -> str | None:
    """The PIN of a built-in sandbox profile (the lock screen shows the demo's)."""
    return next((b.pin for b in _BUILTINS if b.profile.staff_id == staff_id), None)


# --- "ordered by" ----------------------------------------------------------------------------


def with_ordered_by(
    metadata: Mapping[str, Any] | None, profile: StaffProfile
) -> dict[str, Any]:
    """``metadata`` plus who ordered (initials and staff id; a profile holds no PIN), for an
    order's Spot metadata so other workstations show "ordered by"."""
    merged = dict(metadata or {})
    merged[ORDERED_BY_KEY] = profile.initials
    merged[ORDERED_BY_ID_KEY] = profile.staff_id
    return merged


def ordered_by(metadata: Mapping[str, Any] | None) -> str | None:
    """The initials an order's metadata names as who ordered it, if any."""
    value = (metadata or {}).get(ORDERED_BY_KEY)
    return value if isinstance(value, str) and value else None


# --- the directory ---------------------------------------------------------------------------

_SCHEMA = """
CREATE TABLE IF NOT EXISTS profiles (
    staff_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    initials TEXT NOT NULL,
    role TEXT NOT NULL,
    secret_kind TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    failures INTEGER NOT NULL DEFAULT 0,
    wait_until REAL NOT NULL DEFAULT 0,
    created REAL NOT NULL
);
"""


class StaffDirectory:
    """The workstation's staff profiles; thread-safe. Hashing is slow on purpose (~0.4 s):
    call `authenticate`, `add_profile` and `reset_secret` off the GUI thread.

    ``clock`` is wall-clock seconds (the wait survives a restart); tests pass a fake one.
    """

    def __init__(
        self,
        db_path: Path,
        *,
        builtins: Iterable[StaffProfile] = (),
        clock: Callable[[], float] = time.time,
        params: ScryptParams | None = None,
    ) -> None:
        self._path = db_path
        self._clock = clock
        self._params = params or ScryptParams()
        self._lock = threading.Lock()
        self._db = open_private_db(db_path)
        self._db.executescript(_SCHEMA)
        wanted = {p.staff_id for p in builtins}
        self._builtins = {b.profile.staff_id: b for b in _BUILTINS if b.profile.staff_id in wanted}
        # Wrong-PIN counts of built-in profiles: kept in memory only (they are sandbox-only).
        self._builtin_failures: dict[str, tuple[int, float]] = {}

    # reading

    def profiles(self) -> list[StaffProfile]:
        """Everyone who can sign in here, built-ins first, then by name."""
        with self._lock:
            rows = self._db.execute(
                "SELECT staff_id, name, initials, role, secret_kind FROM profiles"
                " ORDER BY name COLLATE NOCASE"
            ).fetchall()
        return [b.profile for b in self._builtins.values()] + [_profile(row) for row in rows]

    def get(self, staff_id: str) -> StaffProfile | None:
        return next((p for p in self.profiles() if p.staff_id == staff_id), None)

    def needs_first_administrator(self) -> bool:
        """True on a first start: nobody can sign in yet, so the app asks for an administrator."""
        return not self.profiles()

    def names(self) -> dict[str, str]:
        """staff id → name, for the audit window and its CSV export."""
        return {p.staff_id: p.name for p in self.profiles()}

    def wait_remaining(self, staff_id: str) -> float:
        """Seconds before ``staff_id`` may try again (0: now)."""
        _failures, wait_until = self._failures(staff_id)
        return max(0.0, wait_until - self._clock())

    # signing in

    def authenticate(self, staff_id: str, secret: str) -> AuthResult:
        """Check ``secret`` for ``staff_id``; counts wrong ones and enforces the wait."""
        profile = self.get(staff_id)
        if profile is None:
            return AuthResult("unknown")
        failures, wait_until = self._failures(staff_id)
        now = self._clock()
        if wait_until > now:
            return AuthResult("waiting", profile, wait_until - now, failures)
        if self._matches(staff_id, secret):
            self._set_failures(staff_id, 0, 0.0)
            return AuthResult("ok", profile)
        failures += 1
        delay = lockout_delay(failures)
        self._set_failures(staff_id, failures, now + delay if delay else 0.0)
        return AuthResult("waiting" if delay else "wrong", profile, delay, failures, True)

    # managing (administrators only)

    def create_first_administrator(
        self, name: str, initials: str, kind: SecretKind, secret: str
    ) -> StaffProfile:
        """The first profile, an administrator; only while nobody can sign in."""
        if not self.needs_first_administrator():
            raise NotAllowed(debug="NotAllowed:first_administrator")
        return self._insert(name, initials, Role.ADMINISTRATOR, kind, secret)

    def add_profile(
        self, actor: StaffProfile | None, name: str, initials: str, role: Role,
        kind: SecretKind, secret: str,
    ) -> StaffProfile:
        require(actor, Permission.MANAGE_PROFILES)
        return self._insert(name, initials, role, kind, secret)

    def update_profile(
        self, actor: StaffProfile | None, staff_id: str, *, name: str | None = None,
        initials: str | None = None, role: Role | None = None,
    ) -> StaffProfile:
        require(actor, Permission.MANAGE_PROFILES)
        current = self._stored(staff_id)
        updated = replace(
            current,
            name=_clean_name(name) if name is not None else current.name,
            initials=_clean_initials(initials) if initials is not None else current.initials,
            role=role if role is not None else current.role,
        )
        if updated.initials != current.initials:
            self._check_unique_initials(updated.initials, staff_id)
        if current.is_administrator and not updated.is_administrator:
            self._check_not_last_administrator(staff_id)
        with self._lock:
            self._db.execute(
                "UPDATE profiles SET name = ?, initials = ?, role = ? WHERE staff_id = ?",
                (updated.name, updated.initials, updated.role.value, staff_id),
            )
        return updated

    def remove_profile(self, actor: StaffProfile | None, staff_id: str) -> None:
        require(actor, Permission.MANAGE_PROFILES)
        profile = self._stored(staff_id)
        if profile.is_administrator:
            self._check_not_last_administrator(staff_id)
        with self._lock:
            self._db.execute("DELETE FROM profiles WHERE staff_id = ?", (staff_id,))

    def reset_secret(
        self, actor: StaffProfile | None, staff_id: str, kind: SecretKind, secret: str
    ) -> None:
        """An administrator sets a new PIN/passphrase for someone; clears their wait."""
        require(actor, Permission.MANAGE_PROFILES)
        self._stored(staff_id)
        self._write_secret(staff_id, kind, secret)

    def change_own_secret(
        self, staff_id: str, old: str, kind: SecretKind, new: str
    ) -> AuthResult:
        """Anyone may change their own PIN by typing the current one (counted like a sign-in)."""
        self._stored(staff_id)
        result = self.authenticate(staff_id, old)
        if result.ok:
            self._write_secret(staff_id, kind, new)
        return result

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # internals

    def _insert(
        self, name: str, initials: str, role: Role, kind: SecretKind, secret: str
    ) -> StaffProfile:
        import secrets  # here, not at import: the start-up loads this module

        profile = StaffProfile(
            "s-" + secrets.token_hex(5), _clean_name(name), _clean_initials(initials),
            Role(role), kind,
        )
        self._check_unique_initials(profile.initials, profile.staff_id)
        check_secret(kind, secret)
        digest = hash_secret(secret, self._params)
        with self._lock:
            self._db.execute(
                "INSERT INTO profiles (staff_id, name, initials, role, secret_kind, secret_hash,"
                " created) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (profile.staff_id, profile.name, profile.initials, profile.role.value, kind,
                 digest, self._clock()),
            )
        return profile

    def _write_secret(self, staff_id: str, kind: SecretKind, secret: str) -> None:
        check_secret(kind, secret)
        digest = hash_secret(secret, self._params)
        with self._lock:
            self._db.execute(
                "UPDATE profiles SET secret_kind = ?, secret_hash = ?, failures = 0,"
                " wait_until = 0 WHERE staff_id = ?",
                (kind, digest, staff_id),
            )

    def _stored(self, staff_id: str) -> StaffProfile:
        if staff_id in self._builtins:
            raise ProfileError(
                QT_TRANSLATE_NOOP("Errors", "The sandbox's built-in profiles can't be changed")
            )
        with self._lock:
            row = self._db.execute(
                "SELECT staff_id, name, initials, role, secret_kind FROM profiles"
                " WHERE staff_id = ?", (staff_id,),
            ).fetchone()
        if row is None:
            raise ProfileError(QT_TRANSLATE_NOOP("Errors", "That profile no longer exists"))
        return _profile(row)

    def _matches(self, staff_id: str, secret: str) -> bool:
        builtin = self._builtins.get(staff_id)
        if builtin is not None:
            import hmac  # here, not at import: the start-up loads this module
            return hmac.compare_digest(secret.encode(), builtin.pin.encode())
        with self._lock:
            row = self._db.execute(
                "SELECT secret_hash FROM profiles WHERE staff_id = ?", (staff_id,)
            ).fetchone()
        return row is not None and verify_secret(secret, row[0])

    def _failures(self, staff_id: str) -> tuple[int, float]:
        if staff_id in self._builtins:
            return self._builtin_failures.get(staff_id, (0, 0.0))
        with self._lock:
            row = self._db.execute(
                "SELECT failures, wait_until FROM profiles WHERE staff_id = ?", (staff_id,)
            ).fetchone()
        return (int(row[0]), float(row[1])) if row else (0, 0.0)

    def _set_failures(self, staff_id: str, failures: int, wait_until: float) -> None:
        if staff_id in self._builtins:
            self._builtin_failures[staff_id] = (failures, wait_until)
            return
        with self._lock:
            self._db.execute(
                "UPDATE profiles SET failures = ?, wait_until = ? WHERE staff_id = ?",
                (failures, wait_until, staff_id),
            )

    def _check_unique_initials(self, initials: str, staff_id: str) -> None:
        if any(p.initials == initials and p.staff_id != staff_id for p in self.profiles()):
            raise ProfileError(
                QT_TRANSLATE_NOOP("Errors", "Someone here already uses those initials"),
                QT_TRANSLATE_NOOP(
                    "Errors", "Initials show as \u201cordered by\u201d: add a letter to tell "
                    "people apart."
                ),
            )

    def _check_not_last_administrator(self, staff_id: str) -> None:
        others = [
            p for p in self.profiles()
            if p.is_administrator and not p.builtin and p.staff_id != staff_id
        ]
        if not others:
            raise ProfileError(
                QT_TRANSLATE_NOOP("Errors", "The last administrator can't be removed"),
                QT_TRANSLATE_NOOP("Errors", "Make someone else an administrator first."),
            )


def _profile(row: tuple[Any, ...]) -> StaffProfile:
    staff_id, name, initials, role, kind = row
    return StaffProfile(staff_id, name, initials, Role(role), kind)


def _clean_name(name: str) -> str:
    text = " ".join(name.split())
    if not text or len(text) > 80:
        raise ProfileError(QT_TRANSLATE_NOOP("Errors", "Enter a name (up to 80 characters)"))
    return text


def _clean_initials(initials: str) -> str:
    text = initials.strip().upper()
    if not (1 <= len(text) <= 4) or not text.isalpha():
        raise ProfileError(QT_TRANSLATE_NOOP("Errors", "Initials are 1 to 4 letters"))
    return text
