"""The report viewer's PDF toolbar: page number, zoom and find, kept in step with the pane.

The window owns the actions (their shortcuts work anywhere in it); the toolbar lays them out
with its own fields and follows the pane's page, zoom and search signals.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt, Signal, SignalInstance, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QSizePolicy, QSpinBox, QToolBar, QWidget

from app.views.reports.pdf_pane import PdfPane, ZoomMode

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

__all__ = ["ZOOM_PRESETS", "PdfActions", "PdfToolbar"]

ZOOM_PRESETS: tuple[int, ...] = (50, 75, 100, 125, 150, 200, 300, 400)


class SearchTarget(Protocol):
    """What Find drives: ``PdfPane`` or the text tab's ``TextFinder``."""

    @property
    def search_changed(self) -> SignalInstance: ...
    def search(self, text: str) -> None: ...
    def search_text(self) -> str: ...
    def searching(self) -> bool: ...
    def result_count(self) -> int: ...
    def next_result(self) -> None: ...
    def previous_result(self) -> None: ...


@dataclass(frozen=True, slots=True)
class PdfActions:
    """The window's actions that the toolbar shows beside its fields."""

    previous_page: QAction
    next_page: QAction
    zoom_out: QAction
    zoom_in: QAction
    find_previous: QAction
    find_next: QAction


