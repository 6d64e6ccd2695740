"""Cyclic garbage is collected on the GUI thread, never in a worker that happens to allocate."""

from __future__ import annotations

import gc
import threading
import weakref

from pytestqt.qtbot import QtBot

from app.views.gc_guard import GuiThreadCollector


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cyclic collector frees it


def test_cycles_are_freed_by_the_gui_timer_not_by_allocating_threads(qtbot: QtBot) -> None:
    was_enabled = gc.isenabled()
    gc.enable()
    collector = GuiThreadCollector(interval_ms=50)
    try:
        assert not gc.isenabled()  # no automatic collection in any thread
        node = _Node()
        alive = weakref.ref(node)
        del node

        def allocate() -> None:  # a worker allocating well past every threshold
            junk = [[] for _ in range(50_000)]
            del junk

        worker = threading.Thread(target=allocate)
        worker.start()
        worker.join()
        assert alive() is not None  # the worker's allocations did not collect it
        for _ in range(gc.get_threshold()[0] * 20):
            _Node()
        qtbot.waitUntil(lambda: alive() is None, timeout=5000)  # the GUI timer did
    finally:
        collector.stop()
        if not was_enabled:
            gc.disable()
