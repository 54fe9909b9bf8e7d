"""Forms of the documentation pages: an asset (its custom fields as "name: value" lines), a
vendor, a document, an import file, and the lists' filters. Each hands the actions the same
data the API does."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from steward.lib.errors import DomainError
from steward.vault.models import Asset, AssetKind, Holder, Vendor

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class DocsForm(forms.ModelForm):  # type: ignore[type-arg]
    def refused(self, error: DomainError) -> None:
        """Show the actions' refusal on the field it names."""
        name = error.field if error.field in self.fields else None
        message = str(error)
        if error.field and message.startswith(f"{error.field}: "):
            message = message[len(error.field) + 2 :]
        self.add_error(name, message)


class AssetForm(DocsForm):
    custom_text = forms.CharField(
        label=_("Custom fields"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_('One per line: "name: value", e.g. "Asset tag: A-0042".'),
    )

    class Meta:
        model = Asset
        fields = (
            "name",
            "kind",
            "make",
            "model",
            "serial",
            "location",
            "user_name",
            "purchased",
            "warranty_ends",
            "os",
            "os_version",
            "last_seen",
            "notes",
        )
        widgets = {
            "purchased": DATE,
            "warranty_ends": DATE,
            "last_seen": DATETIME,
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            custom = self.instance.custom or {}
            self.initial["custom_text"] = "\n".join(f"{k}: {v}" for k, v in custom.items())

    def clean_custom_text(self) -> dict[str, str]:
        custom: dict[str, str] = {}
        for line in str(self.cleaned_data.get("custom_text") or "").splitlines():
            if not line.strip():
                continue
            name, sep, value = line.partition(":")
            if not sep or not name.strip():
                raise forms.ValidationError(
                    _('Write each field as "name: value" (line "%(line)s").'),
                    params={"line": line[:60]},
                )
            custom[name.strip()] = value.strip()
        return custom

    def data_for_actions(self) -> dict[str, Any]:
        data = {name: self.cleaned_data.get(name) for name in self.Meta.fields}
        for name in data:
            if data[name] is None and name not in ("purchased", "warranty_ends", "last_seen"):
                data[name] = ""
        data["custom"] = self.cleaned_data.get("custom_text") or {}
        return data


class VendorForm(DocsForm):
    class Meta:
        model = Vendor
        fields = (
            "name",
            "kind",
            "account",
            "account_holder",
            "registered_to",
            "support_contact",
            "renews",
            "expires",
            "notes",
        )
        widgets = {
            "renews": DATE,
            "expires": DATE,
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def data_for_actions(self) -> dict[str, Any]:
        data = {name: self.cleaned_data.get(name) for name in self.Meta.fields}
        for name in data:
            if data[name] is None and name not in ("renews", "expires"):
                data[name] = ""
        return data


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(
        label=_("Text"),
        required=False,
        max_length=1_000_000,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 22, "class": "font-monospace"}),
        help_text=_("Markdown: # headings, **bold**, - lists, [links](https://...), tables."),
    )

    def refused(self, error: DomainError) -> None:
        name = error.field if error.field in self.fields else None
        message = str(error)
        if error.field and message.startswith(f"{error.field}: "):
            message = message[len(error.field) + 2 :]
        self.add_error(name, message)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "The columns of the export (name and kind are required), UTF-8. Every row is "
            "imported, or none."
        ),
    )


class AssetFilterForm(forms.Form):
    kind = forms.ChoiceField(
        choices=[("", _("Any kind")), *AssetKind.choices],
        required=False,
        label=_("Kind"),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    q = forms.CharField(required=False, max_length=100, label=_("Search"))


class VendorFilterForm(forms.Form):
    holder = forms.ChoiceField(
        choices=[("", _("Anyone")), *Holder.choices],
        required=False,
        label=_("Account held by"),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
