"""Staff in the main window: a Staff menu (lock, sign out, profiles, audit trail), who is
signed in on the status bar, and administrator-only actions greyed out for everyone else."""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING, TypeGuard

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QWidget

from app.services.audit import AuditAction, ObjectKind
from app.services.staff import Permission
from app.services.workstation import Workstation
from app.tasks import Runner
from app.views.common.app_settings import AppSettings
from app.views.common.audited import audited_parts
from app.views.shell.actions import ACTIONS
from app.views.shell.banner import Banner
from app.views.staff.lock_controller import LOCK_SHORTCUT, LockController, mark_shared

if TYPE_CHECKING:
    # Loaded when first opened, not before the lock screen's first frame
    # (tests/benchmarks/startup.py): the sign-in dialog brings httpx and pydantic.
    from app.views.staff.audit_window import AuditWindow
    from app.views.staff.profiles import StaffProfilesDialog
    from app.views.staff.settings import WorkstationSettingsDialog

__all__ = ["ADMIN_COMMANDS", "AUDITED_SIGNALS", "StaffShell"]

log = logging.getLogger(__name__)

# MainWindow commands (`window.commands`, from shell/actions.py) only an administrator may
# use: the Spot token and environment, and the settings. Absent names are fine.
ADMIN_COMMANDS = ("settings", "sign_in", "sign_out_of_spot")
_SESSION_COMMANDS = frozenset(spec.name for spec in ACTIONS if spec.needs_session)

# Signals of the app's windows and panels (and their parts marked with `mark_audited`) and
# what they record. Each carries an id, and may carry a `DETAILS` word after it:
# ReportWindow (and its ReportOutput), RegisterKitDialog, RegistrationTokenDialog,
# KitTrackingPanel, OutboxWindow.
AUDITED_SIGNALS: dict[str, tuple[AuditAction, ObjectKind]] = {
    "report_opened": (AuditAction.REPORT_VIEWED, ObjectKind.REPORT),
    "report_printed": (AuditAction.REPORT_PRINTED, ObjectKind.REPORT),
    "report_saved": (AuditAction.REPORT_SAVED, ObjectKind.REPORT),
    "report_exported": (AuditAction.REPORT_EXPORTED, ObjectKind.REPORT),
    "kit_registered": (AuditAction.KIT_REGISTERED, ObjectKind.KIT),
    "token_issued": (AuditAction.REGISTRATION_TOKEN_CREATED, ObjectKind.PATIENT),
    "metadata_saved": (AuditAction.METADATA_EDITED, ObjectKind.ORDER),
    "order_discarded": (AuditAction.ORDER_DISCARDED, ObjectKind.OUTBOX_ITEM),
    # the main window's SignInFlow: the Spot account (a one-way identity, never the token)
    "token_changed": (AuditAction.TOKEN_CHANGED, ObjectKind.ACCOUNT),
    "account_switched": (AuditAction.ACCOUNT_SWITCHED, ObjectKind.ACCOUNT),
    "spot_signed_out": (AuditAction.SPOT_SIGNED_OUT, ObjectKind.ACCOUNT),
}
_HOOKED_PROPERTY = "spotAuditHooked"
SETTINGS_DIALOG = "settingsDialog"  # app/views/settings/dialog.py (not imported at start)


def _record_failed(exc: BaseException) -> None:
    log.warning("audit record failed: %s", type(exc).__name__)


