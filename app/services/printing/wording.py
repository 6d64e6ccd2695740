"""Printing's user-facing texts in the UI language, with values filled in after translating.

Texts are marked ``QT_TRANSLATE_NOOP("Errors", …)`` so lupdate collects them; ``%1``, ``%2``…
stand for values (an address, a queue name) so a translation can put them where French needs
them. Qt-free: the views install the translator (``app.services.errors.set_translator``).
"""

from __future__ import annotations

from app.services.errors import translate

__all__ = ["say"]


def say(text: str, *values: object) -> str:
    """``text`` translated (context "Errors"), then %1, %2… replaced by ``values``."""
    said = translate("Errors", text)
    for number, value in reversed(list(enumerate(values, 1))):
        said = said.replace(f"%{number}", str(value))
    return said
