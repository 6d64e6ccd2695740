"""The lifecycle end to end: orders, kits and samples move on the sandbox clock."""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from app.api import SpotClient, errors, models
from app.sandbox import SandboxServer
from tests.helpers.sandbox_api import assert_error, fulfilled_order, new_order

ORDER_PATH = ["pending", "in_progress", "completed"]
KIT_NEXT = {
    "preparing": {"in_transit", "canceled"},
    "in_transit": {"delivered", "delivery_exception", "canceled"},
    "delivered": {"registered", "canceled"},
}
SAMPLE_NEXT = {
    "awaiting_collection": {"in_transit", "collection_exception", "canceled"},
    "in_transit": {"delivered", "delivery_exception"},
    "delivered": {"received", "extra_quality_checks", "partially_resulted", "resulted"},
    "received": {"extra_quality_checks", "partially_resulted", "resulted"},
    "extra_quality_checks": {"partially_resulted", "resulted"},
    "partially_resulted": {"resulted"},
}
TRACKING = {
    "usps": re.compile(r"^94\d{20}$"),
    "ups": re.compile(r"^1Z[0-9A-Z]{16}$"),
    "fedex": re.compile(r"^\d{12}$"),
}


def _walk(client: SpotClient, sandbox: SandboxServer, order_ids: list[str], days: int,
          step: float = 0.5) -> dict[str, list[str]]:
    seen: dict[str, list[str]] = {order_id: [] for order_id in order_ids}
    for _ in range(int(days / step)):
        for order_id in order_ids:
            status = client.get_order(order_id).status
            assert status is not None
            if not seen[order_id] or seen[order_id][-1] != status:
                seen[order_id].append(status)
        sandbox.advance(step)
    return seen


def _check_transitions(statuses: list[str], allowed: dict[str, set[str]]) -> None:
    for before, after in itertools.pairwise(statuses):
        assert after in allowed.get(before, set()), f"{before} -> {after}"


def _check_kit(kit: models.Kit) -> None:
    kit_statuses = [event.status for event in kit.events]
    assert kit_statuses[0] == "preparing"
    assert kit.status == kit_statuses[-1]
    _check_transitions(kit_statuses, KIT_NEXT)
    assert kit.sample is not None
    sample_statuses = [event.status for event in kit.sample.events]
    assert sample_statuses[0] == "awaiting_collection"
    assert kit.sample.status == sample_statuses[-1]
    _check_transitions(sample_statuses, SAMPLE_NEXT)
    stamps = [e.created for e in kit.events] + [e.created for e in kit.sample.events]
    assert all(stamp is not None for stamp in stamps)
    shipment = kit.shipment_to_customer
    if kit.status != "preparing":
        assert shipment is not None
        assert shipment.carrier in TRACKING
        assert TRACKING[shipment.carrier].match(shipment.tracking_number or "")
    for leg in kit.sample.shipments:
        assert leg.carrier in TRACKING
        assert TRACKING[leg.carrier].match(leg.tracking_number or "")
    assert (kit.registered_to is not None) == ("registered" in kit_statuses)


def test_orders_go_pending_in_progress_completed(client: SpotClient,
                                                 sandbox: SandboxServer) -> None:
    order_ids = [client.create_order(new_order()).order_id for _ in range(6)]
    seen = _walk(client, sandbox, order_ids, days=30, step=1.0)
    for statuses in seen.values():
        assert statuses == ORDER_PATH
    for order_id in order_ids:
        order = client.get_order(order_id)
        assert len(order.kits) == 1
        _check_kit(order.kits[0])
        assert order.kits[0].status in {"registered", "delivery_exception", "canceled"}


