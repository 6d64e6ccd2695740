"""What a moving mouse costs with the lock controller watching input (issue 15).

Sends N mouse moves to a widget's window through Qt's normal dispatch (what a real mouse
does) with and without the `LockController`'s application-wide event filter, and prints the
time per move and how many times the idle lock's activity() ran. Goal: the filter adds well
under a microsecond-scale fraction of a frame per move, and activity() runs once a second,
not once per move.

Run: QT_QPA_PLATFORM=offscreen python tests/benchmarks/idle_activity.py [--moves N]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from app.tasks import InlineTaskRunner
from app.views.staff.lock_controller import LockController
from app.views.staff.lock_screen import LockScreen
from tests.helpers.staff import DESK_PIN, FakeClock, admin_and_desk, make_workstation


def send_moves(target: QWidget, count: int) -> float:
    """Seconds to deliver ``count`` mouse moves to ``target``'s window."""
    window = target.window().windowHandle()
    assert window is not None
    start = time.perf_counter()
    for step in range(count):
        point = QPointF(5 + step % 50, 5 + step % 7)
        event = QMouseEvent(QEvent.Type.MouseMove, point, point, point, Qt.MouseButton.NoButton,
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(window, event)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--moves", type=int, default=100_000)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    form = QWidget()
    edit = QLineEdit(form)
    QVBoxLayout(form).addWidget(edit)
    form.show()
    app.processEvents()
    bare = send_moves(edit, args.moves)

    with tempfile.TemporaryDirectory() as folder:
        ws = make_workstation(Path(folder), FakeClock())
        _ana, fay = admin_and_desk(ws)
        ws.sign_in(fay.staff_id, DESK_PIN)
        counted = [0]
        real_activity = ws.activity

        def activity() -> None:
            counted[0] += 1
            real_activity()

        ws.activity = activity  # type: ignore[method-assign]
        controller = LockController(ws, LockScreen(ws, InlineTaskRunner()))
        watched = send_moves(edit, args.moves)
        controller.shutdown()
    per_bare = bare / args.moves * 1e6
    per_watched = watched / args.moves * 1e6
    print(f"{args.moves} moves: {per_bare:.2f} µs/move bare, {per_watched:.2f} µs/move watched "
          f"(+{per_watched - per_bare:.2f} µs); activity() ran {counted[0]} time(s) in "
          f"{watched:.2f} s")


if __name__ == "__main__":
    main()
