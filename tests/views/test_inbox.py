"""The results inbox tab, driven by the keyboard against the sandbox; and its screenshots."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox, QTableWidgetItem
from pytestqt.qtbot import QtBot

from app.compose import sandbox_catalog
from app.paths import paths
from app.sandbox import SandboxServer
from app.services.environments import Environment
from app.services.inbox import REVIEW_KEY, CriticalLimit, Reviewer
from app.services.session import Session
from app.tasks import TaskRunner
from app.views.common.events import AppEvents, ReportRequest
from app.views.inbox.model import COL_FLAGS, COL_PATIENT
from app.views.inbox.settings_box import InboxSettingsBox
from app.views.inbox.view import InboxView
from tests.helpers.main_window import WAIT_MS, MakeWindow, sign_in_to_sandbox

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)
CLINICIAN = Reviewer("Dr. Ada Byrne", "clinician")


@pytest.fixture
def session(sandbox: SandboxServer) -> Iterator[Session]:
    sandbox.seed(40)
    live = Session.open(Environment.sandbox(sandbox.base_url), sandbox.token, paths(),
                        kit_catalog=sandbox_catalog(), start_outbox=False)
    assert live.inbox is not None
    live.inbox.set_go_live(datetime(2000, 1, 1, tzinfo=UTC))
    live.sync.refresh()
    yield live
    live.close()


def _view(qtbot: QtBot, session: Session, runner: TaskRunner, reviewer: Reviewer,
          events: AppEvents | None = None) -> InboxView:
    assert session.inbox is not None
    view = InboxView(session.inbox, runner, events or AppEvents(), reviewer,
                     kit_names=session.kit_catalog)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    view.reload()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=WAIT_MS)
    return view


def test_keyboard_only_review_opens_signs_off_and_moves_on(
    qtbot: QtBot, session: Session, runner: TaskRunner
) -> None:
    events = AppEvents()
    requests: list[ReportRequest] = []
    events.report_requested.connect(requests.append)
    view = _view(qtbot, session, runner, CLINICIAN, events)
    total = view.model.rowCount()
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    second = view.current_row()
    assert second is not None
    assert second == view.model.row_at(1)

    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(requests) == 1, timeout=WAIT_MS)
    assert requests[0].report.report_id == second.report_id
    assert requests[0].kit_id == second.kit_id
    assert view.panel.table.rowCount() > 0  # the results beside the list
    assert second.patient in view.panel.title.text()

    qtbot.keyClick(view.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.model.rowCount() == total - 1, timeout=WAIT_MS)
    assert view.current_row() == view.model.row_at(1)  # on to the next one, same place
    assert view.current_row() != second
    assert view.focusWidget() is view.table  # the keyboard stays in the list
    metadata = session.client.get_kit(second.kit_id).metadata
    assert metadata[REVIEW_KEY][second.report_id]["by"] == "Dr. Ada Byrne"


def test_front_desk_cannot_sign_but_marks_for_a_clinician(
    qtbot: QtBot, session: Session, runner: TaskRunner
) -> None:
    view = _view(qtbot, session, runner, Reviewer("JM", "front_desk"))
    assert not view.panel.sign_button.isEnabled()
    assert not view.bulk_button.isVisible()
    last = view.model.row_at(view.model.rowCount() - 1)
    assert last is not None
    view.select(view.model.rowCount() - 1)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "clinicians" in view.status.text()
    qtbot.mouseClick(view.panel.clinician_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Marked" in view.status.text(), timeout=WAIT_MS)
    # The next clinician finds it at the top.
    view.set_reviewer(CLINICIAN)
    qtbot.waitUntil(lambda: view.model.row_at(0) is not None
                    and view.model.row_at(0).report_id == last.report_id,  # type: ignore[union-attr]
                    timeout=WAIT_MS)
    assert "For a clinician" in str(view.model.index(0, COL_FLAGS).data())


def test_filters_by_flag_and_the_patient_column_masks_the_birth_date(
    qtbot: QtBot, session: Session, runner: TaskRunner
) -> None:
    view = _view(qtbot, session, runner, CLINICIAN)
    everything = view.model.rowCount()
    view.flag_filter.setCurrentIndex(view.flag_filter.findData("amended"))
    rows = view.model.rows()
    assert rows
    assert all(row.amended for row in rows)
    assert len(rows) < everything
    patient = str(view.model.index(0, COL_PATIENT).data())
    assert "••••-••-••" in patient or "DOB" in patient
    view.flag_filter.setCurrentIndex(0)
    assert view.model.rowCount() == everything


def test_admin_signs_off_the_backlog_after_confirming(
    qtbot: QtBot, session: Session, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = _view(qtbot, session, runner, Reviewer("Admin Kim", "administrator"))
    assert view.bulk_button.isVisible()
    asked: list[str] = []

    def confirm(box: QMessageBox) -> int:
        asked.append(box.text())
        box.buttons()[0].click()  # "Sign off all"
        return 0

    monkeypatch.setattr(QMessageBox, "exec", confirm)
    count = view.model.rowCount()
    qtbot.mouseClick(view.bulk_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.model.rowCount() == 0, timeout=WAIT_MS)
    assert str(count) in asked[0]


def test_the_main_window_has_an_inbox_tab_with_its_count(
    qtbot: QtBot, sandbox: SandboxServer, make_window: MakeWindow
) -> None:
    sandbox.seed(40)
    window = make_window()
    sign_in_to_sandbox(qtbot, window)
    sandbox.advance(12)  # results arrive after go-live (this desk's first start)
    window.refresh_now()
    tab = window.inbox_tab
    qtbot.waitUntil(lambda: tab.total > 0, timeout=WAIT_MS)
    texts = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert f"Results inbox ({tab.total})" in texts
    assert f"Inbox: {tab.total}" in tab.status_label.text()
    assert tab.view is not None
    window.commands["inbox"].trigger()
    assert window.tabs.currentWidget() is tab.view
    # Filled on showing (not while the tab was behind the orders), the first report chosen.
    assert tab.view.model.rowCount() == tab.total
    assert tab.view.current_row() is not None
    assert tab.view.panel.row == tab.view.current_row()


def test_critical_count_shows_in_the_title_while_minimised(
    qtbot: QtBot, sandbox: SandboxServer, make_window: MakeWindow
) -> None:
    sandbox.seed(40)
    window = make_window()
    sign_in_to_sandbox(qtbot, window)
    assert window.session is not None
    assert window.session.inbox is not None
    window.session.inbox.set_go_live(datetime(2000, 1, 1, tzinfo=UTC))
    # A limit every lipid result crosses: the clinic's own setting, none is built in.
    window.session.inbox.set_critical_limits({"Total Cholesterol": CriticalLimit(high=1)})
    window.refresh_now()
    tab = window.inbox_tab
    qtbot.waitUntil(lambda: tab.critical > 0, timeout=WAIT_MS)
    assert "critical" not in window.windowTitle()
    window.setWindowState(Qt.WindowState.WindowMinimized)
    qtbot.waitUntil(lambda: "critical" in window.windowTitle(), timeout=WAIT_MS)
    assert window.windowTitle().startswith(f"({tab.critical} critical)")
    window.setWindowState(Qt.WindowState.WindowNoState)
    qtbot.waitUntil(lambda: "critical" not in window.windowTitle(), timeout=WAIT_MS)


def test_settings_box_sets_go_live_and_critical_limits_for_administrators(
    qtbot: QtBot, session: Session
) -> None:
    assert session.inbox is not None
    applied: list[tuple[datetime, dict[str, CriticalLimit]]] = []
    box = InboxSettingsBox(session.inbox, Reviewer("Admin Kim", "administrator"),
                           lambda when, limits: applied.append((when, limits)))
    qtbot.addWidget(box)
    box.limits.setItem(0, 0, QTableWidgetItem("Glucose"))
    box.limits.setItem(0, 1, QTableWidgetItem("40"))
    box.limits.setItem(0, 2, QTableWidgetItem("400"))
    box.limits.setItem(1, 0, QTableWidgetItem("TSH"))
    box.limits.setItem(1, 2, QTableWidgetItem("ten"))
    assert "TSH" in box.problem.text()
    box.go_live.setDate(QDate(2026, 3, 1))
    box.save()
    [(when, limits)] = applied
    assert limits == {"Glucose": CriticalLimit(40, 400)}
    assert when.astimezone().date().isoformat() == "2026-03-01"
    desk = InboxSettingsBox(session.inbox, Reviewer("JM", "front_desk"), lambda *_a: None)
    qtbot.addWidget(desk)
    assert not desk.isEnabled()


# --- screenshots -------------------------------------------------------------------------------


@pytest.fixture
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """French from this checkout's catalogue (not an installed copy's)."""
    code = str(request.param)
    translator = QTranslator()
    if code == "fr_CA":
        qm = Path(__file__).resolve().parents[2] / "resources/translations"
        assert translator.load(str(qm / "spot-front-desk_fr_CA.qm"))
        qapp.installTranslator(translator)
    yield code
    qapp.removeTranslator(translator)


@pytest.mark.parametrize("language", ["en", "fr_CA"], indirect=True)
@pytest.mark.parametrize("palette_mode", ["light", "dark"], indirect=True)
def test_inbox_screenshot_shows_every_flag_and_a_report_to_sign(
    qtbot: QtBot, sandbox: SandboxServer, session: Session, runner: TaskRunner,
    palette_mode: str, language: str, tmp_path: Path,
) -> None:
    assert session.inbox is not None
    at_lab = [kit_id for row in session.store.rows()
              for kit_id, status in zip(row.kit_ids, row.sample_statuses, strict=True)
              if status in ("delivered", "received", "extra_quality_checks")]
    for kit_id in at_lab:
        sandbox.force(kit_id, "partially_resulted")  # some results now, the rest in days
    sandbox.advance(1.0)
    session.sync.refresh()
    session.inbox.set_critical_limits({"LDL Cholesterol": CriticalLimit(high=120),
                                       "25-Hydroxy Vitamin D": CriticalLimit(low=20)})
    first = session.inbox.build(CLINICIAN) if session.inbox.refresh() else []
    if first:
        session.inbox.mark_for_clinician(first[-1].kit_id, first[-1].report_id,
                                         Reviewer("JM", "front_desk"))
    view = _view(qtbot, session, runner, CLINICIAN)
    rows = view.model.rows()
    for flag in ("critical", "amended", "out_of_range", "partial", "for_clinician"):
        assert any(getattr(row, flag) for row in rows), flag
    amended = next(n for n, r in enumerate(rows) if r.amended)
    view.select(amended)
    view.table.setFocus()
    qtbot.wait(100)
    assert view.panel.sign_button.isEnabled()
    assert view.panel.changes.isVisible()
    image = view.grab().toImage()
    name = f"inbox_{palette_mode}.png" if language == "en" else (
        f"inbox_{language}_{palette_mode}.png")
    image.save(str(tmp_path / name))
    target = os.environ.get("SPOT_SCREENSHOTS_DIR")
    if target:
        image.save(str(Path(target) / name))
