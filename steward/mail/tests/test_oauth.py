"""Mailboxes that sign in with OAuth 2 (XOAUTH2): against a stub token endpoint on loopback and
a private Dovecot whose `oauth2` passdb asks the stub whether a bearer token is good."""

from __future__ import annotations

import threading
import urllib.parse
from datetime import timedelta

import pytest
import time_machine
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from steward.desk.models import Ticket
from steward.mail import imap, oauth
from steward.mail.models import AuthMethod, Mailbox, OAuthProvider, Security
from steward.mail.tests.factory import make_mail, make_mailbox
from steward.mail.tests.oauth_server import CLIENT_ID, CLIENT_SECRET, OAuthStub
from steward.mail.tests.servers import ImapServer, free_port
from steward.test import ScanningClient, World, covers, world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w() -> World:
    return world()


def _box(stub: OAuthStub, server: ImapServer | None = None, **kw: object) -> Mailbox:
    """An OAuth mailbox of the stub provider, not connected yet."""
    fields: dict[str, object] = {
        "imap_host": server.host if server else "127.0.0.1",
        "imap_port": server.port if server else 1,
        "imap_security": Security.NONE,
        "imap_user": "help",
        "auth_method": AuthMethod.OAUTH2,
        "oauth_provider": OAuthProvider.OTHER,
        "oauth_authorize_url": stub.authorize_url,
        "oauth_token_url": stub.token_url,
        "oauth_client_id": CLIENT_ID,
        "oauth_scopes": "imap offline",
    }
    box = make_mailbox(**{**fields, **kw})
    box.seal("oauth_client_secret", CLIENT_SECRET)
    box.save()
    return box


def _connected(stub: OAuthStub, server: ImapServer | None = None, **kw: object) -> Mailbox:
    """An OAuth mailbox holding tokens the stub issued, its access token valid for an hour."""
    box = _box(stub, server, **kw)
    access, refresh = stub.issue_tokens()
    box.seal("oauth_access_token", access)
    box.seal("oauth_refresh_token", refresh)
    if "oauth_expires_at" not in kw:
        box.oauth_expires_at = timezone.now() + timedelta(hours=1)
    box.save()
    return box


def _admin(w: World) -> Client:
    client = Client()
    client.force_login(w.admin)
    return client


def _state_of(response: object) -> dict[str, str]:
    location = response["Location"]  # type: ignore[index]
    return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(location).query))


# Reading mail


def test_it_turns_mail_into_a_ticket_signing_in_with_xoauth2(
    w: World, imap_server: ImapServer, oauth_stub: OAuthStub
) -> None:
    box = _connected(oauth_stub, imap_server)
    imap_server.append(make_mail(subject="VPN down again", sender=w.acme_user.email))
    assert imap.poll(box) == 1
    assert Ticket.objects.get().title == "VPN down again"
    assert oauth_stub.grants == []  # The cached token was good: no call to the provider.
    box.refresh_from_db()
    assert box.last_error == ""


def test_it_is_refused_by_dovecot_with_a_token_the_provider_does_not_know(
    w: World, imap_server: ImapServer, oauth_stub: OAuthStub
) -> None:
    # The stub's tokeninfo decides: the test above logs in because the token is real.
    box = _connected(oauth_stub, imap_server)
    box.seal("oauth_access_token", "at-made-up")
    box.save()
    imap_server.append(make_mail(sender=w.acme_user.email))
    with pytest.raises(Exception, match="(?i)auth"):
        imap.poll(box)
    assert Ticket.objects.count() == 0


