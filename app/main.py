"""Composition root: parse arguments, build the client, services and views; nothing else."""

from __future__ import annotations

import argparse
import contextlib
import gc
import logging
import os
import sys
import threading
import traceback
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from app import APP_NAME
from app.compose import DEFAULT_SEED, DEFAULT_SPEED

if TYPE_CHECKING:
    from app.views.shell.main_window import MainWindow

log = logging.getLogger("app.main")

# Sync and report workers are Python threads: hand the GIL back to the GUI thread more often
# than the default 5 ms so a busy worker never shows as a stutter (benchmarked in
# tests/benchmarks/order_list_100k.py).
GIL_SWITCH_INTERVAL_S = 0.001
# A relaunch while the previous copy is still quitting waits this long for it (quitting takes
# well under a second, even with a POST in flight; see MainWindow.shutdown).
QUIT_WAIT_MS = 30_000
# At quit, running workers (a refresh waiting on the network) get this long to finish.
QUIT_WORKERS_WAIT_MS = 100
FIRST_PAINT_WAIT_MS = 1000
REPORT_FLAG = "--report"
# Set: the first window's first frame prints "first-frame <time.monotonic()>" (the startup
# benchmark times the PyInstaller bundle by it: a frozen app can't take its probe).
FIRST_FRAME_STAMP_ENV = "SPOT_FRONT_DESK_FIRST_FRAME_STAMP"
EXIT_REPORT_UNWRITABLE = 3


def freeze_startup_heap() -> None:
    """Move everything alive after start-up (modules, Qt wrappers) out of the collector's way.

    A full (generation 2) collection walks every tracked object while holding the GIL; with
    the import-time heap in it, one took ~100–180 ms in the 10,000-order sync benchmark and
    showed as a GUI stall. Frozen objects are still freed by reference counting. No
    collection first: at this point one found ~190 unreachable objects out of ~49,000 and
    took 20–110 ms, a stall of the lock screen for nothing (tests/benchmarks/startup.py).
    """
    gc.freeze()


