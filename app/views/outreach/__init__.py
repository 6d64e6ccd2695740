"""Outreach: ordering kits for a whole patient list, and chasing the kits that don't come back.

`Outreach` is what the main window holds per session: it opens the batch store (and resumes
the batches a closed app left sending), the import window and the worklist tab.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from app.paths import paths
from app.services.acting import ActingStaff, ComputerUser
from app.services.import_batch import BatchRunner, BatchStore, batch_store_for
from app.services.import_mapping import MappingMemory
from app.services.session import Session
from app.services.worklist import WorklistService, WorklistThresholds
from app.tasks import Runner
from app.views.common.app_settings import AppSettings
from app.views.common.documents import in_documents
from app.views.outreach.import_dialog import ImportDialog, ImportServices
from app.views.outreach.letters import Clinic
from app.views.outreach.worklist_view import WorklistView

__all__ = ["Outreach"]


class Outreach(QObject):
    """Per-session outreach features. `start()` opens the batches off the GUI thread.
    ``staff`` says who is working (the signed-in staff member, wired in `app.compose`):
    batches and contact attempts carry their initials and staff id and are audited.
    ``rows_set_aside`` carries how many imported rows, still to send, a lost data key left
    unreadable (negative: unknown)."""

    rows_set_aside = Signal(int)

    def __init__(self, session: Session, runner: Runner, settings: AppSettings,
                 parent: QObject | None = None, *, staff: ActingStaff | None = None,
                 ) -> None:  # fmt: skip
        super().__init__(parent)
        self.staff: ActingStaff = staff or ComputerUser()
        self._session = session
        self._runner = runner
        self._settings = settings
        self.batches: BatchStore | None = None
        self.batch_runner: BatchRunner | None = None
        self.dialogs: list[ImportDialog] = []

    def start(self) -> None:
        folder = self._session.folder
        if folder is None:
            return
        self._runner.run(batch_store_for, folder, self._session.data_key,
                         on_success=self._opened)

    def _opened(self, store: BatchStore) -> None:
        self.batches = store
        if store.unreadable_rows:  # a lost key: the rows are set aside, the window says so
            self.rows_set_aside.emit(store.unreadable_rows)
        self.batch_runner = BatchRunner(store, self._session.outbox)
        # Batches a closed app left sending go on (the runner's thread paces them).
        self._runner.run(self.batch_runner.resume)

    def open_import(self, parent: QWidget, path: Path | None = None) -> ImportDialog | None:
        if self.batches is None or self.batch_runner is None:
            return None
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                parent, self.tr("Import orders from a patient list"), in_documents(),
                self.tr("Patient lists (*.csv *.xlsx *.xls *.ods *.txt);;All files (*)"),
            )
            if not chosen:
                return None
            path = Path(chosen)
        session = self._session
        services = ImportServices(
            outbox=session.outbox, batches=self.batches, batch_runner=self.batch_runner,
            memory=MappingMemory(paths().data / "import_mappings.json"),
            synced_rows=session.store.rows, kit_catalog=dict(session.kit_catalog),
            staff=self.staff, rate=self._settings.import_rate,
            label=session.environment.label,
        )  # fmt: skip
        dialog = ImportDialog(path, services, self._runner, parent)
        dialog.finished.connect(lambda _r: self.dialogs.remove(dialog))
        self.dialogs.append(dialog)
        dialog.resize(parent.size() * 0.9)
        dialog.show()
        return dialog

    def worklist_view(self) -> WorklistView:
        session = self._session
        settings = self._settings

        def thresholds() -> WorklistThresholds:
            delivered, registered, transit = settings.worklist_days
            return WorklistThresholds(delivered, registered, transit)

        def clinic() -> Clinic:
            name, phone = settings.clinic
            return Clinic(name, phone)

        def now() -> datetime:
            # The sandbox clock can run ahead of the wall clock: the later of the two (as the
            # order list's needs-attention rules do).
            newest = session.store.newest_kit_update
            wall = datetime.now(UTC)
            return max(wall, newest) if newest is not None else wall

        service = WorklistService(lambda: session.client, thresholds)
        return WorklistView(service, session.store.rows, lambda: session.client, self._runner,
                            staff=self.staff, clinic=clinic, now=now)  # fmt: skip

    def close(self) -> None:
        for dialog in list(self.dialogs):
            dialog.close()
        if self.batch_runner is not None:
            self.batch_runner.stop()
            self.batch_runner = None
        if self.batches is not None:
            self.batches.close()
            self.batches = None
