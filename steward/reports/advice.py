"""The advice log: what the provider recommended, what it would cost, what the provider earns
from it, and what the client decided, every decision kept with who and when.

The provider writes a recommendation and may re-propose it (status back to `proposed`); only a
client administrator of the organization accepts, declines or defers it (`decide`). Declined
advice that later matters is found through the asset it named (or the assets of the control
it named) and the problem it named: tickets on them opened after the decline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from steward.accounts.models import Organization, Role, User
from steward.contracts.models import Agreement
from steward.desk.models import Ticket
from steward.lib.errors import DomainError
from steward.reports.models import DECISIONS, AdviceStatus, Decision, Problem, Recommendation
from steward.vault.models import Asset, PostureControl, TicketAsset
from steward.vault.posture import BY_KEY

TEXTS = ("title", "rationale", "risk_if_declined", "provider_interest")
MAX = {"title": 200, "rationale": 100_000, "risk_if_declined": 100_000, "provider_interest": 2_000}
LINKS = {"control": PostureControl, "asset": Asset, "problem": Problem}


def may_write(user: User) -> bool:
    """Provider staff write advice; clients answer it."""
    return user.is_provider


def may_decide(user: User, rec: Recommendation) -> bool:
    """A client administrator of the recommendation's organization."""
    return user.role == Role.CLIENT_ADMIN and user.organization_id == rec.organization_id


def currency_of(org: Organization) -> str:
    """The currency of the client's latest agreement: costs are quoted as it is billed."""
    found = (
        Agreement.objects.filter(organization=org)
        .order_by("-starts", "-id")
        .values_list("currency", flat=True)
        .first()
    )
    return found or "EUR"


def _clean_texts(data: dict[str, Any]) -> None:
    for name in TEXTS:
        if name not in data:
            continue
        value = data[name]
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise DomainError(_("%(field)s: text expected.") % {"field": name}, name)
        value = value.strip()
        if len(value) > MAX[name]:
            raise DomainError(_("%(field)s: too long.") % {"field": name}, name)
        data[name] = value
    if "title" in data and not data["title"]:
        raise DomainError(_("title: say what you recommend."), "title")
    if "rationale" in data and not data["rationale"]:
        raise DomainError(_("rationale: say why."), "rationale")
    if "provider_interest" in data and not data["provider_interest"]:
        raise DomainError(
            _(
                'provider_interest: required. Say plainly what you earn from this, e.g. "we '
                'resell this at 15% margin", or "none".'
            ),
            "provider_interest",
        )


def _clean_costs(data: dict[str, Any]) -> None:
    for name in ("cost_once", "cost_monthly"):
        value = data.get(name)
        if value is not None and Decimal(value) < 0:
            raise DomainError(_("%(field)s: 0 or more.") % {"field": name}, name)


def _clean_links(org: Organization, data: dict[str, Any]) -> None:
    """A control, asset or problem of another organization is refused by name."""
    for name, model in LINKS.items():
        if name not in data:
            continue
        pk = data.pop(name)
        if pk is None:
            data[f"{name}_id"] = None
            continue
        found = model.objects.filter(pk=pk, organization=org).exists()  # type: ignore[attr-defined]
        if not found:
            raise DomainError(
                _("%(field)s: no such %(field)s of this organization.") % {"field": name}, name
            )
        data[f"{name}_id"] = pk


def _clean_status(rec: Recommendation, data: dict[str, Any]) -> None:
    """The provider may only put advice back to `proposed` (re-propose it): the client's
    answers go through `decide`, so that each is kept with who and when."""
    if "status" not in data:
        return
    status = data.pop("status")
    if status is None or status == rec.status:
        return
    if status != AdviceStatus.PROPOSED:
        raise DomainError(
            _("status: only the client's administrator decides; you may re-propose (proposed)."),
            "status",
            forbidden=status in DECISIONS,
        )
    data["status"] = AdviceStatus.PROPOSED


def save(rec: Recommendation, data: dict[str, Any], user: User) -> Recommendation:
    """Create or change a recommendation from `data` (the API's field names); refuse the first
    bad input by name (DomainError) before anything is written."""
    data = dict(data)
    creating = rec.pk is None
    if creating:
        for name in ("title", "rationale", "provider_interest"):
            data.setdefault(name, "")
        rec.currency = currency_of(rec.organization)
        rec.created_by = user
    _clean_texts(data)
    _clean_costs(data)
    _clean_links(rec.organization, data)
    _clean_status(rec, data)
    for key, value in data.items():
        setattr(rec, key, value)
    rec.updated_at = timezone.now()
    rec.save()
    return rec


