"""What the window says when a refresh fails, and when it works again.

A rejected token asks to sign in; no network says so once (not on every retry); anything
else shows Spot's problem. A banner put up for a failed refresh goes away by itself when a
refresh works again; a crash notice stays until dismissed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.api import errors as api_errors
from app.services.errors import ServiceError, describe_error
from app.views.shell.banner import Banner

__all__ = ["FailureNotices"]

log = logging.getLogger(__name__)


class FailureNotices:
    """``update_status`` repaints the status bar; ``sign_in(reason)`` opens sign-in."""

    def __init__(
        self, banner: Banner, *, update_status: Callable[[], None],
        status_message: Callable[[str], None], sign_in: Callable[[str], object],
    ) -> None:
        self._banner = banner
        self._update_status = update_status
        self._status_message = status_message
        self._sign_in = sign_in
        self.offline = False
        self._banner_is_sync = False
        self._lost_orders = 0

    def reset(self) -> None:
        self.offline = False
        self._lost_orders = 0
        self._banner.dismiss()

    def refresh_worked(self) -> None:
        self.offline = False
        if self._banner.isVisible() and self._banner_is_sync:
            self._banner.dismiss()

    def refresh_failed(self, exc: BaseException) -> None:
        error = describe_error(exc)
        if isinstance(exc, api_errors.Unauthorized):
            self._update_status()
            self._status_message(error.title)
            self.show_error(
                error, action=("sign_in", QCoreApplication.translate("MainWindow", "Sign in…"))
            )
            self._sign_in(error.sentence)
            return
        if isinstance(exc, api_errors.SpotConnectionError | api_errors.SpotTimeout):
            first = not self.offline
            self.offline = True
            self._update_status()
            if first:
                self.show_error(error)
            return
        log.warning("refresh failed: %s", type(exc).__name__)
        self.show_error(error)
        self._update_status()

    def show_error(self, error: ServiceError, *, action: tuple[str, str] | None = None) -> None:
        self._banner.show_error(error.title, error.advice, details=error.debug, action=action)
        self._banner_is_sync = True

    def show_crash(self, details: str) -> None:
        """The crash handler's message: non-blocking, details copyable, no traceback shown."""
        self._banner.show_error(
            QCoreApplication.translate("MainWindow", "Something went wrong"),
            QCoreApplication.translate(
                "MainWindow",
                "The problem was logged. You can keep working; restart the app if something "
                "looks wrong.",
            ),
            details=details,
        )
        self._banner_is_sync = False

    def announce_data_at_rest(self, session: Any, outreach: Any = None) -> None:
        """No keyring (nothing kept on disk), or saved data lost with this computer's key.
        ``outreach`` opens its import batches later: rows a lost key left unreadable there
        are added to the count when it says so (``rows_set_aside``)."""
        if outreach is not None:
            outreach.rows_set_aside.connect(self.announce_lost_orders)
        key = session.data_key
        lost_orders = getattr(session.outbox, "unreadable_items", 0)
        if key is not None and key.problem is not None:
            self._banner.show_info(key.problem.title, key.problem.advice)
        elif lost_orders:
            self.announce_lost_orders(lost_orders)
        elif session.unreadable_files:
            self._banner.show_info(
                QCoreApplication.translate(
                    "MainWindow", "%n file(s) saved on this computer couldn't be unlocked and "
                    "were started afresh", "", session.unreadable_files,
                ),
                QCoreApplication.translate(
                    "MainWindow", "This happens after a new Windows profile or a reset password "
                    "store. The order list is fetched again from Spot; drafts saved before are "
                    "lost.",
                ),
            )


    def announce_lost_orders(self, count: int) -> None:
        """Orders waiting to be sent (in the outbox or an import) that this computer's key
        can't unlock: said with their count (negative: unknown), never dropped silently; the
        files are kept aside. Counts told for one session add up."""
        if count < 0 or self._lost_orders < 0:
            self._lost_orders = -1
        else:
            self._lost_orders += count
        count = self._lost_orders
        title = (
            QCoreApplication.translate(
                "MainWindow", "%n order(s) waiting to be sent couldn't be unlocked on this "
                "computer", "", count,
            ) if count > 0 else QCoreApplication.translate(
                "MainWindow", "Orders waiting to be sent couldn't be unlocked on this computer"
            )
        )
        self._banner.show_info(title, QCoreApplication.translate(
            "MainWindow", "They were not sent. This happens after a new Windows profile or a "
            "reset password store; the file is kept aside in case IT can restore the old one. "
            "Check in Spot which orders arrived and place the missing ones again.",
        ))
