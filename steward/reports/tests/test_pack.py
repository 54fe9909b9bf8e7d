"""The review pack as the client's board reads it: every section with its numbers, in the
client's language (Chinese drawn with a Chinese font, Greek with its own number formats),
charts drawn as SVG whose words stay text, sections without data said so, and the posture
and exit-readiness only for a client that keeps them."""

from __future__ import annotations

import io
import re
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from steward.desk.models import Ticket
from steward.reports import charts, downtime, pack, recurring
from steward.reports import scorecard as scorecard_mod
from steward.reports.models import (
    Decision,
    Problem,
    Recommendation,
    Review,
    ReviewAction,
)
from steward.reports.period import Period
from steward.reports.tests import pack_fakes
from steward.test import World, make_ticket, world
from steward.vault import posture
from steward.vault.models import Vendor

pytestmark = pytest.mark.django_db
ATHENS = ZoneInfo("Europe/Athens")
Q3 = Period(date(2026, 7, 1), date(2026, 9, 30))
NOW = datetime(2026, 10, 2, 9, tzinfo=ATHENS)


@pytest.fixture
def w(monkeypatch: pytest.MonkeyPatch) -> World:
    monkeypatch.setattr(scorecard_mod, "scorecard", pack_fakes.scorecard)
    monkeypatch.setattr(downtime, "value", pack_fakes.value)
    monkeypatch.setattr(recurring, "clusters", pack_fakes.clusters)
    return world()


def _quarter_of_tickets(w: World) -> None:
    """Nine tickets in Q3: P1..P4, incidents and service requests; one outside it."""
    for n, (priority, kind) in enumerate(
        [("P1", "incident"), ("P2", "incident"), ("P2", "service_request"), ("P3", "incident"),
         ("P3", "incident"), ("P3", "service_request"), ("P4", "service_request"),
         ("P4", "service_request"), ("P4", "incident")]
    ):  # fmt: skip
        at = datetime(2026, 7, 3, 10, tzinfo=ATHENS) + timedelta(days=9 * n)
        t = make_ticket(w.acme, title=f"Ticket {n}", at=at)
        Ticket.objects.filter(pk=t.pk).update(priority=priority, kind=kind)
    make_ticket(w.acme, title="Before", at=datetime(2026, 6, 20, tzinfo=ATHENS))


def _advice_and_reviews(w: World) -> None:
    inside = datetime(2026, 8, 10, 9, tzinfo=ATHENS)
    incident = make_ticket(w.acme, title="Mail server down", at=inside)
    review = Review.objects.create(
        ticket=incident, what_happened="The disk filled up", how_to_avoid="Alert at 80 %"
    )
    ReviewAction.objects.create(review=review, title="Add a disk alert", done=True)
    ReviewAction.objects.create(
        review=review, title="Move logs off the disk", due=date(2026, 10, 31)
    )
    problem = Problem.objects.create(
        organization=w.acme, title="Backups fail on Fridays", root_cause="Tape rotation",
        created_at=inside,
    )  # fmt: skip
    problem.tickets.add(incident)
    advice = Recommendation.objects.create(
        organization=w.acme, title="Replace the firewall", rationale="Out of support in March",
        cost_once=Decimal("2400.00"), provider_interest="We sell it", created_at=inside,
    )  # fmt: skip
    Decision.objects.create(recommendation=advice, decision="accepted", by=w.acme_admin, at=inside)
    Problem.objects.create(organization=w.globex, title="Globex only problem", created_at=inside)


def pdf_text(pdf: bytes) -> str:
    """The words of every page, as a reader's search or copy finds them, on one line (a
    phrase wrapped in its table cell still reads as one)."""
    text = " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(text.replace("\xa0", " ").replace("\u202f", " ").split())


def pdf_fonts(pdf: bytes) -> set[str]:
    """The fonts the pages draw with, charts' included (they are XObjects of the page)."""
    names: set[str] = set()

    def walk(resources: Any) -> None:
        resources = resources.get_object() if resources is not None else {}
        for font in (resources.get("/Font") or {}).values():
            names.add(str(font.get_object().get("/BaseFont")))
        for xobject in (resources.get("/XObject") or {}).values():
            walk(xobject.get_object().get("/Resources"))

    for page in PdfReader(io.BytesIO(pdf)).pages:
        walk(page.get("/Resources"))
    return names


def test_it_gathers_every_section(w: World) -> None:
    _quarter_of_tickets(w)
    _advice_and_reviews(w)
    data = pack.gather(w.acme, Q3, now=NOW)
    assert data["tickets"]["total"] == 10  # nine, plus the reviewed incident
    assert ("P3", 3, 1) in data["tickets"]["by_priority"]  # the incident is a P3 too
    assert [o for _m, o, _r in data["tickets"]["months"]] == [4, 4, 2]
    assert data["kpis"][0]["key"] == "sla_compliance" and data["kpis"][0]["trend"] == "better"
    reopened = next(r for r in data["kpis"] if r["key"] == "reopened_percent")
    assert (reopened["trend"], reopened["up"]) == ("better", False)  # down is better
    assert [p.title for p in data["problems"]] == ["Backups fail on Fridays"]
    assert data["reviews"][0]["done"] == 1 and len(data["reviews"][0]["actions"]) == 2
    assert [d.decision for d in data["advice"]["decisions"]] == ["accepted"]
    assert data["downtime"]["minutes"] == 317 and data["downtime"]["rows"][0]["minutes"] == 192
    assert data["posture"] is None and data["exit"] is None  # never kept: left out


