"""The recipient/patient field group: name, contact and US/CA address with per-field messages.

Reused by every form that collects a person with an address (new order, kit registration,
requisitions). The group validates as the user types but only *shows* a field's message once
the user has left that field (or after ``reveal_all()``, e.g. on a submit attempt); a message
already shown updates live while they fix it. Warnings carry a "Ship anyway" check box whose
confirmation is remembered for that exact field value and message only.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.validation import (
    CA_PROVINCES,
    US_STATES,
    Finding,
    split_one_line_address,
    validate_recipient,
)
from app.views.common.message_strip import strip_style
from app.views.i18n import finding_text, region_name

__all__ = [
    "ADDRESS_PATHS",
    "CONTACT_PATHS",
    "FieldMessage",
    "RecipientFields",
]

CONTACT_PATHS: tuple[str, ...] = ("first_name", "last_name", "email", "phone")
ADDRESS_PATHS: tuple[str, ...] = (
    "address.country",
    "address.street1",
    "address.street2",
    "address.city",
    "address.state",
    "address.zip",
)
_TEXT_PATHS = (*CONTACT_PATHS, "address.street1", "address.street2", "address.city",
               "address.zip")  # fmt: skip
_BAR_STYLE = "QFrame#%s { background: rgba(37, 99, 235, 0.12); border: 1px solid rgba(37, 99, 235, 0.5); border-radius: 4px; }"  # noqa: E501


@dataclass(frozen=True, slots=True)
class _ConfirmKey:
    path: str
    value: str
    messages: tuple[str, ...]


class _OneLine(QLabel):
    """A label that never wraps: text too long for its width ends in "…" (full text in the
    tooltip); ``full_text()`` is what was set."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setMinimumWidth(1)

    def setText(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        room = max(1, self.contentsRect().width() - 12)  # the strip's padding
        super().setText(
            self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, room)
        )


class FieldMessage(QWidget):
    """The message row under one field: the text, and "Ship anyway" beside it for warnings.

    The row keeps its one-line height whether empty or not, so fields below never move when
    a message comes or goes (a click meant for the next field would land on another one). A
    message longer than the line is shortened with "…"; the whole text is its tooltip and its
    accessible name (the texts are written to fit one line).
    """

    confirm_toggled = Signal(bool)

    def __init__(self, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.setObjectName(f"message:{path}")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.label = _OneLine(self)
        self.label.setObjectName(f"message_label:{path}")
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.confirm = QCheckBox(self.tr("Ship anyway"), self)
        self.confirm.setObjectName(f"confirm:{path}")
        self.confirm.toggled.connect(self.confirm_toggled)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.confirm, 0, Qt.AlignmentFlag.AlignTop)
        self.setFixedHeight(self.reserved_height())
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        self.severity = ""
        self.show_message("", "")

    def reserved_height(self) -> int:
        """One line of message strip (text and its padding) or the check box, if taller."""
        strip = self.fontMetrics().height() + 6
        return max(strip, self.confirm.sizeHint().height())

    def text(self) -> str:
        return self.label.full_text()

    def show_message(self, severity: str, text: str, *, confirmable: bool = False,
                     confirmed: bool = False) -> None:
        self.severity = severity if text else ""
        self.label.setText(text)
        self.label.setStyleSheet(
            strip_style("error" if severity == "error" else "warning", compact=True) if text else ""
        )
        self.label.setAccessibleName(
            self.tr("Problem: %1").replace("%1", text) if severity == "error" else text
        )
        self.confirm.blockSignals(True)
        self.confirm.setChecked(confirmed)
        self.confirm.blockSignals(False)
        self.confirm.setVisible(bool(text) and confirmable)
        self.setVisible(bool(text))


