"""The order form's drafts: autosave after a pause in typing, and offer unsent ones back.

`FormDrafts` owns the form's draft id, the autosave timer and the list of drafts left by an
earlier session (a crash, a closed window). Saves and discards run on the task runner, never
on the GUI thread; a discarded id is never written again (see `DraftWriter`).
"""

from __future__ import annotations

import logging
import uuid
from collections import Counter
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from shiboken6 import isValid

from app.services.drafts import OPEN_DRAFTS, DraftWriter
from app.services.outbox import REF_KEY
from app.tasks import OwnedTasks, Runner
from app.views.new_order.bars import RestoreBar

__all__ = ["FormDrafts", "outbox_item_data"]

log = logging.getLogger(__name__)


def outbox_item_data(item: Any) -> dict[str, Any]:
    """An outbox item's order shaped like a draft, to fill the form for "Fix and resend".
    The client reference is left out: the outbox keeps the item's own when it resends."""
    payload = item.payload
    metadata = {k: v for k, v in (payload.metadata or {}).items() if k != REF_KEY}
    return {
        "recipient": payload.recipient.model_dump(mode="json", exclude_none=True),
        "kits": [[kit, count] for kit, count in Counter(payload.kit_types).items()],
        "metadata": metadata,
    }


class FormDrafts(QObject):
    """``data()`` gives what to save, ``is_empty()`` whether there is anything; ``restored``
    carries a draft the user chose to bring back; ``save_failed`` an exception."""

    restored = Signal(dict)
    offer_discarded = Signal()
    save_failed = Signal(object)

    def __init__(
        self, drafts: Any, runner: Runner, bar: RestoreBar, *, delay_ms: int,
        data: Callable[[], dict[str, Any]], is_empty: Callable[[], bool],
        editing: Callable[[], bool], parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._drafts = drafts
        self._runner = runner
        self._tasks = OwnedTasks(runner, self)
        self._bar = bar
        self._data = data
        self._is_empty = is_empty
        self._editing = editing
        self._writer = DraftWriter(drafts)
        self._restorable: list[tuple[str, dict[str, Any]]] = []
        self._ref = [uuid.uuid4().hex]
        OPEN_DRAFTS.switch(None, self._ref[0])
        self.destroyed.connect(lambda _=None, ref=self._ref: OPEN_DRAFTS.switch(ref[0], None))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._on_timeout)
        bar.restore_button.clicked.connect(self._on_restore_clicked)
        bar.discard_button.clicked.connect(self._on_discard_clicked)

    @property
    def draft_id(self) -> str:
        return self._ref[0]

    def load(self) -> None:
        """Look for drafts an earlier session left (off the GUI thread)."""
        self._tasks.run(
            self._drafts.load_all, on_success=self._on_loaded,
            on_error=lambda exc: log.warning("drafts could not be read: %s", type(exc).__name__),
        )

    def schedule(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _on_timeout(self) -> None:
        if self._editing():  # not once the outbox holds the order
            self.save_now()

    def save_now(self) -> None:
        draft_id = self.draft_id
        if self._is_empty():
            self.discard(draft_id)
            self.new_id()  # a discarded id is never written again
            return
        self._tasks.run(
            self._writer.save, draft_id, self._data(),
            on_error=self.save_failed.emit, key=f"draft:{draft_id}", durable=True,
        )

    def flush(self) -> None:
        """Save now instead of after the pause (closing the window, tests)."""
        if self._timer.isActive():
            self._timer.stop()
            try:
                self._on_timeout()
            except RuntimeError:
                # The runner is already shut down (app exit): the last autosave stands.
                log.warning("draft not flushed: the task runner has stopped")

    def discard(self, draft_id: str | None = None) -> None:
        draft_id = draft_id or self.draft_id
        self._tasks.run(
            self._writer.discard, draft_id,
            on_error=lambda exc: log.warning("draft discard failed: %s", type(exc).__name__),
            key=f"draft:{draft_id}", durable=True,
        )

    def new_id(self) -> None:
        old, self._ref[0] = self._ref[0], uuid.uuid4().hex
        OPEN_DRAFTS.switch(old, self._ref[0])

    def offered(self) -> bool:
        return not self._bar.isHidden()

    def _on_loaded(self, drafts: Mapping[str, Mapping[str, Any]]) -> None:
        if not isValid(self):
            return
        candidates = [
            (draft_id, dict(data)) for draft_id, data in drafts.items()
            if draft_id not in OPEN_DRAFTS and isinstance(data, Mapping)
        ]
        candidates.sort(key=lambda item: str(item[1].get("saved_at", "")), reverse=True)
        self._restorable = candidates
        self._offer_next()

    def _offer_next(self) -> None:
        if self._restorable:
            self._bar.offer(self._restorable[0][1])
        else:
            self._bar.hide()

    def _on_restore_clicked(self) -> None:
        if not self._restorable:
            return
        draft_id, data = self._restorable.pop(0)
        if self._is_empty():
            self.discard(self.draft_id)
        old, self._ref[0] = self._ref[0], draft_id
        OPEN_DRAFTS.switch(old, draft_id)
        self._restorable = [(i, d) for i, d in self._restorable if i != draft_id]
        self._offer_next()
        self.restored.emit(data)
        self._timer.stop()

    def _on_discard_clicked(self) -> None:
        if not self._restorable:
            return
        draft_id, _ = self._restorable.pop(0)
        self.discard(draft_id)
        self._offer_next()
        self.offer_discarded.emit()
