"""Label print jobs: send to the configured label printer, keep what failed, record what printed.

"Nothing is lost": a job that could not be sent (printer off, queue paused) is held here with
its message, and ``resend_held`` tries it again; it leaves the list only once the printer took
it. Held jobs live in memory only (they hold patient names) and are gone when the app closes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import count

from app.services.errors import QT_TRANSLATE_NOOP
from app.services.printing.labels import Label, labels_zpl
from app.services.printing.raw_printer import PrinterError, RawPrinter, raw_printer_for
from app.services.printing.record import PrintRecord, PrintRecorder, ignore_print
from app.services.printing.settings import PrintSettings

__all__ = ["HeldJob", "LabelJob", "LabelPrinting"]

_ids = count(1)


@dataclass(frozen=True)
class LabelJob:
    labels: tuple[Label, ...]
    job_id: int = field(default_factory=lambda: next(_ids))

    @property
    def job_name(self) -> str:
        # The spooler shows this name to anyone at the machine: kinds only, no patient data.
        kinds = sorted({label.kind.value for label in self.labels})
        return "Spot " + ", ".join(kinds).replace("_", " ")


@dataclass(frozen=True)
class HeldJob:
    job: LabelJob
    message: str


class LabelPrinting:
    """Sends label jobs to the printer chosen in Settings; safe to call from worker threads."""

    def __init__(
        self,
        settings: Callable[[], PrintSettings],
        *,
        recorder: PrintRecorder = ignore_print,
        printer_for: Callable[[PrintSettings], RawPrinter | None] = raw_printer_for,
    ) -> None:
        self._settings = settings
        self.recorder = recorder
        self._printer_for = printer_for
        self._held: dict[int, HeldJob] = {}
        self._lock = threading.Lock()

    def held(self) -> list[HeldJob]:
        with self._lock:
            return list(self._held.values())

    def send(self, labels: Sequence[Label]) -> None:
        """Print now; on failure hold the job and raise PrinterError with the reason."""
        self._send(LabelJob(tuple(labels)))

    def resend_held(self) -> list[HeldJob]:
        """Try every held job again, oldest first; returns the ones still held."""
        for held in self.held():
            try:
                self._send(held.job)
            except PrinterError:
                break  # same printer, same problem: keep the order, stop here
        return self.held()

    def discard_held(self, job_id: int) -> None:
        with self._lock:
            self._held.pop(job_id, None)

    def _send(self, job: LabelJob) -> None:
        settings = self._settings()
        try:
            data = labels_zpl(job.labels, settings.label_size, settings.label_dpi)
        except ValueError as error:  # a barcode too long for the size: retrying cannot help
            raise PrinterError(
                str(error).rstrip("."),
                QT_TRANSLATE_NOOP("Errors", "Choose the larger label size in Settings → Printing."),
            ) from None
        try:
            printer = self._printer_for(settings)
            if printer is None:
                raise PrinterError(
                    QT_TRANSLATE_NOOP("Errors", "No label printer is set up"),
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "Choose one in Settings → Printing, or print the labels on a sheet.",
                    ),
                )
            printer.send(data, job.job_name)
        except PrinterError as error:
            with self._lock:
                self._held[job.job_id] = HeldJob(job, str(error))
            raise
        with self._lock:
            self._held.pop(job.job_id, None)
        for label in job.labels:
            self.recorder(PrintRecord(label.kind.value, label.object_ids, "label_printer"))
