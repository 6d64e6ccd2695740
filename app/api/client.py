"""SpotClient: one method per documented endpoint (SPEC.md §7), over httpx.

Thread-safe: the only state is set in ``__init__``; ``httpx.Client`` itself is safe to share
between worker threads. GETs retry transient failures; POSTs never do (a duplicate order is a
shipped kit — the outbox in ``app.services`` decides what to re-send).
"""

from __future__ import annotations

import functools
import json as jsonlib
import logging
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypedDict, TypeVar, Unpack

import httpx
from pydantic import BaseModel, TypeAdapter, ValidationError

from app.api import models
from app.api.errors import (
    ResponseValidationError,
    UnsafeURL,
)
from app.api.http import (
    BACKOFF_BASE,
    BACKOFF_CAP,
    DEFAULT_TIMEOUTS,
    MAX_API_BODY,
    MAX_DOWNLOAD_BODY,
    RETRY_AFTER_CAP,
    SpotHttp,
    Timeouts,
    _check_secure,
    _origin,
    backoff_delay,
    parse_retry_after,
)
from app.api.transport import (
    ProxySetting,
    is_loopback_host,
)

logger = logging.getLogger("app.api")

PAGE_SIZE_MAX = 100
# Where Spot's documented report links point (SPEC §6.12: https://app.spotkits.com/results/…),
# besides the API host itself.
REPORT_HOSTS = frozenset({"app.spotkits.com"})
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SAFE_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")
_ID_FIELDS: dict[type[BaseModel], str] = {
    models.OrderSummary: "order_id",
    models.KitSummary: "kit_id",
    models.Requisition: "id",
}

ModelT = TypeVar("ModelT", bound=BaseModel)
DateFilter = date | str | None


class _DateFilters(TypedDict, total=False):
    """The four inclusive ``YYYY-MM-DD`` filters every list endpoint takes."""

    created_before: DateFilter
    created_after: DateFilter
    updated_before: DateFilter
    updated_after: DateFilter


class _PersonFilters(_DateFilters, total=False):
    email: str | None
    first_name: str | None
    last_name: str | None
    phone: str | None


class OrderFilters(_PersonFilters, total=False):
    """Query filters of ``GET /api/v2/orders/`` (SPEC §7.2)."""

    status: str | None


class KitFilters(_PersonFilters, total=False):
    """Query filters of ``GET /api/v2/kits/`` (SPEC §7.5)."""

    kit_type: str | None
    has_order: bool | None
    kit_status: str | None
    sample_status: str | None


class RequisitionFilters(_PersonFilters, total=False):
    """Query filters of ``GET /api/v2/requisitions/`` (SPEC §7.9)."""

    lab: str | None
    status: str | None


def _checked(method: str, filters: dict[str, Any], allowed: frozenset[str]) -> dict[str, Any]:
    """``filters`` as given, refusing a name the endpoint does not document (a typo must not
    silently widen a search that goes out with patient names in it)."""
    for name in filters:
        if name not in allowed:
            raise TypeError(f"{method}() got an unexpected keyword argument {name!r}")
    return filters


def _date_param(name: str, value: date | str) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    raise ValueError(f"{name} must be a date or a YYYY-MM-DD string")


def _page_params(results: int, offset: int) -> dict[str, str]:
    if isinstance(results, bool) or not isinstance(results, int) or not 1 <= results <= 100:
        raise ValueError("results must be an integer from 1 to 100")
    if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
        raise ValueError("offset must be an integer ≥ 0")
    return {"results": str(results), "offset": str(offset)}


def _filter_params(filters: dict[str, Any]) -> dict[str, str]:
    params: dict[str, str] = {}
    for name, value in filters.items():
        if value is None:
            continue
        if name.endswith(("_before", "_after")):
            params[name] = _date_param(name, value)
        elif isinstance(value, bool):
            params[name] = "true" if value else "false"
        else:
            params[name] = str(value)
    return params


@functools.cache
def _list_adapter[M: BaseModel](model: type[M]) -> TypeAdapter[list[M]]:
    # Building an adapter costs about a millisecond; a 100k-order sync walks 1,000 pages.
    return TypeAdapter(list[model])  # type: ignore[valid-type]


@dataclass(frozen=True, slots=True)
class SkippedRecord:
    """A record of a list page that did not match the API's documented shape.

    ``position`` is its index in the whole listing (offset + index on the page), ``record_id``
    its id when one could be read safely (ids are not patient data), and ``reason`` the field
    paths and problems, without values (PHI-free)."""

    position: int
    record_id: str | None
    reason: str


