"""Form helpers every app's pages share."""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

# Far outside any contract, 0001-01 and 9999-12 overflow as soon as a month is added or a
# time zone applied, which would be a 500: the forms refuse them, naming the field.
FIRST_YEAR, LAST_YEAR = 1900, 2999


def within_years(value: date) -> None:
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise forms.ValidationError(
            _("Enter a date between %(first)s and %(last)s."),
            code="out_of_range",
            params={"first": FIRST_YEAR, "last": LAST_YEAR},
        )
