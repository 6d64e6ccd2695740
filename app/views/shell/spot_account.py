"""Leaving a Spot account: what the window shows after it, and the question asked before
switching away from an account that still has queued orders.

Signing out of Spot and switching accounts are `SignInFlow`'s (``sign_in_flow.py``); this
module holds the parts that are only screens. Texts keep the window's context ("MainWindow").
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, Qt, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget

from app.views.shell.actions import ACTIONS

if TYPE_CHECKING:
    from app.views.orders.order_list import OrderListView
    from app.views.outreach import Outreach
    from app.views.shell.failure_notices import FailureNotices
    from app.views.shell.refresher import OrderRefresher
    from app.views.shell.side_pane import SidePane
    from app.views.shell.status_indicators import StatusIndicators
    from app.views.shell.tab_pages import TabPages

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

__all__ = ["SwitchChoice", "ask_to_switch_accounts", "show_signed_out"]


class SignedOutWindow(Protocol):
    """What `show_signed_out` changes in the main window."""

    commands: dict[str, QAction]
    refresher: OrderRefresher
    outreach: Outreach | None
    tab_pages: TabPages
    order_list: OrderListView
    panel: SidePane
    indicators: StatusIndicators
    failures: FailureNotices
    session_changed: SignalInstance


def show_signed_out(window: SignedOutWindow) -> None:
    """No session any more: empty list and panel, no notices, session commands off, "Not
    signed in"."""
    window.refresher.detach()
    if window.outreach is not None:
        window.outreach.close()
        window.outreach = None
    window.tab_pages.close(("requisitionsTab", "worklistTab"))
    for spec in ACTIONS:
        action = window.commands.get(spec.name)
        if spec.needs_session and action is not None:
            action.setEnabled(False)
    window.order_list.set_rows([])
    window.panel.clear()
    window.failures.reset()  # the account's notices (kit types, sync problems) go with it
    window.indicators.show_signed_out()
    window.session_changed.emit(None)


class SwitchChoice(Enum):
    SWITCH = "switch"  # the queued orders wait for the previous account's token
    CARRY_OVER = "carry_over"  # a new key of the same account: they go with it
    STAY = "stay"


def ask_to_switch_accounts(
    parent: QWidget, queued: int, *, same_environment: bool,
    on_choice: Callable[[SwitchChoice], None],
) -> QMessageBox:
    """Window-modal, never ``exec()``; Esc and Enter stay."""
    text = (
        translate("MainWindow", "1 order queued under the Spot account in use hasn't reached "
                                "Spot yet.") if queued == 1 else
        translate("MainWindow", "{n} orders queued under the Spot account in use haven't "
                                "reached Spot yet.").format(n=queued)
    )
    text += " " + translate(
        "MainWindow", "They are never sent with another account's token: they wait on this "
        "computer until someone signs in with that account again."
    )
    if same_environment:
        text += "\n\n" + translate(
            "MainWindow", "If the new token is a new key for the same Spot account (the old "
            "one was replaced), choose “Same account, new key” to send them with it."
        )
    box = QMessageBox(QMessageBox.Icon.Question,
                      translate("MainWindow", "Orders are still waiting to be sent"), text,
                      parent=parent)
    box.setObjectName("switchAccountBox")
    buttons = {
        box.addButton(translate("MainWindow", "&Switch accounts"),
                      QMessageBox.ButtonRole.DestructiveRole): SwitchChoice.SWITCH,
    }
    if same_environment:
        buttons[box.addButton(translate("MainWindow", "Same account, &new key"),
                              QMessageBox.ButtonRole.AcceptRole)] = SwitchChoice.CARRY_OVER
    stay = box.addButton(translate("MainWindow", "S&tay with the current account"),
                         QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(stay)
    box.setEscapeButton(stay)
    for button, choice in buttons.items():
        button.setObjectName(f"switch_{choice.value}")
    stay.setObjectName("switch_stay")

    def finished() -> None:
        chosen = buttons.get(box.clickedButton(), SwitchChoice.STAY)  # type: ignore[call-overload]
        box.deleteLater()
        on_choice(chosen)

    box.finished.connect(finished)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.open()
    return box


