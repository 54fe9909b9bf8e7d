"""Shared test personas and small factories.

Two client companies: Acme (Athens) and Globex (Shanghai). Every row made for one of them
carries its marker in a visible text field, and `ScanningClient` fails a test whenever a
response shown to someone shows another organization's marker.
"""

from __future__ import annotations

import itertools
import json
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import connection
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from steward.accounts.models import ApiToken, Membership, Organization, Role, User
from steward.api import api
from steward.contracts.actions import record_version
from steward.contracts.models import FIRST_VERSION, Agreement
from steward.desk import actions
from steward.desk.models import Ticket
from steward.sla.models import BusinessCalendar, SlaPolicy

MARKERS = {"ACME": "acme-marker-5e1f", "GLBX": "globex-marker-9c07"}
WEEKDAYS_9_17 = {d: [["09:00", "17:00"]] for d in ("mon", "tue", "wed", "thu", "fri")}
STANDARD_TARGETS = {
    "P1": {"first_response": 30, "next_update": 60, "resolution": 240},
    "P2": {"first_response": 60, "next_update": 120, "resolution": 480},
    "P3": {"first_response": 240, "resolution": 1440},
    "P4": {"first_response": 480, "resolution": 2400},
}
_seq = itertools.count(1)


def make_calendar(**kw: Any) -> BusinessCalendar:
    kw.setdefault("name", f"Calendar {next(_seq)}")
    kw.setdefault("timezone", "Europe/Athens")
    kw.setdefault("weekly", WEEKDAYS_9_17)
    return BusinessCalendar.objects.create(**kw)


def make_policy(**kw: Any) -> SlaPolicy:
    kw.setdefault("name", f"Policy {next(_seq)}")
    kw.setdefault("targets", STANDARD_TARGETS)
    return SlaPolicy.objects.create(**kw)


def make_org(code: str = "", **kw: Any) -> Organization:
    code = code or f"ORG{next(_seq)}"
    kw.setdefault("name", f"{code.title()} {MARKERS.get(code, code.lower())}")
    kw.setdefault("timezone", "Europe/Athens")
    return Organization.objects.create(code=code, **kw)


def make_agreement(org: Organization, policy: SlaPolicy | None = None, **kw: Any) -> Agreement:
    kw.setdefault("name", f"Managed services {MARKERS.get(org.code, '')}".strip())
    kw.setdefault("starts", datetime(2020, 1, 1).date())  # noqa: DTZ001
    agreement = Agreement.objects.create(organization=org, sla_policy=policy or make_policy(), **kw)
    # Every agreement has its first version (contracts 0006 gave one to those made before).
    record_version(agreement, None, FIRST_VERSION)
    return agreement


def make_user(role: str = Role.CLIENT_USER, org: Organization | None = None, **kw: Any) -> User:
    n = next(_seq)
    kw.setdefault("email", f"user{n}@{(org.code.lower() if org else 'provider')}.example")
    kw.setdefault("name", f"User {n}")
    return User.objects.create_user(
        password=kw.pop("password", "correct-horse-battery"), role=role, organization=org, **kw
    )


def make_ticket(org: Organization | None = None, **kw: Any) -> Ticket:
    org = org or make_org()
    actor = kw.pop("actor", None)
    at = kw.pop("at", None)
    if actor is not None and actor.is_client:
        kw.setdefault("requester", actor)  # as the portal and the API open it
    kw.setdefault("title", f"Printer on fire {MARKERS.get(org.code, '')}".strip())
    return actions.open_ticket(actions.NewTicket(organization=org, **kw), actor=actor, at=at)


def token_for(user: User) -> str:
    return ApiToken.issue(user)[1]


@dataclass
class World:
    """The personas of every view and API test."""

    acme: Organization
    globex: Organization
    calendar: BusinessCalendar
    policy: SlaPolicy
    admin: User
    manager: User
    tech: User  # assigned to Acme only
    acme_admin: User
    acme_user: User
    globex_user: User


