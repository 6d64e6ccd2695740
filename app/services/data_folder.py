"""Is this data folder safe for patient data? Private to the user, on a local disk.

- **Private.** On POSIX the folders are chmod 0700 and checked afterwards (a FAT or SMB mount
  ignores chmod: such a folder is refused). On Windows ``chmod`` does nothing: under
  ``%LOCALAPPDATA%`` (the default) the inherited ACL already limits the folder to the user,
  SYSTEM and administrators; anywhere else (``SPOT_FRONT_DESK_HOME``) the folder gets an
  owner-only, protected ACL through ``icacls``, and is refused if that fails.
- **Local.** SQLite's WAL mode needs shared memory that a network drive cannot provide: a
  UNC path (``\\\\server\\share``) or a mapped network drive is refused with a clear message.
- **Persistent.** On a non-persistent desktop (VDI, "mandatory" roaming profiles) the local
  profile is thrown away at sign-out: ``profile_is_temporary`` lets the UI warn at quit when
  orders are still queued.

Everything Windows-specific goes through injectable functions, so the decisions run in tests
on any OS.
"""

from __future__ import annotations

import getpass
import logging
import os
import stat
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath

from app.marks import QT_TRANSLATE_NOOP
from app.services.errors import ServiceError

__all__ = [
    "DataFolderRefused",
    "WindowsFacts",
    "is_network_path",
    "profile_is_temporary",
    "secure_folders",
]

log = logging.getLogger(__name__)

DRIVE_REMOTE = 4  # GetDriveTypeW
# Set by Citrix/VMware Horizon/Windows for throw-away sessions; any of them means "temporary".
_TEMPORARY_PROFILE_MARKERS = ("SPOT_FRONT_DESK_TEMPORARY_PROFILE",)


class DataFolderRefused(ServiceError):
    default_title = QT_TRANSLATE_NOOP("Errors", "This data folder can't hold patient data")
    default_advice = QT_TRANSLATE_NOOP(
        "Errors",
        "Ask IT to point SPOT_FRONT_DESK_HOME to a folder on this computer's own disk that "
        "only you can read, or remove the setting to use the standard folder.",
    )


class NetworkFolderRefused(DataFolderRefused):
    default_title = QT_TRANSLATE_NOOP(
        "Errors", "The data folder is on a network drive, which the app can't use safely"
    )


class SharedFolderRefused(DataFolderRefused):
    default_title = QT_TRANSLATE_NOOP(
        "Errors", "The data folder can be read by other users of this computer"
    )


def _get_drive_type(root: str) -> int:
    import ctypes

    windll = ctypes.windll  # type: ignore[attr-defined,unused-ignore]
    return int(windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)))


def _run_quietly(command: Sequence[str]) -> int:
    """Run ``command`` without a console window flashing up; its exit code."""
    import subprocess  # Windows only, and not at start-up

    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)
    try:
        done = subprocess.run(
            list(command), capture_output=True, timeout=30, check=False, creationflags=flags
        )
    except (OSError, subprocess.SubprocessError):
        return -1
    return done.returncode


@dataclass
class WindowsFacts:
    """What only Windows can answer; replaced by fakes in tests."""

    is_windows: bool = os.name == "nt"
    environ: Mapping[str, str] = field(default_factory=lambda: os.environ)
    drive_type: Callable[[str], int] = _get_drive_type
    run: Callable[[Sequence[str]], int] = _run_quietly
    user: Callable[[], str] = getpass.getuser


def is_network_path(path: Path | str, facts: WindowsFacts | None = None) -> bool:
    """True for a UNC path (``\\\\server\\share\\…``) or, on Windows, a mapped network drive."""
    facts = facts or WindowsFacts()
    text = str(path)
    if not (facts.is_windows or text.startswith("\\\\")):
        return False
    win = PureWindowsPath(text)
    if text.startswith(("\\\\?\\", "\\\\.\\")):  # long-path / device prefix
        rest = text[4:]
        if rest[:4].upper() == "UNC\\":
            return True
        win = PureWindowsPath(rest)
    elif text.startswith("\\\\"):
        return True
    if not facts.is_windows or not win.drive:
        return False
    try:
        return facts.drive_type(win.drive + "\\") == DRIVE_REMOTE
    except (OSError, AttributeError):  # no answer: let SQLite try
        return False


