"""US and Canadian region tables (USPS Pub 28 Appendix B, Canada Post), as of 2026-11.

Facts and sources: ../shared/ADDRESS-RULES.md (c.1, c.3, c.4, c.6).
"""

from __future__ import annotations

import unicodedata
from types import MappingProxyType
from typing import Final, Literal

RegionKind = Literal["state", "district", "territory", "freely_associated", "military"]

DATA_AS_OF: Final = "2026-11"

_STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa",
    "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland",
    "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi",
    "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire",
    "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina",
    "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee",
    "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
}  # fmt: skip
_OTHER_US: dict[str, tuple[str, RegionKind]] = {
    "DC": ("District of Columbia", "district"),
    "PR": ("Puerto Rico", "territory"),
    "VI": ("U.S. Virgin Islands", "territory"),
    "GU": ("Guam", "territory"),
    "AS": ("American Samoa", "territory"),
    "MP": ("Northern Mariana Islands", "territory"),
    "FM": ("Federated States of Micronesia", "freely_associated"),
    "MH": ("Marshall Islands", "freely_associated"),
    "PW": ("Palau", "freely_associated"),
    "AA": ("Armed Forces Americas", "military"),
    "AE": ("Armed Forces Europe", "military"),
    "AP": ("Armed Forces Pacific", "military"),
}

#: USPS code → name, in combo-box order: states, then DC, territories, freely associated, military.
US_STATES: Final = MappingProxyType(
    dict(sorted(_STATES.items(), key=lambda kv: kv[1]))
    | {code: name for code, (name, _) in _OTHER_US.items()}
)
#: USPS code → kind, so the form can group or mark the entries that are not states.
_STATE_KIND: RegionKind = "state"
US_REGION_KINDS: Final[MappingProxyType[str, RegionKind]] = MappingProxyType(
    dict.fromkeys(_STATES, _STATE_KIND) | {code: kind for code, (_, kind) in _OTHER_US.items()}
)
MILITARY_STATES: Final = frozenset({"AA", "AE", "AP"})
MILITARY_CITIES: Final = frozenset({"APO", "FPO", "DPO"})

_PROVINCES = {
    "AB": "Alberta", "BC": "British Columbia", "MB": "Manitoba", "NB": "New Brunswick",
    "NL": "Newfoundland and Labrador", "NS": "Nova Scotia", "NT": "Northwest Territories",
    "NU": "Nunavut", "ON": "Ontario", "PE": "Prince Edward Island", "QC": "Quebec",
    "SK": "Saskatchewan", "YT": "Yukon",
}  # fmt: skip
#: Canada Post symbol → name.
CA_PROVINCES: Final = MappingProxyType(_PROVINCES)

# ZIP3 ranges per USPS code (inclusive), ADDRESS-RULES.md c.3.
ZIP3_BY_STATE: Final[MappingProxyType[str, tuple[tuple[int, int], ...]]] = MappingProxyType(
    {
        "AA": ((340, 340),),
        "AE": ((90, 99),),
        "AK": ((995, 999),),
        "AL": ((350, 352), (354, 369)),
        "AP": ((962, 966),),
        "AR": ((716, 729),),
        "AS": ((967, 967),),
        "AZ": ((850, 853), (855, 857), (859, 860), (863, 865)),
        "CA": ((900, 908), (910, 928), (930, 961)),
        "CO": ((800, 816),),
        "CT": ((60, 69),),
        "DC": ((200, 200), (202, 205), (569, 569), (888, 888)),
        "DE": ((197, 199),),
        "FL": ((320, 339), (341, 342), (344, 344), (346, 347), (349, 349)),
        "FM": ((969, 969),),
        "GA": ((300, 319), (398, 399)),
        "GU": ((969, 969),),
        "HI": ((967, 968),),
        "IA": ((500, 516), (520, 528)),
        "ID": ((832, 838),),
        "IL": ((600, 620), (622, 629)),
        "IN": ((460, 479),),
        "KS": ((660, 662), (664, 679)),
        "KY": ((400, 418), (420, 427)),
        "LA": ((700, 701), (703, 708), (710, 714)),
        "MA": ((10, 27), (55, 55)),
        "MD": ((205, 212), (214, 219)),
        "ME": ((39, 49),),
        "MH": ((969, 969),),
        "MI": ((480, 499),),
        "MN": ((550, 551), (553, 567)),
        "MO": ((630, 631), (633, 641), (644, 658), (726, 726)),
        "MP": ((969, 969),),
        "MS": ((386, 397),),
        "MT": ((590, 599),),
        "NC": ((270, 289),),
        "ND": ((580, 588),),
        "NE": ((680, 681), (683, 693)),
        "NH": ((30, 38),),
        "NJ": ((70, 89),),
        "NM": ((870, 871), (873, 884)),
        "NV": ((889, 891), (893, 895), (897, 898)),
        "NY": ((5, 5), (63, 63), (100, 149)),
        "OH": ((430, 459),),
        "OK": ((730, 731), (734, 741), (743, 749)),
        "OR": ((970, 979),),
        "PA": ((150, 196),),
        "PR": ((6, 7), (9, 9)),
        "PW": ((969, 969),),
        "RI": ((28, 29),),
        "SC": ((290, 299),),
        "SD": ((570, 577),),
        "TN": ((370, 385),),
        "TX": ((733, 733), (739, 739), (750, 770), (772, 799), (885, 885)),
        "UT": ((840, 847),),
        "VA": ((201, 201), (205, 205), (220, 246)),
        "VI": ((8, 8),),
        "VT": ((50, 54), (56, 59)),
        "WA": ((980, 986), (988, 994)),
        "WI": ((530, 532), (534, 535), (537, 549)),
        "WV": ((247, 268),),
        "WY": ((820, 831), (834, 834)),
    }
)

