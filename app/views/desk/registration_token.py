"""Patient registration tokens (custom registration flow, SPEC §7.11–7.12, §12).

Pick a patient registered to an earlier kit, or create one, and get a one-time token for the
account's own kit registration page. The token is shown read-only with a Copy button and a
10-minute countdown; once it runs out it is marked expired and can't be copied.
"""

from __future__ import annotations

import functools
import math
import time
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.errors import describe_error
from app.services.registration import (
    IssuedToken,
    issue_token,
    new_patient_request,
)
from app.services.session import Session
from app.tasks import OwnedTasks, Runner
from app.views.common.clipboard import ClipboardSecret
from app.views.common.focus import chain_tab_order
from app.views.common.message_strip import show_status
from app.views.common.patient_fields import PatientChoice, PatientFields
from app.views.common.tone_colors import tone_text
from app.views.common.window_fit import fit_to_screen, scrolling

__all__ = ["RegistrationTokenDialog", "TokenCountdown"]

Clock = Callable[[], float]

# A copied registration token leaves the clipboard after this long, if it is still there: on a
# shared desk the next person's paste must not be someone else's token.
CLIPBOARD_CLEAR_S = 120.0


class TokenCountdown(QWidget):
    """The token, its Copy button and the time left. ``clock`` (seconds) is the one the
    token's ``issued_at`` was read from; tests pass their own."""

    expired = Signal()

    def __init__(self, parent: QWidget | None = None, *, clock: Clock = time.time) -> None:
        super().__init__(parent)
        self._clock = clock
        self._token: IssuedToken | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.token_edit = QLineEdit(self)
        self.token_edit.setObjectName("token")
        self.token_edit.setReadOnly(True)
        self.token_edit.setPlaceholderText(self.tr("No token yet"))
        self.token_edit.setAccessibleName(self.tr("Registration token"))
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.token_edit.setFont(mono)
        self.copy_button = QPushButton(self.tr("&Copy"), self)
        self.copy_button.setObjectName("copy_button")
        self.copy_button.setAutoDefault(False)
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        row.addWidget(self.token_edit, 1)
        row.addWidget(self.copy_button)
        layout.addLayout(row)
        self.countdown_label = QLabel(self)
        self.countdown_label.setObjectName("countdown")
        font = self.countdown_label.font()
        font.setBold(True)
        self.countdown_label.setFont(font)
        layout.addWidget(self.countdown_label)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self.refresh)
        self.countdown_label.hide()
        # The application's, not this window's: closing the window doesn't keep it there.
        self.clipboard = ClipboardSecret(CLIPBOARD_CLEAR_S, clock=clock)
        self.clipboard_timer = self.clipboard.timer
        self.destroyed.connect(self.clipboard.release)

    def show_token(self, token: IssuedToken) -> None:
        self._token = token
        self.token_edit.setText(token.token)
        self.token_edit.setCursorPosition(0)  # show the start, like any field just filled
        self.token_edit.setEnabled(True)
        font = self.token_edit.font()
        font.setStrikeOut(False)
        self.token_edit.setFont(font)
        self.countdown_label.show()
        self.timer.start()
        self.refresh()

    def remaining(self) -> float:
        return self._token.remaining(self._clock()) if self._token is not None else 0.0

    def is_expired(self) -> bool:
        return self._token is not None and self.remaining() <= 0

    @Slot()
    def refresh(self) -> None:
        if self._token is None:
            return
        left = self.remaining()
        if left <= 0:
            self.timer.stop()
            self.countdown_label.setText(self.tr("Expired — generate a new one"))
            tone_text(self.countdown_label, "warning")  # readable on dark and light alike
            self.copy_button.setEnabled(False)
            self.token_edit.setEnabled(False)
            font = self.token_edit.font()
            font.setStrikeOut(True)
            self.token_edit.setFont(font)
            self.expired.emit()
            return
        seconds = math.ceil(left)
        self.countdown_label.setText(
            self.tr("Valid for %1 — works once").replace(
                "%1", f"{seconds // 60}:{seconds % 60:02d}"
            )
        )
        tone_text(self.countdown_label, None)
        self.copy_button.setEnabled(True)

    @Slot()
    def _on_copy_button_clicked(self) -> None:
        if self._token is not None and not self.is_expired():
            self.clipboard.copy(self._token.token)
            self.copy_button.setText(self.tr("Copied"))
            QTimer.singleShot(1500, self._reset_copy_text)

    def clear_clipboard_if_due(self) -> None:
        """Two minutes after Copy: empty the clipboard if it still holds that token."""
        self.clipboard.clear_if_due()

    @Slot()
    def _reset_copy_text(self) -> None:
        self.copy_button.setText(self.tr("&Copy"))


