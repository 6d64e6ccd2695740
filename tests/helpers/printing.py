"""A fake Zebra: listens on 127.0.0.1 like a printer's raw port and keeps every job's bytes."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator


class FakeZebra:
    """Listens on 127.0.0.1 like a printer's raw port and keeps every job's bytes."""

    def __init__(self, port: int = 0) -> None:
        self._server = socket.create_server(("127.0.0.1", port))
        self._server.settimeout(0.05)  # so close() is noticed quickly
        self.port = self._server.getsockname()[1]
        self.jobs: list[bytes] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._stop = threading.Event()
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            conn.settimeout(5)
            with conn:
                chunks = []
                while chunk := conn.recv(65536):
                    chunks.append(chunk)
                self.jobs.append(b"".join(chunks))

    def wait_for_jobs(self, count: int) -> list[bytes]:
        for _ in range(100):
            if len(self.jobs) >= count:
                break
            threading.Event().wait(0.02)
        return self.jobs

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._server.close()


def running_zebra() -> Iterator[FakeZebra]:
    """For a fixture: a fake label printer on a free loopback port, closed afterwards."""
    printer = FakeZebra()
    yield printer
    printer.close()


def free_port() -> int:
    """A loopback port nothing listens on (a printer that is off: connection refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