def _under_local_appdata(folder: Path, facts: WindowsFacts) -> bool:
    base = facts.environ.get("LOCALAPPDATA")
    if not base:
        return False
    return PureWindowsPath(str(folder)).is_relative_to(PureWindowsPath(base))


def _protect_windows(folder: Path, facts: WindowsFacts) -> None:
    domain = facts.environ.get("USERDOMAIN")
    user = facts.user()
    account = f"{domain}\\{user}" if domain else user
    # /inheritance:r drops what the parent grants (e.g. Users:Read on D:\); the one explicit
    # ACE gives the user full control over the folder and everything created inside it.
    command = ["icacls", str(folder), "/inheritance:r", "/grant:r", f"{account}:(OI)(CI)F"]
    if facts.run(command) != 0:
        raise SharedFolderRefused(debug="icacls could not make the data folder owner-only")
    log.info("data folder set to owner-only access")


def _protect_posix(folder: Path) -> None:
    os.chmod(folder, 0o700)
    if stat.S_IMODE(folder.stat().st_mode) & 0o077:
        # FAT, exFAT or a network mount that ignores chmod: anyone may read what lands here.
        raise SharedFolderRefused(debug="chmod 0700 did not take effect on the data folder")


def secure_folders(folders: Iterable[Path], facts: WindowsFacts | None = None) -> None:
    """Create each folder if missing and make it private to the user; raise if impossible.

    Raises ``NetworkFolderRefused`` for a folder on a network drive and ``SharedFolderRefused``
    for one other users could read.
    """
    facts = facts or WindowsFacts()
    for folder in folders:
        if is_network_path(folder, facts):
            raise NetworkFolderRefused(debug="data folder on a network drive")
        folder.mkdir(parents=True, exist_ok=True)
        if not facts.is_windows:
            _protect_posix(folder)
        elif not _under_local_appdata(folder, facts):
            _protect_windows(folder, facts)


def profile_is_temporary(facts: WindowsFacts | None = None) -> bool:
    """True when this sign-in's local files are likely discarded at sign-out (VDI, kiosk).

    Windows: a temporary or mandatory profile (``USERPROFILE`` under ``\\Users\\TEMP``, or
    ``TEMP*``), or the app's own ``SPOT_FRONT_DESK_TEMPORARY_PROFILE=1`` that IT can set on
    pooled desktops. Elsewhere only the app's own variable counts.
    """
    facts = facts or WindowsFacts()
    if any(facts.environ.get(name, "") not in ("", "0") for name in _TEMPORARY_PROFILE_MARKERS):
        return True
    if not facts.is_windows:
        return False
    profile = facts.environ.get("USERPROFILE", "")
    return PureWindowsPath(profile).name.upper().startswith("TEMP") if profile else False


def queued_orders_warning(
    counts: tuple[int, int], facts: WindowsFacts | None = None
) -> ServiceError | None:
    """What to tell the user at quit when unsent orders would be lost with this profile.

    ``counts`` is ``Outbox.counts()`` (waiting, needing attention). ``None`` when quitting is
    safe: nothing unsent, or the profile survives sign-out (the outbox sends at next start).
    """
    waiting, attention = counts
    if waiting + attention == 0 or not profile_is_temporary(facts):
        return None
    return ServiceError(
        QT_TRANSLATE_NOOP("Errors", "Some orders haven't reached Spot yet"),
        QT_TRANSLATE_NOOP(
            "Errors",
            "This computer forgets its files when you sign out, so they would be lost. "
            "Stay signed in until the outbox is empty, or note the patients and order again "
            "from another computer.",
        ),
        debug=f"quit with {waiting} waiting, {attention} needing attention on a temporary "
        "profile",
    )
