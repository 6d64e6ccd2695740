"""Send bytes (ZPL) to a label printer unchanged: over TCP 9100, or to an installed queue.

One small interface, ``RawPrinter.send(data, job_name)``, with three implementations:
``NetworkPrinter`` (a socket; the connect function is injectable), ``CupsQueuePrinter``
(``lp -o raw``; the command runner is injectable) and ``WindowsQueuePrinter`` (the Windows
spooler's RAW datatype through ctypes; the spooler is injectable). Every failure is a
``PrinterError`` whose text a person at the desk can act on. Blocking: call off the GUI thread.
"""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Callable, Sequence
from typing import Protocol

from app.services.errors import ServiceError
from app.services.printing.settings import LabelPrinterKind, PrintSettings, parse_printer_address

__all__ = [
    "CupsQueuePrinter",
    "NetworkPrinter",
    "PrinterError",
    "RawPrinter",
    "WindowsQueuePrinter",
    "raw_printer_for",
]

NETWORK_TIMEOUT_SECONDS = 8.0
QUEUE_TIMEOUT_SECONDS = 30.0


_CHECK = "Check that the printer is on, has labels, and is connected, then try again."


class PrinterError(ServiceError):
    """The label did not reach the printer: ``title`` says what happened, ``advice`` what to
    do; ``str()`` is both, for a status line."""

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
        return f"the label printer at {self.host}:{self.port}"

    def send(self, data: bytes, job_name: str) -> None:
        where = f"{self.host}:{self.port}"
        try:
            with self._connect((self.host, self.port), self._timeout) as sock:
                sock.sendall(data)
                # Half-close: the printer sees the end of the job. Zebras keep the connection
                # open and never answer a format, so there is nothing to wait for.
                sock.shutdown(socket.SHUT_WR)
        except ConnectionRefusedError:
            raise PrinterError(f"The label printer at {where} refused the connection") from None
        except TimeoutError:
            raise PrinterError(
                f"The label printer at {where} did not answer within {self._timeout:g} seconds"
            ) from None
        except socket.gaierror:
            raise PrinterError(
                f"No printer named {self.host!r} was found on the network",
                "Check the address in Settings → Printing.",
            ) from None
        except OSError as error:
            reason = error.strerror or type(error).__name__
            raise PrinterError(f"The label could not be sent to {where} ({reason})") from None


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
        return f"the printer {self.queue!r}"

    def send(self, data: bytes, job_name: str) -> None:
        command: Sequence[str] = ["lp", "-d", self.queue, "-o", "raw", "-t", job_name, "-"]
        try:
            done = self._run(
                command, input=data, capture_output=True, timeout=QUEUE_TIMEOUT_SECONDS, check=False
            )
        except FileNotFoundError:
            raise PrinterError(
                "Printing to an installed printer needs CUPS (the 'lp' command), which is not "
                "installed",
                "Use the printer's network address in Settings → Printing instead.",
            ) from None
        except subprocess.TimeoutExpired:
            raise PrinterError(
                f"The print system did not take the label for {self.queue!r} within "
                f"{QUEUE_TIMEOUT_SECONDS:g} seconds",
                "Try again.",
            ) from None
        except OSError as error:
            reason = error.strerror or type(error).__name__
            raise PrinterError(f"The print system could not be started ({reason})") from None
        if done.returncode != 0:
            detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
            said = f": {detail[-1]}" if detail else ""
            raise PrinterError(
                f"The printer {self.queue!r} did not take the label "
                f"(lp exit code {done.returncode}{said})",
                "Check that the printer is on and its queue is not paused, then try again.",
            )


class Spooler(Protocol):
    """The few Windows spooler calls a raw job needs (see ``_WinSpool``)."""

    def write_raw(self, printer: str, data: bytes, job_name: str) -> None: ...


class WindowsQueuePrinter:
    """A printer installed on Windows: the spooler's RAW datatype passes ZPL through."""

    def __init__(self, queue: str, *, spooler: Spooler | None = None) -> None:
        self.queue = queue
        self._spooler = spooler

    @property
    def description(self) -> str:
        return f"the printer {self.queue!r}"

    def send(self, data: bytes, job_name: str) -> None:
        spooler = self._spooler or _windows_spooler()
        try:
            spooler.write_raw(self.queue, data, job_name)
        except OSError as error:
            raise PrinterError(
                f"Windows could not send the label to {self.queue!r} ({error.strerror or error})",
                "Check that the printer is on and its queue is not paused, then try again.",
            ) from None


def _windows_spooler() -> Spooler:
    if sys.platform == "win32":
        return _WinSpool()
    raise PrinterError(
        "The Windows print spooler is only available on Windows",
        "Choose the label printer again in Settings → Printing.",
    )


if sys.platform == "win32":
    import ctypes
    from ctypes import wintypes

    class _DocInfo1(ctypes.Structure):
        _fields_ = (
            ("pDocName", wintypes.LPWSTR),
            ("pOutputFile", wintypes.LPWSTR),
            ("pDatatype", wintypes.LPWSTR),
        )

    class _WinSpool:
        """OpenPrinter → StartDocPrinter(RAW) → WritePrinter → EndDocPrinter → ClosePrinter."""

        def __init__(self) -> None:
            self._dll = ctypes.WinDLL("winspool.drv", use_last_error=True)

        def _check(self, ok: int, call: str) -> None:
            if not ok:
                code = ctypes.get_last_error()
                raise OSError(code, f"{call} failed: {ctypes.FormatError(code).strip()}")

        def write_raw(self, printer: str, data: bytes, job_name: str) -> None:
            dll = self._dll
            handle = wintypes.HANDLE()
            self._check(dll.OpenPrinterW(printer, ctypes.byref(handle), None), "OpenPrinter")
            try:
                info = _DocInfo1(job_name, None, "RAW")
                self._check(dll.StartDocPrinterW(handle, 1, ctypes.byref(info)), "StartDocPrinter")
                try:
                    self._check(dll.StartPagePrinter(handle), "StartPagePrinter")
                    written = wintypes.DWORD()
                    buffer = ctypes.create_string_buffer(data, len(data))
                    self._check(
                        dll.WritePrinter(handle, buffer, len(data), ctypes.byref(written)),
                        "WritePrinter",
                    )
                    if written.value != len(data):
                        raise OSError(0, "the spooler took only part of the label")
                    self._check(dll.EndPagePrinter(handle), "EndPagePrinter")
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
            title = str(error).rstrip(".")
            raise PrinterError(title, "Correct it in Settings → Printing.") from None
        return NetworkPrinter(host, port)
    if settings.printer_kind is LabelPrinterKind.QUEUE:
        if not settings.printer_queue.strip():
            raise PrinterError(
                "No label printer is chosen", "Choose the label printer in Settings → Printing."
            )
        if sys.platform == "win32":
            return WindowsQueuePrinter(settings.printer_queue)
        return CupsQueuePrinter(settings.printer_queue)
    return None
