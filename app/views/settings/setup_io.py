"""The clinic setup file on a desk: export, import (showing what changes, then asking), the
machine-wide file read at first start, and the command-line ``--export-setup`` /
``--import-setup``. The file format itself is `app.services.setup_file` (no Qt)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.marks import QT_TRANSLATE_NOOP
from app.services.errors import describe_error
from app.services.setup_file import (
    Change,
    ClinicSetup,
    SetupFileError,
    changes,
    machine_setup_paths,
    read_setup,
    write_setup,
)
from app.tasks import Runner
from app.views.common.app_settings import AppSettings

__all__ = [
    "SetupTransfer",
    "apply_machine_setup_at_first_start",
    "apply_setup",
    "change_lines",
    "current_setup",
    "export_setup_cli",
    "import_setup_cli",
    "run_setup_command",
]

log = logging.getLogger(__name__)

_WHAT = {
    "environment": QT_TRANSLATE_NOOP("SetupFile", "Environment"),
    "kit_types": QT_TRANSLATE_NOOP("SetupFile", "Kit types"),
    "refresh_seconds": QT_TRANSLATE_NOOP("SetupFile", "Refresh interval (seconds)"),
    "section:clinic": QT_TRANSLATE_NOOP("SetupFile", "Clinic name and phone"),
    "section:printing": QT_TRANSLATE_NOOP("SetupFile", "Printing"),
    "section:lock": QT_TRANSLATE_NOOP("SetupFile", "Screen lock"),
    "section:results_inbox": QT_TRANSLATE_NOOP(
        "SetupFile", "Results inbox (critical limits, go-live date)"),
}
_FILTER = QT_TRANSLATE_NOOP("SetupFile", "Clinic setup (*.json)")


def _tr(text: str) -> str:
    return QCoreApplication.translate("SetupFile", text)


def _environment_key(setup: ClinicSetup) -> str:
    if setup.environment_kind == "custom":
        return f"custom:{setup.custom_url}"
    return setup.environment_kind


def current_setup(settings: AppSettings) -> ClinicSetup:
    """This desk's setup, as the file would hold it (no token, no patient data)."""
    kind = settings.environment_kind
    return ClinicSetup(
        environment_kind=kind,
        custom_url=settings.custom_url if kind == "custom" else "",
        kit_types=settings.kit_catalog,
        refresh_seconds=settings.refresh_seconds,
        sections=settings.shared_sections(),
    )


def apply_setup(settings: AppSettings, setup: ClinicSetup) -> None:
    """Make this desk's settings the file's. A custom URL is checked first (ValueError)."""
    url = ""
    if setup.environment_kind == "custom":
        from app.services.environments import Environment

        url = Environment.custom(setup.custom_url).base_url
    settings.environment_kind = setup.environment_kind
    if url:
        settings.custom_url = url
    key = f"custom:{url}" if url else _environment_key(setup)
    if setup.environment_kind != "sandbox":
        settings.set_kit_catalog_for(key, dict(setup.kit_types))
    settings.refresh_seconds = setup.refresh_seconds
    for group, values in setup.sections.items():
        if isinstance(values, dict):
            settings.set_shared_section(group, values)
    settings.sync()


def change_lines(found: Sequence[Change]) -> list[str]:
    """One line per change: "Kit types: a → b"."""
    lines = []
    for change in found:
        what = _WHAT.get(change.what)
        label = _tr(what) if what else change.what.removeprefix("section:")
        lines.append(f"• {label}: {change.old} → {change.new}")
    return lines


def apply_machine_setup_at_first_start(settings_file: Path) -> Path | None:
    """At a desk's first start (no settings file yet), apply the machine-wide setup file
    IT put in place, if any. Returns the file applied."""
    if settings_file.exists() and settings_file.stat().st_size > 0:
        return None
    for candidate in machine_setup_paths():
        if not candidate.is_file():
            continue
        try:
            setup = read_setup(candidate)
            apply_setup(AppSettings(settings_file), setup)
        except (SetupFileError, ValueError) as exc:
            log.warning("machine-wide setup file not applied: %s", type(exc).__name__)
            return None
        log.info("machine-wide setup file applied at first start")
        return candidate
    return None


# --- command line (IT) ------------------------------------------------------------------

def _line(stream: TextIO, text: str) -> None:
    stream.write(text + "\n")


def run_setup_command(
    export_to: Path | None, import_from: Path | None, *, assume_yes: bool
) -> int:
    """``--export-setup FILE`` / ``--import-setup FILE``: no window, exit code for scripts."""
    if import_from is not None:
        code = import_setup_cli(import_from, assume_yes=assume_yes)
        if code != 0 or export_to is None:
            return code
    assert export_to is not None
    return export_setup_cli(export_to)


