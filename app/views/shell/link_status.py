"""The status bar's connection mark: the outcome of the last request that reached (or failed to
reach) Spot, from a refresh or from the outbox sending an order.

Never "Online" after a failed send or while Spot rejects the token.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.api import errors as api_errors
from app.marks import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from app.services.outbox import OutboxItem

__all__ = ["LinkStatus", "after_error", "after_outbox_item", "link_text"]


class LinkStatus(Enum):
    UNKNOWN = "unknown"  # no request finished yet in this session
    ONLINE = "online"
    OFFLINE = "offline"  # no connection or no answer
    SIGN_IN = "sign_in"  # Spot rejected the token
    PROBLEM = "problem"  # Spot answered with an error, or a send failed


def after_error(exc: BaseException) -> LinkStatus:
    """What a failed request says about the connection."""
    if isinstance(exc, api_errors.Unauthorized | api_errors.Forbidden):
        return LinkStatus.SIGN_IN
    if isinstance(exc, api_errors.SpotConnectionError | api_errors.SpotTimeout):
        return LinkStatus.OFFLINE
    return LinkStatus.PROBLEM


def after_outbox_item(item: OutboxItem, current: LinkStatus) -> LinkStatus:
    """What an outbox change says: sent is online, a failed attempt is not."""
    if item.state == "sent":
        return LinkStatus.ONLINE
    if item.state == "needs_attention" and item.attention == "sign_in":
        return LinkStatus.SIGN_IN
    if item.state == "queued" and item.attempts > 0 and item.last_error:
        # Will be retried: keep a more specific "offline" from a refresh, else say a problem.
        return current if current is LinkStatus.OFFLINE else LinkStatus.PROBLEM
    return current


_TEXTS = {
    LinkStatus.UNKNOWN: "",
    LinkStatus.ONLINE: QT_TRANSLATE_NOOP("LinkStatus", "● Online"),
    LinkStatus.OFFLINE: QT_TRANSLATE_NOOP("LinkStatus", "● Offline"),
    LinkStatus.SIGN_IN: QT_TRANSLATE_NOOP("LinkStatus", "● Sign-in needed"),
    LinkStatus.PROBLEM: QT_TRANSLATE_NOOP("LinkStatus", "● Spot not answering normally"),
}


def link_text(status: LinkStatus) -> str:
    text = _TEXTS[status]
    return QCoreApplication.translate("LinkStatus", text) if text else ""
