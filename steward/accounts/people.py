"""Taking people on and off: invitations with a one-time sign-in link, roles, assignments."""

from __future__ import annotations

from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.db import transaction
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from steward.accounts.models import (
    CLIENT_ROLES,
    PROVIDER_ROLES,
    Membership,
    Organization,
    Role,
    User,
)
from steward.lib.errors import DomainError


class InviteTokens(PasswordResetTokenGenerator):
    """Django's reset token under its own salt. The hash covers the password and the last
    sign-in, so the link dies once the password is set (single use), and it expires after
    PASSWORD_RESET_TIMEOUT."""

    key_salt = "steward.accounts.people.InviteTokens"


invite_tokens = InviteTokens()


def invite_path_args(user: User) -> tuple[str, str]:
    """(uidb64, token) for the `welcome` URL."""
    return urlsafe_base64_encode(force_bytes(user.pk)), invite_tokens.make_token(user)


def _check_org(role: str, org: Organization | None) -> None:
    if role in CLIENT_ROLES and org is None:
        raise DomainError(_("Client users belong to an organization."), "organization")
    if role in PROVIDER_ROLES and org is not None:
        raise DomainError(
            _("Provider staff do not belong to a client organization."), "organization"
        )


def invite(email: str, name: str, role: str, org: Organization | None, language: str) -> User:
    """A new person with no usable password: they choose one through the link mailed to them."""
    email = email.strip().lower()
    _check_org(role, org)
    if User.objects.filter(email__iexact=email).exists():
        raise DomainError(_("Someone with this email address already has an account."), "email")
    user = User(
        email=email,
        name=name.strip(),
        role=role,
        organization=org,
        # A client's people read their organization's language until they choose their own;
        # staff start in the language of the admin who invites them.
        language="" if org is not None else language,
    )
    user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    return user


def _would_leave_no_admin(person: User, role: str, active: bool) -> bool:
    if person.role != Role.ADMIN or not person.is_active or (role == Role.ADMIN and active):
        return False
    others = User.objects.filter(role=Role.ADMIN, is_active=True).exclude(pk=person.pk)
    return not others.exists()


@transaction.atomic
def update_person(
    person: User,
    *,
    name: str,
    role: str,
    org: Organization | None,
    active: bool,
    assigned: list[Organization],
) -> User:
    """Change a person's role, organization, assignments and whether they may sign in.
    Deactivating keeps their tickets and history; they can no longer sign in or use a token."""
    # Lock the admins so that two admins demoting each other at once cannot both succeed.
    list(User.objects.select_for_update().filter(role=Role.ADMIN, is_active=True))
    person.refresh_from_db()
    _check_org(role, org)
    if _would_leave_no_admin(person, role, active):
        raise DomainError(
            _("This is the last active provider admin: make someone else an admin first."),
            "role" if active else "is_active",
        )
    person.name = name.strip()
    person.role = role
    person.organization = org
    person.is_active = active
    person.full_clean(exclude=["password"])
    person.save()
    if role == Role.TECHNICIAN:
        keep = {o.pk for o in assigned}
        Membership.objects.filter(user=person).exclude(organization__in=keep).delete()
        have = set(Membership.objects.filter(user=person).values_list("organization", flat=True))
        Membership.objects.bulk_create(
            [Membership(user=person, organization_id=pk) for pk in sorted(keep - have)]
        )
    else:
        Membership.objects.filter(user=person).delete()
    return person
