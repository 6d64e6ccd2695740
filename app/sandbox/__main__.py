"""``python -m app.sandbox``: run the sandbox in the foreground until Ctrl+C."""

from __future__ import annotations

import argparse
import signal
import threading
from collections.abc import Sequence
from pathlib import Path
from types import FrameType

from app.paths import paths
from app.sandbox.server import SandboxServer


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m app.sandbox", description="Run the local Spot sandbox server."
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8765, help="port (0 picks a free one)")
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="folder for the sandbox database and report files "
                        "(default: the app's data folder)")
    parser.add_argument("--token", default="sandbox-token", help="API token clients must send")
    parser.add_argument("--speed", type=float, default=3600.0,
                        help="sandbox seconds per real second (3600: one real second is one "
                        "sandbox hour; 0 stops the clock except for /sandbox/clock/advance)")
    parser.add_argument("--seed", type=int, default=0,
                        help="fake orders to create when the database is empty")
    parser.add_argument("--rng-seed", type=int, default=None,
                        help="fix the random choices (fates, fake people) for repeatable runs")
    args = parser.parse_args(argv)
    if args.speed < 0:
        parser.error("--speed must be 0 or more")
    if args.seed < 0:
        parser.error("--seed must be 0 or more")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    data_dir = args.data_dir or paths().sandbox_dir
    server = SandboxServer(data_dir, args.token, host=args.host, port=args.port,
                           speed=args.speed, seed_orders=args.seed, rng_seed=args.rng_seed)
    try:
        server.start()  # may seed first, which takes a while for big --seed values
    except OSError as exc:
        print(f"Could not start the sandbox on {args.host}:{args.port}: {exc.strerror}")
        return 1
    except KeyboardInterrupt:
        server.stop()
        print("Sandbox stopped.", flush=True)
        return 0
    print(f"Spot sandbox running at {server.base_url}", flush=True)
    print(f"API token: {server.token}", flush=True)
    print(f"Data folder: {data_dir}  (clock speed ×{args.speed:g})", flush=True)
    print("Press Ctrl+C to stop.", flush=True)
    stop = threading.Event()

    def _on_signal(_signum: int, _frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGINT, _on_signal)
    signal.signal(signal.SIGTERM, _on_signal)
    while not stop.wait(0.5):
        pass
    server.stop()
    print("Sandbox stopped.", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
