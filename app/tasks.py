"""Background work: run blocking service calls off the GUI thread, deliver results on it.

Views receive a runner in their constructor and call ``runner.run(fn, *args, on_success=...,
on_error=..., key=...)``. ``fn`` runs on a ``QThreadPool`` worker; its result or exception is
handed to the callbacks on the GUI thread. A newer task with the same ``key`` supersedes the
older one, whose callbacks then never fire (a fresh search makes the previous one stale).
Tests pass an ``InlineTaskRunner`` instead, which runs everything synchronously.

``post_to_gui(fn)`` runs a callable on the GUI thread from any thread: services report from
their own threads through plain callbacks (the outbox sender), and views wrap those callbacks
with ``call_on_gui``.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

__all__ = [
    "GuiBridge",
    "InlineTaskRunner",
    "OwnedTasks",
    "PeriodicTask",
    "Runner",
    "TaskHandle",
    "TaskRunner",
    "call_on_gui",
    "post_to_gui",
]

log = logging.getLogger(__name__)

OnSuccess = Callable[[Any], None]
OnError = Callable[[BaseException], None]


class TaskHandle:
    """A submitted task: cancel it, or ask whether it has finished.

    ``cancel()`` (called on the GUI thread) guarantees that neither callback runs afterwards.
    The worker itself cannot be interrupted; a task that already started runs to its end and
    its result is dropped. A task still waiting in the queue is removed and never runs.
    """

    def __init__(
        self, task_id: int, key: str | None, on_cancel: Callable[[], None] | None = None
    ) -> None:
        self.task_id = task_id
        self.key = key
        self._on_cancel = on_cancel
        self._cancelled = threading.Event()
        self._done = threading.Event()

    @property
    def cancelled(self) -> bool:
        """True once cancelled; long workers may poll it to stop early."""
        return self._cancelled.is_set()

    @property
    def done(self) -> bool:
        """True once the task finished and its outcome was delivered (or dropped)."""
        return self._done.is_set()

    def cancel(self) -> None:
        if self._cancelled.is_set():
            return
        self._cancelled.set()
        if self._on_cancel is not None:
            self._on_cancel()

    def __repr__(self) -> str:
        state = "done" if self.done else "cancelled" if self.cancelled else "pending"
        return f"<TaskHandle #{self.task_id} key={self.key!r} {state}>"


class Runner(Protocol):
    """What views depend on: the Qt runner and the inline runner both satisfy it."""

    def run[T](
        self,
        fn: Callable[..., T],
        *args: Any,
        on_success: Callable[[T], None] | None = None,
        on_error: OnError | None = None,
        key: str | None = None,
    ) -> TaskHandle: ...

    def cancel_key(self, key: str) -> None: ...

    def wait_idle(self, timeout_ms: int = 5000, *, skip_keys: Collection[str] = ()) -> bool: ...

    def shutdown(self, timeout_ms: int = 5000) -> bool: ...


@dataclass(eq=False)
class _Pending:
    handle: TaskHandle
    on_success: OnSuccess | None
    on_error: OnError | None
    runnable: _Job | None = field(default=None)


class _Job(QRunnable):
    """Runs ``fn`` on a pool thread and reports the outcome through ``report``."""

    def __init__(
        self,
        task_id: int,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        report: Callable[[int, bool, object], None],
    ) -> None:
        super().__init__()
        # The runner keeps the Python object alive until delivery; Qt must not delete it.
        self.setAutoDelete(False)
        self._task_id = task_id
        self._fn = fn
        self._args = args
        self._report = report

    def run(self) -> None:
        try:
            result: object = self._fn(*self._args)
        except BaseException as exc:  # noqa: BLE001 - every failure is handed to on_error
            self._report(self._task_id, False, exc)
        else:
            self._report(self._task_id, True, result)
        finally:
            # Drop references early: args may hold large payloads.
            self._fn = _noop
            self._args = ()


def _noop(*_args: object) -> None:
    return None


class TaskRunner(QObject):
    """Runs callables on a ``QThreadPool``; callbacks run on the thread that owns the runner.

    Create it on the GUI thread and call ``run``/``cancel_key``/``wait_idle``/``shutdown``
    from the GUI thread only. A task's exception is passed to its ``on_error``; with no
    ``on_error`` it is logged (type only: messages can quote patient data) and
    ``task_failed`` is emitted, so a failure is never silently lost.
    """

    task_failed = Signal(object)
    _finished = Signal(int, bool, object)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        pool: QThreadPool | None = None,
        max_threads: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._pool = pool if pool is not None else QThreadPool(self)
        if max_threads is not None:
            self._pool.setMaxThreadCount(max_threads)
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._by_key: dict[str, TaskHandle] = {}
        # Finished jobs stay referenced until the pool is idle: the outcome is delivered
        # while the pool thread may still be returning from the job's run().
        self._retired: list[_Job] = []
        self._closed = False
        # Emitted from pool threads; the runner lives on the GUI thread, so Qt queues the call.
        self._finished.connect(self._on_job_finished)

    @property
    def pool(self) -> QThreadPool:
        return self._pool

    def run[T](
        self,
        fn: Callable[..., T],
        *args: Any,
        on_success: Callable[[T], None] | None = None,
        on_error: OnError | None = None,
        key: str | None = None,
    ) -> TaskHandle:
        """Start ``fn(*args)`` on a worker; a running task with the same ``key`` goes stale."""
        if self._closed:
            raise RuntimeError("the task runner has been shut down")
        task_id = next(self._ids)
        # Cancelling a task that has not started takes it off the queue.
        handle = TaskHandle(task_id, key, on_cancel=lambda: self._dequeue(task_id))
        if key is not None:
            previous = self._by_key.get(key)
            if previous is not None:
                previous.cancel()
            self._by_key[key] = handle
        if self._retired and self._pool.activeThreadCount() == 0:
            self._retired.clear()
        job = _Job(task_id, fn, args, self._report)
        self._pending[task_id] = _Pending(handle, on_success, on_error, job)
        self._pool.start(job)
        return handle

    def cancel_key(self, key: str) -> None:
        """Cancel the current task for ``key``, if any."""
        handle = self._by_key.pop(key, None)
        if handle is not None:
            handle.cancel()

    def active_count(self) -> int:
        """Tasks submitted whose outcome has not yet been delivered or dropped."""
        return len(self._pending)

    def wait_idle(self, timeout_ms: int = 5000, *, skip_keys: Collection[str] = ()) -> bool:
        """Block until every task finished and its callbacks ran (tests and shutdown).

        Processes events while waiting, so callbacks that start new tasks are waited for too.
        Tasks whose key is in ``skip_keys`` are not waited for (at quit: reads whose answers
        nobody wants, possibly waiting on the network).
        """
        deadline = time.monotonic() + timeout_ms / 1000
        left_behind = sum(1 for p in self._pending.values() if p.handle.key in skip_keys)
        if left_behind:
            # Work left behind keeps its worker: what is waited for must not queue behind it.
            self._pool.setMaxThreadCount(self._pool.maxThreadCount() + left_behind)
        while True:
            QCoreApplication.processEvents()
            if all(pending.handle.key in skip_keys for pending in self._pending.values()):
                return True
            remaining_ms = int((deadline - time.monotonic()) * 1000)
            if remaining_ms <= 0:
                return False
            self._pool.waitForDone(min(remaining_ms, 20))

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Stop accepting work, drop queued tasks and callbacks, wait for running workers.

        Returns False if workers were still running when the timeout expired.
        """
        self._closed = True
        self._pool.clear()
        for pending in list(self._pending.values()):
            pending.handle._cancelled.set()
        self._by_key.clear()
        finished = bool(self._pool.waitForDone(timeout_ms))
        QCoreApplication.processEvents()
        if finished:
            self._retired.clear()
        return finished

    def _report(self, task_id: int, ok: bool, payload: object) -> None:
        # Pool thread. The runner may already be gone at exit; nobody is waiting then.
        try:
            self._finished.emit(task_id, ok, payload)
        except RuntimeError:
            log.debug("task #%d finished after its runner was deleted", task_id)

    def _dequeue(self, task_id: int) -> None:
        pending = self._pending.get(task_id)
        if pending is None or pending.runnable is None:
            return
        if self._pool.tryTake(pending.runnable):
            # It never started, so no outcome will arrive: settle it now.
            self._settle(task_id)

    def _settle(self, task_id: int) -> _Pending | None:
        pending = self._pending.pop(task_id, None)
        if pending is None:
            return None
        if pending.runnable is not None:
            self._retired.append(pending.runnable)
            pending.runnable = None
        handle = pending.handle
        if handle.key is not None and self._by_key.get(handle.key) is handle:
            del self._by_key[handle.key]
        handle._done.set()
        return pending

    @Slot(int, bool, object)
    def _on_job_finished(self, task_id: int, ok: bool, payload: object) -> None:
        pending = self._settle(task_id)
        if pending is None or pending.handle.cancelled:
            return
        _deliver(pending, ok, payload, self.task_failed.emit)