@pytest.mark.parametrize("left", [timedelta(seconds=-1), timedelta(minutes=4)])
def test_it_refreshes_an_access_token_that_expired_or_is_about_to_before_signing_in(
    w: World, imap_server: ImapServer, oauth_stub: OAuthStub, left: timedelta
) -> None:
    box = _connected(oauth_stub, imap_server)
    old_access, old_refresh = box.unseal("oauth_access_token"), box.unseal("oauth_refresh_token")
    oauth_stub.expire(old_access)  # Dovecot would refuse it.
    Mailbox.objects.filter(pk=box.pk).update(oauth_expires_at=timezone.now() + left)
    box.refresh_from_db()
    imap_server.append(make_mail(subject="Printer", sender=w.acme_user.email))
    assert imap.poll(box) == 1
    assert Ticket.objects.filter(title="Printer").exists()
    assert oauth_stub.refreshes() == 1
    box.refresh_from_db()
    assert box.unseal("oauth_access_token") not in ("", old_access)
    # The provider rotated the refresh token: the new one is kept, the old one is dead.
    assert box.unseal("oauth_refresh_token") in oauth_stub.refresh
    assert old_refresh not in oauth_stub.refresh
    assert box.oauth_expires_at is not None
    assert box.oauth_expires_at > timezone.now() + timedelta(minutes=55)


def test_it_keeps_the_refresh_token_when_the_provider_does_not_rotate_it(
    w: World, oauth_stub: OAuthStub
) -> None:
    oauth_stub.rotate = False
    box = _connected(oauth_stub, oauth_expires_at=None)
    refresh = box.unseal("oauth_refresh_token")
    token = oauth.access_token(box)
    box.refresh_from_db()
    assert box.unseal("oauth_access_token") == token
    assert box.unseal("oauth_refresh_token") == refresh


def test_it_uses_a_token_with_more_than_five_minutes_left(w: World, oauth_stub: OAuthStub) -> None:
    box = _connected(oauth_stub)
    Mailbox.objects.filter(pk=box.pk).update(oauth_expires_at=timezone.now() + timedelta(minutes=6))
    box.refresh_from_db()
    assert oauth.access_token(box) == box.unseal("oauth_access_token")
    assert oauth_stub.grants == []


def test_it_marks_a_mailbox_whose_refresh_token_was_revoked_for_reconnection(
    w: World, imap_server: ImapServer, oauth_stub: OAuthStub
) -> None:
    box = _connected(oauth_stub, imap_server, oauth_expires_at=None)
    oauth_stub.revoke_all()
    with pytest.raises(oauth.NeedsReconnect):
        imap.poll(box)
    box.refresh_from_db()
    assert box.needs_reconnect
    said = "invalid_grant (Token has been expired or revoked.)"
    assert box.last_error == f"127.0.0.1:{oauth_stub.port}: {said}"  # The provider's words.
    assert box.oauth_access_token == ""
    # No retry storm: the next poll stops before asking the provider again.
    with pytest.raises(oauth.NeedsReconnect):
        imap.poll(box)
    assert oauth_stub.refreshes() == 1
    # The mailboxes page tells the admin what to do.
    page = _admin(w).get(reverse("mail:mailboxes")).content.decode()
    assert "Needs reconnecting" in page
    assert "The provider refused the sign-in: connect the mailbox again." in page
    assert "invalid_grant" in page
    w.admin.language = "zh-hans"
    w.admin.save()
    page = _admin(w).get(reverse("mail:mailboxes")).content.decode()
    assert "提供方拒绝了登录：请重新连接邮箱。" in page and "需要重新连接" in page


def test_it_records_a_token_endpoint_that_does_not_answer_without_giving_up(
    w: World, oauth_stub: OAuthStub
) -> None:
    box = _connected(oauth_stub, oauth_expires_at=None)
    box.oauth_token_url = f"http://127.0.0.1:{free_port()}/token"
    box.save()
    with pytest.raises(oauth.TokenError) as caught:
        imap.poll(box)
    assert not isinstance(caught.value, oauth.NeedsReconnect)
    box.refresh_from_db()
    assert "did not answer" in box.last_error
    assert not box.needs_reconnect  # A network fault passes; the next round tries again.
    assert CLIENT_SECRET not in box.last_error
    assert box.unseal("oauth_refresh_token") not in box.last_error


