"""Data folder checks: private on every OS, never on a network drive, VDI quit warning.

Windows is simulated through ``WindowsFacts`` (drive types, the icacls runner, environment).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path

import pytest

from app.services.data_folder import (
    DRIVE_REMOTE,
    NetworkFolderRefused,
    SharedFolderRefused,
    WindowsFacts,
    is_network_path,
    profile_is_temporary,
    queued_orders_warning,
    secure_folders,
)
from tests.helpers.windows import posix_modes

DRIVE_FIXED = 3


def _windows(
    *, drives: dict[str, int] | None = None, icacls_code: int = 0,
    environ: dict[str, str] | None = None,
) -> tuple[WindowsFacts, list[list[str]]]:
    commands: list[list[str]] = []

    def run(command: Sequence[str]) -> int:
        commands.append(list(command))
        return icacls_code

    facts = WindowsFacts(
        is_windows=True,
        environ=environ if environ is not None else {
            "LOCALAPPDATA": r"C:\Users\ana\AppData\Local", "USERDOMAIN": "CLINIC"},
        drive_type=lambda root: (drives or {}).get(root.upper(), DRIVE_FIXED),
        run=run,
        user=lambda: "ana",
    )
    return facts, commands


@pytest.mark.parametrize("path", [
    r"\\server\share\spot", r"\\?\UNC\server\share\spot", r"Z:\spot", "z:/spot/data",
])
def test_network_locations_are_recognised(path: str) -> None:
    facts, _ = _windows(drives={"Z:\\": DRIVE_REMOTE})
    assert is_network_path(path, facts)


@pytest.mark.parametrize("path", [r"C:\Users\ana\spot", r"\\?\C:\spot", r"D:\spot"])
def test_local_disks_are_not_network(path: str) -> None:
    facts, _ = _windows(drives={"Z:\\": DRIVE_REMOTE})
    assert not is_network_path(path, facts)


def test_network_drive_refused_with_a_clear_message() -> None:
    facts, commands = _windows(drives={"Z:\\": DRIVE_REMOTE})
    with pytest.raises(NetworkFolderRefused) as info:
        secure_folders([Path(r"Z:\spot\data")], facts)
    assert "network drive" in info.value.title
    assert "SPOT_FRONT_DESK_HOME" in info.value.advice
    assert commands == []


def test_posix_unc_string_is_refused_too(tmp_path: Path) -> None:
    with pytest.raises(NetworkFolderRefused):
        secure_folders([Path(r"\\server\share\spot")], WindowsFacts(is_windows=False))


def test_folder_under_local_appdata_keeps_its_inherited_acl(tmp_path: Path) -> None:
    local = tmp_path / "Local"
    facts, commands = _windows(environ={"LOCALAPPDATA": str(local)})
    secure_folders([local / "spot-front-desk"], facts)
    assert (local / "spot-front-desk").is_dir()
    assert commands == []


def test_folder_elsewhere_gets_an_owner_only_protected_acl(tmp_path: Path) -> None:
    facts, commands = _windows()
    folder = tmp_path / "portable" / "data"
    secure_folders([folder], facts)
    assert folder.is_dir()
    assert commands == [
        ["icacls", str(folder), "/inheritance:r", "/grant:r", r"CLINIC\ana:(OI)(CI)F"]
    ]


def test_folder_that_cannot_be_made_private_is_refused(tmp_path: Path) -> None:
    facts, _ = _windows(icacls_code=5)
    with pytest.raises(SharedFolderRefused) as info:
        secure_folders([tmp_path / "shared"], facts)
    assert "other users" in info.value.title


@posix_modes
def test_posix_folders_become_0700(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o755)
    secure_folders([folder], WindowsFacts(is_windows=False))
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


@posix_modes
def test_posix_folder_ignoring_chmod_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "fat"
    folder.mkdir(mode=0o755)
    monkeypatch.setattr(os, "chmod", lambda *_args, **_kw: None)  # what vfat/cifs mounts do
    with pytest.raises(SharedFolderRefused):
        secure_folders([folder], WindowsFacts(is_windows=False))


@pytest.mark.parametrize(("environ", "temporary"), [
    ({"USERPROFILE": r"C:\Users\TEMP"}, True),
    ({"USERPROFILE": r"C:\Users\TEMP.CLINIC.001"}, True),
    ({"USERPROFILE": r"C:\Users\ana"}, False),
    ({"USERPROFILE": r"C:\Users\ana", "SPOT_FRONT_DESK_TEMPORARY_PROFILE": "1"}, True),
    ({"SPOT_FRONT_DESK_TEMPORARY_PROFILE": "0"}, False),
])
def test_temporary_profiles(environ: dict[str, str], temporary: bool) -> None:
    facts, _ = _windows(environ=environ)
    assert profile_is_temporary(facts) is temporary


def test_quit_warning_only_when_orders_would_be_lost() -> None:
    vdi, _ = _windows(environ={"USERPROFILE": r"C:\Users\TEMP"})
    desk, _ = _windows(environ={"USERPROFILE": r"C:\Users\ana"})
    assert queued_orders_warning((0, 0), vdi) is None
    assert queued_orders_warning((2, 0), desk) is None
    warning = queued_orders_warning((2, 1), vdi)
    assert warning is not None
    assert "haven't reached Spot" in warning.title
    assert "sign out" in warning.advice
