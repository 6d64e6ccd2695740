"""The main window's child windows: order forms, the report viewer, the two desk windows.

Each opens on demand (its module is imported then), one at a time where that is what the
desk needs (asking again brings it forward), and all of them close with the session that
they work for. What they change is broadcast on `AppEvents`, not reported back here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from app.services.printing.handout import Handout
from app.services.printing.jobs import LabelPrinting
from app.services.printing.labels import Label
from app.services.printing.record import PrintRecorder, ignore_print
from app.services.printing.settings import PrintSettings
from app.tasks import Runner
from app.views.common.app_settings import AppSettings
from app.views.common.events import AppEvents, ReportRequest

if TYPE_CHECKING:
    from app.services.session import Session

__all__ = ["ChildWindows"]


def _load_logo(path: str) -> QImage:
    """Worker thread: the clinic's logo for the hand-out."""
    image = QImage(path)
    if image.isNull():
        raise OSError(f"not an image: {path}")
    return image


def _bring_forward(window: QWidget) -> None:
    window.show()
    window.raise_()
    window.activateWindow()


class ChildWindows(QObject):
    """Opens and closes the windows that belong to a session, parented to ``owner``."""

    def __init__(
        self,
        owner: QWidget,
        runner: Runner,
        events: AppEvents,
        *,
        settings: AppSettings | None = None,
        print_recorder: PrintRecorder = ignore_print,
    ) -> None:
        super().__init__(owner)
        self._owner = owner
        self._runner = runner
        self._events = events
        self._app_settings = settings
        # Until the audit trail is wired in (app.services.audit), prints are recorded nowhere.
        self._print_recorder = print_recorder
        # Read on the GUI thread when a print window opens; the label sender (a worker
        # thread) only ever sees this frozen copy, never QSettings.
        self._print_settings = PrintSettings()
        self.label_printing = LabelPrinting(
            lambda: self._print_settings, recorder=print_recorder
        )
        self.print_windows: list[QWidget] = []
        self.new_orders: list[QWidget] = []
        self.report: QWidget | None = None
        self.register_kit: QWidget | None = None
        self.registration_token: QWidget | None = None
        self.outbox: QWidget | None = None

    def set_print_recorder(self, recorder: PrintRecorder) -> None:
        """Where each print is recorded from now on (the audit trail, once staff sign in)."""
        self._print_recorder = recorder
        self.label_printing.recorder = recorder

    def open_new_order(self, session: Session) -> QWidget:
        from app.views.new_order.form import NewOrderDialog

        dialog = NewOrderDialog(session, self._runner, self._owner)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.new_orders.append(dialog)
        dialog.destroyed.connect(lambda: self._forget_order_form(dialog))
        dialog.form.order_queued.connect(lambda _item_id: self._events.outbox_changed.emit())
        dialog.form.print_handout_requested.connect(
            lambda handout: self.open_handout(handout, session.kit_catalog)
        )
        dialog.show()
        dialog.raise_()
        return dialog

    def _forget_order_form(self, dialog: QWidget) -> None:
        if dialog in self.new_orders:
            self.new_orders.remove(dialog)

    def open_report(self, session: Session, request: ReportRequest) -> QWidget:
        from app.views.reports.report_viewer import ReportWindow

        window = self.report
        if not isinstance(window, ReportWindow):
            window = ReportWindow(session.reports, session.seen, self._runner)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.destroyed.connect(self._forget_report)
            window.report_opened.connect(self._events.report_seen)
            self.report = window
        window.open_report(
            request.report, kit_id=request.kit_id, sample_id=request.sample_id,
            replaces=request.replaces,
        )
        window.show()
        window.raise_()
        return window

    def _forget_report(self, *_args: object) -> None:
        self.report = None

    def open_register_kit(
        self, session: Session, kit_id: str = "", recipient: Any = None
    ) -> QWidget:
        """One non-modal registration window: the desk scans kit after kit while the list
        and panel stay usable. ``recipient`` (an order's `models.Recipient`) prefills the
        patient when the kit comes from an order."""
        from app.services.printing.from_spot import handout_for_kit
        from app.views.desk.register_kit import RegisterKitDialog

        dialog = self.register_kit
        if not isinstance(dialog, RegisterKitDialog):
            dialog = RegisterKitDialog(session, self._runner, self._owner)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.kit_registered.connect(self._events.kit_registered)
            dialog.print_handout_requested.connect(
                lambda kit: self.open_handout(handout_for_kit(kit), session.kit_catalog)
            )
            # Closed means about to be deleted: the next Ctrl+R makes a new one.
            dialog.finished.connect(self._forget_register_kit)
            dialog.destroyed.connect(self._forget_register_kit)
            self.register_kit = dialog
        if recipient is not None:
            dialog.prefill(recipient)
        if kit_id:
            dialog.set_kit_id(kit_id)
        _bring_forward(dialog)
        return dialog

    def _forget_register_kit(self, *_args: object) -> None:
        self.register_kit = None

    def open_registration_token(self, session: Session) -> QWidget:
        """Non-modal and one at a time: its token counts down for 10 minutes while the desk
        keeps working; asking again brings it forward."""
        from app.views.desk.registration_token import RegistrationTokenDialog

        dialog = self.registration_token
        if dialog is None:
            dialog = RegistrationTokenDialog(session, self._runner, self._owner)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.destroyed.connect(self._forget_registration_token)
            self.registration_token = dialog
        _bring_forward(dialog)
        return dialog

    def _forget_registration_token(self, *_args: object) -> None:
        self.registration_token = None

    # --- printing ----------------------------------------------------------------------------

    def _current_print_settings(self) -> PrintSettings:
        if self._app_settings is not None:
            self._print_settings = self._app_settings.print_settings
        return self._print_settings

    def open_handout(self, handout: Handout, catalog: Mapping[str, str] | None = None) -> None:
        """The hand-out's print preview; the clinic's logo is read off the GUI thread first."""
        settings = self._current_print_settings()
        show = partial(self._show_handout, handout, settings, catalog)
        if not settings.logo_path:
            show(None)
            return
        # No logo (moved, unreadable) still prints the hand-out, just without it.
        self._runner.run(_load_logo, settings.logo_path, on_success=show,
                         on_error=lambda _exc: show(None))

    def _show_handout(
        self,
        handout: Handout,
        settings: PrintSettings,
        catalog: Mapping[str, str] | None,
        logo: QImage | None,
    ) -> None:
        from app.views.printing.preview import HandoutPreviewDialog

        dialog = HandoutPreviewDialog(
            handout, settings, self._runner, self._owner, catalog=catalog, logo=logo,
            recorder=self._print_recorder,
        )
        self._show_print_window(dialog)

    def held_label_count(self) -> int:
        """Label jobs the printer did not take: the quit question counts them."""
        return len(self.label_printing.held())

    def open_labels(self, labels: Sequence[Label]) -> None:
        from app.views.printing.preview import LabelPrintDialog

        dialog = LabelPrintDialog(
            labels, self._current_print_settings(), self.label_printing, self._runner,
            self._owner, recorder=self._print_recorder,
        )
        self._show_print_window(dialog)

    def _show_print_window(self, dialog: QWidget) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.print_windows.append(dialog)
        dialog.destroyed.connect(lambda: self._forget_print_window(dialog))
        _bring_forward(dialog)

    def _forget_print_window(self, dialog: QWidget) -> None:
        if dialog in self.print_windows:
            self.print_windows.remove(dialog)

    def open_outbox(self, session: Session, select_order: Callable[[str], object]) -> QWidget:
        """One Outbox window, brought forward when asked again. "Fix and resend" opens the
        order form on the item; "Open order" selects it with ``select_order`` in the main
        window and brings that forward."""
        from app.views.outbox.window import OutboxWindow

        window = self.outbox
        # Closed means about to be deleted (WA_DeleteOnClose): asking again makes a new one.
        if not isinstance(window, OutboxWindow) or window.isHidden():
            catalog = session.kit_catalog
            window = OutboxWindow(
                session.outbox, self._runner, lambda kit: catalog.get(kit, kit), self._owner
            )
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.destroyed.connect(self._forget_outbox)
            window.fix_requested.connect(partial(self.fix_outbox_item, session))
            window.open_order_requested.connect(partial(self._show_order, select_order))
            self.outbox = window
        _bring_forward(window)
        return window

    def _show_order(self, select_order: Callable[[str], object], order_id: str) -> None:
        select_order(order_id)
        if self._owner.isMinimized():
            self._owner.showNormal()
        _bring_forward(self._owner)

    def _forget_outbox(self, *_args: object) -> None:
        self.outbox = None

    def fix_outbox_item(self, session: Session, item_id: str) -> QWidget | None:
        """The order form on an outbox item: its order and Spot's field errors; sending it
        resends the same item (same client reference)."""
        from app.views.new_order.form import NewOrderDialog

        forms = [d for d in self.new_orders if isinstance(d, NewOrderDialog)]
        for open_form in forms:  # already being fixed: bring that form forward
            if open_form.form.submission.item_id == item_id:
                _bring_forward(open_form)
                return open_form
        item = session.outbox.get(item_id)
        if item is None:  # sent or discarded meanwhile
            return None
        dialog = self.open_new_order(session)
        if isinstance(dialog, NewOrderDialog):
            dialog.form.edit_outbox_item(item)
        return dialog

    def close_session_windows(self) -> None:
        """Close what works through (or shows data of) the session that is ending."""
        for window in (self.register_kit, self.registration_token, self.report, self.outbox,
                       *self.print_windows):
            if window is not None:
                window.close()
        self.report = None
        self.outbox = None

    def close_all(self) -> None:
        # Order forms first: each saves its newest typing as it closes.
        for dialog in list(self.new_orders):
            dialog.close()
        self.close_session_windows()
