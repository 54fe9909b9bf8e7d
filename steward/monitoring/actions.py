"""The one place that changes checks: pings, probe results, flips, and the tickets they open.

Every change of status is claimed with a conditional UPDATE (`WHERE status = <old>`) whose row
count must be 1, in the transaction that records the flip and opens or resolves the ticket: of
two workers (or a ping and the sweep) racing on one check, exactly one records the flip.
"""

from __future__ import annotations

import ipaddress
import logging
import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, cast
from urllib.parse import urlsplit

from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from steward.accounts.models import Organization, User
from steward.desk import actions as desk
from steward.desk import events
from steward.desk.models import EventKind, Source
from steward.desk.models import Kind as TicketKind
from steward.desk.models import Status as TicketStatus
from steward.lib.errors import DomainError
from steward.lib.formats import format_duration
from steward.lib.memo import Memo
from steward.lib.timestamps import iso
from steward.monitoring import recurrence
from steward.monitoring.models import (
    BODY_LIMIT,
    Alert,
    AlertRecipient,
    Check,
    Flip,
    Kind,
    MaintenanceWindow,
    Ping,
    PingKind,
    Status,
)
from steward.vault.models import Asset

log = logging.getLogger(__name__)

# A run longer than this is not measured from its start ping (the start was another run's).
LONGEST_RUN = timedelta(hours=24)


class CheckError(DomainError):
    """A check, ping or window the rules refuse."""


# --- Heartbeat timing ---------------------------------------------------------------------


def due_after(check: Check, last: datetime) -> datetime:
    """When the next ping is expected after one at `last`: a period later, or the schedule's
    next time in the check's zone."""
    if check.schedule:
        return recurrence.next_cron(check.schedule, check.tz, last)
    return last + timedelta(seconds=check.period)


# --- Pings ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PingIn:
    """A ping as it arrived: `/ping/<code>[/start|/fail|/log|/<exit status>]`."""

    kind: str  # PingKind
    exit_status: int | None = None
    body: str = ""
    method: str = "GET"
    remote_addr: str = ""


# What a ping reads of its check; a change of status reads the rest as it needs it.
PING_FIELDS = (
    "id", "organization_id", "name", "kind", "status", "period", "grace", "schedule", "tz",
    "last_start_at", "alert_after", "next_due", "open_ticket_id", "keep_pings",
)  # fmt: skip


def ping(code: uuid.UUID, incoming: PingIn, at: datetime | None = None) -> bool:
    """Store a heartbeat's ping and move its check: False for an unknown code (a 404).

    The common case (a success on a check that is up) is one SELECT, one INSERT and one
    UPDATE; only a change of status does more."""
    at = at or timezone.now()
    # Sliced, not .first(): the code is unique, and the model's ordering would cost a sort
    # on the hottest path Steward has.
    check = next(
        iter(
            Check.objects.filter(code=code, kind=Kind.HEARTBEAT).only(*PING_FIELDS).order_by()[:1]
        ),
        None,
    )
    if check is None:
        return False
    duration = None
    started = check.last_start_at
    ended = incoming.kind in (PingKind.SUCCESS, PingKind.FAIL)
    if ended and started is not None and timedelta(0) <= at - started <= LONGEST_RUN:
        duration = int((at - started).total_seconds() * 1000)
    with transaction.atomic():
        Ping.objects.create(
            owner=check,
            at=at,
            kind=incoming.kind,
            exit_status=incoming.exit_status,
            body=incoming.body[:BODY_LIMIT],
            duration_ms=duration,
            method=incoming.method[:8],
            remote_addr=incoming.remote_addr[:45],
        )
        if incoming.kind == PingKind.SUCCESS:
            _heartbeat_success(check, at, duration)
        elif incoming.kind == PingKind.FAIL:
            _heartbeat_failure(check, at, incoming)
        elif incoming.kind == PingKind.START:
            # A job that starts and never finishes is down a grace after its start.
            alert_after = at + timedelta(seconds=check.grace)
            if check.alert_after is not None:
                alert_after = min(alert_after, check.alert_after)
            Check.objects.filter(pk=check.pk).update(
                last_start_at=at, alert_after=alert_after, updated_at=at
            )
        else:  # A log line: kept, changes nothing.
            Check.objects.filter(pk=check.pk).update(last_ping_at=at)
    return True


