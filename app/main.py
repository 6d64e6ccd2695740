"""Composition root: parse arguments, build the client, services and views; nothing else."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from app import APP_NAME, __version__


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="spot-front-desk", description=APP_NAME)
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--sandbox", action="store_true", help="start the built-in sandbox and use it"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    parse_args(argv)
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    window = QMainWindow()
    window.setWindowTitle(APP_NAME)
    window.setCentralWidget(QLabel("Spot Front Desk"))
    window.resize(1280, 800)
    window.show()
    return app.exec()
