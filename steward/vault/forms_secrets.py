"""The forms of the credential, reveal and access pages."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from steward.accounts.models import Organization, User
from steward.lib.errors import DomainError
from steward.vault.access import staff_seeing
from steward.vault.models import AccessMode, Asset, Credential, Vendor


class CredentialForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    username = forms.CharField(label=_("Username"), max_length=200, required=False)
    secret = forms.CharField(
        label=_("Password or secret"),
        max_length=4000,
        required=False,
        strip=False,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
    )
    url = forms.CharField(label=_("URL"), max_length=500, required=False)
    totp_secret = forms.CharField(
        label=_("TOTP seed"),
        max_length=200,
        required=False,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
        help_text=_("The base32 key of the authenticator app, e.g. JBSWY3DPEHPK3PXP."),
    )
    notes = forms.CharField(
        label=_("Notes"), max_length=20000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    asset = forms.ModelChoiceField(
        label=_("Asset"), queryset=Asset.objects.none(), required=False, empty_label=_("Not linked")
    )
    vendor = forms.ModelChoiceField(
        label=_("Third party"),
        queryset=Vendor.objects.none(),
        required=False,
        empty_label=_("Not linked"),
    )

    def __init__(
        self, *args: Any, org: Organization, credential: Credential | None = None, **kw: Any
    ) -> None:
        super().__init__(*args, **kw)
        self.credential = credential
        self.fields["asset"].queryset = Asset.objects.for_org(org)  # type: ignore[attr-defined]
        self.fields["vendor"].queryset = Vendor.objects.for_org(org)  # type: ignore[attr-defined]
        if credential is not None:
            self.fields["secret"].help_text = _("Leave empty to keep the current one.")
            self.fields["totp_secret"].help_text = _("Leave empty to keep the current one.")

    def values(self) -> dict[str, Any]:
        """What changed, as the actions take it; an empty secret or seed on an edit keeps the
        stored one."""
        data = dict(self.cleaned_data)
        data["totp"] = data.pop("totp_secret")
        if self.credential is None:
            return data
        for key in ("secret", "totp"):
            if not data[key]:
                data.pop(key)
        old = self.credential
        for key in ("name", "username", "url"):
            if data[key] == getattr(old, key):
                data.pop(key)
        for key in ("asset", "vendor"):
            if data[key] == getattr(old, key):
                data.pop(key)
        if data["notes"] == self.initial.get("notes", ""):
            data.pop("notes")
        return data

    def refused(self, error: DomainError) -> None:
        field = error.field if error.field in self.fields else None
        self.add_error(field, str(error))


class PeopleField(forms.ModelMultipleChoiceField[User]):
    """People by id: an id no column holds (30 digits) is an invalid choice, not an overflow."""

    def _check_values(self, value: Any) -> Any:
        for pk in value:
            if not re.fullmatch(r"[0-9]{1,18}", str(pk)):
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)  # type: ignore[misc]


class RevealForm(forms.Form):
    reason = forms.CharField(
        label=_("Why do you need it?"),
        max_length=1000,
        widget=forms.TextInput(attrs={"placeholder": _("e.g. ticket ACME-42: router update")}),
    )


class AccessForm(forms.Form):
    mode = forms.ChoiceField(
        label=_("Who on the provider's side may reveal"),
        choices=AccessMode.choices,
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
    )
    people = PeopleField(
        label=_("Named people"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        help_text=_("Used when the mode is “Named people only”."),
    )

    def __init__(self, *args: Any, org: Organization, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.fields["people"].queryset = staff_seeing(org)  # type: ignore[attr-defined]
