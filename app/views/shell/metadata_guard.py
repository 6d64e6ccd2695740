"""Leaving an order whose metadata was edited but not saved: ask Save / Discard / Cancel.

The question is window-modal but never a nested ``exec()``: syncs go on while it is open.
After "Save" the other order is shown once Spot confirms the save; if the save fails, the
error shows beside the edits and the list goes back to the order on screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Qt, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from app.views.orders.order_list import OrderListView

if TYPE_CHECKING:
    from app.views.kit_panel.panel import KitTrackingPanel

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

__all__ = ["UnsavedMetadataGuard"]


class _Host(Protocol):
    @property
    def kit_panel(self) -> KitTrackingPanel | None: ...

    def widget(self) -> QWidget: ...


class UnsavedMetadataGuard(QObject):
    """Sits between the order list's selection and the kit panel."""

    def __init__(self, host: _Host, order_list: OrderListView, parent: QObject | None = None):
        super().__init__(parent)
        self._host = host
        self._order_list = order_list
        # The open question, where the user was going, and (after "Save") the order to show
        # once the save is confirmed.
        self._unsaved_box: QMessageBox | None = None
        self._leave_to: str | None = None
        self._after_save_show: tuple[str, str] | None = None
        self._holding_selection = False
        order_list.order_selected.connect(self.on_order_selected)

    @Slot(object)
    def on_order_selected(self, order_id: str | None) -> None:
        panel = self._host.kit_panel
        if panel is None or self._holding_selection:
            return
        if self._unsaved_box is not None:
            self._leave_to = order_id  # the open question decides where to go
            return
        if order_id != panel.order_id and panel.has_unsaved_metadata():
            if order_id is None:
                return  # a filter hid the row: keep the edits on screen, nobody left
            current = panel.order_id
            assert current is not None
            self._ask_about_unsaved_metadata(current, order_id)
            return
        self._after_save_show = None
        panel.show_order(order_id)

    def _ask_about_unsaved_metadata(self, current: str, wanted: str) -> None:
        buttons = QMessageBox.StandardButton
        box = QMessageBox(
            QMessageBox.Icon.Question, translate("MainWindow", "Unsaved notes"),
            translate("MainWindow", "The notes of order %1 were changed but not saved.")
            .replace("%1", current),
            buttons.Save | buttons.Discard | buttons.Cancel, self._host.widget(),
        )
        box.setObjectName("unsavedMetadataBox")
        box.setInformativeText(translate("MainWindow", "Save it before showing another order?"))
        box.setDefaultButton(buttons.Save)
        box.setEscapeButton(buttons.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._unsaved_box, self._leave_to = box, wanted
        box.finished.connect(lambda _result: self._on_unsaved_metadata_answered(box, current))
        box.open()  # window-modal, not exec(): the event loop and syncs go on

    def _on_unsaved_metadata_answered(self, box: QMessageBox, current: str) -> None:
        clicked = box.clickedButton()
        choice = box.standardButton(clicked) if clicked is not None else (
            QMessageBox.StandardButton.Cancel
        )
        wanted, self._unsaved_box, self._leave_to = self._leave_to, None, None
        panel = self._host.kit_panel
        if panel is None or panel.order_id != current:
            return  # signed out or switched session meanwhile
        if choice == QMessageBox.StandardButton.Discard:
            if wanted is not None:
                panel.show_order(wanted)
            return
        # Cancel, or Save (the other order shows once Spot confirms the save; if it fails
        # the error shows beside the edits): the list goes back to the order on screen.
        self._holding_selection = True
        try:
            self._order_list.select_order(current)
        finally:
            self._holding_selection = False
        saving = choice == QMessageBox.StandardButton.Save
        if saving and wanted is not None and panel.save_metadata():
            self._after_save_show = (current, wanted)

    @Slot(str)
    def on_metadata_saved(self, order_id: str) -> None:
        pending, panel = self._after_save_show, self._host.kit_panel
        if pending is None or pending[0] != order_id or panel is None:
            return
        self._after_save_show = None
        if panel.order_id == order_id and not panel.has_unsaved_metadata():
            self._order_list.select_order(pending[1])
