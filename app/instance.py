"""One running copy per data folder: a second launch brings the first window forward.

Two copies on the same data folder would each run an outbox sender over the same queued
orders (a patient could be sent two kits), clear each other's report cache and open the
embedded sandbox's database twice. Front-desk staff double-click icons, so the second launch
must be harmless: it asks the running copy to show its window and exits.

How: a `QLockFile` in the data folder (Qt notices a lock left by a crashed process, so a
crash never locks the user out) and a `QLocalServer` that only this user can connect to.
If the lock is held but nobody answers, the holder is still quitting (it finishes a POST in
flight first): the new copy waits for the lock instead of giving up.

Windows: local-socket names are named pipes, visible to every session on a Remote Desktop
server, so the name carries the session id and the user. And Windows only lets the process
the user just started take the foreground: the second launch grants that right to the running
copy (``AllowSetForegroundWindow``) before asking it to come forward; otherwise the taskbar
button only flashes.
"""

from __future__ import annotations

import getpass
import logging
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDeadlineTimer,
    QEventLoop,
    QLockFile,
    QObject,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QProgressDialog

from app import APP_NAME

log = logging.getLogger(__name__)

LOCK_NAME = "instance.lock"
SOCKET_NAME = "instance.sock"
ACTIVATE = b"activate\n"
# Unix socket paths are limited to about 104 bytes; longer data paths use a hashed name in
# the temporary folder instead (still reachable by this user only).
MAX_SOCKET_PATH = 100
CONNECT_TIMEOUT_MS = 1000
POLL_MS = 200


ASFW_ANY = 0xFFFFFFFF  # AllowSetForegroundWindow: any process may take the foreground


def _windows_session_id() -> int:
    """This process's Remote Desktop / console session (0 if Windows cannot say)."""
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
    session = ctypes.c_ulong(0)
    if not kernel32.ProcessIdToSessionId(kernel32.GetCurrentProcessId(), ctypes.byref(session)):
        return 0
    return int(session.value)


def allow_foreground_transfer() -> None:
    """Windows: let the running copy bring its window to the front when we ask it to."""
    if os.name != "nt":
        return
    import ctypes

    user32 = ctypes.windll.user32  # type: ignore[attr-defined,unused-ignore]
    if not user32.AllowSetForegroundWindow(ctypes.c_ulong(ASFW_ANY)):
        log.debug("AllowSetForegroundWindow refused")


def server_name(
    data_dir: Path,
    *,
    windows: bool = os.name == "nt",
    session_id: Callable[[], int] = _windows_session_id,
) -> str:
    """The local-socket name for this data folder: its own socket file where possible.

    On Windows a named pipe, unique per session and user as well as per folder.
    """
    path = data_dir / SOCKET_NAME
    if os.name == "posix" and not windows and len(os.fsencode(path)) <= MAX_SOCKET_PATH:
        return str(path)
    key = os.fsencode(data_dir.resolve())
    if windows:
        try:
            session = session_id()
        except (OSError, AttributeError):
            session = 0
        key += f"\0session={session}\0user={getpass.getuser()}".encode()
    import hashlib  # here, not at import: the start-up loads this module
    digest = hashlib.sha256(key).hexdigest()[:16]
    return f"spot-front-desk-{digest}"


class SingleInstance(QObject):
    """Hold the data folder for this process; ``activation_requested`` when relaunched."""

    activation_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self._name = server_name(data_dir)
        self._lock = QLockFile(str(data_dir / LOCK_NAME))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """Take the folder if it is free (never waits) and start answering later launches."""
        if not self._lock.tryLock(0):
            return False
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        # A socket file left by a crashed copy: ours to remove now that we hold the lock.
        QLocalServer.removeServer(self._name)
        if not server.listen(self._name):
            # Still the only copy (we hold the lock); a relaunch just waits for us instead.
            log.warning("single-instance listener unavailable: %s", server.errorString())
        else:
            server.newConnection.connect(self._on_new_connection)
            self._server = server
        return True

    def release(self) -> None:
        """Stop answering (a relaunch now waits for the lock), then free the folder."""
        self.stop_answering()
        self._lock.unlock()

    def stop_answering(self) -> None:
        """From now on a relaunch waits for this copy to exit instead of activating it."""
        server, self._server = self._server, None
        if server is not None:
            server.close()
            server.deleteLater()  # never directly: it may be inside one of its own signals

    def activate_running(self) -> bool:
        """Ask the copy holding the folder to show its window. False if it did not answer."""
        socket = QLocalSocket()
        socket.connectToServer(self._name)
        if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
            return False
        allow_foreground_transfer()
        socket.write(ACTIVATE)
        sent = socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
        socket.disconnectFromServer()
        return sent

    def wait_for_running_to_exit(self, timeout_ms: int) -> bool:
        """Take the folder once the running copy has quit; False on timeout or Cancel.

        Shows a small "waiting" window meanwhile; the event loop keeps running (the lock is
        tried every ``POLL_MS``, never waited on).
        """
        if self.acquire():
            return True
        dialog = QProgressDialog(
            QCoreApplication.translate(
                "SingleInstance", "Waiting for Spot Front Desk to finish closing…"),
            QCoreApplication.translate("SingleInstance", "Cancel"), 0, 0,
        )
        dialog.setWindowTitle(APP_NAME)
        dialog.setMinimumDuration(0)
        loop = QEventLoop()
        outcome = {"acquired": False}
        deadline = QDeadlineTimer(timeout_ms)

        def poll() -> None:
            if self.acquire():
                outcome["acquired"] = True
                loop.quit()
            elif deadline.hasExpired():
                loop.quit()

        timer = QTimer()
        timer.setInterval(POLL_MS)
        timer.timeout.connect(poll)
        dialog.canceled.connect(loop.quit)
        timer.start()
        dialog.show()
        loop.exec()
        timer.stop()
        dialog.close()
        dialog.deleteLater()
        return outcome["acquired"]

    @Slot()
    def _on_new_connection(self) -> None:
        server = self._server
        if server is None:
            return
        while server.hasPendingConnections():
            socket = server.nextPendingConnection()
            socket.readyRead.connect(self._on_ready_read)

    @Slot()
    def _on_ready_read(self) -> None:
        socket = self.sender()
        if not isinstance(socket, QLocalSocket) or not socket.canReadLine():
            return  # the rest of the line is still on its way
        message = bytes(socket.readLine().data())
        # Done with this caller: let Qt delete the socket once its signals have returned.
        socket.readyRead.disconnect(self._on_ready_read)
        socket.disconnectFromServer()
        socket.deleteLater()
        if message == ACTIVATE:
            log.info("another launch asked this window to come forward")
            self.activation_requested.emit()
