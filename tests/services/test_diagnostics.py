"""Diagnostics text: error types and times from the log, never the words around them."""

from __future__ import annotations

from pathlib import Path

from app.services.diagnostics import Diagnostics, last_sync_from_logs, recent_errors

LOG = """\
2026-03-01 09:00:00,001 INFO app.services.sync [worker] sync full: 40 orders and 12 kits fetched, 40 rows changed, 3 requests
2026-03-01 09:01:00,002 WARNING app.services.outbox [outbox-sender] outbox item 1a2b: POST failed with ServerError (HTTP 503)
2026-03-01 09:02:00,003 ERROR app.main [MainThread] unhandled exception: KeyError at panel.py:12 in show_order
2026-03-01 09:03:00,004 WARNING app.views [MainThread] could not show Ada Fakename's order
2026-03-01 09:04:00,005 INFO app.services.sync [worker] sync incremental: 0 orders and 0 kits fetched, 0 rows changed, 2 requests
"""  # noqa: E501 - log lines as written


def test_error_lines_keep_time_logger_and_type_only(tmp_path: Path) -> None:
    (tmp_path / "frontdesk.log.1").write_bytes(
        b"2026-02-28 23:59:59,000 ERROR app.old [x] SpotTimeout while listing orders\n"
    )
    (tmp_path / "frontdesk.log").write_bytes(LOG.encode())
    errors = recent_errors(tmp_path)
    assert [e.text() for e in errors] == [
        "2026-02-28 23:59:59 ERROR app.old: SpotTimeout",
        "2026-03-01 09:01:00 WARNING app.services.outbox: ServerError",
        "2026-03-01 09:02:00 ERROR app.main: KeyError",
        "2026-03-01 09:03:00 WARNING app.views: (no error type)",
    ]
    assert last_sync_from_logs(tmp_path) == "2026-03-01 09:04:00"
    text = Diagnostics("custom", "keyring.backends.SecretService.Keyring", errors=errors).text()
    assert "Fakename" not in text
    assert "Environment: custom" in text
    assert recent_errors(tmp_path, limit=2)[0].time == "2026-03-01 09:02:00"


def test_no_log_yet_says_so(tmp_path: Path) -> None:
    assert recent_errors(tmp_path) == []
    assert "Last sync: none recorded" in Diagnostics("production", "none").text()
