"""One change broadcast for the whole window, on the GUI thread.

A screen that changes something the others show emits here; a screen that shows it
subscribes. The shell creates one `AppEvents` and hands it to every screen, so no screen
reaches into another and the main window is not a switchboard that refreshes them by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

__all__ = ["AppEvents", "ReportRequest"]


@dataclass(frozen=True, slots=True)
class ReportRequest:
    """Open one report in the viewer: the report, the kit (or requisition) and sample it
    belongs to, and the earlier report an amendment replaces (shown beside it)."""

    report: Any  # app.api.models.Report
    kit_id: str
    sample_id: str
    replaces: Any = None  # app.api.models.Report | None

    @classmethod
    def among(cls, report: Any, kit_id: str, sample_id: str, reports: Any) -> ReportRequest:
        """``report`` out of a kit's ``reports``: an amendment replaces the one before it."""
        older = [r for r in reports or () if r is not report]
        replaces = older[-1] if older and getattr(report, "is_amendment", False) else None
        return cls(report, kit_id, sample_id, replaces)


class AppEvents(QObject):
    """What changed, for whoever shows it. Payloads are ids (or one small dataclass)."""

    orders_changed = Signal()  # the synced order list changed (a refresh, a new order)
    outbox_changed = Signal()  # an outbox item was queued, sent or needs attention
    kit_registered = Signal(str)  # kit id, after Spot confirmed the registration
    report_seen = Signal(str)  # report id, opened in the viewer
    report_requested = Signal(object)  # ReportRequest: someone asks for the report viewer
    requisition_created = Signal(str)  # requisition id
