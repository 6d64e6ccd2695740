"""A kit's or sample's journey as a row of dots: each step's name and date, the current one ringed.

``kit_steps`` / ``sample_steps`` turn a status and its events into ``Step``s (plain data, easy
to test); ``KitTimeline`` draws them. Exception steps (delivery/collection exception, canceled)
are placed where they happened and drawn in the warning colour, with the steps they cut off
shown as "not reached"; a status this app doesn't know is shown with its raw text, never an error.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.services.local_time import short_zone_name
from app.views.common.formatting import format_day, local_time
from app.views.theme import ThemeFollower, accent_color

__all__ = [
    "KIT_PATH",
    "SAMPLE_PATH",
    "KitTimeline",
    "Step",
    "build_steps",
    "format_day",
    "kit_status_label",
    "kit_steps",
    "sample_steps",
    "set_text_color",
    "text_color",
]

StepState = Literal["done", "current", "upcoming", "skipped"]
StepTone = Literal["normal", "warning", "caution", "unknown"]

KIT_PATH: tuple[str, ...] = ("preparing", "in_transit", "delivered", "registered")
SAMPLE_PATH: tuple[str, ...] = (
    "awaiting_collection",
    "in_transit",
    "delivered",
    "received",
    "resulted",
)
# Statuses that end a journey early: staff have to act on them.
_WARNING = frozenset({"delivery_exception", "collection_exception", "canceled"})
# Partly done: some results are out, the rest still at the lab.
_CAUTION = frozenset({"partially_resulted"})
# Known steps off the usual path that are no cause for alarm.
_KNOWN_EXTRA = frozenset({"extra_quality_checks"})
# Where known off-path steps belong when a step before them was skipped: quality checks and a
# partial result come after the lab's receipt, even when the lab sent no receipt notice.
_NATURAL_AFTER = {"extra_quality_checks": "received", "partially_resulted": "received"}
# Not every lab sends an accession notice: a missing "received" is skipped, not pending.
_OPTIONAL = frozenset({"received"})


def _kit_labels() -> dict[str, str]:
    return {
        "preparing": QCoreApplication.translate("KitTimeline", "Preparing"),
        "in_transit": QCoreApplication.translate("KitTimeline", "Shipped"),
        "delivered": QCoreApplication.translate("KitTimeline", "Delivered"),
        "registered": QCoreApplication.translate("KitTimeline", "Registered"),
        "delivery_exception": QCoreApplication.translate("KitTimeline", "Delivery exception"),
        "canceled": QCoreApplication.translate("KitTimeline", "Canceled"),
    }


def kit_status_label(status: str) -> str:
    """Friendly text for a known kit status; anything else is shown exactly as it came."""
    return _kit_labels().get(status, status)


def _sample_labels() -> dict[str, str]:
    return {
        "awaiting_collection": QCoreApplication.translate("KitTimeline", "Awaiting collection"),
        "in_transit": QCoreApplication.translate("KitTimeline", "On its way to the lab"),
        "delivered": QCoreApplication.translate("KitTimeline", "Delivered to the lab"),
        "received": QCoreApplication.translate("KitTimeline", "Received by the lab"),
        "extra_quality_checks": QCoreApplication.translate("KitTimeline", "Extra quality checks"),
        "partially_resulted": QCoreApplication.translate("KitTimeline", "Partially resulted"),
        "resulted": QCoreApplication.translate("KitTimeline", "Resulted"),
        "collection_exception": QCoreApplication.translate("KitTimeline", "Collection exception"),
        "delivery_exception": QCoreApplication.translate("KitTimeline", "Delivery exception"),
        "canceled": QCoreApplication.translate("KitTimeline", "Canceled"),
    }


@dataclass(frozen=True, slots=True)
class Step:
    """One dot: ``status`` is the raw API value, ``label`` what the user reads."""

    status: str
    label: str
    when: datetime | None
    state: StepState
    tone: StepTone


def build_steps(
    path: Sequence[str],
    events: Sequence[tuple[str | None, datetime | None]],
    current: str | None,
    labels: Mapping[str, str],
) -> list[Step]:
    """The steps of one journey.

    ``path`` is the usual route; events off it are inserted after the step reached just
    before them. Each step's date is when it was first reached. ``current`` (the object's
    status) is the highlighted step; it wins over the last event when the two disagree.
    """
    cleaned = [((status or "").strip(), when) for status, when in events]
    cleaned = [(status, when) for status, when in cleaned if status]
    stamps = [when for _, when in cleaned if when is not None]
    if len(stamps) == len(cleaned):
        # Documented as chronological (inferred); sorting guards against a server that isn't.
        order = sorted(range(len(cleaned)), key=stamps.__getitem__)
        cleaned = [cleaned[i] for i in order]
    current_status = (current or "").strip() or (cleaned[-1][0] if cleaned else "")
    if current_status and all(status != current_status for status, _ in cleaned):
        cleaned.append((current_status, None))

    keys: list[str] = list(path)
    dates: list[datetime | None] = [None] * len(keys)
    reached: list[bool] = [False] * len(keys)
    anchor = -1
    for status, when in cleaned:
        if status in keys:  # on the path, or an extra step seen again: keep its first place
            index = keys.index(status)
        else:
            index = anchor + 1
            natural = _NATURAL_AFTER.get(status)
            if natural in keys and natural not in [k for k, _ in cleaned]:
                index = max(index, keys.index(natural) + 1)
            keys.insert(index, status)
            dates.insert(index, None)
            reached.insert(index, False)
        if dates[index] is None:
            dates[index] = when
        reached[index] = True
        anchor = index

    current_index = (
        max(i for i, key in enumerate(keys) if key == current_status) if current_status else -1
    )
    ended_early = current_status in _WARNING
    steps: list[Step] = []
    for index, key in enumerate(keys):
        state: StepState
        if index == current_index:
            state = "current"
        elif index < current_index:
            state = "skipped" if key in _OPTIONAL and not reached[index] and cleaned else "done"
        elif reached[index] and dates[index] is not None:
            state = "done"  # the server's status lags its events: the step did happen
        else:
            state = "skipped" if ended_early else "upcoming"
        tone: StepTone
        if key in _WARNING:
            tone = "warning"
        elif key in _CAUTION:
            tone = "caution"
        elif key in path or key in _KNOWN_EXTRA:
            tone = "normal"
        else:
            tone = "unknown"
        steps.append(Step(key, labels.get(key, key), dates[index], state, tone))
    return steps


def kit_steps(
    status: str | None, events: Sequence[tuple[str | None, datetime | None]]
) -> list[Step]:
    """The kit's way out: preparing → shipped → delivered → registered."""
    return build_steps(KIT_PATH, events, status, _kit_labels())


