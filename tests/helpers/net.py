"""Real local servers for the network tests: an HTTP(S) Spot stand-in, a server that accepts
and never answers, one that trickles, a recording proxy, and a port nothing listens on.

All bind 127.0.0.1 on a free port and run in daemon threads; use them as context managers.
"""

from __future__ import annotations

import contextlib
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # failed TLS handshakes are what some tests are about


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.server.requests.append(self.path)  # type: ignore[attr-defined]
        body = b"[]"
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def spot_server(tls: ssl.SSLContext | None = None) -> Iterator[tuple[int, list[str]]]:
    """A tiny Spot stand-in answering ``[]`` to every GET: yields (port, paths requested)."""
    server = _QuietServer(("127.0.0.1", 0), _Handler)
    server.requests = []  # type: ignore[attr-defined]
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1], server.requests  # type: ignore[attr-defined]
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def raw_server(
    on_connect: Callable[[socket.socket, list[bytes]], None],
) -> Iterator[tuple[int, list[bytes]]]:
    """A TCP server running ``on_connect(conn, seen)`` per connection: yields (port, seen)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    seen: list[bytes] = []
    stop = threading.Event()
    conns: list[socket.socket] = []

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            conns.append(conn)
            threading.Thread(target=_run, args=(conn,), daemon=True).start()

    def _run(conn: socket.socket) -> None:
        with contextlib.suppress(OSError):
            on_connect(conn, seen)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1], seen
    finally:
        stop.set()
        listener.close()
        for conn in conns:
            with contextlib.suppress(OSError):
                conn.close()


def silent(conn: socket.socket, seen: list[bytes]) -> None:
    """Accept, read the request, never answer (until the test closes the socket)."""
    seen.append(conn.recv(65536))
    time.sleep(30)


def trickling(conn: socket.socket, seen: list[bytes]) -> None:
    """Answer one byte every 50 ms, forever: never a full status line and headers."""
    seen.append(conn.recv(65536))
    while True:
        conn.sendall(b"H")
        time.sleep(0.05)


def proxy_answering(
    status: bytes, *, whole_head: bool = False
) -> Callable[[socket.socket, list[bytes]], None]:
    """A proxy that records each request line (``CONNECT host:port …``; with ``whole_head``
    the headers too) and answers ``status`` (e.g. ``b"403 Forbidden"``) without connecting
    anywhere."""

    def handle(conn: socket.socket, seen: list[bytes]) -> None:
        data = b""
        while b"\r\n\r\n" not in data:
            part = conn.recv(65536)
            if not part:
                break
            data += part
        seen.append(data if whole_head else data.split(b"\r\n", 1)[0])
        conn.sendall(b"HTTP/1.1 " + status + b"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        conn.close()

    return handle


def free_port() -> int:
    """A port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
