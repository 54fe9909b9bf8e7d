"""What every app's API router shares: authentication, errors, pagination."""

from __future__ import annotations

import base64
import json
import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError, IntegrityError
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from ninja import Field, NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.parser import Parser
from pydantic import (
    AfterValidator,
    ModelWrapValidatorHandler,
    PlainSerializer,
    Strict,
    ValidationInfo,
    WithJsonSchema,
    model_validator,
)

from steward.lib.errors import DomainError
from steward.lib.text import title_error
from steward.lib.timestamps import iso

# Annotations only: lib sits below the apps (a listed lint-imports exception).
if TYPE_CHECKING:
    from steward.accounts.models import User

log = logging.getLogger(__name__)
M = TypeVar("M", bound=Model)

MAX_LIMIT = 200
DEFAULT_LIMIT = 50

# The id of a row named in a body. Strict, because pydantic would otherwise read `true` as 1
# and `"7"` as 7: a client's mistake must be named, not quietly taken for some organization.
Id = Annotated[int, Strict()]
# Every amount of money a body carries: never negative, cents at most.
Money = Annotated[Decimal, Field(ge=0, max_digits=12, decimal_places=2)]
# The same, as the default of an optional field (`Decimal | None = Amount`): null when not sent.
Amount = Field(None, ge=0, max_digits=12, decimal_places=2)


# A moment in an answer, in the one form every answer uses: ISO 8601 in UTC with its offset
# and every microsecond, `2026-03-02T07:30:00.000000+00:00` (DESIGN.md: "with offset"). Left
# to themselves, ninja's encoder cuts to milliseconds and writes `Z`, `isoformat()` drops the
# fraction at a whole second, and a due time computed in a calendar keeps that calendar's
# offset: three forms for a client to parse and compare.
Timestamp = Annotated[
    datetime,
    PlainSerializer(iso, return_type=str),
    WithJsonSchema({"type": "string", "format": "date-time"}),
]
# A decimal in an answer (money, rates): a string with the digits as stored, as a float
# would lose cents.
DecimalString = Annotated[
    Decimal,
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"type": "string", "format": "decimal"}),
]


def _title(value: str) -> str:
    problem = title_error(value)
    if problem:
        raise ValueError(problem)
    return value.strip()


# A ticket's title becomes the subject of every mail about it: one line of real text.
Title = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_title)]


class BodyNotAnObject(ValueError):
    """A JSON body that is a list, a string, a number or null."""


class ObjectParser(Parser):
    """Every JSON body of this API is an object: anything else is refused by name, where
    ninja would read its fields as absent and carry on with their defaults."""

    def parse_body(self, request: HttpRequest) -> Any:
        data = super().parse_body(request)
        if not isinstance(data, dict):
            raise BodyNotAnObject
        return data


class ApiError(HttpError):
    """A 4xx answer that names the input at fault: `{"detail": ..., "field": ...}`."""

    def __init__(self, status_code: int, message: str, field: str = "") -> None:
        super().__init__(status_code, message)
        self.field = field


def api_user(request: HttpRequest) -> User:
    return request.auth  # type: ignore[attr-defined,no-any-return]


def require(condition: bool, message: str = "") -> None:
    if not condition:
        raise ApiError(403, message or _("Your role does not allow this."))


# What a 404 can name (the `what` of get_visible and get_for_write), for the catalogs.
_THINGS = (
    gettext_noop("SLA policy"),
    gettext_noop("agreement"),
    gettext_noop("calendar"),
    gettext_noop("invoice"),
    gettext_noop("organization"),
    gettext_noop("quote"),
    gettext_noop("scope register for this ticket"),
    gettext_noop("ticket"),
    gettext_noop("time entry"),
)


def not_found(what: str) -> ApiError:
    return ApiError(404, _("No such %(what)s.") % {"what": _(what)})


def get_visible[M: Model](qs: QuerySet[M], user: User, what: str, **lookup: Any) -> M:
    """The object if this user may see it; another organization's object is a plain 404."""
    obj = qs.visible_to(user).filter(**lookup).first()  # type: ignore[attr-defined]
    if obj is None:
        raise not_found(what)
    return obj  # type: ignore[no-any-return]


def get_for_write[M: Model](qs: QuerySet[M], user: User, what: str, **lookup: Any) -> M:
    """The object a write names, if it is in this user's organizations: the caller then
    refuses a role that may not change it with a 403, as writes always have."""
    obj = qs.in_orgs_of(user).filter(**lookup).first()  # type: ignore[attr-defined]
    if obj is None:
        raise not_found(what)
    return obj  # type: ignore[no-any-return]


def _field_of(loc: Sequence[Any]) -> str:
    # Drop the location prefix ("body", "query"...) so the field reads as the client sent it.
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "payload", "form")]
    return ".".join(parts)


def _error(
    api: NinjaAPI, request: HttpRequest, status: int, detail: str, field: str = "", **extra: Any
) -> HttpResponse:
    body: dict[str, Any] = {"detail": detail, "field": field}
    body.update(extra)
    return api.create_response(request, body, status=status)


