"""Agreement workflows: making an agreement, revising its terms, recording its versions.

What is done on tickets under an agreement (scope, quotes, time, invoices) is `steward.billing`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from steward.accounts.models import User
from steward.contracts.models import (
    AGREEMENT_MADE,
    FIRST_VERSION,
    TERM_FIELDS,
    Agreement,
    AgreementVersion,
    CoveredService,
    Service,
)
from steward.lib.errors import DomainError
from steward.lib.money import money

# Versions


def _diff(before: dict[str, Any], after: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {"field": key, "from": before.get(key), "to": after.get(key)}
        for key in sorted(set(before) | set(after))
        if before.get(key) != after.get(key)
    ]


def record_version(agreement: Agreement, by: User | None, note: str = "") -> AgreementVersion:
    """Snapshot the agreement's terms as its next version, with what changed since the last."""
    last = agreement.versions.order_by("-number").first()
    terms = agreement.terms()
    changes = _diff(last.terms, terms) if last else []
    if last is not None and not changes:
        return last
    return AgreementVersion.objects.create(
        agreement=agreement,
        number=(last.number + 1) if last else 1,
        terms=terms,
        changes=changes,
        note=note[:500],
        created_by=by,
    )


def version_of(agreement: Agreement) -> AgreementVersion:
    """The version in force now. Agreements made before versions existed got their first in a
    migration; one saved by other means than create_agreement gets it here, on a write."""
    return agreement.current_version() or record_version(agreement, None, FIRST_VERSION)


def set_services(agreement: Agreement, prices: dict[str, Decimal]) -> None:
    """Cover exactly these catalogue services (code -> monthly price)."""
    found = {s.code: s for s in Service.objects.filter(code__in=prices)}
    unknown = sorted(set(prices) - set(found))
    if unknown:
        raise DomainError(
            _("services: no service with the code %(codes)s.") % {"codes": ", ".join(unknown)},
            "services",
        )
    if any(Decimal(price) < 0 for price in prices.values()):
        raise DomainError(_("services: a price cannot be negative."), "services")
    agreement.covered.exclude(service__code__in=prices).delete()
    for code, price in prices.items():
        CoveredService.objects.update_or_create(
            agreement=agreement, service=found[code], defaults={"price": money(price)}
        )


def revise(
    agreement: Agreement,
    by: User | None,
    changes: dict[str, Any],
    services: dict[str, Decimal] | None = None,
    note: str = "",
) -> AgreementVersion:
    """Change the terms; every change is a new version saying who, when and what."""
    allowed = {*TERM_FIELDS, "name", "ends", "sla_policy"}
    unknown = sorted(set(changes) - allowed)
    if unknown:
        raise DomainError(
            _("%(term)s: not a term of an agreement.") % {"term": unknown[0]}, unknown[0]
        )
    with transaction.atomic():
        version_of(agreement)  # So that the change is measured against the terms before it.
        for key, value in changes.items():
            setattr(agreement, key, value)
        agreement.full_clean()
        agreement.save()
        if services is not None:
            set_services(agreement, services)
        return record_version(agreement, by, note)


def create_agreement(
    agreement: Agreement,
    by: User | None,
    services: dict[str, Decimal] | None = None,
    note: str = "",
) -> Agreement:
    """Make an agreement (built, not yet saved): its rules checked by `Agreement.clean()`,
    saved with the services it covers and its first version, all or nothing."""
    agreement.full_clean()
    with transaction.atomic():
        agreement.save()
        if services:
            set_services(agreement, services)
        record_version(agreement, by, note or AGREEMENT_MADE)
    return agreement
