"""The task runner: work off the GUI thread, outcomes on it, stale tasks never call back."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QObject, QThread
from pytestqt.qtbot import QtBot

from app.tasks import (
    GuiBridge,
    InlineTaskRunner,
    OwnedTasks,
    PeriodicTask,
    TaskRunner,
    call_on_gui,
    post_to_gui,
)


class Recorder:
    """Collects callback outcomes with the thread each one ran on."""

    def __init__(self) -> None:
        self.successes: list[Any] = []
        self.errors: list[BaseException] = []
        self.threads: list[QThread] = []

    def on_success(self, value: Any) -> None:
        self.threads.append(QThread.currentThread())
        self.successes.append(value)

    def on_error(self, exc: BaseException) -> None:
        self.threads.append(QThread.currentThread())
        self.errors.append(exc)


class Boom(Exception):
    pass


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    task_runner = TaskRunner(max_threads=2)
    yield task_runner
    task_runner.shutdown(5000)
    task_runner.deleteLater()


def _blocker() -> tuple[threading.Event, Callable[[Any], Any]]:
    release = threading.Event()

    def wait_then_return(value: Any) -> Any:
        assert release.wait(5), "test never released the worker"
        return value

    return release, wait_then_return


def test_result_arrives_on_gui_thread_and_work_runs_off_it(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    gui_thread = QThread.currentThread()
    worker_threads: list[QThread] = []
    rec = Recorder()

    def work(a: int, b: int) -> int:
        worker_threads.append(QThread.currentThread())
        return a + b

    runner.run(work, 2, 3, on_success=rec.on_success, on_error=rec.on_error)
    qtbot.waitUntil(lambda: rec.successes == [5])
    assert rec.threads == [gui_thread]
    assert worker_threads
    assert worker_threads[0] is not gui_thread
    assert rec.errors == []


def test_worker_exception_goes_to_on_error_on_gui_thread(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    rec = Recorder()

    def fail() -> None:
        raise Boom("nope")

    handle = runner.run(fail, on_success=rec.on_success, on_error=rec.on_error)
    qtbot.waitUntil(lambda: len(rec.errors) == 1)
    assert isinstance(rec.errors[0], Boom)
    assert rec.threads == [QThread.currentThread()]
    assert rec.successes == []
    assert handle.done


def test_failure_without_on_error_is_signalled_not_lost(qtbot: QtBot, runner: TaskRunner) -> None:
    def fail() -> None:
        raise Boom("nobody listening")

    with qtbot.waitSignal(runner.task_failed, timeout=5000) as blocker:
        runner.run(fail)
    assert isinstance(blocker.args[0], Boom)


def test_newer_task_with_same_key_supersedes_older(qtbot: QtBot, runner: TaskRunner) -> None:
    release, slow = _blocker()
    rec = Recorder()
    old = runner.run(slow, "old", on_success=rec.on_success, on_error=rec.on_error, key="search")
    new = runner.run(lambda: "new", on_success=rec.on_success, key="search")
    qtbot.waitUntil(lambda: rec.successes == ["new"])
    assert old.cancelled
    release.set()
    assert runner.wait_idle(5000)
    assert rec.successes == ["new"]
    assert rec.errors == []
    assert new.done
    assert old.done


def test_superseded_task_failure_is_not_reported(qtbot: QtBot, runner: TaskRunner) -> None:
    release = threading.Event()
    rec = Recorder()

    def slow_fail() -> None:
        release.wait(5)
        raise Boom("stale")

    runner.run(slow_fail, on_error=rec.on_error, key="k")
    runner.run(lambda: 1, on_success=rec.on_success, key="k")
    release.set()
    assert runner.wait_idle(5000)
    assert rec.successes == [1]
    assert rec.errors == []


def test_tasks_with_different_keys_both_deliver(qtbot: QtBot, runner: TaskRunner) -> None:
    rec = Recorder()
    runner.run(lambda: "a", on_success=rec.on_success, key="a")
    runner.run(lambda: "b", on_success=rec.on_success, key="b")
    runner.run(lambda: "c", on_success=rec.on_success)
    assert runner.wait_idle(5000)
    assert sorted(rec.successes) == ["a", "b", "c"]


def test_cancel_running_task_drops_its_result(qtbot: QtBot, runner: TaskRunner) -> None:
    release, slow = _blocker()
    rec = Recorder()
    handle = runner.run(slow, 1, on_success=rec.on_success, on_error=rec.on_error)
    handle.cancel()
    release.set()
    assert runner.wait_idle(5000)
    assert handle.cancelled
    assert handle.done
    assert rec.successes == []
    assert rec.errors == []


def test_cancel_queued_task_never_runs(qtbot: QtBot) -> None:
    runner = TaskRunner(max_threads=1)
    release, slow = _blocker()
    ran: list[str] = []
    runner.run(slow, None)
    queued = runner.run(lambda: ran.append("queued"))
    queued.cancel()
    assert queued.done  # taken off the queue at once
    release.set()
    assert runner.wait_idle(5000)
    assert ran == []
    runner.shutdown(5000)


def test_cancel_key_cancels_current_task(qtbot: QtBot, runner: TaskRunner) -> None:
    release, slow = _blocker()
    rec = Recorder()
    handle = runner.run(slow, "x", on_success=rec.on_success, key="detail")
    runner.cancel_key("detail")
    runner.cancel_key("unknown")  # no task: nothing happens
    release.set()
    assert runner.wait_idle(5000)
    assert handle.cancelled
    assert rec.successes == []


def test_callback_may_start_another_task_and_wait_idle_waits_for_it(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    rec = Recorder()

    def chain(value: int) -> None:
        runner.run(lambda: value * 10, on_success=rec.on_success)

    runner.run(lambda: 4, on_success=chain)
    assert runner.wait_idle(5000)
    assert rec.successes == [40]
    assert runner.active_count() == 0


def test_wait_idle_times_out_while_a_task_runs(qtbot: QtBot, runner: TaskRunner) -> None:
    release, slow = _blocker()
    runner.run(slow, None)
    assert runner.wait_idle(50) is False
    release.set()
    assert runner.wait_idle(5000) is True


def test_wait_idle_can_leave_named_reads_behind_but_not_other_work(qtbot: QtBot) -> None:
    # Quitting: a refresh stuck on the network is left behind (nobody wants its answer), a
    # draft save is not, even when it is queued behind the refresh for the only worker.
    runner = TaskRunner(max_threads=1)
    release, stuck = _blocker()
    runner.run(stuck, None, key="refresh")
    saved = Recorder()
    runner.run(lambda: "saved", on_success=saved.on_success, key="draft:1")

    assert runner.wait_idle(5000, skip_keys=("refresh",)) is True
    assert saved.successes == ["saved"]
    assert not release.is_set()  # still stuck: not waited for
    assert runner.wait_idle(50) is False  # a plain wait still waits for it
    release.set()
    assert runner.shutdown(5000) is True


def test_shutdown_waits_for_running_work_and_drops_callbacks(qtbot: QtBot) -> None:
    runner = TaskRunner(max_threads=1)
    finished = threading.Event()
    rec = Recorder()

    def work() -> str:
        finished.wait(0.05)
        finished.set()
        return "late"

    runner.run(work, on_success=rec.on_success)
    runner.run(lambda: "queued", on_success=rec.on_success)
    assert runner.shutdown(5000) is True
    assert finished.is_set()
    qtbot.wait(20)
    assert rec.successes == []
    with pytest.raises(RuntimeError):
        runner.run(lambda: None)


def test_many_tasks_all_deliver(qtbot: QtBot, runner: TaskRunner) -> None:
    rec = Recorder()
    for i in range(200):
        runner.run(lambda i=i: i, on_success=rec.on_success)
    assert runner.wait_idle(10000)
    assert sorted(rec.successes) == list(range(200))
    assert set(rec.threads) == {QThread.currentThread()}


def test_post_to_gui_from_worker_thread_runs_on_gui_thread(qtbot: QtBot) -> None:
    gui_thread = QThread.currentThread()
    seen: list[QThread] = []
    thread = threading.Thread(target=lambda: post_to_gui(lambda: seen.append(
        QThread.currentThread())))
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(seen) == 1)
    assert seen[0] is gui_thread


def test_call_on_gui_wraps_service_callback(qtbot: QtBot) -> None:
    gui_thread = QThread.currentThread()
    received: list[tuple[Any, QThread]] = []

    def on_item_changed(item: str, *, state: str) -> None:
        received.append(((item, state), QThread.currentThread()))

    callback = call_on_gui(on_item_changed)
    threads = [
        threading.Thread(target=callback, args=(f"item{i}",), kwargs={"state": "sent"})
        for i in range(5)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    qtbot.waitUntil(lambda: len(received) == 5)
    assert sorted(args for args, _ in received) == [(f"item{i}", "sent") for i in range(5)]
    assert {thread for _, thread in received} == {gui_thread}


def test_gui_bridge_runs_posted_callables_in_order(qtbot: QtBot) -> None:
    bridge = GuiBridge()
    order: list[int] = []
    for i in range(10):
        bridge.post(lambda i=i: order.append(i))
    qtbot.waitUntil(lambda: len(order) == 10)
    assert order == list(range(10))


def test_periodic_task_skips_ticks_while_busy(qtbot: QtBot) -> None:
    runner = InlineTaskRunner(defer=True)
    results: list[int] = []
    counter = iter(range(100))
    periodic = PeriodicTask(runner, 60_000, lambda: next(counter), on_success=results.append)
    periodic.start()
    assert periodic.busy
    assert periodic.trigger() is False  # still running: no second request piles up
    runner.run_pending()
    assert results == [0]
    assert periodic.trigger() is True
    runner.run_pending()
    assert results == [0, 1]
    periodic.stop()


def test_periodic_task_queued_trigger_runs_once_more_after_the_busy_run(qtbot: QtBot) -> None:
    runner = InlineTaskRunner(defer=True)
    results: list[int] = []
    counter = iter(range(100))
    periodic = PeriodicTask(runner, 60_000, lambda: next(counter), on_success=results.append)
    periodic.start()
    # News arrives while the run is still going: two queued triggers ask for one more run.
    assert periodic.trigger(queue=True) is False
    assert periodic.trigger(queue=True) is False
    runner.run_pending()
    assert results == [0]
    qtbot.waitUntil(lambda: periodic.busy)
    runner.run_pending()
    assert results == [0, 1]
    qtbot.wait(50)
    assert not periodic.busy  # no third run: the queue held one follow-up, not two
    assert results == [0, 1]
    periodic.stop()


def test_periodic_task_queued_run_follows_a_failed_run_but_not_a_stop(qtbot: QtBot) -> None:
    runner = InlineTaskRunner(defer=True)
    calls: list[str] = []
    errors: list[BaseException] = []

    def job() -> str:
        calls.append("run")
        if len(calls) == 1:
            raise OSError("network down")
        return "ok"

    periodic = PeriodicTask(runner, 60_000, job, on_error=errors.append)
    periodic.start()
    periodic.trigger(queue=True)
    runner.run_pending()
    assert len(errors) == 1
    qtbot.waitUntil(lambda: periodic.busy)  # the failure did not swallow the queued run
    runner.run_pending()
    assert calls == ["run", "run"]

    periodic.trigger()
    periodic.trigger(queue=True)
    periodic.stop()
    runner.run_pending()
    qtbot.wait(50)
    assert not periodic.busy  # stopped: nothing more runs
    assert calls == ["run", "run"]


def test_periodic_task_runs_on_timer(qtbot: QtBot, runner: TaskRunner) -> None:
    results: list[str] = []
    periodic = PeriodicTask(runner, 10, lambda: "tick", on_success=results.append)
    periodic.start(run_now=False)
    qtbot.waitUntil(lambda: len(results) >= 2)
    periodic.stop()


# InlineTaskRunner: same contract, synchronous.


def test_inline_runner_delivers_synchronously() -> None:
    runner = InlineTaskRunner()
    rec = Recorder()
    handle = runner.run(lambda a: a * 2, 21, on_success=rec.on_success, on_error=rec.on_error)
    assert rec.successes == [42]
    assert handle.done
    assert runner.calls[0][1] == (21,)


def test_inline_runner_routes_exceptions() -> None:
    runner = InlineTaskRunner()
    rec = Recorder()

    def fail() -> None:
        raise Boom("x")

    runner.run(fail, on_error=rec.on_error)
    runner.run(fail)
    assert len(rec.errors) == 1
    assert isinstance(rec.errors[0], Boom)
    assert len(runner.unhandled) == 1
    assert isinstance(runner.unhandled[0], Boom)


def test_inline_deferred_runner_supersedes_by_key() -> None:
    runner = InlineTaskRunner(defer=True)
    rec = Recorder()
    old = runner.run(lambda: "old", on_success=rec.on_success, key="search")
    runner.run(lambda: "new", on_success=rec.on_success, key="search")
    assert runner.pending_count() == 1
    assert rec.successes == []
    assert runner.run_pending() == 1
    assert rec.successes == ["new"]
    assert old.cancelled


def test_inline_runner_cancel_before_run() -> None:
    runner = InlineTaskRunner(defer=True)
    rec = Recorder()
    handle = runner.run(lambda: 1, on_success=rec.on_success, key="k")
    runner.cancel_key("k")
    runner.wait_idle()
    assert rec.successes == []
    assert handle.cancelled
    assert runner.shutdown() is True


def test_rapid_typing_delivers_only_the_last_search(qtbot: QtBot, runner: TaskRunner) -> None:
    rec = Recorder()
    handles = [
        runner.run(lambda i=i: f"results for {i}", on_success=rec.on_success,
                   on_error=rec.on_error, key="search")
        for i in range(300)
    ]
    assert runner.wait_idle(10000)
    assert rec.successes == ["results for 299"]
    assert rec.errors == []
    assert all(handle.cancelled for handle in handles[:-1])
    assert all(handle.done for handle in handles)


def test_a_window_closing_drops_its_queued_reads_but_never_its_queued_writes(
    qtbot: QtBot,
) -> None:
    runner = TaskRunner(max_threads=1)
    release, slow = _blocker()
    runner.run(slow, None)  # the only worker is busy: what follows waits in the queue
    owner = QObject()
    tasks = OwnedTasks(runner, owner)
    ran: list[str] = []
    answers: list[str] = []
    tasks.run(lambda: ran.append("read"), on_success=lambda _r: answers.append("read"))
    tasks.run(lambda: ran.append("write"), on_success=lambda _r: answers.append("write"),
              durable=True)
    with qtbot.waitSignal(owner.destroyed):
        owner.deleteLater()
    tasks.cancel_all()  # what a closing window does, too
    release.set()
    assert runner.wait_idle(5000)
    assert ran == ["write"]  # the write ran although its window is gone
    assert answers == []  # and no answer reached the dead window
    runner.shutdown(5000)
