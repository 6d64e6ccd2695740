"""The result type of every validator: one message about one field."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]



@dataclass(frozen=True, slots=True)
class Finding:
    """``field`` is a dotted path ("address.zip"); errors block submit, warnings need a confirm.

    ``message`` is English. For the UI language the views translate ``template`` (context
    "Validation") and fill in ``params``: ``message == template.format(**params)``. Findings
    from the server have no template; they are shown as sent.
    """

    field: str
    severity: Severity
    message: str
    template: str = dataclasses.field(default="", compare=False)
    params: dict[str, str] = dataclasses.field(default_factory=dict, compare=False)


def _finding(path: str, severity: Severity, template: str, params: dict[str, object]) -> Finding:
    values = {key: str(value) for key, value in params.items()}
    message = template.format(**values) if values else template
    return Finding(path, severity, message, template, values)


def error(field: str, template: str, **params: object) -> Finding:
    return _finding(field, "error", template, params)


def warning(field: str, template: str, **params: object) -> Finding:
    return _finding(field, "warning", template, params)
