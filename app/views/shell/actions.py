"""The main window's commands in one declarative table: text, keys, icon, menu, handler.

Menus, the toolbar, tooltips (with the platform's own shortcut text), the Help → Keyboard
shortcuts sheet and the README's key table all come from `ACTIONS` and `OTHER_KEYS`; a test
holds the README against them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QStyle, QToolBar, QWidget

from app.marks import QT_TRANSLATE_NOOP

__all__ = [
    "ACTIONS", "OTHER_KEYS", "TOOLBAR", "ActionSpec", "build_actions", "install_menus", "key_rows",
    "shortcut_text",
]

_CONTEXT = "MainWindow"  # the French catalogue holds these texts under the window's context
StandardKey = QKeySequence.StandardKey
Pixmap = QStyle.StandardPixmap


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """One command. ``handler`` names a method of the window (dotted: of one of its parts);
    ``menu`` is "file", "view" or
    "help"; ``keys`` is a standard key, with ``fallback`` where a platform has none."""

    name: str
    text: str
    handler: str
    menu: str
    keys: StandardKey | str | None = None
    fallback: str | None = None
    icon: Pixmap | None = None
    tip: str = ""
    needs_session: bool = False
    separator_before: bool = False
    key_help: str = ""  # the README's words for it, where they differ from the menu text


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "new_order", QT_TRANSLATE_NOOP("MainWindow", "&New order…"), "open_new_order", "file",
        StandardKey.New, "Ctrl+N", Pixmap.SP_FileIcon,
        QT_TRANSLATE_NOOP("MainWindow", "Order kits for a patient"),
        needs_session=True, key_help="New order",
    ),
    ActionSpec(
        "register_kit", QT_TRANSLATE_NOOP("MainWindow", "Re&gister kit…"), "open_register_kit",
        "file", "Ctrl+R", icon=Pixmap.SP_DialogApplyButton,
        tip=QT_TRANSLATE_NOOP("MainWindow", "Register a kit handed over at the desk"),
        needs_session=True, key_help="Register a kit handed over at the desk",
    ),
    ActionSpec(
        "registration_token", QT_TRANSLATE_NOOP("MainWindow", "Patient registration &token…"),
        "open_registration_token", "file", "Ctrl+Shift+T",
        tip=QT_TRANSLATE_NOOP("MainWindow", "A one-time token a patient uses to register a kit"),
        needs_session=True, key_help="Patient registration token",
    ),
    ActionSpec(
        "import_orders", QT_TRANSLATE_NOOP("MainWindow", "&Import orders…"),
        "open_import_orders", "file", "Ctrl+I",
        tip=QT_TRANSLATE_NOOP(
            "MainWindow", "Order kits for every patient on a list (CSV or Excel)"
        ),
        needs_session=True, key_help="Import orders from a patient list",
    ),
    ActionSpec(
        "sign_in", QT_TRANSLATE_NOOP("MainWindow", "Sign &in / switch environment…"),
        "show_sign_in", "file", separator_before=True,
    ),
    ActionSpec(
        "sign_out_of_spot", QT_TRANSLATE_NOOP("MainWindow", "Sign &out of Spot…"),
        "sign_in_flow.sign_out_of_spot", "file",
        tip=QT_TRANSLATE_NOOP(
            "MainWindow", "Remove this account's API token from this computer"
        ),
        needs_session=True,
    ),
    ActionSpec(
        "settings", QT_TRANSLATE_NOOP("MainWindow", "&Settings…"), "open_settings", "file",
        StandardKey.Preferences, "Ctrl+,",
        tip=QT_TRANSLATE_NOOP("MainWindow", "Environment, token, kit types, refresh interval"),
        key_help="Settings",
    ),
    ActionSpec(
        "export_setup", QT_TRANSLATE_NOOP("MainWindow", "&Export clinic setup…"),
        "export_setup", "file", separator_before=True,
        tip=QT_TRANSLATE_NOOP(
            "MainWindow", "Save this desk's setup to set up the clinic's other desks alike"
        ),
    ),
    ActionSpec(
        "import_setup", QT_TRANSLATE_NOOP("MainWindow", "I&mport clinic setup…"),
        "import_setup", "file",
        tip=QT_TRANSLATE_NOOP("MainWindow", "Set this desk up from another desk's setup file"),
    ),
    ActionSpec(
        "quit", QT_TRANSLATE_NOOP("MainWindow", "&Quit"), "close", "file", StandardKey.Quit,
        "Ctrl+Q", separator_before=True, key_help="Quit",
    ),
    ActionSpec(
        "refresh", QT_TRANSLATE_NOOP("MainWindow", "&Refresh"), "refresh_now", "view", "F5",
        icon=Pixmap.SP_BrowserReload,
        tip=QT_TRANSLATE_NOOP("MainWindow", "Fetch the latest from Spot"),
        needs_session=True, key_help="Refresh now",
    ),
    ActionSpec(
        "find", QT_TRANSLATE_NOOP("MainWindow", "&Find…"), "focus_search", "view",
        StandardKey.Find, "Ctrl+F",
        tip=QT_TRANSLATE_NOOP(
            "MainWindow", "Search orders by name, email, phone, order or kit ID"
        ),
        key_help="Find (search the order list)",
    ),
    ActionSpec(
        "find_kit", QT_TRANSLATE_NOOP("MainWindow", "Find &kit by barcode…"), "focus_find_kit",
        "view", "Ctrl+K", icon=Pixmap.SP_FileDialogContentsView,
        tip=QT_TRANSLATE_NOOP("MainWindow", "Scan or type a kit barcode"),
        needs_session=True,
        key_help="Find kit by barcode (scan, or type and press Enter)",
    ),
    ActionSpec(
        "attention", QT_TRANSLATE_NOOP("MainWindow", "Needs &attention"), "toggle_attention",
        "view", "Ctrl+Shift+A",
        tip=QT_TRANSLATE_NOOP("MainWindow", "Show only orders that need attention"),
        key_help="Show only orders that need attention",
    ),
    ActionSpec(
        "requisitions", QT_TRANSLATE_NOOP("MainWindow", "Re&quisitions"), "open_requisitions",
        "view", "Ctrl+Shift+R", tip=QT_TRANSLATE_NOOP("MainWindow", "Requisitions"),
        needs_session=True, separator_before=True, key_help="Requisitions",
    ),
    ActionSpec(
        "inbox", QT_TRANSLATE_NOOP("MainWindow", "Results &inbox"), "open_inbox", "view",
        "Ctrl+Shift+I", tip=QT_TRANSLATE_NOOP("MainWindow", "Reports to look at and sign off"),
        needs_session=True, key_help="Results inbox",
    ),
    ActionSpec(
        "worklist", QT_TRANSLATE_NOOP("MainWindow", "&Unreturned kits"), "open_worklist",
        "view", "Ctrl+Shift+U",
        tip=QT_TRANSLATE_NOOP("MainWindow", "Kits that have not come back, and who was contacted"),
        needs_session=True, key_help="Unreturned kits (worklist)",
    ),
    ActionSpec(
        "outbox", QT_TRANSLATE_NOOP("MainWindow", "&Outbox"), "open_outbox", "view",
        "Ctrl+Shift+Q",
        tip=QT_TRANSLATE_NOOP(
            "MainWindow", "Orders waiting to be sent or needing a fix, and what to do about them"
        ),
        needs_session=True, key_help="Outbox (orders not sent yet)",
    ),
    ActionSpec(
        "getting_started", QT_TRANSLATE_NOOP("MainWindow", "&Getting started"),
        "show_getting_started", "help",
    ),
    ActionSpec(
        "shortcuts", QT_TRANSLATE_NOOP("MainWindow", "&Keyboard shortcuts"), "show_shortcuts",
        "help",
    ),
    ActionSpec(
        "copy_diagnostics", QT_TRANSLATE_NOOP("MainWindow", "Copy &diagnostics"),
        "copy_diagnostics", "help",
        tip=QT_TRANSLATE_NOOP(
            "MainWindow", "Copy what support needs: versions, environment, outbox counts, "
            "recent error types (never patient data or the token)"
        ),
        separator_before=True,
    ),
    ActionSpec("about", QT_TRANSLATE_NOOP("MainWindow", "&About"), "show_about", "help"),
)

# The toolbar, left to right: the daily actions.
TOOLBAR: tuple[str, ...] = ("new_order", "refresh", "find_kit", "register_kit")

# Keys that belong to other windows, for the shortcut sheet and the README.
OTHER_KEYS: tuple[tuple[str, str], ...] = (
    ("Submit the order form", "Enter in the last section, or Ctrl+Enter anywhere"),
    ("Discard the order form (asks first)", "Esc"),
    ("Report viewer: find, print, save as, open externally", "Ctrl+F, Ctrl+P, Ctrl+S, "
     "Ctrl+Shift+O"),
    # Caught app-wide by the lock controller (app/views/staff), so it works in every window.
    ("Lock the app (any window); pick your name and type your PIN to go on", "Ctrl+L"),
    ("Results inbox: open the report, sign it off", "Enter, Ctrl+Enter"),
)


def _sequence(spec: ActionSpec) -> QKeySequence | None:
    if spec.keys is None:
        return None
    sequence = QKeySequence(spec.keys)
    if sequence.isEmpty() and spec.fallback:
        sequence = QKeySequence(spec.fallback)
    return sequence


def shortcut_text(spec: ActionSpec, *, native: bool = True) -> str:
    """The keys as this platform writes them ("Ctrl+N", "⌘N"), or portable text."""
    sequence = _sequence(spec)
    if sequence is None:
        return ""
    form = QKeySequence.SequenceFormat.NativeText if native else (
        QKeySequence.SequenceFormat.PortableText
    )
    return sequence.toString(form)


def build_actions(window: QWidget, handlers: QObject | None = None) -> dict[str, QAction]:
    """A QAction per spec on ``window`` (window-wide shortcuts), wired to its handler."""
    target = handlers if handlers is not None else window
    actions: dict[str, QAction] = {}
    style = window.style()
    for spec in ACTIONS:
        action = QAction(QCoreApplication.translate(_CONTEXT, spec.text), window)
        action.setObjectName(f"{spec.name}_action")
        sequence = _sequence(spec)
        if sequence is not None:
            action.setShortcut(sequence)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if spec.icon is not None:
            action.setIcon(style.standardIcon(spec.icon))
        if spec.tip:
            tip = QCoreApplication.translate(_CONTEXT, spec.tip)
            keys = shortcut_text(spec)
            action.setToolTip(f"{tip} ({keys})" if keys else tip)
            action.setStatusTip(tip)
        handler: Callable[[], object] = attrgetter(spec.handler)(target)
        action.triggered.connect(lambda _checked=False, h=handler: h())
        window.addAction(action)
        actions[spec.name] = action
    return actions


def key_rows() -> list[tuple[str, str]]:
    """(what, keys) for every command that has keys, in English portable text: the README's
    table. A standard key is written as its usual binding (the platform may differ)."""
    rows = [
        (
            spec.key_help or spec.text.replace("&", "").rstrip("…"),
            spec.fallback or shortcut_text(spec, native=False),
        )
        for spec in ACTIONS if spec.keys is not None
    ]
    return rows + list(OTHER_KEYS)


def install_menus(window: QMainWindow, commands: dict[str, QAction]) -> QToolBar:
    """The File, View and Help menus in table order, and the toolbar of `TOOLBAR`."""
    bar = window.menuBar()
    menus = {
        name: bar.addMenu(QCoreApplication.translate(_CONTEXT, title))
        for name, title in (
            ("file", QT_TRANSLATE_NOOP("MainWindow", "&File")),
            ("view", QT_TRANSLATE_NOOP("MainWindow", "&View")),
            ("help", QT_TRANSLATE_NOOP("MainWindow", "&Help")),
        )
    }
    for spec in ACTIONS:
        menu = menus[spec.menu]
        if spec.separator_before:
            menu.addSeparator()
        menu.addAction(commands[spec.name])
    toolbar = QToolBar(QCoreApplication.translate("MainWindow", "Main toolbar"))
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    toolbar.setIconSize(QSize(18, 18))
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for name in TOOLBAR:
        toolbar.addAction(commands[name])
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
    return toolbar

