"""French (Canada): the shipped catalogue covers every UI text, and real windows speak French.

Quebec clinics run the app with a fr_CA system locale. These tests install the catalogue the
way the app does at start-up, build real windows and read what a user would see.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import keyring.errors as kr_errors
import pytest
from app.resources import TRANSLATIONS
from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QMenu,
    QScrollArea,
    QToolBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.api import errors as api_errors
from app.paths import paths
from app.sandbox import SandboxServer
from app.services.credentials import CredentialStore, KeyringLocked
from app.services.environments import Environment
from app.services.errors import ServiceError, describe_error
from app.services.order_rules import needs_attention
from app.services.session import Session
from app.tasks import InlineTaskRunner
from app.views.common.app_settings import AppSettings
from app.views.desk.register_kit import RegisterKitDialog
from app.views.desk.registration_token import RegistrationTokenDialog
from app.views.i18n import install_translations, remove_translations, ui_locale
from app.views.new_order.form import NewOrderDialog, NewOrderForm
from app.views.orders.order_table import COL_PROGRESS
from app.views.reports.report_viewer import ReportWindow
from app.views.requisitions.view import RequisitionsView
from app.views.settings.dialog import SettingsDialog
from app.views.shell.main_window import MainWindow
from app.views.shell.sign_in import SignInContext, SignInDialog
from tests.helpers.fakes import FakeSession
from tests.helpers.keyring import FailingKeyring
from tests.helpers.keys import alt_keys, clashing_alt_keys
from tests.helpers.main_window import (
    BASE_TIME,
    SEEDED,
    WAIT_MS,
    MakeWindow,
    make_row,
    sign_in_to_sandbox,
)
from tests.helpers.order_form import type_into

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)

ROOT = Path(__file__).resolve().parents[2]
TS = TRANSLATIONS / "spot-front-desk_fr_CA.ts"
QM = TRANSLATIONS / "spot-front-desk_fr_CA.qm"
PLACEHOLDER = re.compile(r"%\d|%n|\{\w+\}")


def catalogue() -> list[tuple[str, ET.Element]]:
    """(context, <message>) for every message in the French sources."""
    root = ET.parse(TS).getroot()
    return [
        (context.findtext("name") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def translation_texts(message: ET.Element) -> list[str]:
    element = message.find("translation")
    assert element is not None
    forms = element.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [element.text or ""]


def placeholder_choices(context: str, source: str) -> list[list[str]]:
    """The placeholder lists a translation may have: the source's. A validation message about
    a name may use the lower-case {label} ("Le {label} …") where English starts with {title}."""
    same = sorted(PLACEHOLDER.findall(source))
    if context != "Validation":
        return [same]
    return [same, sorted(p.replace("{title}", "{label}") for p in same)]


def mnemonic_count(text: str) -> int:
    return text.replace("&&", "").count("&")


@pytest.fixture
def french(qapp: QApplication) -> Iterator[list[QTranslator]]:
    # As under a fr_CA system locale: French texts, and dates and numbers formatted for Quebec.
    before = QLocale()
    QLocale.setDefault(QLocale("fr_CA"))
    translators = install_translations(qapp, QLocale("fr_CA"))
    yield translators
    remove_translations(qapp, translators)
    QLocale.setDefault(before)


@pytest.fixture
def session(sandbox: SandboxServer) -> Iterator[Session]:
    live = Session.open(
        Environment.sandbox(sandbox.base_url), sandbox.token, paths(), start_outbox=False
    )
    yield live
    live.close()


def texts(root: QWidget) -> set[str]:
    """Texts of every visible label and button in ``root``'s window."""
    found = set()
    for widget in root.findChildren(QLabel) + root.findChildren(QAbstractButton):
        if widget.isVisibleTo(root):
            found.add(widget.text())
    return found


# --- the shipped catalogue ------------------------------------------------------------------

def test_every_message_has_a_finished_french_translation() -> None:
    messages = catalogue()
    assert len(messages) > 400
    problems = []
    for context, message in messages:
        source = message.findtext("source") or ""
        element = message.find("translation")
        assert element is not None
        if element.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{context}: {source!r} is {element.get('type')}")
            continue
        for text in translation_texts(message):
            if not text.strip():
                problems.append(f"{context}: {source!r} has an empty translation")
            elif sorted(PLACEHOLDER.findall(text)) not in placeholder_choices(context, source):
                if message.get("numerus") != "yes":
                    problems.append(f"{context}: {source!r} lost or gained a placeholder")
            elif mnemonic_count(text) != mnemonic_count(source):
                problems.append(f"{context}: {source!r} lost or gained its Alt key")
    assert problems == []


