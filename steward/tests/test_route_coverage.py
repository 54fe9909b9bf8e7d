"""Every route has tests for login, for tenancy and, when it writes, for the role it needs.

The tests declare what they prove with `steward.test.covers`; this test imports every test
module and fails naming each route of the API and of the desk, portal and account pages that
lacks one of them.
"""

from __future__ import annotations

import importlib
import pkgutil

import steward
from steward.test import COVERAGE, api_operations, pages

WRITES = {"POST", "PATCH", "PUT", "DELETE"}
# Pages that change something (a POST form); their tests must show who may not.
HTML_WRITES = {
    "desk:bulk_assign",
    "desk:reply",
    "desk:update",
    "desk:tick",
    "desk:new_ticket",
    "portal:reply",
    "portal:close",
    "portal:new_ticket",
    "accounts:revoke_token",
    "accounts:profile",
    "accounts:tokens",
    "mail:reprocess",
    "mail:place",
    "mail:retry",
    "mail:mailbox_new",
    "mail:mailbox",
    "billing:invoice_draft",
    "billing:agreement_new",
    "billing:agreement_edit",
    "billing:client_tax",
    "billing:invoice_issue",
    "billing:invoice_credit",
    "billing:time",
    "billing:timer",
    "billing:scope",
    "billing:quote",
    "billing_portal:quote_decide",
    "settings:provider",
    "settings:organization_new",
    "settings:organization",
    "settings:invite",
    "settings:person",
    "settings:person_invite",
    "policies:calendar_new",
    "policies:calendar",
    "policies:policy_new",
    "policies:policy",
    "policies:queue_new",
    "policies:queue",
    "policies:rule_new",
    "policies:rule",
    "policies:rule_delete",
    "monitoring:check_new",
    "monitoring:check_edit",
    "monitoring:check_delete",
    "monitoring:check_pause",
    "monitoring:check_resume",
    "monitoring:window_new",
    "monitoring:window_delete",
    "monitoring:plan_new",
    "monitoring:plan_edit",
    "monitoring_portal:alerts",
    "vault:exit_pack",
    "vault:posture_edit",
    "vault_portal:exit_pack",
    "vault:credential_new",
    "vault:credential_edit",
    "vault:credential_delete",
    "vault:credential_reveal",
    "vault:access",
    "vault_portal:credential_new",
    "vault_portal:credential_edit",
    "vault_portal:credential_delete",
    "vault_portal:credential_reveal",
    "vault_portal:access",
    "reports_portal:survey",
    "surveys:answer",
    "reports:problem_new",
    "reports:problem",
    "reports:review",
    "reports:recommendation_new",
    "reports:recommendation_edit",
    "reports_portal:recommendation",
}


def _import_all_tests() -> None:
    for module in pkgutil.walk_packages(steward.__path__, "steward."):
        if ".tests.test_" in module.name:
            importlib.import_module(module.name)


def _api_routes() -> dict[str, bool]:
    return {route: route.split(" ", 1)[0] in WRITES for route in api_operations()}


def _html_routes() -> dict[str, bool]:
    return {name: name in HTML_WRITES for name in pages()}


def _missing(routes: dict[str, bool]) -> list[str]:
    _import_all_tests()
    missing = []
    for route, writes in sorted(routes.items()):
        needed = {"login", "tenancy"} | ({"role"} if writes else set())
        lacking = needed - COVERAGE.get(route, set())
        if lacking:
            missing.append(f"{route}: {', '.join(sorted(lacking))}")
    return missing


def test_it_covers_every_api_route() -> None:
    assert _missing(_api_routes()) == []


def test_it_covers_every_page() -> None:
    routes = _html_routes()
    assert "desk:queue" in routes and "portal:home" in routes
    assert _missing(routes) == []