def world() -> World:
    calendar = make_calendar(name="Athens office", holiday_country="GR")
    policy = make_policy(name="Standard", calendar=None)
    acme = make_org("ACME", calendar=calendar)
    globex = make_org("GLBX", timezone="Asia/Shanghai", language="zh-hans")
    make_agreement(acme, policy)
    make_agreement(globex, policy)
    tech = make_user(Role.TECHNICIAN, name="Tess Technician")
    Membership.objects.create(user=tech, organization=acme)
    return World(
        acme=acme,
        globex=globex,
        calendar=calendar,
        policy=policy,
        admin=make_user(Role.ADMIN, name="Ada Admin"),
        manager=make_user(Role.MANAGER, name="Max Manager"),
        tech=tech,
        acme_admin=make_user(Role.CLIENT_ADMIN, acme, name="Alice Acme"),
        acme_user=make_user(Role.CLIENT_USER, acme, name="Andy Acme"),
        globex_user=make_user(Role.CLIENT_USER, globex, name="Gao Globex"),
    )


class ScanningClient(Client):
    """A test client that fails if a response leaks another organization's marker."""

    def __init__(self, user: User | None = None, **kw: Any) -> None:
        super().__init__(**kw)
        self.user = user
        if user is not None:
            self.force_login(user)

    def request(self, **request: Any) -> Any:
        response = super().request(**request)
        if self.user is not None and not getattr(response, "streaming", False):
            visible = set(Organization.objects.visible_to(self.user).values_list("code", flat=True))
            body = response.content.decode(errors="replace")
            for code, marker in MARKERS.items():
                assert code in visible or marker not in body, (
                    f"{self.user.email} saw {code}'s marker at {request.get('PATH_INFO')}"
                )
        return response


def post_json(client: Client, url: str, data: Any) -> Any:
    return client.post(url, json.dumps(data), content_type="application/json")


def patch_json(client: Client, url: str, data: Any) -> Any:
    return client.patch(url, json.dumps(data), content_type="application/json")


def api_client(user: User) -> Client:
    """An API client authenticated by a bearer token, scanning responses for leaks."""
    client = ScanningClient(user=None, HTTP_AUTHORIZATION=f"Bearer {token_for(user)}")
    client.user = user
    return client


# The namespaces of the desk, portal, billing, mail, account, settings and monitoring pages.
PAGE_NAMESPACES = (
    "desk",
    "portal",
    "accounts",
    "mail",
    "billing",
    "billing_portal",
    "settings",
    "policies",
    "monitoring",
    "monitoring_portal",
    "vault",
    "vault_portal",
    "reports",
    "reports_portal",
    "surveys",
)


def pages() -> dict[str, URLPattern]:
    """Every named page of those namespaces, by "namespace:name", found through the resolver."""
    found: dict[str, URLPattern] = {}
    for entry in get_resolver().url_patterns:
        if isinstance(entry, URLResolver) and entry.namespace in PAGE_NAMESPACES:
            for pattern in entry.url_patterns:
                if isinstance(pattern, URLPattern) and pattern.name:
                    found[f"{entry.namespace}:{pattern.name}"] = pattern
    return found


def api_operations() -> dict[str, dict[str, Any]]:
    """Every operation of the API, by "METHOD path", as the OpenAPI schema describes it."""
    schema = api.get_openapi_schema()
    return {
        f"{method.upper()} {path}": operation
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
    }


# Which access rules each route's tests prove: route -> {"login", "tenancy", "role"}.
# steward/tests/test_route_coverage.py fails for a route of the API or of the desk, portal
# and account pages that lacks one of them.
COVERAGE: dict[str, set[str]] = {}


def covers[T](*routes: str, kinds: tuple[str, ...]) -> Callable[[T], T]:
    """Mark a test as proving `kinds` of access rules for `routes`."""

    def mark(test: T) -> T:
        for route in routes:
            COVERAGE.setdefault(route, set()).update(kinds)
        return test

    return mark


def race[T](work: Callable[[], T], workers: int) -> list[T]:
    """Run `work` in several threads released at the same instant; each has its own
    database connection, as separate worker processes would."""
    return race_each([work] * workers)


def race_each[T](works: Sequence[Callable[[], T]]) -> list[T]:
    """Run each of `works` in its own thread, all released at the same instant, each on its
    own database connection; fail with the errors any of them raised."""
    barrier = threading.Barrier(len(works))
    results: list[T] = []
    errors: list[BaseException] = []

    def run(work: Callable[[], T]) -> None:
        try:
            barrier.wait()
            results.append(work())
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(work,)) for work in works]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    return results