def _deliver(
    pending: _Pending, ok: bool, payload: object, unhandled: Callable[[object], None]
) -> None:
    if ok:
        if pending.on_success is not None:
            pending.on_success(payload)
        return
    assert isinstance(payload, BaseException)
    if pending.on_error is not None:
        pending.on_error(payload)
        return
    log.warning("background task failed with no error handler: %s", type(payload).__name__)
    unhandled(payload)


class InlineTaskRunner:
    """Same interface as ``TaskRunner``, for tests: runs each task synchronously in ``run``.

    With ``defer=True`` tasks queue up until ``run_pending()``, so a test can look at the
    "loading" state or check that a newer task with the same key supersedes an older one.
    Failures without ``on_error`` are collected in ``unhandled`` (and logged).
    """

    def __init__(self, *, defer: bool = False) -> None:
        self.defer = defer
        self.calls: list[tuple[Callable[..., Any], tuple[Any, ...]]] = []
        self.unhandled: list[BaseException] = []
        self._ids = itertools.count(1)
        self._queue: list[tuple[_Pending, Callable[..., Any], tuple[Any, ...]]] = []
        self._by_key: dict[str, TaskHandle] = {}

    def run[T](
        self,
        fn: Callable[..., T],
        *args: Any,
        on_success: Callable[[T], None] | None = None,
        on_error: OnError | None = None,
        key: str | None = None,
    ) -> TaskHandle:
        handle = TaskHandle(next(self._ids), key)
        if key is not None:
            previous = self._by_key.get(key)
            if previous is not None:
                previous.cancel()
            self._by_key[key] = handle
        self.calls.append((fn, args))
        self._queue.append((_Pending(handle, on_success, on_error), fn, args))
        if not self.defer:
            self.run_pending()
        return handle

    def run_pending(self) -> int:
        """Run every queued task (and tasks their callbacks start); returns how many ran."""
        count = 0
        while self._queue:
            pending, fn, args = self._queue.pop(0)
            handle = pending.handle
            if handle.cancelled:
                handle._done.set()
                continue
            count += 1
            try:
                result: object = fn(*args)
                ok = True
            except BaseException as exc:  # noqa: BLE001 - handed to on_error like TaskRunner
                result, ok = exc, False
            handle._done.set()
            if handle.key is not None and self._by_key.get(handle.key) is handle:
                del self._by_key[handle.key]
            if not handle.cancelled:
                _deliver(pending, ok, result, self._collect)
        return count

    def pending_count(self) -> int:
        return sum(1 for pending, _, _ in self._queue if not pending.handle.cancelled)

    def cancel_key(self, key: str) -> None:
        handle = self._by_key.pop(key, None)
        if handle is not None:
            handle.cancel()

    def wait_idle(self, timeout_ms: int = 5000, *, skip_keys: Collection[str] = ()) -> bool:
        self.run_pending()
        return True

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        for pending, _, _ in self._queue:
            pending.handle.cancel()
            pending.handle._done.set()
        self._queue.clear()
        return True

    def _collect(self, exc: object) -> None:
        assert isinstance(exc, BaseException)
        self.unhandled.append(exc)


