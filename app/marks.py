"""``QT_TRANSLATE_NOOP``: marks a text for Qt's lupdate without translating it yet.

Qt-free, so the model layers (validation, services) can mark the English texts they hand to
the views; the views translate them where they are shown. lupdate finds the calls by name.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Return ``text`` unchanged; lupdate records it under ``context``."""
    return text
