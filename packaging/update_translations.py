"""Refresh the translation sources from the code, then compile them for the app.

    python packaging/update_translations.py

1. `pyside6-lupdate` scans app/ for self.tr(...) / QCoreApplication.translate(...) and updates
   resources/translations/spot-front-desk_<locale>.ts, keeping existing translations and
   dropping texts the code no longer has (edit the
   .ts in Qt Linguist: `pyside6-linguist`).
2. `pyside6-lrelease` compiles each .ts into the .qm the app loads at start-up.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
LOCALES = ("fr_CA",)


def _tool(name: str) -> str:
    # Prefer the tool installed beside this interpreter (the venv's PySide6) over PATH.
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else (shutil.which(name) or name)


def main() -> int:
    sources = sorted(str(p) for p in (ROOT / "app").rglob("*.py") if "sandbox" not in p.parts)
    for locale in LOCALES:
        ts = TRANSLATIONS / f"spot-front-desk_{locale}.ts"
        subprocess.run(
            [_tool("pyside6-lupdate"), *sources, "-no-obsolete", "-target-language", locale,
             "-ts", str(ts)],
            check=True,
        )
        subprocess.run(
            [_tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
