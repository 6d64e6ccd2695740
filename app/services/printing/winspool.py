"""The Windows spooler's raw path through ctypes: winspool.drv's seven calls, nothing else.

ctypes rather than pywin32: seven calls do not justify pywin32's DLLs and PyInstaller hooks in
the bundle. Imported only when a label goes to a Windows queue (ctypes costs start-up time).
``WinSpool`` takes the DLL, so tests run this code on any OS with a fake one.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from ctypes import wintypes
from typing import Any

from app.services.errors import QT_TRANSLATE_NOOP
from app.services.printing.raw_printer import SpoolerFailure
from app.services.printing.wording import say

__all__ = ["WinSpool"]


class _DocInfo1(ctypes.Structure):
    """DOC_INFO_1W: the job name the queue shows, and the datatype ("RAW": no driver)."""

    _fields_ = (
        ("pDocName", wintypes.LPWSTR),
        ("pOutputFile", wintypes.LPWSTR),
        ("pDatatype", wintypes.LPWSTR),
    )


class WinSpool:
    """OpenPrinter → StartDocPrinter(RAW) → StartPagePrinter → WritePrinter → EndPagePrinter →
    EndDocPrinter → ClosePrinter, through ctypes (no pywin32 in the bundle).

    ``dll`` is winspool.drv on Windows (``load()``); tests hand in a fake with the same
    functions, so this code runs on every OS. Each started step is ended even when a later one
    fails, and the printer handle is always closed.
    """

    def __init__(
        self,
        dll: Any,
        last_error: Callable[[], int],
        format_error: Callable[[int], str],
    ) -> None:
        self._dll = dll
        self._last_error = last_error
        self._format_error = format_error

    @classmethod
    def load(cls) -> WinSpool:  # pragma: no cover - Windows only
        dll = ctypes.WinDLL("winspool.drv", use_last_error=True)  # type: ignore[attr-defined]
        handle, bool_, dword = wintypes.HANDLE, wintypes.BOOL, wintypes.DWORD
        signatures: dict[str, tuple[list[Any], Any]] = {
            "OpenPrinterW": ([wintypes.LPWSTR, ctypes.POINTER(handle), ctypes.c_void_p], bool_),
            "StartDocPrinterW": ([handle, dword, ctypes.POINTER(_DocInfo1)], dword),
            "StartPagePrinter": ([handle], bool_),
            "WritePrinter": ([handle, ctypes.c_void_p, dword, ctypes.POINTER(dword)], bool_),
            "EndPagePrinter": ([handle], bool_),
            "EndDocPrinter": ([handle], bool_),
            "ClosePrinter": ([handle], bool_),
        }
        for name, (argtypes, restype) in signatures.items():
            function = getattr(dll, name)
            function.argtypes, function.restype = argtypes, restype
        return cls(dll, ctypes.get_last_error,  # type: ignore[attr-defined]
                   ctypes.FormatError)  # type: ignore[attr-defined]

    def _check(self, ok: int, call: str) -> None:
        if not ok:
            code = self._last_error()
            raise SpoolerFailure(call, code, self._format_error(code).strip())

    def write_raw(self, printer: str, data: bytes, job_name: str) -> None:
        dll = self._dll
        handle = wintypes.HANDLE()
        self._check(dll.OpenPrinterW(printer, ctypes.byref(handle), None), "OpenPrinter")
        try:
            info = _DocInfo1(job_name, None, "RAW")
            self._check(dll.StartDocPrinterW(handle, 1, ctypes.byref(info)), "StartDocPrinter")
            try:
                self._check(dll.StartPagePrinter(handle), "StartPagePrinter")
                try:
                    written = wintypes.DWORD()
                    buffer = ctypes.create_string_buffer(data, len(data))
                    self._check(
                        dll.WritePrinter(handle, buffer, len(data), ctypes.byref(written)),
                        "WritePrinter",
                    )
                    if written.value != len(data):
                        raise SpoolerFailure(
                            "WritePrinter", 0,
                            say(QT_TRANSLATE_NOOP("Errors",
                                                   "the spooler took only part of the label")),
                        )
                finally:
                    dll.EndPagePrinter(handle)
            finally:
                dll.EndDocPrinter(handle)
        finally:
            dll.ClosePrinter(handle)
