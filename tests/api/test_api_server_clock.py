"""The client learns how far Spot's clock is from ours (the ``Date`` header), so a lookup by
creation date still works on a workstation whose clock is off by days."""

from __future__ import annotations

import email.utils
import time

import httpx
import pytest

from app.api import SpotClient
from app.api.errors import ServerError


def client_answering(headers: dict[str, str], status: int = 200) -> SpotClient:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, headers=headers, json=[])

    return SpotClient("https://spot.test", "t0ken", transport=httpx.MockTransport(handler),
                      max_retries=0)


def test_offset_comes_from_the_date_header_of_any_answer() -> None:
    two_days_behind = email.utils.formatdate(time.time() - 2 * 86400, usegmt=True)
    client = client_answering({"Date": two_days_behind}, status=503)
    assert client.server_time_offset is None
    with pytest.raises(ServerError):
        client.list_orders()
    offset = client.server_time_offset
    assert offset is not None
    assert abs(offset + 2 * 86400) < 5
    client.close()


def test_no_or_unreadable_date_leaves_the_offset_unknown() -> None:
    for headers in ({}, {"Date": "yesterday-ish"}):
        client = client_answering(headers)
        client.list_orders()
        assert client.server_time_offset is None
        client.close()