# Where a state shares a prefix with another only through some 5-digit ZIPs (c.3 "shared
# prefixes"), (state, prefix) → the ZIP5 ranges it really owns. HI owns 967 except 96799 (AS).
_ZIP5_LIMITS: Final[dict[tuple[str, int], tuple[tuple[int, int], ...]]] = {
    ("NY", 63): ((6390, 6390),),
    ("MD", 205): ((20588, 20588),),
    ("VA", 205): ((20598, 20598),),
    ("MO", 726): ((72643, 72643),),
    ("TX", 739): ((73960, 73960),),
    ("WY", 834): ((83414, 83414),),
    ("AS", 967): ((96799, 96799),),
    ("HI", 967): ((96700, 96798),),
    ("GU", 969): ((96910, 96932),),
    ("PW", 969): ((96939, 96940),),
    ("FM", 969): ((96941, 96944),),
    ("MP", 969): ((96950, 96952),),
    ("MH", 969): ((96960, 96979),),
}


def _build_zip3_index() -> dict[int, tuple[str, ...]]:
    index: dict[int, list[str]] = {}
    for state, ranges in ZIP3_BY_STATE.items():
        for low, high in ranges:
            for prefix in range(low, high + 1):
                index.setdefault(prefix, []).append(state)
    return {prefix: tuple(sorted(states)) for prefix, states in index.items()}


_ZIP3_INDEX: Final = _build_zip3_index()


def states_for_zip(zip5: str) -> tuple[str, ...]:
    """USPS codes a 5-digit ZIP belongs to; empty when no ZIP in use starts that way."""
    if len(zip5) != 5 or not zip5.isascii() or not zip5.isdigit():
        return ()
    prefix, number = int(zip5[:3]), int(zip5)
    owners = []
    for state in _ZIP3_INDEX.get(prefix, ()):
        limits = _ZIP5_LIMITS.get((state, prefix))
        if limits is None or any(low <= number <= high for low, high in limits):
            owners.append(state)
    return tuple(owners)


# Canadian FSA first letter → provinces (c.6); whole-FSA exceptions are checked first.
_PROVINCES_BY_FSA: Final = {
    "K1A": ("ON", "QC"),
    "R8A": ("MB", "SK"),
    "X0A": ("NU",),
    "X0B": ("NU",),
    "X0C": ("NU",),
    "X0E": ("NT",),
    "X0G": ("NT",),
    "X1A": ("NT",),
}
_PROVINCES_BY_LETTER: Final = {
    "A": ("NL",), "B": ("NS",), "C": ("PE",), "E": ("NB",), "G": ("QC",), "H": ("QC",),
    "J": ("QC",), "K": ("ON",), "L": ("ON",), "M": ("ON",), "N": ("ON",), "P": ("ON",),
    "R": ("MB",), "S": ("SK",), "T": ("AB",), "V": ("BC",), "X": ("NT", "NU"), "Y": ("YT",),
}  # fmt: skip


def provinces_for_postal_code(postal_code: str) -> tuple[str, ...]:
    """Province codes a postal code (normalized, ``A1A 1A1``) can belong to."""
    fsa = postal_code[:3]
    return _PROVINCES_BY_FSA.get(fsa) or _PROVINCES_BY_LETTER.get(fsa[:1], ())


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


_US_BY_NAME: Final = {_fold(name): code for code, name in US_STATES.items()}
_CA_BY_NAME: Final = {_fold(name): code for code, name in CA_PROVINCES.items()}


def region_code(text: str, country: str) -> str | None:
    """The code for a state/province typed as a code or a full name ("québec" → "QC")."""
    upper = text.strip().upper().rstrip(".")
    table, by_name = (CA_PROVINCES, _CA_BY_NAME) if country == "CA" else (US_STATES, _US_BY_NAME)
    if upper in table:
        return upper
    return by_name.get(_fold(" ".join(text.split())))
