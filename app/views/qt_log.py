"""Qt's own messages (warnings about layouts, fonts, PDF pages…) go to our log file.

Without a handler Qt prints them to stderr, which a windowed app on Windows does not have.
The message text is Qt's (never patient data); the category says where it came from.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

__all__ = ["install_qt_message_handler"]

log = logging.getLogger("app.qt")

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _on_qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    category = context.category or "qt"
    log.log(_LEVELS.get(kind, logging.WARNING), "[%s] %s", category, message)


def install_qt_message_handler() -> object:
    """Route every Qt message through ``logging`` (logger ``app.qt``); returns the handler
    that was installed before (for tests to put back)."""
    return qInstallMessageHandler(_on_qt_message)