def test_kits_appear_only_once_the_order_is_fulfilled(client: SpotClient,
                                                      sandbox: SandboxServer) -> None:
    order = client.create_order(new_order(["health_kit_1", "example_lipid_kit"]))
    assert client.list_kits() == []
    sandbox.advance(1)
    fulfilled = client.get_order(order.order_id)
    assert fulfilled.status == "in_progress"
    assert [kit.type for kit in fulfilled.kits] == ["health_kit_1", "example_lipid_kit"]
    kit_ids = {kit.kit_id for kit in fulfilled.kits}
    assert {k.kit_id for k in client.list_kits()} == kit_ids
    for kit in fulfilled.kits:
        assert kit.kit_id.startswith("SPOT")
        assert kit.sample is not None
        assert kit.sample.sample_id is not None
        assert kit.sample.sample_id.startswith("SPOT")
        assert kit.sample.sample_id not in kit_ids
    types = {kit.type: kit.sample.type for kit in fulfilled.kits if kit.sample}
    assert types == {"health_kit_1": "adx100", "example_lipid_kit": "whatman903_10"}


def test_order_without_address_stays_pending(client: SpotClient,
                                             sandbox: SandboxServer) -> None:
    body = new_order().model_dump(exclude_none=True)
    del body["recipient"]["address"]
    order = client.create_order(models.NewOrder.model_validate(body))
    sandbox.advance(20)
    again = client.get_order(order.order_id)
    assert again.status == "pending"
    assert again.kits == []


@pytest.fixture(scope="module")
def population(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxServer]:
    """300 seeded orders, 60 more days on: every path has had time to happen."""
    server = SandboxServer(tmp_path_factory.mktemp("population"), rng_seed=77)
    server.start()
    server.seed(300)
    server.advance(60)
    yield server
    server.stop()


@pytest.fixture
def pop_client(population: SandboxServer) -> Iterator[SpotClient]:
    with SpotClient(population.base_url, population.token) as spot:
        yield spot


def test_seeded_population_only_walks_allowed_transitions(pop_client: SpotClient) -> None:
    kits = [pop_client.get_kit(k.kit_id) for k in pop_client.list_kits(results=60)]
    for kit in kits:
        _check_kit(kit)


def test_exception_paths_happen_for_a_share_of_kits(pop_client: SpotClient) -> None:
    kit_statuses = {k.kit_status for k in pop_client.iter_kits()}
    sample_statuses = {k.sample_status for k in pop_client.iter_kits()}
    assert {"registered", "delivery_exception"} <= kit_statuses
    assert {"resulted", "collection_exception", "delivery_exception"} <= sample_statuses
    exceptional = pop_client.list_kits(kit_status="delivery_exception", results=100)
    assert exceptional
    assert all(k.kit_status == "delivery_exception" for k in exceptional)
    # A kit lost on the way out will never see its sample: it is canceled with it.
    assert all(k.sample_status == "canceled" for k in exceptional)
    all_kits = list(pop_client.iter_kits())
    share = len(exceptional) / len(all_kits)
    assert 0.005 < share < 0.15


def test_partial_and_amended_reports_exist(pop_client: SpotClient) -> None:
    resulted = list(pop_client.iter_kits(sample_status="resulted"))
    reports = [
        (kit, report)
        for summary in resulted
        for kit in [pop_client.get_kit(summary.kit_id)]
        for report in (kit.sample.reports if kit.sample else [])
    ]
    amended = [r for _k, r in reports if r.is_amendment]
    assert amended
    partial_kits = [k for k, _r in reports
                    if k.sample and "partially_resulted" in [e.status for e in k.sample.events]]
    assert partial_kits
    for kit in partial_kits:
        assert kit.sample is not None
        first, full = kit.sample.reports[0], kit.sample.reports[1]
        assert len(first.results) < len(full.results)


def _out_of_range(result: models.Result) -> bool:
    value, low, high = result.result, result.range_minimum, result.range_maximum
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value == "positive"
    return (low is not None and value < low) or (high is not None and value > high)


