"""The review pack's PDF for a demo-sized client: how long a quarter's pack takes to draw.

Run: .venv/bin/python bench/reports_pack.py [--tickets 400] [--fake] [--postgres URL]

A throw-away database gets one client with a quarter of tickets (P1 to P4, incidents and
service requests, most resolved), problems, post-incident reviews with actions, advice with
decisions, a reviewed security posture and a vault (so every section is drawn, charts
included). The pack is then drawn as `GET .../review-pack` draws it (`pack.render_pdf`), in
English, Chinese and Greek: the first PDF of the process (matplotlib and the fonts loaded) and
then the median of three. Target (issue 13): < 5 s.

`--fake` draws it with the stand-ins of steward/reports/tests/pack_fakes.py for the scorecard,
the downtime value and the recurring clusters instead of computing them (before those are
built, the run falls back to them by itself and says so).
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import secrets
import statistics
import sys
import time
from datetime import date, datetime, timedelta
from decimal import Decimal
from importlib.metadata import version
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.serving import bench_env  # noqa: E402

QUARTER = (date(2026, 7, 1), date(2026, 9, 30))


def seed(tickets: int) -> Any:
    """One client with a quarter's worth of everything the pack reads."""
    from steward.accounts.models import Role
    from steward.desk.models import Ticket
    from steward.reports.models import (
        Decision,
        Problem,
        Recommendation,
        Review,
        ReviewAction,
    )
    from steward.test import make_agreement, make_org, make_policy, make_ticket, make_user
    from steward.vault import posture
    from steward.vault.models import Asset, Vendor

    zone = ZoneInfo("Europe/Athens")
    org = make_org("BIG", name="Big Client S.A.", timezone="Europe/Athens")
    make_agreement(org, make_policy(), starts=date(2026, 1, 1), unit_price=Decimal("45.00"))
    admin = make_user(Role.CLIENT_ADMIN, org)
    tech = make_user(Role.TECHNICIAN)
    start = datetime(2026, 7, 1, 8, tzinfo=zone)
    made = []
    for n in range(tickets):
        at = start + timedelta(minutes=n * (92 * 24 * 60 // max(tickets, 1)))
        made.append(make_ticket(org, title=f"Printer {n % 37} on floor {n % 5} jams", at=at))
    for n, ticket in enumerate(made):
        resolved = ticket.created_at + timedelta(hours=2 + n % 30) if n % 10 else None
        Ticket.objects.filter(pk=ticket.pk).update(
            priority=("P1", "P2", "P3", "P3", "P4")[n % 5],
            kind="service_request" if n % 3 == 0 else "incident",
            resolved_at=resolved,
        )
    for n in range(5):
        problem = Problem.objects.create(
            organization=org, title=f"Backups fail on the NAS ({n})", root_cause="Full disk",
            workaround="Run it by hand", created_at=start + timedelta(days=n * 10),
        )  # fmt: skip
        problem.tickets.add(*made[n * 7 : n * 7 + 6])
    for n in range(3):
        review = Review.objects.create(
            ticket=made[n * 40], what_happened="The mail server stopped: its disk filled up.",
            how_fixed="Old logs moved off.", how_to_avoid="An alert at 80 % disk.",
        )  # fmt: skip
        for k in range(3):
            ReviewAction.objects.create(
                review=review, position=k, title=f"Action {k}", owner=tech, done=k == 0,
                due=date(2026, 10, 15),
            )  # fmt: skip
    for n in range(6):
        advice = Recommendation.objects.create(
            organization=org, title=f"Replace firewall {n}", rationale="Out of support in March.",
            risk_if_declined="No security updates.", cost_once=Decimal("2400.00"),
            cost_monthly=Decimal("35.00"), provider_interest="We sell and install it.",
            created_at=start + timedelta(days=n * 12),
        )  # fmt: skip
        if n % 2:
            Decision.objects.create(
                recommendation=advice, decision="accepted", by=admin,
                at=start + timedelta(days=n * 12 + 3),
            )  # fmt: skip
    for key in ("ce.firewalls", "ce.secure_configuration", "ce.malware"):
        posture.update(org, key, tech, {"status": "met" if key != "ce.malware" else "partial"})
    Vendor.objects.create(organization=org, name="ISP", kind="isp", account_holder="client")
    Asset.objects.create(organization=org, name="NAS", kind="server")
    return org


def _real_or_fake(fake: bool, org: Any) -> str:
    """ "computed", or "stand-ins" when asked or when the computations are not built yet."""
    from steward.reports import downtime, recurring
    from steward.reports import scorecard as scorecard_mod
    from steward.reports.period import Period
    from steward.reports.tests import pack_fakes

    if not fake:
        try:
            period = Period(*QUARTER)
            scorecard_mod.scorecard(org, period)
            downtime.value(org, period)
            recurring.clusters(org, period)
            return "computed"
        except NotImplementedError:
            pass
    scorecard_mod.scorecard = pack_fakes.scorecard  # type: ignore[assignment]
    downtime.value = pack_fakes.value  # type: ignore[assignment]
    recurring.clusters = pack_fakes.clusters  # type: ignore[assignment]
    return "stand-ins"


def run(args: argparse.Namespace) -> list[tuple[str, ...]]:
    """Rows of (what, language, seconds, pages, size)."""
    from pypdf import PdfReader

    from steward.reports import pack
    from steward.reports.period import Period

    org = seed(args.tickets)
    source = _real_or_fake(args.fake, org)
    period = Period(*QUARTER)
    rows: list[tuple[str, ...]] = []
    for n, language in enumerate(("en", "zh-hans", "el")):
        org.language = language
        org.save(update_fields=["language"])
        timings = []
        for _round in range(1 if n == 0 else 3):
            began = time.perf_counter()
            pdf = pack.render_pdf(org, period)
            timings.append(time.perf_counter() - began)
        what = "first PDF in the process" if n == 0 else "median of 3"
        seconds = timings[0] if n == 0 else statistics.median(timings)
        pages = str(len(PdfReader(io.BytesIO(pdf)).pages))
        rows.append((what, language, f"{seconds:.2f}", pages, f"{len(pdf) / 1024:.0f} KiB"))
        if n == 0:
            began = time.perf_counter()
            pack.render_pdf(org, period)
            rows.append(("again, warm", language, f"{time.perf_counter() - began:.2f}", pages,
                         f"{len(pdf) / 1024:.0f} KiB"))  # fmt: skip
    rows.append(("scorecard, value, clusters", source, "", "", ""))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=400)
    parser.add_argument("--fake", action="store_true", help="the stand-ins, not the real ones")
    parser.add_argument("--postgres", default="", help="a throw-away PostgreSQL database URL")
    args = parser.parse_args()
    db = Path(f"/tmp/steward-reports-pack-{secrets.token_hex(4)}.sqlite3")
    env = bench_env("bench.settings_bench", db)
    if args.postgres:
        env["DATABASE_URL"] = args.postgres
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    try:
        rows = run(args)
    finally:
        db.unlink(missing_ok=True)
    print(f"Review pack, {args.tickets} tickets in a quarter; target < 5 s")
    print("| what | language | seconds | pages | size |")
    print("| --- | --- | --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print(
        f"\nPython {platform.python_version()}, WeasyPrint {version('weasyprint')}, "
        f"matplotlib {version('matplotlib')}, {os.cpu_count()} cores, "
        f"load {os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    main()
