"""Order list at 100,000 orders: first paint, search keystroke, sort, memory, GUI stall.

Each figure is printed beside the same operation on a bare ``QAbstractTableModel`` over a
list of tuples (the floor Qt allows from Python), as a ratio. Then the real window syncs
10,000 orders from a sandbox answering with 100 ms latency while a heartbeat timer records
the longest the GUI thread went without running it.

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/order_list_100k.py [--orders N]

Goals: keystroke filter ≤ 50 ms median, sort ≤ 300 ms, worst stall ≤ 50 ms.
The last line is machine-readable:
``first_paint_ms=… filter_median_ms=… sort_ms=… worst_stall_ms=…``.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import (
    QAbstractTableModel,
    QElapsedTimer,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import QApplication, QTableView

from app.services.order_rules import KitInfo, OrderInfo, OrderRow, build_row
from app.views.orders.order_table import (
    COL_PATIENT,
    COL_PROGRESS,
    COL_STATUS,
    OrderTableModel,
    StatusBadgeDelegate,
)

FIRST = ("Ada", "Bert", "Cora", "Dale", "Eve", "Finn", "Gwen", "Hank", "Iris", "Jude")
LAST = ("Fakename", "Notreal", "Sampleton", "Mockson", "Testwood", "Dummyfield", "Placeholt")
STATES = ("CA", "NY", "TX", "WA", "ON", "BC", "QC", "FL", "IL", "MA")
KIT_STEPS = (
    ("preparing", ""), ("in_transit", "awaiting_collection"), ("delivered", "awaiting_collection"),
    ("registered", "in_transit"), ("registered", "received"), ("registered", "resulted"),
    ("delivery_exception", ""), ("registered", "collection_exception"),
)
KEYSTROKES: tuple[str, ...] = (
    # A name typed letter by letter, corrected, then a phone number and a kit id.
    "f", "fa", "fak", "fake", "faken", "fakena", "fakenam", "fakename",
    "fakenam", "fakena", "faken", "fake", "fak", "fa", "f", "",
    "5", "55", "555", "555-", "555-01", "555-0123",
    "s", "sp", "spo", "spot", "spott", "spottest", "spottest0", "spottest00042",
)


def fake_rows(count: int) -> list[OrderRow]:
    """Obviously fake orders, mixed statuses, one or two kits each."""
    base = datetime(2025, 1, 1, tzinfo=UTC)
    rows: list[OrderRow] = []
    for n in range(count):
        created = base + timedelta(minutes=7 * n)
        updated = created + timedelta(hours=n % 400)
        order_id = f"O{n:07d}"
        order = OrderInfo(
            order_id=order_id,
            status=("pending", "in_progress", "completed")[n % 3],
            first_name=FIRST[n % len(FIRST)],
            last_name=f"{LAST[n % len(LAST)]}{n % 1000}",
            email=f"patient{n}@example.test",
            phone=f"555-01{n % 100:02d}",
            state=STATES[n % len(STATES)],
            country="CA" if STATES[n % len(STATES)] in ("ON", "BC", "QC") else "US",
            created=created,
            updated=updated,
        )
        kits = []
        for k in range(1 + n % 2):
            kit_status, sample_status = KIT_STEPS[(n + k) % len(KIT_STEPS)]
            kits.append(
                KitInfo(
                    kit_id=f"SPOTTEST{2 * n + k:06d}", kit_type=("adx100", "saliva_3")[k],
                    order_id=order_id, kit_status=kit_status, sample_status=sample_status,
                    created=created, updated=updated,
                )
            )
        rows.append(build_row(order, kits))
    return rows


class BareModel(QAbstractTableModel):
    """The floor: a list of tuples, filter by comprehension, sort by ``sorted``."""

    def __init__(self, rows: list[tuple[Any, ...]]) -> None:
        super().__init__()
        self._all = rows
        self._rows = rows

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 8

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = 0
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            return self._rows[index.row()][index.column()]
        return None

    def filter(self, needle: str) -> None:
        self.beginResetModel()
        self._rows = [row for row in self._all if needle in row[8]] if needle else self._all
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._rows = sorted(
            self._rows, key=lambda row: row[column], reverse=order == Qt.SortOrder.DescendingOrder
        )
        self.layoutChanged.emit()


def as_tuples(rows: Sequence[OrderRow]) -> list[tuple[Any, ...]]:
    return [
        (
            r.order_id, f"{r.first_name} {r.last_name}", ", ".join(r.kit_types), r.status,
            r.progress.label, r.state, r.created.strftime("%Y-%m-%d %H:%M"),
            r.updated.strftime("%Y-%m-%d %H:%M"), r.search_text,
        )
        for r in rows
    ]


class PaintWatch(QObject):
    """Notes when the table's viewport has finished a paint."""

    def __init__(self) -> None:
        super().__init__()
        self.painted = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted += 1
        return False