def _finished(check: Check, at: datetime) -> dict[str, object]:
    """What a run's end (success or failure) sets: the next ping is due a period (or the
    schedule's next time) later, and the run's start is over."""
    next_due = due_after(check, at)
    return {
        "last_ping_at": at,
        "last_start_at": None,
        "next_due": next_due,
        "alert_after": next_due + timedelta(seconds=check.grace),
        "updated_at": at,
    }


def _heartbeat_success(check: Check, at: datetime, duration: int | None) -> None:
    fields = {**_finished(check, at), "last_duration_ms": duration, "failures": 0}
    if check.status == Status.UP:
        # The common case. Should a racing sweep have just marked it down, the flip below
        # is what brings it back: claim on the status this ping saw.
        if Check.objects.filter(pk=check.pk, status=Status.UP).update(**fields) == 1:
            return
        check.refresh_from_db()
    _transition(check, Status.UP, at, _("A ping arrived."), fields)


def _heartbeat_failure(check: Check, at: datetime, incoming: PingIn) -> None:
    if incoming.exit_status:
        reason = _("The job reported a failure (exit status %(status)s).") % {
            "status": incoming.exit_status
        }
    else:
        reason = _("The job reported a failure.")
    if incoming.body:
        reason = f"{reason}\n\n{incoming.body[:2000]}"
    fields = _finished(check, at)
    if check.status == Status.DOWN:
        Check.objects.filter(pk=check.pk).update(**fields)
        _failed_again(check, at, reason)
        return
    _transition(check, Status.DOWN, at, reason, fields)


# --- Active results -------------------------------------------------------------------------


def record_result(
    check: Check, *, ok: bool, at: datetime, duration_ms: int | None, detail: str
) -> Flip | None:
    """Store one run of an active check and move it: up at once on success, down after
    `retries` + 1 consecutive failures. Returns the flip, if this run made one."""
    with transaction.atomic():
        Ping.objects.create(
            owner=check,
            at=at,
            kind=PingKind.SUCCESS if ok else PingKind.FAIL,
            body=detail[:BODY_LIMIT],
            duration_ms=duration_ms,
        )
        failures = 0 if ok else check.failures + 1
        fields = {
            "last_ping_at": at,
            "last_duration_ms": duration_ms,
            "failures": failures,
            "updated_at": at,
        }
        moves_to = result_moves(check, ok)
        if moves_to is not None:
            return _transition(check, moves_to, at, detail, fields)
        Check.objects.filter(pk=check.pk).update(**fields)
        check.failures = failures
        if not ok and check.status == Status.DOWN:
            _failed_again(check, at, detail)
    return None


def result_moves(check: Check, ok: bool) -> str | None:
    """The status one result of an active check takes it to, if any: up at once on success,
    down after `retries` + 1 consecutive failures; a paused check stays paused."""
    if check.status == Status.PAUSED:
        return None
    if ok:
        return Status.UP if check.status in (Status.NEW, Status.DOWN) else None
    if check.failures + 1 > check.retries and check.status in (Status.NEW, Status.UP):
        return Status.DOWN
    return None


# --- Flips and their tickets ----------------------------------------------------------------


