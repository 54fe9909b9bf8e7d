"""The advice pages: the desk's log and form, the client administrator's decision in the
portal, the financial interest wherever advice is shown, and declined advice shown next to
the tickets that came after it."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from steward.accounts.models import Role
from steward.reports import advice
from steward.reports.models import Decision, Recommendation
from steward.test import ScanningClient, World, covers, make_ticket, make_user, world
from steward.vault.models import Asset, PostureControl, TicketAsset

pytestmark = pytest.mark.django_db

INTEREST = "We resell this firewall at 15% margin."


@pytest.fixture
def w() -> World:
    return world()


def _rec(w: World, org: Any = None, **kw: Any) -> Recommendation:
    data: dict[str, Any] = {
        "title": "Replace the office firewall",
        "rationale": "The current one is out of support since 2025.",
        "risk_if_declined": "No security updates.",
        "cost_once": Decimal("850"),
        "cost_monthly": Decimal("12.50"),
        "provider_interest": INTEREST,
    }
    data.update(kw)
    return advice.save(Recommendation(organization=org or w.acme), data, w.tech)


@covers(
    "reports:advice",
    "reports:recommendation",
    "reports:recommendation_new",
    "reports:recommendation_edit",
    kinds=("login", "tenancy", "role"),
)
def test_staff_keep_the_advice_log(w: World) -> None:
    client = ScanningClient(w.tech)
    new = reverse("reports:recommendation_new", args=[w.acme.pk])
    form = {
        "title": "MFA for every mailbox",
        "rationale": "Two phishing incidents this year.",
        "risk_if_declined": "A stolen password opens the mailbox.",
        "cost_once": "0",
        "cost_monthly": "",
        "provider_interest": "   ",
    }
    refused = client.post(new, form)
    assert refused.status_code == 200 and not Recommendation.objects.exists()
    response = client.post(new, {**form, "provider_interest": "none"})
    assert response.status_code == 302
    rec = Recommendation.objects.get()
    log = client.get(reverse("reports:advice", args=[w.acme.pk])).content.decode()
    assert "MFA for every mailbox" in log and "Our financial interest" in log and "none" in log
    detail = client.get(reverse("reports:recommendation", args=[rec.pk])).content.decode()
    assert "Two phishing incidents" in detail and "No decision yet." in detail
    edit = reverse("reports:recommendation_edit", args=[rec.pk])
    assert (
        client.post(edit, {**form, "provider_interest": "none", "cost_once": "40"}).status_code
        == 302
    )
    rec.refresh_from_db()
    assert rec.cost_once == Decimal("40")
    theirs = _rec(w, w.globex, title="Globex firewall globex-marker-9c07")
    for name, args in (
        ("reports:advice", [w.globex.pk]),
        ("reports:recommendation_new", [w.globex.pk]),
        ("reports:recommendation", [theirs.pk]),
        ("reports:recommendation_edit", [theirs.pk]),
    ):
        assert client.get(reverse(name, args=args)).status_code == 404, name
        assert ScanningClient(w.acme_admin).get(reverse(name, args=args)).status_code == 404
        assert ScanningClient().get(reverse(name, args=args)).status_code == 302


def test_a_link_to_another_organization_is_refused_on_the_form(w: World) -> None:
    theirs = Asset.objects.create(organization=w.globex, name="GX-FW", kind="network")
    response = ScanningClient(w.manager).post(
        reverse("reports:recommendation_new", args=[w.acme.pk]),
        {"title": "x", "rationale": "y", "provider_interest": "none", "asset": theirs.pk},
    )
    assert response.status_code == 200 and not Recommendation.objects.exists()


@covers(
    "reports_portal:advice", "reports_portal:recommendation", kinds=("login", "tenancy", "role")
)
def test_the_client_admin_decides_in_the_portal_and_every_decision_is_kept(w: World) -> None:
    rec = _rec(w)
    client = ScanningClient(w.acme_admin)
    log = client.get(reverse("reports_portal:advice")).content.decode()
    assert "Replace the office firewall" in log and INTEREST in log
    url = reverse("reports_portal:recommendation", args=[rec.pk])
    page = client.get(url).content.decode()
    assert INTEREST in page and "Record my decision" in page
    for decision, note in (("deferred", "After the audit"), ("declined", ""), ("accepted", "OK")):
        assert client.post(url, {"decision": decision, "note": note}).status_code == 302
    assert [(d.decision, d.by, d.note) for d in Decision.objects.order_by("at", "id")] == [
        ("deferred", w.acme_admin, "After the audit"),
        ("declined", w.acme_admin, ""),
        ("accepted", w.acme_admin, "OK"),
    ]
    rec.refresh_from_db()
    assert rec.status == "accepted"
    page = client.get(url).content.decode()
    assert page.count("Alice Acme") >= 3 and "After the audit" in page
    assert client.post(url, {"decision": "maybe"}).status_code == 200
    assert Decision.objects.count() == 3
    # Client users, other organizations and staff do not decide here.
    assert ScanningClient(w.acme_user).get(url).status_code == 404
    assert ScanningClient(w.acme_user).post(url, {"decision": "declined"}).status_code == 404
    assert ScanningClient(w.acme_user).get(reverse("reports_portal:advice")).status_code == 404
    globex_admin = make_user(Role.CLIENT_ADMIN, w.globex)
    assert ScanningClient(globex_admin).get(url).status_code == 404
    assert ScanningClient(w.tech).get(url).status_code == 302
    assert ScanningClient().get(url).status_code == 302
    assert Decision.objects.count() == 3


def test_declined_advice_is_shown_next_to_a_later_ticket_on_the_same_asset(w: World) -> None:
    firewall = Asset.objects.create(organization=w.acme, name="FW-01", kind="network")
    rec = _rec(w, asset=firewall.pk)
    advice.decide(
        rec, w.acme_admin, "declined", "Too dear", now=timezone.now() - timedelta(days=30)
    )
    before = timezone.now() - timedelta(days=40)
    old = make_ticket(w.acme, title="Old firewall ticket", at=before)
    TicketAsset.objects.create(ticket=old, asset=firewall)
    later = make_ticket(w.acme, title="Firewall let ransomware in", requester=w.acme_admin)
    TicketAsset.objects.create(ticket=later, asset=firewall)
    unrelated = make_ticket(w.acme, title="Printer jam")
    desk = ScanningClient(w.tech)
    panel = desk.get(reverse("reports:ticket_panel", args=[later.pk])).content.decode()
    assert "This was advised and declined on" in panel and "Replace the office firewall" in panel
    for other in (old, unrelated):
        page = desk.get(reverse("reports:ticket_panel", args=[other.pk])).content.decode()
        assert "advised and declined" not in page
    detail = desk.get(reverse("reports:recommendation", args=[rec.pk])).content.decode()
    assert "Firewall let ransomware in" in detail and "Old firewall ticket" not in detail
    portal = ScanningClient(w.acme_admin).get(
        reverse("reports_portal:recommendation", args=[rec.pk])
    )
    text = portal.content.decode()
    assert "Since it was declined" in text and "Firewall let ransomware in" in text


def test_a_declined_control_matters_through_the_assets_it_covers(w: World) -> None:
    laptop = Asset.objects.create(organization=w.acme, name="LT-07", kind="laptop")
    control = PostureControl.objects.create(organization=w.acme, control="ce.malware")
    control.assets.add(laptop)
    rec = _rec(w, control=control.pk, title="Managed antivirus")
    advice.decide(rec, w.acme_admin, "declined", "", now=timezone.now() - timedelta(days=2))
    ticket = make_ticket(w.acme, title="Laptop infected")
    TicketAsset.objects.create(ticket=ticket, asset=laptop)
    assert [t.pk for t in advice.later_tickets(rec, w.tech)] == [ticket.pk]
    assert [h.recommendation.pk for h in advice.declined_before(ticket, w.tech)] == [rec.pk]
    # Accepted later: no longer declined advice.
    advice.decide(rec, w.acme_admin, "accepted")
    assert advice.later_tickets(rec, w.tech) == []
    assert advice.declined_before(ticket, w.tech) == []


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "Our financial interest"),
        ("zh-hans", "我们的经济利益"),
        ("el", "Το οικονομικό μας συμφέρον"),
    ],
)
def test_the_pages_speak_the_reader_s_language(w: World, lang: str, words: str) -> None:
    rec = _rec(w)
    for user in (w.tech, w.acme_admin):
        user.language = lang
        user.save()
    desk = ScanningClient(w.tech)
    for url in (
        reverse("reports:advice", args=[w.acme.pk]),
        reverse("reports:recommendation", args=[rec.pk]),
    ):
        assert words in desk.get(url).content.decode(), url
    portal = ScanningClient(w.acme_admin)
    for url in (
        reverse("reports_portal:advice"),
        reverse("reports_portal:recommendation", args=[rec.pk]),
    ):
        assert words in portal.get(url).content.decode(), url
