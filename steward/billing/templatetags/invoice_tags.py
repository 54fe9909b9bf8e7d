"""What invoices show besides amounts and dates (those are the Babel builtins)."""

from __future__ import annotations

from django import template

from steward.lib.formats import locale

register = template.Library()


@register.filter
def country(code: str) -> str:
    """An ISO 3166 code as the viewer's language names the country ("DE": "Germany",
    "德国", "Γερμανία"); an unknown code as it was given."""
    if not code:
        return ""
    return str(locale().territories.get(code.upper(), code))
