"""The quarterly review pack: one document a provider hands a client's board, with the
scorecard against the targets, tickets, downtime and its cost, maintenance, problems and
reviews, advice and decisions, security posture and exit-readiness (where the client has them)
and the time and money spent under the agreement.

`gather` collects the numbers (no formatting, no language); `context` adds what the page shows
in the client's language (charts, formatted KPI values); `render_html` and `render_pdf` draw
it. The pack is always in the client's language, whoever downloads it: it is the client's
document. A section without data says so rather than disappearing, so a reader can tell
"nothing happened" from "not reported"; posture and exit-readiness appear only for clients
that keep them."""

from __future__ import annotations

import base64
import zoneinfo
from collections import Counter
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from steward.accounts.models import Organization, Provider
from steward.contracts.models import Agreement
from steward.desk.models import Kind, Priority, Ticket
from steward.lib.formats import format_date
from steward.monitoring.models import Check
from steward.reports import charts, downtime, recurring
from steward.reports import scorecard as scorecard_mod
from steward.reports.models import AdviceStatus, Decision, Problem, Recommendation, Review
from steward.reports.period import Period
from steward.reports.value import compare_costs
from steward.vault import posture, readiness
from steward.vault.models import PostureControl, PostureStatus

# The scorecard's measures in the order a board reads them, with how each is written and
# which way is better (as the agreement's targets: a floor or a ceiling).
KPI_ROWS: tuple[tuple[str, str, str], ...] = (
    ("sla_compliance", "percent", ">="),
    ("median_first_response_minutes", "minutes", "<="),
    ("median_resolution_hours", "hours", "<="),
    ("first_contact_resolution_percent", "percent", ">="),
    ("reopened_percent", "percent", "<="),
    ("csat", "rating", ">="),
)
# The longest downtime intervals listed; the total counts them all.
DOWNTIME_ROWS = 10


def kpi_label(key: str) -> str:
    return {
        "sla_compliance": _("Tickets within their SLA targets"),
        "median_first_response_minutes": _("Median first response"),
        "median_resolution_hours": _("Median resolution"),
        "first_contact_resolution_percent": _("Resolved at first contact"),
        "reopened_percent": _("Tickets reopened"),
        "csat": _("Client satisfaction, 1 to 5"),
    }[key]


# --- The numbers ------------------------------------------------------------------------


def gather(org: Organization, period: Period, now: datetime | None = None) -> dict[str, Any]:
    """Every section's data for one organization and period; values, not words."""
    now = now or timezone.now()
    first, last = period.bounds(org.timezone)
    card = scorecard_mod.scorecard(org, period, now=now)
    worth = downtime.value(org, period, now=now)
    return {
        "org": org,
        "period": period,
        "now": now,
        "provider": Provider.current(),
        "scorecard": card,
        "kpis": _kpi_rows(card),
        "tickets": _tickets(org, first, last),
        "downtime": _downtime(worth),
        "maintenance": worth.get("maintenance") or {},
        "caught_early": worth.get("caught_early"),
        "recurring": recurring.clusters(org, period),
        "problems": _problems(org, first, last),
        "reviews": _reviews(org, first, last),
        "advice": _advice(org, first, last),
        "posture": _posture(org),
        "exit": _exit(org),
        "spend": _spend(org, period),
    }


def _trend(value: Any, before: Any, better: str) -> str:
    """ "better", "worse" or "same" than the previous period; "" when either is unknown."""
    if value is None or before is None:
        return ""
    if Decimal(str(value)) == Decimal(str(before)):
        return "same"
    up = Decimal(str(value)) > Decimal(str(before))
    return "better" if up == (better == ">=") else "worse"


def _kpi_rows(card: dict[str, Any]) -> list[dict[str, Any]]:
    kpis, previous = card.get("kpis") or {}, card.get("previous") or {}
    rows = []
    for key, unit, better in KPI_ROWS:
        now = kpis.get(key) or {}
        before = (previous.get(key) or {}).get("value")
        rows.append(
            {
                "key": key,
                "unit": unit,
                "value": now.get("value"),
                "target": now.get("target"),
                "met": now.get("met"),
                "n": now.get("n"),
                "previous": before,
                "trend": _trend(now.get("value"), before, better),
                "up": before is not None
                and now.get("value") is not None
                and Decimal(str(now["value"])) > Decimal(str(before)),
                "response_rate": now.get("response_rate"),
            }
        )
    return rows


