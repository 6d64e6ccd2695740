"""`spot-front-desk --self-test`: prove an installed copy (or a bundle) works, headless.

Starts the main window on a fresh embedded sandbox in a throw-away folder, places one order
through the outbox, opens one lab report in the report window, and exits 0. Any failure exits
non-zero with a one-line reason naming the step and the error type: never patient data (all of
it is the sandbox's fake data anyway) and never a token.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.instance import SingleInstance
    from app.paths import Paths
    from app.services.session import Session

STEP_TIMEOUT_S = 60.0


class SelfTestFailed(Exception):
    """A step did not complete; the message names the step."""


def _wait_until(app_process_events: Callable[[], None], done: Callable[[], bool],
                step: str, timeout_s: float = STEP_TIMEOUT_S) -> None:
    deadline = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > deadline:
            raise SelfTestFailed(f"{step}: timed out after {timeout_s:.0f} s")
        app_process_events()
        time.sleep(0.01)


def run_self_test() -> int:
    """Run every step; print one line per step; return the process exit code."""
    own_home = "SPOT_FRONT_DESK_HOME" not in os.environ
    home = tempfile.mkdtemp(prefix="spot-self-test-") if own_home else os.environ[
        "SPOT_FRONT_DESK_HOME"]
    os.environ["SPOT_FRONT_DESK_HOME"] = home
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        return _run()
    except SelfTestFailed as failure:
        print(f"self-test FAILED: {failure}", flush=True)
        return 1
    except Exception as exc:  # noqa: BLE001 - the exit code and a PHI-free line are the product
        print(f"self-test FAILED: unexpected {type(exc).__name__}", flush=True)
        return 2
    finally:
        if own_home:
            shutil.rmtree(home, ignore_errors=True)


def _run() -> int:
    from app import APP_NAME, __version__
    from app.compose import make_application
    from app.instance import SingleInstance
    from app.paths import paths
    from app.services.logs import close_logging, setup_logging
    from app.views.gc_guard import GuiThreadCollector

    # Same identity and language as the app, so a broken catalogue shows here too.
    app = make_application()
    app.setApplicationVersion(__version__)
    GuiThreadCollector(app)  # as the app does: cycles are collected on this thread only
    where = paths()
    where.ensure()
    setup_logging(where.logs)  # as the app logs: `--diagnostics` afterwards reads it
    pump = app.processEvents

    print(f"{APP_NAME} {__version__} self-test", flush=True)
    instance = SingleInstance(where.data)
    if not instance.acquire():
        raise SelfTestFailed("single-instance guard: the data folder is in use")
    try:
        _check_relaunch_activates(instance, pump)
        print("ok  a second launch brings the window forward", flush=True)
        _check_icon(app.windowIcon().availableSizes())
        _check_keyring()
        return _run_app(where, pump)
    finally:
        instance.release()
        close_logging()


def _check_relaunch_activates(instance: SingleInstance, pump: Callable[[], None]) -> None:
    from app.instance import SingleInstance

    asked: list[bool] = []
    instance.activation_requested.connect(lambda: asked.append(True))
    if not SingleInstance(instance.data_dir).activate_running():
        raise SelfTestFailed("single-instance guard: the running copy did not answer")
    _wait_until(pump, lambda: bool(asked), "single-instance guard")


def _check_icon(sizes: Sequence[object]) -> None:
    if not sizes:
        raise SelfTestFailed("app icon: no icon files in this install")
    print(f"ok  app icon loaded ({len(sizes)} sizes)", flush=True)


def _check_keyring() -> None:
    """The OS password store the token would go to; the Windows bundle must have its own."""
    from app.services.credentials import CredentialStore

    backend = CredentialStore().backend_name()
    if sys.platform == "win32" and not backend.endswith("WinVaultKeyring"):
        raise SelfTestFailed(f"keyring: {backend} instead of Windows Credential Manager")
    print(f"ok  keyring backend {backend}", flush=True)


def _check_proxy_bypass(session: Session) -> None:
    """Requests to this computer (the embedded sandbox) go direct whatever the proxy choice:
    through a "proxy" on a port where nothing listens, a test connection still succeeds."""
    from app.services.environments import SYSTEM_PROXY, ProxySetting

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{probe.getsockname()[1]}"
    for proxy in (ProxySetting.manual(dead), SYSTEM_PROXY):
        if not session.check_connection(proxy).ok:
            raise SelfTestFailed(f"proxy bypass: the sandbox was reached via a {proxy.mode} proxy")
    print("ok  servers on this computer bypass any proxy (manual or system)", flush=True)


def _check_report_bytes(session: Session, url: str) -> None:
    """The cached report is byte for byte what the server sent (a text-mode write on Windows
    turns each \\n byte into \\r\\n)."""
    sent = hashlib.sha256(session.client.download(url)).hexdigest()
    cached = session.reports.read_bytes(session.reports.cached_path(url))  # decrypted
    kept = hashlib.sha256(cached).hexdigest()
    if sent != kept:
        raise SelfTestFailed("open a report: the cached file differs from what the server sent")
    print(f"ok  report file matches what the server sent (sha256 {kept[:12]}…)", flush=True)


def _run_app(where: Paths, pump: Callable[[], None]) -> int:
    from app.api import models
    from app.compose import EmbeddedSandbox, build_main_window, build_staff, build_workstation
    from app.services.audit import AuditAction
    from app.services.staff import SELF_TEST_PIN, SELF_TEST_STAFF_ID
    from app.tasks import TaskRunner
    from app.views.common.app_settings import AppSettings
    from app.views.reports.report_viewer import ReportWindow

    sandbox = EmbeddedSandbox(where.sandbox_dir, speed=0.0, seed_orders=40)
    runner = TaskRunner()
    window = build_main_window(runner, sandbox, demo=True)
    workstation = build_workstation(where, AppSettings(), sandbox=True, self_test=True)
    lock, _staff_shell = build_staff(window, runner, workstation)
    report_window: ReportWindow | None = None
    try:
        try:
            sandbox.start()  # the window reuses this server; a failure here is named plainly
        except Exception as exc:  # reported as the failed step, by type only
            raise SelfTestFailed(f"start the embedded sandbox: {type(exc).__name__}") from exc
        print("ok  embedded sandbox started", flush=True)
        window.show()
        lock.start_locked()
        if window.isVisible() or not lock.lock_screen.isVisible():
            raise SelfTestFailed("lock screen: the main window showed before anyone signed in")
        window.start("sandbox")
        screen = lock.lock_screen
        if not screen.picker.select_staff(SELF_TEST_STAFF_ID):
            raise SelfTestFailed("sign in: the self-test profile is missing")
        screen.pin_edit.setText(SELF_TEST_PIN)
        screen.unlock_button.click()
        _wait_until(pump, lambda: not workstation.locked and window.isVisible(),
                    "sign in as the self-test profile")
        print("ok  signed in through the lock screen as the self-test profile", flush=True)
        _wait_until(pump, lambda: window.session is not None and window.order_count() > 0,
                    "main window on the sandbox")
        session = window.session
        assert session is not None
        print(f"ok  main window shows {window.order_count()} sandbox orders", flush=True)
        _check_proxy_bypass(session)

        kit_type = next(iter(session.kit_catalog), "health_kit_1")
        order = models.NewOrder(
            kit_types=[kit_type],
            recipient=models.Recipient(
                first_name="Selftest", last_name="Example", email="self-test@example.com",
                phone="4155550123",
                address=models.Address(street1="1 Example Way", city="San Francisco",
                                       state="CA", zip="94105", country="US"),
            ),
        )
        item = session.outbox.submit(order)

        def order_sent() -> bool:
            current = next((i for i in session.outbox.items() if i.item_id == item.item_id), None)
            if current is not None and current.state == "needs_attention":
                raise SelfTestFailed("place an order: the outbox needs attention")
            return current is not None and current.state == "sent" and bool(current.order_id)

        _wait_until(pump, order_sent, "place an order")
        print("ok  order placed through the outbox", flush=True)

        resulted = next((row for row in session.store.rows()
                         if "resulted" in row.sample_statuses), None)
        if resulted is None:
            raise SelfTestFailed("open a report: no resulted kit in the sandbox")
        detail = session.sync.order_detail(resulted.order_id)
        kit = next(k for k in detail.kits if k.sample is not None and k.sample.reports)
        assert kit.sample is not None
        report = kit.sample.reports[0]
        report_window = ReportWindow(session.reports, session.seen, runner)
        opened: list[str] = []
        report_window.report_opened.connect(opened.append)
        report_window.show()
        report_window.open_report(report, kit_id=kit.kit_id,
                                  sample_id=kit.sample.sample_id or "")

        def report_shown() -> bool:
            assert report_window is not None
            if report_window.error() is not None:
                raise SelfTestFailed("open a report: the report window shows an error")
            return bool(opened) and report_window.pdf_pane().is_loaded()

        _wait_until(pump, report_shown, "open a report")
        pages = report_window.pdf_pane().page_count()
        print(f"ok  report opened ({pages} page{'s' if pages != 1 else ''})", flush=True)
        if report.pdf:
            _check_report_bytes(session, report.pdf)

        lock.lock_now()
        if report_window.isVisible() or window.isVisible():
            raise SelfTestFailed("lock: a window still shows behind the lock")
        screen.pin_edit.setText(SELF_TEST_PIN)
        screen.unlock_button.click()
        _wait_until(pump, lambda: report_window is not None and report_window.isVisible(),
                    "unlock brings the windows back")
        print("ok  lock hides every window; unlock brings them back", flush=True)

        needed = {AuditAction.SIGN_IN, AuditAction.ORDER_QUEUED, AuditAction.ORDER_PLACED,
                  AuditAction.REPORT_VIEWED, AuditAction.LOCK, AuditAction.UNLOCK}
        _wait_until(pump, lambda: needed <= {r.action for r in workstation.audit.records()},
                    "audit trail records what was done")
        check = workstation.audit.verify()
        if not check.intact:
            raise SelfTestFailed(f"audit trail: {check.describe()}")
        print(f"ok  audit trail: {check.count} records, chain intact", flush=True)
    finally:
        if report_window is not None:
            report_window.close()
        window.close()
        window.shutdown()
        runner.shutdown(5000)
        workstation.audit.close()  # as the app does at exit
        sandbox.stop()
    print("self-test passed", flush=True)
    return 0
