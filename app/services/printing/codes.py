"""Barcode and QR symbols as plain module patterns, for any painter to draw.

Encoding is left to well-kept libraries (python-barcode for Code 128, segno for QR); the views
only draw the dark modules these return. Both load on the first symbol, not with the app's
first window (they bring PIL and urllib: tests/benchmarks/startup.py).
"""

from __future__ import annotations

from app.services.errors import QT_TRANSLATE_NOOP
from app.services.printing.wording import say

__all__ = ["code128_modules", "qr_matrix"]


def code128_modules(value: str) -> str:
    """The Code 128 bar pattern for ``value``: one character per module, ``"1"`` dark, without
    quiet zones. python-barcode picks the code sets (C for digit runs) and the check symbol."""
    if not value or not value.isascii() or not value.isprintable():
        raise ValueError(say(QT_TRANSLATE_NOOP(
            "Errors", "A Code 128 barcode needs printable ASCII text.")))
    import barcode

    symbol = barcode.get("code128", value, writer=None)
    return "".join(symbol.build())


def qr_matrix(data: str) -> list[list[bool]]:
    """The QR symbol for ``data`` as rows of dark (True) modules, without the quiet zone.
    Error correction M: a hand-out may be folded or smudged."""
    import segno

    qr = segno.make_qr(data, error="m", boost_error=False)
    return [[bool(module) for module in row] for row in qr.matrix_iter(scale=1, border=0)]
