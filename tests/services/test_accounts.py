"""Data per Spot account: a one-way account identity keys the data folder, and a folder's
queued orders are never handed another account's token."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from app.paths import paths
from app.services.accounts import (
    AccountFolderTaken,
    AccountMismatch,
    account_folder,
    account_identity,
    bind_folder,
    carry_over,
    check_token_for_folder,
    folder_identity,
    legacy_folder,
    plan_switch,
    rebind_folder,
)
from app.services.environments import PRODUCTION, Environment
from app.services.outbox import Outbox
from app.services.session import Session
from tests.helpers.outbox import FakeClient, FakeClock, FakeSpot, new_order

TOKEN_A = "tok_clinic_a_0123456789abcdef"
TOKEN_B = "tok_clinic_b_fedcba9876543210"
SANDBOX = Environment.sandbox("http://127.0.0.1:8765")


def test_identity_is_stable_one_way_and_per_environment() -> None:
    a = account_identity(PRODUCTION, TOKEN_A)
    assert a == account_identity(PRODUCTION, f" {TOKEN_A}\n")  # pasted with whitespace
    assert a != account_identity(PRODUCTION, TOKEN_B)
    assert a != account_identity(SANDBOX, TOKEN_A)
    assert len(a) == 20
    assert TOKEN_A not in a


def test_each_account_has_its_own_folder_named_without_the_token(tmp_path: Path) -> None:
    folder_a = account_folder(tmp_path, PRODUCTION, TOKEN_A)
    folder_b = account_folder(tmp_path, PRODUCTION, TOKEN_B)
    assert folder_a != folder_b
    assert folder_a.parent == tmp_path / "accounts"
    assert folder_a.name.startswith("production-")
    assert TOKEN_A not in str(folder_a)


def test_a_folder_remembers_its_account(tmp_path: Path) -> None:
    folder = account_folder(tmp_path, PRODUCTION, TOKEN_A)
    assert folder_identity(folder) is None
    bind_folder(folder, account_identity(PRODUCTION, TOKEN_A))
    bind_folder(folder, account_identity(PRODUCTION, TOKEN_A))  # same account: fine
    assert folder_identity(folder) == account_identity(PRODUCTION, TOKEN_A)
    assert TOKEN_A.encode() not in (folder / "account-id").read_bytes()
    with pytest.raises(AccountMismatch):
        bind_folder(folder, account_identity(PRODUCTION, TOKEN_B))


def test_queued_order_of_account_a_is_never_sent_with_b_token(tmp_path: Path) -> None:
    clock = FakeClock()
    spot_a, spot_b = FakeSpot(clock), FakeSpot(clock)  # what each token reaches at Spot
    folder_a = account_folder(tmp_path, PRODUCTION, TOKEN_A)
    bind_folder(folder_a, account_identity(PRODUCTION, TOKEN_A))
    outbox_a = Outbox(folder_a / "outbox.sqlite3", None, sleep=clock.sleep, clock=clock)
    item = outbox_a.submit(new_order())  # queued, not yet sent (no client: offline)

    plan = plan_switch(PRODUCTION, TOKEN_A, PRODUCTION, TOKEN_B, queued=outbox_a.counts()[0])
    assert plan.must_ask
    assert not plan.same_account

    # Account B's session opens its own folder: A's queued order isn't there to be sent.
    folder_b = account_folder(tmp_path, PRODUCTION, TOKEN_B)
    bind_folder(folder_b, account_identity(PRODUCTION, TOKEN_B))
    outbox_b = Outbox(folder_b / "outbox.sqlite3", FakeClient(spot_b), sleep=clock.sleep,
                      clock=clock)
    outbox_b.send_pending()
    assert outbox_b.items() == []
    # Handing A's outbox B's token is refused before any client is set.
    with pytest.raises(AccountMismatch):
        check_token_for_folder(folder_a, PRODUCTION, TOKEN_B)
    outbox_a.send_pending()
    assert spot_b.orders == {}
    assert outbox_a.get(item.item_id).state == "queued"  # type: ignore[union-attr]

    # Back on A's token: it goes, to A.
    check_token_for_folder(folder_a, PRODUCTION, TOKEN_A)
    outbox_a.set_client(FakeClient(spot_a))
    outbox_a.send_pending()
    assert len(spot_a.orders) == 1
    assert spot_b.orders == {}
    outbox_a.close()
    outbox_b.close()


def test_switching_with_nothing_queued_or_to_the_same_account_needs_no_question() -> None:
    assert not plan_switch(PRODUCTION, TOKEN_A, PRODUCTION, TOKEN_B, queued=0).must_ask
    same = plan_switch(PRODUCTION, TOKEN_A, PRODUCTION, f"{TOKEN_A} ", queued=3)
    assert same.same_account
    assert not same.must_ask


def test_a_rotated_key_is_carried_over_only_when_an_administrator_says_so(
    tmp_path: Path,
) -> None:
    folder = account_folder(tmp_path, PRODUCTION, TOKEN_A)
    bind_folder(folder, account_identity(PRODUCTION, TOKEN_A))
    rebind_folder(folder, account_identity(PRODUCTION, TOKEN_B))
    check_token_for_folder(folder, PRODUCTION, TOKEN_B)
    with pytest.raises(AccountMismatch):
        check_token_for_folder(folder, PRODUCTION, TOKEN_A)


def _open(environment: Environment, token: str) -> Session:
    def spot(_request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=[])

    return Session.open(environment, token, paths(), transport=httpx.MockTransport(spot),
                        start_outbox=False, load_cached=False)


CUSTOM = Environment.custom("https://spot.example.test")


def test_a_session_opens_its_accounts_folder_and_refuses_another_accounts_token() -> None:
    session_a = _open(CUSTOM, TOKEN_A)
    try:
        assert session_a.folder == account_folder(paths().data, CUSTOM, TOKEN_A)
        assert session_a.account == account_identity(CUSTOM, TOKEN_A)
        assert folder_identity(session_a.folder) == session_a.account
        with pytest.raises(AccountMismatch):
            session_a.reauthenticate(TOKEN_B)  # B's token never reaches A's outbox
        session_a.reauthenticate(TOKEN_A)  # the same token again (after a 401): fine
    finally:
        session_a.close()
    session_b = _open(CUSTOM, TOKEN_B)
    try:
        assert session_b.folder != session_a.folder
    finally:
        session_b.close()


def test_the_folder_from_before_accounts_is_adopted_once() -> None:
    legacy = legacy_folder(paths().data, CUSTOM)
    legacy.mkdir(parents=True)
    (legacy / "marker").write_bytes(b"queued orders of the account in use")
    session = _open(CUSTOM, TOKEN_A)
    session.close()
    assert not legacy.exists()
    assert session.folder is not None
    assert (session.folder / "marker").is_file()
    other = _open(CUSTOM, TOKEN_B)
    other.close()
    assert other.folder is not None
    assert not (other.folder / "marker").exists()


def test_the_built_in_sandbox_is_one_account_whatever_its_token() -> None:
    sandbox = Environment.sandbox("http://127.0.0.1:8765")
    assert account_identity(sandbox, "random-token-1") == account_identity(
        sandbox, "random-token-2")


def test_carrying_over_refuses_to_merge_into_a_folder_the_new_key_already_has(
    tmp_path: Path,
) -> None:
    folder_a = account_folder(tmp_path, PRODUCTION, TOKEN_A)
    bind_folder(folder_a, account_identity(PRODUCTION, TOKEN_A))
    folder_b = account_folder(tmp_path, PRODUCTION, TOKEN_B)
    bind_folder(folder_b, account_identity(PRODUCTION, TOKEN_B))
    with pytest.raises(AccountFolderTaken):
        carry_over(folder_a, PRODUCTION, TOKEN_B)
    assert folder_identity(folder_a) == account_identity(PRODUCTION, TOKEN_A)
    folder_b_files = list(folder_b.iterdir())
    assert [f.name for f in folder_b_files] == ["account-id"]
