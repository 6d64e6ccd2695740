"""The account's kit types on the main window: learned at first sign-in, asked for when the
account has no orders yet, and offered again when Spot refuses an order's kit type.

Production has no kit-type endpoint and no invented defaults: the ids come from the
account's own orders (`app.services.kit_types`) or from staff, in Settings → Kit types.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from app.services.kit_types import is_unknown_kit_type, learn_kit_types
from app.tasks import Runner
from app.views.common.app_settings import AppSettings
from app.views.shell.banner import Banner

if TYPE_CHECKING:
    from app.services.outbox import OutboxItem
    from app.services.session import Session

__all__ = ["KIT_TYPES_ACTION", "KitTypesGuide"]

log = logging.getLogger(__name__)

KIT_TYPES_ACTION = "kit_types"  # the banner action id that opens Settings → Kit types


class KitTypesGuide(QObject):
    """Keeps a session's kit catalog filled; ``open_kit_types()`` shows Settings → Kit types,
    ``catalog_changed(catalog)`` tells the window to rename kits in its list."""

    def __init__(
        self,
        window: QWidget,
        runner: Runner,
        settings: AppSettings,
        banner: Banner,
        *,
        open_kit_types: Callable[[], None],
        catalog_changed: Callable[[dict[str, str]], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._runner = runner
        self._settings = settings
        self._banner = banner
        self._open_kit_types = open_kit_types
        self._catalog_changed = catalog_changed
        self._session: Session | None = None
        self.question: QMessageBox | None = None

    def session_opened(self, session: Session) -> None:
        """Fill the session's catalog from Settings; learn it from orders when empty."""
        self._session = session
        if session.environment.kind == "sandbox":
            return  # the built-in sandbox's catalog is fixed and known
        if not session.kit_catalog:
            session.kit_catalog = self._settings.kit_catalog_for(session.environment.key)
        if session.kit_catalog:
            return
        self._runner.run(
            learn_kit_types, session.client,
            on_success=lambda ids: self._on_learned(session, ids),
            on_error=lambda exc: log.info("kit types not learned: %s", type(exc).__name__),
            key="learn-kit-types",
        )

    def _on_learned(self, session: Session, kit_types: list[str]) -> None:
        if self._session is not session or session.kit_catalog:
            return  # switched account, or staff filled the catalog meanwhile
        if not kit_types:
            self._banner.show_info(
                self.tr("No kit types are set up for this account yet"),
                self.tr("Add your kit type IDs in Settings → Kit types. Spot lists them on its "
                        "dashboard and in your onboarding documents."),
                action=(KIT_TYPES_ACTION, self.tr("Add kit types…")),
            )
            return
        catalog = {kit_type: kit_type for kit_type in kit_types}
        self._settings.set_kit_catalog_for(session.environment.key, catalog)
        self._settings.sync()
        session.kit_catalog = dict(catalog)
        self._catalog_changed(catalog)
        self._banner.show_info(
            self.tr("Found the kit types your orders use: {ids}").format(
                ids=", ".join(kit_types[:4]) + (", …" if len(kit_types) > 4 else "")
            ),
            self.tr("Give each a name the desk recognises in Settings → Kit types."),
            action=(KIT_TYPES_ACTION, self.tr("Name kit types…")),
        )

    def ready_to_order(self, session: Session) -> bool:
        """False (and says where to add them) when there is no kit type to order."""
        if session.kit_catalog:
            return True
        if self.question is not None:
            self.question.raise_()
            return False
        box = QMessageBox(
            QMessageBox.Icon.Information, self.tr("No kit types yet"),
            self.tr("Add your account's kit types in Settings → Kit types before ordering."),
            QMessageBox.StandardButton.Cancel, self._window,
        )
        box.setObjectName("noKitTypesBox")
        box.setInformativeText(self.tr(
            "Spot lists your kit type IDs on its dashboard and in your onboarding documents."
        ))
        open_button = box.addButton(self.tr("Open &kit types"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(open_button)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: self._on_question_answered(box, open_button))
        self.question = box
        box.open()
        return False

    def _on_question_answered(self, box: QMessageBox, open_button: object) -> None:
        self.question = None
        if box.clickedButton() is open_button:
            self._open_kit_types()

    def outbox_item_changed(self, item: OutboxItem) -> None:
        """Spot refused an order's kit type: offer the catalog (the order stays to fix)."""
        if item.state != "needs_attention" or item.attention != "fix_fields":
            return
        if not is_unknown_kit_type(item.field_errors):
            return
        self._banner.show_error(
            self.tr("Spot doesn't know a kit type of this order: {ids}").format(
                ids=", ".join(item.kit_types)
            ),
            self.tr("Check the kit type IDs in Settings → Kit types, then correct the kit type "
                    "in the order form and send it again."),
            action=(KIT_TYPES_ACTION, self.tr("Open kit types…")),
        )
