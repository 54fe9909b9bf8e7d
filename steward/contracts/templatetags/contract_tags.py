"""How a version's changes read to a person: labels and values, not field names and JSON."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from django import template
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from steward.contracts.models import KPIS, SYSTEM_NOTES, Agreement, Billing, Kpi, Service
from steward.lib import formats

register = template.Library()

_DECIMAL = re.compile(r"-?\d+\.\d+")

CLOCKS = {
    "first_response": gettext_noop("first response"),
    "next_update": gettext_noop("next update"),
    "resolution": gettext_noop("resolution"),
}


def _label(field: str) -> str:
    if field == "sla_policy":
        return str(_("SLA policy"))
    try:
        name = getattr(Agreement._meta.get_field(field), "verbose_name", field)
    except Exception:
        name = field.replace("_", " ")
    return str(name).capitalize()


def _value(field: str, value: Any) -> str:
    if value in (None, "", {}, []):
        return "—"
    if field == "billing":
        return str(Billing(value).label) if value in Billing.values else str(value)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    if field in ("starts", "ends"):
        return formats.format_date(date.fromisoformat(str(value)))
    if isinstance(value, str) and _DECIMAL.fullmatch(value):
        return formats.format_number(Decimal(value), digits=2)
    return str(value)


def _covered(services: dict[str, str], code: str) -> str:
    if code not in services:
        return _("not covered")
    price = services[code]
    if not price or not Decimal(price):
        return _("covered")
    return _("covered, %s a month") % formats.format_number(Decimal(price), digits=2)


def _target(kpi: Kpi | None, value: Any) -> str:
    if value is None:
        return _("no target")
    return kpi.phrase(value) if kpi else str(value)


@register.filter
def version_note(note: str) -> str:
    """A note Steward wrote, in the reader's language; a person's note as they wrote it."""
    return _(note) if note in SYSTEM_NOTES else note


@register.filter
def kpi_phrase(kpi: Kpi, target: Any) -> str:
    return kpi.phrase(target)


def _minutes(value: Any) -> str:
    return "—" if value is None else _("%s of business time") % formats.format_duration(value)


@register.filter
def change_lines(
    changes: list[dict[str, Any]], names: Mapping[str, str] | None = None
) -> list[tuple[str, str, str]]:
    """(what, before, after) for each change a person would care about. A page listing many
    versions passes the services' `names` it read once (`Service.names()`)."""
    if any(change["field"] == "services" for change in changes):
        names = names or Service.names()  # "" when the page gave none
    else:
        names = {}
    lines: list[tuple[str, str, str]] = []
    for change in changes:
        field, before, after = change["field"], change.get("from"), change.get("to")
        if field == "sla_targets":
            before, after = before or {}, after or {}
            for priority in sorted(set(before) | set(after)):
                old, new = before.get(priority, {}), after.get(priority, {})
                for clock in ("first_response", "next_update", "resolution"):
                    if old.get(clock) != new.get(clock):
                        what = f"{priority} {_(CLOCKS[clock])}"
                        lines.append((what, _minutes(old.get(clock)), _minutes(new.get(clock))))
        elif field == "services":
            before, after = before or {}, after or {}
            for code in sorted(set(before) | set(after)):
                if before.get(code) != after.get(code):
                    lines.append(
                        (names.get(code, code), _covered(before, code), _covered(after, code))
                    )
        elif field == "kpi_targets":
            before, after = before or {}, after or {}
            for key in sorted(set(before) | set(after)):
                if before.get(key) != after.get(key):
                    kpi = KPIS.get(key)
                    lines.append(
                        (
                            str(kpi.label) if kpi else key.replace("_", " "),
                            _target(kpi, before.get(key)),
                            _target(kpi, after.get(key)),
                        )
                    )
        else:
            lines.append((_label(field), _value(field, before), _value(field, after)))
    return lines
