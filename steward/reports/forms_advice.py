"""The advice pages' forms: a recommendation (what the provider writes) and a decision (what
the client's administrator answers). Both hand `reports.advice` the API's field names."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from steward.accounts.models import Organization
from steward.reports import advice
from steward.reports.models import AdviceStatus, Problem, Recommendation
from steward.vault.models import Asset, PostureControl


class ControlChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return advice.control_label(obj)


class RecommendationForm(forms.ModelForm[Recommendation]):
    control = ControlChoice(
        label=_("security control"), queryset=PostureControl.objects.none(), required=False
    )
    repropose = forms.BooleanField(
        label=_("Propose it again: the client decides anew (earlier decisions are kept)"),
        required=False,
    )

    class Meta:
        model = Recommendation
        fields = (
            "title",
            "rationale",
            "risk_if_declined",
            "cost_once",
            "cost_monthly",
            "provider_interest",
            "control",
            "asset",
            "problem",
        )
        widgets = {
            "rationale": forms.Textarea(attrs={"rows": 4}),
            "risk_if_declined": forms.Textarea(attrs={"rows": 3}),
            "provider_interest": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, org: Organization, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.fields["control"].queryset = PostureControl.objects.filter(organization=org)  # type: ignore[attr-defined]
        self.fields["asset"].queryset = Asset.objects.filter(organization=org).order_by("name")  # type: ignore[attr-defined]
        self.fields["problem"].queryset = Problem.objects.filter(organization=org)  # type: ignore[attr-defined]
        if self.instance.pk is None or self.instance.status == AdviceStatus.PROPOSED:
            del self.fields["repropose"]

    def _post_clean(self) -> None:
        # The rules live in reports.advice (shared with the API); skip the model's own
        # validation, which would refuse a blank interest with a less useful message.
        pass

    def data_for_save(self) -> dict[str, Any]:
        data: dict[str, Any] = {name: self.cleaned_data.get(name) for name in self.Meta.fields}
        for name in ("control", "asset", "problem"):
            linked = data[name]
            data[name] = linked.pk if linked is not None else None
        for name in advice.TEXTS:
            data[name] = data[name] or ""
        if self.cleaned_data.get("repropose"):
            data["status"] = AdviceStatus.PROPOSED
        return data


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Your decision"),
        choices=[
            (AdviceStatus.ACCEPTED, _("Accept")),
            (AdviceStatus.DECLINED, _("Decline")),
            (AdviceStatus.DEFERRED, _("Defer")),
        ],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Why, or what would change your mind. Kept with your decision."),
    )
