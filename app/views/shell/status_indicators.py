"""The status bar's standing indicators: environment, online or not, last sync, the outbox.

Texts keep the window's translation context ("MainWindow").
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QStatusBar

from app.views.shell.link_status import LinkStatus, link_text

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

__all__ = ["StatusIndicators"]


class StatusIndicators:
    """Permanent labels on ``bar``; the bar's own message area stays for passing news. The
    outbox count is a flat button: a click calls ``open_outbox`` (View → Outbox)."""

    def __init__(self, bar: QStatusBar, open_outbox: Callable[[], None] | None = None) -> None:
        self.environment = QLabel()
        self.environment.setObjectName("statusEnvironment")
        self.sync = QLabel()
        self.sync.setObjectName("statusSync")
        self.online = QLabel()
        self.online.setObjectName("statusOnline")
        self.outbox = QPushButton()
        self.outbox.setObjectName("statusOutbox")
        self.outbox.setFlat(True)
        self.outbox.setAutoDefault(False)
        self.outbox.setCursor(Qt.CursorShape.PointingHandCursor)
        self.outbox.setToolTip(translate("MainWindow", "Open the outbox"))
        self.outbox.hide()  # until a session's counts are known
        if open_outbox is not None:
            self.outbox.clicked.connect(lambda _checked=False: open_outbox())
        #: (waiting, to fix) as last fetched for the status bar; ``None`` when unknown.
        self.outbox_counts: tuple[int, int] | None = None
        for label in (self.environment, self.online, self.sync):
            label.setContentsMargins(6, 0, 6, 0)
            bar.addPermanentWidget(label)
        bar.addPermanentWidget(self.outbox)

    def show_signed_out(self) -> None:
        self.environment.setText(translate("MainWindow", "Not signed in"))
        for label in (self.online, self.sync, self.outbox):
            label.setText("")
        self.outbox.hide()
        self.outbox_counts = None

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
        self.outbox_counts = (queued, attention)
        self.outbox.show()
        self.outbox.setText(
            # Not "need attention": that is the order list's view of order problems.
            translate("MainWindow", "Outbox: {queued} waiting · {attention} to fix")
            .format(queued=queued, attention=attention)
        )
