"""The floor of tests/benchmarks/startup.py: python + PySide6, a ``QMainWindow`` holding a
300-row ``QTableView``. Run as a script (or PyInstaller-bundled by ``startup.py --bundle``),
it prints ``first-frame <time.monotonic()>`` on the turn after its first paint, as the app
does with SPOT_FRONT_DESK_FIRST_FRAME_STAMP set."""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

ROWS = 300


class Model(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows = [(f"Order {n}", f"Patient {n}", "In transit", f"2026-11-{n % 28 + 1}")
                     for n in range(ROWS)]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 4

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        return None


class FirstPaint(QObject):
    """Prints the stamp on the turn after the window's first paint (app.views.first_paint)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, lambda: print(f"first-frame {time.monotonic():.6f}", flush=True))
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    view = QTableView()
    model = Model()
    view.setModel(model)
    window.setCentralWidget(view)
    window.resize(1280, 720)
    stamp = FirstPaint()
    window.installEventFilter(stamp)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
