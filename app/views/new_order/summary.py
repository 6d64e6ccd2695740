"""The "Will be sent as" box: the order as Spot will receive it, in a few plain lines."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.views.common.labels import country_name

__all__ = ["blocked_text", "summary_text"]


def summary_text(
    recipient: Mapping[str, Any], kits: Sequence[tuple[str, int]], metadata: Mapping[str, str]
) -> str:
    """``recipient`` normalized as it will be sent; ``kits`` as (friendly name, count)."""
    address = recipient.get("address")
    address = address if isinstance(address, dict) else {}
    name = f"{recipient.get('first_name', '')} {recipient.get('last_name', '')}".strip()
    city = str(address.get("city") or "")
    region = " ".join(str(address.get(k) or "") for k in ("state", "zip")).strip()
    lines = [
        name,
        str(address.get("street1", "")),
        str(address.get("street2", "")),
        f"{city}, {region}" if city and region else city or region,
        country_name(address.get("country", "")),
        " · ".join(str(recipient.get(k)) for k in ("email", "phone") if recipient.get(k)),
    ]
    if kits:
        lines.append(QCoreApplication.translate("NewOrderForm", "Kits: %1").replace(
            "%1", ", ".join(f"{count} × {name}" for name, count in kits)
        ))
    if metadata:
        lines.append(QCoreApplication.translate("NewOrderForm", "Notes: %1").replace(
            "%1", ", ".join(f"{k} = {v}" for k, v in metadata.items())
        ))
    return "\n".join(line for line in lines if line.strip())


def blocked_text(errors: int, warnings: int) -> str:
    """What stops "Place order", as a status line; empty once nothing does."""
    count = errors + warnings
    if not count:
        return ""
    if errors:
        text = (
            QCoreApplication.translate(
                "NewOrderForm", "Fix the problem marked above before placing the order."
            ) if count == 1 else QCoreApplication.translate(
                "NewOrderForm", "Fix the %1 problems marked above before placing the order."
            )
        )
    else:
        # Only warnings left: they may be right; the user corrects or confirms each.
        text = (
            QCoreApplication.translate(
                "NewOrderForm", "Check the warning marked above: correct it, or confirm it."
            ) if count == 1 else QCoreApplication.translate(
                "NewOrderForm",
                "Check the %1 warnings marked above: correct them, or confirm each.",
            )
        )
    return text.replace("%1", str(count))

