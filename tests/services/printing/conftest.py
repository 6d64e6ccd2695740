"""The fake label printer, for every printing test here."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.helpers.printing import FakeZebra, running_zebra


@pytest.fixture
def zebra() -> Iterator[FakeZebra]:
    yield from running_zebra()
