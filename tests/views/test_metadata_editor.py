"""MetadataEditor: key/value rows typed like a user; shared by the order form and the kit panel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton
from pytestqt.qtbot import QtBot

from app.views.common.metadata_editor import MetadataEditor

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def editor(qtbot: QtBot) -> MetadataEditor:
    widget = MetadataEditor()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_typed_rows_become_the_dict(qtbot: QtBot, editor: MetadataEditor) -> None:
    assert editor.metadata() == {}
    assert editor.is_empty()
    editor.key_edit(0).setFocus()
    qtbot.keyClicks(editor.key_edit(0), "clinic_ref")
    qtbot.keyClick(editor.key_edit(0), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.value_edit(0)
    qtbot.keyClicks(editor.value_edit(0), " A-17 ")
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert editor.row_count() == 2
    assert QApplication.focusWidget() is editor.key_edit(1)
    qtbot.keyClicks(editor.key_edit(1), "room")
    qtbot.keyClicks(editor.value_edit(1), "3")
    assert editor.metadata() == {"clinic_ref": "A-17", "room": "3"}
    assert editor.problems() == []


@pytest.mark.parametrize(
    ("rows", "problem"),
    [
        ([("room", "1"), ("room", "2")], "The name “room” is used twice"),
        ([("", "orphan")], "A note needs a name"),
        ([("frontdesk_ref", "x")],
         "“frontdesk_ref” is used by Spot Front Desk itself; choose another name"),
        # An order can't be typed into someone else's name (issue 19's batch importer).
        ([("frontdesk_staff_id", "s-0000000001")],
         "“frontdesk_staff_id” is used by Spot Front Desk itself; choose another name"),
    ],
)  # fmt: skip
def test_rows_that_cannot_be_saved_are_explained(
    qtbot: QtBot, editor: MetadataEditor, rows: list[tuple[str, str]], problem: str
) -> None:
    for index, (key, value) in enumerate(rows):
        if index:
            qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(editor.key_edit(index), key)
        qtbot.keyClicks(editor.value_edit(index), value)
    assert editor.problems() == [problem]
    assert editor.message.text() == problem
    assert editor.message.isVisible()


def test_values_that_are_not_text_come_back_unchanged_unless_edited(
    qtbot: QtBot, editor: MetadataEditor
) -> None:
    editor.set_metadata({"count": 3, "tags": ["a", "b"], "note": "hi"})
    assert editor.value_edit(1).text() == '["a", "b"]'
    assert editor.metadata() == {"count": 3, "tags": ["a", "b"], "note": "hi"}
    editor.value_edit(0).selectAll()
    qtbot.keyClicks(editor.value_edit(0), "4")
    assert editor.metadata()["count"] == "4"


def test_remove_button_drops_the_row(qtbot: QtBot, editor: MetadataEditor) -> None:
    editor.set_metadata({"a": "1", "b": "2"})
    changes: list[None] = []
    editor.changed.connect(lambda: changes.append(None))
    removes = [b for b in editor.findChildren(QToolButton) if b.isVisible()]
    assert len(removes) == 3  # a, b and the empty row to type a new one
    qtbot.mouseClick(removes[0], Qt.MouseButton.LeftButton)
    assert editor.metadata() == {"b": "2"}
    assert changes


def test_the_apps_own_keys_on_an_existing_order_are_kept_not_refused(
    qtbot: QtBot, editor: MetadataEditor
) -> None:
    editor.set_metadata({"frontdesk_ordered_by": "FD", "frontdesk_batch": "3f9a1c2b7d10"})
    assert editor.problems() == []
    editor.key_edit(1).selectAll()
    qtbot.keyClicks(editor.key_edit(1), "frontdesk_batch_row")  # renamed: typed anew
    assert editor.problems() == [
        "“frontdesk_batch_row” is used by Spot Front Desk itself; choose another name"]
