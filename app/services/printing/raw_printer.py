"""Send bytes (ZPL) to a label printer unchanged: over TCP 9100, or to an installed queue.

One small interface, ``RawPrinter.send(data, job_name)``, with three implementations:
``NetworkPrinter`` (a socket; the connect function is injectable), ``CupsQueuePrinter``
(``lp -o raw``; the command runner is injectable) and ``WindowsQueuePrinter`` (the Windows
spooler's RAW datatype through ctypes; the spooler is injectable). Every failure is a
``PrinterError`` whose text a person at the desk can act on. Blocking: call off the GUI thread.
"""

from __future__ import annotations

import ctypes
import socket
import subprocess
import sys
from collections.abc import Callable, Sequence
from ctypes import wintypes
from typing import Any, Protocol

from app.services.errors import QT_TRANSLATE_NOOP, ServiceError
from app.services.printing.settings import LabelPrinterKind, PrintSettings, parse_printer_address
from app.services.printing.wording import say as _say

__all__ = [
    "CupsQueuePrinter",
    "NetworkPrinter",
    "PrinterError",
    "RawPrinter",
    "SpoolerFailure",
    "WinSpool",
    "WindowsQueuePrinter",
    "raw_printer_for",
]

NETWORK_TIMEOUT_SECONDS = 8.0
QUEUE_TIMEOUT_SECONDS = 30.0


_CHECK = QT_TRANSLATE_NOOP(
    "Errors", "Check that the printer is on, has labels, and is connected, then try again."
)
_FIX_IN_SETTINGS = QT_TRANSLATE_NOOP("Errors", "Correct it in Settings → Printing.")


class PrinterError(ServiceError):
    """The label did not reach the printer: ``title`` says what happened, ``advice`` what to
    do; ``str()`` is both, for a status line. Texts are English marked for translation (or
    already translated by ``say``): they come out in the UI language."""

    def __init__(self, title: str, advice: str = _CHECK) -> None:
        super().__init__(title, advice, debug="PrinterError", transient=True)


class RawPrinter(Protocol):
    @property
    def description(self) -> str: ...

    def send(self, data: bytes, job_name: str) -> None: ...


Connect = Callable[[tuple[str, int], float], socket.socket]


def _connect(address: tuple[str, int], timeout: float) -> socket.socket:
    return socket.create_connection(address, timeout=timeout)


class NetworkPrinter:
    """A printer listening for raw jobs on TCP (port 9100 by default)."""

    def __init__(
        self,
        host: str,
        port: int,
        *,
        timeout: float = NETWORK_TIMEOUT_SECONDS,
        connect: Connect = _connect,
    ) -> None:
        self.host = host
        self.port = port
        self._timeout = timeout
        self._connect = connect

    @property
    def description(self) -> str:
        return _say(QT_TRANSLATE_NOOP("Errors", "the label printer at %1"),
                    f"{self.host}:{self.port}")

    def send(self, data: bytes, job_name: str) -> None:
        where = f"{self.host}:{self.port}"
        try:
            with self._connect((self.host, self.port), self._timeout) as sock:
                sock.sendall(data)
                # Half-close: the printer sees the end of the job. Zebras keep the connection
                # open and never answer a format, so there is nothing to wait for.
                sock.shutdown(socket.SHUT_WR)
        except ConnectionRefusedError:
            raise PrinterError(_say(QT_TRANSLATE_NOOP(
                "Errors", "The label printer at %1 refused the connection"), where)) from None
        except TimeoutError:
            raise PrinterError(_say(QT_TRANSLATE_NOOP(
                "Errors", "The label printer at %1 did not answer within %2 seconds"),
                where, f"{self._timeout:g}")) from None
        except socket.gaierror:
            raise PrinterError(
                _say(QT_TRANSLATE_NOOP("Errors", "No printer named %1 was found on the network"),
                     repr(self.host)),
                QT_TRANSLATE_NOOP("Errors", "Check the address in Settings → Printing."),
            ) from None
        except OSError as error:
            reason = error.strerror or type(error).__name__
            raise PrinterError(_say(QT_TRANSLATE_NOOP(
                "Errors", "The label could not be sent to %1 (%2)"), where, reason)) from None


class _Completed(Protocol):
    returncode: int
    stderr: bytes


Runner = Callable[..., _Completed]


class CupsQueuePrinter:
    """A printer installed on this computer (Linux, macOS): ``lp -d QUEUE -o raw``."""

    def __init__(self, queue: str, *, run: Runner = subprocess.run) -> None:
        self.queue = queue
        self._run = run

    @property
    def description(self) -> str:
        return _say(QT_TRANSLATE_NOOP("Errors", "the printer %1"), repr(self.queue))

    def send(self, data: bytes, job_name: str) -> None:
        command: Sequence[str] = ["lp", "-d", self.queue, "-o", "raw", "-t", job_name, "-"]
        try:
            done = self._run(
                command, input=data, capture_output=True, timeout=QUEUE_TIMEOUT_SECONDS, check=False
            )
        except FileNotFoundError:
            raise PrinterError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Printing to an installed printer needs CUPS (the 'lp' command), which is "
                    "not installed",
                ),
                QT_TRANSLATE_NOOP(
                    "Errors", "Use the printer's network address in Settings → Printing instead."
                ),
            ) from None
        except subprocess.TimeoutExpired:
            raise PrinterError(
                _say(QT_TRANSLATE_NOOP(
                    "Errors", "The print system did not take the label for %1 within %2 seconds"),
                    repr(self.queue), f"{QUEUE_TIMEOUT_SECONDS:g}"),
                QT_TRANSLATE_NOOP("Errors", "Try again."),
            ) from None
        except OSError as error:
            reason = error.strerror or type(error).__name__
            raise PrinterError(_say(QT_TRANSLATE_NOOP(
                "Errors", "The print system could not be started (%1)"), reason)) from None
        if done.returncode != 0:
            detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
            said = f": {detail[-1]}" if detail else ""
            raise PrinterError(
                _say(QT_TRANSLATE_NOOP(
                    "Errors", "The printer %1 did not take the label (lp exit code %2)"),
                    repr(self.queue), f"{done.returncode}{said}"),
                _QUEUE_ADVICE,
            )


