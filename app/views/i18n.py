"""Choose the UI language from the user's display languages and install the translations.

The display languages (``QLocale.uiLanguages()``: Windows' "Windows display language", macOS'
preferred languages, LANGUAGE/LC_MESSAGES/LANG on Linux), not the regional format: an
English Windows with French (Canada) number and date formats stays in English.

The app's own strings come from resources/translations/spot-front-desk_<locale>.qm (Qt Linguist:
`.ts` sources → `.qm`, see packaging/update_translations.py); Qt's standard dialog texts
(OK, Cancel, file dialogs) come from the qtbase catalogue that PySide6 ships.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.marks import QT_TRANSLATE_NOOP
from app.resources import TRANSLATIONS
from app.services import errors

if TYPE_CHECKING:
    from app.validation import Finding

CATALOGUE = "spot-front-desk"
SHIPPED_LANGUAGES = (QLocale.Language.English, QLocale.Language.French)


def ui_locale(languages: Sequence[str] | None = None) -> QLocale:
    """The first of the user's display languages that we ship; English if none is.

    ``languages`` are BCP 47 tags, most preferred first (default: the system's
    ``uiLanguages()``).
    """
    tags = QLocale.system().uiLanguages() if languages is None else languages
    for tag in tags:
        locale = QLocale(tag)
        if locale.language() in SHIPPED_LANGUAGES:
            return locale
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def install_translations(
    app: QCoreApplication, locale: QLocale | None = None
) -> list[QTranslator]:
    """Install the translators for ``locale`` (default: ``ui_locale()``); return them.

    English needs no catalogue. Any French locale (fr, fr_FR, fr_BE…) gets our Canadian-French
    catalogue, the only French we ship, rather than English. A locale we have no translation for
    falls back to English silently: the UI stays usable, just untranslated.
    """
    locale = locale if locale is not None else ui_locale()
    if locale.language() == QLocale.Language.French:
        locale = QLocale("fr_CA")
    installed: list[QTranslator] = []
    own = QTranslator(app)
    if own.load(locale, CATALOGUE, "_", str(TRANSLATIONS)):
        app.installTranslator(own)
        installed.append(own)
        qt_base = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_base.load(locale, "qtbase", "_", qt_dir):
            app.installTranslator(qt_base)
            installed.append(qt_base)
        # Error titles and advice are built below the views, without Qt; Qt translates them.
        errors.set_translator(QCoreApplication.translate)
    return installed


def remove_translations(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
    if translators:
        errors.set_translator(None)


def finding_text(finding: Finding) -> str:
    """A validation message in the UI language; one from the server (no template) as sent."""
    if not finding.template:
        return finding.message
    # Params such as "first name" are translated too; codes and numbers have no entry.
    params = {
        key: region_name(QCoreApplication.translate("Validation", value))
        for key, value in finding.params.items()
    }
    try:
        return QCoreApplication.translate("Validation", finding.template).format(**params)
    except (KeyError, IndexError, ValueError):
        return finding.message  # a translation with a broken placeholder: English, not a crash



# Region names come from app.validation in English. Canada's provinces and territories have
# official French names, and Quebec usage gives some US states theirs; lupdate reads these.
_REGION_NAMES = (
    QT_TRANSLATE_NOOP("Regions", "British Columbia"),
    QT_TRANSLATE_NOOP("Regions", "New Brunswick"),
    QT_TRANSLATE_NOOP("Regions", "Newfoundland and Labrador"),
    QT_TRANSLATE_NOOP("Regions", "Nova Scotia"),
    QT_TRANSLATE_NOOP("Regions", "Northwest Territories"),
    QT_TRANSLATE_NOOP("Regions", "Prince Edward Island"),
    QT_TRANSLATE_NOOP("Regions", "Quebec"),
    QT_TRANSLATE_NOOP("Regions", "California"),
    QT_TRANSLATE_NOOP("Regions", "Florida"),
    QT_TRANSLATE_NOOP("Regions", "Georgia"),
    QT_TRANSLATE_NOOP("Regions", "Hawaii"),
    QT_TRANSLATE_NOOP("Regions", "Louisiana"),
    QT_TRANSLATE_NOOP("Regions", "New Mexico"),
    QT_TRANSLATE_NOOP("Regions", "North Carolina"),
    QT_TRANSLATE_NOOP("Regions", "North Dakota"),
    QT_TRANSLATE_NOOP("Regions", "Pennsylvania"),
    QT_TRANSLATE_NOOP("Regions", "South Carolina"),
    QT_TRANSLATE_NOOP("Regions", "South Dakota"),
    QT_TRANSLATE_NOOP("Regions", "Virginia"),
    QT_TRANSLATE_NOOP("Regions", "West Virginia"),
    QT_TRANSLATE_NOOP("Regions", "District of Columbia"),
    QT_TRANSLATE_NOOP("Regions", "Puerto Rico"),
    QT_TRANSLATE_NOOP("Regions", "U.S. Virgin Islands"),
    QT_TRANSLATE_NOOP("Regions", "American Samoa"),
    QT_TRANSLATE_NOOP("Regions", "Northern Mariana Islands"),
    QT_TRANSLATE_NOOP("Regions", "Federated States of Micronesia"),
    QT_TRANSLATE_NOOP("Regions", "Marshall Islands"),
    QT_TRANSLATE_NOOP("Regions", "Palau"),
    QT_TRANSLATE_NOOP("Regions", "Armed Forces Americas"),
    QT_TRANSLATE_NOOP("Regions", "Armed Forces Europe"),
    QT_TRANSLATE_NOOP("Regions", "Armed Forces Pacific"),
)


def region_name(name: str) -> str:
    """A state or province name from app.validation in the UI language (others as they are)."""
    return QCoreApplication.translate("Regions", name)