def export_setup_cli(path: Path, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    try:
        write_setup(path, current_setup(AppSettings()))
    except SetupFileError as exc:
        _line(sys.stderr, exc.sentence)
        return 1
    _line(out, f"Setup exported to {path} (no token, PIN or patient data).")
    return 0


def import_setup_cli(
    path: Path, *, assume_yes: bool, out: TextIO | None = None,
    ask: Callable[[str], str] = input,
) -> int:
    """Show what changes, ask (unless ``assume_yes``), apply. Never touches the token."""
    out = out or sys.stdout
    try:
        incoming = read_setup(path)
        settings = AppSettings()
        found = changes(current_setup(settings), incoming)
    except SetupFileError as exc:
        _line(sys.stderr, exc.sentence)
        return 1
    if not found:
        _line(out, "This computer already has that setup: nothing to change.")
        return 0
    _line(out, "Importing this setup changes:")
    for line in change_lines(found):
        _line(out, f"  {line}")
    if not assume_yes:
        if not sys.stdin or not sys.stdin.isatty():
            _line(sys.stderr, "Run again with --yes to apply it without asking.")
            return 2
        if ask("Apply these changes? [y/N] ").strip().lower() not in ("y", "yes"):
            _line(out, "Nothing changed.")
            return 1
    try:
        apply_setup(settings, incoming)
    except ValueError as exc:
        _line(sys.stderr, str(exc))
        return 1
    print("Setup imported. The API token is not part of it: sign in on this computer.",
          file=out)
    return 0


# --- the File menu ----------------------------------------------------------------------

class SetupTransfer(QObject):
    """File → Export setup… / Import setup…; ``applied(setup)`` after an import."""

    def __init__(
        self, window: QWidget, runner: Runner, settings: AppSettings,
        applied: Callable[[ClinicSetup], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._runner = runner
        self._settings = settings
        self._applied = applied
        self.question: QMessageBox | None = None

    def choose_export(self) -> None:
        dialog = self._file_dialog(self.tr("Export clinic setup"), save=True)
        dialog.fileSelected.connect(lambda path: self.export_to(Path(path)))
        dialog.open()

    def choose_import(self) -> None:
        dialog = self._file_dialog(self.tr("Import clinic setup"), save=False)
        dialog.fileSelected.connect(lambda path: self.import_from(Path(path)))
        dialog.open()

    def _file_dialog(self, title: str, *, save: bool) -> QFileDialog:
        dialog = QFileDialog(self._window, title, "", _tr(_FILTER))
        dialog.setObjectName("setupFileDialog")
        if save:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setDefaultSuffix("json")
            dialog.selectFile("spot-front-desk-setup.json")
        else:
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return dialog

    def export_to(self, path: Path) -> None:
        setup = current_setup(self._settings)
        self._runner.run(
            write_setup, path, setup,
            on_success=lambda _none: self._say(
                self.tr("Setup exported"),
                self.tr("Import this file on the clinic's other desks "
                        "(File → Import clinic setup…). It holds no token, PIN or patient data."),
            ),
            on_error=self._failed,
        )

    def import_from(self, path: Path) -> None:
        self._runner.run(read_setup, path, on_success=self._ask, on_error=self._failed)

    def _ask(self, incoming: ClinicSetup) -> None:
        found = changes(current_setup(self._settings), incoming)
        if not found:
            self._say(self.tr("Nothing to import"),
                      self.tr("This desk already has that setup."))
            return
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Import clinic setup"),
            self.tr("Importing this setup changes:"),
            QMessageBox.StandardButton.Cancel, self._window,
        )
        box.setObjectName("importSetupBox")
        box.setInformativeText("\n".join(change_lines(found)))
        apply_button = box.addButton(self.tr("&Import"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _r: self._answered(box, apply_button, incoming))
        self.question = box
        box.open()

    def _answered(self, box: QMessageBox, apply_button: object, incoming: ClinicSetup) -> None:
        self.question = None
        if box.clickedButton() is not apply_button:
            return
        try:
            apply_setup(self._settings, incoming)
        except ValueError as exc:
            self._say(self.tr("The setup wasn't imported"), str(exc))
            return
        self._applied(incoming)

    def _failed(self, exc: BaseException) -> None:
        error = describe_error(exc)
        self._say(error.title, error.advice, icon=QMessageBox.Icon.Warning)

    def _say(self, title: str, text: str, *, icon: QMessageBox.Icon = QMessageBox.Icon.Information
             ) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self._window)
        box.setObjectName("setupMessageBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