def test_each_amendment_names_what_it_corrects(pop_client: SpotClient) -> None:
    amended_kits = [
        kit for summary in pop_client.iter_kits(sample_status="resulted")
        for kit in [pop_client.get_kit(summary.kit_id)]
        if kit.sample and any(r.is_amendment for r in kit.sample.reports)
    ]
    assert len(amended_kits) >= 5
    for kit in amended_kits:
        assert kit.sample is not None
        reports = kit.sample.reports
        for index, amendment in enumerate(reports):
            if not amendment.is_amendment:
                continue
            # Beside the report it replaces (SPEC §6.12): the last earlier full report.
            original = next(r for r in reversed(reports[:index]) if not r.is_amendment)
            assert amendment.date_collected == original.date_collected
            assert [r.name for r in amendment.results] == [r.name for r in original.results]
            changed = [(new, old) for new, old in zip(amendment.results, original.results,
                                                      strict=True)
                       if new.result != old.result]
            assert len(changed) == 1, changed
            new, old = changed[0]
            assert new.comments is not None
            assert f"previously reported as {old.result}" in new.comments
            assert amendment.txt is not None
            text = pop_client.download(amendment.txt).decode("utf-8")
            assert "AMENDED REPORT" in text
            assert f"Replaces:    {original.report_id}" in text


def test_partial_report_file_says_more_is_to_come(pop_client: SpotClient) -> None:
    kit = next(
        kit for summary in pop_client.iter_kits(sample_status="resulted")
        for kit in [pop_client.get_kit(summary.kit_id)]
        if kit.sample and "partially_resulted" in [e.status for e in kit.sample.events]
    )
    assert kit.sample is not None
    partial, full = kit.sample.reports[0], kit.sample.reports[1]
    assert partial.txt is not None
    assert full.txt is not None
    assert "PARTIAL REPORT" in pop_client.download(partial.txt).decode("utf-8")
    assert "PARTIAL REPORT" not in pop_client.download(full.txt).decode("utf-8")


def test_seeded_reports_spread_over_weeks_with_flags_to_demo(tmp_path: Path) -> None:
    """Issue 18: a results inbox that starts at the first start shows dozens, not hundreds."""
    with SandboxServer(tmp_path / "seeded", rng_seed=1234) as server, SpotClient(
        server.base_url, server.token
    ) as spot:
        server.seed(300)
        now = server.now()
        kits = [spot.get_kit(k.kit_id) for k in spot.iter_kits()]
    reports = [r for k in kits if k.sample for r in k.sample.reports]
    resulted_at = [
        e.created for k in kits if k.sample for e in k.sample.events
        if e.status in ("resulted", "partially_resulted") and e.created
    ]
    assert len(reports) > 150  # many kits are long resulted …
    recent = [t for t in resulted_at if (now - t).days < 3]
    assert 5 <= len(recent) <= 40  # … but only a few dozen in the last three days
    assert sum(1 for t in resulted_at if (now - t).days >= 14) > len(resulted_at) / 2
    flagged = [r for r in reports if any(_out_of_range(x) for x in r.results)]
    assert 0.3 < len(flagged) / len(reports) < 0.8
    assert sum(1 for r in reports if r.is_amendment) >= 10
    partial_kits = [k for k in kits if k.sample and "partially_resulted" in
                    [e.status for e in k.sample.events]]
    assert len(partial_kits) >= 10


def test_results_are_realistic(pop_client: SpotClient) -> None:
    results = []
    for summary in pop_client.list_kits(sample_status="resulted", results=100):
        kit = pop_client.get_kit(summary.kit_id)
        assert kit.sample is not None
        for report in kit.sample.reports:
            results.extend(report.results)
    quantities = [r for r in results if r.result_type == "quantity"]
    assert all(r.unit_of_measure for r in quantities)
    numeric = [r for r in quantities if isinstance(r.result, int | float)]
    assert all(r.result > 0 for r in numeric)  # type: ignore[operator]
    out_of_range = [
        r for r in numeric
        if (r.range_minimum is not None and r.result < r.range_minimum)  # type: ignore[operator]
        or (r.range_maximum is not None and r.result > r.range_maximum)  # type: ignore[operator]
    ]
    assert out_of_range
    assert len(out_of_range) < len(numeric) / 2
    assert any(isinstance(r.result, str) and r.result.startswith("<") for r in quantities)
    reactivity = [r for r in results if r.result_type == "reactivity"]
    assert reactivity
    assert {r.result for r in reactivity} <= {"negative", "positive"}
    assert all(r.unit_of_measure is None and r.range_minimum is None for r in reactivity)


