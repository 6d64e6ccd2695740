"""Fakes for outbox tests: a fake clock, a fake Spot (optionally lagging behind writes, with
its own clock) and a client in front of it that fails on cue, before or after the work."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from app.api import errors, models
from app.services.outbox import REF_KEY, Outbox, OutboxItem

START = datetime(2026, 3, 2, 23, 30, tzinfo=UTC).timestamp()


class FakeClock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        assert seconds >= 0
        self.now += seconds


class FakeSpot:
    """Server-side state: the orders that really exist. ``lag`` seconds after creation an
    order shows up in list and get (a real list endpoint lags behind writes); emails are
    matched case-insensitively unless ``exact_email`` (then stored lower-cased)."""

    def __init__(self, clock: Callable[[], float], lag: float = 0.0) -> None:
        self.clock = clock
        self.lag = lag
        self.exact_email = False
        self.orders: dict[str, models.Order] = {}

    def create(self, order: models.NewOrder) -> models.Order:
        now = datetime.fromtimestamp(self.clock(), UTC)
        recipient = order.recipient
        if self.exact_email and recipient.email:
            recipient = recipient.model_copy(update={"email": recipient.email.lower()})
        created = models.Order(
            order_id=f"O{len(self.orders) + 1:07d}",
            status="pending",
            recipient=recipient,
            kit_types=list(order.kit_types),
            created=now,
            updated=now,
            metadata=order.metadata,
        )
        self.orders[created.order_id] = created
        return created

    def visible(self, order: models.Order) -> bool:
        assert order.created is not None
        return self.clock() - order.created.timestamp() >= self.lag

    def with_ref(self, ref: str) -> list[models.Order]:
        return [o for o in self.orders.values() if (o.metadata or {}).get(REF_KEY) == ref]


# A fault: (when, exception). "before": the server never saw the request; "after": the server
# did the work and then the answer was lost or broken.
Fault = tuple[str, Exception]


def timeout() -> Exception:
    return errors.SpotTimeout("timed out")


def dropped() -> Exception:
    return errors.SpotConnectionError("dropped")


def refused() -> Exception:
    return errors.SpotConnectionError("refused", maybe_delivered=False)


def server_error(method: str = "POST") -> Exception:
    return errors.ServerError(503, "server_error", [], method, "/api/v2/orders/")


def rate_limited(retry_after: float | None = None) -> Exception:
    return errors.RateLimited(
        429, "rate_limit_exceeded", [], "POST", "/api/v2/orders/", retry_after=retry_after
    )


def bad_body() -> Exception:
    return errors.ResponseValidationError(
        "the body is not JSON", request_method="POST", request_path_template="/api/v2/orders/",
        status_code=201,
    )


def bad_request(*details: str) -> Exception:
    return errors.BadRequest(400, "bad_request", list(details), "POST", "/api/v2/orders/")


def unauthorized() -> Exception:
    return errors.Unauthorized(401, "unauthorized", [], "POST", "/api/v2/orders/")


class FakeClient:
    """Speaks for FakeSpot; ``faults[call]`` is consumed one entry per call (None = no fault).
    ``server_time_offset`` is what SpotClient learns from the Date header (None: no header)."""

    def __init__(self, spot: FakeSpot) -> None:
        self.spot = spot
        self.faults: dict[str, list[Fault | None]] = {}
        self.calls: list[str] = []
        self.post_times: list[float] = []
        self.searched: list[tuple[str | None, date | str | None, int]] = []
        self.before_create: Callable[[models.NewOrder], None] | None = None
        self.server_time_offset: float | None = None

    def _fault(self, call: str) -> Fault | None:
        queue = self.faults.get(call)
        return queue.pop(0) if queue else None

    def create_order(self, order: models.NewOrder) -> models.Order:
        self.calls.append("create_order")
        self.post_times.append(self.spot.clock())
        if self.before_create is not None:
            self.before_create(order)
        fault = self._fault("create_order")
        if fault and fault[0] == "before":
            raise fault[1]
        created = self.spot.create(order)
        if fault:
            raise fault[1]
        return created

    def list_orders(
        self, *, email: str | None = None, created_after: date | str | None = None,
        results: int = 10, offset: int = 0,
    ) -> list[models.OrderSummary]:
        self.calls.append("list_orders")
        self.searched.append((email, created_after, offset))
        fault = self._fault("list_orders")
        if fault:
            raise fault[1]
        assert isinstance(created_after, date)

        def matches(stored: str) -> bool:
            wanted = email or ""
            return stored == wanted if self.spot.exact_email else stored.lower() == wanted.lower()

        found = [
            models.OrderSummary(order_id=o.order_id, status=o.status, recipient=o.recipient,
                                created=o.created, updated=o.updated)
            for o in self.spot.orders.values()
            if o.recipient is not None and o.recipient.email is not None
            and matches(o.recipient.email) and self.spot.visible(o)
            and o.created is not None and o.created.date() >= created_after
        ]
        found.sort(key=lambda o: o.updated or datetime.min.replace(tzinfo=UTC), reverse=True)
        return found[offset : offset + results]

    def get_order(self, order_id: str) -> models.Order:
        self.calls.append("get_order")
        fault = self._fault("get_order")
        if fault:
            raise fault[1]
        order = self.spot.orders.get(order_id)
        if order is None or not self.spot.visible(order):
            raise errors.NotFound(404, "not_found", [], "GET", "/api/v2/orders/{public_id}/")
        return order


def new_order(n: int = 1, *, metadata: dict[str, str] | None = None) -> models.NewOrder:
    return models.NewOrder(
        kit_types=["kit_a"],
        recipient=models.Recipient(
            first_name="Testy", last_name=f"Fakeperson{n}", email=f"testy{n}@example.com",
            phone="4155550100",
            address=models.Address(street1="1 Nowhere Ln", city="Springfield", state="CA",
                                   country="US", zip="94105"),
        ),
        metadata=metadata,
    )


class Harness:
    """An outbox on a fake clock in front of a fake Spot. ``lag``: seconds before a new order
    shows in list/get; ``spot_offset``: Spot's clock minus the workstation's."""

    def __init__(self, tmp_path: Path, *, lag: float = 0.0, spot_offset: float = 0.0) -> None:
        self.db = tmp_path / "data" / "outbox.sqlite3"
        self.clock = FakeClock()
        self.spot = FakeSpot(lambda: self.clock() + spot_offset, lag)
        self.client = FakeClient(self.spot)
        self.outbox = self.open()

    def open(self) -> Outbox:
        return Outbox(self.db, self.client, sleep=self.clock.sleep, clock=self.clock,
                      jitter=lambda: 0.5)

    def restart(self) -> Outbox:
        self.outbox.close()
        self.outbox = self.open()
        return self.outbox

    def assert_exactly_once(self, item: OutboxItem) -> None:
        current = self.outbox.get(item.item_id)
        assert current is not None
        assert current.state == "sent"
        matches = self.spot.with_ref(item.client_ref)
        assert [o.order_id for o in matches] == [current.order_id]



def open_outbox(folder: Path, client: FakeClient) -> Outbox:
    """A real outbox on the wall clock in front of ``client``, its sender thread not started:
    a test calls ``send_pending()`` for one pass, so it decides when Spot is asked."""
    return Outbox(folder / "outbox.sqlite3", client, jitter=lambda: 0.5)


def outbox_order(last_name: str = "Fakeperson", kit: str = "vitamin_d_kit") -> models.NewOrder:
    """An order for a fake person, with a kit type from the fake session's catalog."""
    order = new_order()
    return order.model_copy(update={
        "kit_types": [kit],
        "recipient": order.recipient.model_copy(
            update={"last_name": last_name, "email": "testy.fake@example.com"}
        ),
    })