class Page[M](list[M]):
    """The readable records of one list page: a ``list`` (old callers keep working) with
    ``items`` (itself), ``skipped`` (the unreadable ones) and ``received`` (how many records
    the server sent). Paginate by ``received``, not ``len``: a page with a skipped record is
    shorter than the server's page but not the last one."""

    skipped: tuple[SkippedRecord, ...]
    received: int

    def __init__(
        self, items: Sequence[M] = (), skipped: Sequence[SkippedRecord] = (), received: int = -1
    ) -> None:
        super().__init__(items)
        self.skipped = tuple(skipped)
        self.received = received if received >= 0 else len(items) + len(self.skipped)

    @property
    def items(self) -> list[M]:
        return list(self)


def received_count(page: Sequence[object]) -> int:
    """How many records the server sent for ``page`` (a `Page`, or any plain sequence)."""
    return page.received if isinstance(page, Page) else len(page)


@dataclass(eq=False)
class Records[M]:
    """``iter_*``'s iterator: the readable records of every page, in order. ``skipped`` grows
    with each page walked (the unreadable records so far)."""

    _pages: Iterator[Page[M]]
    skipped: list[SkippedRecord] = field(default_factory=list)
    _current: Iterator[M] = field(default_factory=lambda: iter(()))

    def __iter__(self) -> Records[M]:
        return self

    def __next__(self) -> M:
        while True:
            try:
                return next(self._current)
            except StopIteration:
                page = next(self._pages)  # StopIteration here ends the walk
                self.skipped.extend(page.skipped)
                self._current = iter(page)


def _record_id(model: type[BaseModel], raw: object) -> str | None:
    """The record's own id, if it is a plain id (an odd value could be anything: not shown)."""
    if not isinstance(raw, dict):
        return None
    value = raw.get(_ID_FIELDS.get(model, "id"))
    if isinstance(value, str) and _SAFE_ID.match(value):
        return value
    return None


def _validation_summary(exc: ValidationError) -> str:
    # Locations and messages only: pydantic's default text includes the offending input (PHI).
    parts = []
    for err in exc.errors(include_input=False, include_url=False)[:5]:
        loc = ".".join(str(p) for p in err["loc"]) or "body"
        parts.append(f"{loc}: {err['msg']}")
    more = exc.error_count() - len(parts)
    return "; ".join(parts) + (f" (+{more} more)" if more > 0 else "")


