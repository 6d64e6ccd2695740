"""The Windows raw-spooler path, run on any OS: ``WinSpool`` drives a fake winspool.drv.

The fake records each call with what the real DLL would receive (the DOC_INFO_1 datatype, the
bytes in the WritePrinter buffer) and can make any call fail with a Windows error code, so the
call order, the RAW datatype, the exact ZPL bytes and the clean-up on error are all checked.
What only Windows can confirm is on the checklist in packaging/README.md.
"""

from __future__ import annotations

import ctypes
import sys
from datetime import date
from typing import Any

import pytest

from app.services.printing.labels import labels_zpl, printer_test_label
from app.services.printing.raw_printer import (
    PrinterError,
    SpoolerFailure,
    WindowsQueuePrinter,
)
from app.services.printing.settings import LabelSize
from app.services.printing.winspool import WinSpool

HANDLE = 0x5EED
ERROR_INVALID_PRINTER_NAME = 1801
ERROR_ACCESS_DENIED = 5
ERROR_INVALID_DATATYPE = 1804
ERROR_NOT_READY = 21

_WINDOWS_WORDS = {
    ERROR_INVALID_PRINTER_NAME: "The printer name is invalid.\r\n",
    ERROR_ACCESS_DENIED: "Access is denied.\r\n",
    ERROR_INVALID_DATATYPE: "The specified datatype is invalid.\r\n",
    ERROR_NOT_READY: "The device is not ready.\r\n",
}


def _target(reference: Any) -> Any:
    """What ``ctypes.byref(x)`` points at (the DLL would write through it)."""
    return reference._obj


class FakeWinspool:
    """winspool.drv's seven raw-printing functions; ``fail`` maps a function to an error code."""

    def __init__(self, fail: dict[str, int] | None = None, short_write: bool = False) -> None:
        self.calls: list[tuple[Any, ...]] = []
        self.fail = fail or {}
        self.short_write = short_write
        self.last_error = 0

    def _result(self, name: str) -> int:
        if name in self.fail:
            self.last_error = self.fail[name]
            return 0
        return 1

    def OpenPrinterW(self, name: str, handle_ref: Any, defaults: Any) -> int:
        self.calls.append(("OpenPrinter", name, defaults))
        ok = self._result("OpenPrinter")
        if ok:
            _target(handle_ref).value = HANDLE
        return ok

    def StartDocPrinterW(self, handle: Any, level: int, info_ref: Any) -> int:
        info = _target(info_ref)
        self.calls.append(("StartDocPrinter", handle.value, level, info.pDocName,
                           info.pOutputFile, info.pDatatype))
        return 7 * self._result("StartDocPrinter")  # the job id, 0 on failure

    def StartPagePrinter(self, handle: Any) -> int:
        self.calls.append(("StartPagePrinter", handle.value))
        return self._result("StartPagePrinter")

    def WritePrinter(self, handle: Any, buffer: Any, size: int, written_ref: Any) -> int:
        data = ctypes.string_at(buffer, size)
        self.calls.append(("WritePrinter", handle.value, data))
        ok = self._result("WritePrinter")
        if ok:
            _target(written_ref).value = size - 1 if self.short_write else size
        return ok

    def EndPagePrinter(self, handle: Any) -> int:
        self.calls.append(("EndPagePrinter", handle.value))
        return 1

    def EndDocPrinter(self, handle: Any) -> int:
        self.calls.append(("EndDocPrinter", handle.value))
        return 1

    def ClosePrinter(self, handle: Any) -> int:
        self.calls.append(("ClosePrinter", handle.value))
        return 1

    def names(self) -> list[str]:
        return [call[0] for call in self.calls]


def _printer(dll: FakeWinspool, queue: str = "ZDesigner ZD421-203dpi") -> WindowsQueuePrinter:
    spooler = WinSpool(dll, lambda: dll.last_error, lambda code: _WINDOWS_WORDS.get(code, "?"))
    return WindowsQueuePrinter(queue, spooler=spooler)


ZPL = labels_zpl([printer_test_label(date(2026, 1, 5))], LabelSize.SMALL, 203)


