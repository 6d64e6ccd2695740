"""openapi.yaml's component schemas as JSON Schema, for validating sandbox responses."""

from __future__ import annotations

import copy
from datetime import datetime
from pathlib import Path
from typing import Any

import jsonschema
import yaml

# A copy of ../shared/spot-api/openapi.yaml, so a fresh clone has it (drift is tested).
SPEC = Path(__file__).with_name("openapi.yaml")
SHARED_SPEC = Path(__file__).resolve().parents[3] / "shared" / "spot-api" / "openapi.yaml"

# Response objects the sandbox always sends in full: every documented field must be present.
COMPLETE = {
    "OrderSummary", "OrderFull", "KitSummary", "KitFull", "KitEvent", "SampleEvent",
    "Shipment", "Sample", "Report", "Result", "Requisition", "RequisitionEvent",
    "RegistrationToken", "Error",
}


def load_spec() -> dict[str, Any]:
    spec: dict[str, Any] = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    return spec


class Schemas:
    """Resolves ``$ref``s, translates OpenAPI 3.0 ``nullable`` and forbids undocumented keys."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec
        self.components = spec["components"]["schemas"]
        checker = jsonschema.FormatChecker()

        @checker.checks("date-time", raises=ValueError)
        def _date_time(value: object) -> bool:
            if not isinstance(value, str) or "T" not in value:
                return False
            return datetime.fromisoformat(value).tzinfo is not None

        self.checker = checker

    def named(self, name: str) -> dict[str, Any]:
        return self.convert({"$ref": f"#/components/schemas/{name}"})

    def convert(self, schema: dict[str, Any], name: str | None = None) -> dict[str, Any]:
        schema = copy.deepcopy(schema)
        if "$ref" in schema:
            ref_name = schema["$ref"].rsplit("/", 1)[-1]
            return self.convert(self.components[ref_name], ref_name)
        nullable = schema.pop("nullable", False)
        if "allOf" in schema:
            parts = [self.convert(part) for part in schema.pop("allOf")]
            if len(parts) == 1:
                single = parts[0]
                return {"anyOf": [{"type": "null"}, single]} if nullable else single
            merged: dict[str, Any] = {"type": "object", "properties": {}, "required": [],
                                      "additionalProperties": False}
            for part in parts:
                merged["properties"].update(part.get("properties", {}))
                merged["required"] += part.get("required", [])
                if part.get("additionalProperties") is not False:
                    merged["additionalProperties"] = part.get("additionalProperties", True)
            for key in ("properties", "required"):
                if key in schema:
                    merged[key] = (merged[key] | self._props(schema[key])) if key == (
                        "properties") else merged[key] + schema[key]
            schema = merged
        if "properties" in schema:
            schema["properties"] = self._props(schema["properties"])
            schema.setdefault("additionalProperties", False)
            if name in COMPLETE:
                schema["required"] = sorted(set(schema.get("required", []))
                                            | set(schema["properties"]))
        if isinstance(schema.get("additionalProperties"), dict):
            schema["additionalProperties"] = self.convert(schema["additionalProperties"])
        if "items" in schema:
            schema["items"] = self.convert(schema["items"])
        if "oneOf" in schema:
            schema["oneOf"] = [self.convert(part) for part in schema["oneOf"]]
        if nullable:
            return {"anyOf": [{"type": "null"}, schema]}
        return schema

    def _props(self, properties: dict[str, Any]) -> dict[str, Any]:
        return {key: self.convert(value) for key, value in properties.items()}

    def response_schema(self, template: str, method: str, status: int) -> dict[str, Any]:
        """The schema documented for ``status``; fails if the status is not documented."""
        responses = self.spec["paths"][template][method.lower()]["responses"]
        assert str(status) in responses, f"{method} {template}: undocumented status {status}"
        response = responses[str(status)]
        if "$ref" in response:
            response = self.spec["components"]["responses"][response["$ref"].rsplit("/", 1)[-1]]
        return self.convert(response["content"]["application/json"]["schema"])

    def validate(self, instance: Any, schema: dict[str, Any]) -> None:
        jsonschema.Draft202012Validator(schema, format_checker=self.checker).validate(instance)
