"""Data kept per Spot account, not only per environment (no Qt).

Spot has no "who am I" endpoint, so an account is known by its token: `account_identity` is
a one-way hash of the environment and the token (the token itself is never stored or shown).
Each account gets its own data folder (order cache, outbox, drafts), stamped with that
identity in a small ``account-id`` file. `check_token_for_folder` refuses a token of another
account, so an outbox holding account A's queued orders can never be handed B's token.

A rotated token of the *same* account looks like a new account: `plan_switch` tells the shell
to ask first when the old account still has queued orders; only an administrator's explicit
"same account, new key" calls `rebind_folder` to carry them over.

The built-in sandbox is one account whose token is new (random) at every start: its identity
ignores the token, so its cache, drafts and outbox are found again after a restart.

Folders of app versions before accounts (``environments/<kind>-<hash>``, one per environment)
are adopted once by the first account that opens that environment (`adopt_legacy_folder`):
the same account as before in practice, since the token came from the keyring.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from app.marks import QT_TRANSLATE_NOOP
from app.services.environments import Environment
from app.services.errors import ServiceError
from app.services.private_db import create_private_file

__all__ = [
    "ACCOUNT_ID_FILE",
    "AccountFolderTaken",
    "AccountMismatch",
    "SwitchPlan",
    "account_folder",
    "account_identity",
    "adopt_legacy_folder",
    "bind_folder",
    "carry_over",
    "check_token_for_folder",
    "folder_identity",
    "legacy_folder",
    "plan_switch",
    "rebind_folder",
]

ACCOUNT_ID_FILE = "account-id"
_DOMAIN = b"spot-front-desk/account/v1\x00"
_UNSAFE = re.compile(r"[^a-z0-9]+")
_IDENTITY = re.compile(r"^[0-9a-f]{20}$")


class AccountFolderTaken(ServiceError):
    default_title = QT_TRANSLATE_NOOP(
        "Errors", "This token already has its own orders and drafts on this computer"
    )
    default_advice = QT_TRANSLATE_NOOP(
        "Errors",
        "The queued orders stay with the previous token and are not sent with this one. Sign "
        "in with the previous token to send them, or discard them in the Outbox window.",
    )


class AccountMismatch(ServiceError):
    default_title = QT_TRANSLATE_NOOP("Errors", "This token belongs to a different Spot account")
    default_advice = QT_TRANSLATE_NOOP(
        "Errors",
        "Orders queued for the other account stay queued and are never sent with this token. "
        "An administrator can switch accounts from Settings.",
    )


def account_identity(environment: Environment, token: str) -> str:
    """A stable, one-way id for the account behind ``token`` on ``environment`` (20 hex)."""
    secret = "" if environment.kind == "sandbox" else token.strip()  # one built-in account
    digest = hashlib.sha256(
        _DOMAIN + environment.key.encode("utf-8") + b"\x00" + secret.encode("utf-8")
    )
    return digest.hexdigest()[:20]


def account_folder(data_dir: Path, environment: Environment, token: str) -> Path:
    """The folder that holds this account's cache, outbox and drafts."""
    readable = _UNSAFE.sub("-", environment.kind.lower()).strip("-") or "env"
    return data_dir / "accounts" / f"{readable}-{account_identity(environment, token)}"


def legacy_folder(data_dir: Path, environment: Environment) -> Path:
    """Where app versions before accounts kept ``environment``'s data (one per environment)."""
    readable = _UNSAFE.sub("-", environment.kind.lower()).strip("-") or "env"
    digest = hashlib.sha256(environment.key.encode("utf-8")).hexdigest()[:10]
    return data_dir / "environments" / f"{readable}-{digest}"


def adopt_legacy_folder(data_dir: Path, environment: Environment, folder: Path) -> bool:
    """Move ``environment``'s folder from before accounts to ``folder`` (the account's), once:
    only while the account has no folder yet. True when it moved. Call before opening any
    file in either folder."""
    legacy = legacy_folder(data_dir, environment)
    if folder.exists() or not legacy.is_dir():
        return False
    folder.parent.mkdir(parents=True, exist_ok=True)
    legacy.rename(folder)
    return True


def folder_identity(folder: Path) -> str | None:
    """The account a data folder belongs to (None: never stamped)."""
    try:
        with open(folder / ACCOUNT_ID_FILE, "rb") as handle:
            text = handle.read().decode("ascii", "replace").strip()
    except FileNotFoundError:
        return None
    return text if _IDENTITY.match(text) else None


def bind_folder(folder: Path, identity: str) -> None:
    """Stamp ``folder`` with ``identity`` if it has none; `AccountMismatch` if it has another."""
    current = folder_identity(folder)
    if current is None:
        rebind_folder(folder, identity)
    elif current != identity:
        raise AccountMismatch(debug="AccountMismatch")


def rebind_folder(folder: Path, identity: str) -> None:
    """Hand ``folder`` (and its queued orders) to ``identity``: only after an administrator
    confirmed the new token is the same Spot account (a rotated key)."""
    if not _IDENTITY.match(identity):
        raise ValueError("not an account identity")
    path = folder / ACCOUNT_ID_FILE
    create_private_file(path)
    with open(path, "wb") as handle:
        handle.write(identity.encode("ascii") + b"\n")


def check_token_for_folder(folder: Path, environment: Environment, token: str) -> None:
    """Raise `AccountMismatch` unless ``token`` is the account ``folder`` belongs to. Call it
    before giving a folder's outbox a client (e.g. `Session.reauthenticate`)."""
    current = folder_identity(folder)
    if current is not None and current != account_identity(environment, token):
        raise AccountMismatch(debug="AccountMismatch")


def carry_over(folder: Path, environment: Environment, token: str) -> Path:
    """A new key for the same Spot account (an administrator said so): the account's folder,
    queued orders included, moves to the new token's place and is stamped with its identity.
    `AccountFolderTaken` when the new token already has a folder here (nothing is merged).
    Call with every file in ``folder`` closed."""
    target = account_folder(folder.parent.parent, environment, token)
    if target == folder:
        return folder
    if target.exists():
        raise AccountFolderTaken(debug="AccountFolderTaken")
    folder.rename(target)
    rebind_folder(target, account_identity(environment, token))
    return target


@dataclass(frozen=True)
class SwitchPlan:
    """What switching from one token to another means for the queued orders."""

    same_account: bool
    queued: int  # orders the current account still has to send

    @property
    def must_ask(self) -> bool:
        """Ask before switching: the queued orders will wait for the old account's token."""
        return not self.same_account and self.queued > 0


def plan_switch(
    environment: Environment, current_token: str, new_environment: Environment,
    new_token: str, queued: int,
) -> SwitchPlan:
    same = account_identity(environment, current_token) == account_identity(
        new_environment, new_token
    )
    return SwitchPlan(same, queued)
