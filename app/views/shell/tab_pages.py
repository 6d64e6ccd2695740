"""The main window's tabs: Orders always; Requisitions, Unreturned kits, the results inbox and
others opened on demand, one of each, and closed with the session they show."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from app.views.common.events import AppEvents

__all__ = ["REQUISITIONS_TAB", "TabPages"]

REQUISITIONS_TAB = "requisitionsTab"


class TabPages:
    """Named pages in ``tabs``; the tab bar shows once there is more than one."""

    def __init__(self, tabs: QTabWidget, splitter: QSplitter) -> None:
        self._tabs = tabs
        self.tabs = tabs
        self.splitter = splitter

    @classmethod
    def with_orders(cls, banner: QWidget, order_list: QWidget, side: QWidget) -> TabPages:
        """The Orders page (a banner over the order list | side pane) as the first tab."""
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(order_list)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        orders_page = QWidget()
        layout = QVBoxLayout(orders_page)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(banner)
        layout.addWidget(splitter, 1)
        tabs = QTabWidget()
        tabs.setDocumentMode(True)
        tabs.addTab(orders_page, QCoreApplication.translate("MainWindow", "Orders"))
        tabs.tabBar().setVisible(False)  # shown once a second tab (Requisitions) opens
        return cls(tabs, splitter)

    def under(self, band: QWidget) -> QWidget:
        """The window's central widget: ``band`` across the top, the tabs below."""
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(band)
        layout.addWidget(self._tabs, 1)
        return central

    def show(self, name: str, title: str, make: Callable[[], QWidget]) -> QWidget:
        """Bring the page named ``name`` forward, making it first if it is not open."""
        tabs = self._tabs
        for index in range(tabs.count()):
            page = tabs.widget(index)
            if page is not None and page.objectName() == name:
                tabs.setCurrentIndex(index)
                return page
        view = make()
        view.setObjectName(name)
        tabs.addTab(view, title)
        tabs.tabBar().setVisible(True)
        tabs.setCurrentWidget(view)
        return view

    def close(self, names: Iterable[str]) -> None:
        """Drop the pages named ``names`` (the previous account's)."""
        wanted = set(names)
        tabs = self._tabs
        for index in reversed(range(tabs.count())):
            page = tabs.widget(index)
            if page is not None and page.objectName() in wanted:
                tabs.removeTab(index)
                page.deleteLater()
        tabs.tabBar().setVisible(tabs.count() > 1)

    def open_requisitions(
        self, session: Any, runner: Any, events: AppEvents, open_labels: Callable[..., object]
    ) -> None:
        """The Requisitions tab (its module is loaded when it first opens)."""

        def make() -> QWidget:
            from app.views.requisitions.view import RequisitionsView

            view = RequisitionsView(session, runner)
            view.open_report_requested.connect(events.report_requested)
            view.print_labels_requested.connect(open_labels)
            return view

        self.show(REQUISITIONS_TAB, QCoreApplication.translate("MainWindow", "Requisitions"), make)

