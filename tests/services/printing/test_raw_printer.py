"""Raw label printing: a fake Zebra on 127.0.0.1, a refused connection, a failing `lp`."""

from __future__ import annotations

import socket
import subprocess
from dataclasses import dataclass, field
from datetime import date

import pytest

from app.services.printing.jobs import LabelPrinting
from app.services.printing.labels import kit_label, labels_zpl, printer_test_label
from app.services.printing.raw_printer import (
    CupsQueuePrinter,
    NetworkPrinter,
    PrinterError,
    WindowsQueuePrinter,
    raw_printer_for,
)
from app.services.printing.record import PrintRecord
from app.services.printing.settings import LabelPrinterKind, LabelSize, PrintSettings
from tests.helpers.printing import FakeZebra, free_port

ON = date(2026, 12, 5)


def test_network_printer_delivers_the_exact_bytes(zebra: FakeZebra) -> None:
    data = labels_zpl([kit_label("KIT-1", "Testy Example", "1980-02-03", ON)], LabelSize.SMALL)
    NetworkPrinter("127.0.0.1", zebra.port).send(data, "Spot kit label")
    assert zebra.wait_for_jobs(1) == [data]


def test_printer_off_gives_a_clear_message() -> None:
    port = free_port()  # nothing listens there: the connection is refused
    with pytest.raises(PrinterError) as caught:
        NetworkPrinter("127.0.0.1", port, timeout=2).send(b"^XA^XZ", "Spot test label")
    assert caught.value.title == f"The label printer at 127.0.0.1:{port} refused the connection"
    assert caught.value.advice == (
        "Check that the printer is on, has labels, and is connected, then try again."
    )
    assert caught.value.transient


def test_a_silent_printer_times_out_with_a_message() -> None:
    def hang(address: tuple[str, int], timeout: float) -> socket.socket:
        raise TimeoutError

    with pytest.raises(PrinterError, match=r"did not answer within 3 seconds"):
        NetworkPrinter("10.0.0.9", 9100, timeout=3, connect=hang).send(b"x", "job")


def test_unknown_host_name_points_to_settings() -> None:
    def unknown(address: tuple[str, int], timeout: float) -> socket.socket:
        raise socket.gaierror(-2, "Name or service not known")

    with pytest.raises(PrinterError, match=r"No printer named 'zebra-front'.*Settings"):
        NetworkPrinter("zebra-front", 9100, connect=unknown).send(b"x", "job")


