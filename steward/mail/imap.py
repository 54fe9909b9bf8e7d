"""Reading mailboxes over IMAP: fetch raw, store, then move or flag on the server.

A message leaves the server folder only after it is stored in our database, so a crash
between the two at worst fetches it again, and the Message-ID makes that a no-op.
"""

from __future__ import annotations

import logging
import threading
from datetime import timedelta

from django.db import close_old_connections
from django.db.models import Q
from django.utils import timezone
from imap_tools import AND, BaseMailBox, MailBox, MailBoxStartTls, MailBoxUnencrypted

from steward.mail import inbound, oauth
from steward.mail.models import Mailbox, Security, Via

log = logging.getLogger(__name__)

LEASE = timedelta(minutes=5)
_FETCH_BATCH = 50
IDLE_ROUND = 2.0


def connect(box: Mailbox, timeout: float = 30) -> BaseMailBox:
    # The token first: a mailbox that must be connected again never dials the server.
    token = oauth.access_token(box) if box.uses_oauth else ""
    client: BaseMailBox
    if box.imap_security == Security.SSL:
        client = MailBox(box.imap_host, box.imap_port, timeout=timeout)
    elif box.imap_security == Security.STARTTLS:
        client = MailBoxStartTls(box.imap_host, box.imap_port, timeout=timeout)
    else:
        client = MailBoxUnencrypted(box.imap_host, box.imap_port, timeout=timeout)
    if token:
        return client.xoauth2(box.imap_user, token, initial_folder=box.folder)
    return client.login(box.imap_user, box.password(), initial_folder=box.folder)


def _raw(client: BaseMailBox, uid: str) -> bytes | None:
    # imap_tools re-parses what it fetches; the raw bytes come straight from imaplib.
    # BODY.PEEK leaves the \\Seen flag alone until the message is safely stored.
    typ, data = client.client.uid("FETCH", uid, "(BODY.PEEK[])")
    if typ != "OK":
        return None
    for item in data:
        if isinstance(item, tuple) and len(item) == 2:
            return bytes(item[1])
    return None


def fetch_new(box: Mailbox, client: BaseMailBox) -> int:
    """Store every waiting message and then file it away on the server; returns how many."""
    criteria = "ALL" if box.processed_folder else AND(seen=False)
    uids = client.uids(criteria)
    done = 0
    for start in range(0, len(uids), _FETCH_BATCH):
        batch = uids[start : start + _FETCH_BATCH]
        stored = []
        for uid in batch:
            raw = _raw(client, uid)
            if raw is None:
                continue
            try:
                inbound.receive(raw, mailbox=box, via=Via.IMAP)
            except inbound.MailTooLarge:
                # Left on the server where a person can still read it; the error says why.
                log.warning("%s: message %s is over MAIL_MAX_BYTES; left on the server", box, uid)
                continue
            stored.append(uid)
        if stored:
            if box.processed_folder:
                if not client.folder.exists(box.processed_folder):
                    client.folder.create(box.processed_folder)
                client.move(stored, box.processed_folder)
            else:
                client.flag(stored, "\\Seen", True)
        done += len(stored)
    return done


def poll(box: Mailbox) -> int:
    """Connect, take what is waiting, disconnect; records the outcome on the mailbox."""
    try:
        with connect(box) as client:
            count = fetch_new(box, client)
    except oauth.NeedsReconnect:
        _record(box, box.last_error)  # What the provider said, or nothing: the page says why.
        raise
    except oauth.TokenError as exc:
        _record(box, str(exc))
        raise
    except Exception as exc:
        _record(box, f"{type(exc).__name__}: {exc}")
        raise
    _record(box, "")
    return count


def _record(box: Mailbox, error: str) -> None:
    box.last_polled_at = timezone.now()
    box.last_error = error[:2000]
    Mailbox.objects.filter(pk=box.pk).update(
        last_polled_at=box.last_polled_at, last_error=box.last_error
    )


def take_lease(box: Mailbox, holder_until: timedelta = LEASE) -> bool:
    """Only one worker reads a mailbox at a time: a conditional UPDATE that must touch 1 row."""
    now = timezone.now()
    taken = Mailbox.objects.filter(
        Q(lease_until__isnull=True) | Q(lease_until__lt=now), pk=box.pk
    ).update(lease_until=now + holder_until)
    return taken == 1


def renew_lease(box: Mailbox) -> None:
    Mailbox.objects.filter(pk=box.pk).update(lease_until=timezone.now() + LEASE)


def release_lease(box: Mailbox) -> None:
    Mailbox.objects.filter(pk=box.pk).update(lease_until=None)


def _supports_idle(client: BaseMailBox) -> bool:
    return "IDLE" in {c.upper() for c in client.client.capabilities}


def _idle(client: BaseMailBox, stop: threading.Event, seconds: float) -> None:
    """Wait in IDLE until the server announces mail, `seconds` pass, or the worker stops.
    Short rounds keep shutdown quick and stay far inside RFC 2177's 29 minutes."""
    waited = 0.0
    while not stop.is_set() and waited < seconds:
        if client.idle.wait(timeout=IDLE_ROUND):
            return
        # Mail that arrived between the last fetch and IDLE is announced as the IDLE
        # starts, in a response imaplib files away instead of returning: look there too.
        if client.client.untagged_responses.pop("EXISTS", None):
            return
        waited += IDLE_ROUND


def watch(box: Mailbox, stop: threading.Event) -> None:
    """Keep one mailbox read: IDLE where the server offers it (mail lands within seconds),
    else a poll every `poll_seconds`; reconnect with back-off after errors."""
    delay = 5.0
    while not stop.is_set():
        close_old_connections()
        box.refresh_from_db()
        if not box.enabled or not box.reads_imap or _waits_for_admin(box):
            return
        if not take_lease(box):
            stop.wait(LEASE.total_seconds() / 2)
            continue
        try:
            with connect(box) as client:
                idle = _supports_idle(client)
                while not stop.is_set():
                    fetch_new(box, client)
                    _record(box, "")
                    renew_lease(box)
                    delay = 5.0
                    if idle:
                        _idle(client, stop, box.poll_seconds)
                    else:
                        stop.wait(box.poll_seconds)
        except oauth.NeedsReconnect:
            _record(box, box.last_error)
            return  # Nobody tries again until an admin connects the mailbox.
        except Exception as exc:
            log.warning("%s: %s", box, exc)
            _record(box, f"{type(exc).__name__}: {exc}")
            stop.wait(delay)
            delay = min(delay * 2, 300)
        finally:
            release_lease(box)


def _waits_for_admin(box: Mailbox) -> bool:
    return box.uses_oauth and not box.oauth_connected


def run_watchers(stop: threading.Event, refresh: float = 60.0) -> None:
    """Start a watcher per enabled IMAP mailbox; pick up mailboxes added later."""
    threads: dict[int, threading.Thread] = {}
    while not stop.is_set():
        close_old_connections()
        try:
            boxes = list(
                Mailbox.objects.filter(enabled=True, needs_reconnect=False).exclude(imap_host="")
            )
        except Exception:
            log.exception("could not list mailboxes")
            boxes = []
        for box in boxes:
            thread = threads.get(box.pk)
            if thread is None or not thread.is_alive():
                thread = threading.Thread(
                    target=watch, args=(box, stop), name=f"imap-{box.pk}", daemon=True
                )
                thread.start()
                threads[box.pk] = thread
        stop.wait(refresh)
