"""The import preview over a 10,000-row file: scrolling and fixing a cell.

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/import_preview.py [--rows 10000]

Checks a list of fake people (tests/benchmarks/import_check.py's), shows the preview table at
1280x720 and scrolls it page by page to the end and back, repainting each step; then fixes
one cell in place (re-check of that row and the rows sharing its email or person). Prints the
worst step in wall and CPU time. Goal: no scroll step over 50 ms.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication, QTableView

from app.services.import_mapping import guess_mapping
from app.services.order_import import ImportCheck
from app.services.spreadsheets import read_table
from app.views.gc_guard import GuiThreadCollector
from app.views.outreach.preview_model import ImportRowsModel, collect_before_showing

sys.path.insert(0, str(Path(__file__).parent))
from import_check import fake_rows, write

GOAL_MS = 50.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    GuiThreadCollector(app)  # as the app does
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "list.csv"
        write(path, fake_rows(args.rows), xlsx=False)
        table = read_table(path)
    check = ImportCheck(table, guess_mapping(table.headers), catalog={"health_kit_1": "Health kit"})
    collect_before_showing()  # as the import window does when the check arrives
    model = ImportRowsModel(check)
    view = QTableView()
    view.setModel(model)
    view.resize(1280, 720)
    view.show()
    app.processEvents()
    bar = view.verticalScrollBar()
    steps: list[float] = []
    cpu: list[float] = []  # CPU time per step: steadier than wall time on a shared machine
    positions = list(range(0, bar.maximum() + 1, max(1, bar.pageStep())))
    for value in positions + positions[::-1]:
        started, cpu_started = time.perf_counter(), time.process_time()
        bar.setValue(value)
        view.viewport().repaint()
        app.processEvents()
        steps.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
    started = time.perf_counter()
    model.setData(model.index(2, 3), "Fixedname")
    view.viewport().repaint()
    app.processEvents()
    fix_ms = (time.perf_counter() - started) * 1000
    worst = max(steps)
    steps.sort()
    print(f"{len(steps)} scroll steps, median {steps[len(steps) // 2]:.1f} ms; fixing one cell "
          f"re-checks duplicates in {fix_ms:.0f} ms", file=sys.stderr)  # fmt: skip
    print(f"preview of {args.rows} rows: worst scroll step {worst:.1f} ms wall, "
          f"{max(cpu):.1f} ms CPU (goal {GOAL_MS:.0f} ms)")  # fmt: skip
    # Judged on CPU time: on our shared 2-core machines the wall time of a step mostly says how
    # busy the other developers are (both are printed).
    return 0 if max(cpu) <= GOAL_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
