"""``spot-front-desk import-orders FILE``: the bulk import without a window, for IT and tests.

Runs the same checks as the import window and prints one line per finding,
``row N: error|warning|duplicate: FIELD: message``, then
``rows=R valid=V warnings=W invalid=I duplicates=D``. Without ``--dry-run`` the sendable rows
go through the outbox as one batch, after a confirmation (or ``--yes``). Exit status: 0 when
every row was fine (or sent), 1 when nothing could be done (unreadable file, no sign-in),
2 when some rows have problems and were left out.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from app import APP_NAME

if TYPE_CHECKING:
    from app.services.import_batch import BatchProgress, BatchSender, BatchStore
    from app.services.session import Session

__all__ = ["COMMAND", "run"]

COMMAND = "import-orders"
log = logging.getLogger("app.cli_import")
_PROGRESS_EVERY_S = 2.0


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog=f"spot-front-desk {COMMAND}",
        description="Check a patient list (CSV or XLSX) and order a kit for each row.",
    )
    parser.add_argument("file", type=Path, nargs="?", help="the CSV or .xlsx file")
    parser.add_argument("--dry-run", action="store_true", help="check only; send nothing")
    parser.add_argument("--sandbox", action="store_true", help="use the built-in sandbox")
    parser.add_argument("--yes", action="store_true", help="send without asking")
    parser.add_argument("--kit-type", default="", metavar="TYPE",
                        help="kit type for every row (when the file has no kit type column)")
    parser.add_argument("--accept-warnings", action="store_true",
                        help="also send rows that only have warnings (never duplicates)")
    parser.add_argument("--staff", default="", help="who is importing (default: the user name)")
    parser.add_argument("--rate", type=float, default=0.0, metavar="N",
                        help="orders a second (default: the setting, 2)")
    parser.add_argument("--resume", action="store_true",
                        help="finish the batches an earlier run left unsent, then stop")
    args = parser.parse_args(list(argv))
    if args.file is None and not args.resume:
        parser.error("give the file to import (or --resume)")
    return args


def _staff(given: str) -> str:
    if given:
        return given
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def _audit_import(batch_id: str) -> None:
    """The import in this data folder's audit trail. Nobody signs in to the command line:
    it is recorded as the app's own ("system"), with the batch id (orders carry --staff)."""
    from app.paths import paths
    from app.services.audit import AuditAction, AuditTrail, ObjectKind
    from app.services.workstation import SYSTEM_STAFF_ID

    try:
        AuditTrail.in_folder(paths().data).record(
            AuditAction.IMPORT, SYSTEM_STAFF_ID, ids={ObjectKind.BATCH: batch_id})
    except (OSError, ValueError) as exc:
        log.error("import batch %s not recorded in the audit trail: %s", batch_id,
                  type(exc).__name__)


def _open_session(sandbox: bool, out: TextIO) -> tuple[Session, Callable[[], None]] | None:
    """A session on the saved environment (token from the keyring) or the built-in sandbox."""
    from app.paths import paths
    from app.services.environments import Environment
    from app.services.session import Session
    from app.views.common.app_settings import AppSettings

    where = paths()
    where.ensure()
    settings = AppSettings()
    if sandbox:
        from app.compose import DEFAULT_SEED, DEFAULT_SPEED, sandbox_catalog
        from app.sandbox import SandboxServer

        # The app's own sandbox (same folder, clock and seed): imported orders show up there.
        server = SandboxServer(where.sandbox_dir, speed=DEFAULT_SPEED, seed_orders=DEFAULT_SEED)
        server.start()
        session = Session.open(Environment.sandbox(server.base_url), server.token, where,
                               kit_catalog=sandbox_catalog())  # fmt: skip

        def stop() -> None:
            session.close()
            server.stop()

        return session, stop
    from app.services.credentials import CredentialError, CredentialStore
    from app.services.environments import PRODUCTION

    kind = settings.environment_kind
    try:
        environment = (Environment.custom(settings.custom_url) if kind == "custom"
                       else PRODUCTION).with_proxy(settings.proxy)  # as Settings says
    except ValueError as exc:
        print(f"The saved server address can't be used: {exc}", file=out)
        return None
    try:
        token = CredentialStore().load(environment.key)
    except CredentialError as exc:
        print(str(exc), file=out)
        return None
    if not token:
        print(f"Not signed in to {environment.label}: sign in once in {APP_NAME} (the token "
              "is kept in the system keyring), or use --sandbox.", file=out)  # fmt: skip
        return None
    session = Session.open(environment, token, where, kit_catalog=settings.kit_catalog)
    return session, session.close


def _refresh(session: Session, out: TextIO) -> None:
    from app.services.errors import describe_error

    try:
        session.sync.refresh()
    except Exception as exc:  # noqa: BLE001 - any failure: check against the cached list
        print(f"Could not refresh the order list ({describe_error(exc).title}); duplicates are "
              "checked against the list as last synced.", file=out)  # fmt: skip


