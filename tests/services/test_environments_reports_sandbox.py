"""Connection check and report cache against the real sandbox over HTTP."""

from __future__ import annotations

import stat

import pytest

from app.api import SpotClient, models
from app.paths import paths
from app.sandbox import SandboxServer
from app.services.environments import Environment, check_connection
from app.services.reports import ReportService, ReportUnavailable
from app.services.seen import SeenReports


def _client(sandbox: SandboxServer, token: str | None = None) -> SpotClient:
    return SpotClient(sandbox.base_url, token or sandbox.token, sleep=lambda _s: None,
                      max_retries=0)


def test_connection_check_against_sandbox(sandbox: SandboxServer) -> None:
    env = Environment.sandbox(sandbox.base_url)
    with _client(sandbox) as good, _client(sandbox, "wrong-token-123") as wrong:
        assert check_connection(good).kind == "ok"
        assert check_connection(wrong).kind == "unauthorized"
        sandbox.set_faults(error_rate=1.0)
        try:
            assert check_connection(good).kind == "server_down"
        finally:
            sandbox.set_faults()
    base_url = env.base_url
    sandbox.stop()
    with SpotClient(base_url, "any-token-123", sleep=lambda _s: None, max_retries=0) as offline:
        assert check_connection(offline).kind == "offline"


def _order() -> models.NewOrder:
    return models.NewOrder(
        kit_types=["health_kit_1"],
        recipient=models.Recipient(
            first_name="Testy", last_name="Reportperson", email="reports@example.com",
            phone="4155550123",
            address=models.Address(street1="1 Fictional Way", city="San Francisco",
                                   state="CA", country="US", zip="94105"),
        ),
    )


def _resulted_report(client: SpotClient, sandbox: SandboxServer) -> tuple[str, models.Report]:
    order = client.create_order(_order())
    for _day in range(60):
        sandbox.advance(1)
        for kit in client.get_order(order.order_id).kits:
            if kit.sample and kit.sample.reports and kit.sample.reports[0].pdf:
                return kit.kit_id or "", kit.sample.reports[0]
    raise AssertionError("the sandbox kit never got a report")


def test_report_download_from_sandbox_is_cached_privately(sandbox: SandboxServer) -> None:
    client = _client(sandbox)
    kit_id, report = _resulted_report(client, sandbox)
    assert report.pdf
    assert report.report_id
    seen = SeenReports(paths().data / "seen.sqlite3")
    service = ReportService(lambda: client, paths().reports_cache, seen)
    service.clear_cache()
    progress: list[tuple[int, int | None]] = []
    path = service.fetch(report.pdf, on_progress=lambda d, t: progress.append((d, t)))
    assert path.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert progress[-1][0] == path.stat().st_size
    if report.txt:
        text_path = service.fetch(report.txt, kind="txt")
        assert text_path.read_text(encoding="utf-8").strip()
    service.mark_seen(kit_id, report.report_id)
    assert SeenReports(paths().data / "seen.sqlite3").is_seen(report.report_id)
    sandbox.stop()
    assert service.fetch(report.pdf) == path  # cached: no network needed
    service.clear_cache()
    assert not path.exists()


def test_missing_report_file_on_sandbox_is_unavailable(sandbox: SandboxServer) -> None:
    client = _client(sandbox)
    service = ReportService(lambda: client, paths().reports_cache,
                            SeenReports(paths().data / "seen.sqlite3"))
    with pytest.raises(ReportUnavailable) as info:
        service.fetch(f"{sandbox.base_url}/sandbox/reports/no-such.pdf")
    assert info.value.advice == "Ask Spot to re-issue it."
