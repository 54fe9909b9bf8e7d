"""Demo monitoring: each demo client's backups, antivirus, web site and its certificate, watched
for 90 days, with a few real outages.

The quiet history (a backup that ran, a site that answered) is written in bulk, as the worker
writes results that change nothing. Every moment that changed something (the first ping, a
backup that failed or never finished, the web site down 40 minutes, a reboot inside the patch
night) goes through `steward.monitoring.actions` at its historical time, so the flips, the
tickets, their alert and recovery events and their resolution are the ones the product makes.
The HTTP and TLS checks watch `demo_target`, which `steward demo` serves on loopback.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from steward.accounts.models import Organization, Role, User
from steward.desk import actions as desk
from steward.desk.models import Status as TicketStatus
from steward.desk.models import Ticket
from steward.monitoring import actions, plans, recurrence
from steward.monitoring.actions import CheckInput, PingIn, WindowInput
from steward.monitoring.demo_target import HOST, KEYWORD
from steward.monitoring.models import (
    Alert,
    Check,
    Kind,
    MaintenancePlan,
    MaintenanceWindow,
    Ping,
    PingKind,
    Status,
)

SEED = 20261203
DAYS = 90
BACKUP_AT = "0 2 * * *"
PATCH_NIGHT = "FREQ=MONTHLY;BYDAY=1SA"
# Where each client's jobs ping from (documentation addresses, RFC 5737).
ADDRESSES = {"ACRO": "198.51.100.10", "PDT": "198.51.100.20", "THAM": "198.51.100.30"}


@dataclass
class History:
    """The quiet rows of every check, inserted at the end in one bulk insert."""

    rows: list[Ping] = field(default_factory=list)

    def add(self, check: Check, at: datetime, kind: str, **kw: object) -> None:
        self.rows.append(Ping(owner=check, at=at, kind=kind, **kw))


def seed(now: datetime | None = None, http_port: int = 8001, tls_port: int = 8002) -> None:
    """Checks, windows and 90 days of history for every client; does nothing once any check
    exists (or before the desk's demo made the clients)."""
    if Check.objects.exists():
        return
    orgs = list(Organization.objects.filter(code__in=ADDRESSES).order_by("pk"))
    if not orgs:
        return
    now = (now or timezone.now()).replace(microsecond=0)
    rng = random.Random(SEED)
    staff = {
        org.pk: User.objects.filter(
            role=Role.TECHNICIAN, is_active=True, memberships__organization=org
        )
        .order_by("pk")
        .first()
        for org in orgs
    }
    history = History()
    with transaction.atomic():
        for n, org in enumerate(orgs):
            _client(rng, org, n, staff[org.pk], now, http_port, tls_port, history)
        Ping.objects.bulk_create(history.rows, batch_size=2000)


def point(http_port: int, tls_port: int) -> int:
    """Move the demo's HTTP and TLS checks to the ports the demo target serves on this run
    (a demo started with another --port); returns how many moved."""
    moved = 0
    for check in Check.objects.filter(
        kind__in=(Kind.HTTP, Kind.TLS), target__contains=f"{HOST}:"
    ).exclude(status=Status.PAUSED):
        if check.kind == Kind.HTTP:
            head, _sep, tail = check.target.partition(f"//{HOST}:")
            path = tail.partition("/")[2]
            target = f"{head}//{HOST}:{http_port}/{path}"
        else:
            target = f"{HOST}:{tls_port}"
        if target != check.target:
            Check.objects.filter(pk=check.pk).update(target=target)
            moved += 1
    return moved


def _client(
    rng: random.Random,
    org: Organization,
    n: int,
    tech: User | None,
    now: datetime,
    http_port: int,
    tls_port: int,
    history: History,
) -> None:
    start = now - timedelta(days=DAYS)
    tz = ZoneInfo(org.timezone)
    window = _patch_night(org, start, tz)

    def new(data: CheckInput) -> Check:
        return actions.save_check(org, data, at=start)

    backup = new(
        CheckInput(
            name="Nightly backup",
            kind=Kind.HEARTBEAT,
            schedule=BACKUP_AT,
            tz=org.timezone,
            grace=2 * 3600,
            tags=["backup"],
        )
    )
    antivirus = new(
        CheckInput(
            name="Antivirus update",
            kind=Kind.HEARTBEAT,
            period=6 * 3600,
            grace=3600,
            impact="low",
            tags=["security"],
        )
    )
    site = new(
        CheckInput(
            name="Web site",
            kind=Kind.HTTP,
            target=f"http://{HOST}:{http_port}/{org.code.lower()}/health",
            interval=300,
            retries=1,
            impact="high",
            expect={"status": [200], "contains": KEYWORD, "max_ms": 2000},
            tags=["web"],
            keep_pings=5000,
        )
    )
    certificate = new(
        CheckInput(
            name="Web site certificate",
            kind=Kind.TLS,
            target=f"{HOST}:{tls_port}",
            interval=3600,
            expect={"days_left": 14},
            tags=["web"],
        )
    )
    addr = ADDRESSES[org.code]
    _backups(rng, backup, n, tech, now, addr, history)
    _antivirus(rng, antivirus, now, addr, history)
    patch_nights = list(recurrence.occurrences(PATCH_NIGHT, window, org.timezone, start, now))
    _site(rng, site, n, tech, now, patch_nights[-2], history)
    _certificate(rng, certificate, now, history)
    _restore_tests(org, tech, backup, start, now)


# The monthly plan each client has, and what was found at each occurrence.
RESTORE_STEPS = [
    "Restore three files from last night's backup to a scratch folder",
    "Compare the restored files with the originals",
    "Check the backup set's free space",
]
RESTORE_EVIDENCE = [
    "Restored 3 files (invoice, drawing, mailbox export); screenshot on the ticket.",
    "Checksums match the originals.",
    "{free}% free on the backup volume.",
]


def _restore_tests(
    org: Organization, tech: User | None, backup: Check, start: datetime, now: datetime
) -> None:
    """A monthly restore test (first Tuesday, 10:00 local) whose past occurrences were done
    by the client's technician, each step ticked with its evidence; the last one was late."""
    plan = plans.save_plan(
        MaintenancePlan(
            organization=org,
            name="Monthly backup restore test",
            rrule="FREQ=MONTHLY;BYDAY=1TU;BYHOUR=10;BYMINUTE=0",
            starts=start,
            checklist=RESTORE_STEPS,
            assignee=tech,
            estimated_minutes=30,
            linked_check=backup,
        ),
        now=start,
    )
    due = plan.next_at
    while due is not None and due <= now:
        for occurrence in plans.open_due(now=due):
            ticket = occurrence.ticket
            if ticket is None:
                continue
            late = due > now - timedelta(days=31)  # the latest was done a week late
            done_at = due + (timedelta(days=8) if late else timedelta(hours=2))
            if done_at > now:
                continue  # still to do: it stays open on the desk
            for item, evidence in zip(ticket.checklist.all(), RESTORE_EVIDENCE, strict=True):
                note = evidence.format(free=40 + due.month)
                desk.tick(ticket, item, True, note, tech, at=done_at)
            desk.change_status(ticket, TicketStatus.RESOLVED, tech, at=done_at)
        plan.refresh_from_db()
        due = plan.next_at


def _patch_night(org: Organization, start: datetime, tz: ZoneInfo) -> datetime:
    """The monthly patch night (first Saturday, 22:00-01:00 local), in force all along."""
    local = (start - timedelta(days=40)).astimezone(tz).replace(day=1)
    while local.weekday() != 5:
        local += timedelta(days=1)
    starts = datetime(local.year, local.month, local.day, 22, tzinfo=tz).astimezone(UTC)
    window = actions.save_window(
        org,
        WindowInput(
            starts=starts,
            ends=starts + timedelta(hours=3),
            rrule=PATCH_NIGHT,
            reason="Monthly patch night: Windows updates and server reboots",
        ),
        None,
    )
    MaintenanceWindow.objects.filter(pk=window.pk).update(created_at=starts)
    return starts


def _settle(check: Check, **fields: object) -> Check:
    """Leave the check as its quiet history left it, before the next real ping or result."""
    Check.objects.filter(pk=check.pk).update(**fields)
    check.refresh_from_db()
    return check


def _respond(ticket_of: Check, tech: User | None, at: datetime, note: str, reply: str) -> None:
    """The technician on the case: takes the ticket, notes what they found, tells the client."""
    alert = Alert.objects.filter(owner=ticket_of).select_related("ticket").first()
    if tech is None or alert is None:
        return
    ticket: Ticket = alert.ticket
    desk.assign(ticket, tech, tech, at=at)
    desk.post_message(ticket, tech, note, public=False, source="agent", at=at)
    desk.post_message(
        ticket, tech, reply, public=True, source="agent", at=at + timedelta(minutes=2)
    )


# --- Nightly backup: start and success pings with the job's log, two bad nights ---------------


def _backup_log(org_code: str, rng: random.Random, minutes: float) -> str:
    scanned = rng.randint(46_000, 52_000)
    changed = rng.randint(300, 2_500)
    size = changed * rng.uniform(1.5, 3.5) / 1000
    return (
        f'Backup job "Nightly {org_code}" finished: OK\n'
        f"Files: {scanned:,} scanned, {changed:,} changed, 0 errors\n"
        f"Transferred: {size:.1f} GiB in {int(minutes)} min {int(minutes * 60) % 60} s\n"
        f"Repository: nas01:/backup/{org_code.lower()} (1.{rng.randint(10, 60)} TiB used "
        "of 2.00 TiB)\nSnapshots kept: 30 daily, 12 monthly\n"
    )


def _nights(check: Check, start: datetime, now: datetime) -> Iterator[datetime]:
    at = actions.due_after(check, start)
    while at < now:
        yield at
        at = actions.due_after(check, at)


def _backups(
    rng: random.Random,
    check: Check,
    n: int,
    tech: User | None,
    now: datetime,
    addr: str,
    history: History,
) -> None:
    code = check.organization.code
    nights = list(_nights(check, now - timedelta(days=DAYS), now))
    # A full disk one night (the job says so), and one night the job hung and never finished.
    failed, hung = 24 + 9 * n, 61 + 5 * n
    loud = {0, failed, failed + 1, hung, hung + 1}
    last_end: datetime | None = None
    last_ms: int | None = None
    running: datetime | None = None

    def ping(
        kind: str, at: datetime, method: str = "GET", body: str = "", exit_status: int | None = None
    ) -> None:
        incoming = PingIn(kind, exit_status=exit_status, body=body, method=method, remote_addr=addr)
        actions.ping(check.code, incoming, at=at)

    for i, due in enumerate(nights):
        began = due + timedelta(seconds=rng.randint(2, 90))
        minutes = rng.uniform(18, 34) + (12 if due.astimezone(UTC).weekday() == 6 else 0)
        ended = began + timedelta(minutes=minutes)
        if ended >= now:
            if began < now:  # Running as the demo starts.
                history.add(check, began, PingKind.START, method="GET", remote_addr=addr)
                running = began
            break
        if i in (failed, hung) and last_end is not None:
            _settle(check, **_after_heartbeat(check, last_end, last_ms))
        if i == failed:
            ping(PingKind.START, began)
            ping(
                PingKind.FAIL,
                began + timedelta(minutes=7),
                exit_status=1,
                method="POST",
                body=(
                    f'Backup job "Nightly {code}" FAILED (exit status 1)\n'
                    f"ERROR: nas01:/backup/{code.lower()}: No space left on device\n"
                    "Files: 12,408 scanned before the error\n"
                ),
            )
            morning = _morning(began, check.organization.timezone, rng)
            _respond(
                check,
                tech,
                morning,
                "NAS volume full: old monthly snapshots were never pruned. Pruned to 12, "
                "1.1 TiB free now; re-running tonight.",
                "Last night's backup failed because the backup disk was full. We have freed "
                "space; tonight's run will confirm it.",
            )
            last_end, last_ms = began + timedelta(minutes=7), None
            continue
        if i == hung:
            ping(PingKind.START, began)
            # The worker's sweep, running every second, notices a moment after the deadline.
            check.refresh_from_db()
            assert check.alert_after is not None
            actions.sweep(now=check.alert_after + timedelta(seconds=1))
            _respond(
                check,
                tech,
                _morning(began, check.organization.timezone, rng),
                "Backup agent hung on a VSS snapshot of the SQL server; restarted the VSS "
                "writer and the agent.",
                "Last night's backup did not finish. We restarted the stuck backup service; "
                "tonight's run will confirm it.",
            )
            # The sweep's time stands for the job's last word.
            last_end, last_ms = began, None
            continue
        body = _backup_log(code, rng, minutes)
        ms = int(minutes * 60_000)
        if i in loud:
            ping(PingKind.START, began)
            ping(PingKind.SUCCESS, ended, method="POST", body=body)
        else:
            history.add(check, began, PingKind.START, method="GET", remote_addr=addr)
            history.add(
                check,
                ended,
                PingKind.SUCCESS,
                method="POST",
                remote_addr=addr,
                body=body,
                duration_ms=ms,
            )
        last_end, last_ms = ended, ms
    if last_end is not None:
        fields = _after_heartbeat(check, last_end, last_ms)
        if running is not None:
            fields["last_start_at"] = running
        _settle(check, **fields)


def _after_heartbeat(check: Check, at: datetime, ms: int | None) -> dict[str, object]:
    due = actions.due_after(check, at)
    return {
        "status": Status.UP,
        "last_ping_at": at,
        "last_start_at": None,
        "last_duration_ms": ms,
        "next_due": due,
        "alert_after": due + timedelta(seconds=check.grace),
        "failures": 0,
        "updated_at": at,
    }


def _morning(at: datetime, tz: str, rng: random.Random) -> datetime:
    """09:00-09:40 local on the morning after a night's failure."""
    local = at.astimezone(ZoneInfo(tz))
    return datetime(
        local.year, local.month, local.day, 9, rng.randint(0, 40), tzinfo=ZoneInfo(tz)
    ).astimezone(UTC)


# --- Antivirus: a definitions update every six hours -------------------------------------------


def _antivirus(
    rng: random.Random, check: Check, now: datetime, addr: str, history: History
) -> None:
    at = now - timedelta(days=DAYS) + timedelta(minutes=rng.randint(5, 300))
    version = 1_421_000 + rng.randint(0, 900)
    first = True
    last = at
    while at < now:
        version += rng.randint(1, 4)
        body = f"Definitions 1.{version // 1000}.{version % 1000}.0 installed"
        if first:
            actions.ping(
                check.code, PingIn(PingKind.SUCCESS, body=body, method="POST", remote_addr=addr), at
            )
            first = False
        else:
            history.add(check, at, PingKind.SUCCESS, method="POST", remote_addr=addr, body=body)
        last = at
        at += timedelta(hours=6, seconds=rng.randint(-120, 120))
    _settle(check, **_after_heartbeat(check, last, None))


# --- The web site: a result an hour, down 40 minutes once, a reboot in the patch night ---------


def _site(
    rng: random.Random,
    check: Check,
    n: int,
    tech: User | None,
    now: datetime,
    patch_night: datetime,
    history: History,
) -> None:
    start = now - timedelta(days=DAYS)
    outage = (now - timedelta(days=33 + 11 * n)).replace(minute=0, second=0)
    outage = outage.replace(hour=(8 + 3 * n) % 24)
    reboot = patch_night + timedelta(minutes=40)
    episodes = [outage, reboot]

    def result(at: datetime, ok: bool, ms: int | None, detail: str) -> None:
        check.refresh_from_db()
        actions.record_result(check, ok=ok, at=at, duration_ms=ms, detail=detail)

    def fine() -> tuple[int, str]:
        ms = int(min(1800, rng.lognormvariate(4.3, 0.35)))
        return ms, f"HTTP 200 in {ms} ms"

    at = start + timedelta(minutes=rng.randint(1, 59))
    ms, detail = fine()
    result(at, True, ms, detail)
    last, last_ms = at, ms
    at += timedelta(hours=1)
    step = timedelta(minutes=5)
    while at < now:
        near = next(
            (e for e in episodes if e - timedelta(hours=1) < at <= e + timedelta(hours=1)), None
        )
        if near is None:
            ms, detail = fine()
            history.add(check, at, PingKind.SUCCESS, body=detail, duration_ms=ms)
            last, last_ms = at, ms
            at += timedelta(hours=1)
            continue
        _settle(check, last_ping_at=last, last_duration_ms=last_ms, failures=0, updated_at=last)
        t = near - 2 * step
        for _ in range(2):
            ms, detail = fine()
            result(t, True, ms, detail)
            t += step
        if near == outage:
            # The host's web server crashed; then the proxy answered 502 until it restarted.
            fails = ["connection refused"] * 3 + ["HTTP 502 in 4 ms, expected 200"] * 6
        else:
            fails = ["connection refused"] * 3
        for k, reason in enumerate(fails):
            result(t, False, None, reason)
            if near == outage and k == 3:
                _respond(
                    check,
                    tech,
                    t + timedelta(minutes=2),
                    "IIS app pool crashing (out of memory since the CMS plug-in update); "
                    "recycling it, then a private-bytes limit.",
                    "Your web site is down: the web server crashed after a plug-in update. "
                    "We are restarting it and will put a safeguard in place.",
                )
            t += step
        ms, detail = fine()
        result(t, True, ms, detail)
        last, last_ms = t, ms
        at = near + timedelta(hours=1, minutes=rng.randint(1, 59))
    _settle(
        check,
        last_ping_at=last,
        last_duration_ms=last_ms,
        failures=0,
        next_due=now,
        updated_at=last,
    )


# --- The certificate: renewed every 60 days, 90 days valid ------------------------------------


def _certificate(rng: random.Random, check: Check, now: datetime, history: History) -> None:
    start = now - timedelta(days=DAYS)
    expires = start + timedelta(days=rng.randint(40, 85))
    at = start + timedelta(minutes=rng.randint(1, 59))
    first = True
    last, last_ms = at, 0
    while at < now:
        if expires - at < timedelta(days=30):  # Renewed automatically, 30 days before.
            expires = at + timedelta(days=90)
        days = round((expires - at) / timedelta(days=1))
        ms = rng.randint(6, 30)
        detail = f"certificate expires in {days} days ({expires.day} {expires:%b %Y})"
        if first:
            actions.record_result(check, ok=True, at=at, duration_ms=ms, detail=detail)
            first = False
        else:
            history.add(check, at, PingKind.SUCCESS, body=detail, duration_ms=ms)
        last, last_ms = at, ms
        at += timedelta(hours=6)
    _settle(
        check,
        last_ping_at=last,
        last_duration_ms=last_ms,
        failures=0,
        next_due=now,
        updated_at=last,
    )
