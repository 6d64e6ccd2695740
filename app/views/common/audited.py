"""Objects inside a window whose signals the audit trail listens to.

The shell records what a window reports through its audited signals (see
``app/views/shell/staff_shell.py`` ``AUDITED_SIGNALS``). A helper object inside a window (the
report viewer's output, say) marks itself with `mark_audited` so that the shell finds it
when it hooks the window, without the window having to forward each signal.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

__all__ = ["audited_parts", "mark_audited"]

_AUDITED_PROPERTY = "spotAuditedPart"


def mark_audited(part: QObject) -> None:
    """``part`` (a child of a window) emits signals the audit trail records."""
    part.setProperty(_AUDITED_PROPERTY, True)


def audited_parts(window: QObject) -> list[QObject]:
    """``window``'s children marked with `mark_audited`."""
    return [child for child in window.findChildren(QObject) if child.property(_AUDITED_PROPERTY)]