class _SplitBar(QFrame):
    """Inline offer to split a pasted one-line address into the fields."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("split_bar")
        self.setStyleSheet(_BAR_STYLE % "split_bar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.split_button = QPushButton(self.tr("Spl&it"), self)
        self.split_button.setObjectName("split_button")
        self.keep_button = QPushButton(self.tr("Keep &my typing"), self)
        self.keep_button.setObjectName("keep_button")
        for button in (self.split_button, self.keep_button):
            button.setAutoDefault(False)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.split_button)
        layout.addWidget(self.keep_button)


Validator = Callable[[dict[str, Any]], list[Finding]]


class ServerErrors:
    """Spot's 400 messages per field path, each kept until its field's value changes."""

    def __init__(self) -> None:
        self._by_path: dict[str, tuple[str, list[str]]] = {}  # path: (value then, messages)

    def set(self, errors: Mapping[str, list[str]], value_of: Callable[[str], str]) -> None:
        """Replace them all; ``value_of(path)`` is the field's value now."""
        self._by_path = {path: (value_of(path), list(ms)) for path, ms in errors.items()}

    def clear(self) -> None:
        self._by_path.clear()

    def forget_if_changed(self, path: str, value: str) -> None:
        """The user edited ``path``: its server message no longer applies."""
        if path in self._by_path and self._by_path[path][0] != value:
            del self._by_path[path]

    def findings(self) -> list[Finding]:
        return [
            Finding(path, "error", message)
            for path, (_, messages) in self._by_path.items()
            for message in messages
        ]


def show_errors(
    messages: Mapping[str, FieldMessage], findings: Iterable[Finding], touched: Container[str]
) -> None:
    """Each touched field's errors under it; every other message line is cleared."""
    errors = [f for f in findings if f.severity == "error"]
    for path, message in messages.items():
        texts = [finding_text(f) for f in errors if f.field == path]
        if path in touched and texts:
            message.show_message("error", "\n".join(texts))
        else:
            message.show_message("", "")


