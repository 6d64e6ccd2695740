"""Python's cyclic garbage collector runs on the GUI thread only.

Left automatic, the collector runs in whichever thread happens to allocate: a sync or
report worker, or the embedded sandbox's server threads. A Qt object that Python owns and
that sits in a reference cycle is then deleted from that thread, which Qt does not allow
(seen as a crash inside a paint event or while a window closed). So automatic collection
is switched off and a GUI-thread timer collects instead, as often as the thresholds would
have asked for it (pyqtgraph's GarbageCollector does the same).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

__all__ = ["GuiThreadCollector"]

INTERVAL_MS = 1000


class GuiThreadCollector(QObject):
    """Create on the GUI thread; ``stop()`` turns automatic collection back on."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start(interval_ms)

    def collect_due(self) -> None:
        """Collect the oldest generation whose count passed its threshold (if any)."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                gc.collect(generation)
                return

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()
