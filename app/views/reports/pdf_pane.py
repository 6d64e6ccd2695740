"""A PDF page view with page navigation, zoom and text search (QtPdf), for the report viewer.

The pane holds no file paths: the caller reads the PDF off the GUI thread and hands the bytes
over, so nothing here touches the disk or the network.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfSearchModel
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QVBoxLayout, QWidget

__all__ = ["ZOOM_STEPS", "PdfPane", "ZoomMode"]

# Zoom factors offered by "zoom in/out" (1.0 = 100 %).
ZOOM_STEPS: tuple[float, ...] = (
    0.25,
    0.33,
    0.5,
    0.67,
    0.75,
    0.9,
    1.0,
    1.1,
    1.25,
    1.5,
    1.75,
    2.0,
    2.5,
    3.0,
    4.0,
)


class ZoomMode(Enum):
    FIT_WIDTH = "fit_width"
    FIT_PAGE = "fit_page"
    CUSTOM = "custom"


class PdfPane(QWidget):
    """QPdfView over a QPdfDocument loaded from bytes, plus a QPdfSearchModel.

    Signals: ``page_changed(current, count)`` with a 0-based page, ``zoom_changed()``,
    ``search_changed(current, count)`` (current is -1 when no result is selected).
    """

    page_changed = Signal(int, int)
    zoom_changed = Signal()
    search_changed = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._current_result = -1
        # QtPdf searches on a timer: until its status changes, its count is the old one.
        self._search_pending = False
        self._zoom_mode = QPdfView.ZoomMode.FitToWidth
        self._zoom_factor = 1.0
        self._install(None)

    # --- loading -----------------------------------------------------------------------------

    def load_bytes(self, data: bytes) -> QPdfDocument.Error:
        """Show the PDF in ``data``; returns QPdfDocument.Error.None_ on success.

        A damaged file leaves the pane empty and returns the document's error.
        """
        document = QPdfDocument()
        # QPdfDocument reads lazily from its device: the buffer is the document's child so
        # it lives exactly as long.
        buffer = QBuffer(document)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document.load(buffer)
        if document.status() == QPdfDocument.Status.Ready and document.pageCount() > 0:
            self._install(document)
            self._go_home()
            return QPdfDocument.Error.None_
        error = document.error()
        document.close()
        document.deleteLater()
        self.clear()
        if error == QPdfDocument.Error.None_:
            # Parsed but empty (or still "loading" from an in-memory buffer): not viewable.
            return QPdfDocument.Error.InvalidFileFormat
        return error

    def clear(self) -> None:
        """Show nothing (the previous report must not linger while the next one loads)."""
        self._install(None)

    def _install(self, document: QPdfDocument | None) -> None:
        """A new QPdfView (with its own page renderer) for ``document``.

        QtPdf 6.12's page renderer drops a queued request silently when the document is not
        Ready by the time its worker gets to it, yet keeps the request as pending, and it
        ignores later identical requests: closing or reloading a document under a live
        QPdfView left the page blank for good (1 reopen in 5 under load, see
        tests/benchmarks/report_open.py). A fresh view per document has no such leftovers,
        and a document never changes state while a view shows it.
        """
        old_view: QPdfView | None = getattr(self, "view", None)
        if old_view is not None:
            self._zoom_mode = old_view.zoomMode()
            self._zoom_factor = float(old_view.zoomFactor())
        view = QPdfView(self)
        view.setObjectName("pdf_view")
        view.setPageMode(QPdfView.PageMode.MultiPage)
        view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        view.setZoomFactor(self._zoom_factor)
        view.setZoomMode(self._zoom_mode)
        search_model = QPdfSearchModel(view)
        if document is None:
            document = QPdfDocument()
        # Not the view's child (QPdfView crashes deleting a child document): the pane's, and
        # deleted only once its view, render thread included, is gone.
        document.setParent(self)
        view.destroyed.connect(document.deleteLater)
        search_model.setDocument(document)
        view.setDocument(document)
        view.setSearchModel(search_model)
        view.pageNavigator().currentPageChanged.connect(self._on_navigator_page_changed)
        view.zoomFactorChanged.connect(self._on_view_zoom_changed)
        view.zoomModeChanged.connect(self._on_view_zoom_changed)
        search_model.countChanged.connect(self._on_search_count_changed)
        search_model.statusChanged.connect(self._on_search_status_changed)
        self.view = view
        self.document = document
        self.search_model = search_model
        self._current_result = -1
        self._search_pending = False
        if old_view is not None:
            had_focus = old_view.hasFocus()
            self._layout.replaceWidget(old_view, view)
            old_view.hide()
            old_view.deleteLater()
            if had_focus:
                view.setFocus()
        else:
            self._layout.addWidget(view)
        self.page_changed.emit(0, self.page_count())
        self.search_changed.emit(-1, 0)

    def is_loaded(self) -> bool:
        return self.document.status() == QPdfDocument.Status.Ready and self.page_count() > 0

    def text_of_page(self, page: int) -> str:
        return self.document.getAllText(page).text()

    # --- pages -------------------------------------------------------------------------------

    def page_count(self) -> int:
        return self.document.pageCount()

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to_page(self, page: int) -> None:
        if not self.is_loaded():
            return
        page = max(0, min(page, self.page_count() - 1))
        self.view.pageNavigator().jump(page, QPointF(), self.view.pageNavigator().currentZoom())

    def next_page(self) -> None:
        self.go_to_page(self.current_page() + 1)

    def previous_page(self) -> None:
        self.go_to_page(self.current_page() - 1)

    def _go_home(self) -> None:
        self.view.verticalScrollBar().setValue(0)
        self.view.pageNavigator().jump(0, QPointF(), 0)
        self.page_changed.emit(0, self.page_count())

    @Slot(int)
    def _on_navigator_page_changed(self, page: int) -> None:
        self.page_changed.emit(page, self.page_count())

    # --- zoom --------------------------------------------------------------------------------

    def zoom_mode(self) -> ZoomMode:
        mode = self.view.zoomMode()
        if mode == QPdfView.ZoomMode.FitToWidth:
            return ZoomMode.FIT_WIDTH
        if mode == QPdfView.ZoomMode.FitInView:
            return ZoomMode.FIT_PAGE
        return ZoomMode.CUSTOM

    def set_zoom_mode(self, mode: ZoomMode) -> None:
        if mode is ZoomMode.FIT_WIDTH:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif mode is ZoomMode.FIT_PAGE:
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.set_zoom_factor(self.effective_zoom())

    def set_zoom_factor(self, factor: float) -> None:
        factor = max(ZOOM_STEPS[0], min(factor, ZOOM_STEPS[-1]))
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(factor)
        self.zoom_changed.emit()

    def effective_zoom(self) -> float:
        """The zoom factor on screen, also in the fit modes (where QPdfView reports 1.0)."""
        if self.zoom_mode() is ZoomMode.CUSTOM or not self.is_loaded():
            return float(self.view.zoomFactor())
        page = self.document.pagePointSize(max(0, self.current_page()))
        if page.width() <= 0 or page.height() <= 0:
            return 1.0
        # QPdfView maps PDF points to pixels at the screen's logical DPI.
        per_point = self.view.logicalDpiX() / 72.0
        margins = self.view.documentMargins()
        width = self.view.viewport().width() - margins.left() - margins.right()
        height = self.view.viewport().height() - margins.top() - margins.bottom()
        by_width = width / (page.width() * per_point)
        if self.zoom_mode() is ZoomMode.FIT_WIDTH:
            return max(by_width, 0.01)
        return max(min(by_width, height / (page.height() * per_point)), 0.01)

    def zoom_in(self) -> None:
        current = self.effective_zoom()
        bigger = [step for step in ZOOM_STEPS if step > current + 0.005]
        self.set_zoom_factor(bigger[0] if bigger else ZOOM_STEPS[-1])

    def zoom_out(self) -> None:
        current = self.effective_zoom()
        smaller = [step for step in ZOOM_STEPS if step < current - 0.005]
        self.set_zoom_factor(smaller[-1] if smaller else ZOOM_STEPS[0])

    @Slot()
    def _on_view_zoom_changed(self) -> None:
        self.zoom_changed.emit()

    # --- search ------------------------------------------------------------------------------

    def search(self, text: str) -> None:
        """Search all pages (QtPdf searches incrementally; ``search_changed`` follows)."""
        self._current_result = -1
        self._search_pending = bool(text) and self.is_loaded()
        self.search_model.setSearchString(text)
        self.view.setCurrentSearchResultIndex(-1)
        self.search_changed.emit(-1, self.result_count())

    def search_text(self) -> str:
        return self.search_model.searchString()

    def searching(self) -> bool:
        """True until QtPdf has been through every page for the current search text."""
        return self._search_pending or (
            self.search_model.status() == QPdfSearchModel.Status.Searching
        )

    def result_count(self) -> int:
        if not self.search_model.searchString():
            return 0
        return self.search_model.count()

    def current_result(self) -> int:
        return self._current_result

    def next_result(self) -> None:
        count = self.result_count()
        if count:
            self._select_result((self._current_result + 1) % count)

    def previous_result(self) -> None:
        count = self.result_count()
        if count:
            self._select_result((self._current_result - 1) % count)

    def _select_result(self, index: int) -> None:
        self._current_result = index
        link = self.search_model.resultAtIndex(index)
        self.view.pageNavigator().jump(link.page(), link.location(), 0)
        self.view.setCurrentSearchResultIndex(index)
        self.search_changed.emit(index, self.result_count())

    @Slot()
    def _on_search_count_changed(self) -> None:
        self.search_changed.emit(self._current_result, self.result_count())

    @Slot()
    def _on_search_status_changed(self) -> None:
        if self.search_model.status() != QPdfSearchModel.Status.Searching:
            self._search_pending = False
        self.search_changed.emit(self._current_result, self.result_count())

    # --- rendering for print -----------------------------------------------------------------

    def render_page(self, page: int, size: QSize) -> QImage:
        """The page at ``size`` pixels on white (QtPdf renders on transparent)."""
        image = self.document.render(page, size)
        sheet = QImage(image.size(), QImage.Format.Format_RGB32)
        sheet.fill(QColor("white"))
        painter = QPainter(sheet)
        painter.drawImage(0, 0, image)
        painter.end()
        return sheet
