"""Report viewer helpers: a real PDF made on the fly, fake report and seen services, and a
resulted kit on the sandbox with its window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from fpdf import FPDF
from PySide6.QtCore import QObject, Signal
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from app.api import SpotClient, models
from app.api.models import Report
from app.paths import paths
from app.sandbox import SandboxServer
from app.services.reports import ReportService
from app.services.seen import SeenReports
from app.tasks import TaskRunner
from app.views.reports.report_viewer import ReportWindow

KIT_ID = "SPOTFAKE0001"


SAMPLE_ID = "SPOTSAMPLE0001"


PDF_URL = "https://api.example.test/results/fake-report.pdf"


TXT_URL = "https://api.example.test/results/fake-report.txt"


def make_pdf(path: Path, *, pages: int = 3, kit_id: str = KIT_ID) -> Path:
    """A small, obviously fake lab report: "HDL Cholesterol" appears once per page."""
    pdf = FPDF()
    for page in range(1, pages + 1):
        pdf.add_page()
        pdf.set_font("Helvetica", size=14)
        pdf.cell(
            0, 10, f"Fake Lab Report - kit {kit_id} - page {page}", new_x="LMARGIN", new_y="NEXT"
        )
        pdf.cell(
            0, 10, f"HDL Cholesterol {40 + page} mg/dL (20-200)", new_x="LMARGIN", new_y="NEXT"
        )
    pdf.output(str(path))
    return path


class FakeReports:
    """Serves files from a dict url -> path, or raises the exception put there."""

    def __init__(self, files: dict[str, Path | BaseException]) -> None:
        self.files = files
        self.calls: list[tuple[str, str]] = []
        self.copies: list[Path] = []

    def fetch(
        self,
        url: str,
        *,
        kind: str = "pdf",
        on_progress: Callable[[int, int | None], None] | None = None,
    ) -> Path:
        self.calls.append((url, kind))
        outcome = self.files[url]
        if isinstance(outcome, BaseException):
            raise outcome
        if on_progress is not None:
            size = outcome.stat().st_size
            on_progress(size, size)
        return outcome

    def read_bytes(self, path: Path) -> bytes:
        return path.read_bytes()

    def save_copy(self, path: Path, target: Path) -> Path:
        target.write_bytes(path.read_bytes())
        return target

    def external_copy(self, path: Path) -> Path:
        copy = path.with_name(f"copy-{len(self.copies)}-{path.name}")
        copy.write_bytes(path.read_bytes())
        self.copies.append(copy)
        return copy


class FakeSeen:
    def __init__(self) -> None:
        self.marked: list[tuple[str, str]] = []

    def mark_seen(self, kit_id: str, report_id: str) -> None:
        self.marked.append((kit_id, report_id))


def make_report(**fields: object) -> Report:
    data: dict[str, object] = {
        "report_id": "RPT-FAKE-1",
        "pdf": PDF_URL,
        "date_collected": "2026-11-20",
        "date_received": "2026-11-22",
        "is_amendment": False,
        "results": [],
    }
    data.update(fields)
    return Report.model_validate(data)


def make_service(
    client: SpotClient,
) -> tuple[ReportService, SeenReports, CountingClient]:
    where = paths()
    seen = SeenReports(where.data / "seen_reports.sqlite3")
    counting = CountingClient(client)
    return ReportService(lambda: counting, where.reports_cache, seen), seen, counting


def open_window(
    qtbot: QtBot, service: ReportService, seen: SeenReports, runner: TaskRunner
) -> ReportWindow:
    window = ReportWindow(service, seen, runner)
    qtbot.addWidget(window)
    window.resize(900, 800)
    window.show()
    return window


def wait_for_pdf(qtbot: QtBot, window: ReportWindow) -> None:
    def shown() -> None:
        assert window.error() is None, window.error()
        assert window.pdf_pane().is_loaded()

    qtbot.waitUntil(shown, timeout=10_000)


def resulted_kit(
    client: SpotClient, sandbox: SandboxServer
) -> tuple[models.Kit, list[models.Report]]:
    """Order one kit, force an amendment into its future and run the clock to both reports."""
    order = client.create_order(fake_order())
    forced = False
    for _day in range(60):
        sandbox.advance(1)
        kits = client.get_order(order.order_id).kits
        if not kits:
            continue
        kit = kits[0]
        if not forced:
            sandbox.force(kit.kit_id, "amended")
            forced = True
            continue
        reports = kit.sample.reports if kit.sample else []
        if len(reports) >= 2:
            return kit, reports
    raise AssertionError("the sandbox kit never got its original and amended reports")


def fake_order() -> models.NewOrder:
    return models.NewOrder.model_validate(
        {
            "kit_types": ["health_kit_1"],
            "recipient": {
                "first_name": "Testy",
                "last_name": "McTestface",
                "email": "testy@example.com",
                "phone": "4155550123",
                "address": {
                    "street1": "1 Fixture Lane",
                    "city": "San Francisco",
                    "state": "CA",
                    "country": "US",
                    "zip": "94105",
                },
            },
        }
    )


class CountingClient:
    """The SpotClient as ReportService sees it, counting report downloads."""

    def __init__(self, client: SpotClient) -> None:
        self._client = client
        self.downloads: list[str] = []

    @property
    def base_url(self) -> str:
        return str(self._client.base_url)

    def download(self, url: str) -> bytes:
        self.downloads.append(url)
        return self._client.download(url)


class FakePrintDialog(QObject):
    """Stands in for QPrintDialog: the user presses Print at once."""

    accepted = Signal()
    finished = Signal(int)
    shown: ClassVar[list[FakePrintDialog]] = []

    def __init__(self, printer: QPrinter, parent: object = None) -> None:
        super().__init__()
        self.printer = printer
        self.min_max: tuple[int, int] | None = None

    def setWindowTitle(self, title: str) -> None:
        self.title = title

    def setMinMax(self, low: int, high: int) -> None:
        self.min_max = (low, high)

    def setWindowModality(self, modality: object) -> None:
        pass

    def show(self) -> None:
        FakePrintDialog.shown.append(self)
        self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer.setOutputFileName(self.output)
        self.accepted.emit()
        self.finished.emit(1)

    output = ""
