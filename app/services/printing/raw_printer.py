"""Send bytes (ZPL) to a label printer unchanged: over TCP 9100, or to an installed queue.

One small interface, ``RawPrinter.send(data, job_name)``, with three implementations:
``NetworkPrinter`` (a socket; the connect function is injectable), ``CupsQueuePrinter``
(``lp -o raw``; the command runner is injectable) and ``WindowsQueuePrinter`` (the Windows
spooler's RAW datatype through ctypes, in ``winspool``; the spooler is injectable). Every
failure is a ``PrinterError`` whose text a person at the desk can act on, in the UI language.
Blocking: call off the GUI thread.
"""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Callable, Sequence
from typing import Protocol

from app.services.errors import QT_TRANSLATE_NOOP, ServiceError
from app.services.printing.settings import LabelPrinterKind, PrintSettings, parse_printer_address
from app.services.printing.wording import say as _say

__all__ = [
    "CupsQueuePrinter",
    "NetworkPrinter",
    "PrinterError",
    "RawPrinter",
    "SpoolerFailure",
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
    """The few Windows spooler calls a raw job needs (``winspool.WinSpool``)."""

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
        from app.services.printing.winspool import WinSpool  # ctypes: only where it is used

        return WinSpool.load()
    raise PrinterError(
        QT_TRANSLATE_NOOP("Errors", "The Windows print spooler is only available on Windows"),
        QT_TRANSLATE_NOOP("Errors", "Choose the label printer again in Settings → Printing."),
    )


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
