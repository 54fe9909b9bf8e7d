"""Who may reveal an organization's secrets: the client admin's decision (VaultAccess), read
by every reveal, page and API call, and changed only here (each change audited)."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from steward.accounts.models import (
    ALL_SEEING_ROLES,
    PROVIDER_ROLES,
    Organization,
    Role,
    User,
)
from steward.lib.errors import DomainError
from steward.vault import audit
from steward.vault.models import AccessMode, AuditAction, VaultAccess


def mode_of(org: Organization | int) -> str:
    """The organization's mode: `assigned` until a client admin chooses another."""
    org_id = org if isinstance(org, int) else org.pk
    mode = VaultAccess.objects.filter(organization_id=org_id).values_list("mode", flat=True)
    return mode.first() or AccessMode.ASSIGNED


def people_of(org: Organization | int) -> list[User]:
    """The people named under `named` (kept when the mode changes, so a switch back restores
    the list)."""
    org_id = org if isinstance(org, int) else org.pk
    return list(User.objects.filter(pk__in=_people_ids(org_id)).order_by("name", "email"))


def _people_ids(org_id: int) -> QuerySet[VaultAccess, int]:
    return VaultAccess.objects.filter(organization_id=org_id).values_list("people", flat=True)


def staff_seeing(org: Organization | int) -> QuerySet[User]:
    """Provider staff who see the organization: admins and managers, and the technicians
    assigned to it. Only they can be named."""
    org_id = org if isinstance(org, int) else org.pk
    return (
        User.objects.filter(is_active=True, role__in=PROVIDER_ROLES)
        .filter(Q(role__in=ALL_SEEING_ROLES) | Q(memberships__organization_id=org_id))
        .distinct()
        .order_by("name", "email")
    )


def sees(user: User, org_id: int) -> bool:
    return Organization.objects.visible_to(user).filter(pk=org_id).exists()


def may_reveal(user: User | AnonymousUser, org: Organization | int, seen: bool = False) -> bool:
    """Whether this person may see the organization's secrets. The client's admins always may
    (the secrets are theirs); client users never; provider staff as the mode says, and only in
    an organization they see (`seen`: the caller found the row through `visible_to` already).
    A provider admin is no exception: admins administer people, not secrets."""
    if not isinstance(user, User) or not user.is_active:
        return False
    org_id = org if isinstance(org, int) else org.pk
    if user.role == Role.CLIENT_ADMIN:
        return user.organization_id == org_id
    if user.role not in PROVIDER_ROLES or not (seen or sees(user, org_id)):
        return False
    row = VaultAccess.objects.filter(organization_id=org_id).first()
    if row is None or row.mode == AccessMode.ASSIGNED:
        return True
    if row.mode == AccessMode.NONE:
        return False
    return row.people.filter(pk=user.pk).exists()


def may_change_access(user: User | AnonymousUser, org: Organization | int) -> bool:
    """Only the client's own admins decide who on the provider's side may reveal."""
    org_id = org if isinstance(org, int) else org.pk
    return (
        isinstance(user, User)
        and user.is_active
        and user.role == Role.CLIENT_ADMIN
        and user.organization_id == org_id
    )


def may_read_access(user: User | AnonymousUser, org: Organization | int) -> bool:
    """The API's readers of the decision (DESIGN.md): the client's admins and provider admins."""
    org_id = org if isinstance(org, int) else org.pk
    if may_change_access(user, org_id):
        return True
    return isinstance(user, User) and user.is_active and user.role == Role.ADMIN


def set_access(org: Organization, by: User, mode: str, people: Iterable[int]) -> VaultAccess:
    """Record the client admin's decision, and audit it (the mode and every person named)."""
    if not may_change_access(by, org):
        raise DomainError(_("Only the client's administrators decide who may reveal."), "", True)
    if mode not in AccessMode.values:
        raise DomainError(
            _("mode: use one of %(values)s.") % {"values": ", ".join(AccessMode.values)}, "mode"
        )
    ids = sorted(set(people))
    allowed = {u.pk: u for u in staff_seeing(org).filter(pk__in=ids)}
    unknown = [pk for pk in ids if pk not in allowed]
    if unknown:
        raise DomainError(
            _("people: %(ids)s are not provider staff who see this organization.")
            % {"ids": ", ".join(map(str, unknown))},
            "people",
        )
    named = sorted(allowed.values(), key=lambda u: (u.name, u.email))
    with transaction.atomic():
        row, _created = VaultAccess.objects.select_for_update().get_or_create(organization=org)
        row.mode = mode
        row.updated_at = timezone.now()
        row.updated_by = by
        row.save()
        row.people.set(named)
        audit.append(
            org,
            AuditAction.ACCESS,
            by,
            obj=f"vault-access:{mode}",
            reason="; ".join(audit.actor_label(u) for u in named),
        )
    return row