@dataclass
class FakeLp:
    returncode: int = 0
    stderr: bytes = b""
    calls: list[tuple[list[str], bytes]] = field(default_factory=list)

    def __call__(self, command: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
        data = kwargs["input"]
        assert isinstance(data, bytes)
        self.calls.append((list(command), data))
        return subprocess.CompletedProcess(command, self.returncode, b"", self.stderr)


def test_cups_queue_sends_raw_bytes_through_lp() -> None:
    lp = FakeLp()
    CupsQueuePrinter("Zebra_ZD421", run=lp).send(b"^XA^XZ", "Spot kit label")
    assert lp.calls == [
        (["lp", "-d", "Zebra_ZD421", "-o", "raw", "-t", "Spot kit label", "-"], b"^XA^XZ")
    ]


def test_cups_failure_says_what_lp_said() -> None:
    lp = FakeLp(returncode=1, stderr=b"lp: The printer or class does not exist.\n")
    with pytest.raises(PrinterError) as caught:
        CupsQueuePrinter("Zebra_ZD421", run=lp).send(b"^XA^XZ", "job")
    assert "lp exit code 1" in str(caught.value)
    assert "The printer or class does not exist." in str(caught.value)


def test_missing_cups_is_explained() -> None:
    def no_lp(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
        raise FileNotFoundError("lp")

    with pytest.raises(PrinterError, match="needs CUPS"):
        CupsQueuePrinter("Zebra", run=no_lp).send(b"x", "job")


class FakeSpooler:
    def __init__(self, error: OSError | None = None) -> None:
        self.jobs: list[tuple[str, bytes, str]] = []
        self._error = error

    def write_raw(self, printer: str, data: bytes, job_name: str) -> None:
        if self._error:
            raise self._error
        self.jobs.append((printer, data, job_name))


def test_windows_queue_goes_through_the_spooler() -> None:
    spooler = FakeSpooler()
    WindowsQueuePrinter("ZDesigner ZD421", spooler=spooler).send(b"^XA^XZ", "job")
    assert spooler.jobs == [("ZDesigner ZD421", b"^XA^XZ", "job")]
    failing = FakeSpooler(OSError(1801, "OpenPrinter failed: The printer name is invalid."))
    with pytest.raises(PrinterError, match="printer name is invalid"):
        WindowsQueuePrinter("Nope", spooler=failing).send(b"x", "job")


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        (PrintSettings(), None),
        (
            PrintSettings(printer_kind=LabelPrinterKind.NETWORK, printer_address="10.1.2.3"),
            "the label printer at 10.1.2.3:9100",
        ),
        (
            PrintSettings(printer_kind=LabelPrinterKind.NETWORK, printer_address="[::1]:9101"),
            "the label printer at ::1:9101",
        ),
    ],
)
def test_settings_choose_the_printer(settings: PrintSettings, expected: str | None) -> None:
    printer = raw_printer_for(settings)
    assert (printer.description if printer else None) == expected


def test_incomplete_settings_are_a_printer_error() -> None:
    with pytest.raises(PrinterError, match="Choose the label printer"):
        raw_printer_for(PrintSettings(printer_kind=LabelPrinterKind.QUEUE))
    with pytest.raises(PrinterError, match=r"port in '10\.0\.0\.1:99999'"):
        raw_printer_for(
            PrintSettings(printer_kind=LabelPrinterKind.NETWORK, printer_address="10.0.0.1:99999")
        )


def test_a_job_that_failed_is_held_and_printed_once_the_printer_is_back() -> None:
    port = free_port()
    settings = PrintSettings(
        printer_kind=LabelPrinterKind.NETWORK, printer_address=f"127.0.0.1:{port}"
    )
    records: list[PrintRecord] = []
    printing = LabelPrinting(lambda: settings, recorder=records.append)
    label = kit_label("KIT-0012AB", "Testy Example", "1980-02-03", ON)

    with pytest.raises(PrinterError, match="refused the connection"):
        printing.send([label])
    [held] = printing.held()
    assert held.job.labels == (label,)
    assert "refused the connection" in held.message
    assert records == []  # nothing printed, nothing recorded

    printer = FakeZebra(port)  # the printer is switched back on
    try:
        assert printing.resend_held() == []
        assert printer.wait_for_jobs(1) == [labels_zpl([label], LabelSize.SMALL)]
    finally:
        printer.close()
    assert records == [PrintRecord("kit_label", ("KIT-0012AB",), "label_printer")]


def test_no_label_printer_set_up_holds_the_job_with_a_message() -> None:
    printing = LabelPrinting(PrintSettings)
    with pytest.raises(PrinterError, match="No label printer is set up"):
        printing.send([printer_test_label(ON)])
    assert len(printing.held()) == 1
    printing.discard_held(printing.held()[0].job.job_id)
    assert printing.held() == []


def test_job_names_seen_by_the_spooler_hold_no_patient_data(zebra: FakeZebra) -> None:
    names: list[str] = []

    class Recording:
        description = "fake"

        def send(self, data: bytes, job_name: str) -> None:
            names.append(job_name)

    printing = LabelPrinting(PrintSettings, printer_for=lambda _s: Recording())
    printing.send([kit_label("KIT-1", "Testy Example", "1980-02-03", ON)])
    assert names == ["Spot kit label"]
