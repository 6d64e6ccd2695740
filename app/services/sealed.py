"""Encrypt files and records that are not SQLite stores (report files, audit records).

``Sealer(key, purpose)`` seals bytes with AES-256-GCM under a key derived (HKDF-SHA256) from
the data folder's key (``app.services.data_key``) and ``purpose``, so a report file can never
be opened as an audit record and vice versa. ``associated`` binds a blob to where it belongs
(a file name, a record number): moving it elsewhere makes ``open`` fail. Format:
``b"SFD1" + 12-byte random nonce + ciphertext-and-tag``.

For an SQLite store use ``app.services.private_db.open_private_db(path, key)`` instead.
"""

from __future__ import annotations

import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

__all__ = ["MAGIC", "SealError", "Sealer"]

MAGIC = b"SFD1"
_NONCE = 12


class SealError(ValueError):
    """A blob that is not sealed, damaged, or sealed with another key, purpose or place."""


class Sealer:
    def __init__(self, secret: bytes, purpose: str) -> None:
        subkey = HKDF(
            algorithm=hashes.SHA256(), length=32, salt=None,
            info=f"spot-front-desk {purpose}".encode(),
        ).derive(secret)
        self._aead = AESGCM(subkey)

    def seal(self, data: bytes, associated: bytes = b"") -> bytes:
        nonce = secrets.token_bytes(_NONCE)
        return MAGIC + nonce + self._aead.encrypt(nonce, data, associated)

    def open(self, blob: bytes, associated: bytes = b"") -> bytes:
        if not blob.startswith(MAGIC) or len(blob) < len(MAGIC) + _NONCE + 16:
            raise SealError("not a sealed blob")
        nonce = blob[len(MAGIC):len(MAGIC) + _NONCE]
        try:
            return self._aead.decrypt(nonce, blob[len(MAGIC) + _NONCE:], associated)
        except InvalidTag:
            raise SealError("sealed with another key, purpose or place, or damaged") from None