def test_reports_download_as_pdf_and_txt(client: SpotClient, sandbox: SandboxServer,
                                         http: httpx.Client) -> None:
    order_ids = [client.create_order(new_order()).order_id for _ in range(6)]
    sandbox.advance(30)
    kits = [kit for oid in order_ids for kit in client.get_order(oid).kits]
    resulted = [k for k in kits if k.sample and k.sample.status == "resulted"]
    assert resulted
    kit = resulted[0]
    assert kit.sample is not None
    report = kit.sample.reports[0]
    assert report.pdf is not None
    assert report.txt is not None
    assert report.pdf.startswith(sandbox.base_url + "/sandbox/reports/")
    pdf = client.download(report.pdf)
    assert pdf.startswith(b"%PDF")
    assert pdf.rstrip().endswith(b"%%EOF")
    text = client.download(report.txt).decode("utf-8")
    assert "SANDBOX — NOT A REAL RESULT" in text
    assert kit.kit_id in text
    assert kit.sample.sample_id is not None
    assert kit.sample.sample_id in text
    assert "T.M." in text  # initials only …
    assert "McTestface" not in text  # … never the name
    for result in report.results:
        assert result.name is not None
        assert result.name in text
    assert client.download(report.pdf) == pdf  # cached, same bytes
    # Report files need the token like the API, and unknown ids are 404.
    with httpx.Client() as anonymous:
        assert_error(anonymous.get(report.pdf), 401, "unauthorized")
    assert_error(http.get("/sandbox/reports/nope.pdf"), 404, "not_found")


def test_running_clock_moves_without_requests(tmp_path: Path) -> None:
    # One real second is five sandbox days: the order must leave "pending" by itself.
    with SandboxServer(tmp_path / "fast", speed=5 * 86400, rng_seed=3) as fast, SpotClient(
        fast.base_url, fast.token
    ) as spot:
        order = spot.create_order(new_order())
        deadline = time.monotonic() + 15
        while spot.list_orders()[0].status == "pending" and time.monotonic() < deadline:
            time.sleep(0.2)
        assert spot.list_orders()[0].status != "pending"
        assert spot.get_order(order.order_id).kits


def test_fates_are_reproducible_for_a_seed(tmp_path: Path) -> None:
    def run(folder: str) -> list[tuple[str, str | None, str | None, str | None]]:
        with SandboxServer(tmp_path / folder, rng_seed=99) as server, SpotClient(
            server.base_url, server.token
        ) as spot:
            server.seed(40)
            ordered = spot.create_order(new_order())
            server.advance(10)
            order = spot.get_order(ordered.order_id)
            assert order.created is not None
            # Times count from the run's start; fates and timings follow the seed.
            offsets = [
                (kit.kit_id, kit.status,
                 str(round((e.created - order.created).total_seconds())) if e.created else None)
                for kit in order.kits for e in kit.events
            ]
            return [*[(k, s, None, t) for k, s, t in offsets], *[
                (k.kit_id, k.kit_status, k.sample_status,
                 (spot.get_kit(k.kit_id).shipment_to_customer or models.Shipment())
                 .tracking_number)
                for k in spot.list_kits(results=100)
            ]]

    assert run("a") == run("b")


