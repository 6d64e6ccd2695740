"""Which column of a patient list feeds which recipient field, and remembering it.

Headers are matched by the names people use ("First Name", "E-mail", "ZIP/Postal Code",
"State/Province", "Address Line 1", "Kit Type"…); the mapping staff confirm is remembered per
header set in a JSON file in the data folder (header and field names only: no patient data).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Final

from app.marks import QT_TRANSLATE_NOOP
from app.services.private_db import tighten_permissions

__all__ = ["FIELDS", "FIELD_LABELS", "MappingMemory", "guess_mapping", "header_key"]

# Recipient fields a column can feed, in the order the mapping step lists them.
FIELDS: Final = (
    "first_name", "last_name", "email", "phone", "street1", "street2", "city", "state", "zip",
    "country", "kit_type", "language",
)  # fmt: skip
FIELD_LABELS: Final = {
    "first_name": QT_TRANSLATE_NOOP("Import", "First name"),
    "last_name": QT_TRANSLATE_NOOP("Import", "Last name"),
    "email": QT_TRANSLATE_NOOP("Import", "Email"),
    "phone": QT_TRANSLATE_NOOP("Import", "Phone"),
    "street1": QT_TRANSLATE_NOOP("Import", "Address line 1"),
    "street2": QT_TRANSLATE_NOOP("Import", "Address line 2"),
    "city": QT_TRANSLATE_NOOP("Import", "City"),
    "state": QT_TRANSLATE_NOOP("Import", "State or province"),
    "zip": QT_TRANSLATE_NOOP("Import", "ZIP or postal code"),
    "country": QT_TRANSLATE_NOOP("Import", "Country"),
    "kit_type": QT_TRANSLATE_NOOP("Import", "Kit type"),
    "language": QT_TRANSLATE_NOOP("Import", "Language"),
}
# Header names people use, squeezed by `header_key` (lower case, letters and digits only).
_SYNONYMS: Final[dict[str, tuple[str, ...]]] = {
    "first_name": ("firstname", "first", "givenname", "forename", "patientfirstname",
                   "fname", "prenom"),
    "last_name": ("lastname", "last", "surname", "familyname", "patientlastname", "lname",
                  "nom", "nomdefamille"),
    "email": ("email", "emailaddress", "mail", "patientemail", "courriel", "adressecourriel"),
    "phone": ("phone", "phonenumber", "telephone", "tel", "mobile", "mobilephone", "cell",
              "cellphone", "homephone", "primaryphone", "patientphone", "telephonenumber"),
    "street1": ("addressline1", "address1", "address", "street", "street1", "streetaddress",
                "addr1", "mailingaddress", "adresse", "adresse1"),
    "street2": ("addressline2", "address2", "street2", "addr2", "apt", "suite", "unit",
                "aptsuite", "adresse2"),
    "city": ("city", "town", "ville", "citytown", "municipality"),
    "state": ("state", "stateprovince", "province", "region", "st", "stateprov",
              "provincestate", "provinceterritory"),
    "zip": ("zip", "zipcode", "postalcode", "zippostalcode", "postcode", "postal", "zip5",
            "postalzipcode", "codepostal"),
    "country": ("country", "countrycode", "pays"),
    "kit_type": ("kittype", "kit", "test", "testtype", "kitname", "product", "typedetrousse"),
    "language": ("language", "preferredlanguage", "lang", "langue", "patientlanguage"),
}  # fmt: skip
_HEADER_JUNK: Final = re.compile(r"[^a-z0-9]+")


def header_key(header: str) -> str:
    """ "ZIP/Postal Code" → "zippostalcode": the form two spellings of a header share."""
    return _HEADER_JUNK.sub("", header.lower())


_BY_KEY: Final = {key: name for name, keys in _SYNONYMS.items() for key in keys}


def guess_mapping(headers: Sequence[str]) -> dict[int, str]:
    """Column index → field for the headers we recognise (each field taken once)."""
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    for index, header in enumerate(headers):
        name = _BY_KEY.get(header_key(header))
        if name is not None and name not in taken:
            mapping[index] = name
            taken.add(name)
    return mapping


def header_set_id(headers: Sequence[str]) -> str:
    joined = "\x1f".join(header_key(h) for h in headers)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:32]


class MappingMemory:
    """Mappings staff confirmed, one per header set, in a JSON file in the data folder.

    Holds header names and field names only (never a cell), so it carries no patient data.
    """

    def __init__(self, path: Path) -> None:
        self._path = path

    def _load(self) -> dict[str, dict[str, str]]:
        try:
            with open(self._path, "rb") as handle:
                data = json.loads(handle.read().decode("utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def recall(self, headers: Sequence[str]) -> dict[int, str] | None:
        saved = self._load().get(header_set_id(headers))
        if not isinstance(saved, dict):
            return None
        mapping: dict[int, str] = {}
        for index, name in saved.items():
            if str(index).isdigit() and name in FIELDS and int(index) < len(headers):
                mapping[int(index)] = name
        return mapping

    def mapping_for(self, headers: Sequence[str]) -> dict[int, str]:
        """The remembered mapping for these headers, else the guess from their names."""
        remembered = self.recall(headers)
        return remembered if remembered is not None else guess_mapping(headers)

    def remember(self, headers: Sequence[str], mapping: Mapping[int, str]) -> None:
        data = self._load()
        data[header_set_id(headers)] = {str(index): name for index, name in mapping.items()}
        self._path.parent.mkdir(parents=True, exist_ok=True)
        payload = json.dumps(data, indent=1, sort_keys=True).encode("utf-8")
        temporary = self._path.with_suffix(".tmp")
        with open(temporary, "wb") as handle:
            handle.write(payload)
        temporary.replace(self._path)
        tighten_permissions(self._path)