def test_it_says_what_the_provider_refused_and_never_the_secrets(
    w: World, oauth_stub: OAuthStub
) -> None:
    box = _connected(oauth_stub, oauth_expires_at=None)
    box.seal("oauth_client_secret", "a-wrong-secret")
    box.save()
    with pytest.raises(oauth.TokenError, match="invalid_client") as caught:
        oauth.access_token(box)
    assert "a-wrong-secret" not in str(caught.value)
    assert box.unseal("oauth_refresh_token") not in str(caught.value)
    box.refresh_from_db()
    assert not box.needs_reconnect


def test_it_keeps_the_secrets_encrypted(w: World, oauth_stub: OAuthStub) -> None:
    box = _connected(oauth_stub)
    row = Mailbox.objects.values(
        "oauth_client_secret", "oauth_refresh_token", "oauth_access_token"
    ).get(pk=box.pk)
    assert CLIENT_SECRET not in row["oauth_client_secret"]
    assert box.unseal("oauth_refresh_token") not in row["oauth_refresh_token"]
    assert box.unseal("oauth_access_token") not in row["oauth_access_token"]
    assert all(str(value).startswith("aesgcm1:") for value in row.values())


# Connecting: the authorization-code flow


@covers("mail:mailbox_connect", "mail:oauth_callback", kinds=("login",))
def test_it_requires_login(w: World, oauth_stub: OAuthStub) -> None:
    box = _box(oauth_stub)
    for url in (
        reverse("mail:mailbox_connect", args=[box.pk]),
        reverse("mail:oauth_callback") + "?code=x&state=y",
    ):
        response = Client().get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


@covers("mail:mailbox_connect", "mail:oauth_callback", kinds=("role", "tenancy"))
def test_it_lets_only_admins_and_managers_connect_a_mailbox(
    w: World, oauth_stub: OAuthStub
) -> None:
    box = _box(oauth_stub)
    admin = _admin(w)
    state = _state_of(admin.get(reverse("mail:mailbox_connect", args=[box.pk])))["state"]
    callback = (
        reverse("mail:oauth_callback")
        + "?"
        + urllib.parse.urlencode({"code": oauth_stub.issue_code(), "state": state})
    )
    for user in (w.tech, w.acme_admin, w.acme_user):
        client = ScanningClient(user)
        assert client.get(reverse("mail:mailbox_connect", args=[box.pk])).status_code == 404
        assert client.get(callback).status_code == 404
    # Another admin or a manager cannot complete the flow an admin started.
    manager = Client()
    manager.force_login(w.manager)
    assert manager.get(callback).status_code == 400
    assert oauth_stub.grants == []
    box.refresh_from_db()
    assert box.oauth_refresh_token == ""


