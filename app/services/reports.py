"""Report files: downloaded once into a private cache, checked, handed to the viewer as a path.

The cache folder is 0700 and each file 0600, named by the SHA-256 of its URL (a signed link's
path and query are credentials, so they never appear in a file name). It holds patient
results, so each file is encrypted (AES-256-GCM with a key derived from the data folder's key,
``app.services.data_key``; the file name is the associated data): a crash leaves nothing
readable. With a memory-only key (no keyring) reports are held in memory only. Read a cached
report with ``read_bytes`` and save it with ``save_copy``, never by reading the path. The app
calls ``clear_cache()`` at start, at exit and on lock-out. ``fetch`` blocks on the network:
run it through the task runner.

Files are written in binary mode (``app.fileops.private_opener``): on Windows a text-mode
descriptor would turn each ``\n`` byte of a PDF into ``\r\n``. "Open externally" gets its own
copy (``external_copy``): a PDF viewer on Windows locks the file it shows, and the viewer must
never hold the cache file itself; that copy is plaintext (another program must read it) and
lives in the cache folder only until the next ``clear_cache``. A copy still locked at exit is
reported by ``clear_cache`` and removed at the next start (which clears the whole cache folder
again).
"""

from __future__ import annotations

import contextlib
import hashlib
import inspect
import logging
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

import httpx

from app.api import errors as api_errors
from app.fileops import private_opener, remove_files, replace_retrying
from app.marks import QT_TRANSLATE_NOOP
from app.services.errors import ServiceError, describe_error
from app.services.sealed import Sealer, SealError
from app.services.seen import SeenReports

if TYPE_CHECKING:
    from app.services.data_key import DataKey

__all__ = [
    "BadReportFile",
    "NotAPdf",
    "ReportError",
    "ReportOffline",
    "ReportService",
    "ReportUnavailable",
]

log = logging.getLogger(__name__)

Progress = Callable[[int, int | None], None]
ReportKind = Literal["pdf", "txt"]
EXTERNAL_DIR = "opened"  # inside the cache folder: copies handed to the system's viewer


class ReportError(ServiceError):
    """A report could not be shown."""


class ReportUnavailable(ReportError):
    default_title = QT_TRANSLATE_NOOP("Errors", "This report link has expired or was removed")
    default_advice = QT_TRANSLATE_NOOP("Errors", "Ask Spot to re-issue it.")


class ReportOffline(ReportError):
    default_title = QT_TRANSLATE_NOOP("Errors", "Can't download the report")
    default_advice = QT_TRANSLATE_NOOP(
        "Errors", "Check this computer's network connection, then retry."
    )


class BadReportFile(ReportError):
    default_title = QT_TRANSLATE_NOOP("Errors", "The downloaded report isn't readable")
    default_advice = QT_TRANSLATE_NOOP(
        "Errors", "Retry. If it keeps happening, ask Spot to re-issue the report."
    )


class NotAPdf(BadReportFile):
    default_title = QT_TRANSLATE_NOOP("Errors", "The downloaded report isn't a PDF")


class _Downloads(Protocol):
    @property
    def base_url(self) -> str: ...

    def download(self, url: str) -> bytes: ...


