"""Quitting with orders not yet at Spot: say how many, and that the next start sends them.
Labels the label printer did not take (printer off) are held in memory only: say so too.

The counts are the status bar's last known ones (never read from disk at quit), and the
question is a window-modal box opened without a nested event loop: the first close is
refused while the box is up, "Quit" closes the window a second time. Nothing here waits for
a POST in flight; the outbox marks it to be checked at the next start.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from app import APP_NAME
from app.services.data_folder import queued_orders_warning

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

__all__ = ["HeldLabels", "QuitGuard"]


class HeldLabels(Protocol):
    def held_label_count(self) -> int:
        """Label jobs the label printer did not take (kept in memory only)."""
        ...


class QuitGuard(QObject):
    """``may_quit()`` from the window's ``closeEvent``; ``counts()`` gives (waiting, to fix)
    as last shown, or ``None`` when unknown (signed out); ``labels`` says how many label
    jobs wait for the label printer. ``memory_only()``: the outbox is kept in memory this
    session (no password store), so quitting loses what is in it (default: asks the
    window's session)."""

    def __init__(
        self,
        window: QWidget,
        counts: Callable[[], tuple[int, int] | None],
        labels: HeldLabels | None = None,
        memory_only: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._counts = counts
        self._labels = labels
        self._memory_only = memory_only or (lambda: _outbox_in_memory(window))
        self._confirmed = False
        self.box: QMessageBox | None = None

    def may_quit(self) -> bool:
        if self._confirmed:
            return True
        counts = self._counts() or (0, 0)
        held = self._labels.held_label_count() if self._labels is not None else 0
        if sum(counts) == 0 and held == 0:
            return True
        if self.box is not None:  # already asking: bring the question forward
            self.box.raise_()
            self.box.activateWindow()
            return False
        self.box = self._make_box(*counts, held)
        self.box.open()
        return False

    def _make_box(self, waiting: int, attention: int, held: int = 0) -> QMessageBox:
        warning = queued_orders_warning((waiting, attention))
        lines = []
        if waiting:
            lines.append(translate("MainWindow", "Waiting to be sent: {count}.").format(
                count=waiting))
        if attention:
            lines.append(translate(
                "MainWindow", "To fix in the Outbox before they can be sent: {count}."
            ).format(count=attention))
        if warning is None and (waiting or attention) and self._memory_only():
            title, quit_text = translate("MainWindow", "Some orders haven't reached Spot yet"), \
                translate("MainWindow", "Quit anyway")
            lines.append(translate(
                "MainWindow", "This computer's password store isn't available, so the outbox "
                "is kept in memory only: these orders would be lost. Keep the app open until "
                "the outbox is empty, or note the patients and order again later."
            ))
        elif warning is not None:  # a profile that forgets its files at sign-out
            title, quit_text = warning.title, translate("MainWindow", "Quit anyway")
            lines.append(warning.advice)
        elif not (waiting or attention):
            title = translate("MainWindow", "Some labels haven't printed yet")
            quit_text = translate("MainWindow", "Quit")
        else:
            title = translate("MainWindow", "Some orders haven't been sent yet")
            quit_text = translate("MainWindow", "Quit")
            lines.append(translate(
                "MainWindow", "They stay in the outbox on this computer and are sent the next "
                "time you start the app."
            ))
        if held:
            lines.append(translate(
                "MainWindow", "Labels the label printer has not taken: {count}. They are not "
                "kept when the app closes: print them with Try again in the Labels window first."
            ).format(count=held))
        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, title, parent=self._window)
        box.setObjectName("unsentOrdersBox")
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setInformativeText("\n".join(lines))
        quit_button = box.addButton(quit_text, QMessageBox.ButtonRole.DestructiveRole)
        stay_button = box.addButton(translate("MainWindow", "Keep the app open"),
                                    QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(stay_button)
        box.setEscapeButton(stay_button)
        box.finished.connect(
            lambda _result: self._answered(box, box.clickedButton() is quit_button)
        )
        return box

    def _answered(self, box: QMessageBox, quit_now: bool) -> None:
        self.box = None
        box.deleteLater()
        if quit_now:
            self._confirmed = True
            self._window.close()


def _outbox_in_memory(window: QWidget) -> bool:
    """The window's session keeps its stores in memory (no password store this session)."""
    key = getattr(getattr(window, "session", None), "data_key", None)
    return bool(key is not None and key.memory_only)