def test_it_connects_a_mailbox_through_the_provider_and_reads_it(
    w: World, imap_server: ImapServer, oauth_stub: OAuthStub
) -> None:
    box = _box(oauth_stub, imap_server)
    admin = _admin(w)
    form = admin.get(reverse("mail:mailbox", args=[box.pk])).content.decode()
    assert "Not connected yet" in form
    assert oauth.redirect_uri() in form  # What the admin registers with the provider.
    response = admin.get(reverse("mail:mailbox_connect", args=[box.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(oauth_stub.authorize_url + "?")
    params = _state_of(response)
    assert params["client_id"] == CLIENT_ID and params["response_type"] == "code"
    assert params["scope"] == "imap offline" and params["login_hint"] == "help"
    assert params["redirect_uri"].endswith("/desk/mail/oauth/callback/")
    # The admin signs in at the provider, which sends them back with a code.
    back = admin.get(
        reverse("mail:oauth_callback"),
        {"code": oauth_stub.issue_code(), "state": params["state"]},
    )
    assert back.status_code == 302 and back["Location"] == reverse("mail:mailbox", args=[box.pk])
    grant = oauth_stub.grants[-1]
    assert grant["grant_type"] == "authorization_code"
    assert grant["redirect_uri"] == params["redirect_uri"]
    box.refresh_from_db()
    assert box.oauth_connected and box.unseal("oauth_refresh_token") in oauth_stub.refresh
    assert "Connected" in admin.get(reverse("mail:mailbox", args=[box.pk])).content.decode()
    imap_server.append(make_mail(subject="Connected at last", sender=w.acme_user.email))
    assert imap.poll(box) == 1
    assert Ticket.objects.filter(title="Connected at last").exists()


def test_it_clears_reconnection_once_connected_again(w: World, oauth_stub: OAuthStub) -> None:
    box = _connected(oauth_stub, oauth_expires_at=None)
    oauth_stub.revoke_all()
    with pytest.raises(oauth.NeedsReconnect):
        oauth.access_token(box)
    admin = _admin(w)
    state = _state_of(admin.get(reverse("mail:mailbox_connect", args=[box.pk])))["state"]
    admin.get(reverse("mail:oauth_callback"), {"code": oauth_stub.issue_code(), "state": state})
    box.refresh_from_db()
    assert not box.needs_reconnect and box.last_error == ""
    assert oauth.access_token(box)


@pytest.mark.parametrize("forge", ["tampered", "made_up", "other_mailbox", "empty"])
def test_it_rejects_a_forged_state(w: World, oauth_stub: OAuthStub, forge: str) -> None:
    box = _box(oauth_stub)
    other = _box(oauth_stub, address="other@provider.test")
    admin = _admin(w)
    state = _state_of(admin.get(reverse("mail:mailbox_connect", args=[other.pk])))["state"]
    forged = {
        "tampered": state[:-3] + ("AAA" if not state.endswith("AAA") else "BBB"),
        "made_up": signing.dumps({"m": box.pk, "u": w.admin.pk}, salt="another-salt"),
        "other_mailbox": state,
        "empty": "",
    }[forge]
    response = admin.get(
        reverse("mail:oauth_callback"), {"code": oauth_stub.issue_code(), "state": forged}
    )
    if forge == "other_mailbox":
        # A valid state connects the mailbox it names, never the one the attacker wants.
        box.refresh_from_db()
        assert box.oauth_refresh_token == ""
        return
    assert response.status_code == 400
    assert "This sign-in link is not valid or has expired" in response.content.decode()
    assert oauth_stub.grants == []
    assert not Mailbox.objects.exclude(oauth_refresh_token="").exists()


def test_it_rejects_an_expired_state(w: World, oauth_stub: OAuthStub) -> None:
    box = _box(oauth_stub)
    admin = _admin(w)
    with time_machine.travel(timezone.now(), tick=False) as clock:
        state = _state_of(admin.get(reverse("mail:mailbox_connect", args=[box.pk])))["state"]
        clock.shift(timedelta(minutes=11))
        response = admin.get(
            reverse("mail:oauth_callback"), {"code": oauth_stub.issue_code(), "state": state}
        )
    assert response.status_code == 400
    assert oauth_stub.grants == []
    box.refresh_from_db()
    assert box.oauth_refresh_token == ""


def test_it_shows_what_the_provider_said_when_the_admin_declined(
    w: World, oauth_stub: OAuthStub
) -> None:
    box = _box(oauth_stub)
    admin = _admin(w)
    state = _state_of(admin.get(reverse("mail:mailbox_connect", args=[box.pk])))["state"]
    response = admin.get(
        reverse("mail:oauth_callback"),
        {"error": "access_denied", "error_description": "The user declined.", "state": state},
    )
    assert response.status_code == 400
    assert "access_denied The user declined." in response.content.decode()
    # A code the provider does not know: its refusal is shown, nothing is stored.
    response = admin.get(reverse("mail:oauth_callback"), {"code": "stale", "state": state})
    assert response.status_code == 400
    said = f"127.0.0.1:{oauth_stub.port}: invalid_grant (Bad code.)"
    assert f"The provider did not connect the mailbox: {said}" in response.content.decode()
    box.refresh_from_db()
    assert box.oauth_refresh_token == "" and not box.needs_reconnect


def test_it_asks_for_the_client_id_before_connecting(w: World) -> None:
    box = make_mailbox(imap_host="imap.example.test", imap_user="help")
    response = _admin(w).get(reverse("mail:mailbox_connect", args=[box.pk]), follow=True)
    assert "Choose OAuth 2 and enter the client ID first." in response.content.decode()


# The mailbox form


def _post(client: Client, url: str, **fields: object) -> object:
    data: dict[str, object] = {
        "name": "Help desk",
        "address": "help@provider.test",
        "unknown_sender": "quarantine",
        "imap_port": 993,
        "imap_security": "ssl",
        "imap_user": "help@provider.test",
        "folder": "INBOX",
        "poll_seconds": 60,
        "enabled": "on",
        "auth_method": "oauth2",
        "oauth_provider": "microsoft",
        "oauth_client_id": "11111111-2222-3333-4444-555555555555",
    }
    data.update(fields)
    return client.post(url, {k: v for k, v in data.items() if v is not None})


def test_it_sets_up_a_microsoft_365_mailbox(w: World) -> None:
    admin = _admin(w)
    response = _post(
        admin, reverse("mail:mailbox_new"), client_secret="s3cret-value", oauth_tenant="contoso.com"
    )
    assert response.status_code == 302  # type: ignore[attr-defined]
    box = Mailbox.objects.get()
    assert box.uses_oauth and box.imap_host == "outlook.office365.com"
    assert box.unseal("oauth_client_secret") == "s3cret-value"
    assert "s3cret-value" not in box.oauth_client_secret
    url = admin.get(reverse("mail:mailbox_connect", args=[box.pk]))["Location"]
    assert url.startswith("https://login.microsoftonline.com/contoso.com/oauth2/v2.0/authorize?")
    scope = _state_of(admin.get(reverse("mail:mailbox_connect", args=[box.pk])))["scope"]
    assert scope == "https://outlook.office.com/IMAP.AccessAsUser.All offline_access"


def test_it_sets_up_a_google_workspace_mailbox(w: World) -> None:
    admin = _admin(w)
    _post(admin, reverse("mail:mailbox_new"), oauth_provider="google", client_secret="g")
    box = Mailbox.objects.get()
    assert box.imap_host == "imap.gmail.com"
    params = _state_of(admin.get(reverse("mail:mailbox_connect", args=[box.pk])))
    assert params["scope"] == "https://mail.google.com/"
    assert params["access_type"] == "offline" and params["prompt"] == "consent"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"oauth_client_id": ""}, "oauth_client_id"),
        ({"oauth_provider": "other", "imap_host": "imap.example.test"}, "oauth_authorize_url"),
        ({"oauth_provider": "other", "imap_host": "imap.example.test"}, "oauth_token_url"),
        ({"oauth_provider": "other"}, "imap_host"),
        ({"oauth_provider": "yahoo"}, "oauth_provider"),
        ({"auth_method": "kerberos"}, "auth_method"),
        ({"oauth_token_url": "not a url", "oauth_provider": "other"}, "oauth_token_url"),
    ],
)
def test_it_refuses_an_incomplete_oauth_setup_naming_the_field(
    w: World, fields: dict[str, object], field: str
) -> None:
    response = _post(_admin(w), reverse("mail:mailbox_new"), **fields)
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert field in response.context["form"].errors  # type: ignore[attr-defined]
    assert not Mailbox.objects.exists()