class RegistrationTokenDialog(QDialog):
    """Non-modal. ``token_issued(patient_id)`` once Spot returns a token."""

    token_issued = Signal(str)

    def __init__(
        self, session: Session, runner: Runner, parent: QWidget | None = None, *,
        clock: Clock = time.time, today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("registration_token_dialog")
        self.setWindowTitle(self.tr("Patient registration token"))
        self._session = session
        self._runner = runner
        self._clock = clock
        self._busy = False
        self._tasks = OwnedTasks(runner, self)
        self.finished.connect(self._tasks.cancel_all)
        self._build(today)
        self._load_patients()

    def _build(self, today: date | None) -> None:
        window = QVBoxLayout(self)
        body = QWidget(self)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(
            self.tr(
                "A one-time token lets the patient register a kit on your own registration page "
                "without typing their details again. It works once and expires after 10 minutes."
            ),
            self,
        )
        intro.setWordWrap(True)
        outer.addWidget(intro)

        box = QGroupBox(self.tr("Patient"), body)
        box_layout = QVBoxLayout(box)
        self.patient_choice = PatientChoice(box, today=today)
        box_layout.addWidget(self.patient_choice)
        self.patient_fields = PatientFields(
            box, with_address=False, title=self.tr("New patient"), today=today
        )
        box_layout.addWidget(self.patient_fields)
        self.patient_choice.set_new_area(self.patient_fields)
        outer.addWidget(box)

        kit_row = QHBoxLayout()
        self.kit_type_combo = QComboBox(self)
        self.kit_type_combo.setObjectName("kit_type")
        self.kit_type_combo.addItem(self.tr("Not needed (single-purpose kit)"), "")
        for kit_type, name in sorted(self._session.kit_catalog.items(), key=lambda kv: kv[1]):
            label = f"{name} ({kit_type})" if name and name != kit_type else kit_type
            self.kit_type_combo.addItem(label, kit_type)
        kit_label = QLabel(self.tr("Kit &type for a multi-purpose kit"), self)
        kit_label.setBuddy(self.kit_type_combo)
        kit_row.addWidget(kit_label)
        kit_row.addWidget(self.kit_type_combo, 1)
        outer.addLayout(kit_row)

        self.generate_button = QPushButton(self.tr("&Generate token"), self)
        self.generate_button.setObjectName("generate_button")
        self.generate_button.setAutoDefault(False)
        self.generate_button.clicked.connect(self.generate)
        generate_row = QHBoxLayout()
        generate_row.addStretch(1)
        generate_row.addWidget(self.generate_button)
        outer.addLayout(generate_row)

        self.message_label = QLabel(self)
        self.message_label.setObjectName("message")
        self.message_label.setWordWrap(True)
        show_status(self.message_label, "info", "")
        outer.addWidget(self.message_label)

        token_box = QGroupBox(self.tr("Token for your registration page"), body)
        token_layout = QVBoxLayout(token_box)
        self.how_to = QLabel(token_box)
        self.how_to.setObjectName("how_to")
        self.how_to.setWordWrap(True)
        self.how_to.setText(self.tr(
            "What to do with it: click Copy, open your clinic's kit registration page and "
            "paste the token into its registration token box. The page then registers the "
            "kit to this patient without asking for their details again. Use it within the "
            "time shown; it works only once."
        ))
        self.how_to.hide()
        token_layout.addWidget(self.how_to)
        self.countdown = TokenCountdown(token_box, clock=self._clock)
        token_layout.addWidget(self.countdown)
        outer.addWidget(token_box)
        outer.addStretch(1)
        window.addWidget(scrolling(body, self), 1)

        close_row = QHBoxLayout()
        close_row.addStretch(1)
        close = QPushButton(self.tr("Close"), self)
        close.setAutoDefault(False)
        close.clicked.connect(self.close)
        close_row.addWidget(close)
        window.addLayout(close_row)
        close.setObjectName("close_button")
        choice = self.patient_choice
        chain_tab_order([
            choice.existing_radio, choice.known_combo, choice.new_radio,
            *self.patient_fields.focus_chain(), self.kit_type_combo, self.generate_button,
            self.countdown.copy_button, close,
        ])
        fit_to_screen(self, QSize(720, 640))


    # --- public API ----------------------------------------------------------------------

    def select_patient(self, patient_id: str) -> None:
        """Preselect an existing patient (applied once the list has loaded)."""
        self.patient_choice.select(patient_id)

    @Slot()
    def generate(self) -> None:
        if self._busy:
            return
        kit_type = str(self.kit_type_combo.currentData() or "") or None
        show_status(self.message_label, "info", "")
        if self.patient_choice.is_existing():
            patient_id = self.patient_choice.patient_id()
            if not patient_id:
                show_status(self.message_label, "error", self.tr("Choose the patient first."))
                self.patient_choice.known_combo.setFocus()
                return
            job = functools.partial(
                issue_token, self._session.client, patient_id=patient_id, kit_type=kit_type,
                clock=self._clock,
            )
        else:
            self.patient_fields.reveal_all()
            if self.patient_fields.blocking():
                show_status(
                    self.message_label, "error",
                    self.tr("Some details need fixing; see the messages under the fields."),
                )
                self.patient_fields.focus_first_problem()
                return
            request = new_patient_request(self.patient_fields.patient())
            job = functools.partial(
                issue_token, self._session.client, new_patient=request, kit_type=kit_type,
                clock=self._clock,
            )
        self._set_busy(True)
        self._tasks.run(job, on_success=self._on_token_issued, on_error=self._on_token_failed,
                        durable=True)

    # --- reactions -----------------------------------------------------------------------

    def _on_token_issued(self, token: IssuedToken) -> None:
        self._set_busy(False)
        self.countdown.show_token(token)
        self.how_to.show()
        show_status(
            self.message_label, "good",
            self.tr("Token ready. Copy it into your registration page now."),
        )
        self.countdown.copy_button.setFocus()
        self.token_issued.emit(token.patient_id)

    def _on_token_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        error = describe_error(exc)
        unmatched = self.patient_fields.set_server_errors(error.field_errors)
        extra = "; ".join(m for messages in unmatched.values() for m in messages)
        text = error.sentence + (f" ({extra})" if extra else "")
        show_status(self.message_label, "error", text)

    def _load_patients(self) -> None:
        self.patient_choice.load(
            self._tasks.run, self._session.client, self._session.store.rows(),
            key=f"token-patients-{id(self)}",
        )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.generate_button.setEnabled(not busy)
        self.generate_button.setText(
            self.tr("Generating…") if busy else self.tr("&Generate token")
        )