class OwnedTasks:
    """Tasks whose answers go to one widget (a dialog): a late answer never reaches it dead.

    ``cancel_all()`` drops every pending answer (call it when the window closes); answers
    that arrive once Qt has deleted ``owner`` are dropped too, whatever deleted it (closed
    before it was shown, its parent window closed with WA_DeleteOnClose).

    Cancelling takes a task that has not started off the queue: right for a read nobody
    wants any more, wrong for a write. A write (a draft save, an order for the outbox, a kit
    registration, a file) is run with ``durable=True``: it always runs to the end, and only
    its answer is dropped once the window is gone. Closing the window right after typing or
    clicking must never lose what the user did.
    """

    def __init__(self, runner: Runner, owner: QObject) -> None:
        self._runner = runner
        # No reference to the owner (it keeps this object: a reference back would be a cycle,
        # and the cyclic GC would then delete the owner's Qt object at an arbitrary moment,
        # seen as a crash in another widget's paint event). Its destroyed signal says when.
        self._owner_alive = True
        owner.destroyed.connect(self._on_owner_destroyed)
        self._handles: list[TaskHandle] = []

    def run[T](
        self,
        fn: Callable[..., T],
        *args: Any,
        on_success: Callable[[T], None] | None = None,
        on_error: OnError | None = None,
        key: str | None = None,
        durable: bool = False,
    ) -> TaskHandle:
        """``runner.run`` with the callbacks skipped once ``owner`` is deleted; a ``durable``
        task (a write) is never cancelled by ``cancel_all`` or the owner's deletion."""
        self._handles = [h for h in self._handles if not h.done]
        handle = self._runner.run(
            fn, *args, on_success=self._guard(on_success), on_error=self._guard(on_error),
            key=key,
        )
        if not durable:
            self._handles.append(handle)
        return handle

    def _on_owner_destroyed(self, *_args: object) -> None:
        self._owner_alive = False
        self.cancel_all()

    def cancel_all(self) -> None:
        for handle in self._handles:
            handle.cancel()
        self._handles = []

    def _guard[T](self, callback: Callable[[T], None] | None) -> Callable[[T], None] | None:
        if callback is None:
            return None
        def guarded(value: T) -> None:
            if self._owner_alive:
                callback(value)

        return guarded


