"""The review page's forms: the three texts, and its actions as a formset (rows added on the
page, removed by ticking "remove")."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from steward.reports import reviews
from steward.reports.models import Review

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ReviewForm(forms.ModelForm[Review]):
    class Meta:
        model = Review
        fields = ("what_happened", "how_fixed", "how_to_avoid")
        widgets = {
            "what_happened": forms.Textarea(attrs={"rows": 4}),
            "how_fixed": forms.Textarea(attrs={"rows": 4}),
            "how_to_avoid": forms.Textarea(attrs={"rows": 4}),
        }


class ActionForm(forms.Form):
    title = forms.CharField(label=_("Action"), max_length=reviews.TITLE_MAX, required=False)
    owner = forms.TypedChoiceField(label=_("Owner"), coerce=int, empty_value=None, required=False)
    due = forms.DateField(label=_("Due"), required=False, widget=DATE)
    done = forms.BooleanField(label=_("Done"), required=False)

    def __init__(self, *args: Any, owners: list[tuple[int, str]] | None = None, **kw: Any) -> None:
        # The owners are read once for the whole formset, not once per row.
        super().__init__(*args, **kw)
        self.fields["owner"].choices = [("", "—"), *(owners or [])]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        filled = data.get("owner") or data.get("due") or data.get("done")
        if filled and not data.get("DELETE") and not (data.get("title") or "").strip():
            self.add_error("title", _("An action needs a title."))
        return data

    def action(self) -> reviews.ActionIn | None:
        """The action this row holds; None for a blank or removed row."""
        data = self.cleaned_data
        if not data or data.get("DELETE") or not (data.get("title") or "").strip():
            return None
        return reviews.ActionIn(
            title=data["title"],
            owner=data.get("owner"),
            due=data.get("due"),
            done=bool(data.get("done")),
        )


ActionFormSet = forms.formset_factory(ActionForm, extra=1, can_delete=True, max_num=50)