def test_a_label_goes_through_the_spooler_as_raw_bytes_in_order() -> None:
    dll = FakeWinspool()
    _printer(dll).send(ZPL, "Spot kit")
    assert dll.calls == [
        ("OpenPrinter", "ZDesigner ZD421-203dpi", None),
        ("StartDocPrinter", HANDLE, 1, "Spot kit", None, "RAW"),
        ("StartPagePrinter", HANDLE),
        ("WritePrinter", HANDLE, ZPL),
        ("EndPagePrinter", HANDLE),
        ("EndDocPrinter", HANDLE),
        ("ClosePrinter", HANDLE),
    ]


@pytest.mark.parametrize(
    ("failing", "expected_calls"),
    [
        ("StartDocPrinter", ["OpenPrinter", "StartDocPrinter", "ClosePrinter"]),
        ("StartPagePrinter",
         ["OpenPrinter", "StartDocPrinter", "StartPagePrinter", "EndDocPrinter", "ClosePrinter"]),
        ("WritePrinter",
         ["OpenPrinter", "StartDocPrinter", "StartPagePrinter", "WritePrinter", "EndPagePrinter",
          "EndDocPrinter", "ClosePrinter"]),
    ],
)
def test_every_started_step_is_ended_and_the_printer_closed_on_error(
    failing: str, expected_calls: list[str]
) -> None:
    dll = FakeWinspool(fail={failing: ERROR_NOT_READY})
    with pytest.raises(PrinterError) as raised:
        _printer(dll).send(ZPL, "Spot kit")
    assert dll.names() == expected_calls
    assert raised.value.title == (
        "Windows could not send the label to 'ZDesigner ZD421-203dpi' (The device is not ready.)"
    )
    assert raised.value.advice == (
        "Check that the printer is on and its queue is not paused, then try again."
    )


def test_a_printer_that_cannot_be_opened_is_not_closed() -> None:
    dll = FakeWinspool(fail={"OpenPrinter": ERROR_INVALID_PRINTER_NAME})
    with pytest.raises(PrinterError) as raised:
        _printer(dll, "Old Zebra").send(ZPL, "Spot kit")
    assert dll.names() == ["OpenPrinter"]  # no handle: nothing to close
    assert raised.value.title == "No printer named 'Old Zebra' is installed on this computer"
    assert raised.value.advice == "Choose the label printer again in Settings → Printing."


@pytest.mark.parametrize(
    ("code", "title", "advice_start"),
    [
        (ERROR_ACCESS_DENIED, "Windows does not let this account print to 'Z'", "Ask IT"),
        (ERROR_INVALID_DATATYPE, "The printer 'Z' does not accept raw labels",
         "Install it with the Zebra (ZDesigner) driver"),
    ],
)
def test_common_windows_errors_say_what_to_do(code: int, title: str, advice_start: str) -> None:
    dll = FakeWinspool(fail={"StartDocPrinter": code})
    with pytest.raises(PrinterError) as raised:
        _printer(dll, "Z").send(ZPL, "Spot kit")
    assert raised.value.title == title
    assert raised.value.advice.startswith(advice_start)
    assert dll.names()[-1] == "ClosePrinter"


def test_a_partial_write_is_an_error_not_a_silent_half_label() -> None:
    dll = FakeWinspool(short_write=True)
    with pytest.raises(PrinterError, match="took only part of the label"):
        _printer(dll).send(ZPL, "Spot kit")
    assert dll.names()[-3:] == ["EndPagePrinter", "EndDocPrinter", "ClosePrinter"]


def test_the_failure_names_the_windows_call_for_support() -> None:
    dll = FakeWinspool(fail={"WritePrinter": ERROR_NOT_READY})
    spooler = WinSpool(dll, lambda: dll.last_error, lambda code: _WINDOWS_WORDS[code])
    with pytest.raises(SpoolerFailure) as raised:
        spooler.write_raw("Z", b"^XA^XZ", "Spot kit")
    assert (raised.value.call, raised.value.winerror) == ("WritePrinter", ERROR_NOT_READY)
    assert raised.value.strerror == "The device is not ready."


@pytest.mark.skipif(sys.platform == "win32", reason="the real spooler is there")
def test_off_windows_the_queue_printer_says_so_instead_of_crashing() -> None:
    with pytest.raises(PrinterError, match="only available on Windows"):
        WindowsQueuePrinter("Z").send(ZPL, "Spot kit")
