"""`--export-setup` / `--import-setup` for IT: one desk's setup onto a fresh one, unchanged."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest

from app.main import main
from app.services.credentials import CredentialStore
from app.views.common.app_settings import AppSettings
from tests.helpers.keyring import MemoryKeyring

TOKEN = "tok_live_0123456789abcdef"


def set_up_first_desk() -> None:
    settings = AppSettings()
    settings.environment_kind = "custom"
    settings.custom_url = "https://spot.example.test"
    settings.kit_catalog = {"clinic_kit_7": "Finger-prick kit", "saliva_2": "Saliva kit"}
    settings.refresh_seconds = 45
    settings.set_shared_section("clinic", {"name": "Maple Street Clinic", "phone": "555-0100"})
    settings.set_shared_section("lock", {"minutes": 5, "pin": "2468"})
    settings.sync()


def test_export_import_on_a_fresh_desk_then_export_again_gives_the_same_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    backend = MemoryKeyring()
    monkeypatch.setattr(keyring, "get_keyring", lambda: backend)
    monkeypatch.setenv("SPOT_FRONT_DESK_HOME", str(tmp_path / "desk-1"))
    set_up_first_desk()
    CredentialStore(keyring_backend=backend).save("custom:https://spot.example.test", TOKEN)
    first = tmp_path / "clinic-setup.json"
    assert main(["--export-setup", str(first)]) == 0
    data = first.read_bytes()
    assert TOKEN.encode() not in data
    assert b"2468" not in data
    assert b"pin" not in data.lower()
    assert b"Finger-prick kit" in data

    monkeypatch.setenv("SPOT_FRONT_DESK_HOME", str(tmp_path / "desk-2"))  # a fresh data folder
    assert main(["--import-setup", str(first), "--yes"]) == 0
    out = capsys.readouterr().out
    assert "Kit types: — → clinic_kit_7: Finger-prick kit, saliva_2: Saliva kit" in out
    assert "Environment: production → custom: https://spot.example.test" in out
    again = tmp_path / "again.json"
    assert main(["--export-setup", str(again)]) == 0
    assert again.read_bytes() == data
    assert AppSettings().environment_key == "custom:https://spot.example.test"


def test_import_without_yes_and_without_a_terminal_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SPOT_FRONT_DESK_HOME", str(tmp_path / "desk-1"))
    set_up_first_desk()
    exported = tmp_path / "setup.json"
    assert main(["--export-setup", str(exported)]) == 0
    monkeypatch.setenv("SPOT_FRONT_DESK_HOME", str(tmp_path / "desk-2"))
    monkeypatch.setattr("sys.stdin", None)
    assert main(["--import-setup", str(exported)]) == 2
    assert AppSettings().environment_kind == "production"


def test_a_broken_file_is_refused_with_an_exit_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_bytes(b"{not json")
    assert main(["--import-setup", str(broken), "--yes"]) == 1
    assert "isn't a setup file" in capsys.readouterr().err


def test_the_machine_wide_setup_file_is_applied_at_first_start_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.paths import paths
    from app.views.settings.setup_io import apply_machine_setup_at_first_start

    monkeypatch.setenv("SPOT_FRONT_DESK_HOME", str(tmp_path / "it"))
    set_up_first_desk()
    machine = tmp_path / "etc-xdg"
    (machine / "spot-front-desk").mkdir(parents=True)
    assert main(["--export-setup", str(machine / "spot-front-desk" / "setup.json")]) == 0
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(machine))
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("SPOT_FRONT_DESK_HOME", str(tmp_path / "new-desk"))
    settings_file = paths().config / "settings.ini"
    assert apply_machine_setup_at_first_start(settings_file) is not None
    assert AppSettings().kit_catalog["clinic_kit_7"] == "Finger-prick kit"
    changed = AppSettings()
    changed.refresh_seconds = 300
    changed.sync()
    assert apply_machine_setup_at_first_start(settings_file) is None  # not the first start
    assert AppSettings().refresh_seconds == 300