def _tickets(org: Organization, first: datetime, last: datetime) -> dict[str, Any]:
    """Opened in the period, by priority and type, by service, and per month (opened and
    resolved), so the board sees the load and its shape."""
    opened = Ticket.objects.filter(organization=org, created_at__gte=first, created_at__lt=last)
    grid: dict[str, Counter[str]] = {p: Counter() for p in Priority.values}
    for priority, kind, n in opened.values_list("priority", "kind").annotate(n=Count("id")):
        grid.setdefault(priority, Counter())[kind] += n
    services = list(
        opened.exclude(service=None)
        .values_list("service__name")
        .annotate(n=Count("id"))
        .order_by("-n", "service__name")
    )
    unfiled = opened.filter(service=None).count()
    zone = zoneinfo.ZoneInfo(org.timezone)
    months: dict[date, list[int]] = {}
    month = first.astimezone(zone).date().replace(day=1)
    while month < last.astimezone(zone).date():
        months[month] = [0, 0]
        month = (month + timedelta(days=32)).replace(day=1)
    for created in opened.values_list("created_at", flat=True).order_by():
        months[created.astimezone(zone).date().replace(day=1)][0] += 1
    resolved = Ticket.objects.filter(
        organization=org, resolved_at__gte=first, resolved_at__lt=last
    ).values_list("resolved_at", flat=True)
    for at in resolved:
        assert at is not None  # filtered on
        months[at.astimezone(zone).date().replace(day=1)][1] += 1
    return {
        "by_priority": [
            (p, grid[p][Kind.INCIDENT], grid[p][Kind.SERVICE_REQUEST]) for p in Priority.values
        ],
        "by_service": services,
        "unfiled": unfiled,
        "months": [(m, o, r) for m, (o, r) in months.items()],
        "total": sum(sum(c.values()) for c in grid.values()),
    }