class Spooler(Protocol):
    """The few Windows spooler calls a raw job needs (see ``WinSpool``)."""

    def write_raw(self, printer: str, data: bytes, job_name: str) -> None: ...


class SpoolerFailure(OSError):
    """A winspool call returned FALSE: ``call`` names it, ``winerror`` is GetLastError() and
    ``strerror`` Windows' own wording of it (in the language of Windows)."""

    def __init__(self, call: str, winerror: int, text: str) -> None:
        super().__init__(winerror, text)
        self.call = call
        self.winerror = winerror


ERROR_ACCESS_DENIED = 5
ERROR_INVALID_PRINTER_NAME = 1801
ERROR_INVALID_DATATYPE = 1804


class WindowsQueuePrinter:
    """A printer installed on Windows: the spooler's RAW datatype passes ZPL through."""

    def __init__(self, queue: str, *, spooler: Spooler | None = None) -> None:
        self.queue = queue
        self._spooler = spooler

    @property
    def description(self) -> str:
        return _say(QT_TRANSLATE_NOOP("Errors", "the printer %1"), repr(self.queue))

    def send(self, data: bytes, job_name: str) -> None:
        spooler = self._spooler or _windows_spooler()
        try:
            spooler.write_raw(self.queue, data, job_name)
        except SpoolerFailure as error:
            raise _spooler_error(self.queue, error) from None
        except OSError as error:
            raise PrinterError(
                _say(QT_TRANSLATE_NOOP("Errors", "Windows could not send the label to %1 (%2)"),
                     repr(self.queue), error.strerror or type(error).__name__),
                _QUEUE_ADVICE,
            ) from None


_QUEUE_ADVICE = QT_TRANSLATE_NOOP(
    "Errors", "Check that the printer is on and its queue is not paused, then try again."
)


def _spooler_error(queue: str, error: SpoolerFailure) -> PrinterError:
    name = repr(queue)
    if error.winerror == ERROR_INVALID_PRINTER_NAME:
        return PrinterError(
            _say(QT_TRANSLATE_NOOP("Errors", "No printer named %1 is installed on this computer"),
                 name),
            QT_TRANSLATE_NOOP("Errors", "Choose the label printer again in Settings → Printing."),
        )
    if error.winerror == ERROR_ACCESS_DENIED:
        return PrinterError(
            _say(QT_TRANSLATE_NOOP("Errors", "Windows does not let this account print to %1"),
                 name),
            QT_TRANSLATE_NOOP("Errors", "Ask IT to allow printing to it for this Windows user."),
        )
    if error.winerror == ERROR_INVALID_DATATYPE:
        return PrinterError(
            _say(QT_TRANSLATE_NOOP("Errors", "The printer %1 does not accept raw labels"), name),
            QT_TRANSLATE_NOOP(
                "Errors",
                "Install it with the Zebra (ZDesigner) driver or the \"Generic / Text Only\" "
                "driver, or use its network address in Settings → Printing.",
            ),
        )
    return PrinterError(
        _say(QT_TRANSLATE_NOOP("Errors", "Windows could not send the label to %1 (%2)"),
             name, error.strerror or error.call),
        _QUEUE_ADVICE,
    )


def _windows_spooler() -> Spooler:
    if sys.platform == "win32":
        return WinSpool.load()
    raise PrinterError(
        QT_TRANSLATE_NOOP("Errors", "The Windows print spooler is only available on Windows"),
        QT_TRANSLATE_NOOP("Errors", "Choose the label printer again in Settings → Printing."),
    )


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
                            _say(QT_TRANSLATE_NOOP("Errors",
                                                   "the spooler took only part of the label")),
                        )
                finally:
                    dll.EndPagePrinter(handle)
            finally:
                dll.EndDocPrinter(handle)
        finally:
            dll.ClosePrinter(handle)


def raw_printer_for(settings: PrintSettings) -> RawPrinter | None:
    """The label printer Settings chose, or None when labels go on a sheet instead.
    Raises PrinterError when the setting is incomplete."""
    if settings.printer_kind is LabelPrinterKind.NETWORK:
        try:
            host, port = parse_printer_address(settings.printer_address)
        except ValueError as error:
            raise PrinterError(str(error).rstrip("."), _FIX_IN_SETTINGS) from None
        return NetworkPrinter(host, port)
    if settings.printer_kind is LabelPrinterKind.QUEUE:
        if not settings.printer_queue.strip():
            raise PrinterError(
                QT_TRANSLATE_NOOP("Errors", "No label printer is chosen"),
                QT_TRANSLATE_NOOP("Errors", "Choose the label printer in Settings → Printing."),
            )
        if sys.platform == "win32":
            return WindowsQueuePrinter(settings.printer_queue)
        return CupsQueuePrinter(settings.printer_queue)
    return None