def _transition(
    check: Check,
    new: str,
    at: datetime,
    reason: str,
    fields: Mapping[str, object] | None = None,
    claim: Mapping[str, object] | None = None,
    noticed: datetime | None = None,
) -> Flip | None:
    """Claim the change from the status `check` holds to `new` (and the other values in
    `claim` it saw); None if another worker or a ping changed it first. The flip is at `at`
    (when it happened: a heartbeat's grace end); a ticket opens at `noticed` (when Steward
    found out), by default the same."""
    old = check.status
    if old == new:
        return None
    fields = dict(fields or {})
    fields["status"] = new
    # Down inside a maintenance window: the ticket is due when the window ends.
    silenced = silenced_until(check, at) if new == Status.DOWN else None
    fields["ticket_due"] = silenced
    with transaction.atomic(), events.holding():
        if Check.objects.filter(pk=check.pk, status=old, **(claim or {})).update(**fields) != 1:
            return None
        for key, value in fields.items():
            setattr(check, key, value)
        flip = Flip.objects.create(
            owner=check, at=at, old=old, new=new, reason=reason[:500], silenced=bool(silenced)
        )
        if new == Status.DOWN and silenced is None:
            _alert(check, noticed or at, reason)
        elif new == Status.UP and old == Status.DOWN:
            _recovered(check, at, reason)
    log.info("check %s: %s -> %s", check.pk, old, new)
    return flip


# Inside a sweep's batch: each organization's windows and alert recipients, read once.
_batch = Memo("monitoring_batch")


def _per_org[T](what: str, org_id: int, look_up: Callable[[], T]) -> T:
    return _batch.get((what, org_id), look_up)


@dataclass(frozen=True)
class _Window:
    starts: datetime
    ends: datetime
    rrule: str
    checks: frozenset[int]  # empty: all of the organization's


def _windows(org_id: int) -> list[_Window]:
    return [
        _Window(w.starts, w.ends, w.rrule, frozenset(c.pk for c in w.checks.all()))
        for w in MaintenanceWindow.objects.filter(organization_id=org_id).prefetch_related("checks")
    ]


def silenced_until(check: Check, at: datetime) -> datetime | None:
    """The end of the maintenance window that holds `at` for this check, if one does (the
    latest end, should several overlap)."""
    tz = check.organization.timezone
    ends = [
        held[1]
        for w in _per_org("windows", check.organization_id, lambda: _windows(check.organization_id))
        if (not w.checks or check.pk in w.checks)
        and w.starts <= at
        and (w.rrule or at < w.ends)
        and (held := recurrence.covering(w.starts, w.ends, w.rrule, tz, at)) is not None
    ]
    return max(ends) if ends else None


def _alert(check: Check, at: datetime, reason: str) -> None:
    """The check went down, outside any window: one ticket for it, reopened if it recovered
    a short while ago, else a new one."""
    ticket = check.open_ticket if check.open_ticket_id else None
    if ticket is not None and ticket.is_open:
        _failed_again(check, at, reason)
        return
    since = at - timedelta(seconds=check.reopen_within)
    last = _batch.get(("recovered", check.pk), lambda: _last_recoveries([check.pk]).get(check.pk))
    recent = (
        Alert.objects.filter(owner=check, recovered_at__gte=since).select_related("ticket").first()
        if last is not None and last >= since
        else None
    )
    notify = _client_recipients(check)
    if recent is not None and recent.ticket.status in (TicketStatus.RESOLVED, TicketStatus.CLOSED):
        ticket = recent.ticket
        desk.change_status(ticket, TicketStatus.OPEN, None, at=at)
        Alert.objects.filter(pk=recent.pk).update(recovered_at=None)
        how = "reopened"
    else:
        org = check.organization
        with translation.override(org.language or None):
            title = _("%(check)s is down") % {"check": check.name}
            description = describe(check, reason)
        ticket = desk.open_ticket(
            desk.NewTicket(
                organization=org,
                title=title,
                description=description,
                impact=check.impact,
                urgency=check.urgency,
                kind=TicketKind.INCIDENT,
                source=Source.MONITORING,
            ),
            actor=None,
            at=at,
        )
        Alert.objects.create(owner=check, ticket=ticket, opened_at=at)
        how = "opened"
    # The outage's first word on the ticket: mail tells the people who hear of it (`notify`:
    # the client admins who asked, besides the ticket's own recipients).
    events.record(
        ticket,
        EventKind.ALERT,
        None,
        at,
        reason=reason[:2000],
        check=check.pk,
        notify=notify,
        **cast(dict[str, Any], {how: True}),  # `opened` or `reopened`, as mail reads it
    )
    Check.objects.filter(pk=check.pk).update(open_ticket=ticket)
    check.open_ticket = ticket


