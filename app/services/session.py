"""Everything one signed-in Spot account needs, bundled (no Qt).

Each account (environment + token, `app.services.accounts`) gets its own folder under the
data folder: an order queued against the sandbox must never be sent to production, account
A's queued orders are never sent with B's token, and the cached order list of one account
never shows under another. Opening reads SQLite files: call `Session.open` off the GUI thread.

The order cache, outbox, results inbox, drafts, seen reports and report cache are encrypted
with the data folder's key (``app.services.data_key``; see ``app.services.private_db``).
Without a keyring they are kept in memory for the session (``data_key.memory_only``,
``data_key.problem`` says so). With a lost key the caches start afresh (``unreadable_files``
counts them) and the outbox file is set aside, its unsent orders counted in
``outbox.unreadable_items``, never dropped silently.
Retention (``app.services.retention``) runs at open and then hourly until ``close``.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import httpx

from app.api.client import SpotClient
from app.api.transport import ProxySetting
from app.paths import Paths
from app.services.accounts import (
    account_folder,
    account_identity,
    adopt_legacy_folder,
    bind_folder,
    check_token_for_folder,
)
from app.services.data_key import DataKey, data_key_for
from app.services.drafts import DRAFTS_FILE_NAME, DraftStore
from app.services.environments import (
    ConnectionCheck,
    Environment,
    check_connection,
    make_client,
)
from app.services.inbox import InboxService
from app.services.logs import register_secret
from app.services.order_store import OrderStore
from app.services.outbox import Outbox
from app.services.reports import ReportService
from app.services.retention import (
    RetentionPolicy,
    RetentionResult,
    RetentionScheduler,
    run_retention,
    utc_now,
)
from app.services.seen import SeenReports
from app.services.sync import SyncService

if TYPE_CHECKING:
    from app.services.credentials import CredentialStore

__all__ = ["Session", "session_folder"]

log = logging.getLogger(__name__)


def session_folder(data_dir: Path, environment: Environment, token: str) -> Path:
    """The folder `Session.open` uses for this account (its cache, outbox, drafts)."""
    return account_folder(data_dir, environment, token)


@dataclass
class Session:
    environment: Environment
    client: SpotClient
    store: OrderStore
    sync: SyncService
    outbox: Outbox
    drafts: DraftStore
    reports: ReportService
    seen: SeenReports
    kit_catalog: dict[str, str] = field(default_factory=dict)
    folder: Path | None = None
    account: str = ""  # the account identity (a one-way hash; never the token)
    inbox: InboxService | None = None  # the results inbox (None in tests that build by hand)
    data_key: DataKey | None = None
    retention: RetentionPolicy = field(default_factory=RetentionPolicy)
    _retention_scheduler: RetentionScheduler | None = field(default=None, repr=False)
    _token: str = field(default="", repr=False)  # kept for `keep_token_in`; never logged
    _closed: bool = field(default=False, repr=False)

    @property
    def unreadable_files(self) -> int:
        """Stores that this workstation's key could not open (lost key) and that started
        afresh: the order cache and the results inbox re-sync; drafts and seen marks were
        lost."""
        inbox = self.inbox.unreadable_files if self.inbox is not None else 0
        return self.store.unreadable_files + self.drafts.unreadable_files + (
            self.seen.unreadable_files + inbox
        )

    def apply_retention(self) -> RetentionResult:
        """One retention pass now (also run at open and hourly)."""
        return run_retention(self.store, self.drafts, self.outbox, utc_now(), self.retention)

    @classmethod
    def open(
        cls,
        environment: Environment,
        token: str,
        paths: Paths,
        *,
        kit_catalog: Mapping[str, str] | None = None,
        transport: httpx.BaseTransport | None = None,
        start_outbox: bool = True,
        load_cached: bool = True,
        data_key: DataKey | None = None,
        retention: RetentionPolicy | None = None,
    ) -> Session:
        """Build the services for ``environment`` and show the cached list at once.

        Blocking (SQLite, the keyring): run it through the task runner. Makes no network
        request. ``data_key`` defaults to the data folder's key from the OS keyring.
        """
        paths.ensure()
        if data_key is None:
            data_key = data_key_for(paths.data)
        account = account_identity(environment, token)
        folder = session_folder(paths.data, environment, token)
        if adopt_legacy_folder(paths.data, environment, folder):
            log.info("%s data moved to its account folder", environment.kind)
        folder.mkdir(parents=True, exist_ok=True)
        folder.chmod(0o700)
        bind_folder(folder, account)  # AccountMismatch: never another account's folder
        register_secret(token)
        client = make_client(environment, token, transport=transport)
        store = OrderStore(folder / "orders.sqlite3", data_key)
        outbox = Outbox(folder / "outbox.sqlite3", client, key=data_key)
        sync = SyncService(client, store, outbox=outbox)
        drafts = DraftStore(folder / DRAFTS_FILE_NAME, key=data_key)
        seen = SeenReports(folder / "seen_reports.sqlite3", data_key)
        session = cls(
            environment=environment,
            client=client,
            store=store,
            sync=sync,
            outbox=outbox,
            drafts=drafts,
            reports=ReportService(
                lambda: session.client, paths.reports_cache, seen, key=data_key
            ),
            seen=seen,
            kit_catalog=dict(kit_catalog or {}),
            folder=folder,
            account=account,
            data_key=data_key,
            retention=retention or RetentionPolicy(),
            _token=token,
        )
        session.inbox = InboxService(lambda: session.client, store, folder / "inbox.sqlite3",
                                     key=data_key)
        session.reports.clear_cache()  # reports from a previous run never outlive it
        if load_cached:
            sync.load_cached()
        if session.unreadable_files:
            log.warning("%d store(s) unreadable with this data key: started afresh",
                        session.unreadable_files)
        # At open (after the cached list is loaded) and every hour until close.
        session._retention_scheduler = RetentionScheduler(session.apply_retention)
        session._retention_scheduler.start()
        if start_outbox:
            outbox.start()
        log.info("session opened for %s", environment.kind)
        return session

    def keep_token_in(self, credentials: CredentialStore) -> None:
        """Put this session's token back in ``credentials`` (the keyring, or memory where
        the token in use there is session-only): another account's token that the sign-in
        dialog stored, and that the user then chose not to use, must not open at the next
        start."""
        if not self._token:
            return
        key = self.environment.key
        if credentials.is_session_only(key):
            credentials.keep_for_session(key, self._token)
        else:
            credentials.save(key, self._token)

    def reauthenticate(self, token: str) -> None:
        """The same account's token again (after a 401): new client, queued orders go on.
        `AccountMismatch` for another account's token: open its own session instead."""
        if self.folder is not None:
            check_token_for_folder(self.folder, self.environment, token)
        register_secret(token)
        self._token = token
        old = self.client
        self.client = make_client(self.environment, token)
        self.sync.set_client(self.client)
        self.outbox.set_client(self.client)  # also resumes items held for sign-in
        old.close()

    def use_proxy(self, proxy: ProxySetting) -> bool:
        """Reach Spot through ``proxy`` from now on (Settings changed it): a new client with
        the same token, closing the old one as `reauthenticate` does (a refresh in flight may
        fail once and the next one goes the new way; the outbox looks an order up before any
        re-send). False when nothing changed. Loopback servers never use a proxy anyway."""
        if proxy == self.environment.proxy:
            return False
        old = self.client
        self.client = old.rerouted(proxy)
        self.sync.set_client(self.client)
        self.outbox.set_client(self.client, resume=False)  # held items wait for a new token
        # Last: whoever sees the new proxy in the environment (the status bar, Settings) finds
        # the client, the sync and the outbox already using it.
        self.environment = self.environment.with_proxy(proxy)
        old.close()
        log.info("proxy changed to %s", proxy.mode)
        return True

    def check_connection(self, proxy: ProxySetting | None = None) -> ConnectionCheck:
        """Test connection with this session's token, through ``proxy`` (default: the one
        in use) without switching to it. Blocking: run it through the task runner."""
        with self.client.rerouted(proxy or self.environment.proxy, max_retries=0) as client:
            return check_connection(client)

    def close(self, *, sender_wait_s: float | None = None) -> None:
        """Stop the outbox sender and release files and connections (idempotent).

        ``sender_wait_s`` bounds the wait for the sender thread (quitting passes a short one):
        a POST in flight is left to finish or die with the process. That is safe because the
        item is "sending, may exist at Spot" on disk before the request leaves, and the next
        start looks it up before any re-send. (``Outbox.stop`` is the hook: when it marks the
        in-flight item ambiguous itself and never joins a POST, this bound only covers a
        thread between requests.)
        """
        if self._closed:
            return
        self._closed = True
        try:
            if self._retention_scheduler is not None:
                self._retention_scheduler.stop()
            if sender_wait_s is None:
                self.outbox.stop()
            else:
                self.outbox.stop(sender_wait_s)
            self.reports.clear_cache()
        finally:
            self.outbox.close()
            self.drafts.close()
            self.seen.close()
            self.store.close()
            if self.inbox is not None:
                self.inbox.close()
            self.client.close()
        log.info("session closed")
