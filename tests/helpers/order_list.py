"""The order list as the user sees it: which order ids are on screen, in order."""

from __future__ import annotations

from app.views.orders.order_list import OrderListView
from app.views.orders.order_table import COL_ORDER_ID


def shown_ids(view: OrderListView) -> list[str]:
    model = view.model
    return [model.index(r, COL_ORDER_ID).data() for r in range(model.rowCount())]