def _last_recoveries(pks: list[int]) -> dict[int, datetime]:
    """When each of these checks last recovered from an outage that opened a ticket."""
    return dict(
        Alert.objects.filter(owner__in=pks, recovered_at__isnull=False)
        .values("owner_id")
        .annotate(last=Max("recovered_at"))
        .values_list("owner_id", "last")
    )


def _gist(reason: str) -> str:
    """A failure's reason without its figures: "HTTP 500 in 31 ms" and "HTTP 502 in 40 ms"
    are the same failure going on; "connection refused" after them is news."""
    return re.sub(r"\d+", "#", reason)


def _failed_again(check: Check, at: datetime, reason: str) -> None:
    """A further failure while down: an event on its ticket, never a new ticket. A probe that
    fails the same way every minute adds one event, not one a minute."""
    if not check.open_ticket_id:
        return
    ticket = check.open_ticket
    assert ticket is not None
    last = ticket.events.filter(kind=EventKind.ALERT).order_by("-at", "-id").first()
    if last is not None and _gist(str(last.data.get("reason", ""))) == _gist(reason[:2000]):
        return
    events.record(ticket, EventKind.ALERT, None, at, reason=reason[:2000], check=check.pk)


def _recovered(check: Check, at: datetime, reason: str) -> None:
    if not check.open_ticket_id:
        # Down and up again inside a window (or before its ticket was due): no ticket.
        return
    ticket = check.open_ticket
    assert ticket is not None
    down_at = (
        Flip.objects.filter(owner=check, new=Status.DOWN, at__lte=at)
        .order_by("-at", "-id")
        .values_list("at", flat=True)
        .first()
    )
    events.record(
        ticket,
        EventKind.RECOVERED,
        None,
        at,
        reason=reason[:2000],
        check=check.pk,
        down_since=iso(down_at) if down_at else None,
        notify=_client_recipients(check),
    )
    Alert.objects.filter(owner=check, ticket=ticket).update(recovered_at=at)
    if check.auto_resolve and ticket.is_open:
        desk.change_status(ticket, TicketStatus.RESOLVED, None, at=at)
        Check.objects.filter(pk=check.pk).update(open_ticket=None)
        check.open_ticket = None


def _client_recipients(check: Check) -> list[str]:
    """The client admins who chose to hear of their checks' outages."""
    return _per_org(
        "recipients",
        check.organization_id,
        lambda: sorted(
            AlertRecipient.objects.filter(
                organization_id=check.organization_id, user__is_active=True
            ).values_list("user__email", flat=True)
        ),
    )


def describe(check: Check, reason: str) -> str:
    """The ticket's description: what failed and what the check watches."""
    lines = [reason, ""]
    lines.append(
        _("Check: %(name)s (%(kind)s)") % {"name": check.name, "kind": Kind(check.kind).label}
    )
    if check.target:
        lines.append(_("Target: %(target)s") % {"target": check.target})
    if check.is_heartbeat:
        if check.last_ping_at:
            lines.append(
                _("Last ping: %(at)s UTC") % {"at": f"{check.last_ping_at:%Y-%m-%d %H:%M}"}
            )
        else:
            lines.append(_("No ping has arrived yet."))
    return "\n".join(lines)


# --- The sweep: heartbeats that went quiet, tickets held by a window -------------------------


