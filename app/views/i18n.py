"""Choose the UI language from the system locale and install the matching translations.

The app's own strings come from resources/translations/spot-front-desk_<locale>.qm (Qt Linguist:
`.ts` sources → `.qm`, see packaging/update_translations.py); Qt's standard dialog texts
(OK, Cancel, file dialogs) come from the qtbase catalogue that PySide6 ships.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.resources import TRANSLATIONS
from app.services import errors
from app.validation import Finding

CATALOGUE = "spot-front-desk"


def install_translations(
    app: QCoreApplication, locale: QLocale | None = None
) -> list[QTranslator]:
    """Install the translators for ``locale`` (default: the system locale); return them.

    English needs no catalogue. A locale we have no translation for falls back to English
    silently: the UI stays usable, just untranslated.
    """
    locale = locale if locale is not None else QLocale.system()
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
        key: QCoreApplication.translate("Validation", value)
        for key, value in finding.params.items()
    }
    try:
        return QCoreApplication.translate("Validation", finding.template).format(**params)
    except (KeyError, IndexError, ValueError):
        return finding.message  # a translation with a broken placeholder: English, not a crash