class PeriodicTask(QObject):
    """Runs ``fn`` on a runner every ``interval_ms`` (e.g. the background sync).

    A tick is skipped while the previous run is still going, so a slow network never piles
    up requests. ``trigger()`` runs it now (the "Refresh" button); ``trigger(queue=True)``
    also promises one more run after a run in progress, for news that the run in progress
    may have started too early to see (an order the outbox has just sent). ``stop()`` ends it.
    """

    def __init__(
        self,
        runner: Runner,
        interval_ms: int,
        fn: Callable[[], Any],
        *,
        on_success: OnSuccess | None = None,
        on_error: OnError | None = None,
        key: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._key = key
        self._fn = fn
        self._on_success = on_success
        self._on_error = on_error
        self._current: TaskHandle | None = None
        self._run_again = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)

    @property
    def busy(self) -> bool:
        return self._current is not None and not self._current.done

    def start(self, *, run_now: bool = True) -> None:
        self._timer.start()
        if run_now:
            self.trigger()

    def stop(self) -> None:
        self._timer.stop()
        self._run_again = False
        if self._current is not None:
            self._current.cancel()
            self._current = None

    def trigger(self, *, queue: bool = False) -> bool:
        """Run now unless a run is in progress; returns whether a run started.

        With ``queue``, a run in progress is followed by one more (however many are queued).
        """
        if self.busy:
            self._run_again = self._run_again or queue
            return False
        self._run_again = False
        self._current = self._runner.run(
            self._fn, on_success=self._succeeded, on_error=self._failed, key=self._key
        )
        return True

    def _succeeded(self, result: object) -> None:
        if self._on_success is not None:
            self._on_success(result)
        self._after_run()

    def _failed(self, error: BaseException) -> None:
        if self._on_error is not None:
            self._on_error(error)
        self._after_run()

    def _after_run(self) -> None:
        if self._run_again:
            # Deferred: the finished run only counts as done once its callbacks return.
            QTimer.singleShot(0, self, self._run_queued)

    @Slot()
    def _run_queued(self) -> None:
        if self._run_again:
            self.trigger()

    @Slot()
    def _on_timer_timeout(self) -> None:
        self.trigger()


class GuiBridge(QObject):
    """Runs callables on the thread that owns it (the GUI thread) whatever thread posts them."""

    _posted = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._posted.connect(self._on_posted)

    def post(self, fn: Callable[[], Any]) -> None:
        """Queue ``fn`` to run on the bridge's thread; safe to call from any thread."""
        self._posted.emit(fn)

    @Slot(object)
    def _on_posted(self, fn: Callable[[], Any]) -> None:
        fn()


_default_bridge: GuiBridge | None = None
_bridge_lock = threading.Lock()


def _gui_bridge() -> GuiBridge:
    global _default_bridge
    with _bridge_lock:
        if _default_bridge is None:
            app = QCoreApplication.instance()
            if app is None:
                raise RuntimeError("post_to_gui needs a running QApplication")
            bridge = GuiBridge()
            # Possibly created on a worker thread: hand it to the GUI thread before use.
            bridge.moveToThread(app.thread())
            _default_bridge = bridge
        return _default_bridge


def post_to_gui(fn: Callable[[], Any]) -> None:
    """Run ``fn()`` on the GUI thread soon; callable from any thread (thread-safe)."""
    _gui_bridge().post(fn)


def call_on_gui[**P](fn: Callable[P, Any]) -> Callable[P, None]:
    """Wrap a callback so that calling it from any thread runs it on the GUI thread.

    For service callbacks fired on their own threads, e.g.
    ``outbox.subscribe(call_on_gui(self._on_outbox_item_changed))``.
    """

    def wrapper(*args: P.args, **kwargs: P.kwargs) -> None:
        post_to_gui(lambda: fn(*args, **kwargs))

    return wrapper