def test_kit_filters(pop_client: SpotClient, population: SandboxServer) -> None:
    sample = pop_client.list_kits(kit_status="registered", results=1)[0]
    kit = pop_client.get_kit(sample.kit_id)
    assert kit.registered_to is not None
    email = kit.registered_to.email or ""
    by_email = pop_client.list_kits(email=email.upper(), results=100)
    assert sample.kit_id in {k.kit_id for k in by_email}
    assert all(k.kit_type for k in by_email)
    first = kit.registered_to.first_name or ""
    assert all(
        (pop_client.get_kit(k.kit_id).registered_to or models.RegisteredPatient()).first_name
        in (first, None) for k in pop_client.list_kits(first_name=first.lower(), results=5)
    )
    typed = pop_client.list_kits(kit_type="vitamin_d_kit", results=100)
    assert typed
    assert {k.kit_type for k in typed} == {"vitamin_d_kit"}
    assert {k.sample_status for k in pop_client.list_kits(sample_status="resulted",
                                                         results=100)} == {"resulted"}
    assert len(pop_client.list_kits(has_order=True, results=20)) == 20
    assert pop_client.list_kits(has_order=False) == []
    created = [k.created for k in pop_client.list_kits(results=100)]
    assert created == sorted(created, reverse=True)  # newest first
    middle = created[len(created) // 2]
    assert middle is not None
    recent = pop_client.list_kits(created_after=middle.date(), results=100)
    assert recent
    assert all(k.created is not None and k.created.date() >= middle.date() for k in recent)
    older = pop_client.list_kits(created_before=middle.date(), results=100)
    assert all(k.created is not None and k.created.date() <= middle.date() for k in older)
    assert population.now().date() > middle.date()


def test_update_kit_metadata(client: SpotClient, sandbox: SandboxServer,
                             http: httpx.Client) -> None:
    client.create_order(new_order())
    sandbox.advance(1)
    kit_id = client.list_kits()[0].kit_id
    assert client.update_kit_metadata(kit_id, {"shelf": "B2"}).metadata == {"shelf": "B2"}
    assert client.get_kit(kit_id).metadata == {"shelf": "B2"}
    assert client.update_kit_metadata(kit_id, {}).metadata == {}
    with pytest.raises(errors.NotFound):
        client.update_kit_metadata("SPOT000000", {"a": 1})
    with pytest.raises(errors.NotFound):
        client.get_kit("SPOT000000")
    details = assert_error(http.post(f"/api/v2/kits/{kit_id}/", json={}), 400, "bad_request")
    assert details == ["metadata: Field is required"]


def test_kit_metadata_write_replaces_the_whole_object(client: SpotClient,
                                                      sandbox: SandboxServer) -> None:
    """Spot's update REPLACES (SPEC §7.4/§7.7): nothing is merged, not even nested objects."""
    _order_id, kit_id = fulfilled_order(client, sandbox)
    review = {"r1": {"by": "desk-a", "at": "2026-12-01T10:00:00Z"}}
    client.update_kit_metadata(kit_id, {"shelf": "B2", "frontdesk_review": review})
    written = client.update_kit_metadata(
        kit_id, {"frontdesk_review": {"r2": {"by": "desk-b", "at": "2026-12-01T10:01:00Z"}}})
    expected = {"frontdesk_review": {"r2": {"by": "desk-b", "at": "2026-12-01T10:01:00Z"}}}
    assert written.metadata == expected
    assert client.get_kit(kit_id).metadata == expected  # "shelf" and "r1" are gone


def test_two_desks_writing_from_the_same_read_lose_one_sign_off(
    client: SpotClient, sandbox: SandboxServer,
) -> None:
    """Why callers must read, merge, write and read back: the sandbox never merges for them."""
    order_id, kit_id = fulfilled_order(client, sandbox)
    client.update_kit_metadata(kit_id, {"frontdesk_review": {}})
    seen_by_a = client.get_kit(kit_id).metadata or {}
    seen_by_b = client.get_kit(kit_id).metadata or {}
    client.update_kit_metadata(kit_id, {**seen_by_a, "frontdesk_review": {"r1": {"by": "a"}}})
    client.update_kit_metadata(kit_id, {**seen_by_b, "frontdesk_review": {"r2": {"by": "b"}}})
    assert client.get_kit(kit_id).metadata == {"frontdesk_review": {"r2": {"by": "b"}}}
    # The same for orders.
    client.update_order_metadata(order_id, {"a": 1, "nested": {"x": 1}})
    client.update_order_metadata(order_id, {"nested": {"y": 2}})
    assert client.get_order(order_id).metadata == {"nested": {"y": 2}}