class PdfToolbar(QToolBar):
    """``changed`` when the page or search moved (the window re-enables its actions)."""

    changed = Signal()

    def __init__(self, pane: PdfPane, actions: PdfActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pane = pane
        self._finder: SearchTarget = pane  # what Find searches: the PDF or the text tab
        self._first_on_arrival = False  # Enter pressed before the matches were counted
        self._connected: list[SearchTarget] = [pane]
        toolbar = self
        toolbar.setObjectName("report_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        actions.previous_page.setText(translate("ReportWindow", "◀ Previous"))
        toolbar.addAction(actions.previous_page)
        self._page_spin = QSpinBox(toolbar)
        self._page_spin.setObjectName("page_spin")
        self._page_spin.setAccessibleName(translate("ReportWindow", "Page number"))
        self._page_spin.setKeyboardTracking(False)
        self._page_spin.setMinimum(1)
        self._page_spin.valueChanged.connect(self._on_page_spin_value_changed)
        self._page_label = QLabel(toolbar)
        self._page_label.setObjectName("page_label")
        page_caption = QLabel(translate("ReportWindow", "Page"), toolbar)
        page_caption.setBuddy(self._page_spin)
        toolbar.addWidget(page_caption)
        toolbar.addWidget(self._page_spin)
        toolbar.addWidget(self._page_label)
        actions.next_page.setText(translate("ReportWindow", "Next ▶"))
        toolbar.addAction(actions.next_page)
        toolbar.addSeparator()

        actions.zoom_out.setText("−")
        toolbar.addAction(actions.zoom_out)
        self._zoom_combo = QComboBox(toolbar)
        self._zoom_combo.setObjectName("zoom_combo")
        self._zoom_combo.setAccessibleName(translate("ReportWindow", "Zoom"))
        self._zoom_combo.setEditable(True)
        self._zoom_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._zoom_combo.addItem(translate("ReportWindow", "Fit width"), ZoomMode.FIT_WIDTH)
        self._zoom_combo.addItem(translate("ReportWindow", "Fit page"), ZoomMode.FIT_PAGE)
        for percent in ZOOM_PRESETS:
            label = translate("ReportWindow", "%1%").replace("%1", str(percent))
            self._zoom_combo.addItem(label, percent)
        self._zoom_combo.setMinimumContentsLength(9)
        self._zoom_combo.activated.connect(self._on_zoom_combo_activated)
        line_edit = self._zoom_combo.lineEdit()
        assert line_edit is not None
        line_edit.returnPressed.connect(self._on_zoom_text_entered)
        toolbar.addWidget(self._zoom_combo)
        actions.zoom_in.setText("+")
        toolbar.addAction(actions.zoom_in)
        toolbar.addSeparator()

        self._search_edit = QLineEdit(toolbar)
        self._search_edit.setObjectName("search_edit")
        self._search_edit.setPlaceholderText(translate("ReportWindow", "Find (Ctrl+F)"))
        self._search_edit.setAccessibleName(translate("ReportWindow", "Find in report"))
        self._search_edit.setClearButtonEnabled(True)
        self._search_edit.setMaximumWidth(240)
        self._search_edit.textChanged.connect(self._on_search_text_changed)
        self._search_edit.returnPressed.connect(self._on_search_return_pressed)
        toolbar.addWidget(self._search_edit)
        actions.find_previous.setText("▲")
        actions.find_next.setText("▼")
        toolbar.addAction(actions.find_previous)
        toolbar.addAction(actions.find_next)
        self._search_label = QLabel(toolbar)
        self._search_label.setObjectName("search_label")
        toolbar.addWidget(self._search_label)
        pane.page_changed.connect(self._on_pdf_page_changed)
        pane.zoom_changed.connect(self._on_pdf_zoom_changed)
        pane.search_changed.connect(self._on_search_changed)
        spacer = QWidget(toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)

    def set_fields_enabled(self, enabled: bool, *, find: bool | None = None) -> None:
        """Page and zoom fields; Find too unless ``find`` says otherwise (the text tab)."""
        for widget in (self._page_spin, self._zoom_combo):
            widget.setEnabled(enabled)
        self._search_edit.setEnabled(enabled if find is None else find)

    def search_in(self, finder: SearchTarget) -> None:
        """Find in ``finder`` from now on (the tab on screen), with the text typed so far."""
        if finder is self._finder:
            return
        self._finder.search("")
        self._finder = finder
        if not any(finder is known for known in self._connected):
            finder.search_changed.connect(self._on_search_changed)
            self._connected.append(finder)
        finder.search(self._search_edit.text().strip())

    def finder(self) -> SearchTarget:
        return self._finder

    def clear_search(self) -> None:
        self._search_edit.blockSignals(True)
        self._search_edit.clear()
        self._search_edit.blockSignals(False)
        self._search_label.clear()

    def tab_chain(self) -> tuple[QWidget, ...]:
        """The toolbar's fields in reading order."""
        return (self._page_spin, self._zoom_combo, self._search_edit)

    @Slot(int, int)
    def _on_pdf_page_changed(self, page: int, count: int) -> None:
        self._page_spin.blockSignals(True)
        self._page_spin.setMaximum(max(1, count))
        self._page_spin.setValue(page + 1)
        self._page_spin.blockSignals(False)
        of_count = translate("ReportWindow", "of %1").replace("%1", str(count))
        self._page_label.setText(of_count if count else "")
        self.changed.emit()

    def page_text(self) -> str:
        """What the page indicator says, e.g. "Page 1 of 3"."""
        return (
            translate("ReportWindow", "Page %1 of %2")
            .replace("%1", str(self._page_spin.value()))
            .replace("%2", str(self._pane.page_count()))
        )

    @Slot(int)
    def _on_page_spin_value_changed(self, value: int) -> None:
        self._pane.go_to_page(value - 1)

    @Slot(int)
    def _on_zoom_combo_activated(self, index: int) -> None:
        data = self._zoom_combo.itemData(index)
        if isinstance(data, ZoomMode):
            self._pane.set_zoom_mode(data)
        elif isinstance(data, int):
            self._pane.set_zoom_factor(data / 100)

    @Slot()
    def _on_zoom_text_entered(self) -> None:
        text = self._zoom_combo.currentText().strip().rstrip("%").strip()
        try:
            percent = float(text.replace(",", "."))
        except ValueError:
            self._on_pdf_zoom_changed()  # put the current zoom back in the box
            return
        self._pane.set_zoom_factor(percent / 100)

    @Slot()
    def _on_pdf_zoom_changed(self) -> None:
        self._zoom_combo.setEditText(self.zoom_text())

    def zoom_text(self) -> str:
        """The zoom as shown: "Fit width", "Fit page" or a percentage."""
        mode = self._pane.zoom_mode()
        if mode is ZoomMode.FIT_WIDTH:
            return translate("ReportWindow", "Fit width")
        if mode is ZoomMode.FIT_PAGE:
            return translate("ReportWindow", "Fit page")
        percent = round(self._pane.effective_zoom() * 100)
        return translate("ReportWindow", "%1%").replace("%1", str(percent))

    @Slot()
    def focus_search(self) -> None:
        self._search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._search_edit.selectAll()

    @Slot(str)
    def _on_search_text_changed(self, text: str) -> None:
        self._first_on_arrival = False
        self._finder.search(text.strip())

    @Slot()
    def _on_search_return_pressed(self) -> None:
        finder = self._finder
        if finder.result_count():
            finder.next_result()
        elif finder.searching():
            # QtPdf is still counting: show the first match as soon as there is one.
            self._first_on_arrival = True

    @Slot(int, int)
    def _on_search_changed(self, current: int, count: int) -> None:
        if self.sender() is not self._finder:
            return
        if self._first_on_arrival and count:
            self._first_on_arrival = False
            self._finder.next_result()  # emits again, with the first match current
            return
        if not self._finder.search_text():
            self._search_label.clear()
        elif count == 0:
            self._search_label.setText(
                translate("ReportWindow", "Searching…") if self._finder.searching()
                else translate("ReportWindow", "No matches")
            )
        elif current < 0:
            self._search_label.setText(
                translate("ReportWindow", "1 match")
                if count == 1
                else translate("ReportWindow", "%1 matches").replace("%1", str(count))
            )
        else:
            self._search_label.setText(
                translate("ReportWindow", "%1 of %2")
                .replace("%1", str(current + 1))
                .replace("%2", str(count))
            )

    def search_status(self) -> str:
        return self._search_label.text()
