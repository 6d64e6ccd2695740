"""How long the desk waits for a print: the hand-out PDF, a label sheet, a label job.

- hand-out: ``handout_pdf`` (one Letter page, logo-free, QR and three Code 128), both languages;
  this is what Save as PDF paints on the GUI thread before the file is written off it.
- label sheet: ``label_sheet_pdf`` with 30 labels (one full Avery 5160 sheet).
- label job: ZPL for an order label and two kit labels, sent to a fake printer on 127.0.0.1
  (connect, send, half-close), as "Send to label printer" does off the GUI thread.

Goal: hand-out ≤ 250 ms (the Save button should feel immediate).

    python tests/benchmarks/print_speed.py [--runs 20]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from app.services.printing.handout import Handout, HandoutKit, HandoutLanguage
from app.services.printing.labels import kit_label, labels_zpl, order_label
from app.services.printing.raw_printer import NetworkPrinter
from app.services.printing.settings import LabelSize, PrintSettings, SheetLayoutName
from app.services.printing.sheets import SHEETS
from app.views.printing.handout_page import Paper, handout_pdf
from app.views.printing.label_sheet import label_sheet_pdf
from tests.helpers.printing import FakeZebra

GOAL_HANDOUT_MS = 250.0
ON = date(2026, 12, 5)


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    fn()  # warm-up: fonts, first QPdfWriter
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def report(name: str, times: list[float]) -> float:
    median = statistics.median(times)
    print(f"{name:<28} median {median:7.1f} ms   max {max(times):7.1f} ms   ({len(times)} runs)")
    return median


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    QApplication([])
    settings = PrintSettings(clinic_name="Maple Street Family Clinic",
                             clinic_phone="(555) 010-0199", info_url="https://clinic.example/kits")
    handout = Handout("Testy Example", "ORD-7F3K2",
                      (HandoutKit("adx100", "KIT-0012AB"), HandoutKit("saliva_3", "KIT-0013CD")))
    worst = 0.0
    for language in HandoutLanguage:
        worst = max(worst, report(
            f"hand-out PDF ({language.value})",
            timed(lambda language=language: handout_pdf(handout, settings, language, Paper.LETTER),
                  args.runs),
        ))
    labels = [order_label("ORD-7F3K2", "Testy Example", ["ADx100 blood card"], ON)] + [
        kit_label(f"KIT-00{n:02d}AB", "Testy Example", "1980-02-03", ON) for n in range(29)
    ]
    report("label sheet PDF (30)", timed(
        lambda: label_sheet_pdf(labels, SHEETS[SheetLayoutName.AVERY_5160]), args.runs))
    zebra = FakeZebra()
    try:
        printer = NetworkPrinter("127.0.0.1", zebra.port)
        report("label job to 127.0.0.1 (3)", timed(
            lambda: printer.send(labels_zpl(labels[:3], LabelSize.SMALL), "Spot kit label"),
            args.runs))
    finally:
        zebra.close()
    print(f"load average {os.getloadavg()[0]:.2f}; goal: hand-out ≤ {GOAL_HANDOUT_MS:.0f} ms: "
          f"{'met' if worst <= GOAL_HANDOUT_MS else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
