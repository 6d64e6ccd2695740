"""Reminder letters: one page per patient, in the patient's language (English or French).

Rendered from HTML through QTextDocument, so the same document goes to a PDF file
(`write_letters_pdf`) or to a printer through the print preview (`preview_letters`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QWidget

from app.services.worklist import WorklistItem

__all__ = ["Clinic", "letter_document", "preview_letters", "write_letters_pdf"]


@dataclass(frozen=True, slots=True)
class Clinic:
    name: str
    phone: str


# The letters' own wording per language (not the UI language: the patient's).
_STEPS: dict[str, list[str]] = {
    "en": [
        "Register the kit online with the kit ID below before you collect your sample.",
        "Follow the instructions in the box to collect your sample.",
        "Seal the sample in the bag provided and put it in the prepaid return envelope.",
        "Drop the envelope in any mailbox or post office the same day.",
    ],
    "fr": [
        "Enregistrez la trousse en ligne avec le numéro ci-dessous avant le prélèvement.",
        "Suivez les instructions de la boîte pour faire le prélèvement.",
        "Scellez l’échantillon dans le sac fourni et mettez-le dans l’enveloppe de retour "
        "prépayée.",
        "Déposez l’enveloppe dans une boîte aux lettres ou un bureau de poste le jour même.",
    ],
}
_TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "dear": "Dear {first} {last},",
        "intro": "We mailed you a sample collection kit and have not received your sample "
                 "yet. Completing it only takes a few minutes, and it matters for your health.",
        "howto_title": "How to collect and return your kit",
        "kit": "Your kit ID: {kit}",
        "help": "Questions, or need a new kit? Call us at {phone}.",
        "thanks": "Thank you,",
    },
    "fr": {
        "dear": "Bonjour {first} {last},",
        "intro": "Nous vous avons envoyé une trousse de prélèvement et nous n’avons pas encore "
                 "reçu votre échantillon. Il suffit de quelques minutes, et c’est important "
                 "pour votre santé.",
        "howto_title": "Comment faire le prélèvement et retourner la trousse",
        "kit": "Numéro de votre trousse : {kit}",
        "help": "Des questions, ou besoin d’une nouvelle trousse? Appelez-nous au {phone}.",
        "thanks": "Merci,",
    },
}


def _letter_html(item: WorklistItem, clinic: Clinic, today: date) -> str:
    language = "fr" if item.language == "fr" else "en"
    texts = _TEXTS[language]
    steps = "".join(f"<li>{escape(step)}</li>" for step in _STEPS[language])
    return (
        f"<p align='right'>{escape(clinic.name)}<br>{escape(clinic.phone)}<br>"
        f"{escape(today.isoformat())}</p>"
        f"<p>{escape(texts['dear'].format(first=item.first_name, last=item.last_name))}</p>"
        f"<p>{escape(texts['intro'])}</p>"
        f"<h3>{escape(texts['howto_title'])}</h3><ol>{steps}</ol>"
        f"<p><b>{escape(texts['kit'].format(kit=item.kit_id))}</b></p>"
        f"<p>{escape(texts['help'].format(phone=clinic.phone))}</p>"
        f"<p>{escape(texts['thanks'])}<br>{escape(clinic.name)}</p>"
    )


def letter_document(items: Sequence[WorklistItem], clinic: Clinic,
                    today: date | None = None) -> QTextDocument:  # fmt: skip
    """All letters in one document, each starting on a new page."""
    day = today or date.today()
    pages = [
        f"<div style='page-break-before: always'>{_letter_html(item, clinic, day)}</div>"
        if index else f"<div>{_letter_html(item, clinic, day)}</div>"
        for index, item in enumerate(items)
    ]
    document = QTextDocument()
    document.setDefaultStyleSheet("body { font-size: 11pt; } h3 { font-size: 12pt; }")
    document.setHtml("<html><body>" + "".join(pages) + "</body></html>")
    return document


def write_letters_pdf(path: Path, items: Sequence[WorklistItem], clinic: Clinic,
                      today: date | None = None) -> None:  # fmt: skip
    """Save the letters as a PDF (Letter size, 2 cm margins)."""
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    writer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout.Unit.Millimeter)
    writer.setTitle("Reminder letters")
    # No page size on the document: print_() lays it out on the writer's page at its DPI.
    letter_document(items, clinic, today).print_(writer)


def preview_letters(parent: QWidget, items: Sequence[WorklistItem], clinic: Clinic) -> None:
    """The print preview (choose a printer or "Save as PDF" there)."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    document = letter_document(items, clinic)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.paintRequested.connect(document.print_)
    dialog.exec()
