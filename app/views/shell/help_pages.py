"""Help → Keyboard shortcuts (from the action table, in this platform's key names) and
Help → Getting started (a short page inside the app: no internet needed).

Texts keep the window's translation context ("MainWindow").
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.views.shell.actions import ACTIONS, OTHER_KEYS, shortcut_text

__all__ = ["GETTING_STARTED", "shortcut_sheet_rows", "show_getting_started", "show_shortcuts"]

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")
_CONTEXT = "MainWindow"


def shortcut_sheet_rows() -> list[tuple[str, str]]:
    """(what, keys) for every command with keys, in the UI language and this platform's
    own key names ("Ctrl+N", "⌘N"), then the keys of other windows and of the order list."""
    rows = [
        (translate(_CONTEXT, spec.text).replace("&", "").rstrip("…"), shortcut_text(spec))
        for spec in ACTIONS if spec.keys is not None
    ]
    rows += [(translate(_CONTEXT, what), keys) for what, keys in OTHER_KEYS]
    rows += [
        (translate("MainWindow", "Order list: menu for the selected order"),
         translate("MainWindow", "Menu key, Shift+F10 or right-click")),
        (translate("MainWindow", "Order list: move between orders"),
         translate("MainWindow", "Up, Down, Page Up, Page Down")),
        (translate("MainWindow", "Leave the order list"), translate("MainWindow", "Tab")),
    ]
    return rows


def _dialog(parent: QWidget, title: str, name: str) -> tuple[QDialog, QVBoxLayout]:
    dialog = QDialog(parent)
    dialog.setObjectName(name)
    dialog.setWindowTitle(title)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    layout = QVBoxLayout(dialog)
    return dialog, layout


def _finish(dialog: QDialog, layout: QVBoxLayout) -> QDialog:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.open()
    return dialog


def show_shortcuts(parent: QWidget) -> QDialog:
    dialog, layout = _dialog(parent, translate("MainWindow", "Keyboard shortcuts"), "shortcutSheet")
    rows = shortcut_sheet_rows()
    table = QTableWidget(len(rows), 2, dialog)
    table.setObjectName("shortcutTable")
    table.setHorizontalHeaderLabels(
        [translate("MainWindow", "Command"), translate("MainWindow", "Keys")]
    )
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    for number, (what, keys) in enumerate(rows):
        table.setItem(number, 0, QTableWidgetItem(what))
        table.setItem(number, 1, QTableWidgetItem(keys))
    layout.addWidget(table)
    dialog.resize(dialog.fontMetrics().averageCharWidth() * 90,
                  dialog.fontMetrics().height() * 36)
    return _finish(dialog, layout)


GETTING_STARTED = """
<h2>{title}</h2>
<ol>
<li><b>{sign_in}</b> {sign_in_text}</li>
<li><b>{order}</b> {order_text}</li>
<li><b>{find}</b> {find_text}</li>
<li><b>{panel}</b> {panel_text}</li>
<li><b>{register}</b> {register_text}</li>
<li><b>{attention}</b> {attention_text}</li>
<li><b>{results}</b> {results_text}</li>
<li><b>{outbox}</b> {outbox_text}</li>
</ol>
<p>{keys}</p>
"""


def getting_started_html() -> str:
    texts = {
        "title": translate("MainWindow", "Getting started"),
        "sign_in": translate("MainWindow", "Sign in."),
        "sign_in_text": translate(
            "MainWindow",
            "File → Sign in: choose your clinic's Spot environment and paste the API token "
            "your administrator gave you. The status bar names the environment you are "
            "working in.",
        ),
        "order": translate("MainWindow", "Order kits."),
        "order_text": translate(
            "MainWindow",
            "New order (toolbar): the patient's name, contact and address, then the kit "
            "types. Orders wait in the outbox if Spot can't be reached.",
        ),
        "find": translate("MainWindow", "Find an order."),
        "find_text": translate(
            "MainWindow",
            "Type a name, email, phone number, order or kit ID in the search box. Scan a "
            "kit's barcode into Find kit to jump to its order.",
        ),
        "panel": translate("MainWindow", "Follow an order."),
        "panel_text": translate(
            "MainWindow",
            "Select an order: the right side shows its kits, where they are, tracking links "
            "and reports.",
        ),
        "register": translate("MainWindow", "Register a kit."),
        "register_text": translate(
            "MainWindow",
            "Register kit, or right-click an order → Register kit: the order's patient is "
            "filled in for you.",
        ),
        "attention": translate("MainWindow", "Needs attention"),
        "attention_text": translate(
            "MainWindow",
            "lists orders with a problem: delivery or collection exceptions, kits not "
            "registered, samples stuck on their way.",
        ),
        "results": translate("MainWindow", "Results to review"),
        "results_text": translate(
            "MainWindow", "lists orders with results nobody opened on this computer yet."
        ),
        "outbox": translate("MainWindow", "Outbox"),
        "outbox_text": translate(
            "MainWindow",
            "in the status bar counts orders waiting to be sent and those that need fixing "
            "before they can be.",
        ),
        "keys": translate("MainWindow", "Help → Keyboard shortcuts lists every key."),
    }
    return GETTING_STARTED.format(**{key: html.escape(text) for key, text in texts.items()})


def show_getting_started(parent: QWidget) -> QDialog:
    dialog, layout = _dialog(parent, translate("MainWindow", "Getting started"), "gettingStarted")
    page = QTextBrowser(dialog)
    page.setObjectName("gettingStartedPage")
    page.setOpenExternalLinks(False)  # everything is here: no internet needed
    page.setHtml(getting_started_html())
    layout.addWidget(page)
    dialog.resize(dialog.fontMetrics().averageCharWidth() * 80,
                  dialog.fontMetrics().height() * 30)
    return _finish(dialog, layout)
