"""The hand-out as a PDF: its words in each language, its codes scanned back, one page."""

from __future__ import annotations

from pathlib import Path

import pytest
import zxingcpp
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from pytestqt.qtbot import QtBot

from app.services.printing.handout import Handout, HandoutKit, HandoutLanguage
from app.services.printing.settings import PrintSettings
from app.views.printing.handout_page import Paper, handout_pdf

URL = "https://clinic.example/kits"
SETTINGS = PrintSettings(
    clinic_name="Maple Street Family Clinic", clinic_phone="(555) 010-0199", info_url=URL
)
HANDOUT = Handout(
    "Testy Example",
    "ORD-7F3K2",
    (HandoutKit("adx100", "KIT-0012AB"), HandoutKit("saliva_3", "KIT-0013CD")),
)


class RenderedPdf:
    def __init__(self, data: bytes, folder: Path) -> None:
        path = folder / "handout.pdf"
        path.write_bytes(data)
        self.document = QPdfDocument()
        assert self.document.load(str(path)) == QPdfDocument.Error.None_
        self.pages = self.document.pageCount()
        self.text = " ".join(self.document.getAllText(0).text().split())
        self.points = self.document.pagePointSize(0)

    def scan(self, dpi: int = 300) -> list[str]:
        size = QSize(round(self.points.width() * dpi / 72), round(self.points.height() * dpi / 72))
        page = QImage(size, QImage.Format.Format_RGB32)
        page.fill("white")  # QtPdf renders onto transparency
        painter = QPainter(page)
        painter.drawImage(0, 0, self.document.render(0, size))
        painter.end()
        return [code.text for code in zxingcpp.read_barcodes(page)]


def _render(
    qtbot: QtBot, tmp_path: Path, language: HandoutLanguage, **kwargs: object
) -> RenderedPdf:
    handout = kwargs.pop("handout", HANDOUT)
    settings = kwargs.pop("settings", SETTINGS)
    paper = kwargs.pop("paper", Paper.LETTER)
    assert isinstance(handout, Handout)
    assert isinstance(settings, PrintSettings)
    assert isinstance(paper, Paper)
    return RenderedPdf(handout_pdf(handout, settings, language, paper), tmp_path)


@pytest.mark.parametrize(
    ("language", "phrases"),
    [
        (
            HandoutLanguage.ENGLISH,
            [
                "Your at-home test kit",
                "For: Testy Example",
                "Blood spot card (a few drops of blood from a finger)",
                "Saliva tube (you spit into a small tube)",
                "Order number ORD-7F3K2",
                "Kit number KIT-0012AB",
                "What happens next",
                "Get your kit in the mail",
                "Send it back",
                "Get your results",
                "Write the date and time you collected the sample",
                "Questions? Call us at (555) 010-0199.",
            ],
        ),
        (
            HandoutLanguage.FRENCH,
            [
                "Votre trousse de test à domicile",
                "Pour : Testy Example",
                "Carte de gouttes de sang",
                "Tube de salive",
                "Numéro de commande ORD-7F3K2",
                "Numéro de trousse KIT-0013CD",
                "Les prochaines étapes",
                "Renvoyez l’échantillon",
                "Écrivez la date et l’heure du prélèvement",
                "Des questions? Appelez-nous au (555) 010-0199.",
            ],
        ),
    ],
)
def test_handout_says_what_the_patient_needs_in_their_language(
    qtbot: QtBot, tmp_path: Path, language: HandoutLanguage, phrases: list[str]
) -> None:
    pdf = _render(qtbot, tmp_path, language)
    assert pdf.pages == 1
    assert "Maple Street Family Clinic" in pdf.text
    for phrase in phrases:
        assert phrase in pdf.text
    other = "Your at-home" if language is HandoutLanguage.FRENCH else "Votre trousse"
    assert other not in pdf.text


@pytest.mark.parametrize("language", list(HandoutLanguage))
def test_qr_and_barcodes_scan_back_to_the_url_and_ids(
    qtbot: QtBot, tmp_path: Path, language: HandoutLanguage
) -> None:
    codes = _render(qtbot, tmp_path, language).scan()
    # The QR holds the clinic's page and nothing else: no token, no name, no id.
    assert sorted(codes) == sorted([URL, "ORD-7F3K2", "KIT-0012AB", "KIT-0013CD"])


def test_no_configured_page_means_no_qr(qtbot: QtBot, tmp_path: Path) -> None:
    settings = PrintSettings(clinic_name="Maple Street Family Clinic")
    pdf = _render(qtbot, tmp_path, HandoutLanguage.ENGLISH, settings=settings)
    assert URL not in pdf.scan()
    assert "Scan with your phone" not in pdf.text
    assert "Questions? Call your clinic." in pdf.text


@pytest.mark.parametrize(("paper", "points"), [(Paper.LETTER, (612, 792)), (Paper.A4, (595, 842))])
def test_letter_and_a4(qtbot: QtBot, tmp_path: Path, paper: Paper, points: tuple[int, int]) -> None:
    pdf = _render(qtbot, tmp_path, HandoutLanguage.ENGLISH, paper=paper)
    assert (round(pdf.points.width()), round(pdf.points.height())) == points
    assert pdf.pages == 1


def test_many_kits_still_fit_on_one_page_with_every_id(qtbot: QtBot, tmp_path: Path) -> None:
    kits = tuple(HandoutKit("adx100", f"KIT-00{n:02d}XY") for n in range(6))
    handout = Handout("Testy Example", "ORD-7F3K2", kits)
    pdf = _render(qtbot, tmp_path, HandoutLanguage.FRENCH, handout=handout, paper=Paper.A4)
    assert pdf.pages == 1
    for kit in kits:
        assert f"Numéro de trousse {kit.kit_id}" in pdf.text
    assert "Des questions?" in pdf.text  # the bottom line was not pushed off the page


def test_kit_handed_over_at_the_desk_skips_the_mail_step(qtbot: QtBot, tmp_path: Path) -> None:
    handout = Handout("Testy Example", None, (HandoutKit("saliva_3", "KIT-0012AB"),), True)
    pdf = _render(qtbot, tmp_path, HandoutLanguage.ENGLISH, handout=handout)
    assert "Take your kit home" in pdf.text
    assert "Get your kit in the mail" not in pdf.text
    assert "Order number" not in pdf.text


def test_pdf_metadata_names_no_patient(qtbot: QtBot, tmp_path: Path) -> None:
    pdf = _render(qtbot, tmp_path, HandoutLanguage.ENGLISH)
    title = pdf.document.metaData(QPdfDocument.MetaDataField.Title)
    assert title == "Spot kit hand-out"
