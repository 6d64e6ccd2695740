"""Label templates → ZPL: compared with golden files and checked by a real ZPL II validator."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import zpl_toolchain

from app.services.printing.codes import code128_modules
from app.services.printing.labels import (
    Label,
    kit_label,
    label_zpl,
    labels_zpl,
    order_label,
    printer_test_label,
    requisition_label,
)
from app.services.printing.settings import LabelSize

GOLDEN = Path(__file__).parent / "golden"
ON = date(2026, 12, 5)

TEMPLATES: dict[str, Label] = {
    "kit": kit_label("KIT-0012AB", "Testy Exämple", "1980-02-03", ON),
    "order": order_label("ORD-7F3K2", "Testy Exämple", ["ADx100 blood card", "Saliva (3 mL)"], ON),
    "requisition": requisition_label("REQ123456", "Testy Exämple", None, "Fake Lab West", "rq_1"),
}


def _problems(zpl: str) -> list[str]:
    """zpl-toolchain's warnings and errors, less its field-bounds estimate (ZPL2311): that one
    counts every field as text at 20 dots a character whatever the ^A0 height or ^BY module
    (^A0N,24,24 and ^A0N,100,100 are both flagged from 20 characters; a barcode is reported as
    "text"). Bounds are checked by the tests below instead."""
    result = zpl_toolchain.validate(zpl)
    return [
        f"{issue['id']}: {issue['message']}"
        for issue in result["issues"]
        if issue["severity"] in ("warn", "error")
        and not (issue["id"] == "ZPL2311" and issue["message"].startswith("text at"))
    ] + ([] if result["ok"] else ["not ok"])


@pytest.mark.parametrize("dpi", [203, 300])
@pytest.mark.parametrize("size", list(LabelSize))
@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_label_zpl_matches_golden_and_validates(template: str, size: LabelSize, dpi: int) -> None:
    zpl = label_zpl(TEMPLATES[template], size, dpi)
    golden = GOLDEN / f"{template}_{size.value}_{dpi}.zpl"
    assert zpl == golden.read_bytes().decode("utf-8"), f"regenerate {golden.name} if intended"
    assert _problems(zpl) == []


@pytest.mark.parametrize("dpi", [203, 300])
@pytest.mark.parametrize("size", list(LabelSize))
@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_barcode_and_text_stay_on_the_label(template: str, size: LabelSize, dpi: int) -> None:
    zpl = label_zpl(TEMPLATES[template], size, dpi)
    width = int(re.search(r"\^PW(\d+)", zpl).group(1))  # type: ignore[union-attr]
    height = int(re.search(r"\^LL(\d+)", zpl).group(1))  # type: ignore[union-attr]
    bar = re.search(r"\^FO(\d+),\d+\^BY(\d+)", zpl)
    assert bar is not None
    bars = len(code128_modules(TEMPLATES[template].barcode))
    assert int(bar.group(1)) + bars * int(bar.group(2)) <= width
    for y, font in re.findall(r"\^FO\d+,(\d+)\^A0N,(\d+)", zpl):
        assert int(y) + int(font) <= height


def test_label_sets_the_printed_size_in_dots() -> None:
    zpl = label_zpl(TEMPLATES["kit"], LabelSize.LARGE, 300)
    assert "^PW1200\n" in zpl  # 4 in × 300 dpi
    assert "^LL1800\n" in zpl  # 6 in × 300 dpi


def test_names_with_accents_and_zpl_control_characters_cannot_break_the_label() -> None:
    label = kit_label("KIT-1", "Zoë ^XZ ~JR \\ O'Brien", None, ON)
    zpl = label_zpl(label, LabelSize.SMALL)
    assert "Zoë \\5EXZ \\7EJR \\5C O'Brien" in zpl  # ^FH\\ escapes; UTF-8 under ^CI28
    assert "^XZ ~JR" not in zpl
    assert zpl.count("^XZ") == 1
    assert _problems(zpl) == []


def test_a_missing_date_of_birth_prints_a_blank_to_fill_in() -> None:
    zpl = label_zpl(TEMPLATES["requisition"], LabelSize.SMALL)
    assert "DOB ____-__-__" in zpl
    assert "Lab Fake Lab West" in zpl


def test_long_names_are_cut_with_an_ellipsis_not_wrapped_over_the_next_line() -> None:
    label = kit_label("KIT-1", "Maximiliana Alexandrina Worthington-Smythe", "1980-02-03", ON)
    zpl = label_zpl(label, LabelSize.SMALL)
    name_line = next(line for line in zpl.splitlines() if "Maximiliana" in line)
    assert name_line.endswith("…^FS")
    assert "Smythe" not in name_line


def test_a_barcode_too_long_for_the_small_label_is_refused_with_a_message() -> None:
    with pytest.raises(ValueError, match="too long for a 2 × 1 in label"):
        label_zpl(kit_label("K" * 60, "A B", None, ON), LabelSize.SMALL)


def test_several_labels_make_one_job_of_complete_formats() -> None:
    job = labels_zpl([TEMPLATES["kit"], printer_test_label(ON)], LabelSize.SMALL)
    text = job.decode("utf-8")
    assert text.count("^XA") == 2
    assert text.count("^XZ") == 2
    assert _problems(text) == []


def test_only_ids_go_to_the_audit_trail() -> None:
    assert TEMPLATES["kit"].object_ids == ("KIT-0012AB",)
    assert TEMPLATES["requisition"].object_ids == ("rq_1",)
    assert printer_test_label(ON).object_ids == ()


def test_unsupported_resolution_is_refused() -> None:
    with pytest.raises(ValueError, match="203 or 300"):
        label_zpl(TEMPLATES["kit"], LabelSize.SMALL, 600)
