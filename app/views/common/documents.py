"""Where file dialogs start: the user's Documents folder, never the working directory.

A dialog given a bare name ("unreturned-kits.csv") or "" opens in the process's working
directory: for an installed app on Windows that is its install folder (not writable for
staff) or System32. Every open and save dialog starts here instead.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

__all__ = ["in_documents"]


def in_documents(name: str = "") -> str:
    """``name`` in the user's Documents folder (the home folder where there is none)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    base = Path(folder) if folder else Path.home()
    return str(base / name) if name else str(base)