def sample_steps(
    status: str | None, events: Sequence[tuple[str | None, datetime | None]]
) -> list[Step]:
    """The sample's way back: awaiting collection → … → resulted."""
    return build_steps(SAMPLE_PATH, events, status, _sample_labels())


def _state_text(step: Step) -> str:
    if step.state == "current":
        return QCoreApplication.translate("KitTimeline", "current step")
    if step.state == "done":
        return QCoreApplication.translate("KitTimeline", "done")
    if step.state == "skipped":
        return QCoreApplication.translate("KitTimeline", "not reached")
    return QCoreApplication.translate("KitTimeline", "not yet")


_DOT = 7.0  # radius of a dot, px
_RING = 11.0  # radius of the current step's ring
_BAND = 30  # height reserved above the labels for the dots


class KitTimeline(QWidget):
    """A titled row of steps. ``set_steps`` replaces them; labels wrap rather than cut."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._steps: list[Step] = []
        self._names: list[QLabel] = []
        self._dates: list[QLabel] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.title_label = QLabel(title, self)
        self.title_label.setObjectName("timeline_title")
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        layout.addWidget(self.title_label)
        self._track = _Track(self)
        layout.addWidget(self._track)
        self._grid = QGridLayout(self._track)
        self._grid.setContentsMargins(0, _BAND, 0, 0)
        self._grid.setHorizontalSpacing(6)
        self._grid.setVerticalSpacing(0)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        ThemeFollower(self, self._restyle)  # the dots repaint; the labels need new colours

    # --- public API ----------------------------------------------------------------------

    def set_steps(self, steps: Sequence[Step]) -> None:
        for label in self._names + self._dates:
            self._grid.removeWidget(label)
            label.setParent(None)
            label.deleteLater()
        self._names, self._dates = [], []
        self._steps = list(steps)
        for column, step in enumerate(self._steps):
            name = QLabel(step.label, self._track)
            name.setObjectName(f"step_name_{column}")
            name.setWordWrap(True)
            name.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            date = QLabel(format_day(step.when), self._track)
            date.setObjectName(f"step_date_{column}")
            date.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            if step.when is not None:
                local = local_time(step.when)
                date.setToolTip(f"{local:%Y-%m-%d %H:%M} {short_zone_name(local)}")
            elif step.state == "skipped":
                date.setText(QCoreApplication.translate("KitTimeline", "—"))
            self._style_labels(step, name, date)
            self._grid.addWidget(name, 0, column)
            self._grid.addWidget(date, 1, column)
            self._grid.setColumnStretch(column, 1)
            self._names.append(name)
            self._dates.append(date)
        for column in range(len(self._steps), self._grid.columnCount()):
            self._grid.setColumnStretch(column, 0)
        summary = "; ".join(
            f"{step.label}: {_state_text(step)}"
            + (f", {format_day(step.when)}" if step.when is not None else "")
            for step in self._steps
        )
        self.setAccessibleName(self.title_label.text())
        self.setAccessibleDescription(summary)
        self.setToolTip(summary)
        self._track.update()

    def steps(self) -> list[Step]:
        return list(self._steps)

    def current_step(self) -> Step | None:
        return next((step for step in self._steps if step.state == "current"), None)

    def name_labels(self) -> list[QLabel]:
        return list(self._names)

    def date_labels(self) -> list[QLabel]:
        return list(self._dates)

    # --- drawing -------------------------------------------------------------------------

    def _restyle(self) -> None:
        for step, name, date in zip(self._steps, self._names, self._dates, strict=True):
            self._style_labels(step, name, date)

    def _style_labels(self, step: Step, name: QLabel, date: QLabel) -> None:
        font = name.font()
        font.setBold(step.state == "current")
        name.setFont(font)
        small = QFont(date.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.9))
        date.setFont(small)
        if step.tone in ("warning", "caution"):
            color = self.tone_color(step)
            set_text_color(name, color)
        elif step.state in ("upcoming", "skipped"):
            muted = self.palette().color(QPalette.ColorRole.PlaceholderText)
            set_text_color(name, muted)
            set_text_color(date, muted)

    def tone_color(self, step: Step) -> QColor:
        """The colour a step's dot is drawn in (also used for its label)."""
        palette = self.palette()
        if step.tone in ("warning", "caution"):
            return accent_color("warning", palette)
        if step.state in ("upcoming", "skipped"):
            return palette.color(QPalette.ColorRole.PlaceholderText)
        if step.tone == "unknown":
            return accent_color("neutral", palette)
        if step.state == "current" and step.status in ("registered", "resulted"):
            return accent_color("good", palette)
        return accent_color("active", palette)

    def paint_track(self, painter: QPainter) -> None:
        if not self._names:
            return
        y = _BAND / 2
        centers = [
            QPointF(label.geometry().center().x(), y) for label in self._names
        ]
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText)
        for index in range(1, len(centers)):
            step = self._steps[index]
            reached = step.state in ("done", "current")
            pen = QPen(self.tone_color(step) if reached else muted, 3 if reached else 2)
            if not reached:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(centers[index - 1], centers[index])
        window = self.palette().color(QPalette.ColorRole.Window)
        for step, center in zip(self._steps, centers, strict=True):
            color = self.tone_color(step)
            if step.state == "current":
                painter.setPen(QPen(color, 2))
                painter.setBrush(window)
                painter.drawEllipse(center, _RING, _RING)
            filled = step.state in ("done", "current") and step.tone != "caution"
            if step.state in ("done", "current"):
                painter.setPen(QPen(color, 2))
                painter.setBrush(color if filled else window)
            else:
                pen = QPen(color, 2)
                if step.state == "skipped":
                    pen.setStyle(Qt.PenStyle.DotLine)
                painter.setPen(pen)
                painter.setBrush(window)
            painter.drawEllipse(center, _DOT, _DOT)
            if step.tone in ("warning", "caution", "unknown") and step.state != "upcoming":
                mark = "!" if step.tone != "unknown" else "?"
                painter.setPen(window if filled else color)
                font = QFont(self.font())
                font.setBold(True)
                font.setPixelSize(int(_DOT * 1.6))
                painter.setFont(font)
                box = QRectF(center.x() - _DOT, center.y() - _DOT, 2 * _DOT, 2 * _DOT)
                painter.drawText(box, mark, Qt.AlignmentFlag.AlignCenter)


def set_text_color(label: QLabel, color: QColor) -> None:
    """Colour a label's text through its palette: far cheaper than a style sheet per label."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, color)
    label.setPalette(palette)


def text_color(label: QLabel) -> QColor:
    """The colour ``label``'s text is drawn in (for tests and accessibility checks)."""
    return label.palette().color(QPalette.ColorRole.WindowText)


class _Track(QWidget):
    def __init__(self, timeline: KitTimeline) -> None:
        super().__init__(timeline)
        self._timeline = timeline

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._timeline.paint_track(painter)
        finally:
            painter.end()