class SpotClient(SpotHttp):
    """The Spot API over httpx. ``transport`` lets tests pass an ``httpx.MockTransport``."""

    # --- orders --------------------------------------------------------------------------

    def create_order(self, order: models.NewOrder) -> models.Order:
        response = self._call("POST", "/api/v2/orders/", json=order.to_body())
        return self._model(models.Order, response, "POST", "/api/v2/orders/")

    def list_orders(
        self, *, results: int = 10, offset: int = 0, **filters: Unpack[OrderFilters]
    ) -> Page[models.OrderSummary]:
        checked = _checked("list_orders", dict(filters), OrderFilters.__optional_keys__)
        return self._list(models.OrderSummary, "/api/v2/orders/", checked, results, offset)

    def iter_orders(self, **filters: Unpack[OrderFilters]) -> Records[models.OrderSummary]:
        checked = _checked("iter_orders", dict(filters), OrderFilters.__optional_keys__)
        return self._iterate(models.OrderSummary, "/api/v2/orders/", checked)

    def get_order(self, order_id: str) -> models.Order:
        template = "/api/v2/orders/{public_id}/"
        response = self._call("GET", template, {"public_id": order_id})
        return self._model(models.Order, response, "GET", template)

    def update_order_metadata(self, order_id: str, metadata: dict[str, Any] | None) -> models.Order:
        template = "/api/v2/orders/{public_id}/"
        response = self._call(
            "POST", template, {"public_id": order_id}, json={"metadata": metadata}
        )
        return self._model(models.Order, response, "POST", template)

    # --- kits ----------------------------------------------------------------------------

    def list_kits(
        self, *, results: int = 10, offset: int = 0, **filters: Unpack[KitFilters]
    ) -> Page[models.KitSummary]:
        checked = _checked("list_kits", dict(filters), KitFilters.__optional_keys__)
        return self._list(models.KitSummary, "/api/v2/kits/", checked, results, offset)

    def iter_kits(self, **filters: Unpack[KitFilters]) -> Records[models.KitSummary]:
        checked = _checked("iter_kits", dict(filters), KitFilters.__optional_keys__)
        return self._iterate(models.KitSummary, "/api/v2/kits/", checked)

    def get_kit(self, kit_id: str) -> models.Kit:
        template = "/api/v2/kits/{public_id}/"
        response = self._call("GET", template, {"public_id": kit_id})
        return self._model(models.Kit, response, "GET", template)

    def update_kit_metadata(self, kit_id: str, metadata: dict[str, Any]) -> models.Kit:
        template = "/api/v2/kits/{public_id}/"
        response = self._call("POST", template, {"public_id": kit_id}, json={"metadata": metadata})
        return self._model(models.Kit, response, "POST", template)

    # --- requisitions --------------------------------------------------------------------

    def create_requisition(self, requisition: models.NewRequisition) -> models.Requisition:
        template = "/api/v2/requisitions/"
        response = self._call("POST", template, json=requisition.to_body())
        return self._model(models.Requisition, response, "POST", template)

    def list_requisitions(
        self, *, results: int = 10, offset: int = 0, **filters: Unpack[RequisitionFilters]
    ) -> Page[models.Requisition]:
        checked = _checked("list_requisitions", dict(filters), RequisitionFilters.__optional_keys__)
        return self._list(models.Requisition, "/api/v2/requisitions/", checked, results, offset)

    def iter_requisitions(
        self, **filters: Unpack[RequisitionFilters]
    ) -> Records[models.Requisition]:
        checked = _checked("iter_requisitions", dict(filters), RequisitionFilters.__optional_keys__)
        return self._iterate(models.Requisition, "/api/v2/requisitions/", checked)

    def get_requisition(self, requisition_id: str) -> models.Requisition:
        template = "/api/v2/requisitions/{id}"  # documented without a trailing slash (§14.5)
        response = self._call("GET", template, {"id": requisition_id})
        return self._model(models.Requisition, response, "GET", template)

    # --- registration and activation -----------------------------------------------------

    def create_patient(self, patient: models.NewPatient) -> models.Patient:
        template = "/api/v2/patients/"
        response = self._call("POST", template, json=patient.to_body())
        return self._model(models.Patient, response, "POST", template)

    def create_registration_token(
        self, patient_id: str, kit_type: str | None = None
    ) -> models.RegistrationToken:
        template = "/api/v2/tokens/patient_registration/"
        body: dict[str, Any] = {"patient_id": patient_id}
        if kit_type is not None:
            body["kit_type"] = kit_type
        response = self._call("POST", template, json=body)
        return self._model(models.RegistrationToken, response, "POST", template)

    def activate_kit(self, kit_id: str, activation: models.KitActivation) -> None:
        template = "/api/v3/kits/{public_id}/activate/"
        # The vendor spec also lists public_id as a query parameter (§7.13): send both.
        self._call(
            "POST",
            template,
            {"public_id": kit_id},
            params={"public_id": kit_id},
            json=activation.to_body(),
        )

    # --- report files --------------------------------------------------------------------

    def download(
        self, url: str, *, on_progress: Callable[[int, int | None], None] | None = None
    ) -> bytes:
        """Fetch a report file (at most ``MAX_DOWNLOAD_BODY`` bytes). The token goes only to
        our own origin, never to another host (e.g. signed storage links).

        ``url`` must be an https link on the API host or one of Spot's documented report hosts
        (`REPORT_HOSTS`); with a loopback (sandbox) API, links on that same origin and relative
        links are accepted too. Anything else raises `UnsafeURL` (also a ValueError).

        ``on_progress(received, total)`` is called (on the calling thread) as the body arrives;
        ``total`` is None when the server sends no Content-Length. A retried download starts
        counting again from zero."""
        target = self.report_url(url)
        # Log and report the host only: a signed link's path and query are credentials.
        label = f"<download {target.host}>"
        response = self._send_with_retries(
            "GET",
            target,
            label,
            json=None,
            timeout=self._timeouts.download(),
            deadline=self._timeouts.download_deadline,
            limit=MAX_DOWNLOAD_BODY,
            retry=True,
            accept="*/*",
            on_progress=on_progress,
        )
        return response.content

    def report_url(self, url: str) -> httpx.URL:
        """``url`` as the absolute link `download` would fetch; `UnsafeURL` if it refuses it."""
        try:
            raw = httpx.URL(url.strip())
        except (httpx.InvalidURL, TypeError):
            raise UnsafeURL("the report link is not a valid URL") from None
        sandbox = is_loopback_host(self._base.host)
        if not raw.is_absolute_url:
            if not sandbox:
                raise UnsafeURL("refusing a relative report link from a production server")
            raw = self._base.join(raw)
        _check_secure(raw)
        if _origin(raw) == self._origin:
            return raw
        if raw.scheme == "https" and raw.host.lower() in REPORT_HOSTS and raw.port in (None, 443):
            return raw
        raise UnsafeURL(
            "refusing a report link to a host that is neither the API host nor one of Spot's "
            f"report hosts ({raw.host})"
        )

    def _list(
        self,
        model: type[ModelT],
        template: str,
        filters: dict[str, Any],
        results: int,
        offset: int,
    ) -> Page[ModelT]:
        params = {**_filter_params(filters), **_page_params(results, offset)}
        response = self._call("GET", template, params=params)
        data = self._json(response, "GET", template)
        if not isinstance(data, list):
            raise ResponseValidationError(
                f"expected a JSON array, got {type(data).__name__}",
                request_method="GET",
                request_path_template=template,
                status_code=response.status_code,
            )
        try:
            return Page(_list_adapter(model).validate_python(data), (), len(data))
        except ValidationError:
            pass
        # One bad record must not hide the page: keep the readable ones, name the others.
        items: list[ModelT] = []
        skipped: list[SkippedRecord] = []
        for index, raw in enumerate(data):
            try:
                items.append(model.model_validate(raw))
            except ValidationError as exc:
                skipped.append(
                    SkippedRecord(offset + index, _record_id(model, raw), _validation_summary(exc))
                )
            except RecursionError:
                skipped.append(
                    SkippedRecord(offset + index, _record_id(model, raw), "nested too deep")
                )
        for record in skipped:
            # Ids and field paths only (no values): PHI-free.
            logger.warning(
                "GET %s: skipped unreadable record at position %d (id %s): %s",
                template,
                record.position,
                record.record_id or "unknown",
                record.reason,
            )
        return Page(items, skipped, len(data))

    def _iterate(
        self, model: type[ModelT], template: str, filters: dict[str, Any]
    ) -> Records[ModelT]:
        _filter_params(filters)  # bad filters fail at the call, not at the first next()
        return Records(self._pages(model, template, filters))

    def _pages(
        self, model: type[ModelT], template: str, filters: dict[str, Any]
    ) -> Iterator[Page[ModelT]]:
        offset = 0
        while True:
            page = self._list(model, template, filters, PAGE_SIZE_MAX, offset)
            yield page
            if page.received < PAGE_SIZE_MAX:
                return
            offset += page.received

    @staticmethod
    def _json(response: httpx.Response, method: str, template: str) -> Any:
        try:
            return jsonlib.loads(response.content)
        except (ValueError, RecursionError) as exc:
            problem = (
                "the body is nested too deeply to read"
                if isinstance(exc, RecursionError)
                else "the body is not JSON"
            )
            raise ResponseValidationError(
                problem,
                request_method=method,
                request_path_template=template,
                status_code=response.status_code,
            ) from None

    def _model(
        self, model: type[ModelT], response: httpx.Response, method: str, template: str
    ) -> ModelT:
        data = self._json(response, method, template)
        if not isinstance(data, dict):
            raise ResponseValidationError(
                f"expected a JSON object, got {type(data).__name__}",
                request_method=method,
                request_path_template=template,
                status_code=response.status_code,
            )
        try:
            return model.model_validate(data)
        except RecursionError:
            raise ResponseValidationError(
                "the body is nested too deeply to read",
                request_method=method,
                request_path_template=template,
                status_code=response.status_code,
            ) from None
        except ValidationError as exc:
            raise ResponseValidationError(
                _validation_summary(exc),
                request_method=method,
                request_path_template=template,
                status_code=response.status_code,
            ) from None


__all__ = [
    "BACKOFF_BASE",
    "BACKOFF_CAP",
    "DEFAULT_TIMEOUTS",
    "MAX_API_BODY",
    "MAX_DOWNLOAD_BODY",
    "REPORT_HOSTS",
    "RETRY_AFTER_CAP",
    "Page",
    "ProxySetting",
    "Records",
    "SkippedRecord",
    "SpotClient",
    "Timeouts",
    "backoff_delay",
    "is_loopback_host",
    "parse_retry_after",
    "received_count",
]