def test_shipped_qm_gives_the_french_of_every_message(qapp: QApplication) -> None:
    translator = QTranslator()
    assert translator.load(str(QM))
    for context, message in catalogue():
        if message.get("numerus") == "yes":
            continue
        source = message.findtext("source") or ""
        assert translator.translate(context, source) == translation_texts(message)[0], (
            context, source)


def test_every_text_in_the_code_is_in_the_catalogue(tmp_path: Path) -> None:
    # Catches a new tr("…") added without refreshing the catalogue: it would ship in English.
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "app").rglob("*.py") if "sandbox" not in p.parts)
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run(
        [str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True
    )
    in_code = {
        (context.findtext("name"), message.findtext("source"))
        for context in ET.parse(fresh).getroot().iter("context")
        for message in context.iter("message")
    }
    shipped = {(context, message.findtext("source")) for context, message in catalogue()}
    assert in_code - shipped == set(), "run packaging/update_translations.py and translate"


# --- choosing the language ------------------------------------------------------------------

def test_english_locale_installs_nothing_and_english_shows(
    qapp: QApplication, make_window: MakeWindow
) -> None:
    translators = install_translations(qapp, QLocale("en_US"))
    try:
        assert translators == []
        window = make_window()
        assert window.commands["new_order"].text() == "&New order…"
    finally:
        remove_translations(qapp, translators)


SYSTEM_LOCALE_PROBE = """
from PySide6.QtCore import QCoreApplication
from app.views.i18n import install_translations
app = QCoreApplication([])
install_translations(app)
print(QCoreApplication.translate("MainWindow", "&New order…"))
"""


@pytest.mark.parametrize(
    ("lang", "shown"),
    [("fr_CA.UTF-8", "&Nouvelle commande…"), ("en_US.UTF-8", "&New order…"),
     ("C.UTF-8", "&New order…"),
     # Any French gets the Canadian French we ship rather than English.
     ("fr_FR.UTF-8", "&Nouvelle commande…"), ("fr_BE.UTF-8", "&Nouvelle commande…")],
)
def test_system_locale_picks_the_language(lang: str, shown: str) -> None:
    # What start-up does: QLocale.system() follows LC_ALL/LANG, read once per process.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(LC_ALL=lang, LANG=lang)
    out = subprocess.run(
        [sys.executable, "-c", SYSTEM_LOCALE_PROBE],
        env=env, cwd=ROOT, check=True, capture_output=True, text=True, encoding="utf-8",
    )
    assert out.stdout.strip() == shown


def test_fr_ca_installs_our_catalogue_and_qt_own_texts(
    qapp: QApplication, french: list[QTranslator]
) -> None:
    assert len(french) == 2  # ours, then Qt's standard buttons and dialogs
    assert QApplication.translate("QPlatformTheme", "Cancel") == "Annuler"


def test_error_titles_and_advice_follow_the_language(
    qapp: QApplication, french: list[QTranslator]
) -> None:
    # Built in the services layer (no Qt) and shown by every view's banner or status line.
    offline = describe_error(api_errors.SpotConnectionError("refused"))
    assert offline.title == "Impossible de joindre Spot"
    assert offline.advice == "Vérifiez la connexion réseau de cet ordinateur, puis réessayez."
    slow_down = describe_error(api_errors.RateLimited(
        429, "rate_limit_exceeded", [], "POST", "/api/v2/orders/", retry_after=30))
    assert slow_down.advice == "Attendez 30 secondes, puis réessayez."
    assert ServiceError().title == "Un problème est survenu"
    store = CredentialStore(keyring_backend=FailingKeyring(kr_errors.KeyringLocked("locked")))
    with pytest.raises(KeyringLocked) as failed:
        store.save("sandbox", "not-a-real-token")
    assert failed.value.title == (
        "Impossible de mémoriser le jeton d’API\u00a0: "
        "le trousseau de mots de passe est verrouillé"
    )
    remove_translations(qapp, french)
    assert describe_error(api_errors.SpotConnectionError("refused")).title == "Can't reach Spot"
    french.clear()


def test_needs_attention_reasons_follow_the_language(french: list[QTranslator]) -> None:
    row = make_row("O0000001", kits=[("SPOTTEST0001", "adx100", "delivered", "")])
    reasons = needs_attention(row, BASE_TIME + timedelta(days=20))
    assert reasons == ["Trousse livrée il y a plus de 14 jours, non enregistrée"]


# --- real windows in French -----------------------------------------------------------------

def test_main_window_menus_and_toolbar_in_french(
    french: list[QTranslator], make_window: MakeWindow
) -> None:
    window: MainWindow = make_window()
    window.show()
    assert window.commands["new_order"].text() == "&Nouvelle commande…"
    assert window.commands["refresh"].text() == "A&ctualiser"
    assert window.commands["new_order"].toolTip() == (
        "Commander des trousses pour un patient (Ctrl+N)"
    )
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Fichier", "&Affichage", "Ai&de"]
    toolbar = [action.text() for action in window.toolbar.actions() if action.text()]
    assert "&Nouvelle commande…" in toolbar
    for menu_action in window.menuBar().actions():  # no two Alt keys alike in one menu
        menu = menu_action.menu()
        assert isinstance(menu, QMenu)
        keys = [
            match.group(1).lower()
            for action in menu.actions()
            if (match := re.search(r"&([^&])", action.text().replace("&&", "")))
        ]
        assert sorted(keys) == sorted(set(keys)), menu_action.text()


def test_sign_in_dialog_in_french(
    qtbot: QtBot, french: list[QTranslator], sign_in_context: SignInContext
) -> None:
    dialog = SignInDialog(InlineTaskRunner(), sign_in_context)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Connexion à Spot"
    assert dialog.test_button.text() == "&Tester la connexion"
    assert dialog.sign_in_button.text() == "Se &connecter"
    assert dialog.environment_combo.itemText(1) == "Bac à sable (intégré, sans jeton)"
    keys = [key for key, _ in alt_keys(dialog)]
    assert sorted(keys) == sorted(set(keys))


def test_new_order_form_labels_and_place_order_in_french(
    qtbot: QtBot, french: list[QTranslator], session: Session
) -> None:
    form = NewOrderForm(session, InlineTaskRunner())
    qtbot.addWidget(form)
    form.show()
    assert form.submit_button.text() == "&Commander"
    shown = texts(form)
    assert {"&Prénom", "&Nom", "Co&urriel", "Code &ZIP", "Pa&ys"} <= shown
    assert "&Place order" not in shown


def test_report_window_buttons_in_french(
    qtbot: QtBot, french: list[QTranslator], session: Session
) -> None:
    window = ReportWindow(session.reports, session.seen, InlineTaskRunner())
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle() == "Rapport"
    assert window.print_action.text() == "&Imprimer…"
    assert window.save_action.text() == "&Enregistrer sous…"
    assert window.previous_page_action.text() == "◀ Précédente"
    window.resize(1000, 820)  # the README screenshot's width: every French button still shows
    qtbot.wait(50)
    toolbar = window.findChild(QToolBar, "report_toolbar")
    assert toolbar is not None
    for action in toolbar.actions():
        if action.isVisible() and not action.isSeparator():
            button = toolbar.widgetForAction(action)
            assert button is not None
            assert button.isVisible(), action.text()


@pytest.mark.parametrize("country", ["US", "CA"])
def test_no_two_french_alt_keys_clash(
    qtbot: QtBot, french: list[QTranslator], session: Session, country: str
) -> None:
    form = NewOrderForm(session, InlineTaskRunner())
    register = RegisterKitDialog(session, InlineTaskRunner())
    token = RegistrationTokenDialog(session, InlineTaskRunner())
    requisitions = RequisitionsView(session, InlineTaskRunner())
    settings = SettingsDialog(AppSettings())
    windows: list[QWidget] = [form, register, token, requisitions, settings]
    for widget in windows:
        qtbot.addWidget(widget)
        widget.show()
    country_combo = form.fields.editor("address.country")
    assert isinstance(country_combo, QComboBox)
    country_combo.setCurrentIndex(country_combo.findData(country))
    assert form.fields.country() == country
    requisitions.open_new_requisition()
    dialog = requisitions.new_requisition_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    for widget in [*windows, dialog]:
        assert len(alt_keys(widget)) >= 4  # Settings: token, interval, add, remove
        assert clashing_alt_keys(widget) == {}, type(widget).__name__


# --- screenshots: longer French texts still fit -------------------------------------------

def _save_screenshot(image: QImage, name: str, tmp_path: Path) -> None:
    image.save(str(tmp_path / name))
    target = os.environ.get("SPOT_SCREENSHOTS_DIR")
    if target:
        image.save(str(Path(target) / name))


def test_main_window_in_french_fits_at_1280(
    qtbot: QtBot, french: list[QTranslator], sandbox: SandboxServer, make_window: MakeWindow,
    tmp_path: Path,
) -> None:
    sandbox.seed(SEEDED)
    sandbox.advance(9)
    window = make_window()
    window.resize(1280, 800)
    sign_in_to_sandbox(qtbot, window)
    model = window.order_list.model
    chosen = next(
        row for row in (model.row_at(n) for n in range(model.rowCount()))
        if row is not None and row.kit_ids and row.progress.tone in ("active", "good")
    )
    window.order_list.select_order(chosen.order_id)
    panel = window.kit_panel
    assert panel is not None
    qtbot.waitUntil(lambda: panel.current_order() is not None, timeout=WAIT_MS)
    qtbot.wait(200)
    _save_screenshot(window.grab().toImage(), "main_fr_CA.png", tmp_path)
    # The order's details fit the panel's width: no sideways scrolling to read French.
    content = panel.scroll_area.widget()
    assert content is not None
    assert content.minimumSizeHint().width() <= panel.scroll_area.viewport().width()
    # Progress words come from the services layer in English; the list shows them in French.
    assert window.environment_label.text() == "Bac à sable (intégré)"
    progress = {model.index(n, COL_PROGRESS).data() for n in range(model.rowCount())}
    assert "Résultats prêts" in progress
    assert "Results ready" not in progress
    # No toolbar button pushed into the overflow menu by a longer French text.
    for action in window.toolbar.actions():
        if action.isVisible() and not action.isSeparator():
            button = window.toolbar.widgetForAction(action)
            assert button is not None
            assert button.isVisible(), action.text()


def test_order_form_in_french_screenshot(
    qtbot: QtBot, french: list[QTranslator], tmp_path: Path
) -> None:
    dialog = NewOrderDialog(FakeSession(), InlineTaskRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    form = dialog.form
    for path, text in {
        "first_name": "", "last_name": "12345", "email": "alice.example.com",
        "phone": "415-555-012", "address.street1": "", "address.city": "",
        "address.zip": "9410",
    }.items():  # fmt: skip
        type_into(qtbot, form, path, text)
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    body = form.findChild(QScrollArea)
    assert body is not None
    qtbot.wait(50)
    inner = body.widget()
    assert inner is not None
    height = inner.sizeHint().height() + dialog.height() - body.height() + 8
    dialog.resize(720, max(height, 640))
    qtbot.wait(50)
    _save_screenshot(dialog.grab().toImage(), "order_fr_CA.png", tmp_path)
    assert dialog.windowTitle() == "Nouvelle commande"
    assert form.status_text() == (
        "Corrigez les 9 problèmes indiqués ci-dessus avant de passer la commande.")
    assert form.problem_count.text() == "9 problèmes à corriger"
    # Validation messages (plain Python, English inside) are shown in French.
    # (A message longer than its line ends in "…" on screen; the whole text is its tooltip.)
    assert form.fields.message_text("email") == (
        "Une adresse courriel doit contenir un @, comme nom@exemple.com")
    assert form.fields.messages["email"].label.toolTip() == form.fields.message_text("email")
    assert form.fields.message_text("last_name") == "Le nom doit contenir des lettres"
    assert form.fields.message_text("address.zip") == (
        "Entrez un code ZIP comme 12345 ou 12345-6789")
    # Region names: official French names of provinces, Quebec usage for US states.
    type_into(qtbot, form, "address.zip", "10001")
    state = form.fields.editor("address.state")
    assert isinstance(state, QComboBox)
    state.setCurrentIndex(state.findData("CA"))
    assert state.currentText() == "CA – Californie"
    assert form.fields.message_text("address.zip") == (
        "Code ZIP 10001\u00a0: New York (NY), mais l’État choisi est Californie (CA)")
    country = form.fields.editor("address.country")
    assert isinstance(country, QComboBox)
    country.setCurrentIndex(country.findData("CA"))
    assert state.itemText(state.findData("QC")) == "QC – Québec"
    visible = [m for m in form.fields.messages.values() if m.isVisible()]
    for message in visible:  # nothing cut off: each message fits its row
        assert message.label.height() >= message.label.heightForWidth(message.label.width())


@pytest.mark.parametrize(
    ("languages", "language"),
    [
        # Windows in English with French (Canada) regional formats: the display language wins.
        (["en-US", "fr-CA"], QLocale.Language.English),
        (["fr-CA", "en-US"], QLocale.Language.French),
        (["de-DE", "fr-FR", "en-US"], QLocale.Language.French),
        (["de-DE", "es-MX"], QLocale.Language.English),
        ([], QLocale.Language.English),
    ],
)
def test_ui_language_follows_display_languages_not_formats(
    languages: list[str], language: QLocale.Language
) -> None:
    assert ui_locale(languages).language() == language