class ReportService:
    """Downloads report files into ``cache_dir``; remembers opened reports in ``seen_store``.

    ``client_provider`` returns the current ``SpotClient`` (it changes when staff sign in to
    another environment).
    """

    def __init__(
        self,
        client_provider: Callable[[], _Downloads],
        cache_dir: Path,
        seen_store: SeenReports,
        *,
        key: DataKey | None = None,
        remove: Callable[[Path], None] = os.remove,
    ) -> None:
        self._client_provider = client_provider
        self._cache_dir = cache_dir
        self._seen = seen_store
        self._remove = remove  # injectable: tests simulate a file a viewer holds open
        # None: no key given (plain files; tests of the download logic). A memory-only key:
        # reports are kept in ``_memory`` and never touch the disk.
        self._sealer = (
            Sealer(key.secret, "report cache") if key and key.secret is not None else None
        )
        self._memory: dict[Path, bytes] | None = (
            {} if key is not None and key.secret is None else None
        )
        # Where each fetched file came from, so that a file wiped at lock-out while its
        # window stayed open is fetched again when saved or printed (memory only).
        self._sources: dict[Path, tuple[str, ReportKind]] = {}

    @property
    def cache_dir(self) -> Path:
        return self._cache_dir

    @property
    def seen(self) -> SeenReports:
        return self._seen

    def cached_path(self, url: str, kind: ReportKind = "pdf") -> Path:
        """Where the file for ``url`` lives (or will live) in the cache."""
        digest = hashlib.sha256(url.encode("utf-8")).hexdigest()
        return self._cache_dir / f"{digest}.{kind}"

    def fetch(
        self,
        url: str,
        *,
        kind: ReportKind = "pdf",
        on_progress: Progress | None = None,
    ) -> Path:
        """The local path of the report at ``url``, downloading it unless already cached.

        ``kind`` is which link of the report this is (``pdf`` or ``txt``). ``on_progress``
        receives (bytes so far, total or None) from the worker thread.
        """
        target = self.cached_path(url, kind)
        self._sources[target] = (url, kind)
        if self._is_cached(target):
            return target
        client = self._client_provider()
        try:
            data = _download(client, url, on_progress)
        except api_errors.SpotStatusError as exc:
            raise self._status_failure(exc, client, url) from None
        except (api_errors.SpotConnectionError, api_errors.SpotTimeout) as exc:
            raise ReportOffline(debug=type(exc).__name__, transient=True) from None
        except ValueError:
            # The client refuses plain-http links to other hosts.
            raise ReportUnavailable(
                "This report link can't be opened safely",
                "The link isn't secure (https). Ask Spot to re-issue it.",
                debug="insecure report URL",
            ) from None
        except api_errors.SpotError as exc:
            raise describe_error(exc) from None
        _check_content(data, kind)
        try:
            self._store(target, data)
        except OSError as exc:
            raise describe_error(exc) from None
        log.info("report cached (%s, %d bytes)", kind, len(data))
        return target

    def mark_seen(self, kit_id: str, report_id: str) -> None:
        self._seen.mark_seen(kit_id, report_id)

    def read_bytes(self, path: Path) -> bytes:
        """The report at ``path`` (from ``fetch``), decrypted; fetched again if the cache
        was wiped since (lock-out). Raises ``BadReportFile`` if the cached file was damaged
        or written with another key. Blocks on the network in that case: call off the GUI
        thread."""
        source = self._sources.get(path)
        if source is not None and not self._is_cached(path):
            self.fetch(source[0], kind=source[1])
        if self._memory is not None:
            try:
                return self._memory[path]
            except KeyError:
                raise BadReportFile(debug="report no longer in memory") from None
        try:
            with open(path, "rb") as handle:
                raw = handle.read()
        except OSError as exc:
            raise describe_error(exc) from None
        if self._sealer is None:
            return raw
        try:
            return self._sealer.open(raw, path.name.encode())
        except SealError:
            raise BadReportFile(debug="cached report failed authentication") from None

    def save_copy(self, path: Path, target: Path) -> Path:
        """Write the report at ``path`` (decrypted) to ``target``, chosen by the user."""
        data = self.read_bytes(path)
        try:
            with open(target, "wb") as handle:
                handle.write(data)
        except OSError as exc:
            raise describe_error(exc) from None
        return target

    def external_copy(self, path: Path) -> Path:
        """A separate copy of the cached report ``path`` to hand to the system's PDF viewer.

        Each call makes a new file (the viewer may still hold an earlier one open) inside the
        cache folder, so ``clear_cache`` removes it with the rest.
        """
        folder = self._cache_dir / EXTERNAL_DIR
        folder.mkdir(parents=True, exist_ok=True)
        os.chmod(folder, 0o700)
        copy = folder / f"report-{path.stem[:8]}-{secrets.token_hex(3)}{path.suffix}"
        data = self.read_bytes(path)
        try:
            with open(copy, "xb", opener=private_opener) as handle:
                handle.write(data)
        except OSError as exc:
            with contextlib.suppress(OSError):
                copy.unlink()
            raise describe_error(exc) from None
        return copy

    def clear_cache(self) -> list[Path]:
        """Delete every cached report and external copy (at start, at exit, on lock-out).

        Returns the files that could not be removed (a viewer still has them open on
        Windows); they are logged by count and removed at the next start. The folder stays,
        0700.
        """
        left: list[Path] = []
        if self._memory is not None:
            self._memory.clear()
        if self._cache_dir.exists():
            files = [p for p in self._cache_dir.rglob("*") if not p.is_dir()]
            left = remove_files(files, self._remove)
            folders = sorted((p for p in self._cache_dir.rglob("*") if p.is_dir()), reverse=True)
            for folder in folders:  # deepest first; a folder with a locked file stays
                with contextlib.suppress(OSError):
                    folder.rmdir()
        if left:
            log.warning("%d report file(s) still open elsewhere: removed at the next start",
                        len(left))
        self._ensure_dir()
        return left

    def _ensure_dir(self) -> None:
        self._cache_dir.mkdir(parents=True, exist_ok=True)
        os.chmod(self._cache_dir, 0o700)

    def _is_cached(self, target: Path) -> bool:
        if self._memory is not None:
            return target in self._memory
        return target.is_file()

    def _store(self, target: Path, data: bytes) -> None:
        if self._memory is not None:
            self._memory[target] = data
            return
        if self._sealer is not None:
            data = self._sealer.seal(data, target.name.encode())
        self._ensure_dir()
        partial = target.with_name(f"{target.name}.{os.getpid()}.{id(data):x}.part")
        handle = open(partial, "xb", opener=private_opener)  # noqa: SIM115 - closed below
        try:
            with handle:
                handle.write(data)
            # Atomic: a reader sees the whole file or none (two workers may race on one URL).
            replace_retrying(partial, target)
        except BaseException:
            with contextlib.suppress(OSError):
                partial.unlink()
            raise

    @staticmethod
    def _status_failure(
        exc: api_errors.SpotStatusError, client: _Downloads, url: str
    ) -> ServiceError:
        debug = f"{type(exc).__name__}: HTTP {exc.status_code} on report download"
        if isinstance(exc, api_errors.Unauthorized) and _same_host(client, url):
            return describe_error(exc)  # our own token was rejected: sign in again
        if isinstance(exc, api_errors.ServerError | api_errors.RateLimited):
            return describe_error(exc)
        if exc.status_code in (401, 403, 404, 410):
            return ReportUnavailable(debug=debug)
        return describe_error(exc)


def _same_host(client: _Downloads, url: str) -> bool:
    base = httpx.URL(client.base_url)
    try:
        return base.join(url).host == base.host
    except httpx.InvalidURL:
        return False


def _download(client: _Downloads, url: str, on_progress: Progress | None) -> bytes:
    """Stream with progress when the client supports it, else report once when done."""
    download = client.download
    if on_progress is not None and _accepts_progress(download):
        data: bytes = download(url, on_progress=on_progress)  # type: ignore[call-arg]
        return data
    data = download(url)
    if on_progress is not None:
        on_progress(len(data), len(data))
    return data


def _accepts_progress(fn: Callable[..., object]) -> bool:
    try:
        return "on_progress" in inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False


def _check_content(data: bytes, kind: ReportKind) -> None:
    if kind == "pdf":
        # Some servers put a BOM or whitespace first; PDF readers accept a short prefix.
        if b"%PDF-" not in data[:1024]:
            raise NotAPdf(debug=f"not a PDF ({len(data)} bytes)")
        return
    head = data[:512].lstrip().lower()
    if not data or head.startswith((b"<!doctype", b"<html", b"<?xml")) or b"\x00" in data:
        raise BadReportFile(debug=f"not a text report ({len(data)} bytes)")
