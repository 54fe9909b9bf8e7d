"""Periodic checkpoints of the audit chains, mailed to each organization's client admins.

The scheduler runs `run` hourly. An organization's head is signed when its chain has entries
no checkpoint covers and either its last checkpoint is a day old (or it has none), or
`GROWTH` entries have been added since: a quiet client gets at most a mail a day, a busy one
is never more than a few thousand entries away from a signed head. The checkpoint and its
mails commit in one transaction, so each checkpoint is mailed exactly once, whatever the
number of workers: a worker that loses the race to sign a head queues nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from steward.accounts.models import Organization, Role, User
from steward.mail import outbound
from steward.mail.models import Outbound
from steward.vault import audit
from steward.vault.models import AuditCheckpoint, AuditEntry

EVERY = timedelta(days=1)
GROWTH = 1000


@dataclass(frozen=True)
class Due:
    org_id: int
    head: int
    signed: int  # the sequence of the last checkpoint, 0 for none


def due(now: datetime, every: timedelta = EVERY, growth: int = GROWTH) -> list[Due]:
    """The organizations whose head should be signed now: two grouped queries."""
    heads = dict(
        AuditEntry.objects.values("organization_id")
        .annotate(head=Max("seq"))
        .values_list("organization_id", "head")
    )
    marks = {
        org: (seq, at)
        for org, seq, at in AuditCheckpoint.objects.values("organization_id")
        .annotate(seq=Max("seq"), at=Max("at"))
        .values_list("organization_id", "seq", "at")
    }
    found = []
    for org, head in sorted(heads.items()):
        signed, at = marks.get(org, (0, None))
        if head > signed and (at is None or at <= now - every or head - signed >= growth):
            found.append(Due(org, head, signed))
    return found


def mail(mark: AuditCheckpoint, org: Organization) -> list[Outbound]:
    """The checkpoint to each active client admin, in their language and time zone."""
    sent = []
    admins = User.objects.filter(organization=org, role=Role.CLIENT_ADMIN, is_active=True)
    for person in admins.order_by("pk"):
        language, tz = person.preferred_language(), person.preferred_timezone()
        with translation.override(language):
            subject = _("Audit log checkpoint for %(organization)s: entry %(seq)s") % {
                "organization": org.name,
                "seq": mark.seq,
            }
        sent.append(
            outbound.queue(
                "vault_checkpoint",
                [person.email],
                "vault_checkpoint",
                {"mark": mark, "organization": org, "person": person},
                subject,
                language,
                tz,
                organization=org,
            )
        )
    return sent


def sign(org: Organization) -> AuditCheckpoint | None:
    """Sign the organization's head and mail it, together; None if it was signed already."""
    with transaction.atomic():
        mark = audit.checkpoint(org)
        if mark is not None:
            mail(mark, org)
        return mark


def run(
    now: datetime | None = None, every: timedelta = EVERY, growth: int = GROWTH
) -> list[AuditCheckpoint]:
    """Sign and mail every head that is due."""
    now = now or timezone.now()
    todo = due(now, every, growth)
    orgs = Organization.objects.in_bulk([d.org_id for d in todo])
    made = []
    for item in todo:
        mark = sign(orgs[item.org_id])
        if mark is not None:
            made.append(mark)
    return made
