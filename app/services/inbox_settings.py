"""The results inbox's own settings: its go-live date and the critical limits (no Qt).

They hold no patient data, so they live in a small plaintext JSON file next to the encrypted
digest cache (``inbox.sqlite3``), not inside it. Were they in the cache, a lost data key or a
session without a keyring (the cache then lives in memory) would reset the go-live date to
"now", and reports that came in before it and were never signed off would drop out of the
inbox unseen.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from pathlib import Path

from app.fileops import private_opener, replace_retrying

__all__ = ["SETTINGS_FILE_NAME", "InboxSettingsFile"]

log = logging.getLogger(__name__)

SETTINGS_FILE_NAME = "inbox-settings.json"


class InboxSettingsFile:
    """``load`` and ``save`` string values; ``path`` None keeps nothing (tests)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path

    def load(self) -> dict[str, str]:
        if self.path is None:
            return {}
        try:
            with open(self.path, "rb") as handle:
                data = json.loads(handle.read().decode("utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            log.warning("inbox settings unreadable (%s): defaults used", type(exc).__name__)
            return {}
        if not isinstance(data, dict):
            return {}
        return {str(key): value for key, value in data.items() if isinstance(value, str)}

    def save(self, values: Mapping[str, str]) -> None:
        if self.path is None:
            return
        partial = self.path.with_name(self.path.name + ".part")
        with open(partial, "wb", opener=private_opener) as handle:
            handle.write(json.dumps(dict(values), sort_keys=True).encode("utf-8"))
        replace_retrying(partial, self.path)
