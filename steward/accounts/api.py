"""API for organizations, users and the caller's own tokens."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from pydantic import EmailStr

from steward.accounts.models import ApiToken, Organization, Role, User
from steward.lib.api import (
    ApiError,
    DecimalString,
    Id,
    Out,
    Page,
    Timestamp,
    api_user,
    get_visible,
    page,
    require,
)
from steward.lib.timezones import is_timezone
from steward.sla.models import BusinessCalendar

router = Router(tags=["Accounts"])
LANGUAGE_CODES = [code for code, _ in settings.LANGUAGES]


class OrganizationIn(Schema):
    name: str = Field(..., min_length=1, max_length=200)
    code: str = Field(..., min_length=2, max_length=12)
    timezone: str = "UTC"
    language: str = "en"
    calendar: Id | None = None
    it_manager: Id | None = None
    status: str = "active"
    hourly_cost_per_user: Decimal = Field(Decimal("30.00"), ge=0, le=100_000, decimal_places=2)


class OrganizationPatch(Schema):
    name: str | None = Field(None, min_length=1, max_length=200)
    code: str | None = Field(None, min_length=2, max_length=12)
    timezone: str | None = None
    language: str | None = None
    calendar: Id | None = None
    it_manager: Id | None = None
    status: str | None = None
    hourly_cost_per_user: Decimal | None = Field(None, ge=0, le=100_000, decimal_places=2)


class OrganizationOut(Out):
    id: int
    name: str
    code: str
    timezone: str
    language: str
    calendar: int | None = Field(validation_alias="calendar_id")
    it_manager: int | None = Field(validation_alias="it_manager_id")
    status: str
    hourly_cost_per_user: DecimalString


class UserIn(Schema):
    email: EmailStr
    name: str = Field("", max_length=150)
    role: Role
    organization: Id | None = None
    language: str = ""
    timezone: str = ""


class UserOut(Out):
    id: int
    email: str
    name: str
    role: str
    organization: int | None = Field(validation_alias="organization_id")
    language: str
    timezone: str
    is_active: bool


class TokenIn(Schema):
    name: str = Field("API", min_length=1, max_length=100)


class TokenOut(Out):
    id: int
    name: str
    hint: str
    created_at: Timestamp
    last_used_at: Timestamp | None
    revoked: bool

    @staticmethod
    def resolve_revoked(token: ApiToken) -> bool:
        return token.revoked_at is not None


class NewTokenOut(TokenOut):
    token: str

    @staticmethod
    def resolve_token(token: ApiToken, context: dict[str, Any]) -> str:
        # The raw token exists only when it is issued, once: the row keeps its hash.
        return str(context["token"])


def named_organization(user: User, org_id: int) -> Organization:
    """The organization a request body names, if this user sees it: else a 422 naming the
    field (a body's bad value, not a lookup of the URL: no 404)."""
    org = Organization.objects.visible_to(user).filter(pk=org_id).first()
    if org is None:
        raise ApiError(422, _("organization: no such organization."), "organization")
    return org


def _apply_org(org: Organization, data: dict[str, Any]) -> None:
    for key, value in data.items():
        if key == "timezone" and not is_timezone(value):
            raise ApiError(
                422,
                _("timezone: %(value)r is not an IANA time zone name.") % {"value": value},
                "timezone",
            )
        if key == "language" and value not in LANGUAGE_CODES:
            raise ApiError(
                422,
                _("language: use one of %(codes)s.") % {"codes": ", ".join(LANGUAGE_CODES)},
                "language",
            )
        if key == "status" and value not in Organization.Status.values:
            raise ApiError(
                422,
                _("status: use one of %(values)s.")
                % {"values": ", ".join(Organization.Status.values)},
                "status",
            )
        if key == "calendar":
            if value is not None and not BusinessCalendar.objects.filter(pk=value).exists():
                raise ApiError(422, _("calendar: no such calendar."), "calendar")
            org.calendar_id = value
            continue
        if key == "it_manager":
            if value is not None and not User.objects.staff().filter(pk=value).exists():
                raise ApiError(422, _("it_manager: no such provider staff member."), "it_manager")
            org.it_manager_id = value
            continue
        if value is None:
            raise ApiError(422, _("%(key)s: may not be null.") % {"key": key}, key)
        setattr(org, key, value)
    if "code" in data:
        org.code = org.code.upper()
    clash = Organization.objects.exclude(pk=org.pk)
    if clash.filter(name=org.name).exists():
        raise ApiError(409, _("name: an organization with this name exists."), "name")
    if clash.filter(code=org.code).exists():
        raise ApiError(409, _("code: an organization with this code exists."), "code")
    org.full_clean()
    org.save()


@router.get("/organizations", response=Page[OrganizationOut])
def list_organizations(
    request: HttpRequest, limit: int = 50, offset: int = 0
) -> Page[OrganizationOut]:
    qs = Organization.objects.visible_to(api_user(request)).order_by("name", "pk")
    return page(qs, limit, offset, OrganizationOut.from_orm)


@router.post("/organizations", response={201: OrganizationOut})
def create_organization(request: HttpRequest, payload: OrganizationIn) -> Status[OrganizationOut]:
    require(api_user(request).can_manage_settings)
    org = Organization()
    _apply_org(org, payload.dict())
    return Status(201, OrganizationOut.from_orm(org))


@router.get("/organizations/{org_id}", response=OrganizationOut)
def get_organization(request: HttpRequest, org_id: int) -> OrganizationOut:
    return OrganizationOut.from_orm(
        get_visible(Organization.objects.all(), api_user(request), "organization", pk=org_id)
    )


@router.patch("/organizations/{org_id}", response=OrganizationOut)
def update_organization(
    request: HttpRequest, org_id: int, payload: OrganizationPatch
) -> OrganizationOut:
    user = api_user(request)
    org = get_visible(Organization.objects.all(), user, "organization", pk=org_id)
    require(user.can_manage_settings)
    _apply_org(org, payload.dict(exclude_unset=True))
    return OrganizationOut.from_orm(org)


@router.get("/users", response=Page[UserOut])
def list_users(
    request: HttpRequest,
    limit: int = 50,
    offset: int = 0,
    organization: int | None = None,
    role: str | None = None,
) -> Page[UserOut]:
    require(api_user(request).role == Role.ADMIN, _("Only provider admins manage users."))
    qs = User.objects.order_by("email", "pk")
    if organization is not None:
        qs = qs.filter(organization_id=organization)
    if role:
        qs = qs.filter(role=role)
    return page(qs, limit, offset, UserOut.from_orm)


@router.post("/users", response={201: UserOut})
def create_user(request: HttpRequest, payload: UserIn) -> Status[UserOut]:
    require(api_user(request).role == Role.ADMIN, _("Only provider admins manage users."))
    email = str(payload.email).lower()
    if User.objects.filter(email=email).exists():
        raise ApiError(409, _("email: a user with this email exists."), "email")
    org = None
    if payload.organization is not None:
        org = Organization.objects.filter(pk=payload.organization).first()
        if org is None:
            raise ApiError(422, _("organization: no such organization."), "organization")
    if payload.role in (Role.CLIENT_ADMIN, Role.CLIENT_USER) and org is None:
        raise ApiError(
            422, _("organization: client users belong to an organization."), "organization"
        )
    if payload.role in (Role.ADMIN, Role.MANAGER, Role.TECHNICIAN) and org is not None:
        raise ApiError(
            422,
            _("organization: provider staff do not belong to a client organization."),
            "organization",
        )
    if payload.language and payload.language not in LANGUAGE_CODES:
        raise ApiError(
            422,
            _("language: use one of %(codes)s.") % {"codes": ", ".join(LANGUAGE_CODES)},
            "language",
        )
    if payload.timezone and not is_timezone(payload.timezone):
        raise ApiError(422, _("timezone: not an IANA time zone name."), "timezone")
    with transaction.atomic():
        user = User.objects.create_user(
            email,
            None,
            name=payload.name,
            role=payload.role,
            organization=org,
            language=payload.language,
            timezone=payload.timezone,
        )
    return Status(201, UserOut.from_orm(user))


@router.get("/users/{user_id}", response=UserOut)
def get_user(request: HttpRequest, user_id: int) -> UserOut:
    me = api_user(request)
    if me.pk != user_id:
        require(me.role == Role.ADMIN, _("Only provider admins manage users."))
    user = User.objects.filter(pk=user_id).first()
    if user is None:
        raise ApiError(404, _("No such user."))
    return UserOut.from_orm(user)


@router.get("/me", response=UserOut)
def me(request: HttpRequest) -> UserOut:
    return UserOut.from_orm(api_user(request))


@router.get("/tokens", response=list[TokenOut])
def list_tokens(request: HttpRequest) -> list[TokenOut]:
    return [TokenOut.from_orm(t) for t in api_user(request).api_tokens.all()]


@router.post("/tokens", response={201: NewTokenOut})
def create_token(request: HttpRequest, payload: TokenIn) -> Status[NewTokenOut]:
    token, raw = ApiToken.issue(api_user(request), payload.name)
    return Status(201, NewTokenOut.from_orm(token, context={"token": raw}))


@router.delete("/tokens/{token_id}", response={204: None})
def revoke_token(request: HttpRequest, token_id: int) -> Status[None]:
    token = api_user(request).api_tokens.filter(pk=token_id).first()
    if token is None:
        raise ApiError(404, _("No such token."))
    token.revoke()
    return Status(204, None)