def test_the_english_pdf_has_every_section_and_its_numbers(w: World) -> None:
    _quarter_of_tickets(w)
    _advice_and_reviews(w)
    pdf = pack.render_pdf(w.acme, Q3, now=NOW)
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    for heading in (
        "Service review", "Summary", "Scorecard against the targets", "Tickets",
        "Downtime and its cost", "Maintenance done", "Problems and reviews",
        "Recommendations and decisions", "Time used and spend against the agreement",
    ):  # fmt: skip
        assert heading in text, heading
    assert "3rd quarter 2026" in text and "1 July 2026 – 30 September 2026" in text
    assert "96.4 %" in text and "target 95.0 %" in text  # SLA against its target
    assert "5 h 17 min" in text and "€4,870.00" in text  # downtime and its cost
    assert "412 tickets were opened in the period and 398 resolved" in text
    assert "4.6" in text and "32.9 % of surveys answered" in text
    assert "Backups fail on Fridays" in text and "Replace the firewall" in text
    assert "€2,400.00" in text and "Move logs off the disk" in text
    assert "Printer on 2F does not print" in text  # the recurring cluster
    # Charts: their labels and values are text in the PDF, not pictures of text.
    assert "Incident" in text and "Service request" in text and "Jul 2026" in text
    assert "Security and exit-readiness" not in text  # the client keeps neither
    assert re.search(r"\b2 / \d\b", text)  # page numbers in the footer


def test_a_chinese_clients_pack_is_in_chinese(w: World) -> None:
    w.acme.language = "zh-hans"
    w.acme.save()
    _quarter_of_tickets(w)
    pdf = pack.render_pdf(w.acme, Q3, now=NOW)
    assert any("CJK" in name for name in pdf_fonts(pdf))  # scripts/system-deps installs it
    text = pdf_text(pdf)
    for heading in ("服务回顾", "概览", "对照目标的记分卡", "停机时间及其成本", "问题与回顾"):
        assert heading in text, heading
    assert "2026年第3季度" in text
    assert "本期共新建 412 个工单，解决 398 个" in text
    assert "5 小时 17 分钟" in text and "€4,870.00" in text
    assert "事件" in text and "服务请求" in text  # the chart's legend, drawn with a CJK font


def test_a_greek_clients_pack_writes_numbers_the_greek_way(w: World) -> None:
    w.acme.language = "el"
    w.acme.save()
    text = pdf_text(pack.render_pdf(w.acme, Q3, now=NOW))
    for heading in ("Ανασκόπηση υπηρεσιών", "Σύνοψη", "Αποτελέσματα έναντι των στόχων"):
        assert heading in text, heading
    assert "96,4 %" in text and "4.870,00 €" in text
    assert "3ο τρίμηνο 2026" in text
    # Downloaded by an English-speaking technician, it stays the client's document.
    assert "Summary" not in text


def test_a_section_without_data_says_so(w: World, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(downtime, "value", pack_fakes.empty_value)
    monkeypatch.setattr(recurring, "clusters", lambda org, period: [])
    text = pdf_text(pack.render_pdf(w.acme, Q3, now=NOW))
    for said in (
        "No tickets were opened in this period.",
        "No downtime was recorded in this period.",
        "No maintenance was planned in this period.",
        "No problems were open in this period.",
        "No incident in this period needed a review.",
        "No recommendations were made or awaiting a decision in this period.",
    ):
        assert said in text, said


def test_posture_and_exit_readiness_appear_where_kept(w: World) -> None:
    posture.update(w.acme, "ce.firewalls", w.tech, {"status": "met"})
    posture.update(w.acme, "ce.malware", w.tech, {"status": "not_met", "owner": "Office IT"})
    Vendor.objects.create(organization=w.acme, name="ISP", kind="isp", account_holder="client")
    html = pack.render_html(w.acme, Q3, now=NOW)
    assert "Security and exit-readiness" in html and "Office IT" in html
    assert "Malware protection" in html  # a gap to close
    assert "Accounts the client holds itself" in html
    text = pdf_text(pack.render_pdf(w.acme, Q3, now=NOW))
    assert "2 of " in text and "controls reviewed" in text


def test_charts_are_svg_with_their_words_as_text() -> None:
    svg = charts.grouped_bars(
        "Tickets", ["P1", "P2"], [charts.Series("Εισερχόμενα", [3, 1200], charts.NAVY)], "el"
    )
    assert svg.startswith("<svg") and 'aria-label="Tickets"' in svg
    assert "Εισερχόμενα" in svg and "1.200" in svg  # Greek thousands, as text
    assert "font-family" in svg and "DejaVu Sans" in svg
    chinese = charts.split_bar("维护", [("按时", 3, charts.GREEN)], "zh-hans")
    assert "按时" in chinese and "Noto Sans CJK SC" in chinese


def test_the_file_is_named_for_the_client_and_period(w: World) -> None:
    assert pack.filename(w.acme, Q3) == f"review-{w.acme.code}-2026-07-01-2026-09-30.pdf"


def test_a_clients_name_cannot_break_the_running_header(w: World) -> None:
    w.acme.name = 'Acme "</style><script>x</script>'
    w.acme.save()
    html = pack.render_html(w.acme, Q3, now=NOW)
    style = html.split("</style>", 1)[0]
    assert "<script>" not in style and '"</style>' not in style
