"""The main pages read fully in Chinese and Greek: no English label left on them.

The words to look for are the English catalog's own: every msgid of two words or more (or a
two-word run of one between its placeholders). A page in zh-Hans or el that still shows one
has a string that was never translated, or was rendered outside the viewer's language. User
data (names, titles, descriptions) is taken out of the text first.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from steward.billing import invoices, quotes, time
from steward.contracts.models import Agreement
from steward.desk import actions
from steward.desk.models import Ticket
from steward.monitoring import actions as monitoring
from steward.monitoring.models import Flip
from steward.reports import advice, reviews, surveys
from steward.reports.models import Problem, Recommendation, Survey
from steward.test import ScanningClient, World, make_ticket, world
from steward.vault import actions_docs as vault_docs
from steward.vault import actions_secrets as vault_secrets
from steward.vault import audit as vault_audit
from steward.vault import posture
from steward.vault.models import Asset, Credential, Document, TicketAsset, Vendor

pytestmark = pytest.mark.django_db

LOCALE = Path(settings.BASE_DIR) / "locale"
# Shown as they are in every language: protocol and product names.
UNTRANSLATED_BY_DESIGN = {"Message-ID", "SSL/TLS", "STARTTLS", "IMAP", "Steward"}


@cache
def english_labels() -> frozenset[str]:
    """The catalog's msgids, and the runs between their placeholders, of two words or more
    that a translation changes."""
    catalog = read_po((LOCALE / "el" / "LC_MESSAGES" / "django.po").open("rb"))
    labels = set()
    for message in catalog:
        if not message.id or message.id in UNTRANSLATED_BY_DESIGN:
            continue
        msgid = str(message.id[0] if isinstance(message.id, (tuple, list)) else message.id)
        for run in re.split(r"%\(\w+\)[sd]|%[sd]|\{\w*\}", msgid):
            run = run.strip(" .,:;()[]·–-—\n")
            if len(re.findall(r"[A-Za-z]+", run)) >= 2 and run != message.string:
                labels.add(run)
    return frozenset(labels)


class _Text(HTMLParser):
    """What a reader sees: text outside scripts and styles, and the labels in attributes."""

    ATTRIBUTES = ("title", "placeholder", "aria-label", "alt", "data-confirm")

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        self.parts.extend(value or "" for name, value in attrs if name in self.ATTRIBUTES)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str, user_data: list[str]) -> str:
    parser = _Text()
    parser.feed(html)
    text = " \n ".join(parser.parts)
    for value in sorted(user_data, key=len, reverse=True):
        text = text.replace(value, " ")
    return text


def english_left(text: str) -> list[str]:
    return sorted(
        label
        for label in english_labels()
        if re.search(r"(?<![\w])" + re.escape(label) + r"(?![\w])", text)
    )


def test_the_word_list_catches_an_english_label() -> None:
    # The check itself: an English label in a page's text is found, user data is not.
    page = '<h2 title="Stop timer">Time and scope</h2><p>Printer on fire</p><script>x="Log time"'
    assert english_left(visible_text(page, ["Printer on fire"])) == ["Stop timer", "Time and scope"]


@pytest.mark.slow
@pytest.mark.parametrize("language", ["zh-hans", "el"])
def test_the_main_pages_have_no_english_left(language: str) -> None:
    w = world()
    for person in (w.tech, w.manager, w.acme_admin):
        person.language = language
        person.save(update_fields=["language"])
    agreement = Agreement.objects.get(organization=w.acme)
    ticket = make_ticket(w.acme, requester=w.acme_admin, title="Drucker 7", description="Toner 42")
    actions.post_message(ticket, w.tech, "Toner 43")
    actions.post_message(ticket, w.acme_admin, "Toner 44")
    time.log_time(ticket, w.tech, 80, "Toner 45")
    quotes.request_quote(ticket, w.tech, "Toner 46", Decimal("2.5"))
    invoice = invoices.draft_invoice(agreement, date(2026, 11, 1))
    beat = monitoring.save_check(w.acme, monitoring.CheckInput(name="Drucker 8", kind="heartbeat"))
    monitoring.ping(beat.code, monitoring.PingIn(kind="success", body="Toner 47"))
    shop = monitoring.save_check(
        w.acme,
        monitoring.CheckInput(
            name="Drucker 9", kind="http", target="https://shop.example/", expect={"status": [200]}
        ),
    )
    monitoring.record_result(shop, ok=True, at=timezone.now(), duration_ms=80, detail="Toner 48")
    monitoring.record_result(shop, ok=True, at=timezone.now(), duration_ms=95, detail="Toner 48")
    window = monitoring.save_window(
        w.acme,
        monitoring.WindowInput(
            starts=timezone.now(), ends=timezone.now() + timedelta(hours=2), rrule="FREQ=WEEKLY",
            reason="Toner 49",
        ),
        None,
    )  # fmt: skip
    secret = vault_secrets.create_credential(
        w.acme, w.acme_admin, name="Drucker 10", username="Toner 50", secret="Toner 51",
        url="https://drucker.example/", totp="JBSWY3DPEHPK3PXP",
    )  # fmt: skip
    vault_secrets.reveal(secret, w.tech, "Toner 52")
    vault_audit.checkpoint(w.acme)
    asset = Asset.objects.create(
        organization=w.acme, name="Drucker 10", kind="printer", custom={"Toner 50": "Toner 51"}
    )
    vendor = Vendor.objects.create(
        organization=w.acme, name="Drucker 11", kind="isp", account_holder="provider"
    )
    doc = vault_docs.save_document(Document(organization=w.acme), "Drucker 12", "Toner 52", w.tech)
    vault_docs.save_document(doc, "Drucker 12", "Toner 53", w.tech)
    flips = list(Flip.objects.values_list("reason", flat=True))
    hosting = Vendor.objects.create(
        organization=w.acme, name="Drucker 9", kind="hosting", account_holder="provider"
    )
    Asset.objects.create(organization=w.acme, name="Drucker 10", kind="laptop", os="Windows")
    Credential.objects.create(
        organization=w.acme, name="Drucker 11", username="Toner 50", vendor=hosting,
        last_revealed_at=timezone.now(), last_revealed_by=w.tech,
    )  # fmt: skip
    posture.update(
        w.acme, "ce.malware", w.tech,
        {"status": "partial", "owner": "Toner 51", "evidence": "Toner 52",
         "review_by": timezone.localdate() - timedelta(days=1)},
    )  # fmt: skip
    user_data = [
        ticket.number, ticket.title, "Toner 42", "Toner 43", "Toner 44", "Toner 45", "Toner 46",
        w.acme.name, w.globex.name, agreement.name, w.policy.name, w.calendar.name,
        w.tech.name, w.manager.name, w.acme_admin.name, w.acme_admin.email, w.tech.email,
        w.manager.email, invoice.display_number, "Europe/Athens",
        *(line.description for line in invoice.lines.all()),
        beat.name, shop.name, beat.ping_url, shop.target, "Toner 47", "Toner 48", window.reason,
        "FREQ=WEEKLY", *flips, "Drucker 9", "Drucker 10", "Drucker 11", "Toner 50", "Toner 51",
        "Toner 52", "Toner 53", "Windows", secret.url, f"credential:{secret.pk}", doc.title,
    ]  # fmt: skip
    desk, manager, portal = (
        ScanningClient(w.tech),
        ScanningClient(w.manager),
        ScanningClient(w.acme_admin),
    )
    pages = {
        "desk dashboard": (desk, reverse("desk:dashboard")),
        "queue": (desk, reverse("desk:queue")),
        "desk ticket": (desk, reverse("desk:ticket", args=[ticket.number])),
        "agreements": (manager, reverse("billing:agreements")),
        "agreement": (manager, reverse("billing:agreement", args=[agreement.pk])),
        "invoice": (manager, reverse("billing:invoice", args=[invoice.pk])),
        "desk value page": (manager, reverse("billing:value", args=[w.acme.pk])),
        "account": (desk, reverse("accounts:profile")),
        "tokens": (desk, reverse("accounts:tokens")),
        "portal home": (portal, reverse("portal:home")),
        "portal ticket": (portal, reverse("portal:ticket", args=[ticket.number])),
        "portal agreements": (portal, reverse("billing_portal:agreements")),
        "portal invoices": (portal, reverse("billing_portal:invoices")),
        "portal value page": (portal, reverse("billing_portal:value")),
        "downtime page": (manager, reverse("reports:downtime", args=[w.acme.pk])),
        "portal downtime page": (portal, reverse("reports_portal:downtime")),
        "portal account": (portal, reverse("accounts:profile")),
        "monitoring board": (desk, reverse("monitoring:board")),
        "heartbeat page": (desk, reverse("monitoring:check", args=[beat.pk])),
        "http check page": (desk, reverse("monitoring:check", args=[shop.pk])),
        "new check": (desk, reverse("monitoring:check_new")),
        "edit check": (desk, reverse("monitoring:check_edit", args=[shop.pk])),
        "delete check": (desk, reverse("monitoring:check_delete", args=[shop.pk])),
        "maintenance windows": (desk, reverse("monitoring:windows")),
        "new window": (desk, reverse("monitoring:window_new")),
        "portal monitoring": (portal, reverse("monitoring_portal:home")),
        "exit readiness": (manager, reverse("vault:exit", args=[w.acme.pk])),
        "posture": (desk, reverse("vault:posture", args=[w.acme.pk])),
        "portal exit readiness": (portal, reverse("vault_portal:exit")),
        "portal posture": (portal, reverse("vault_portal:posture")),
        "scorecard": (desk, reverse("reports:scorecard", args=[w.acme.pk])),
        "portal scorecard": (portal, reverse("reports_portal:scorecard")),
        "vault credentials": (desk, reverse("vault:credentials", args=[w.acme.pk])),
        "vault new credential": (desk, reverse("vault:credential_new", args=[w.acme.pk])),
        "vault edit credential": (
            desk,
            reverse("vault:credential_edit", args=[w.acme.pk, secret.pk]),
        ),
        "vault reveal": (desk, reverse("vault:credential_reveal", args=[w.acme.pk, secret.pk])),
        "vault delete": (desk, reverse("vault:credential_delete", args=[w.acme.pk, secret.pk])),
        "vault access": (desk, reverse("vault:access", args=[w.acme.pk])),
        "vault audit": (desk, reverse("vault:audit", args=[w.acme.pk])),
        "portal credentials": (portal, reverse("vault_portal:credentials")),
        "portal at risk": (portal, reverse("vault_portal:at_risk")),
        "portal who may reveal": (portal, reverse("vault_portal:access")),
        "portal audit log": (portal, reverse("vault_portal:audit")),
        "vault home": (desk, reverse("vault:home")),
        "vault overview": (desk, reverse("vault:org", args=[w.acme.pk])),
        "portal knowledge": (portal, reverse("vault_portal:home")),
        "reports home": (desk, reverse("reports:home")),
        "desk review pack": (desk, reverse("reports:pack", args=[w.acme.pk])),
        "portal review pack": (portal, reverse("reports_portal:pack")),
    }
    pages.update(
        {
            "vault assets": (desk, reverse("vault:assets", args=[w.acme.pk])),
            "vault asset": (desk, reverse("vault:asset", args=[w.acme.pk, asset.pk])),
            "vault asset form": (desk, reverse("vault:asset_edit", args=[w.acme.pk, asset.pk])),
            "vault import": (desk, reverse("vault:asset_import", args=[w.acme.pk])),
            "vault vendors": (desk, reverse("vault:vendors", args=[w.acme.pk])),
            "vault vendor form": (
                desk,
                reverse("vault:vendor_edit", args=[w.acme.pk, vendor.pk]),
            ),
            "vault documents": (desk, reverse("vault:documents", args=[w.acme.pk])),
            "vault document": (desk, reverse("vault:document", args=[w.acme.pk, doc.pk])),
            "vault history": (
                desk,
                reverse("vault:document_history", args=[w.acme.pk, doc.pk]),
            ),
            "vault revision": (
                desk,
                reverse("vault:document_revision", args=[w.acme.pk, doc.pk, 1]),
            ),
            "portal assets": (portal, reverse("vault_portal:assets")),
            "portal asset": (portal, reverse("vault_portal:asset", args=[asset.pk])),
            "portal vendors": (portal, reverse("vault_portal:vendors")),
            "portal documents": (portal, reverse("vault_portal:documents")),
            "portal document": (portal, reverse("vault_portal:document", args=[doc.pk])),
            "portal document form": (
                portal,
                reverse("vault_portal:document_edit", args=[doc.pk]),
            ),
        }
    )
    # Satisfaction: one answer (low), one survey waiting, read on the desk and in the portal,
    # and the mailed link (its page speaks the requester's language: the client admin asked).
    rated = make_ticket(w.acme, requester=w.acme_admin, title="Drucker 13")
    actions.change_status(rated, "resolved", w.tech)
    surveys.answer(Survey.objects.get(ticket=rated), 2, "Toner 54", w.acme_admin)
    waiting = make_ticket(w.acme, requester=w.acme_admin, title="Drucker 14")
    actions.change_status(waiting, "resolved", w.tech)
    link = reverse("surveys:answer", args=[surveys.token(Survey.objects.get(ticket=waiting))])
    user_data += [rated.number, waiting.number, "Drucker 13", "Drucker 14", "Toner 54"]
    pages.update(
        {
            "satisfaction": (manager, reverse("reports:surveys")),
            "desk ticket reports card": (desk, reverse("reports:ticket_panel", args=[rated.pk])),
            "portal survey": (portal, reverse("reports_portal:survey", args=[waiting.number])),
            "portal ticket reports card": (
                portal,
                reverse("reports_portal:ticket_panel", args=[rated.number]),
            ),
            "survey link": (ScanningClient(), link),
            "survey link answered": (
                ScanningClient(),
                reverse("surveys:answer", args=[surveys.token(Survey.objects.get(ticket=rated))]),
            ),
        }
    )
    # Reports, problems: a recurring group with a problem (a known error) opened for it.
    repeated = [make_ticket(w.acme, title="Drucker 13", description="Toner 54") for _ in range(3)]
    known = Problem.objects.create(
        organization=w.acme, title="Drucker 14", status="known_error", owner=w.tech,
        root_cause="Toner 55", workaround="Toner 56",
    )  # fmt: skip
    known.tickets.set(repeated)
    user_data += ["Drucker 13", "Drucker 14", "Toner 54", "Toner 55", "Toner 56"]
    user_data += [t.number for t in repeated]
    pages.update(
        {
            "recurring": (desk, reverse("reports:recurring", args=[w.acme.pk])),
            "problems": (desk, reverse("reports:problems")),
            "problem": (desk, reverse("reports:problem", args=[known.pk])),
            "portal problems": (portal, reverse("reports_portal:problems")),
            "portal problem": (portal, reverse("reports_portal:problem", args=[known.pk])),
            "ticket panel with a known error": (
                desk,
                reverse("reports:ticket_panel", args=[make_ticket(w.acme, title="Drucker 13").pk]),
            ),
        }
    )
    pages.update(_reports_advice_pages(w, ticket, asset, desk, manager, portal, user_data))
    left = {}
    for name, (client, url) in pages.items():
        response = client.get(url)
        assert response.status_code == 200, f"{name}: {response.status_code}"
        found = english_left(visible_text(response.content.decode(), user_data))
        if found:
            left[name] = found
    assert not left, (
        f"English left on {language} pages: {left}. Translate these strings in a table in "
        "scripts/i18n/ and run `make messages`; a string shown outside the viewer's language "
        "(a label made at import time, a mail or page rendered in another language) needs "
        "gettext_lazy or translation.override."
    )


def _reports_advice_pages(
    w: World,
    ticket: Ticket,
    asset: Asset,
    desk: ScanningClient,
    manager: ScanningClient,
    portal: ScanningClient,
    user_data: list[str],
) -> dict[str, tuple[ScanningClient, str]]:
    """A review with an overdue action, an unreviewed resolved P1, and advice declined on an
    asset that a later ticket is about: the review and advice pages and their cards."""
    reviews.save_review(
        ticket,
        w.tech,
        {"what_happened": "Toner 60", "how_fixed": "Toner 61", "how_to_avoid": "Toner 62"},
        [reviews.ActionIn("Toner 63", w.tech.pk, timezone.localdate() - timedelta(days=2))],
    )
    outage = make_ticket(w.acme, impact="high", urgency="high", title="Drucker 13")
    actions.change_status(outage, "resolved", w.tech)
    data = {"title": "Drucker 14", "rationale": "Toner 64", "risk_if_declined": "Toner 65",
            "cost_once": Decimal("100"), "provider_interest": "Toner 66",
            "asset": asset.pk}  # fmt: skip
    rec = advice.save(Recommendation(organization=w.acme), data, w.tech)
    advice.decide(rec, w.acme_admin, "declined", "Toner 67", now=timezone.now() - timedelta(days=1))
    later = make_ticket(w.acme, requester=w.acme_admin, title="Drucker 15")
    TicketAsset.objects.create(ticket=later, asset=asset)
    user_data += [outage.number, outage.title, later.number, later.title, "Drucker 14"]
    user_data += [f"Toner {n}" for n in range(60, 68)]
    return {
        "reviews": (manager, reverse("reports:reviews")),
        "review form": (desk, reverse("reports:review", args=[ticket.number])),
        "portal review": (portal, reverse("reports_portal:review", args=[ticket.number])),
        "dashboard reviews card": (manager, reverse("reports:dashboard_panel")),
        "ticket reports card": (desk, reverse("reports:ticket_panel", args=[later.pk])),
        "advice log": (desk, reverse("reports:advice", args=[w.acme.pk])),
        "recommendation": (desk, reverse("reports:recommendation", args=[rec.pk])),
        "recommendation form": (desk, reverse("reports:recommendation_edit", args=[rec.pk])),
        "new recommendation": (desk, reverse("reports:recommendation_new", args=[w.acme.pk])),
        "portal advice": (portal, reverse("reports_portal:advice")),
        "portal recommendation": (portal, reverse("reports_portal:recommendation", args=[rec.pk])),
    }
