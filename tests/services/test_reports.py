"""ReportService: private cache, content checks, plain errors, no token to foreign hosts."""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from app.api import SpotClient
from app.paths import paths
from app.services.errors import ServiceError
from app.services.reports import (
    BadReportFile,
    NotAPdf,
    ReportOffline,
    ReportService,
    ReportUnavailable,
)
from app.services.seen import SeenReports
from tests.helpers.windows import FAKE_O_BINARY, posix_modes, record_open_flags, refuse_renames

TOKEN = "tok_reports_0123456789"
BASE = "https://spot.example.test"
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
SIGNED = "https://app.spotkits.com/results/R1.pdf?X-Signature=abc123secret"  # Spot's report host

Handler = Callable[[httpx.Request], httpx.Response]


class Recorder:
    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.handler(request)


def _service(handler: Handler) -> tuple[ReportService, Recorder]:
    recorder = Recorder(handler)
    client = SpotClient(BASE, TOKEN, transport=httpx.MockTransport(recorder),
                        sleep=lambda _s: None)
    seen = SeenReports(paths().data / "seen.sqlite3")
    return ReportService(lambda: client, paths().reports_cache, seen), recorder


def _serve(body: bytes, status: int = 200) -> Handler:
    return lambda request: httpx.Response(status, content=body)


def test_download_lands_in_private_cache_keyed_by_url_hash() -> None:
    service, recorder = _service(_serve(PDF))
    path = service.fetch(f"{BASE}/media/reports/R1.pdf")
    assert path.read_bytes() == PDF
    assert path.parent == paths().reports_cache
    assert path.name == hashlib.sha256(f"{BASE}/media/reports/R1.pdf".encode()).hexdigest() + ".pdf"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert len(recorder.requests) == 1
    assert list(path.parent.iterdir()) == [path]  # no partial files left behind


def test_second_fetch_is_served_from_cache() -> None:
    service, recorder = _service(_serve(PDF))
    first = service.fetch(SIGNED)
    second = service.fetch(SIGNED)
    assert first == second
    assert len(recorder.requests) == 1


def test_signed_link_secret_is_not_in_the_file_name() -> None:
    service, _ = _service(_serve(PDF))
    path = service.fetch(SIGNED)
    assert "abc123secret" not in str(path)
    assert "R1" not in path.name


def test_foreign_host_gets_no_authorization_header() -> None:
    service, recorder = _service(_serve(PDF))
    service.fetch(SIGNED)
    service.fetch(f"{BASE}/media/reports/R2.pdf")
    foreign, own = recorder.requests
    assert foreign.url.host == "app.spotkits.com"
    assert "authorization" not in foreign.headers
    assert own.headers["Authorization"] == f"Token {TOKEN}"


def test_progress_reported_when_done() -> None:
    service, _ = _service(_serve(PDF))
    progress: list[tuple[int, int | None]] = []
    service.fetch(SIGNED, on_progress=lambda done, total: progress.append((done, total)))
    assert progress[-1] == (len(PDF), len(PDF))


def test_streaming_client_gets_the_progress_callback() -> None:
    class StreamingClient:
        base_url = BASE

        def download(self, url: str, on_progress: Callable[[int, int | None], None]) -> bytes:
            on_progress(10, len(PDF))
            on_progress(len(PDF), len(PDF))
            return PDF

    seen = SeenReports(paths().data / "seen.sqlite3")
    service = ReportService(StreamingClient, paths().reports_cache, seen)
    progress: list[tuple[int, int | None]] = []
    service.fetch(SIGNED, on_progress=lambda done, total: progress.append((done, total)))
    assert progress == [(10, len(PDF)), (len(PDF), len(PDF))]


def test_txt_report_kept_as_text() -> None:
    service, _ = _service(_serve(b"Vitamin D: 32 ng/mL\n"))
    path = service.fetch(f"{BASE}/media/reports/R1.txt", kind="txt")
    assert path.suffix == ".txt"
    assert path.read_text() == "Vitamin D: 32 ng/mL\n"


@pytest.mark.parametrize(
    "body", [b"<html><body>Sign in</body></html>", b"", b"PK\x03\x04zipfile"]
)
def test_non_pdf_rejected_and_not_cached(body: bytes) -> None:
    service, recorder = _service(_serve(body))
    with pytest.raises(NotAPdf) as info:
        service.fetch(SIGNED)
    assert info.value.title == "The downloaded report isn't a PDF"
    assert not service.cached_path(SIGNED).exists()
    with pytest.raises(NotAPdf):
        service.fetch(SIGNED)
    assert len(recorder.requests) == 2


def test_html_instead_of_text_report_rejected() -> None:
    service, _ = _service(_serve(b"<!DOCTYPE html><html></html>"))
    with pytest.raises(BadReportFile):
        service.fetch(SIGNED, kind="txt")


@pytest.mark.parametrize("status", [403, 404, 410])
def test_expired_link_says_ask_spot(status: int) -> None:
    service, _ = _service(_serve(b"<Error>AccessDenied</Error>", status))
    with pytest.raises(ReportUnavailable) as info:
        service.fetch(SIGNED)
    assert info.value.title == "This report link has expired or was removed"
    assert info.value.advice == "Ask Spot to re-issue it."


def test_foreign_401_is_an_expired_link_but_own_401_is_the_token() -> None:
    service, _ = _service(_serve(b"", 401))
    with pytest.raises(ReportUnavailable):
        service.fetch(SIGNED)
    with pytest.raises(ServiceError) as info:
        service.fetch(f"{BASE}/media/reports/R1.pdf")
    assert info.value.title == "Spot rejected the API token"