def sweep(now: datetime | None = None, limit: int = 500) -> int:
    """Mark down every heartbeat past its grace and open the tickets whose window has ended;
    returns how many checks this call changed. Safe to run from any number of workers."""
    now = now or timezone.now()
    done = 0
    while True:
        quiet = list(
            Check.objects.filter(status=Status.UP, alert_after__lte=now)
            .select_related("organization", "open_ticket")
            .order_by("alert_after")[:limit]
        )
        for start in range(0, len(quiet), BATCH):
            done += _mark_quiet(quiet[start : start + BATCH], now)
        # A full batch may have more behind it; a claimed row no longer matches the query.
        if len(quiet) < limit:
            break
    held = list(
        Check.objects.filter(status=Status.DOWN, ticket_due__lte=now)
        .select_related("organization", "open_ticket")
        .order_by("ticket_due")[:limit]
    )
    for check in held:
        with transaction.atomic(), events.holding():
            if (
                Check.objects.filter(
                    pk=check.pk, status=Status.DOWN, ticket_due=check.ticket_due
                ).update(ticket_due=None)
                != 1
            ):
                continue
            end = silenced_until(check, now)
            if end is not None:
                Check.objects.filter(pk=check.pk).update(ticket_due=end)
                continue
            reason = _("Still down when the maintenance window ended.")
            last = Flip.objects.filter(owner=check, new=Status.DOWN).order_by("-at", "-id").first()
            if last is not None and last.reason:
                reason = f"{reason}\n\n{last.reason}"
            _alert(check, now, reason)
            done += 1
    return done


# Checks marked down (and their tickets opened) in one transaction: when many go quiet at once
# (a site's power cut), the commit and the organization's look-ups are paid once per batch.
BATCH = 50


def _mark_quiet(checks: list[Check], now: datetime) -> int:
    done = 0
    # Each check's events are handed over at the end of its own savepoint (_transition).
    with transaction.atomic(), desk.opening_many(), _batch.scope():
        # Whether each may reopen a ticket, asked for the batch at once (most never may).
        recoveries = _last_recoveries([check.pk for check in checks])
        for check in checks:
            _batch.put(("recovered", check.pk), recoveries.get(check.pk))
        for check in checks:
            assert check.alert_after is not None
            try:
                # Its own savepoint: one check that cannot be marked leaves the others be.
                with transaction.atomic():
                    # The claim names the deadline it saw too: a ping that moved it wins.
                    flip = _transition(
                        check,
                        Status.DOWN,
                        check.alert_after,
                        _quiet_reason(check),
                        claim={"alert_after": check.alert_after},
                        noticed=now,
                    )
            except Exception:
                log.exception("could not mark check %s down", check.pk)
                continue
            done += flip is not None
    return done


def _quiet_reason(check: Check) -> str:
    # A success or failure clears the start: one still set is a run that never finished.
    started = check.last_start_at
    if started is not None and check.alert_after == started + timedelta(seconds=check.grace):
        return _("The job started at %(at)s UTC and has not finished within its grace time.") % {
            "at": f"{started:%Y-%m-%d %H:%M}"
        }
    return _("No ping since %(last)s UTC: expected by %(due)s UTC, with %(grace)s of grace.") % {
        "last": f"{check.last_ping_at:%Y-%m-%d %H:%M}" if check.last_ping_at else "-",
        "due": f"{check.next_due:%Y-%m-%d %H:%M}" if check.next_due else "-",
        "grace": format_duration(timedelta(seconds=check.grace)),
    }


# --- Pause and resume -----------------------------------------------------------------------


def pause(check: Check, actor: User | None, at: datetime | None = None) -> Check:
    """Stop watching: no alert, no probe, until resumed (a heartbeat's next ping resumes it,
    as in healthchecks)."""
    at = at or timezone.now()
    check.refresh_from_db()
    _transition(
        check,
        Status.PAUSED,
        at,
        _("Paused by %(who)s.") % {"who": actor or "Steward"},
        {"alert_after": None, "failures": 0, "updated_at": at},
    )
    check.refresh_from_db()
    return check