class _PrintVersion(argparse.Action):
    """``--version``: the installed version, looked up only when asked (it costs a start
    ~25 ms otherwise)."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS,
                 help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        from app import __version__

        print(f"{APP_NAME} {__version__}")
        parser.exit()


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="spot-front-desk", description=APP_NAME)
    parser.add_argument("--version", action=_PrintVersion,
                        help="show the program's version number and exit")
    parser.add_argument(
        "--sandbox", action="store_true", help="start the built-in sandbox and use it"
    )
    parser.add_argument(
        "--sandbox-speed", type=float, default=DEFAULT_SPEED, metavar="N",
        help=f"sandbox clock speed, sandbox seconds per real second (default {DEFAULT_SPEED:g})",
    )
    parser.add_argument(
        "--sandbox-seed", type=int, default=DEFAULT_SEED, metavar="N",
        help=f"orders to seed the sandbox with on its first run (default {DEFAULT_SEED})",
    )
    parser.add_argument(
        "--self-test", action="store_true",
        help="start headless on a fresh embedded sandbox, place an order, open a report, exit",
    )
    parser.add_argument(
        "--log-level", default="INFO", type=str.upper,
        choices=["DEBUG", "INFO", "WARNING", "ERROR"],
        help="how much goes to the log file (default INFO; never patient data at any level)",
    )
    parser.add_argument(
        REPORT_FLAG, metavar="FILE",
        help="write what the app prints (--version, --self-test, --diagnostics, --export-setup, "
        "--import-setup) to FILE: on Windows the app "
        "has no console",
    )
    parser.add_argument(
        "--diagnostics", action="store_true",
        help="print what support needs (versions, environment kind, outbox counts, recent "
        "error types); never patient data or the token",
    )
    setup = parser.add_argument_group("clinic setup (for IT)")
    setup.add_argument(
        "--export-setup", type=Path, metavar="FILE",
        help="write this computer's clinic setup to FILE (never a token, PIN or patient data)",
    )
    setup.add_argument(
        "--import-setup", type=Path, metavar="FILE",
        help="show what FILE changes, ask, then apply it (the token is not part of it)",
    )
    setup.add_argument(
        "--yes", action="store_true",
        help="with --import-setup or --forget-workstation: go ahead without asking",
    )
    setup.add_argument(
        "--forget-workstation", action="store_true",
        help="remove this computer's patient data: the data, cache and log folders, the "
        "encryption key and API tokens in the password store (asks first; see --yes)",
    )
    parser.add_argument(
        "--verify-audit", action="store_true",
        help="check the audit trail's hash chain in the data folder; exit 0 intact, 1 broken",
    )
    return parser.parse_args(argv)


def report_path(argv: Sequence[str]) -> str | None:
    """The FILE of ``--report FILE`` / ``--report=FILE``, read before argparse prints anything."""
    for index, arg in enumerate(argv):
        if arg == REPORT_FLAG and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith(REPORT_FLAG + "="):
            return arg.split("=", 1)[1]
    return None


@contextlib.contextmanager
def output_to(path: str) -> Iterator[None]:
    """Send stdout and stderr to ``path`` (UTF-8) meanwhile.

    The Windows bundle is a windowed exe: it has no stdout and cmd does not wait for it, so
    ``start /wait spot-front-desk.exe --self-test --report r.txt`` is how a script reads it.
    """
    with open(path, "w", encoding="utf-8") as report:
        saved = sys.stdout, sys.stderr
        sys.stdout = sys.stderr = report
        try:
            yield
        finally:
            sys.stdout, sys.stderr = saved


def skip_pyside_feature_scan() -> None:
    """Spare PySide6 reading the source of every module imported after it.

    To know whether a module may say ``from __feature__ import snake_case`` (PYSIDE-2029),
    PySide6 reads each newly imported module's whole source file (``inspect.getsource``,
    which also walks ``sys.modules``): about a third of the start's import time here
    (tests/benchmarks/startup.py). The app selects no feature anywhere, so every module gets
    PySide6's own default for a module that uses it ("no feature") without the read. Left
    alone on a PySide6 whose support module does not have the hook.
    """
    feature = sys.modules.get("PySide6.support.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = _uses_no_feature  # type: ignore[attr-defined]


def _uses_no_feature(_module: object) -> bool:
    return True


def show_startup_error(title: str, advice: str) -> None:
    """A start-up problem for the user: a message box (the windowed app has no console)."""
    from PySide6.QtWidgets import QMessageBox

    print(f"{title}. {advice}", file=sys.stderr)
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, title)
    box.setInformativeText(advice)
    box.exec()


def print_first_frame_stamp() -> None:
    import time

    print(f"first-frame {time.monotonic():.6f}", flush=True)


def run_once(action: Callable[[], None]) -> Callable[[], None]:
    """``action`` that does its work the first time it is called and nothing after."""
    done = threading.Event()

    def once() -> None:
        if not done.is_set():
            done.set()
            action()

    return once
def verify_audit_command() -> int:
    """``--verify-audit``: print the record count and the first broken record; 0 intact,
    1 broken, 2 unreadable (the trail is encrypted and this computer's key can't open it)."""
    from app.paths import paths
    from app.services.audit import verify_audit
    from app.services.audit_store import AUDIT_DB_NAME, set_aside_trails
    from app.services.data_key import data_key_for
    from app.services.private_db import StoreUnreadable

    data = paths().data
    where = data / AUDIT_DB_NAME
    if where.exists():
        key = data_key_for(data)
        try:
            if key.memory_only:
                raise StoreUnreadable(where)
            result = verify_audit(where, key)
        except StoreUnreadable:
            print("The audit trail is encrypted and can't be opened with this computer's key "
                  "(its password store is missing or was reset).")
            print(f"File: {where}")
            return 2
    else:  # a trail from an older version, not yet moved into the encrypted one
        where = paths().audit_trail
        result = verify_audit(where)
    print(result.describe())
    print(f"File: {where}")
    for aside in set_aside_trails(data):
        print(f"Set aside (an earlier trail this computer's key can't open): {aside}")
    return 0 if result.intact else 1


def crash_details(
    exc_type: type[BaseException], tb: TracebackType | None
) -> str:
    """Exception type and where it was raised: never the message (it may quote patient data)."""
    frames = traceback.extract_tb(tb) if tb is not None else []
    if frames:
        last = frames[-1]
        where = f"{Path(last.filename).name}:{last.lineno} in {last.name}"
    else:
        where = "unknown location"
    return f"{exc_type.__name__} at {where}"


class CrashHandler:
    """Logs unhandled exceptions PHI-free and tells the user without blocking."""

    def __init__(self) -> None:
        self.window: MainWindow | None = None
        self.last_details = ""

    def install(self) -> None:
        sys.excepthook = self._on_exception
        threading.excepthook = self._on_thread_exception

    def _on_exception(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        self._report(exc_type, tb)

    def _on_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        self._report(args.exc_type, args.exc_traceback)

    def _report(self, exc_type: type[BaseException], tb: TracebackType | None) -> None:
        details = crash_details(exc_type, tb)
        self.last_details = details
        log.error("unhandled exception: %s", details)
        window = self.window
        if window is None:
            return
        from app.tasks import post_to_gui

        try:
            post_to_gui(lambda: window.show_crash(details))
        except RuntimeError:
            log.debug("no GUI to show the crash on")


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    target = report_path(arguments)
    if target is None:
        return run(arguments)
    try:
        with output_to(target):
            try:
                return run(arguments)
            except SystemExit as done:  # --version, --help and bad arguments end in argparse
                return done.code if isinstance(done.code, int) else int(done.code is not None)
    except OSError:
        return EXIT_REPORT_UNWRITABLE


def forget_workstation_command(
    *, assume_yes: bool, ask: Callable[[str], str] = input
) -> int:
    """``--forget-workstation``: list what goes, ask (unless ``assume_yes``), remove it.

    Exit 0 when everything went, 1 when cancelled or something stayed (named), 2 while the
    app is running on this data folder.
    """
    from PySide6.QtCore import QLockFile

    from app.instance import LOCK_NAME
    from app.paths import paths
    from app.services.forget import forget_workstation, what_is_forgotten

    where = paths()
    lock = QLockFile(str(where.data / LOCK_NAME))
    lock.setStaleLockTime(0)
    if where.data.is_dir() and not lock.tryLock(0):
        print(f"{APP_NAME} is running: quit it first, then run this again.", file=sys.stderr)
        return 2
    lock.unlock()
    print("This removes from this computer:")
    for folder in what_is_forgotten(where):
        print(f"  {folder}")
    print("  the encryption key and the saved API tokens in the password store")
    print("Orders not yet sent to Spot are lost. Clinic settings are kept.")
    if not assume_yes:
        try:
            answer = ask("Type yes to continue: ")
        except EOFError:
            answer = ""
        if answer.strip().lower() not in ("yes", "y"):
            print("Nothing was removed.")
            return 1
    env_keys = ["production", "sandbox"]
    with contextlib.suppress(Exception):  # settings unreadable: the standard keys only
        from app.services.environments import Environment
        from app.views.common.app_settings import AppSettings

        custom = AppSettings().custom_url
        if custom:
            env_keys.append(Environment.custom(custom).key)
    result = forget_workstation(where, env_keys)
    for folder in result.not_removed:
        print(f"Could not remove {folder} (a file is in use?): remove it by hand.")
    if result.keyring_failed:
        print("The password store could not be reached: its entries may remain.")
    print(f"Removed {len(result.removed)} folder(s) and {result.keyring_entries} "
          "password store entr(ies).")
    return 0 if result.complete else 1


def run(argv: Sequence[str]) -> int:
    if list(argv[:1]) == ["import-orders"]:  # the headless bulk import (app/cli_import.py)
        from app.cli_import import run as import_orders

        return import_orders(list(argv[1:]))
    args = parse_args(argv)
    if args.verify_audit:
        return verify_audit_command()
    if args.self_test:
        from app.selftest import run_self_test

        return run_self_test()
    if args.diagnostics:
        from app.views.shell.diagnostics import run_diagnostics_command

        return run_diagnostics_command()
    if args.forget_workstation:
        return forget_workstation_command(assume_yes=args.yes)
    if args.export_setup or args.import_setup:
        from app.views.settings.setup_io import run_setup_command

        return run_setup_command(args.export_setup, args.import_setup, assume_yes=args.yes)
    # No automatic collection while the start-up imports allocate (8-44 ms of collections
    # before the first frame otherwise): GuiThreadCollector keeps it off and collects on a
    # GUI-thread timer from the QApplication on.
    gc.disable()
    from PySide6.QtCore import QTimer

    skip_pyside_feature_scan()  # before the app's own modules load
    from app.compose import (
        EmbeddedSandbox,
        build_lock,
        build_main_window,
        build_staff,
        build_workstation,
        load_session_modules,
        load_window_modules,
        make_application,
    )
    from app.instance import SingleInstance
    from app.paths import paths
    from app.services.data_folder import DataFolderRefused
    from app.services.logs import close_logging, setup_logging
    from app.tasks import TaskRunner
    from app.views.first_paint import after_first_paint, on_a_later_turn
    from app.views.gc_guard import GuiThreadCollector
    from app.views.qt_log import install_qt_message_handler

    sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
    app = make_application()
    GuiThreadCollector(app)  # cycles are collected on the GUI thread only
    where = paths()
    try:
        where.ensure()
    except DataFolderRefused as refused:
        show_startup_error(refused.title, refused.advice)
        return 1
    instance = SingleInstance(where.data)
    if not instance.acquire():
        if instance.activate_running():
            print(f"{APP_NAME} is already running: its window was brought to the front.")
            return 0
        # Held, but nobody answers: the running copy is closing (finishing a POST in flight).
        if not instance.wait_for_running_to_exit(QUIT_WAIT_MS):
            print(f"{APP_NAME} is still closing; try again in a moment.", file=sys.stderr)
            return 1
    setup_logging(where.logs, getattr(logging, args.log_level))
    install_qt_message_handler()
    crashes = CrashHandler()
    crashes.install()
    log.info("%s starting%s", APP_NAME, " (sandbox)" if args.sandbox else "")

    sandbox = EmbeddedSandbox(
        where.sandbox_dir, speed=args.sandbox_speed, seed_orders=args.sandbox_seed
    )
    runner = TaskRunner()
    settings_file = where.config / "settings.ini"
    if not settings_file.is_file() or settings_file.stat().st_size == 0:
        # A desk's first start: IT's roll-out file, if any (its module loads only then).
        from app.views.settings.setup_io import apply_machine_setup_at_first_start

        apply_machine_setup_at_first_start(settings_file)
    from app.views.common.app_settings import AppSettings

    settings = AppSettings()
    workstation = build_workstation(where, settings, sandbox=args.sandbox)
    # The first window is the lock screen ("Who's working?"): Qt and the staff directory only.
    # Nobody sees patient data before saying who they are.
    lock = build_lock(workstation, runner, watch=False)  # watching once the window is built
    instance.activation_requested.connect(lock.bring_to_front)  # never past the lock
    kind = "sandbox" if args.sandbox else None
    windows: list[MainWindow] = []

    def start(window: MainWindow) -> None:
        from app import __version__

        log.info("version %s", __version__)
        app.setApplicationVersion(__version__)
        freeze_startup_heap()
        # Modules the session loads (httpx, pydantic, the sandbox) on a worker: out of the
        # collector's way too, without a second full collection on the GUI thread.
        freeze_once = run_once(gc.freeze)
        window.session_changed.connect(lambda _session: freeze_once())
        runner.run(load_session_modules)  # while signing in, not on the GUI thread after it
        on_a_later_turn(window, lambda: window.start(kind))  # the lock screen answers between

    def build_window(_loaded: object = None) -> None:
        window = build_main_window(runner, sandbox, demo=args.sandbox)
        build_staff(window, runner, workstation, settings, lock=lock)
        window.shutdown_started.connect(instance.stop_answering)
        crashes.window = window
        windows.append(window)
        lock.cover(window)  # it shows with the cached list at the unlock, not before
        lock.start_watching()
        on_a_later_turn(window, lambda: start(window))  # the lock screen answers between

    def load_window() -> None:
        # Once the lock screen is on screen: the main window's modules load on a worker (the
        # lock screen stays responsive), then the window is built behind the lock; then
        # signing in, starting the sandbox and the first refresh begin (on workers; the
        # status bar says what is happening). A lock screen that is never painted (started
        # minimised) gets its window after FIRST_PAINT_WAIT_MS anyway.
        runner.run(load_window_modules, on_success=build_window, on_error=build_window)

    load_once = run_once(load_window)
    after_first_paint(lock.lock_screen, load_once)
    lock.start_locked()
    QTimer.singleShot(FIRST_PAINT_WAIT_MS, load_once)
    if os.environ.get(FIRST_FRAME_STAMP_ENV):
        after_first_paint(lock.lock_screen, print_first_frame_stamp)
    if os.environ.get("SPOT_FRONT_DESK_QUIT_AFTER_MS"):  # smoke tests: run, then quit cleanly
        QTimer.singleShot(int(os.environ["SPOT_FRONT_DESK_QUIT_AFTER_MS"]),
                          lambda: windows[0].close() if windows else app.quit())
    workers_done = [True]

    def clean_up() -> None:
        for window in windows:
            window.shutdown()  # closes the session: the outbox stops, the report cache clears
        lock.shutdown()
        workers_done[0] = runner.shutdown(QUIT_WORKERS_WAIT_MS)
        workstation.audit.close()  # the encrypted trail's WAL checkpointed into its file
        sandbox.stop()
        log.info("%s stopped", APP_NAME)
        close_logging()
        instance.release()

    # At Windows sign-out Qt ends the process right after aboutToQuit: the clean-up runs there,
    # and again (as a no-op) on the normal way out.
    clean_up_once = run_once(clean_up)
    app.aboutToQuit.connect(clean_up_once)
    try:
        code = app.exec()
    finally:
        clean_up_once()
    if not workers_done[0]:
        # A worker is still waiting on the network (a refresh, a kit lookup): the pool's
        # destructor would wait for it at exit, seconds after the window closed. Its answer
        # is unwanted and everything durable is written and closed: end the process now.
        exit_now(int(code))
    return int(code)


def exit_now(code: int) -> None:
    """End the process at once (no interpreter teardown), output flushed."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)
