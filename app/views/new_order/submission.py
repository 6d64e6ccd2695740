"""Placing the order: a last duplicate check, the outbox, then the order's fate on the form.

`OrderSubmission` is the form's presenter for sending: it builds the `NewOrder`, hands it to
the durable outbox (`session.outbox`), follows that outbox item and tells the form what to
show (placed, queued, or Spot's field errors on their fields). The form keeps the editing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Qt
from shiboken6 import isValid

from app.api.models import NewOrder
from app.services.errors import describe_error
from app.tasks import OwnedTasks, Runner, call_on_gui
from app.validation import normalize_recipient
from app.views.new_order.bars import GOOD_COLORS as _GOOD_COLORS
from app.views.new_order.bars import INFO_COLORS as _INFO_COLORS
from app.views.new_order.bars import WARN_COLORS as _WARN_COLORS

__all__ = [
    "OrderSession",
    "OrderSubmission",
    "SubmissionHost",
    "duplicate_query",
    "find_recent_duplicates",
]

log = logging.getLogger(__name__)


class OrderSession(Protocol):
    """The part of ``app.services.session.Session`` the order form uses."""

    @property
    def outbox(self) -> Any: ...
    @property
    def drafts(self) -> Any: ...
    @property
    def store(self) -> Any: ...
    @property
    def kit_catalog(self) -> Mapping[str, str]: ...


class SubmissionHost(Protocol):
    """The order form, as the submission sees it (its fields and how it shows state)."""

    fields: Any
    kits: Any
    metadata: Any
    drafts: Any
    duplicate_bar: Any
    duplicate_confirm: Any
    another_button: Any
    order_queued: Any
    order_placed: Any
    destroyed: Any
    _state: str

    def _refresh(self) -> None: ...
    def _set_state(self, state: str) -> None: ...
    def _set_status(self, text: str, colors: tuple[str, str]) -> None: ...
    def _show_actions(self, *, another: bool, new: bool) -> None: ...
    def _show_duplicates(
        self, rows: list[Any], recipient: dict[str, str], kit_types: list[str]
    ) -> None: ...


def duplicate_query(
    recipient: Mapping[str, Any], kit_types: Sequence[str]
) -> tuple[dict[str, str], list[str]]:
    """What the duplicate check compares: the normalized name and contact, the kit types."""
    normalized = normalize_recipient(dict(recipient))
    flat = {
        key: str(normalized.get(key) or "") for key in ("first_name", "last_name", "email", "phone")
    }
    return flat, sorted(set(kit_types))


def find_recent_duplicates(
    store: Any, recipient: dict[str, str], kit_types: list[str]
) -> list[Any]:
    """Synced orders that look like this one (worker thread: the store may hold 100k rows)."""
    if not (recipient["email"] or recipient["phone"]) or not kit_types:
        return []
    return list(store.find_duplicates(recipient, kit_types, datetime.now(UTC)))


class OrderSubmission(QObject):
    """Sends the form's order once; ``busy`` while a check or a send is under way."""

    def __init__(
        self, form: SubmissionHost, session: OrderSession, runner: Runner, parent: QObject
    ) -> None:
        super().__init__(parent)
        self._form = form
        self._session = session
        self._runner = runner
        self._tasks = OwnedTasks(runner, self)
        self.busy = False
        self.item_id: str | None = None
        self._latest_items: dict[str, Any] = {}
        self._state_before_send = "editing"
        self._unsubscribe = self._subscribe_outbox()

    def reset(self) -> None:
        """A fresh order: forget the previous one's outbox item."""
        self.item_id = None
        self._latest_items.clear()
        self.busy = False

    def adopt(self, item: Any) -> None:
        """Fix and resend (the Outbox window): this form now stands for outbox ``item``, shows
        Spot's field errors on its fields, and sending resubmits that same item."""
        self.reset()
        self.item_id = str(item.item_id)
        self._show_needs_attention(item)

    def start(self) -> None:
        """Check for a recent order for this patient, then send (the form has checked)."""
        self.busy = True
        self._form._refresh()
        self._form._set_status(QCoreApplication.translate(
            "NewOrderForm", "Checking for recent orders for this patient…"
        ), _INFO_COLORS)
        form = self._form
        recipient, kit_types = duplicate_query(form.fields.recipient(), form.kits.kit_types())
        self._tasks.run(
            find_recent_duplicates,
            self._session.store,
            recipient,
            kit_types,
            on_success=self._on_submit_duplicates_checked,
            on_error=self._on_submit_duplicates_failed,
            key=f"order-duplicates:{id(self)}",
        )


    def _build_order(self) -> NewOrder:
        recipient = normalize_recipient(self._form.fields.recipient())
        address = recipient.get("address")
        if isinstance(address, dict):
            recipient["address"] = {k: v for k, v in address.items() if v not in ("", None)}
        metadata = self._form.metadata.metadata()
        return NewOrder.model_validate(
            {
                "kit_types": self._form.kits.kit_types(),
                "recipient": recipient,
                "metadata": metadata or None,
            }
        )

    def _on_submit_duplicates_checked(self, rows: list[Any]) -> None:
        if not isValid(self):
            return
        form = self._form
        recipient, kit_types = duplicate_query(form.fields.recipient(), form.kits.kit_types())
        self._form._show_duplicates(rows, recipient, kit_types)
        if self._form.duplicate_bar.unconfirmed:
            self.busy = False
            self._form._refresh()
            self._form._set_status(
                QCoreApplication.translate(
                    "NewOrderForm",
                    "This looks like a repeat order. Check “Order anyway” to place it.",
                ),
                _WARN_COLORS,
            )
            self._form.duplicate_confirm.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self._send()

    def _on_submit_duplicates_failed(self, exc: BaseException) -> None:
        # The synced list is a convenience; failing to read it must not stop an order.
        log.warning("duplicate check failed before submit: %s", type(exc).__name__)
        if isValid(self):
            self._send()

    def _send(self) -> None:
        try:
            order = self._build_order()
        except ValueError as exc:
            log.warning("order could not be built: %s", type(exc).__name__)
            self.busy = False
            self._form._refresh()
            self._form._set_status(
                QCoreApplication.translate(
                    "NewOrderForm", "This order can't be sent as it is; check the fields."
                ), _WARN_COLORS
            )
            return
        self._state_before_send = self._form._state
        self._form._set_state("sending")
        self._form._set_status(QCoreApplication.translate(
            "NewOrderForm", "Sending the order to Spot…"
        ), _INFO_COLORS)
        outbox = self._session.outbox
        if self._state_before_send == "needs_attention" and self.item_id is not None:
            self._tasks.run(
                outbox.resubmit,
                self.item_id,
                order,
                on_success=self._on_queued,
                on_error=self._on_queue_failed, durable=True,
            )
        else:
            self._tasks.run(
                outbox.submit, order, on_success=self._on_queued, on_error=self._on_queue_failed,
                durable=True,
            )

    def _on_queued(self, item: Any) -> None:
        if not isValid(self):
            return
        self.busy = False
        item_id = str(item.item_id)
        self.item_id = item_id
        # The outbox holds the order now; the draft has done its job.
        self._form.drafts.discard()
        self._form.order_queued.emit(item_id)
        latest = self._latest_items.get(item_id, item)
        self._show_item(latest)

    def _on_queue_failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self.busy = False
        self._form._set_state(self._state_before_send)
        error = describe_error(exc)
        self._form._set_status(
            QCoreApplication.translate(
                "NewOrderForm", "The order was not saved: %1. %2 Your typing is kept; try again."
            )
            .replace("%1", error.title)
            .replace("%2", error.advice),
            _WARN_COLORS,
        )

    # --- following the outbox item ---------------------------------------------------

    def _subscribe_outbox(self) -> Callable[[], None] | None:
        subscribe = getattr(self._session.outbox, "subscribe", None)
        if subscribe is None:
            return None
        on_gui = call_on_gui(self._on_outbox_item_changed)
        result = subscribe(on_gui)
        if callable(result):
            unsubscribe: Callable[[], None] = result
        else:
            outbox = self._session.outbox

            def unsubscribe() -> None:
                remove = getattr(outbox, "unsubscribe", None)
                if remove is not None:
                    remove(on_gui)

        self._form.destroyed.connect(lambda _=None: unsubscribe())
        return unsubscribe

    def _on_outbox_item_changed(self, item: Any) -> None:
        if not isValid(self):
            return
        item_id = str(getattr(item, "item_id", ""))
        if self._form._state not in ("sending", "queued", "sent") and item_id != self.item_id:
            return
        if self.item_id is None:
            # Our submit has not returned yet; keep the news for when it does.
            self._latest_items[item_id] = item
            return
        if item_id == self.item_id:
            self._show_item(item)

    def _show_item(self, item: Any) -> None:
        state = str(getattr(item, "state", ""))
        if state == "sent":
            order_id = str(getattr(item, "order_id", "") or "")
            self._form._set_state("sent")
            self._form._set_status(
                QCoreApplication.translate(
                    "NewOrderForm", "Order %1 placed. Spot will ship the kits."
                ).replace("%1", order_id),
                _GOOD_COLORS,
            )
            self._form._show_actions(another=True, new=True)
            self._form.another_button.setFocus(Qt.FocusReason.OtherFocusReason)
            self._form.order_placed.emit(order_id)
        elif state == "needs_attention":
            self._show_needs_attention(item)
        elif state == "queued" and getattr(item, "last_error", None):
            self._form._set_state("queued")
            self._form._set_status(
                QCoreApplication.translate("NewOrderForm",
                    "Not sent yet: %1 The order is queued on this computer and will be sent "
                    "automatically. You can close this window."
                # Only what happened: the error's own advice ("…then try again") would
                # contradict "will be sent automatically".
                ).replace("%1", str(item.last_error).split(". ", 1)[0].rstrip(".") + "."),
                _WARN_COLORS,
            )
            self._form._show_actions(another=False, new=True)
        else:
            self._form._set_state("sending")
            self._form._set_status(QCoreApplication.translate(
                "NewOrderForm", "Sending the order to Spot…"
            ), _INFO_COLORS)

    def _show_needs_attention(self, item: Any) -> None:
        self._form._set_state("needs_attention")
        errors: Mapping[str, Sequence[str]] = getattr(item, "field_errors", None) or {}
        recipient_errors: dict[str, list[str]] = {}
        other: list[str] = []
        for path, messages in errors.items():
            field = path.removeprefix("recipient.")
            texts = [str(m) for m in messages]
            if path.startswith("kit_types"):
                self._form.kits.set_server_error(" ".join(texts))
            elif path.startswith("metadata"):
                label = QCoreApplication.translate("NewOrderForm", "Notes for your records")
                other.extend(f"{label}: {t}" for t in texts)
            elif field.split("[")[0] in self._form.fields.messages:
                recipient_errors[field.split("[")[0]] = texts
            else:
                other.extend(f"{path}: {t}" if path else t for t in texts)
        unmatched = self._form.fields.set_server_errors(recipient_errors)
        other.extend(f"{p}: {t}" for p, ts in unmatched.items() for t in ts)
        if errors:
            text = QCoreApplication.translate(
                "NewOrderForm",
                "Spot did not accept this order. Fix what is marked and send it again.",
            )
        else:
            text = str(
                getattr(item, "last_error", "") or QCoreApplication.translate(
                    "NewOrderForm", "Spot did not accept this order."
                )
            )
        if other:
            text += "\n" + "\n".join(other)
        self._form._set_status(text, _WARN_COLORS)
        self._form._refresh()
        if not self._form.fields.focus_first_problem() and self._form.kits.problems():
            self._form.kits.combo(0).setFocus(Qt.FocusReason.OtherFocusReason)