def settle(app: QApplication, view: QTableView, watch: PaintWatch) -> None:
    """Process events until the view has painted what changed."""
    before = watch.painted
    view.viewport().update()
    deadline = time.perf_counter() + 5
    while watch.painted == before and time.perf_counter() < deadline:
        app.processEvents()


def make_view(watch: PaintWatch) -> QTableView:
    view = QTableView()
    view.resize(1280, 800)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(26)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.viewport().installEventFilter(watch)
    return view


def first_paint_ms(app: QApplication, load: Callable[[], QAbstractTableModel]) -> float:
    watch = PaintWatch()
    view = make_view(watch)
    start = time.perf_counter()
    model = load()
    view.setModel(model)
    view.show()
    deadline = time.perf_counter() + 10
    while watch.painted == 0 and time.perf_counter() < deadline:
        app.processEvents()
    elapsed = (time.perf_counter() - start) * 1000
    view.close()
    view.deleteLater()
    return elapsed


def timed_ops(
    app: QApplication,
    model: QAbstractTableModel,
    filter_fn: Callable[[str], None],
    delegate: StatusBadgeDelegate | None = None,
) -> tuple[list[float], list[float], float]:
    """Per keystroke: (model only, model + repaint) times; then sort incl. repaint."""
    watch = PaintWatch()
    view = make_view(watch)
    if delegate is not None:  # the real list paints status and progress as badges
        view.setItemDelegateForColumn(COL_STATUS, delegate)
        view.setItemDelegateForColumn(COL_PROGRESS, delegate)
    view.setModel(model)
    view.show()
    settle(app, view, watch)
    keystrokes = []
    model_only = []
    for text in KEYSTROKES:
        start = time.perf_counter()
        filter_fn(text)
        applied = time.perf_counter()
        settle(app, view, watch)
        model_only.append((applied - start) * 1000)
        keystrokes.append((time.perf_counter() - start) * 1000)
    filter_fn("")
    settle(app, view, watch)
    start = time.perf_counter()
    model.sort(COL_PATIENT, Qt.SortOrder.AscendingOrder)
    settle(app, view, watch)
    sort_ms = (time.perf_counter() - start) * 1000
    view.close()
    view.deleteLater()
    return model_only, keystrokes, sort_ms


def real_model(rows: list[OrderRow]) -> OrderTableModel:
    model = OrderTableModel(kit_names={"adx100": "ADx100", "saliva_3": "Saliva"})
    model.set_rows(rows)
    return model


def peak_mib(build: Callable[[], Any]) -> float:
    tracemalloc.start()
    keep = build()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del keep
    return peak / 2**20


def memory_real(rows: list[OrderRow]) -> Callable[[], Any]:
    def build() -> Any:
        fresh = [build_row(_info(r), []) for r in rows]  # the rows themselves count too
        model = real_model(fresh)
        model.set_search_text("fake")
        model.sort(COL_PATIENT, Qt.SortOrder.AscendingOrder)
        return model

    return build