def _offline(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("no route", request=request)


def test_offline_says_retry() -> None:
    service, _ = _service(_offline)
    with pytest.raises(ReportOffline) as info:
        service.fetch(SIGNED)
    assert "retry" in info.value.advice
    assert info.value.transient


def test_server_error_is_described_as_spot_problem() -> None:
    service, _ = _service(_serve(b"oops", 503))
    with pytest.raises(ServiceError) as info:
        service.fetch(SIGNED)
    assert info.value.title == "Spot is having a problem"


def test_plain_http_link_to_other_host_refused() -> None:
    service, recorder = _service(_serve(PDF))
    with pytest.raises(ReportUnavailable) as info:
        service.fetch("http://storage.example.net/R1.pdf")
    assert "secure" in info.value.advice
    assert recorder.requests == []


@pytest.mark.parametrize(
    "url",
    [
        "https://storage.example.net/R1.pdf",  # not the API host, not Spot's report host
        "/media/reports/R1.pdf",  # relative, from a production-like server
        "http://127.0.0.1:8765/sandbox/reports/R1.pdf",  # loopback, ditto
    ],
)
def test_report_link_off_spots_hosts_refused(url: str) -> None:
    service, recorder = _service(_serve(PDF))
    with pytest.raises(ReportUnavailable) as info:
        service.fetch(url)
    assert info.value.title == "This report link can't be opened safely"
    assert recorder.requests == []


def test_error_texts_never_carry_the_link() -> None:
    service, _ = _service(_serve(b"", 404))
    with pytest.raises(ReportUnavailable) as info:
        service.fetch(SIGNED)
    assert "abc123secret" not in info.value.message + info.value.debug


def test_clear_cache_removes_files_and_keeps_private_folder() -> None:
    service, _ = _service(_serve(PDF))
    path = service.fetch(SIGNED)
    stray = path.parent / "leftover.part"
    stray.write_bytes(b"x")
    service.clear_cache()
    assert not path.exists()
    assert not stray.exists()
    assert service.cache_dir.is_dir()
    assert stat.S_IMODE(service.cache_dir.stat().st_mode) == 0o700
    service.fetch(SIGNED)  # downloads again after clearing


def test_clear_cache_when_folder_missing(tmp_path: Path) -> None:
    seen = SeenReports(tmp_path / "seen.sqlite3")
    service = ReportService(lambda: None, tmp_path / "nope" / "reports", seen)  # type: ignore[arg-type,return-value]
    service.clear_cache()
    assert (tmp_path / "nope" / "reports").is_dir()


def test_mark_seen_goes_to_the_seen_store() -> None:
    service, _ = _service(_serve(PDF))
    service.mark_seen("SPOT123456", "R1")
    assert service.seen.is_seen("R1")
    assert SeenReports(paths().data / "seen.sqlite3").kits_with_seen_reports() == {"SPOT123456"}


def test_report_bytes_survive_every_line_ending_and_open_binary(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\r\n1 0 obj\r<<>>\nstream\n\x00\n\r\nendstream\n%%EOF\n"
    opened = record_open_flags(monkeypatch)
    service, _ = _service(_serve(pdf))
    path = service.fetch(SIGNED)
    assert hashlib.sha256(path.read_bytes()).digest() == hashlib.sha256(pdf).digest()
    assert opened
    assert all(flags & FAKE_O_BINARY for flags in opened.values())


def test_antivirus_holding_the_new_file_only_delays_the_download(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    refusals = refuse_renames(monkeypatch, 2)
    service, _ = _service(_serve(PDF))
    path = service.fetch(SIGNED)
    assert path.read_bytes() == PDF
    assert not refusals
    assert list(path.parent.iterdir()) == [path]


def test_rename_refused_for_good_is_a_plain_error_and_leaves_no_partial(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refused(src: Path, dst: Path) -> None:
        raise PermissionError(errno.EACCES, "denied")

    monkeypatch.setattr(os, "replace", refused)
    monkeypatch.setattr("app.fileops.REPLACE_DELAY_S", 0.0)
    service, _ = _service(_serve(PDF))
    with pytest.raises(ServiceError):
        service.fetch(SIGNED)
    assert list(service.cache_dir.iterdir()) == []


def test_open_externally_gets_its_own_private_copy() -> None:
    service, _ = _service(_serve(PDF))
    cached = service.fetch(SIGNED)
    first = service.external_copy(cached)
    second = service.external_copy(cached)
    assert first.read_bytes() == second.read_bytes() == PDF
    assert len({cached, first, second}) == 3
    assert first.is_relative_to(service.cache_dir)
    assert first.suffix == ".pdf"


@posix_modes
def test_external_copy_is_private() -> None:
    service, _ = _service(_serve(PDF))
    copy = service.external_copy(service.fetch(SIGNED))
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert stat.S_IMODE(copy.parent.stat().st_mode) == 0o700


def test_copy_locked_by_a_viewer_is_reported_then_removed_at_next_start() -> None:
    service, _ = _service(_serve(PDF))
    cached = service.fetch(SIGNED)
    copy = service.external_copy(cached)

    def viewer_holds_copy(path: Path) -> None:
        if path == copy:
            raise PermissionError(errno.EACCES, "used by another process")
        os.remove(path)

    seen = SeenReports(paths().data / "seen.sqlite3")
    at_exit = ReportService(lambda: None, service.cache_dir, seen,  # type: ignore[arg-type,return-value]
                            remove=viewer_holds_copy)
    assert at_exit.clear_cache() == [copy]
    assert copy.exists()
    assert not cached.exists()

    next_start = ReportService(lambda: None, service.cache_dir, seen)  # type: ignore[arg-type,return-value]
    assert next_start.clear_cache() == []
    assert list(service.cache_dir.iterdir()) == []
