"""Locks the whole app: every window (dialogs included) goes behind the lock screen.

The controller watches input application-wide (so any window's keystrokes count as activity),
locks on Ctrl+L and after the idle time, and on a lock hides every visible top-level window
without closing it: typed forms, open reports and drafts stay exactly as they were.

Every top-level window other than a shared one (``mark_shared``: the main window) is work
owned by whoever opened it. After an unlock the same person gets all their windows back; a
different person gets only the shared windows and their own work; the first person's windows
stay hidden (their drafts are kept) until that person unlocks again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from app.services.idle_lock import LockReason
from app.services.workstation import SignInOutcome, Workstation
from app.views.staff.lock_screen import LockScreen
from app.views.staff.os_lock import OsLockSource

__all__ = ["LOCK_SHORTCUT", "MOVE_GATE_MS", "LockController", "mark_shared"]

LOCK_SHORTCUT = QKeySequence("Ctrl+L")
_WORK_PROPERTY = "spotWorkId"
_SHARED_PROPERTY = "spotSharedWindow"
_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin,
})
# Pointer movement arrives by the hundred a second (to the window, then to each widget on
# the way): the first one counts at once, then the gate stays shut for MOVE_GATE_MS, so a
# moving mouse costs one attribute test per event and one activity() a second.
_MOVE_EVENTS = frozenset({
    QEvent.Type.MouseMove, QEvent.Type.HoverMove, QEvent.Type.Wheel, QEvent.Type.TouchUpdate,
})
MOVE_GATE_MS = 1000


def mark_shared(window: QWidget) -> None:
    """``window`` shows nobody's work in progress (the main window): it comes back for
    whoever unlocks."""
    window.setProperty(_SHARED_PROPERTY, True)


class LockController(QObject):
    """Owns the lock screen and the idle timer. ``locked`` carries the `LockReason`;
    ``unlocked`` the `UnlockResult`; ``work_hidden`` the work ids kept out of sight for
    someone else (flush their drafts)."""

    locked = Signal(str)
    unlocked = Signal(object)
    work_hidden = Signal(list)
    app_to_front = Signal()  # unlocked: the shell brings its main window forward
    window_opened = Signal(QWidget)  # a new window of someone's work (the shell audits it)
    window_shown = Signal(QWidget)  # any app window shown while unlocked (each time)

    def __init__(
        self, workstation: Workstation, lock_screen: LockScreen,
        parent: QObject | None = None, *, watch: bool = True,
    ) -> None:
        """``watch=False``: input and windows are watched from `start_watching` on (the
        start-up builds its first windows before that; see there)."""
        super().__init__(parent)
        self._workstation = workstation
        self.lock_screen = lock_screen
        self._covered: list[QWidget] = []  # hidden by the lock, in the order they were shown
        self._covering = False
        self._idle_timer = QTimer(self)
        self._idle_timer.setSingleShot(True)
        self._idle_timer.timeout.connect(self.check_idle)
        self._move_gate = QTimer(self)
        self._move_gate.setSingleShot(True)
        self._move_gate.setInterval(MOVE_GATE_MS)
        self._move_gate.timeout.connect(self._open_move_gate)
        self._moves_open = True  # a plain attribute: the test per move stays in Python
        self._os_lock: OsLockSource | None = None
        self._os_lock_factory: Callable[[], OsLockSource | None] | None = None
        self._watching = False
        lock_screen.signed_in.connect(self._on_lock_screen_signed_in)
        if watch:
            self.start_watching()

    def start_watching(self) -> None:
        """Watch every event of the app from now on: input (idle time, Ctrl+L) and windows
        shown behind the lock. The filter runs Python for each event of each widget, which
        made building the main window three times slower (~10 → ~30 ms, a GUI stall while
        the lock screen waits: tests/benchmarks/startup.py). So the start-up calls this once
        the main window is built behind the lock screen: until then nobody is signed in,
        input only reaches the lock screen, and a window shown meanwhile is covered here."""
        if self._watching:
            return
        self._watching = True
        app = QCoreApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        if self._workstation.locked:
            for window in QApplication.topLevelWidgets():
                if window.isVisible() and _is_app_window(window, self.lock_screen):
                    self._on_window_shown(window)

    def shutdown(self) -> None:
        """The app is quitting: stop watching input and let the lock screen close. Call it
        once the main window has closed its session (closing the last visible window quits
        the app, and the app's clean-up runs then)."""
        self._idle_timer.stop()
        self._move_gate.stop()
        if self._os_lock is not None:
            self._os_lock.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.lock_screen.close_for_good()

    @Slot()
    def bring_to_front(self) -> None:
        """A second launch: the lock screen when locked, else the last active window."""
        if self._workstation.locked:
            self.lock_screen.show()
            self.lock_screen.raise_()
            self.lock_screen.activateWindow()
            return
        self.app_to_front.emit()

    def follow_os_lock(self, source: OsLockSource) -> None:
        """Lock whenever ``source`` says the computer's session locked."""
        self._os_lock = source
        source.session_locked.connect(self._on_os_session_locked)

    def follow_os_lock_from_first_unlock(
        self, factory: Callable[[], OsLockSource | None]
    ) -> None:
        """Make the OS lock source (``factory()``; None: none here) once someone first
        unlocks: until then the app is locked anyway, and start-up stays light."""
        self._os_lock_factory = factory

    @Slot()
    def _on_os_session_locked(self) -> None:
        if not self._workstation.locked:
            self.lock(LockReason.OS_SESSION)

    @property
    def is_locked(self) -> bool:
        return self._workstation.locked

    # locking

    def start_locked(self) -> None:
        """At start: nobody is known yet, so only the lock screen shows."""
        self._cover(LockReason.START)

    def cover(self, window: QWidget) -> None:
        """``window`` was built while the app may be locked (the main window, built after the
        lock screen's first frame): it shows at the next unlock, never before. Unlocked: it
        shows now."""
        if not self._workstation.locked:
            window.show()
            return
        if window not in self._covered:
            self._covered.append(window)
            window.destroyed.connect(lambda _obj=None, w=window: self._drop(w))

    @Slot()
    def lock_now(self) -> None:
        """Ctrl+L: lock at once."""
        self.lock(LockReason.SHORTCUT)

    def lock(self, reason: LockReason) -> None:
        """Lock for ``reason`` (the shell calls this with OS_SESSION when the OS locks)."""
        self._workstation.lock(reason)
        if self._workstation.locked:
            self._cover(reason)

    def sign_out(self) -> None:
        self._workstation.sign_out()
        self._cover(LockReason.SIGN_OUT)

    @Slot()
    def check_idle(self) -> None:
        """Lock if the idle time is up; otherwise wait for the rest of it."""
        if self._workstation.check_idle():
            self._cover(LockReason.IDLE)
        else:
            self._arm()

    def forget(self, window: QWidget) -> None:
        """``window`` is closing for good: don't bring it back at the next unlock."""
        self._drop(window)

    def covered_windows(self) -> list[QWidget]:
        """Windows the lock keeps hidden now (for tests and the shell's draft flush)."""
        return list(self._covered)

    # events

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _MOVE_EVENTS:
            if self._moves_open:
                self._moves_open = False
                self._move_gate.start()
                self._workstation.activity()
        elif kind in _INPUT_EVENTS:
            if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and (
                QKeySequence(event.keyCombination()) == LOCK_SHORTCUT
            ):
                if not self._workstation.locked:
                    self.lock_now()
                return True
            self._workstation.activity()
        elif kind == QEvent.Type.Show and _is_app_window(watched, self.lock_screen):
            assert isinstance(watched, QWidget)
            self._on_window_shown(watched)
        elif kind == QEvent.Type.Hide and _is_app_window(watched, self.lock_screen):
            work_id = watched.property(_WORK_PROPERTY)
            if work_id and not self._covering and not self._workstation.locked:
                self._workstation.policy.close_work(str(work_id))  # closed by its user
        return False

    def _open_move_gate(self) -> None:
        self._moves_open = True

    def _on_window_shown(self, window: QWidget) -> None:
        if self._workstation.locked:
            # Something opened a window behind the lock (a finished task's dialog): it waits.
            if window not in self._covered:
                self._covered.append(window)
                window.destroyed.connect(lambda _obj=None, w=window: self._drop(w))
            QTimer.singleShot(0, window.hide)
            return
        self.window_shown.emit(window)
        if window.property(_SHARED_PROPERTY):
            return
        policy = self._workstation.policy
        work_id = window.property(_WORK_PROPERTY)
        if not work_id:
            work_id = f"window-{id(window):x}"
            window.setProperty(_WORK_PROPERTY, work_id)
            window.destroyed.connect(lambda _obj=None, w=work_id: policy.close_work(w))
            self.window_opened.emit(window)
        if policy.owner(str(work_id)) is None:
            policy.open_work(str(work_id))

    # covering and uncovering

    def _cover(self, reason: LockReason) -> None:
        self._idle_timer.stop()
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self._covering = True
        try:
            for window in app.topLevelWidgets():
                if window is self.lock_screen or not window.isVisible():
                    continue
                if _is_app_window(window, self.lock_screen) and window not in self._covered:
                    self._covered.append(window)
                    window.destroyed.connect(lambda _obj=None, w=window: self._drop(w))
                window.hide()  # menus and tooltips too: nothing stays on screen
        finally:
            self._covering = False
        self.lock_screen.refresh(self._reason_text(reason))
        self.lock_screen.show()
        self.lock_screen.raise_()
        self.lock_screen.activateWindow()
        self.locked.emit(reason.value)

    def _drop(self, window: QWidget) -> None:
        if window in self._covered:
            self._covered.remove(window)

    @Slot(object)
    def _on_lock_screen_signed_in(self, outcome: object) -> None:
        assert isinstance(outcome, SignInOutcome)
        result = outcome.unlock
        if result is None:
            return
        policy = self._workstation.policy
        still_hidden: list[QWidget] = []
        # Main windows first, dialogs after, so a dialog comes back on top of its parent.
        ordered = sorted(self._covered, key=lambda w: w.parentWidget() is not None)
        for window in ordered:
            work_id = window.property(_WORK_PROPERTY)
            if work_id and not policy.visible(str(work_id)):
                still_hidden.append(window)
                continue
            window.show()
            window.raise_()
        self._covered = still_hidden
        self.lock_screen.hide()
        self._arm()
        factory, self._os_lock_factory = self._os_lock_factory, None
        if factory is not None and self._os_lock is None:
            source = factory()
            if source is not None:
                self.follow_os_lock(source)
        self.unlocked.emit(result)
        if result.hidden:
            self.work_hidden.emit(list(result.hidden))

    def _arm(self) -> None:
        remaining = self._workstation.policy.seconds_until_lock()
        if remaining is None:
            return
        self._idle_timer.start(max(1000, int(remaining * 1000) + 50))

    def _reason_text(self, reason: LockReason) -> str:
        texts = {
            LockReason.START: "",
            LockReason.IDLE: self.tr("Locked after a while without use. Your work is kept."),
            LockReason.SHORTCUT: self.tr("Locked. Your work is kept."),
            LockReason.OS_SESSION: self.tr("Locked with the computer. Your work is kept."),
            LockReason.SIGN_OUT: self.tr("Signed out."),
        }
        return texts.get(reason, "")


def _is_app_window(watched: QObject, lock_screen: QWidget) -> bool:
    """A window or dialog of the app (not a menu, tooltip or popup, not the lock screen)."""
    return (
        isinstance(watched, QWidget) and watched.isWindow() and watched is not lock_screen
        and watched.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog)
    )