def resume(check: Check, actor: User | None, at: datetime | None = None) -> Check:
    """Back to `new`: a heartbeat waits for its next ping, an active check runs at once."""
    at = at or timezone.now()
    check.refresh_from_db()
    if check.status != Status.PAUSED:
        return check
    fields: dict[str, object] = {"failures": 0, "updated_at": at, "alert_after": None}
    fields["next_due"] = None if check.is_heartbeat else at
    _transition(
        check, Status.NEW, at, _("Resumed by %(who)s.") % {"who": actor or "Steward"}, fields
    )
    check.refresh_from_db()
    return check


# --- Retention ------------------------------------------------------------------------------


def prune_pings(check: Check) -> int:
    """Keep the newest `keep_pings` pings and results of the check; flips stay for ever."""
    edge = list(
        Ping.objects.filter(owner=check)
        .order_by("-at", "-id")
        .values_list("at", "id")[check.keep_pings : check.keep_pings + 1]
    )
    if not edge:
        return 0
    at, pk = edge[0]
    deleted, _ = (
        Ping.objects.filter(owner=check).filter(Q(at__lt=at) | Q(at=at, id__lte=pk)).delete()
    )
    return deleted


def prune_all() -> int:
    """Every check's retention (the worker's hourly job): one query a check, and a delete
    for those past their limit."""
    total = 0
    for check in Check.objects.only("id", "keep_pings").iterator():
        total += prune_pings(check)
    return total


# --- Saving checks and windows --------------------------------------------------------------

HTTP_METHODS = ("GET", "HEAD", "POST", "PUT", "OPTIONS")
EXPECT_KEYS = {
    Kind.HTTP: {"status", "contains", "not_contains", "max_ms", "method", "follow_redirects"},
    Kind.TCP: set(),
    Kind.TLS: {"days_left"},
    Kind.DNS: {"values"},
    Kind.DOMAIN: {"days_left"},
    Kind.HEARTBEAT: set(),
}
HOST = re.compile(
    r"^(?=.{1,253}$)([A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?\.?$"
)


def _host(value: str) -> bool:
    try:
        ipaddress.ip_address(value.strip("[]"))
    except ValueError:
        return bool(HOST.match(value))
    return True


def clean_target(kind: str, target: str) -> str:
    """The target as the probe takes it, or a CheckError naming `target`."""
    target = target.strip()
    if not target:
        raise CheckError(_("target: required for this kind of check."), "target")
    if kind == Kind.HTTP:
        parts = urlsplit(target)
        if parts.scheme not in ("http", "https"):
            raise CheckError(_("target: give an http:// or https:// URL."), "target")
        try:
            parts.port  # noqa: B018 - raises for a port out of range
        except ValueError:
            raise CheckError(_("target: the port must be between 1 and 65535."), "target") from None
        if not parts.hostname or not _host(parts.hostname):
            raise CheckError(_("target: the URL has no valid host name."), "target")
        return target
    if kind in (Kind.TCP, Kind.TLS):
        host, sep, port = target.rpartition(":")
        if not sep or not port.isdigit() or not host:
            raise CheckError(_("target: give host:port, e.g. mail.example.com:443."), "target")
        if not 1 <= int(port) <= 65535:
            raise CheckError(_("target: the port must be between 1 and 65535."), "target")
        if not _host(host):
            raise CheckError(_("target: %(host)s is not a host name.") % {"host": host}, "target")
        return f"{host}:{int(port)}"
    if not _host(target):
        raise CheckError(_("target: give a host name, e.g. example.com."), "target")
    return target.rstrip(".").lower()


