"""The status bar's standing indicators: environment, online or not, last sync, the outbox.

Texts keep the window's translation context ("MainWindow").
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QStatusBar

from app.views.shell.link_status import LinkStatus, link_text

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

__all__ = ["StatusIndicators"]


class StatusIndicators:
    """Permanent labels on ``bar``; the bar's own message area stays for passing news."""

    def __init__(self, bar: QStatusBar) -> None:
        self.environment = QLabel()
        self.environment.setObjectName("statusEnvironment")
        self.sync = QLabel()
        self.sync.setObjectName("statusSync")
        self.online = QLabel()
        self.online.setObjectName("statusOnline")
        self.outbox = QLabel()
        self.outbox.setObjectName("statusOutbox")
        for label in (self.environment, self.online, self.sync, self.outbox):
            label.setContentsMargins(6, 0, 6, 0)
            bar.addPermanentWidget(label)

    def show_signed_out(self) -> None:
        self.environment.setText(translate("MainWindow", "Not signed in"))
        for label in (self.online, self.sync, self.outbox):
            label.setText("")

    def show_session(
        self, environment: str, link: LinkStatus, last_sync: datetime | None
    ) -> None:
        self.environment.setText(environment)
        self.online.setText(link_text(link))  # the last request's outcome
        self.sync.setText(
            translate("MainWindow", "Last sync {time}").format(time=last_sync.strftime("%H:%M:%S"))
            if last_sync else translate("MainWindow", "Not synced yet")
        )

    def show_outbox(self, queued: int, attention: int) -> None:
        self.outbox.setText(
            # Not "need attention": that is the order list's view of order problems.
            translate("MainWindow", "Outbox: {queued} waiting · {attention} to fix")
            .format(queued=queued, attention=attention)
        )
