"""Opening and closing in a blink (issue 17): what the desk sees before the network answers,
and what a quit leaves behind. The timings themselves are in tests/benchmarks/startup.py."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from pytestqt.qtbot import QtBot

from app.paths import paths
from app.sandbox import SandboxServer
from app.services.environments import Environment
from app.services.outbox import Outbox, OutboxItem
from app.services.session import Session
from app.services.sync import SyncService
from tests.helpers.main_window import SEEDED, WAIT_MS, MakeWindow, fake_order

ROOT = Path(__file__).resolve().parents[2]

@pytest.fixture
def stuck_network() -> Iterator[threading.Event]:
    """Set it to let requests that wait on it go on (done at the end of the test)."""
    release = threading.Event()
    yield release
    release.set()


def test_the_cached_list_and_its_last_sync_show_while_the_first_refresh_waits(
    qtbot: QtBot, seeded: SandboxServer, make_window: MakeWindow,
    stuck_network: threading.Event, monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Yesterday's run: signed in to the sandbox, one refresh, closed.
    first = make_window()
    first.show()
    first.start("sandbox")
    qtbot.waitUntil(lambda: first.order_count() == SEEDED, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not first.refresh_in_progress(), timeout=WAIT_MS)
    first.close()

    # Today: Spot does not answer (yet).
    original = SyncService.refresh

    def stuck_refresh(self: SyncService, *, full: bool = False) -> object:
        stuck_network.wait()
        return original(self, full=full)

    monkeypatch.setattr(SyncService, "refresh", stuck_refresh)
    window = make_window()
    window.show()
    window.start("sandbox")

    qtbot.waitUntil(lambda: window.order_count() == SEEDED, timeout=WAIT_MS)
    assert window.refresh_in_progress()  # the rows came from the cache, not from Spot
    assert "Last sync" in window.sync_label.text()
    assert "Not synced yet" not in window.sync_label.text()


def test_a_post_in_flight_at_quit_is_left_for_the_next_start_to_look_up(
    seeded: SandboxServer, stuck_network: threading.Event
) -> None:
    # Spot takes the order but its answer never comes back before the desk quits.
    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            stuck_network.wait()
        return httpx.Response(503)

    sending = threading.Event()
    session = Session.open(
        Environment.sandbox(seeded.base_url), seeded.token, paths(),
        transport=httpx.MockTransport(handler),
    )

    def on_change(item: OutboxItem) -> None:
        if item.state == "sending":
            sending.set()

    session.outbox.subscribe(on_change)
    session.outbox.submit(fake_order("Quitty"))
    assert sending.wait(10)

    session.close(sender_wait_s=0)  # returns although the POST has not answered
    assert not stuck_network.is_set()

    assert session.folder is not None
    reopened = Outbox(session.folder / "outbox.sqlite3", key=session.data_key)  # next start
    try:
        (item,) = reopened.items()
        # Not forgotten, not sent again blindly: looked up at Spot before any new POST.
        assert item.state == "queued"
        assert item.unconfirmed
    finally:
        reopened.close()


def test_the_main_window_is_built_before_the_network_and_report_libraries_load() -> None:
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from app.compose import EmbeddedSandbox, build_main_window, make_application\n"
        "from app.tasks import TaskRunner\n"
        "app = make_application()\n"
        "sandbox = EmbeddedSandbox(Path('unused'), speed=0, seed_orders=0)\n"
        "window = build_main_window(TaskRunner(), sandbox)\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120,
        check=True,
    )
    loaded = set(result.stdout.split())
    assert "app.views.shell.main_window" in loaded
    late = {"httpx", "pydantic", "keyring", "fpdf", "app.sandbox", "app.services.session",
            "app.views.requisitions.view", "app.views.reports.report_viewer",
            "app.views.kit_panel.panel", "PySide6.QtPdf"}
    assert loaded & late == set()


# Run as the app is launched; at the first window's first expose, print which window it is
# and every module loaded so far, then end at once.
_FIRST_FRAME_SCRIPT = """
import os, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication

class FirstFrame(QObject):
    def eventFilter(self, watched, event):
        if (event.type() == QEvent.Type.Expose and isinstance(watched, QWindow)
                and watched.isExposed()):
            shown = [w.objectName() for w in QApplication.topLevelWidgets()
                     if w.windowHandle() is watched]
            print(" ".join(shown))
            print(" ".join(sorted(sys.modules)), flush=True)
            os._exit(0)
        return False

first_frame = FirstFrame()
original_init = QApplication.__init__

def watched_init(self, *args):
    original_init(self, *args)
    self.installEventFilter(first_frame)

QApplication.__init__ = watched_init
from app.main import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("arguments", [["--sandbox"], []], ids=["sandbox", "production"])
def test_the_lock_screen_is_the_first_window_and_nothing_heavy_loads_before_it(
    tmp_path: Path, arguments: list[str]
) -> None:
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    (home / "config" / "settings.ini").write_text(
        "[session]\nenvironment=custom\ncustom_url=https://spot.example.test/\n",
        encoding="utf-8",
    )
    env = dict(os.environ, SPOT_FRONT_DESK_HOME=str(home), QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-c", _FIRST_FRAME_SCRIPT, *arguments], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    shown, modules = result.stdout.splitlines()[-2:]
    assert shown == "lockScreen"  # "Who's working?" counts as the start (issue 17)
    loaded = set(modules.split())
    assert "app.views.staff.lock_screen" in loaded
    # The sign-in chain, the network, the password store, the sandbox, report libraries and
    # the main window itself (built behind the lock once this frame is up) all load later.
    late = {"httpx", "pydantic", "keyring", "fpdf", "barcode", "segno", "PySide6.QtPdf",
            "importlib.metadata", "app.api.models", "app.services.environments",
            "app.services.session", "app.services.credentials", "app.sandbox",
            "app.views.shell.sign_in", "app.views.shell.main_window",
            "app.views.settings.setup_io"}
    assert loaded & late == set()


def test_the_first_frame_stamp_times_a_start_no_probe_can_enter(tmp_path: Path) -> None:
    """The startup benchmark times the PyInstaller bundle by this line: asked for, the app
    prints when its first window's first frame is up, as a time on the shared monotonic
    clock after the spawn."""
    env = dict(os.environ, SPOT_FRONT_DESK_HOME=str(tmp_path / "home"),
               QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               SPOT_FRONT_DESK_FIRST_FRAME_STAMP="1")
    spawned = time.monotonic()
    process = subprocess.Popen([sys.executable, "-m", "app", "--sandbox"], cwd=ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    killer = threading.Timer(120, process.kill)
    killer.start()
    try:
        assert process.stdout is not None
        stamps = []
        for line in process.stdout:  # the app runs on: read up to the stamp
            if line.startswith("first-frame "):
                stamps.append(line)
                break
    finally:
        killer.cancel()
        process.kill()
        process.wait()
    assert len(stamps) == 1
    assert spawned < float(stamps[0].split()[1]) < time.monotonic()
