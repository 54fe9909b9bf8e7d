"""What the monitoring pages show of a page of checks, read in a fixed number of queries
whatever the number of checks: their state (late included), uptime and response times."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Case, Count, F, IntegerField, Q, Value, When, Window
from django.db.models.functions import RowNumber

from steward.monitoring.models import Check, CheckQuerySet, Flip, Kind, Ping, Status
from steward.monitoring.uptime import Change, uptime_percent

DAY, MONTH = timedelta(days=1), timedelta(days=30)
SPARK_PINGS = 50
SPARK_WIDTH, SPARK_HEIGHT = 120, 28
# The board's order: what needs a person first.
RANK = {"down": 0, "late": 1, "new": 2, "up": 3, "paused": 4}


def late_q(now: datetime) -> Q:
    """Heartbeats past their due time, still inside their grace."""
    return Q(kind=Kind.HEARTBEAT, status=Status.UP, next_due__lt=now) & (
        Q(alert_after__isnull=True) | Q(alert_after__gt=now)
    )


def with_state(qs: CheckQuerySet, now: datetime) -> CheckQuerySet:
    """Checks ordered down first, then late, new, up and paused; by organization and name."""
    rank = Case(
        When(status=Status.DOWN, then=Value(RANK["down"])),
        When(late_q(now), then=Value(RANK["late"])),
        When(status=Status.NEW, then=Value(RANK["new"])),
        When(status=Status.UP, then=Value(RANK["up"])),
        default=Value(RANK["paused"]),
        output_field=IntegerField(),
    )
    return qs.annotate(rank=rank).order_by("rank", "organization__name", "name", "id")


def filter_state(qs: CheckQuerySet, state: str, now: datetime) -> CheckQuerySet:
    if state == "late":
        return qs.filter(late_q(now))
    if state == Status.UP:
        return qs.filter(status=Status.UP).exclude(late_q(now))
    return qs.filter(status=state) if state else qs


def tiles(qs: CheckQuerySet, now: datetime) -> dict[str, int]:
    """How many checks are in each state, in one query."""
    late = late_q(now)
    counts = qs.aggregate(
        down=Count("id", filter=Q(status=Status.DOWN)),
        late=Count("id", filter=late),
        up=Count("id", filter=Q(status=Status.UP) & ~late),
        paused=Count("id", filter=Q(status=Status.PAUSED)),
        new=Count("id", filter=Q(status=Status.NEW)),
    )
    return {key: counts[key] or 0 for key in ("down", "late", "up", "paused", "new")}


def state_of(check: Check, now: datetime) -> str:
    return "late" if check.is_late(now) else check.status


@dataclass
class Spark:
    """A sparkline of response times, drawn server-side as an SVG polyline."""

    points: str
    low: int
    high: int
    last: int
    count: int


def sparkline(
    values: list[int], width: int = SPARK_WIDTH, height: int = SPARK_HEIGHT
) -> Spark | None:
    """Points of a polyline through `values` (oldest first), scaled to the box; None for
    fewer than two values."""
    if len(values) < 2:
        return None
    low, high = min(values), max(values)
    span = high - low or 1
    step = width / (len(values) - 1)
    points = " ".join(
        f"{i * step:.1f},{(height - 2) - (v - low) / span * (height - 4):.1f}"
        for i, v in enumerate(values)
    )
    return Spark(points=points, low=low, high=high, last=values[-1], count=len(values))


@dataclass
class Row:
    check: Check
    state: str
    uptime_day: float | None
    uptime_month: float | None
    spark: Spark | None


def rows(checks: list[Check], now: datetime) -> list[Row]:
    """The board's rows for a page of checks: two queries, whatever their number."""
    ids = [c.pk for c in checks]
    changes: dict[int, list[Change]] = defaultdict(list)
    durations: dict[int, list[int]] = defaultdict(list)
    if ids:
        for owner, at, old, new in Flip.objects.filter(
            owner_id__in=ids, at__gte=now - MONTH
        ).values_list("owner_id", "at", "old", "new"):
            changes[owner].append(Change(at, old, new))
        recent = (
            Ping.objects.filter(owner_id__in=ids, duration_ms__isnull=False)
            .annotate(
                n=Window(
                    RowNumber(),
                    partition_by=[F("owner_id")],
                    order_by=[F("at").desc(), F("id").desc()],
                )
            )
            .filter(n__lte=SPARK_PINGS)
            .values_list("owner_id", "at", "duration_ms")
        )
        for owner, _at, ms in sorted(recent, key=lambda r: (r[0], r[1])):
            if ms is not None:
                durations[owner].append(ms)
    return [
        Row(
            check=c,
            state=state_of(c, now),
            uptime_day=uptime_percent(changes[c.pk], now - DAY, now, c.status),
            uptime_month=uptime_percent(changes[c.pk], now - MONTH, now, c.status),
            spark=sparkline(durations[c.pk]),
        )
        for c in checks
    ]


def tags_of(qs: CheckQuerySet) -> list[str]:
    """Every tag of these checks, for the board's filter."""
    return sorted({t for tags in qs.values_list("tags", flat=True) for t in tags or []})