def decide(
    rec: Recommendation, user: User, decision: str, note: str = "", now: datetime | None = None
) -> Decision:
    """A client administrator's answer: kept as a new row, the recommendation's status
    follows the latest answer."""
    if not may_decide(user, rec):
        raise DomainError(
            _("Only the client's administrator decides on advice."), "decision", forbidden=True
        )
    if decision not in DECISIONS:
        raise DomainError(
            _("decision: use one of %(values)s.") % {"values": ", ".join(DECISIONS)}, "decision"
        )
    note = (note or "").strip()
    if len(note) > MAX["rationale"]:
        raise DomainError(_("note: too long."), "note")
    now = now or timezone.now()
    with transaction.atomic():
        locked = Recommendation.objects.select_for_update().get(pk=rec.pk)
        made = Decision.objects.create(
            recommendation=locked, decision=decision, note=note, by=user, at=now
        )
        locked.status = decision
        locked.updated_at = now
        locked.save(update_fields=["status", "updated_at"])
    rec.status = decision
    rec.updated_at = now
    return made


# --- Declined advice that later matters -----------------------------------------------------


@dataclass(frozen=True)
class Hindsight:
    """A declined recommendation and the tickets that came after on what it named."""

    recommendation: Recommendation
    declined_at: datetime
    tickets: list[Ticket]


def declined_at(rec: Recommendation) -> datetime | None:
    """When it was last declined (its latest decision, if that is a decline)."""
    if rec.status != AdviceStatus.DECLINED:
        return None
    # The decisions' own order is newest first; prefetched, this costs no query.
    decisions = list(rec.decisions.all())
    last = decisions[0] if decisions else None
    return last.at if last is not None and last.decision == AdviceStatus.DECLINED else None


def _asset_ids(rec: Recommendation) -> set[int]:
    ids = {rec.asset_id} if rec.asset_id else set()
    if rec.control_id:
        ids |= set(
            PostureControl.assets.through.objects.filter(
                posturecontrol_id=rec.control_id
            ).values_list("asset_id", flat=True)
        )
    return ids


def later_tickets(rec: Recommendation, user: User) -> list[Ticket]:
    """Tickets this user sees, opened after the advice was declined, on its asset, on an asset
    of its control, or linked to its problem."""
    since = declined_at(rec)
    if since is None:
        return []
    on = Q(pk__in=TicketAsset.objects.filter(asset_id__in=_asset_ids(rec)).values("ticket_id"))
    if rec.problem_id:
        on |= Q(problems=rec.problem_id)
    return list(
        Ticket.objects.visible_to(user)
        .filter(on, organization_id=rec.organization_id, created_at__gt=since)
        .distinct()
        .order_by("created_at", "id")
    )


def declined_before(ticket: Ticket, user: User) -> list[Hindsight]:
    """The declined advice this ticket proves right: on the ticket's asset (or a control that
    covers it) or on a problem the ticket belongs to, declined before the ticket was opened."""
    asset_id = TicketAsset.objects.filter(ticket=ticket).values_list("asset_id", flat=True).first()
    on = Q(problem__tickets=ticket)
    if asset_id is not None:
        controls = PostureControl.assets.through.objects.filter(asset_id=asset_id).values(
            "posturecontrol_id"
        )
        on |= Q(asset_id=asset_id) | Q(control_id__in=controls)
    recs = (
        Recommendation.objects.visible_to(user)
        .declined()
        .filter(on, organization_id=ticket.organization_id)
        .distinct()
        .prefetch_related("decisions")
    )
    found = []
    for rec in recs:
        at = declined_at(rec)
        if at is not None and at < ticket.created_at:
            found.append(Hindsight(rec, at, [ticket]))
    return found


def log(org: Organization, user: User) -> QuerySet[Recommendation]:
    """The organization's advice, newest first, with its decisions and links at hand."""
    return (
        Recommendation.objects.visible_to(user)
        .filter(organization=org)
        .select_related("asset", "control", "problem", "created_by")
        .prefetch_related("decisions__by")
    )


def control_label(control: PostureControl) -> str:
    """A control as people name it: its framework's number and title."""
    known = BY_KEY.get(control.control)
    return f"{known.ref} {known.title}" if known else control.control
