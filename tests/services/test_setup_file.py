"""The clinic setup file: stable bytes, no secrets, plain errors, machine-wide locations."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from app.services.setup_file import (
    ClinicSetup,
    SetupFileError,
    changes,
    dumps,
    loads,
    machine_setup_paths,
    read_setup,
    write_setup,
)

SETUP = ClinicSetup(
    environment_kind="custom",
    custom_url="https://spot.example.test",
    kit_types={"clinic_kit_7": "Finger-prick kit", "saliva_2": "Saliva kit"},
    refresh_seconds=90,
    sections={"clinic": {"name": "Maple Street Clinic", "phone": "555-010-0000"}},
)


def test_the_same_setup_always_gives_the_same_bytes_and_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "setup.json"
    write_setup(path, SETUP)
    assert path.read_bytes() == dumps(SETUP)
    assert read_setup(path) == SETUP
    assert dumps(read_setup(path)) == dumps(SETUP)


def test_secrets_and_patient_data_never_go_out_and_are_ignored_coming_in() -> None:
    leaky = ClinicSetup(sections={
        "lock": {"minutes": "5", "pin": "1234", "pin_hash": "abc"},
        "clinic": {"name": "Maple", "api_token": "tok_live_secret"},
        "printing": {"last_patient": "Ada Fakename"},
    })
    text = dumps(leaky).decode("utf-8")
    for secret in ("1234", "abc", "tok_live_secret", "Ada Fakename", "pin", "token"):
        assert secret not in text
    assert json.loads(text)["sections"]["lock"] == {"minutes": "5"}
    document = json.loads(dumps(SETUP))
    document["sections"]["lock"] = {"PIN": "9999", "minutes": "3"}
    document["token"] = "tok_should_not_matter"
    read = loads(json.dumps(document).encode())
    assert read.sections["lock"] == {"minutes": "3"}


@pytest.mark.parametrize(
    "data",
    [b"", b"not json", b"[]", b'{"format": "something-else"}',
     b'{"format": "spot-front-desk-setup", "version": 1, "environment": {"kind": "moon"}}',
     b'{"format": "spot-front-desk-setup", "version": 1, "environment": {"kind": "custom"}}'],
)
def test_anything_else_is_refused_in_plain_words(data: bytes) -> None:
    with pytest.raises(SetupFileError) as caught:
        loads(data)
    assert caught.value.title == "This isn't a setup file this app can read"


def test_a_newer_version_says_to_update_the_app() -> None:
    document = json.loads(dumps(SETUP))
    document["version"] = 99
    with pytest.raises(SetupFileError, match="newer version"):
        loads(json.dumps(document).encode())


def test_changes_list_what_an_import_would_change() -> None:
    here = ClinicSetup(kit_types={"clinic_kit_7": "Kit 7"}, refresh_seconds=60)
    found = {change.what: change for change in changes(here, SETUP)}
    assert set(found) == {"environment", "kit_types", "refresh_seconds", "section:clinic"}
    assert found["environment"].old == "production"
    assert found["environment"].new == "custom: https://spot.example.test"
    assert changes(SETUP, SETUP) == []


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="the XDG locations")
def test_machine_wide_files_follow_xdg_config_dirs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_CONFIG_DIRS", raising=False)
    assert machine_setup_paths() == [Path("/etc/xdg/spot-front-desk/setup.json")]
    monkeypatch.setenv("XDG_CONFIG_DIRS", "/opt/a:/opt/b")
    assert machine_setup_paths() == [Path("/opt/a/spot-front-desk/setup.json"),
                                     Path("/opt/b/spot-front-desk/setup.json")]


def test_windows_uses_programdata(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("PROGRAMDATA", r"D:\ProgramData")
    assert machine_setup_paths() == [Path(r"D:\ProgramData") / "Spot Front Desk" / "setup.json"]
