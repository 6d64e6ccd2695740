"""Settings as the shell opens it: the app's own groups plus the sections features add."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from app.tasks import Runner
from app.views.common.app_settings import AppSettings
from app.views.common.settings_section import SectionFactory

if TYPE_CHECKING:
    from app.services.session import Session
    from app.views.settings.dialog import SettingsDialog

__all__ = ["open_settings_dialog"]


def open_settings_dialog(
    parent: QWidget, settings: AppSettings, runner: Runner, session: Session | None,
    extra: Sequence[SectionFactory] = (),
) -> SettingsDialog:
    """Open (window-modal, never exec) Settings for the environment in use."""
    from app.views.outreach.settings_box import OutreachSettingsBox
    from app.views.printing.settings_page import PrintingSettingsSection
    from app.views.settings.clinic_box import ClinicSettingsBox
    from app.views.settings.dialog import SettingsDialog
    from app.views.settings.network import NetworkSection

    # Test connection through the proxy on the form, with the session's token (never shown).
    check = session.check_connection if session is not None else None
    dialog = SettingsDialog(
        settings, parent, sections=[
            ClinicSettingsBox,
            lambda values, owner: NetworkSection(values, runner, check, owner),
            OutreachSettingsBox,
            lambda values, owner: PrintingSettingsSection(values, runner, owner),
            *extra,
        ],
        environment=session.environment if session is not None else None,
        kit_types=session.kit_catalog if session is not None else None,
    )
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