def test_it_forgets_the_tokens_when_the_app_registration_changes(
    w: World, oauth_stub: OAuthStub
) -> None:
    box = _connected(oauth_stub, address="help@provider.test")
    admin = _admin(w)
    url = reverse("mail:mailbox", args=[box.pk])
    same = {
        "oauth_provider": "other",
        "imap_host": "127.0.0.1",
        "imap_port": 1,
        "imap_security": "none",
        "imap_user": "help",
        "oauth_authorize_url": oauth_stub.authorize_url,
        "oauth_token_url": oauth_stub.token_url,
        "oauth_client_id": CLIENT_ID,
        "oauth_scopes": "imap offline",
    }
    _post(admin, url, **same, poll_seconds=120)
    box.refresh_from_db()
    assert box.oauth_connected and box.unseal("oauth_client_secret") == CLIENT_SECRET
    _post(admin, url, **{**same, "oauth_client_id": "another-app"})
    box.refresh_from_db()
    assert not box.oauth_connected and box.oauth_refresh_token == ""
    assert box.unseal("oauth_client_secret") == CLIENT_SECRET


def test_it_keeps_the_secrets_readable_when_the_address_changes(
    w: World, oauth_stub: OAuthStub
) -> None:
    box = _connected(oauth_stub)
    refresh = box.unseal("oauth_refresh_token")
    _post(
        _admin(w),
        reverse("mail:mailbox", args=[box.pk]),
        address="support@provider.test",
        oauth_provider="other",
        imap_host="127.0.0.1",
        imap_port=1,
        imap_security="none",
        imap_user="help",
        oauth_authorize_url=oauth_stub.authorize_url,
        oauth_token_url=oauth_stub.token_url,
        oauth_client_id=CLIENT_ID,
        oauth_scopes="imap offline",
    )
    box.refresh_from_db()
    assert box.address == "support@provider.test"
    assert box.unseal("oauth_refresh_token") == refresh
    assert box.unseal("oauth_client_secret") == CLIENT_SECRET


