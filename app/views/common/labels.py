"""Labels several screens share: order status names and tones, the masked date of birth.

Their translation contexts are those of the screen that first showed them, so the French
catalogue keeps working.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

__all__ = [
    "ORDER_STATUS_TONES",
    "country_name",
    "masked_dob",
    "order_status_label",
    "order_status_labels",
]

ORDER_STATUS_TONES: dict[str, str] = {
    "pending": "neutral",
    "in_progress": "active",
    "completed": "good",
    "canceled": "neutral",
}


def order_status_labels() -> dict[str, str]:
    return {
        "pending": QApplication.translate("OrderTableModel", "Pending"),
        "in_progress": QApplication.translate("OrderTableModel", "In progress"),
        "completed": QApplication.translate("OrderTableModel", "Completed"),
        "canceled": QApplication.translate("OrderTableModel", "Canceled"),
    }


def order_status_label(status: str) -> str:
    """Friendly text for a known order status; anything else is shown exactly as it came."""
    return order_status_labels().get(status, status)


def country_name(code: object) -> str:
    """"Canada" for CA ("CA" under an address reads as California); other values as sent."""
    text = "" if code is None else str(code)
    names = {
        "US": QCoreApplication.translate("NewOrderForm", "United States"),
        "CA": QCoreApplication.translate("NewOrderForm", "Canada"),
    }
    return names.get(text.strip().upper(), text)


def masked_dob(date_of_birth: date | str | None, today: date) -> str:
    """The date of birth hidden, the age kept: "DOB ••••-••-•• (age 34)".

    The full date is an identifier that has no business on a screen the waiting room can
    see; the age is enough to tell whether the right person registered the kit.
    """
    if date_of_birth is None or date_of_birth == "":
        return QCoreApplication.translate("KitTrackingPanel", "DOB not given")
    if isinstance(date_of_birth, str):
        return QCoreApplication.translate("KitTrackingPanel", "DOB on file (hidden)")
    age = today.year - date_of_birth.year - (
        (today.month, today.day) < (date_of_birth.month, date_of_birth.day)
    )
    if age < 0 or age > 150:
        return QCoreApplication.translate("KitTrackingPanel", "DOB on file (hidden)")
    return QCoreApplication.translate("KitTrackingPanel", "DOB ••••-••-•• (age %1)").replace(
        "%1", str(age)
    )
