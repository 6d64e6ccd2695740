"""One copy per data folder: a second launch shows the first window instead of racing it."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from app.instance import LOCK_NAME, SingleInstance, server_name


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    return data


@pytest.fixture
def running(qtbot: QtBot, folder: Path) -> Iterator[SingleInstance]:
    first = SingleInstance(folder)
    assert first.acquire()
    yield first
    first.release()


def test_a_second_copy_cannot_take_the_folder_and_activates_the_first(
    qtbot: QtBot, folder: Path, running: SingleInstance
) -> None:
    second = SingleInstance(folder)
    assert not second.acquire()
    with qtbot.waitSignal(running.activation_requested, timeout=5000):
        assert second.activate_running()


def test_the_folder_is_free_again_once_the_first_copy_releases_it(
    folder: Path, running: SingleInstance
) -> None:
    running.release()
    second = SingleInstance(folder)
    assert second.acquire()
    second.release()


def test_a_copy_that_is_quitting_does_not_answer(
    qtbot: QtBot, folder: Path, running: SingleInstance
) -> None:
    running.stop_answering()
    second = SingleInstance(folder)
    assert not second.activate_running()
    assert not second.acquire()  # still held until the quitting copy exits


def test_a_lock_left_by_a_crashed_copy_does_not_lock_the_user_out(folder: Path) -> None:
    code = (
        "import os, sys; from PySide6.QtCore import QLockFile; "
        "lock = QLockFile(sys.argv[1]); assert lock.tryLock(0); os._exit(0)"
    )
    subprocess.run([sys.executable, "-c", code, str(folder / LOCK_NAME)], check=True,
                   timeout=60)
    assert (folder / LOCK_NAME).exists()  # the dead process never unlocked
    survivor = SingleInstance(folder)
    assert survivor.acquire()
    survivor.release()


def test_waiting_for_a_quitting_copy_shows_a_message_then_takes_the_folder(
    qtbot: QtBot, folder: Path, running: SingleInstance
) -> None:
    running.stop_answering()
    seen: list[str] = []

    def look() -> None:
        seen.extend(w.labelText() for w in QApplication.topLevelWidgets()
                    if isinstance(w, QProgressDialog) and w.isVisible())

    QTimer.singleShot(300, look)
    QTimer.singleShot(600, running.release)  # the old copy finishes quitting
    second = SingleInstance(folder)
    assert second.wait_for_running_to_exit(10_000)
    assert seen == ["Waiting for Spot Front Desk to finish closing…"]
    second.release()


def test_waiting_can_be_cancelled(qtbot: QtBot, folder: Path, running: SingleInstance) -> None:
    running.stop_answering()

    def cancel() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.isVisible():
                button = widget.findChild(QPushButton)
                assert button is not None
                assert button.text() == "Cancel"
                qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(300, cancel)
    started = time.monotonic()
    assert not SingleInstance(folder).wait_for_running_to_exit(20_000)
    assert time.monotonic() - started < 10  # stopped by Cancel, not by the time limit


def test_a_data_folder_too_deep_for_a_socket_path_still_works(
    qtbot: QtBot, tmp_path: Path
) -> None:
    deep = tmp_path.joinpath(*["a-rather-long-folder-name"] * 5)
    deep.mkdir(parents=True)
    assert len(os.fsencode(deep / "instance.sock")) > 104
    assert not server_name(deep).startswith("/")
    first = SingleInstance(deep)
    assert first.acquire()
    try:
        with qtbot.waitSignal(first.activation_requested, timeout=5000):
            assert SingleInstance(deep).activate_running()
    finally:
        first.release()


def test_launching_the_app_twice_brings_the_first_window_forward(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = dict(os.environ, SPOT_FRONT_DESK_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    command = [sys.executable, "-m", "app", "--sandbox", "--sandbox-seed", "5"]
    log = home / "logs" / "frontdesk.log"
    first = subprocess.Popen(command, env=dict(env, SPOT_FRONT_DESK_QUIT_AFTER_MS="20000"),
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not (log.exists() and "session opened" in log.read_text()):
            assert first.poll() is None, "the first copy exited early"
            assert time.monotonic() < deadline, "the first copy never opened its session"
            time.sleep(0.1)
        second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60,
                                check=False)
        assert second.returncode == 0
        assert "already running" in second.stdout
        deadline = time.monotonic() + 10
        while "asked this window to come forward" not in log.read_text():
            assert time.monotonic() < deadline, "the first window was not asked to show"
            time.sleep(0.1)
        assert first.poll() is None  # the first copy carries on
        assert log.read_text().count("starting") == 1  # the second never started its own
    finally:
        first.terminate()
        first.wait(60)


def test_windows_pipe_names_differ_per_remote_desktop_session(folder: Path) -> None:
    first = server_name(folder, windows=True, session_id=lambda: 1)
    again = server_name(folder, windows=True, session_id=lambda: 1)
    other_session = server_name(folder, windows=True, session_id=lambda: 2)
    assert first == again
    assert first != other_session
    assert not first.startswith(("/", "\\\\"))  # a bare name: Qt makes it \\.\pipe\<name>


def test_session_id_failure_still_gives_a_name(folder: Path) -> None:
    def no_session() -> int:
        raise OSError("ProcessIdToSessionId failed")

    assert server_name(folder, windows=True, session_id=no_session).startswith("spot-front-desk-")


def test_relaunch_grants_the_foreground_before_asking(
    qtbot: QtBot, folder: Path, running: SingleInstance, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    monkeypatch.setattr("app.instance.allow_foreground_transfer", lambda: events.append("allow"))
    running.activation_requested.connect(lambda: events.append("activate"))
    with qtbot.waitSignal(running.activation_requested, timeout=5000):
        assert SingleInstance(folder).activate_running()
    assert events == ["allow", "activate"]
