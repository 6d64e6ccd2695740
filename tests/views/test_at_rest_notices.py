"""What the window says when this computer's key can't unlock what was saved before."""

from __future__ import annotations

from types import SimpleNamespace

from pytestqt.qtbot import QtBot

from app.services.outbox_store import UNKNOWN_COUNT
from app.views.shell.banner import Banner
from app.views.shell.failure_notices import FailureNotices


def _notices(qtbot: QtBot) -> tuple[FailureNotices, Banner]:
    banner = Banner()
    qtbot.addWidget(banner)
    banner.show()
    return FailureNotices(banner, update_status=lambda: None, status_message=lambda _t: None,
                          sign_in=lambda _r: None), banner


def _session(lost_orders: int, unreadable_files: int = 0) -> SimpleNamespace:
    return SimpleNamespace(data_key=None, unreadable_files=unreadable_files,
                           outbox=SimpleNamespace(unreadable_items=lost_orders))


def test_orders_that_could_not_be_unlocked_are_told_by_count(qtbot: QtBot) -> None:
    notices, banner = _notices(qtbot)
    notices.announce_data_at_rest(_session(3, unreadable_files=2))
    assert banner.isVisible()
    assert banner.title_label.text() == (
        "3 order(s) waiting to be sent couldn't be unlocked on this computer")
    assert "place the missing ones again" in banner.advice_label.text()


def test_an_unknown_number_of_lost_orders_is_still_told(qtbot: QtBot) -> None:
    notices, banner = _notices(qtbot)
    notices.announce_data_at_rest(_session(UNKNOWN_COUNT))
    assert banner.title_label.text() == (
        "Orders waiting to be sent couldn't be unlocked on this computer")


def test_nothing_lost_says_nothing(qtbot: QtBot) -> None:
    notices, banner = _notices(qtbot)
    banner.hide()
    notices.announce_data_at_rest(_session(0))
    assert not banner.isVisible()


def test_orders_lost_in_the_outbox_and_in_an_import_add_up(qtbot: QtBot) -> None:
    notices, banner = _notices(qtbot)
    notices.announce_data_at_rest(_session(2))
    notices.announce_lost_orders(3)  # an import's rows, opened a moment later
    assert banner.title_label.text() == (
        "5 order(s) waiting to be sent couldn't be unlocked on this computer")