def clean_expect(kind: str, expect: object) -> dict[str, object]:
    if expect is None:
        return {}
    if not isinstance(expect, dict):
        raise CheckError(_("expect: give an object."), "expect")
    unknown = set(expect) - EXPECT_KEYS[Kind(kind)]
    if unknown:
        raise CheckError(
            _("expect: %(key)s does not apply to this kind of check.")
            % {"key": sorted(unknown)[0]},
            "expect",
        )
    out = dict(expect)

    def number(key: str, low: int, high: int) -> None:
        if key in out:
            value = out[key]
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                raise CheckError(
                    _("expect: %(key)s must be a whole number from %(low)s to %(high)s.")
                    % {"key": key, "low": low, "high": high},
                    "expect",
                )

    if "status" in out:
        codes = out["status"]
        if (
            not isinstance(codes, list)
            or not codes
            or not all(
                isinstance(c, int) and not isinstance(c, bool) and 100 <= c <= 599 for c in codes
            )
        ):
            raise CheckError(
                _("expect: status is a list of HTTP status codes (100-599)."), "expect"
            )
    for key in ("contains", "not_contains"):
        if key in out and (not isinstance(out[key], str) or not out[key] or len(out[key]) > 500):
            raise CheckError(
                _("expect: %(key)s is a text of 1 to 500 characters.") % {"key": key}, "expect"
            )
    number("max_ms", 1, 600_000)
    number("days_left", 0, 3650)
    if "method" in out:
        if not isinstance(out["method"], str) or out["method"].upper() not in HTTP_METHODS:
            raise CheckError(
                _("expect: method is one of %(methods)s.") % {"methods": ", ".join(HTTP_METHODS)},
                "expect",
            )
        out["method"] = out["method"].upper()
    if "follow_redirects" in out and not isinstance(out["follow_redirects"], bool):
        raise CheckError(_("expect: follow_redirects is true or false."), "expect")
    if "values" in out:
        values = out["values"]
        if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
            raise CheckError(_("expect: values is a list of addresses or names."), "expect")
    return out


@dataclass
class CheckInput:
    """What a person (form) or a program (API) says a check is: validated by `save_check`."""

    name: str
    kind: str
    impact: str = "medium"
    urgency: str = "medium"
    tags: list[str] = field(default_factory=list)
    period: int = 86400
    grace: int = 3600
    schedule: str = ""
    tz: str = "UTC"
    target: str = ""
    interval: int = 300
    timeout: int = 10
    retries: int = 0
    expect: dict[str, object] = field(default_factory=dict)
    auto_resolve: bool = True
    reopen_within: int = 3600
    keep_pings: int = 1000
    asset_id: int | None = None  # one of the organization's assets


def input_of(check: Check) -> CheckInput:
    """A check's settings as input, for a change of a few of them."""
    return CheckInput(**{name: getattr(check, name) for name in CheckInput.__dataclass_fields__})


def clean_check(data: CheckInput) -> CheckInput:
    """The input checked field by field; the first fault is a CheckError naming its field."""
    if data.kind not in Kind.values:
        raise CheckError(
            _("kind: use one of %(kinds)s.") % {"kinds": ", ".join(Kind.values)}, "kind"
        )
    name = " ".join(data.name.split())
    if not name or len(name) > 200:
        raise CheckError(_("name: 1 to 200 characters."), "name")
    for key in ("impact", "urgency"):
        if getattr(data, key) not in ("high", "medium", "low"):
            raise CheckError(_("%(key)s: high, medium or low.") % {"key": key}, key)
    tags = [" ".join(str(t).split()) for t in data.tags]
    if len(tags) > 20 or any(not t or len(t) > 40 for t in tags):
        raise CheckError(_("tags: up to 20 tags of 1 to 40 characters."), "tags")
    out = CheckInput(**{**data.__dict__, "name": name, "tags": sorted(set(tags))})
    if data.kind == Kind.HEARTBEAT:
        if data.schedule:
            try:
                recurrence.check_cron(data.schedule)
            except recurrence.RecurrenceError as e:
                raise CheckError(f"schedule: {e}", "schedule") from None
            out.schedule = " ".join(data.schedule.split())
        elif not 10 <= data.period <= 366 * 86400:
            raise CheckError(_("period: from 10 seconds to a year."), "period")
        if not 1 <= data.grace <= 366 * 86400:
            raise CheckError(_("grace: from 1 second to a year."), "grace")
        try:
            recurrence.zone(data.tz)
        except recurrence.RecurrenceError:
            raise CheckError(
                _("timezone: not an IANA time zone (e.g. Europe/Athens)."), "timezone"
            ) from None
        out.target = ""
    else:
        out.target = clean_target(data.kind, data.target)
        if not 10 <= data.interval <= 7 * 86400:
            raise CheckError(_("interval: from 10 seconds to a week."), "interval")
        if not 1 <= data.timeout <= 120:
            raise CheckError(_("timeout: from 1 to 120 seconds."), "timeout")
        if data.timeout >= data.interval:
            raise CheckError(_("timeout: shorter than the interval."), "timeout")
        if not 0 <= data.retries <= 20:
            raise CheckError(_("retries: from 0 to 20."), "retries")
        out.schedule = ""
    out.expect = clean_expect(data.kind, data.expect)
    if not 0 <= data.reopen_within <= 30 * 86400:
        raise CheckError(_("reopen_within: from 0 seconds to 30 days."), "reopen_within")
    if not 10 <= data.keep_pings <= 100_000:
        raise CheckError(_("keep_pings: from 10 to 100000."), "keep_pings")
    return out


