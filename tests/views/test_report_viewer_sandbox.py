"""The report window end to end: real ReportService, SeenReports and TaskRunner.

Against the sandbox (real HTTP, real PDF files), and against a mock transport to check that
the API token never travels to a foreign host holding a signed report link.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fpdf import FPDF
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTabWidget
from pytestqt.qtbot import QtBot

from app.api import SpotClient, models
from app.sandbox import SandboxServer
from app.tasks import TaskRunner
from tests.helpers.reports import (  # noqa: F401
    CountingClient,
    fake_order,
    make_service,
    open_window,
    resulted_kit,
    wait_for_pdf,
)

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")




@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.shutdown()












def test_sandbox_report_opens_end_to_end_and_is_marked_seen(
    qtbot: QtBot, sandbox: SandboxServer, runner: TaskRunner
) -> None:
    with SpotClient(sandbox.base_url, sandbox.token, sleep=lambda _s: None) as client:
        kit, reports = resulted_kit(client, sandbox)
        original = next(r for r in reports if not r.is_amendment)
        amended = next(r for r in reports if r.is_amendment)
        assert original.report_id
        assert amended.report_id
        assert kit.sample is not None
        assert kit.sample.sample_id
        service, seen, counting = make_service(client)
        window = open_window(qtbot, service, seen, runner)

        with qtbot.waitSignal(window.report_opened, timeout=10_000) as opened:
            window.open_report(original, kit_id=kit.kit_id, sample_id=kit.sample.sample_id)
        wait_for_pdf(qtbot, window)

        assert opened.args == [original.report_id]
        assert seen.is_seen(original.report_id)
        assert kit.kit_id in seen.kits_with_seen_reports()
        pane = window.pdf_pane()
        assert pane.page_count() >= 1
        assert window.page_text() == f"Page 1 of {pane.page_count()}"
        first_page = pane.text_of_page(0)
        assert kit.kit_id in first_page
        assert original.results, "a resulted sandbox report has results"
        assert original.results[0].name in first_page
        badge = window.findChild(QLabel, "amended_badge")
        assert badge is not None
        assert not badge.isVisible()

        # The TXT twin sits beside it.
        tabs = window.findChild(QTabWidget, "report_tabs")
        assert tabs is not None
        assert tabs.isTabVisible(1)
        text_view = window.findChild(QPlainTextEdit, "text_view")
        assert text_view is not None
        qtbot.waitUntil(lambda: kit.kit_id in text_view.toPlainText())

        # The amendment: badge, what it replaces, not yet seen until opened.
        assert not seen.is_seen(amended.report_id)
        window.open_report(
            amended, kit_id=kit.kit_id, sample_id=kit.sample.sample_id, replaces=original
        )
        wait_for_pdf(qtbot, window)
        qtbot.waitUntil(lambda: seen.is_seen(amended.report_id or ""))
        assert badge.isVisible()
        replaces = window.findChild(QLabel, "replaces_label")
        assert replaces is not None
        assert replaces.isVisible()
        assert replaces.text().startswith(f"Replaces report {original.report_id} from ")
        assert "AMENDED" in pane.text_of_page(0)

        # Reopening the first report reads it from the private cache, not the network.
        cached = service.cached_path(original.pdf or "")
        assert cached.is_file()
        assert cached.stat().st_mode & 0o777 == 0o600
        downloads = len(counting.downloads)
        window.open_report(original, kit_id=kit.kit_id, sample_id=kit.sample.sample_id)
        wait_for_pdf(qtbot, window)
        runner.wait_idle(5000)
        assert len(counting.downloads) == downloads
        assert not badge.isVisible()


def small_pdf() -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=14)
    pdf.cell(0, 10, "Fake signed-link report for SPOTFAKE0002")
    return bytes(pdf.output())


API = "https://api.example.test"
TOKEN = "tok-fake-secret-123"


@pytest.mark.parametrize(
    ("link", "token_sent"),
    [
        ("https://app.spotkits.com/results/r1.pdf?signature=fake", False),  # Spot's report host
        (f"{API}/results/r1.pdf", True),
    ],
    ids=["foreign-host", "api-origin"],
)
def test_token_goes_only_to_the_api_origin(
    qtbot: QtBot, runner: TaskRunner, link: str, token_sent: bool
) -> None:
    seen_headers: list[tuple[str, str | None]] = []
    body = small_pdf()

    def handler(request: httpx.Request) -> httpx.Response:
        seen_headers.append((request.url.host, request.headers.get("Authorization")))
        return httpx.Response(200, content=body, headers={"Content-Type": "application/pdf"})

    transport = httpx.MockTransport(handler)
    with SpotClient(API, TOKEN, transport, sleep=lambda _s: None) as client:
        service, seen, _counting = make_service(client)
        window = open_window(qtbot, service, seen, runner)
        report = models.Report.model_validate({"report_id": "RPT-FAKE-9", "pdf": link})
        window.open_report(report, kit_id="SPOTFAKE0002", sample_id="SPOTSAMPLE0002")
        wait_for_pdf(qtbot, window)

    assert "SPOTFAKE0002" in window.pdf_pane().text_of_page(0)
    assert len(seen_headers) == 1
    host, authorization = seen_headers[0]
    assert host == httpx.URL(link).host
    assert authorization == (f"Token {TOKEN}" if token_sent else None)


def test_expired_sandbox_link_asks_to_reissue(
    qtbot: QtBot, sandbox: SandboxServer, runner: TaskRunner, tmp_path: Path
) -> None:
    with SpotClient(sandbox.base_url, sandbox.token, sleep=lambda _s: None) as client:
        service, seen, _counting = make_service(client)
        window = open_window(qtbot, service, seen, runner)
        gone = models.Report.model_validate(
            {"report_id": "RPT-GONE", "pdf": f"{sandbox.base_url}/sandbox/reports/no-such.pdf"}
        )
        window.open_report(gone, kit_id="SPOTFAKE0003", sample_id="SPOTSAMPLE0003")
        qtbot.waitUntil(lambda: window.error() is not None, timeout=10_000)

    title = window.findChild(QLabel, "error_title")
    advice = window.findChild(QLabel, "error_advice")
    assert title is not None
    assert advice is not None
    assert title.text() == "This report link has expired or was removed"
    assert advice.text() == "Ask Spot to re-issue it."
    assert not seen.is_seen("RPT-GONE")
