"""The problem form of the desk: what a technician sets, the linked tickets by number."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from steward.accounts.models import Organization
from steward.desk.models import Ticket
from steward.reports import problems
from steward.reports.models import Problem, ProblemStatus


class OpenProblemForm(forms.Form):
    """The recurring page's "Open a problem" button: the group's label as the title (the
    form's checks refuse what the database cannot keep, a NUL byte among them)."""

    title = forms.CharField(max_length=200)


class ProblemForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    status = forms.ChoiceField(label=_("Status"), choices=ProblemStatus.choices)
    owner = forms.TypedChoiceField(label=_("Owner"), required=False, coerce=int, empty_value=None)
    root_cause = forms.CharField(
        label=_("Root cause"), required=False, max_length=100_000, widget=forms.Textarea
    )
    workaround = forms.CharField(
        label=_("Workaround"),
        required=False,
        max_length=100_000,
        widget=forms.Textarea,
        help_text=_("Shown on every new ticket that looks like this known error."),
    )
    tickets = forms.CharField(
        label=_("Linked tickets"),
        required=False,
        max_length=20_000,
        help_text=_("Ticket numbers, separated by spaces or commas."),
    )

    def __init__(self, *args: Any, org: Organization, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.org = org
        self.fields["owner"].choices = [("", "—")] + [  # type: ignore[attr-defined]
            (u.pk, u.name or u.email) for u in problems.staff_of(org)
        ]

    @staticmethod
    def initial_of(problem: Problem) -> dict[str, Any]:
        numbers = problem.tickets.order_by("created_at").values_list("number", flat=True)
        return {
            "title": problem.title,
            "status": problem.status,
            "owner": problem.owner_id or "",
            "root_cause": problem.root_cause,
            "workaround": problem.workaround,
            "tickets": " ".join(numbers),
        }

    def clean_tickets(self) -> list[int]:
        numbers = [n for n in re.split(r"[\s,;]+", self.cleaned_data["tickets"]) if n]
        found = dict(
            Ticket.objects.filter(organization=self.org, number__in=numbers).values_list(
                "number", "pk"
            )
        )
        missing = [n for n in numbers if n not in found]
        if missing:
            raise forms.ValidationError(
                _("Not tickets of this client: %(numbers)s."),
                params={"numbers": ", ".join(missing[:10])},
            )
        return [found[n] for n in numbers]

    def changes(self) -> problems.Changes:
        data = self.cleaned_data
        return problems.Changes(
            title=data["title"],
            status=data["status"],
            owner=data["owner"],
            owner_set=True,
            root_cause=data["root_cause"],
            workaround=data["workaround"],
            tickets=data["tickets"],
        )
