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
    words = _WORDS[language]
    phone = settings.clinic_phone.strip()
    caller = settings.clinic_name.strip() or words.your_clinic
    return HandoutText(
        title=words.title,
        for_patient=words.for_patient.format(name=handout.patient_name),
        kit_heading=words.kit_one if len(kit_lines) < 2 else words.kit_many,
        kit_lines=kit_lines,
        ids_heading=words.ids_heading,
        order_label=words.order_label,
        kit_label=words.kit_label,
        ids_note=words.ids_note,
        next_heading=words.next_heading,
        steps=(
            words.handed_over if handout.handed_over else words.mailed,
            words.collect,
            words.send_back,
            HandoutStep(words.results.title,
                        words.results.body.format(clinic=caller[:1].upper() + caller[1:])),
        ),
        tips_heading=words.tips_heading,
        tips=words.tips,
        qr_caption=words.qr_caption,
        call_line=words.call.format(phone=phone) if phone else words.call_clinic,
    )


@dataclass(frozen=True)
class _Words:
    """One language's sentences; ``{name}``, ``{clinic}`` and ``{phone}`` are filled in."""

    title: str
    for_patient: str
    kit_one: str
    kit_many: str
    ids_heading: str
    order_label: str
    kit_label: str
    ids_note: str
    next_heading: str
    mailed: HandoutStep
    handed_over: HandoutStep
    collect: HandoutStep
    send_back: HandoutStep
    results: HandoutStep
    tips_heading: str
    tips: tuple[str, ...]
    qr_caption: str
    call: str
    call_clinic: str
    your_clinic: str


_WORDS = {
    HandoutLanguage.ENGLISH: _Words(
        title="Your at-home test kit",
        for_patient="For: {name}",
        kit_one="Your kit",
        kit_many="Your kits",
        ids_heading="Your numbers",
        order_label="Order number",
        kit_label="Kit number",
        ids_note="Have these numbers ready when you call us.",
        next_heading="What happens next",
        mailed=HandoutStep(
            "Get your kit in the mail",
            "We mail the kit to your home. Watch for it in the next few days.",
        ),
        handed_over=HandoutStep(
            "Take your kit home", "You got your kit today. Keep this paper with it."
        ),
        collect=HandoutStep(
            "Collect your sample",
            "Read the paper in the kit first. Then follow each step in order.",
        ),
        send_back=HandoutStep(
            "Send it back",
            "Put the sample in the return bag and seal it. Mail it the same day.",
        ),
        results=HandoutStep(
            "Get your results",
            "The lab tests your sample. {clinic} will contact you with your results.",
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
        call="Questions? Call us at {phone}.",
        call_clinic="Questions? Call your clinic.",
        your_clinic="your clinic",
    ),
    # French (Canada): OQLF terms (trousse, prélèvement, échantillon), typographic
    # apostrophes and a no-break space before the colon, as in the app's own French.
    HandoutLanguage.FRENCH: _Words(
        title="Votre trousse de test à domicile",
        for_patient="Pour\u00a0: {name}",
        kit_one="Votre trousse",
        kit_many="Vos trousses",
        ids_heading="Vos numéros",
        order_label="Numéro de commande",
        kit_label="Numéro de trousse",
        ids_note="Ayez ces numéros en main quand vous nous appelez.",
        next_heading="Les prochaines étapes",
        mailed=HandoutStep(
            "Recevez la trousse par la poste",
            "Nous envoyons la trousse chez vous. Surveillez votre courrier ces prochains jours.",
        ),
        handed_over=HandoutStep(
            "Rapportez la trousse chez vous",
            "Vous avez reçu votre trousse aujourd’hui. Gardez cette feuille avec elle.",
        ),
        collect=HandoutStep(
            "Faites le prélèvement",
            "Lisez d’abord la feuille dans la trousse. Suivez ensuite chaque étape dans l’ordre.",
        ),
        send_back=HandoutStep(
            "Renvoyez l’échantillon",
            "Mettez l’échantillon dans le sac de retour et fermez-le. Postez-le le jour même.",
        ),
        results=HandoutStep(
            "Recevez vos résultats",
            "Le laboratoire analyse votre échantillon. {clinic} vous contactera avec vos "
            "résultats.",
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
        qr_caption="Scannez avec votre téléphone pour enregistrer votre trousse et voir "
        "comment l’utiliser.",
        call="Des questions? Appelez-nous au {phone}.",
        call_clinic="Des questions? Appelez votre clinique.",
        your_clinic="votre clinique",
    ),
}
