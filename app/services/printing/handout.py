"""The patient hand-out's content: who, which kit, which ids, and its words in English or French.

Plain words, short sentences (about an 8th-grade reading level), large type is the painter's
job. The QR code carries only the clinic's configured web address: never a token, an id or a
name.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from app.services.printing.settings import PrintSettings

__all__ = [
    "Handout",
    "HandoutKit",
    "HandoutLanguage",
    "HandoutStep",
    "HandoutText",
    "friendly_kit_name",
    "handout_text",
]


class HandoutLanguage(StrEnum):
    ENGLISH = "en"
    FRENCH = "fr"

    @property
    def label(self) -> str:
        return "English" if self is HandoutLanguage.ENGLISH else "Français"


@dataclass(frozen=True)
class HandoutKit:
    kit_type: str  # Spot's kit type code, e.g. "adx100"
    kit_id: str | None = None  # None until a kit is assigned to the order


@dataclass(frozen=True)
class Handout:
    """What the desk knows about this patient's kit(s). ``handed_over`` is True when the kit
    was registered at the counter (the patient leaves with it), False when it is mailed."""

    patient_name: str
    order_id: str | None
    kits: tuple[HandoutKit, ...]
    handed_over: bool = False

    @property
    def object_ids(self) -> tuple[str, ...]:
        ids = [self.order_id] if self.order_id else []
        ids += [kit.kit_id for kit in self.kits if kit.kit_id]
        return tuple(ids)


@dataclass(frozen=True)
class HandoutStep:
    title: str
    body: str


@dataclass(frozen=True)
class HandoutText:
    """Every sentence on the page, already in the chosen language."""

    title: str
    for_patient: str
    kit_heading: str
    kit_lines: tuple[str, ...]
    ids_heading: str
    order_label: str
    kit_label: str
    ids_note: str
    next_heading: str
    steps: tuple[HandoutStep, ...]
    tips_heading: str
    tips: tuple[str, ...]
    qr_caption: str
    call_line: str


_BLOOD_CARD = {
    HandoutLanguage.ENGLISH: "Blood spot card (a few drops of blood from a finger)",
    HandoutLanguage.FRENCH: "Carte de gouttes de sang (quelques gouttes prises au doigt)",
}
# Friendly words by kit type; an unknown type falls back to the catalog's name, then the code.
_FRIENDLY: dict[str, dict[HandoutLanguage, str]] = {
    "adx100": _BLOOD_CARD,
    "whatman903_10": _BLOOD_CARD,
    "hemaspot_hf": {
        HandoutLanguage.ENGLISH: "Blood collection device (a few drops of blood from a finger)",
        HandoutLanguage.FRENCH: "Dispositif de prélèvement de sang (quelques gouttes au doigt)",
    },
    "saliva_3": {
        HandoutLanguage.ENGLISH: "Saliva tube (you spit into a small tube)",
        HandoutLanguage.FRENCH: "Tube de salive (vous crachez dans un petit tube)",
    },
    "dry_transport_swab": {
        HandoutLanguage.ENGLISH: "Swab (you rub a soft swab as shown in the kit)",
        HandoutLanguage.FRENCH: "Écouvillon (vous frottez un coton-tige comme dans la trousse)",
    },
}


def friendly_kit_name(
    kit_type: str, language: HandoutLanguage, catalog: Mapping[str, str] | None = None
) -> str:
    words = _FRIENDLY.get(kit_type)
    if words:
        return words[language]
    if catalog and catalog.get(kit_type):
        return catalog[kit_type]
    return kit_type


def handout_text(
    handout: Handout,
    settings: PrintSettings,
    language: HandoutLanguage,
    catalog: Mapping[str, str] | None = None,
) -> HandoutText:
    kit_lines = tuple(
        dict.fromkeys(friendly_kit_name(kit.kit_type, language, catalog) for kit in handout.kits)
    )
    phone = settings.clinic_phone.strip()
    clinic = settings.clinic_name.strip()
    if language is HandoutLanguage.FRENCH:
        return _french(handout, kit_lines, clinic, phone)
    return _english(handout, kit_lines, clinic, phone)


def _english(handout: Handout, kit_lines: tuple[str, ...], clinic: str, phone: str) -> HandoutText:
    first = (
        HandoutStep("Take your kit home", "You got your kit today. Keep this paper with it.")
        if handout.handed_over
        else HandoutStep(
            "Get your kit in the mail",
            "We mail the kit to your home. Watch for it in the next few days.",
        )
    )
    caller = clinic or "your clinic"
    return HandoutText(
        title="Your at-home test kit",
        for_patient=f"For: {handout.patient_name}",
        kit_heading="Your kit" if len(kit_lines) < 2 else "Your kits",
        kit_lines=kit_lines,
        ids_heading="Your numbers",
        order_label="Order number",
        kit_label="Kit number",
        ids_note="Have these numbers ready when you call us.",
        next_heading="What happens next",
        steps=(
            first,
            HandoutStep(
                "Collect your sample",
                "Read the paper in the kit first. Then follow each step in order.",
            ),
            HandoutStep(
                "Send it back",
                "Put the sample in the return bag and seal it. Mail it the same day.",
            ),
            HandoutStep(
                "Get your results",
                f"The lab tests your sample. {caller[0].upper() + caller[1:]} will contact you "
                "with your results.",
            ),
        ),
        tips_heading="Tips for collecting",
        tips=(
            "Write the date and time you collected the sample on the kit label.",
            "Wash your hands with warm water and dry them well first.",
            "Mail it back from Monday to Thursday, so it does not wait in the mail "
            "over the weekend.",
            "Keep the kit at room temperature. Do not put it in the fridge or freezer.",
        ),
        qr_caption="Scan with your phone camera to register your kit and see how to use it.",
        call_line=f"Questions? Call us at {phone}." if phone else "Questions? Call your clinic.",
    )


def _french(handout: Handout, kit_lines: tuple[str, ...], clinic: str, phone: str) -> HandoutText:
    first = (
        HandoutStep(
            "Rapportez la trousse chez vous",
            "Vous avez reçu votre trousse aujourd’hui. Gardez cette feuille avec elle.",
        )
        if handout.handed_over
        else HandoutStep(
            "Recevez la trousse par la poste",
            "Nous envoyons la trousse chez vous. Surveillez votre courrier ces prochains jours.",
        )
    )
    caller = clinic or "votre clinique"
    return HandoutText(
        title="Votre trousse de test à domicile",
        for_patient=f"Pour\u00a0: {handout.patient_name}",
        kit_heading="Votre trousse" if len(kit_lines) < 2 else "Vos trousses",
        kit_lines=kit_lines,
        ids_heading="Vos numéros",
        order_label="Numéro de commande",
        kit_label="Numéro de trousse",
        ids_note="Ayez ces numéros en main quand vous nous appelez.",
        next_heading="Les prochaines étapes",
        steps=(
            first,
            HandoutStep(
                "Faites le prélèvement",
                "Lisez d’abord la feuille dans la trousse. "
                "Suivez ensuite chaque étape dans l’ordre.",
            ),
            HandoutStep(
                "Renvoyez l’échantillon",
                "Mettez l’échantillon dans le sac de retour et fermez-le. Postez-le le jour même.",
            ),
            HandoutStep(
                "Recevez vos résultats",
                f"Le laboratoire analyse votre échantillon. {caller[0].upper() + caller[1:]} "
                "vous contactera avec vos résultats.",
            ),
        ),
        tips_heading="Conseils pour le prélèvement",
        tips=(
            "Écrivez la date et l’heure du prélèvement sur l’étiquette de la trousse.",
            "Lavez-vous les mains à l’eau tiède et séchez-les bien avant de commencer.",
            "Postez la trousse du lundi au jeudi, pour qu’elle n’attende pas à la poste "
            "pendant la fin de semaine.",
            "Gardez la trousse à la température de la pièce. Ne la mettez pas au frigo "
            "ni au congélateur.",
        ),
        qr_caption="Scannez avec votre téléphone pour enregistrer "
        "votre trousse et voir comment l’utiliser.",
        call_line=f"Des questions? Appelez-nous au {phone}."
        if phone
        else "Des questions? Appelez votre clinique.",
    )