def _confirm(prompt: str) -> bool:
    try:
        answer = input(prompt)
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes")


def _drive(sender: BatchSender, out: TextIO) -> BatchProgress:
    """Run the batch; Ctrl+C pauses it (the rest is sent by the next run or the app)."""
    try:
        sender.run()
    except KeyboardInterrupt:
        sender.pause()
        print("Paused: the rest of the batch is sent at the next start.", file=out)
        return sender.progress()
    last = 0.0
    try:
        while True:
            progress = sender.progress()
            if progress.waiting == 0:
                return progress
            if time.monotonic() - last > _PROGRESS_EVERY_S:
                last = time.monotonic()
                print(f"sent={progress.sent} waiting={progress.waiting} "
                      f"attention={progress.attention}", file=out)  # fmt: skip
            time.sleep(0.2)
    except KeyboardInterrupt:
        print("Stopped: orders still waiting are sent at the next start.", file=out)
        return sender.progress()


def _batches(session: Session, out: TextIO) -> BatchStore:
    """The session's import batches (encrypted with its key); says so if a lost key left
    orders waiting to be sent unreadable (set aside, never dropped silently)."""
    from app.services.import_batch import batch_store_for

    assert session.folder is not None
    store = batch_store_for(session.folder, session.data_key)
    lost = [n for n in (store.unreadable_rows, session.outbox.unreadable_items) if n]
    if lost:
        count = "An unknown number of" if min(lost) < 0 else str(sum(lost))
        print(f"{count} order(s) waiting to be sent couldn't be unlocked with this computer's "
              "key; the files are kept aside. Check in Spot which orders arrived.", file=out)
    return store


def _resume(session: Session, out: TextIO) -> int:
    from app.services.import_batch import BatchSender

    store = _batches(session, out)
    try:
        for batch_id in store.unfinished():
            progress = _drive(BatchSender(store, session.outbox, batch_id), out)
            print(f"batch {batch_id}: sent={progress.sent} attention={progress.attention} "
                  f"canceled={progress.canceled}")  # fmt: skip
    finally:
        store.close()
    return 0


def run(argv: Sequence[str], *, out: TextIO | None = None) -> int:
    """The command; findings and the summary go to stdout, everything else to ``out``."""
    err = out or sys.stderr
    args = parse_args(argv)
    from app.services.errors import ServiceError
    from app.services.import_batch import DEFAULT_RATE, BatchSender
    from app.services.import_mapping import MappingMemory
    from app.services.order_import import ImportCheck, prepared_rows
    from app.services.spreadsheets import read_table

    table = None
    if args.file is not None:
        try:
            table = read_table(args.file)
        except ServiceError as exc:
            print(f"{exc.title}. {exc.advice}", file=err)
            return 1
    from app.paths import paths
    from app.services.logs import close_logging, setup_logging

    paths().ensure()
    setup_logging(paths().logs)
    opened = _open_session(args.sandbox, err)
    if opened is None:
        close_logging()
        return 1
    session, close = opened
    try:
        if table is None:
            return _resume(session, err)
        memory = MappingMemory(paths().data / "import_mappings.json")
        mapping = memory.mapping_for(table.headers)
        _refresh(session, err)
        check = ImportCheck(table, mapping, kit_type=args.kit_type,
                            catalog=session.kit_catalog, synced=session.store.rows())  # fmt: skip
        for line in check.finding_lines():
            print(line)
        counts = check.counts()
        print("rows={rows} valid={valid} warnings={warnings} invalid={invalid} "
              "duplicates={duplicates}".format(**counts))  # fmt: skip
        if args.accept_warnings:
            for row in check.rows:
                row.accepted.update(f.kind_key for f in row.findings if f.kind == "warning")
        sendable = check.sendable()
        left_out = counts["rows"] - len(sendable)
        if args.dry_run:
            return 2 if left_out else 0
        if not sendable:
            print("Nothing to send.", file=err)
            return 2 if left_out else 0
        question = (f"Order {len(sendable)} kit(s) through {session.environment.label}"
                    f"{f', leaving out {left_out} row(s) with problems' if left_out else ''}?"
                    " [y/N] ")  # fmt: skip
        if not args.yes and not _confirm(question):
            print("Nothing was sent.", file=err)
            return 2 if left_out else 0
        store = _batches(session, err)
        try:
            batch_id = store.create(prepared_rows(sendable), staff=_staff(args.staff),
                                    source=args.file.name,
                                    rate=args.rate or DEFAULT_RATE)  # fmt: skip
            log.info("import batch %s: %d rows from the command line", batch_id, len(sendable))
            _audit_import(batch_id)
            progress = _drive(BatchSender(store, session.outbox, batch_id), err)
        finally:
            store.close()
        print(f"batch {batch_id}: sent={progress.sent} waiting={progress.waiting} "
              f"attention={progress.attention}", file=err)  # fmt: skip
        return 2 if left_out or progress.attention else 0
    finally:
        close()
        close_logging()
