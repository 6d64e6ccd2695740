"""The sandbox account's configuration: kit types, panels, biomarkers and fake people.

Everything here is invented for the sandbox; the people are obviously fake (no real names,
``@example.com`` emails, 555-01xx phone numbers).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class KitType:
    kit_type: str
    sample_type: str
    panels: tuple[str, ...]
    activation: bool  # whether the v3 activation API accepts this kit type


@dataclass(frozen=True)
class Biomarker:
    name: str
    result_type: str  # "quantity" or "reactivity"
    unit: str | None = None
    low: float | None = None
    high: float | None = None
    mean: float = 0.0
    sd: float = 0.0
    decimals: int = 0
    detection_limit: float | None = None  # values below are reported as "<limit"


KIT_TYPES: dict[str, KitType] = {
    kit.kit_type: kit
    for kit in (
        KitType("health_kit_1", "adx100", ("PANEL-123",), True),
        KitType("example_lipid_kit", "whatman903_10", ("lipids_panel_complete",), True),
        KitType("std_panel_kit", "dry_transport_swab", ("sti_panel",), False),
        KitType("vitamin_d_kit", "hemaspot_hf", ("vitamin_d_panel",), True),
        KitType("hba1c_kit", "adx100_2", ("hba1c_panel",), True),
        KitType("cortisol_kit", "saliva_3", ("cortisol_panel",), True),
        KitType("wellness_plus_kit", "adx100_4", ("lipids_panel_complete", "hba1c_panel"), True),
    )
}

_CHOL = Biomarker("Total Cholesterol", "quantity", "mg/dL", 100, 199, 185, 35)
_HDL = Biomarker("HDL Cholesterol", "quantity", "mg/dL", 40, 100, 55, 14)
_LDL = Biomarker("LDL Cholesterol", "quantity", "mg/dL", 0, 99, 105, 30)
_TRIG = Biomarker("Triglycerides", "quantity", "mg/dL", 0, 149, 120, 55)
_NONHDL = Biomarker("Non-HDL Cholesterol", "quantity", "mg/dL", 0, 129, 130, 32)
_LPA = Biomarker(
    "Lipoprotein(a)", "quantity", "nmol/L", 0, 75, 30, 35, detection_limit=10
)
_HBA1C = Biomarker("Hemoglobin A1c", "quantity", "%", 4.0, 5.6, 5.5, 0.6, decimals=1)
_EAG = Biomarker("Estimated Average Glucose", "quantity", "mg/dL", 68, 114, 111, 17)
_B12 = Biomarker(
    "Vitamin B12", "quantity", "pg/mL", 200, 900, 450, 200, detection_limit=150
)
_TSH = Biomarker("TSH", "quantity", "mIU/L", 0.45, 4.5, 2.0, 1.1, decimals=2)
_VITD = Biomarker("25-Hydroxy Vitamin D", "quantity", "ng/mL", 30, 100, 32, 12, decimals=1)
_CORT = Biomarker("Cortisol (AM, saliva)", "quantity", "nmol/L", 3.6, 24.0, 12, 6, decimals=1)
_DHEA = Biomarker("DHEA (saliva)", "quantity", "pg/mL", 106, 300, 190, 70)

PANELS: dict[str, tuple[Biomarker, ...]] = {
    "PANEL-123": (_CHOL, _HDL, _LDL, _TRIG, _HBA1C, _B12, _TSH, _LPA),
    "lipids_panel_complete": (_CHOL, _HDL, _LDL, _TRIG, _NONHDL, _LPA),
    "sti_panel": (
        Biomarker("Chlamydia", "reactivity"),
        Biomarker("Gonorrhea", "reactivity"),
        Biomarker("Trichomonas", "reactivity"),
    ),
    "vitamin_d_panel": (_VITD,),
    "hba1c_panel": (_HBA1C, _EAG),
    "cortisol_panel": (_CORT, _DHEA),
}

LABS = ("CRL", "Sandbox Reference Lab")

# Requisitions collected in these states are denied by the exclusion check (inferred rule:
# states that restrict direct-to-consumer lab testing).
EXCLUDED_STATES = frozenset({"NY", "NJ", "RI"})
MINIMUM_AGE = 18

US_STATES = frozenset((
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN",
    "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH",
    "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT",
    "VT", "VA", "WA", "WV", "WI", "WY", "PR",
))
CA_PROVINCES = frozenset((
    "AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT",
))

FIRST_NAMES = (
    "Testy", "Sandy", "Demo", "Mocky", "Fauxna", "Dummy", "Exemplar", "Placido", "Trialle",
    "Sampla",
)
LAST_NAMES = (
    "McTestface", "Sandboxer", "Fakerson", "Mockingbird", "Dummyworth", "Testington",
    "Placeholder", "Notreal", "Examplesson", "Specimen",
)
STREETS = ("Sandbox Ave", "Test Street", "Example Blvd", "Fixture Lane", "Mock Road")


@dataclass(frozen=True)
class Place:
    country: str
    state: str
    city: str
    postal_prefix: str  # US: first 3 ZIP digits; CA: forward sortation area
    area_code: str


PLACES: tuple[Place, ...] = (
    Place("US", "CA", "San Francisco", "941", "415"),
    Place("US", "NY", "New York", "100", "212"),
    Place("US", "TX", "Austin", "787", "512"),
    Place("US", "IL", "Chicago", "606", "312"),
    Place("US", "WA", "Seattle", "981", "206"),
    Place("US", "FL", "Miami", "331", "305"),
    Place("US", "MA", "Boston", "021", "617"),
    Place("US", "CO", "Denver", "802", "303"),
    Place("US", "OH", "Columbus", "432", "614"),
    Place("US", "GA", "Atlanta", "303", "404"),
    Place("CA", "ON", "Toronto", "M5V", "416"),
    Place("CA", "BC", "Vancouver", "V6B", "604"),
    Place("CA", "QC", "Montreal", "H2X", "514"),
    Place("CA", "AB", "Calgary", "T2P", "403"),
)