class RecipientFields(QWidget):
    """Recipient fields shaped like Spot's recipient JSON, each with its own message row.

    ``recipient()`` returns the raw values as typed (``validate``/``normalize`` take that
    dict); ``set_recipient()`` fills the fields. Field paths are the validation module's:
    ``first_name``, ``phone``, ``address.zip`` ...
    """

    changed = Signal()
    #: A field the user just left (path); the owner may run slower checks (duplicates).
    field_left = Signal(str)
    #: The user confirmed or withdrew a "Ship anyway".
    confirmations_changed = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        validate: Validator = validate_recipient,
        title: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._validate = validate
        self._findings: list[Finding] = []
        self._touched: set[str] = set()
        self._edited: set[str] = set()  # fields the user changed since the last reset
        self._server_errors = ServerErrors()
        self._confirmed: set[_ConfirmKey] = set()
        self._split_declined: str | None = None
        self._split_candidate: dict[str, str] | None = None
        self._street1_previous = ""
        self._loading = False
        self.editors: dict[str, QLineEdit | QComboBox] = {}
        self.messages: dict[str, FieldMessage] = {}
        self.labels: dict[str, QLabel] = {}
        self._build(title)
        self._on_country_changed()
        self._revalidate()

    # --- construction --------------------------------------------------------------------

    def _line(self, path: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(path)
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(False)
        edit.textChanged.connect(self._on_editor_changed)
        self.editors[path] = edit
        return edit

    def _message(self, path: str) -> FieldMessage:
        message = FieldMessage(path, self)
        message.confirm_toggled.connect(
            lambda checked, p=path: self._on_confirm_toggled(p, checked)
        )
        self.messages[path] = message
        return message

    def _label(self, path: str, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        self.labels[path] = label
        return label

    def _build(self, title: str | None) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)

        person = QGroupBox(title if title is not None else self.tr("Patient"), self)
        grid = QGridLayout(person)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        first = self._line("first_name")
        grid.addWidget(self._label("first_name", self.tr("&First name"), first), 0, 0)
        grid.addWidget(first, 0, 1)
        grid.addWidget(self._message("first_name"), 1, 1)
        last = self._line("last_name")
        grid.addWidget(self._label("last_name", self.tr("&Last name"), last), 0, 2)
        grid.addWidget(last, 0, 3)
        grid.addWidget(self._message("last_name"), 1, 3)
        email = self._line("email", self.tr("name@example.com"))
        grid.addWidget(self._label("email", self.tr("&Email"), email), 2, 0)
        grid.addWidget(email, 2, 1)
        grid.addWidget(self._message("email"), 3, 1)
        phone = self._line("phone", self.tr("415-555-0123"))
        grid.addWidget(self._label("phone", self.tr("P&hone"), phone), 2, 2)
        grid.addWidget(phone, 2, 3)
        grid.addWidget(self._message("phone"), 3, 3)
        outer.addWidget(person)

        address = QGroupBox(self.tr("Shipping address"), self)
        grid = QGridLayout(address)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        country = QComboBox(self)
        country.setObjectName("address.country")
        country.addItem(self.tr("United States"), "US")
        country.addItem(self.tr("Canada"), "CA")
        country.currentIndexChanged.connect(self._on_country_changed)
        self.editors["address.country"] = country
        grid.addWidget(self._label("address.country", self.tr("C&ountry"), country), 0, 0)
        grid.addWidget(country, 0, 1)
        grid.addWidget(self._message("address.country"), 1, 1, 1, 3)
        street1 = self._line(
            "address.street1", self.tr("Street and number, or paste a whole address")
        )
        street1.textEdited.connect(self._on_street1_edited)
        grid.addWidget(self._label("address.street1", self.tr("&Street address"), street1), 2, 0)
        grid.addWidget(street1, 2, 1, 1, 3)
        self.split_bar = _SplitBar(self)
        self.split_bar.split_button.clicked.connect(self._on_split_clicked)
        self.split_bar.keep_button.clicked.connect(self._on_keep_clicked)
        self.split_bar.hide()
        grid.addWidget(self.split_bar, 3, 1, 1, 3)
        grid.addWidget(self._message("address.street1"), 4, 1, 1, 3)
        street2 = self._line("address.street2", self.tr("Apartment, suite, unit (optional)"))
        grid.addWidget(self._label("address.street2", self.tr("Line &2"), street2), 5, 0)
        grid.addWidget(street2, 5, 1, 1, 3)
        grid.addWidget(self._message("address.street2"), 6, 1, 1, 3)
        city = self._line("address.city")
        grid.addWidget(self._label("address.city", self.tr("Cit&y"), city), 7, 0)
        grid.addWidget(city, 7, 1)
        grid.addWidget(self._message("address.city"), 8, 1)
        state = QComboBox(self)
        state.setObjectName("address.state")
        state.currentIndexChanged.connect(self._on_editor_changed)
        self.editors["address.state"] = state
        grid.addWidget(self._label("address.state", self.tr("S&tate"), state), 7, 2)
        grid.addWidget(state, 7, 3)
        grid.addWidget(self._message("address.state"), 8, 3)
        postal = self._line("address.zip")
        postal.setMaxLength(12)
        grid.addWidget(self._label("address.zip", self.tr("&ZIP code"), postal), 9, 0)
        grid.addWidget(postal, 9, 1)
        grid.addWidget(self._message("address.zip"), 10, 1, 1, 3)
        outer.addWidget(address)

        for editor in self.editors.values():
            editor.installEventFilter(self)

    # --- public API ----------------------------------------------------------------------

    def country(self) -> str:
        return str(self.editors["address.country"].currentData())  # type: ignore[union-attr]

    def editor(self, path: str) -> QWidget:
        return self.editors[path]

    def message_text(self, path: str) -> str:
        """What the user reads under the field (empty when nothing is shown)."""
        return self.messages[path].text()

    def recipient(self) -> dict[str, Any]:
        """The values as typed, shaped like Spot's recipient JSON (not normalized)."""
        text = {path: self._value(path) for path in (*CONTACT_PATHS, *ADDRESS_PATHS)}
        return {
            "first_name": text["first_name"],
            "last_name": text["last_name"],
            "email": text["email"],
            "phone": text["phone"],
            "address": {
                "street1": text["address.street1"],
                "street2": text["address.street2"],
                "city": text["address.city"],
                "state": text["address.state"],
                "country": text["address.country"],
                "zip": text["address.zip"],
            },
        }

    def set_recipient(self, recipient: Mapping[str, Any]) -> None:
        """Fill the fields (e.g. a restored draft or "another order for this patient")."""
        address = recipient.get("address") or {}
        if not isinstance(address, Mapping):
            address = {}
        self._loading = True
        try:
            self._set_country(str(address.get("country") or "US"))
            for path in CONTACT_PATHS:
                self._set_text(path, recipient.get(path))
            for key in ("street1", "street2", "city", "zip"):
                self._set_text(f"address.{key}", address.get(key))
            self._set_state(str(address.get("state") or ""))
        finally:
            self._loading = False
        self._server_errors.clear()
        self._hide_split_offer()
        self._revalidate()
        self.changed.emit()

    def clear(self) -> None:
        """Back to an empty group: no values, nothing touched, no confirmations."""
        self._touched.clear()
        self._edited.clear()
        self._confirmed.clear()
        self._split_declined = None
        self.set_recipient({})

    def is_empty(self) -> bool:
        return not any(self._value(path) for path in _TEXT_PATHS) and not self._value(
            "address.state"
        )

    def findings(self) -> list[Finding]:
        """Every current finding, shown or not, including server messages not yet fixed."""
        return [*self._findings, *self._server_errors.findings()]

    def blocking(self) -> list[Finding]:
        """Errors, plus warnings nobody confirmed for the current value."""
        result = []
        for finding in self.findings():
            if finding.severity == "error" or not self._is_confirmed(finding.field):
                result.append(finding)
        return result

    def reveal_all(self) -> None:
        """Show every field's message (a submit attempt)."""
        self._touched.update(self.messages)
        self._refresh_messages()

    def focus_first_problem(self) -> bool:
        blocking = {finding.field for finding in self.blocking()}
        for path in (*CONTACT_PATHS, *ADDRESS_PATHS):
            if path in blocking:
                editor = self.editors[path]
                editor.setFocus(Qt.FocusReason.OtherFocusReason)
                if isinstance(editor, QLineEdit):
                    editor.selectAll()
                return True
        return False

    def set_server_errors(self, errors: Mapping[str, Iterable[str]]) -> dict[str, list[str]]:
        """Put the server's messages (paths like ``address.zip``) on their fields.

        They stay until that field's value changes. Returns the ones that match no field.
        """
        own: dict[str, list[str]] = {}
        unmatched: dict[str, list[str]] = {}
        for path, messages in errors.items():
            (own if path in self.messages else unmatched).setdefault(path, []).extend(messages)
        self._server_errors.set(own, self._value)
        self._touched.update(own)
        self._refresh_messages()
        self.changed.emit()
        return unmatched

    def set_read_only(self, read_only: bool) -> None:
        """Greyed out, not just read-only: a placed order's fields must not look editable."""
        for editor in self.editors.values():
            if isinstance(editor, QLineEdit):
                editor.setReadOnly(read_only)
            editor.setEnabled(not read_only)
        for message in self.messages.values():
            message.confirm.setEnabled(not read_only)

    def focus_chain(self, paths: Iterable[str] | None = None) -> list[QWidget]:
        """The fields of ``paths`` (default: all) in reading order, each followed by its
        "Ship anyway" (and the street's split offer)."""
        chain: list[QWidget] = []
        for path in paths if paths is not None else (*CONTACT_PATHS, *ADDRESS_PATHS):
            chain += [self.editors[path], self.messages[path].confirm]
            if path == "address.street1":
                chain += [self.split_bar.split_button, self.split_bar.keep_button]
        return chain

    def first_editor(self) -> QWidget:
        return self.editors["first_name"]

    def last_editor(self) -> QWidget:
        return self.editors["address.zip"]

    # --- values --------------------------------------------------------------------------

    def _value(self, path: str) -> str:
        editor = self.editors[path]
        if isinstance(editor, QComboBox):
            data = editor.currentData()
            return str(data) if data else ""
        return editor.text()

    def _set_text(self, path: str, value: object) -> None:
        editor = self.editors[path]
        assert isinstance(editor, QLineEdit)
        editor.setText("" if value is None else str(value))
        if path == "address.street1":
            # Filled by code, not pasted: the next keystroke is not a jump of many characters.
            self._street1_previous = editor.text()

    def _set_country(self, country: str) -> None:
        combo = self.editors["address.country"]
        assert isinstance(combo, QComboBox)
        index = combo.findData(country.strip().upper())
        combo.setCurrentIndex(index if index >= 0 else 0)

    def _set_state(self, state: str) -> None:
        combo = self.editors["address.state"]
        assert isinstance(combo, QComboBox)
        index = combo.findData(state.strip().upper()) if state else 0
        if index < 0 and state:
            # A value from a draft or the server we don't list: keep it visible, as-is.
            combo.addItem(state, state)
            index = combo.count() - 1
        combo.setCurrentIndex(max(index, 0))

    # --- reactions -----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QWidget):
            path = watched.objectName()
            if path in self._touched and not self.messages[path].text():
                # Typing a new value into a clean field: judge it when the user leaves.
                self._touched.discard(path)
        if event.type() == QEvent.Type.FocusOut and isinstance(watched, QWidget):
            path = watched.objectName()
            # A popup (the state list) taking focus is not the user leaving the field.
            popup = isinstance(watched, QComboBox) and watched.view().isVisible()
            if path in self.messages and not self._loading and not popup:
                # Tabbing through an untouched, empty field is not an answer to judge yet.
                if path in self._edited or self._value(path).strip():
                    self._touched.add(path)
                    self._refresh_messages()
                self.field_left.emit(path)
        return super().eventFilter(watched, event)

    @Slot()
    def _on_editor_changed(self) -> None:
        if self._loading:
            return
        sender = self.sender()
        path = sender.objectName() if sender is not None else ""
        self._server_errors.forget_if_changed(path, self._value(path))
        self._edited.add(path)
        if isinstance(sender, QComboBox) and path in self.messages:
            # Choosing from a list is a finished edit; show its message at once.
            self._touched.add(path)
        self._revalidate()
        self.changed.emit()

    @Slot()
    def _on_country_changed(self) -> None:
        country = self.country()
        state = self.editors["address.state"]
        assert isinstance(state, QComboBox)
        state.blockSignals(True)
        state.clear()
        if country == "CA":
            state.addItem(self.tr("Choose a province or territory"), "")
            regions = CA_PROVINCES
        else:
            state.addItem(self.tr("Choose a state"), "")
            regions = US_STATES
        for code, name in regions.items():
            state.addItem(f"{code} – {region_name(name)}", code)
        state.setCurrentIndex(0)
        state.blockSignals(False)
        postal = self.editors["address.zip"]
        assert isinstance(postal, QLineEdit)
        if country == "CA":
            self.labels["address.state"].setText(self.tr("Pro&vince"))
            self.labels["address.zip"].setText(self.tr("Postal &code"))
            postal.setPlaceholderText(self.tr("A1A 1A1"))
        else:
            self.labels["address.state"].setText(self.tr("S&tate"))
            self.labels["address.zip"].setText(self.tr("&ZIP code"))
            postal.setPlaceholderText(self.tr("12345 or 12345-6789"))
        if not self._loading:
            self._revalidate()
            self.changed.emit()

    def _on_confirm_toggled(self, path: str, checked: bool) -> None:
        key = self._confirm_key(path)
        if key is None:
            return
        if checked:
            self._confirmed.add(key)
        else:
            self._confirmed.discard(key)
        self._refresh_messages()
        self.confirmations_changed.emit()
        self.changed.emit()

    # --- paste of a whole address --------------------------------------------------------

    @Slot(str)
    def _on_street1_edited(self, text: str) -> None:
        if "\n" in text or "\r" in text:
            # QLineEdit keeps pasted line breaks; a multi-line address becomes one line.
            lines = [line.strip(" ,") for line in text.splitlines() if line.strip(" ,")]
            editor = self.editors["address.street1"]
            assert isinstance(editor, QLineEdit)
            editor.setText(", ".join(lines))
            text = editor.text()
        # Typing adds one character at a time; a jump of several is a paste or a drop.
        previous = self._street1_previous
        self._street1_previous = text
        if len(text) - len(previous) < 6 or text == self._split_declined:
            return
        parts = split_one_line_address(text, self.country())
        if not parts or not any(parts.get(key) for key in ("city", "state", "zip")):
            return
        self._split_candidate = {str(k): str(v) for k, v in parts.items() if v}
        summary = ", ".join(
            value
            for key in ("street1", "street2", "city", "state", "zip")
            if (value := self._split_candidate.get(key))
        )
        self.split_bar.label.setText(
            self.tr("This looks like a whole address. Split it into the fields? %1").replace(
                "%1", f"({summary})"
            )
        )
        self.split_bar.show()

    @Slot()
    def _on_split_clicked(self) -> None:
        parts = self._split_candidate or {}
        self._hide_split_offer()
        self._loading = True
        try:
            country = parts.get("country")
            if country:
                self._set_country(country)
            for key in ("street1", "street2", "city", "zip"):
                if key in parts:
                    self._set_text(f"address.{key}", parts[key])
            if "state" in parts:
                self._set_state(parts["state"])
        finally:
            self._loading = False
        self._touched.update(f"address.{key}" for key in parts)
        self._revalidate()
        self.changed.emit()
        next_empty = next(
            (p for p in ("address.city", "address.state", "address.zip") if not self._value(p)),
            "address.street2",
        )
        self.editors[next_empty].setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _on_keep_clicked(self) -> None:
        self._split_declined = self._value("address.street1")
        self._hide_split_offer()
        self.editors["address.street1"].setFocus(Qt.FocusReason.OtherFocusReason)

    def _hide_split_offer(self) -> None:
        self._split_candidate = None
        self.split_bar.hide()

    def split_offered(self) -> bool:
        return not self.split_bar.isHidden()

    # --- messages ------------------------------------------------------------------------

    def _revalidate(self) -> None:
        try:
            self._findings = self._validate(self.recipient())
        except Exception:  # noqa: BLE001 - a validator bug must not lose the user's typing
            self._findings = []
        self._refresh_messages()

    def _messages_for(self, path: str) -> tuple[str, list[str]]:
        findings = [f for f in self.findings() if f.field == path]
        errors = [finding_text(f) for f in findings if f.severity == "error"]
        if errors:
            return "error", errors
        return ("warning", [finding_text(f) for f in findings]) if findings else ("", [])

    def _confirm_key(self, path: str) -> _ConfirmKey | None:
        severity, messages = self._messages_for(path)
        if severity != "warning":
            return None
        return _ConfirmKey(path, self._value(path).strip(), tuple(messages))

    def _is_confirmed(self, path: str) -> bool:
        key = self._confirm_key(path)
        return key is not None and key in self._confirmed

    def _refresh_messages(self) -> None:
        for path, message in self.messages.items():
            severity, texts = self._messages_for(path)
            if path not in self._touched or not texts:
                message.show_message("", "")
                continue
            message.show_message(
                severity,
                "\n".join(texts),
                confirmable=severity == "warning",
                confirmed=self._is_confirmed(path),
            )