def save_check(
    org: Organization, data: CheckInput, check: Check | None = None, at: datetime | None = None
) -> Check:
    """Create the check, or change it; a changed schedule moves its due times at once."""
    at = at or timezone.now()
    clean = clean_check(data)
    if check is not None and check.kind != clean.kind:
        raise CheckError(_("kind: a check keeps its kind; make a new check."), "kind")
    if (
        clean.asset_id is not None
        and not Asset.objects.filter(pk=clean.asset_id, organization=org).exists()
    ):
        raise CheckError(_("asset: no such asset of this organization."), "asset")
    check = check or Check(organization=org, created_at=at)
    for key, value in clean.__dict__.items():
        setattr(check, key, value)
    check.updated_at = at
    if check.is_heartbeat:
        if check.last_ping_at is not None and check.status == Status.UP:
            check.next_due = due_after(check, check.last_ping_at)
            check.alert_after = check.next_due + timedelta(seconds=check.grace)
    elif check.status != Status.PAUSED:
        # A new or changed probe runs at once, then every interval.
        check.next_due = at
    check.save()
    return check


def delete_check(check: Check) -> None:
    """Remove a check with its pings and flips; the tickets it opened stay on the desk."""
    check.delete()


@dataclass
class WindowInput:
    starts: datetime
    ends: datetime
    rrule: str = ""
    reason: str = ""
    checks: list[int] = field(default_factory=list)


def save_window(org: Organization, data: WindowInput, actor: User | None) -> MaintenanceWindow:
    if data.starts.tzinfo is None or data.ends.tzinfo is None:
        raise CheckError(_("starts: give a time with its offset (ISO 8601)."), "starts")
    if data.ends <= data.starts:
        raise CheckError(_("ends: after the start."), "ends")
    rule = data.rrule.strip()
    if rule:
        try:
            recurrence.parse_rrule(rule, data.starts, org.timezone)
        except recurrence.RecurrenceError as e:
            raise CheckError(f"rrule: {e}", "rrule") from None
        if data.ends - data.starts > timedelta(days=7):
            raise CheckError(_("ends: a repeating window lasts at most 7 days."), "ends")
    if len(data.reason) > 300:
        raise CheckError(_("reason: at most 300 characters."), "reason")
    checks = list(Check.objects.filter(organization=org, pk__in=data.checks))
    if len(checks) != len(set(data.checks)):
        raise CheckError(_("checks: each must be a check of the organization."), "checks")
    with transaction.atomic():
        window = MaintenanceWindow.objects.create(
            organization=org,
            starts=data.starts,
            ends=data.ends,
            rrule=rule,
            reason=data.reason.strip(),
            created_by=actor,
        )
        window.checks.set(checks)
    return window
