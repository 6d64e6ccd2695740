"""Schema-driven fuzzing with schemathesis: no 5xx and no undocumented status, anywhere."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from openapi_schemas import SPEC
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from app.sandbox import SandboxServer

SCHEMA = schemathesis.openapi.from_path(SPEC)
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]
EXAMPLES = 15


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxServer]:
    server = SandboxServer(tmp_path_factory.mktemp("fuzz"), rng_seed=5)
    server.start()
    server.seed(30)
    server.advance(30)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def session() -> Iterator[requests.Session]:
    with requests.Session() as http:
        yield http


def test_every_documented_operation_is_fuzzed() -> None:
    assert len(OPERATIONS) == 13


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.label)
def test_fuzz_operation(operation: Any, mode: GenerationMode, target: SandboxServer,
                        session: requests.Session) -> None:
    headers = {"Authorization": f"Token {target.token}"}

    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case: schemathesis.Case) -> None:
        if case.headers:
            # Generated header values may not replace (or be added next to) our own token.
            case.headers.pop("Authorization", None)
        response = case.call(base_url=target.base_url, session=session, headers=headers,
                             timeout=10)
        case.validate_response(response, checks=CHECKS, headers=headers,
                               transport_kwargs={"base_url": target.base_url})

    run()
