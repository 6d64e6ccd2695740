"""When the computer's session locks (Win+L, the screensaver), the app locks too.

`OsLockSource` is the small interface: it emits ``session_locked`` once per OS lock. The lock
controller follows one (`LockController.follow_os_lock`); `os_lock_source` picks the one for
this platform, or None where there is none:

- **Windows**: `WindowsSessionLock` registers the main window for session notifications
  (``WTSRegisterSessionNotification``) and watches its native messages for
  ``WM_WTSSESSION_CHANGE`` / ``WTS_SESSION_LOCK`` (ctypes; nothing loads elsewhere).
- **Linux**: `DBusSessionLock` listens to logind's ``Lock`` signal for this session on the
  system bus and to the screensavers' ``ActiveChanged(true)`` (freedesktop, GNOME, KDE…)
  on the session bus, through QtDBus. Without a bus it stays silent.
- macOS: none yet (the idle lock and Ctrl+L still hold).

Tests drive the controller with a fake source that emits the signal.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import Any

from PySide6.QtCore import QAbstractNativeEventFilter, QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

__all__ = [
    "WM_WTSSESSION_CHANGE",
    "WTS_SESSION_LOCK",
    "DBusSessionLock",
    "OsLockSource",
    "WindowsSessionLock",
    "is_session_lock_message",
    "logind_session_path",
    "os_lock_source",
]

log = logging.getLogger(__name__)

WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_LOCK = 0x7
NOTIFY_FOR_THIS_SESSION = 0

# (interface, path) of the screensavers that announce ActiveChanged(bool) on the session bus.
SCREENSAVERS = (
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),
    ("org.freedesktop.ScreenSaver", "/ScreenSaver"),
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"),
    ("org.mate.ScreenSaver", "/org/mate/ScreenSaver"),
    ("org.cinnamon.ScreenSaver", "/org/cinnamon/ScreenSaver"),
)
LOGIND_SERVICE = "org.freedesktop.login1"
LOGIND_SESSION = "org.freedesktop.login1.Session"


class OsLockSource(QObject):
    """Emits ``session_locked`` when the operating system locks this user's session."""

    session_locked = Signal()

    def stop(self) -> None:
        """Stop listening (the app is quitting)."""


def is_session_lock_message(message: int, wparam: int) -> bool:
    """A Windows message saying this session was just locked."""
    return message == WM_WTSSESSION_CHANGE and wparam == WTS_SESSION_LOCK


class _NativeFilter(QAbstractNativeEventFilter):
    def __init__(self, on_lock: Any) -> None:
        super().__init__()
        self._on_lock = on_lock

    def nativeEventFilter(self, eventType: Any, message: Any) -> tuple[bool, int]:
        if bytes(eventType) == b"windows_generic_MSG" and sys.platform == "win32":
            from ctypes import wintypes

            msg = wintypes.MSG.from_address(int(message))
            if is_session_lock_message(msg.message, msg.wParam):
                self._on_lock()
        return False, 0


class WindowsSessionLock(OsLockSource):
    """Win+L, Ctrl+Alt+Del → Lock, a screensaver with a password: the session locks."""

    def __init__(self, window: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hwnd = int(window.winId())
        self._filter = _NativeFilter(self.session_locked.emit)
        app = QCoreApplication.instance()
        assert app is not None
        app.installNativeEventFilter(self._filter)
        import ctypes

        wtsapi32 = ctypes.windll.wtsapi32  # type: ignore[attr-defined,unused-ignore]
        if not wtsapi32.WTSRegisterSessionNotification(self._hwnd, NOTIFY_FOR_THIS_SESSION):
            log.warning("session notifications unavailable: the OS lock is not followed")
        self._registered = True

    def stop(self) -> None:
        if not self._registered:
            return
        self._registered = False
        app = QCoreApplication.instance()
        if app is not None:
            app.removeNativeEventFilter(self._filter)
        import ctypes

        ctypes.windll.wtsapi32.WTSUnRegisterSessionNotification(  # type: ignore[attr-defined,unused-ignore]
            self._hwnd
        )


def logind_session_path(session_id: str) -> str:
    """logind's object path for session ``session_id`` (systemd's path escaping: "2" →
    ``/org/freedesktop/login1/session/_32``)."""
    encoded = "".join(
        char if char.isascii() and (char.isalpha() or (char.isdigit() and index)) else
        "".join(f"_{byte:02x}" for byte in char.encode("utf-8"))
        for index, char in enumerate(session_id)
    )
    return f"/org/freedesktop/login1/session/{encoded or '_'}"


class DBusSessionLock(OsLockSource):
    """logind's Lock for this session, or a screensaver turning active.

    ``session_bus`` / ``system_bus`` are QDBusConnections (tests pass a private bus);
    ``session_id`` defaults to ``XDG_SESSION_ID``.
    """

    def __init__(
        self, session_bus: Any = None, system_bus: Any = None, *,
        session_id: str | None = None, parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        from PySide6.QtDBus import QDBusConnection

        self._session_bus = session_bus or QDBusConnection.sessionBus()
        self._system_bus = system_bus or QDBusConnection.systemBus()
        self.listening = 0  # signals subscribed to (0: no bus, the OS lock is not followed)
        if self._session_bus.isConnected():
            for interface, path in SCREENSAVERS:
                self.listening += _subscribe(
                    self._session_bus, path, interface, "ActiveChanged", self,
                    "on_screensaver(bool)",
                )
        session = os.environ.get("XDG_SESSION_ID", "") if session_id is None else session_id
        if session and self._system_bus.isConnected():
            self.listening += _subscribe(
                self._system_bus, logind_session_path(session), LOGIND_SESSION, "Lock", self,
                "on_lock()",
            )
        if not self.listening:
            log.info("no D-Bus lock signals: the OS lock is not followed")

    @Slot(bool)
    def on_screensaver(self, active: bool) -> None:
        if active:
            self.session_locked.emit()

    @Slot()
    def on_lock(self) -> None:
        self.session_locked.emit()


def _subscribe(
    bus: Any, path: str, interface: str, name: str, receiver: QObject, slot: str
) -> bool:
    """Call ``receiver.slot`` on the signal ``interface.name`` from ``path``. Any sender: a
    program that fakes a lock signal can only lock the app, which is harmless."""
    return bool(bus.connect("", path, interface, name, receiver, "1" + slot))  # Qt's SLOT()


def os_lock_source(window: QWidget, parent: QObject | None = None) -> OsLockSource | None:
    """This platform's source (None where the OS lock can't be followed)."""
    try:
        if sys.platform == "win32":
            return WindowsSessionLock(window, parent)
        if sys.platform.startswith("linux"):
            return DBusSessionLock(parent=parent)
    except (ImportError, OSError, AttributeError) as exc:
        log.warning("OS lock not followed: %s", type(exc).__name__)
    return None