def install_error_handlers(api: NinjaAPI) -> None:
    @api.exception_handler(ValidationError)
    def on_validation(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        errors = exc.errors
        first = errors[0] if errors else {}
        if first.get("type") == "json_invalid" or "Cannot parse request body" in str(
            first.get("msg", "")
        ):
            return _error(api, request, 400, _("The request body is not valid JSON."), "body")
        field = _field_of(first.get("loc", ()))
        msg = str(first.get("msg", _("Invalid input.")))
        detail = f"{field}: {msg}" if field else msg
        return _error(
            api,
            request,
            422,
            detail,
            field,
            errors=[
                {"field": _field_of(e.get("loc", ())), "message": e.get("msg")} for e in errors
            ],
        )

    @api.exception_handler(ApiError)
    def on_api_error(request: HttpRequest, exc: ApiError) -> HttpResponse:
        return _error(api, request, exc.status_code, exc.message, exc.field)

    @api.exception_handler(DomainError)
    def on_domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
        # Every app's rules raise this one error: mapped to HTTP here, once.
        return _error(api, request, 403 if exc.forbidden else 422, str(exc), exc.field)

    @api.exception_handler(AuthenticationError)
    def on_auth(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return _error(api, request, 401, _("Sign in or send 'Authorization: Bearer <token>'."))

    @api.exception_handler(HttpError)
    def on_http(request: HttpRequest, exc: HttpError) -> HttpResponse:
        # ninja wraps whatever the parser raised in a 400; ours says what was wrong.
        if isinstance(exc.__cause__, BodyNotAnObject):
            return _error(api, request, 422, _("body: send a JSON object."), "body")
        if exc.status_code == 400 and "parse request body" in exc.message:
            return _error(api, request, 400, _("The request body is not valid JSON."), "body")
        return _error(api, request, exc.status_code, exc.message)

    @api.exception_handler(Http404)
    def on_404(request: HttpRequest, exc: Http404) -> HttpResponse:
        return _error(api, request, 404, str(exc) or _("Not found."))

    @api.exception_handler(DjangoValidationError)
    def on_model_validation(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
        if hasattr(exc, "error_dict"):
            field, errors = next(iter(exc.message_dict.items()))
            field = "" if field == "__all__" else field
            detail = f"{field}: {errors[0]}" if field else errors[0]
            return _error(api, request, 422, detail, field)
        return _error(api, request, 422, exc.messages[0])

    @api.exception_handler(RequestDataTooBig)
    def on_too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
        # Django refuses to read a body over DATA_UPLOAD_MAX_MEMORY_SIZE; left alone, that
        # is a 400 page with a traceback when DEBUG is on.
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        text = _("The request body is larger than %(limit)s bytes.") % {"limit": limit}
        return _error(api, request, 413, text, "body")

    @api.exception_handler(OverflowError)
    def on_overflow(request: HttpRequest, exc: OverflowError) -> HttpResponse:
        # A number too large for SQLite or for a date: the input's fault, not ours.
        return _error(api, request, 422, _("A number in the request is out of range."))

    @api.exception_handler(DataError)
    def on_data_error(request: HttpRequest, exc: DataError) -> HttpResponse:
        # PostgreSQL's version of the same: a value out of range for its column type.
        return _error(api, request, 422, _("A value in the request is out of range."))

    @api.exception_handler(IntegrityError)
    def on_integrity(request: HttpRequest, exc: IntegrityError) -> HttpResponse:
        log.info("integrity error: %s", exc)
        return _error(api, request, 409, _("This conflicts with an existing record."))


def encode_cursor(values: Sequence[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(values), default=str).encode()).decode()


def decode_cursor(cursor: str, size: int) -> list[Any]:
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor.encode()))
    except (ValueError, TypeError):
        raise ApiError(400, _("cursor: not a cursor this API gave out."), "cursor") from None
    if not isinstance(values, list) or len(values) != size:
        raise ApiError(400, _("cursor: not a cursor this API gave out."), "cursor")
    return values


def check_page(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_LIMIT:
        raise ApiError(422, _("limit: between 1 and %(max)s.") % {"max": MAX_LIMIT}, "limit")
    if offset < 0:
        raise ApiError(422, _("offset: 0 or more."), "offset")


class Out(Schema):
    """What a route answers: a schema built from its row (`from_orm`, resolvers) once."""

    @model_validator(mode="wrap")
    @classmethod
    def _built_once(
        cls, value: Any, handler: ModelWrapValidatorHandler[Out], info: ValidationInfo
    ) -> Any:
        # ninja validates a route's answer again against its declared response; an answer
        # already built would then go through the resolvers a second time, handed the schema
        # instead of the row they read.
        if isinstance(value, cls):
            return value
        return handler(value)


class Page[T](Out):
    """One limit/offset page of a list, and how long the whole list is."""

    items: list[T]
    count: int
    limit: int
    offset: int


class Items[T](Out):
    """A short list answered whole, as `{"items": [...]}`: no pages."""

    items: list[T]


class CursorPage[T](Out):
    """One page of a list read by cursor: `next_cursor` asks for the next (null on the last)."""

    items: list[T]
    limit: int
    offset: int
    next_cursor: str | None


def page[M: Model, T](
    qs: QuerySet[M], limit: int, offset: int, render: Callable[[M], T]
) -> Page[T]:
    """The limit/offset page of `qs`, each row rendered as its schema."""
    check_page(limit, offset)
    items = [render(row) for row in qs[offset : offset + limit]]
    return Page(items=items, count=qs.count(), limit=limit, offset=offset)