def _watch_returns(box: Mailbox) -> bool:
    """Whether the watcher of `box` returned on its own (rather than kept trying)."""
    returned = threading.Event()
    stop = threading.Event()

    def run() -> None:
        imap.watch(box, stop)
        returned.set()

    watcher = threading.Thread(target=run, daemon=True)
    watcher.start()
    done = returned.wait(timeout=3)
    stop.set()
    watcher.join(timeout=10)
    return done


@pytest.mark.django_db(transaction=True)
def test_it_leaves_mailboxes_waiting_for_an_admin_out_of_the_watchers(
    oauth_stub: OAuthStub,
) -> None:
    world()
    never = _box(oauth_stub, imap_port=free_port())
    revoked = _connected(
        oauth_stub, address="revoked@provider.test", oauth_expires_at=None, imap_port=free_port()
    )
    oauth_stub.revoke_all()
    with pytest.raises(oauth.NeedsReconnect):
        oauth.access_token(revoked)
    grants = len(oauth_stub.grants)
    assert _watch_returns(never)
    assert _watch_returns(revoked)
    assert len(oauth_stub.grants) == grants
    revoked.refresh_from_db()
    assert revoked.needs_reconnect and "invalid_grant" in revoked.last_error
    # A password mailbox whose server is down keeps being retried, as before.
    down = make_mailbox(
        address="down@provider.test",
        imap_host="127.0.0.1",
        imap_port=free_port(),
        imap_security=Security.NONE,
        imap_user="help",
    )
    assert not _watch_returns(down)


def test_it_takes_the_token_another_process_rotated_instead_of_giving_up(
    w: World, oauth_stub: OAuthStub
) -> None:
    # `steward mail poll` and the worker both read the same stale row; the poll refreshes
    # first and the provider rotates the refresh token the worker is about to send.
    worker = _connected(oauth_stub, oauth_expires_at=None)
    poller = Mailbox.objects.get(pk=worker.pk)
    oauth.access_token(poller)
    token = oauth.access_token(worker)
    assert token == poller.unseal("oauth_access_token")
    worker.refresh_from_db()
    assert not worker.needs_reconnect and worker.last_error == ""
    assert oauth_stub.refreshes() == 2  # The stale one, refused; nothing after it.
