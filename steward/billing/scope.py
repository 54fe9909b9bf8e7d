"""The scope register: whether work on a ticket is covered by its agreement, and why."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from steward.accounts.models import User
from steward.billing.models import ScopeDecision
from steward.contracts.models import Billing
from steward.desk.models import Ticket
from steward.lib.errors import DomainError


@dataclass(frozen=True)
class Scope:
    in_scope: bool
    reason: str
    decided_by: User | None = None


def scope_of(ticket: Ticket) -> Scope:
    """Staff's latest decision, else the default from the agreement and the ticket's service."""
    decision = ticket.scope.select_related("decided_by").first()
    if decision is not None:
        return Scope(decision.in_scope, decision.reason, decision.decided_by)
    agreement = ticket.agreement
    if agreement is None:
        return Scope(False, _("No agreement was in force when the ticket was opened."))
    if agreement.billing == Billing.BREAK_FIX:
        return Scope(True, _("Break-fix agreement: all work is billed by the hour."))
    if ticket.service_id is None:
        return Scope(True, _("Covered by the agreement (no specific service)."))
    covered = agreement.covered.filter(service_id=ticket.service_id).exists()
    name = ticket.service.name if ticket.service else ""
    if covered:
        return Scope(True, _("%(name)s is a covered service.") % {"name": name})
    return Scope(
        False, _("%(name)s is not among the agreement's covered services.") % {"name": name}
    )


def decide_scope(ticket: Ticket, in_scope: bool, reason: str, by: User) -> ScopeDecision:
    if not by.is_provider:
        raise DomainError(_("Only provider staff decide scope."), "in_scope", forbidden=True)
    if not reason.strip():
        raise DomainError(_("reason: say why."), "reason")
    return ScopeDecision.objects.create(
        ticket=ticket, in_scope=in_scope, reason=reason.strip()[:500], decided_by=by
    )