class StaffShell(QObject):
    """Adds the Staff menu to ``window`` and keeps it in step with who is signed in."""

    def __init__(
        self, window: QMainWindow, workstation: Workstation, runner: Runner,
        controller: LockController, settings: AppSettings | None = None,
    ) -> None:
        super().__init__(window)
        self._settings = settings or AppSettings()
        self.settings_dialog: WorkstationSettingsDialog | None = None
        self._window = window
        self._workstation = workstation
        self._runner = runner
        self._controller = controller
        self.audit_window: AuditWindow | None = None
        self.profiles_dialog: StaffProfilesDialog | None = None
        mark_shared(window)

        menu = window.menuBar().addMenu(self.tr("S&taff"))
        menu.setObjectName("staffMenu")
        self.lock_action = QAction(self.tr("&Lock"), window)
        # Shown, not bound: the controller catches Ctrl+L in every window, dialogs included.
        self.lock_action.setText(
            f"{self.tr('&Lock')}\t{LOCK_SHORTCUT.toString(LOCK_SHORTCUT.SequenceFormat.NativeText)}"
        )
        self.lock_action.triggered.connect(controller.lock_now)
        self.sign_out_action = QAction(self.tr("&Sign out"), window)
        self.sign_out_action.triggered.connect(self._on_sign_out_triggered)
        self.profiles_action = QAction(self.tr("Staff &profiles…"), window)
        self.profiles_action.triggered.connect(self.open_profiles)
        self.audit_action = QAction(self.tr("&Audit trail…"), window)
        self.audit_action.triggered.connect(self.open_audit)
        self.lock_settings_action = QAction(self.tr("Lock and audit &settings…"), window)
        self.lock_settings_action.triggered.connect(self.open_settings)
        menu.addAction(self.lock_action)
        menu.addAction(self.sign_out_action)
        menu.addSeparator()
        menu.addAction(self.profiles_action)
        menu.addAction(self.audit_action)
        menu.addAction(self.lock_settings_action)

        self.who_label = QLabel()
        self.who_label.setObjectName("signedInAs")
        window.statusBar().addPermanentWidget(self.who_label)
        controller.unlocked.connect(self._on_controller_unlocked)
        controller.locked.connect(self._on_controller_locked)
        controller.window_opened.connect(self.audit_signals_of)
        controller.window_shown.connect(self._keep_token_for_administrators)
        session_changed = getattr(window, "session_changed", None)
        if session_changed is not None:
            session_changed.connect(self._on_window_session_changed)
        flow = getattr(window, "sign_in_flow", None)
        if isinstance(flow, QObject):
            self.audit_signals_of(flow)
        self.update_for_staff()

    @Slot(QWidget)
    def audit_signals_of(self, source: QObject) -> None:
        """Record what ``source`` and its audited parts report through their
        `AUDITED_SIGNALS` (once per object)."""
        for part in (source, *audited_parts(source)):
            if part.property(_HOOKED_PROPERTY):
                continue
            part.setProperty(_HOOKED_PROPERTY, True)
            if part.objectName() == SETTINGS_DIALOG and isinstance(part, QDialog):
                # OK saved the kit types, refresh interval and the features' sections.
                part.accepted.connect(lambda: self._runner.run(
                    self._workstation.record, AuditAction.SETTINGS_CHANGED, None,
                    "settings_window", on_error=_record_failed))
            for name, (action, kind) in AUDITED_SIGNALS.items():
                signal = getattr(part, name, None)
                if signal is not None and hasattr(signal, "connect"):
                    signal.connect(
                        lambda object_id, detail=None, a=action, k=kind:
                        self._record(a, k, object_id, detail)
                    )

    @Slot(QWidget)
    def _keep_token_for_administrators(self, window: QObject) -> None:
        """The sign-in dialog sets the Spot token: only an administrator may use it, also when
        it opens by itself (no token yet, or Spot rejected the token)."""
        if not _is_sign_in_dialog(window) or self._workstation.allowed(
            Permission.MANAGE_TOKEN
        ):
            return
        window.reject()
        banner = getattr(self._window, "banner", None)
        if isinstance(banner, Banner):
            banner.show_error(
                self.tr("Sign-in to Spot needed"),
                self.tr("Only an administrator can enter the Spot token. Ask one to take "
                        "over (Ctrl+L, their name and PIN) and sign in from the File menu."),
            )

    def _record(
        self, action: AuditAction, kind: ObjectKind, object_id: object, detail: object = None,
    ) -> None:
        # Off the GUI thread: each record is flushed to disk.
        self._runner.run(
            self._workstation.record, action, {kind: str(object_id)},
            str(detail) if detail else None, on_error=_record_failed,
        )

    @Slot(object)
    def _on_window_session_changed(self, _session: object) -> None:
        panel = getattr(self._window, "kit_panel", None)
        if isinstance(panel, QObject):
            self.audit_signals_of(panel)
        self.update_for_staff()  # the window turned its session commands on or off

    def update_for_staff(self) -> None:
        """Name on the status bar; administrator-only actions on or off."""
        profile = self._workstation.current
        self.who_label.setText(
            self.tr("Signed in: {name} ({initials})").format(
                name=profile.name, initials=profile.initials) if profile else ""
        )
        self.profiles_action.setEnabled(
            self._workstation.allowed(Permission.MANAGE_PROFILES))
        self.audit_action.setEnabled(self._workstation.allowed(Permission.VIEW_AUDIT))
        admin = self._workstation.allowed(Permission.MANAGE_SETTINGS)
        self.lock_settings_action.setEnabled(admin)
        commands = getattr(self._window, "commands", {})
        signed_in = getattr(self._window, "session", None) is not None
        for name in ADMIN_COMMANDS:
            action = commands.get(name)
            if isinstance(action, QAction):
                action.setEnabled(admin and (signed_in or name not in _SESSION_COMMANDS))

    @Slot(object)
    def _on_controller_unlocked(self, _result: object) -> None:
        self.update_for_staff()

    @Slot(str)
    def _on_controller_locked(self, _reason: str) -> None:
        # Windows an administrator opened close with the lock: the next person may not be one.
        for window in (self.audit_window, self.profiles_dialog, self.settings_dialog):
            if window is not None:
                self._controller.forget(window)
                window.close()
                window.deleteLater()
        self.audit_window = None
        self.profiles_dialog = None
        self.settings_dialog = None
        self.update_for_staff()

    @Slot()
    def _on_sign_out_triggered(self) -> None:
        self._controller.sign_out()

    @Slot()
    def open_audit(self) -> AuditWindow | None:
        if not self._workstation.allowed(Permission.VIEW_AUDIT):
            return None
        if self.audit_window is None:
            from app.views.staff.audit_window import AuditWindow

            self.audit_window = AuditWindow(self._workstation, self._runner)
            self.audit_window.destroyed.connect(self._on_audit_destroyed)
        _show(self.audit_window)
        return self.audit_window

    @Slot()
    def open_profiles(self) -> StaffProfilesDialog | None:
        if not self._workstation.allowed(Permission.MANAGE_PROFILES):
            return None
        if self.profiles_dialog is None:
            from app.views.staff.profiles import StaffProfilesDialog

            self.profiles_dialog = StaffProfilesDialog(
                self._workstation, self._runner, self._window)
            self.profiles_dialog.changed.connect(self._on_profiles_changed)
        else:
            self.profiles_dialog.reload()
        _show(self.profiles_dialog)
        return self.profiles_dialog

    @Slot()
    def open_settings(self) -> WorkstationSettingsDialog | None:
        if not self._workstation.allowed(Permission.MANAGE_SETTINGS):
            return None
        from app.views.staff.settings import WorkstationSettingsDialog

        dialog = WorkstationSettingsDialog(
            self._workstation, self._settings, self._runner, self._window)
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda _code: setattr(self, "settings_dialog", None))
        self.settings_dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def _on_profiles_changed(self) -> None:
        self._controller.lock_screen.refresh()
        self.update_for_staff()

    @Slot()
    def _on_audit_destroyed(self) -> None:
        self.audit_window = None


def _is_sign_in_dialog(window: QObject) -> TypeGuard[QDialog]:
    # Not imported to ask: before its module is loaded, no sign-in dialog exists.
    module = sys.modules.get("app.views.shell.sign_in")
    return module is not None and isinstance(window, module.SignInDialog)


def _show(window: QWidget) -> None:
    window.show()
    window.raise_()
    window.activateWindow()