def _downtime(worth: dict[str, Any]) -> dict[str, Any]:
    """The value report's downtime with the longest intervals named (a check or a ticket)."""
    intervals = sorted(worth.get("downtime") or [], key=lambda d: d["start"] - d["end"])
    top = intervals[:DOWNTIME_ROWS]
    checks = dict(
        Check.objects.filter(pk__in=[d["check"] for d in top if d.get("check")]).values_list(
            "pk", "name"
        )
    )
    tickets = {
        t.pk: t for t in Ticket.objects.filter(pk__in=[d["ticket"] for d in top if d.get("ticket")])
    }
    rows = []
    for d in top:
        ticket = tickets.get(d.get("ticket") or 0)
        what = checks.get(d.get("check") or 0, "") if d["source"] == "check" else ""
        if ticket is not None:
            what = f"{ticket.number} · {ticket.title}"
        minutes = int((d["end"] - d["start"]).total_seconds() // 60)
        rows.append({**d, "what": what, "minutes": minutes})
    return {
        "minutes": worth.get("downtime_minutes") or 0,
        "maintenance_minutes": worth.get("maintenance_minutes") or 0,
        "cost": worth.get("cost_of_downtime"),
        "billed": worth.get("billed_for_fixes"),
        "currency": worth.get("currency") or "EUR",
        "count": len(intervals),
        "rows": rows,
    }


def _problems(org: Organization, first: datetime, last: datetime) -> list[Problem]:
    """Problems open at some time in the period: recorded before its end, not resolved
    before its start."""
    return list(
        Problem.objects.filter(organization=org, created_at__lt=last)
        .exclude(resolved_at__lt=first)
        .annotate(ticket_count=Count("tickets"))
        .select_related("owner")
        .order_by("status", "-created_at")
    )


def _reviews(org: Organization, first: datetime, last: datetime) -> list[dict[str, Any]]:
    """Post-incident reviews of tickets opened or reviewed in the period, with their actions."""
    reviews = (
        Review.objects.filter(ticket__organization=org)
        .filter(
            Q(ticket__created_at__gte=first, ticket__created_at__lt=last)
            | Q(created_at__gte=first, created_at__lt=last)
        )
        .select_related("ticket")
        .prefetch_related("actions__owner")
        .order_by("ticket__created_at")
    )
    rows = []
    for review in reviews:
        actions = list(review.actions.all())
        rows.append(
            {
                "review": review,
                "ticket": review.ticket,
                "actions": actions,
                "done": sum(a.done for a in actions),
            }
        )
    return rows


def _advice(org: Organization, first: datetime, last: datetime) -> dict[str, Any]:
    """Advice given in the period or still awaiting an answer, and the decisions taken."""
    recommendations = list(
        Recommendation.objects.filter(organization=org)
        .filter(Q(created_at__gte=first, created_at__lt=last) | Q(status=AdviceStatus.PROPOSED))
        .filter(created_at__lt=last)
        .order_by("status", "-created_at")
    )
    decisions = list(
        Decision.objects.filter(recommendation__organization=org, at__gte=first, at__lt=last)
        .select_related("recommendation", "by")
        .order_by("at")
    )
    return {"recommendations": recommendations, "decisions": decisions}


def _posture(org: Organization) -> dict[str, Any] | None:
    """The controls reviewed so far, by status; None for a client whose posture has never been
    reviewed (the section is left out, not shown empty)."""
    rows = [
        r
        for r in PostureControl.objects.filter(organization=org).exclude(
            status=PostureStatus.UNKNOWN
        )
        if r.control in posture.BY_KEY
    ]
    if not rows:
        return None
    counts = Counter(r.status for r in rows)
    gaps = sorted(
        (r for r in rows if r.status in (PostureStatus.NOT_MET, PostureStatus.PARTIAL)),
        key=lambda r: posture.ORDER[r.control],
    )
    return {
        "reviewed": len(rows),
        "total": len(posture.CATALOGUE),
        "met": counts[PostureStatus.MET],
        "partial": counts[PostureStatus.PARTIAL],
        "not_met": counts[PostureStatus.NOT_MET],
        "not_applicable": counts[PostureStatus.NOT_APPLICABLE],
        "gaps": [(posture.BY_KEY[r.control], r) for r in gaps],
    }


def _exit(org: Organization) -> readiness.Readiness | None:
    """The exit-readiness score, for a client with anything in its vault."""
    score = readiness.score(org)
    if not (score.has_documents or score.has_assets or score.has_vendors or score.passwords.total):
        return None
    return score


def _spend(org: Organization, period: Period) -> dict[str, Any]:
    """Time used and money paid against the agreement, over the period's calendar months."""
    agreement = (
        Agreement.objects.filter(organization=org, starts__lte=period.end)
        .filter(Q(ends=None) | Q(ends__gte=period.start))
        .order_by("-starts", "-pk")
        .first()
    )
    costs = compare_costs(org, period.start.replace(day=1), period.end.replace(day=1))
    allowance = None
    if agreement is not None:
        monthly = agreement.block_hours or agreement.included_hours
        allowance = monthly * costs.months if monthly else None
    return {
        "agreement": agreement,
        "monthly": agreement.monthly_amount().amount if agreement else None,
        "hours": costs.hours_logged,
        "hours_out_of_hours": costs.hours_out_of_hours,
        "allowance": allowance,
        "paid": costs.paid,
        "months": costs.months,
        "currency": costs.currency,
    }


# --- In the client's language -----------------------------------------------------------


def _kpi_text(unit: str, value: Any, language: str) -> str:
    from steward.lib.formats import format_duration, format_number

    if value is None:
        return "–"
    number = Decimal(str(value))
    if unit == "percent":
        return format_number(number, language, digits=1) + " %"
    if unit == "minutes":
        return format_duration(float(number), language)
    if unit == "hours":
        return format_duration(float(number * 60), language, days=False)
    return format_number(number, language, digits=1)


def data_uri(svg: str) -> str:
    """An SVG as a data URI for the browser's <img>."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def _charts(data: dict[str, Any], language: str) -> dict[str, str]:
    """The charts as SVG markup by name. Pages and the PDF show them as <img>: WeasyPrint
    draws an image of SVG with its own SVG renderer (styles, fonts, text kept as text), where
    inline SVG would lose the styles to the HTML's CSS parser."""
    found: dict[str, str] = {}
    tickets = data["tickets"]
    if tickets["total"]:
        found["priority"] = charts.grouped_bars(
            _("Tickets opened by priority and type"),
            [p for p, _i, _s in tickets["by_priority"]],
            [
                charts.Series(
                    str(Kind.INCIDENT.label),
                    [i for _p, i, _s in tickets["by_priority"]],
                    charts.NAVY,
                ),
                charts.Series(
                    str(Kind.SERVICE_REQUEST.label),
                    [s for _p, _i, s in tickets["by_priority"]],
                    charts.SKY,
                ),
            ],
            language,
            stacked=True,
        )
    if len(tickets["months"]) > 1 and (tickets["total"] or any(r for *_x, r in tickets["months"])):
        found["months"] = charts.grouped_bars(
            _("Tickets per month"),
            [format_date(m, "yMMM", language) for m, _o, _r in tickets["months"]],
            [
                charts.Series(_("Opened"), [o for _m, o, _r in tickets["months"]], charts.NAVY),
                charts.Series(_("Resolved"), [r for _m, _o, r in tickets["months"]], charts.GREEN),
            ],
            language,
        )
    percents = [r for r in data["kpis"] if r["unit"] == "percent"]
    if any(r["value"] is not None or r["previous"] is not None for r in percents):
        found["kpis"] = charts.against_target(
            _("Scorecard against the targets"),
            [kpi_label(r["key"]) for r in percents],
            [r["value"] for r in percents],
            [r["previous"] for r in percents],
            [r["target"] for r in percents],
            language,
            (_("This period"), _("Previous period"), _("Target")),
        )
    maintenance = data["maintenance"]
    if maintenance.get("planned"):
        found["maintenance"] = charts.split_bar(
            _("Maintenance"),
            [
                (_("On time"), maintenance.get("done_on_time") or 0, charts.GREEN),
                (_("Late"), maintenance.get("late") or 0, charts.AMBER),
                (_("Skipped"), maintenance.get("skipped") or 0, charts.RED),
            ],
            language,
        )
    return found


def quarter_label(period: Period, language: str) -> str:
    """ "Q3 2026" as the language writes it, when the period is one calendar quarter."""
    start, end = period.start, period.end
    if start.day != 1 or start.month % 3 != 1:
        return ""
    if end != (start + timedelta(days=95)).replace(day=1) - timedelta(days=1):
        return ""
    return format_date(start, "yQQQQ", language)


def css_string(text: str) -> SafeString:
    """Text for a CSS string in the page's running header: quotes, backslashes, line breaks
    and "<" escaped, so a client's name can neither end the string nor the <style>."""
    out = "".join(c if c.isalnum() or c in " .,·–-_()&'/" else f"\\{ord(c):x} " for c in text)
    return mark_safe(out)  # every other character is escaped above


def _logo(provider: Provider) -> str:
    """The provider's logo as a file URI WeasyPrint reads, if it is inside MEDIA_ROOT."""
    if not provider.logo:
        return ""
    root = Path(settings.MEDIA_ROOT).resolve()
    path = (root / str(provider.logo.name)).resolve()
    return path.as_uri() if path.is_file() and root in path.parents else ""


def context(
    org: Organization,
    period: Period,
    language: str | None = None,
    now: datetime | None = None,
    pdf: bool = False,
) -> dict[str, Any]:
    """gather() plus the words and charts, in `language` (the client's by default). Charts
    are data URIs for a page, or `chart:NAME` URLs for the PDF, which ChartFetcher answers:
    WeasyPrint's HTML parser reads a long data URI a character at a time (a second a pack)."""
    language = language or org.language
    data = gather(org, period, now=now)
    with translation.override(language):
        for row in data["kpis"]:
            row["label"] = kpi_label(row["key"])
            row["value_text"] = _kpi_text(row["unit"], row["value"], language)
            row["target_text"] = _kpi_text(row["unit"], row["target"], language)
            row["previous_text"] = _kpi_text(row["unit"], row["previous"], language)
        data["svgs"] = _charts(data, language)
        data["quarter"] = quarter_label(period, language)
        data["running"] = {
            "client": css_string(org.name),
            "title": css_string(
                f"{_('Service review')} · {format_date(period.start, language=language)} – "
                f"{format_date(period.end, language=language)}"
            ),
            "provider": css_string(data["provider"].name),
        }
    data["charts"] = {
        name: f"chart:{name}" if pdf else data_uri(svg) for name, svg in data["svgs"].items()
    }
    data["kpi"] = {row["key"]: row for row in data["kpis"]}
    data["language"] = language
    data["logo"] = _logo(data["provider"])
    return data


def filename(org: Organization, period: Period) -> str:
    code = "".join(c for c in (org.code or str(org.pk)) if c.isalnum() or c in "-_")
    return f"review-{code}-{period.start.isoformat()}-{period.end.isoformat()}.pdf"


def render_html(
    org: Organization, period: Period, language: str | None = None, now: datetime | None = None
) -> str:
    """The pack as the standalone print document WeasyPrint draws."""
    return _document(context(org, period, language, now))


def _document(data: dict[str, Any]) -> str:
    zone = zoneinfo.ZoneInfo(data["org"].timezone)
    with translation.override(data["language"]), timezone.override(zone):
        return render_to_string("reports/pack/pdf.html", data)


def render_pdf(
    org: Organization, period: Period, language: str | None = None, now: datetime | None = None
) -> bytes:
    from weasyprint import HTML

    data = context(org, period, language, now, pdf=True)
    html = HTML(
        string=_document(data),
        base_url=str(settings.BASE_DIR),
        url_fetcher=_chart_fetcher(data["svgs"]),
    )
    return html.write_pdf()  # type: ignore[no-any-return]


def _chart_fetcher(svgs: dict[str, str]) -> Any:
    """A WeasyPrint fetcher that answers `chart:NAME` with that chart's SVG, and any other URL
    (the provider's logo file) as WeasyPrint would."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse  # type: ignore[import-untyped]

    class ChartFetcher(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("chart:") and url[6:] in svgs:
                body = svgs[url[6:]].encode()
                return URLFetcherResponse(url, body, {"Content-Type": "image/svg+xml"})
            return super().fetch(url, headers)

    return ChartFetcher()
