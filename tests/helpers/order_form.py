"""Filling the new-order form like a user: click into a field, type, Tab out."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from app.views.new_order.form import NewOrderForm

GOOD = {
    "first_name": "Alice",
    "last_name": "Example",
    "email": "alice.example@example.com",
    "phone": "415-555-0123",
    "address.street1": "1600 Example Ave",
    "address.street2": "Apt 4",
    "address.city": "San Francisco",
    "address.state": "CA",
    "address.zip": "94105",
}


def editor(form: NewOrderForm, path: str) -> QWidget:
    return form.fields.editor(path)


def type_into(
    qtbot: QtBot, form: NewOrderForm, path: str, text: str, *, leave: bool = True
) -> None:
    """Click into the field, replace its text by typing, then Tab out (as a user would)."""
    widget = editor(form, path)
    widget.setFocus()
    if isinstance(widget, QComboBox):
        # The state list: typing the code jumps to "CA – California".
        qtbot.keyClicks(widget, text)
    else:
        assert isinstance(widget, QLineEdit)
        widget.selectAll()
        qtbot.keyClick(widget, Qt.Key.Key_Delete)
        if text:
            qtbot.keyClicks(widget, text)
    if leave:
        qtbot.keyClick(widget, Qt.Key.Key_Tab)


def fill(qtbot: QtBot, form: NewOrderForm, values: dict[str, str] | None = None,
         kit: str | None = "Vitamin D kit") -> None:
    for path, text in (values or GOOD).items():
        type_into(qtbot, form, path, text)
    if kit is not None:
        combo = form.kits.combo(0)
        combo.setFocus()
        combo.setCurrentIndex(combo.findText(kit))


def shown(form: NewOrderForm, path: str) -> str:
    return form.fields.message_text(path)