def memory_bare(rows: list[OrderRow]) -> Callable[[], Any]:
    def build() -> Any:
        model = BareModel(as_tuples(rows))
        model.filter("fake")
        model.sort(1)
        return model

    return build


def _info(row: OrderRow) -> OrderInfo:
    return OrderInfo(
        order_id=row.order_id, status=row.status, first_name=row.first_name,
        last_name=row.last_name, email=row.email, phone=row.phone, state=row.state,
        country=row.country, created=row.created, updated=row.updated,
    )


def sync_stall(app: QApplication, orders: int, latency_ms: int) -> tuple[float, float, int]:
    """Sync ``orders`` from a slow sandbox into the real window; worst heartbeat gap (ms).

    The sandbox runs in its own process, like the real server: in this process it would
    compete with the GUI for the GIL, which no production setup does.
    """
    import httpx

    from app.compose import sandbox_catalog
    from app.main import freeze_startup_heap
    from app.paths import paths
    from app.services.data_key import DataKey
    from app.services.environments import Environment
    from app.services.session import Session
    from app.tasks import TaskRunner
    from app.views.shell.main_window import MainWindow

    home = Path(tempfile.mkdtemp(prefix="spot-bench-"))
    os.environ["SPOT_FRONT_DESK_HOME"] = str(home)
    server = subprocess.Popen(
        [sys.executable, "-m", "app.sandbox", "--port", "0", "--speed", "0",
         "--data-dir", str(home / "sandbox"), "--seed", str(orders), "--rng-seed", "7"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert server.stdout is not None
        base_url = token = ""
        while not (base_url and token):
            line = server.stdout.readline()
            if not line:
                raise RuntimeError("the sandbox did not start")
            if line.startswith("Spot sandbox running at "):
                base_url = line.split(" at ", 1)[1].strip()
            elif line.startswith("API token: "):
                token = line.split(": ", 1)[1].strip()
        httpx.post(f"{base_url}/sandbox/faults", json={"latency_ms": latency_ms},
                   headers={"Authorization": f"Token {token}"}).raise_for_status()
        runner = TaskRunner()
        # As at a desk with a keyring: the stores are encrypted with a random data key.
        key = DataKey(secrets.token_bytes(32), "created")
        session = Session.open(Environment.sandbox(base_url), token, paths(),
                               kit_catalog=sandbox_catalog(), data_key=key)
        window = MainWindow(runner, session=session, auto_refresh=False, use_tray=False)
        window.resize(1280, 800)
        window.show()
        freeze_startup_heap()  # as app.main does once the window is up
        for _ in range(50):
            app.processEvents()
            time.sleep(0.002)
        gaps: list[float] = []
        clock = QElapsedTimer()
        clock.start()
        last = [clock.elapsed()]

        def beat() -> None:
            now = clock.elapsed()
            gaps.append(now - last[0])
            last[0] = now

        heartbeat = QTimer()
        heartbeat.setInterval(5)
        heartbeat.timeout.connect(beat)
        heartbeat.start()
        start = time.perf_counter()
        window.refresh_now()
        deadline = time.perf_counter() + 600
        while time.perf_counter() < deadline:
            app.processEvents()
            if not window.refresh_in_progress() and window.order_count() >= orders:
                break
            time.sleep(0.001)
        wall = time.perf_counter() - start
        for _ in range(20):  # let the final model update and repaint land inside the heartbeat
            app.processEvents()
            time.sleep(0.005)
        heartbeat.stop()
        shown = window.order_count()
        window.close()
        runner.shutdown()
        return max(gaps) if gaps else 0.0, wall, shown
    finally:
        server.terminate()
        server.wait(10)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--sync-orders", type=int, default=10_000)
    parser.add_argument("--latency-ms", type=int, default=100)
    parser.add_argument("--no-sync", action="store_true", help="skip the sandbox sync part")
    args = parser.parse_args(argv)
    from app.main import GIL_SWITCH_INTERVAL_S

    sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)  # as the app runs
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    paint_real, filter_real, sort_real = list_figures(app, args.orders)
    # The list part's rows (ours and the bare tuples) died with list_figures: a session
    # syncing 10,000 orders does not hold 200,000 extra objects for the collector to walk.
    gc.collect()
    stall = float("nan")
    if not args.no_sync:
        stall, wall, shown = sync_stall(app, args.sync_orders, args.latency_ms)
        print(
            f"sync of {args.sync_orders:,} orders at {args.latency_ms} ms latency: {wall:.1f} s,"
            f" {shown:,} shown, worst GUI stall {stall:.0f} ms"
        )
    goals = (filter_real <= 50, sort_real <= 300, stall <= 50)
    print("goals (filter ≤ 50 ms, sort ≤ 300 ms, stall ≤ 50 ms):", "met" if all(goals) else
          "NOT met")
    print(
        f"first_paint_ms={paint_real:.0f} filter_median_ms={filter_real:.1f} "
        f"sort_ms={sort_real:.0f} worst_stall_ms={stall:.0f}"
    )
    return 0


def list_figures(app: QApplication, count: int) -> tuple[float, float, float]:
    """The 100k list part; prints its table and returns (first paint, filter median, sort)."""
    start = time.perf_counter()
    rows = fake_rows(count)
    tuples = as_tuples(rows)
    print(f"built {len(rows):,} fake orders in {time.perf_counter() - start:.1f} s")

    def load_real() -> QAbstractTableModel:
        return real_model(rows)

    def load_bare() -> QAbstractTableModel:
        return BareModel(tuples)

    paint_real = statistics.median(first_paint_ms(app, load_real) for _ in range(3))
    paint_bare = statistics.median(first_paint_ms(app, load_bare) for _ in range(3))

    model = real_model(rows)
    view_delegate_host = QTableView()
    delegate = StatusBadgeDelegate(view_delegate_host)
    model_keys_real, keys_real, sort_real = timed_ops(
        app, model, model.set_search_text, delegate=delegate
    )
    bare = BareModel(tuples)
    model_keys_bare, keys_bare, sort_bare = timed_ops(app, bare, bare.filter)
    # Badges cost paint time: measure the real model once more with the delegates on.
    watch = PaintWatch()
    badge_view = make_view(watch)
    badge_view.setItemDelegateForColumn(COL_STATUS, delegate)
    badge_view.setItemDelegateForColumn(COL_PROGRESS, delegate)
    start = time.perf_counter()
    badge_view.setModel(real_model(rows))
    badge_view.show()
    settle(app, badge_view, watch)
    paint_badges = (time.perf_counter() - start) * 1000
    badge_view.close()

    mem_real = peak_mib(memory_real(rows))
    mem_bare = peak_mib(memory_bare(rows))
    rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    filter_real = statistics.median(keys_real)
    filter_bare = statistics.median(keys_bare)

    def line(name: str, ours: float, floor: float, unit: str = "ms") -> None:
        ratio = ours / floor if floor else float("inf")
        print(f"{name:<28} {ours:9.1f} {unit}   bare {floor:9.1f} {unit}   ratio {ratio:5.2f}×")

    load1, _, _ = os.getloadavg()
    print(f"--- {count:,} orders, offscreen, 1280×800 table, load average {load1:.1f} "
          f"on {os.cpu_count()} CPUs ---")
    line("first paint (load+show)", paint_real, paint_bare)
    print(f"{'first paint with badges':<28} {paint_badges:9.1f} ms")
    line("keystroke, model only (med)", statistics.median(model_keys_real),
         statistics.median(model_keys_bare))
    line("keystroke + repaint (median)", filter_real, filter_bare)
    line("search keystroke (worst)", max(keys_real), max(keys_bare))
    line("sort by patient", sort_real, sort_bare)
    line("peak Python memory", mem_real, mem_bare, "MiB")
    print(f"{'process peak RSS':<28} {rss_mib:9.1f} MiB")

    badge_view.deleteLater()
    return paint_real, filter_real, sort_real


if __name__ == "__main__":
    raise SystemExit(main())
