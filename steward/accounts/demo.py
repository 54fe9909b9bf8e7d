"""The demo's accounts, as the `steward demo` banner and the demo's sign-in page list them."""

from __future__ import annotations

from dataclasses import dataclass

from steward.accounts.models import User

PASSWORD = "steward-demo"


@dataclass(frozen=True)
class Login:
    role: str
    email: str
    organization: str


def logins() -> list[Login]:
    users = (
        User.objects.filter(is_active=True)
        .select_related("organization")
        .order_by("organization__name", "role", "email")
    )
    return [
        Login(u.get_role_display(), u.email, u.organization.name if u.organization else "provider")
        for u in users
    ]
