"""Files the app ships: icons and translations (installed as the `app.resources` package)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent
ICONS = ROOT / "icons"
TRANSLATIONS = ROOT / "translations"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def icon_files() -> list[Path]:
    """The app icon in every size we ship, smallest first (for QIcon.addFile)."""
    return [ICONS / f"spot-front-desk-{size}.png" for size in ICON_SIZES]
