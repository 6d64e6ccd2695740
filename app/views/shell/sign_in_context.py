"""What signing in needs, apart from the dialog (so the window can be built before it loads)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.services.credentials import CredentialStore
    from app.services.environments import ConnectionCheck, Environment

__all__ = ["SignInContext"]


@dataclass
class SignInContext:
    """What signing in needs; app/compose.py builds it. Every callable blocks (run via the
    runner).

    ``check_connection(environment, token)`` makes one cheap authenticated request;
    ``start_sandbox()`` starts (or returns) the built-in sandbox as (environment, token),
    or is None where no sandbox can run.
    """

    credentials: CredentialStore
    check_connection: Callable[[Environment, str], ConnectionCheck]
    start_sandbox: Callable[[], tuple[Environment, str]] | None = None
