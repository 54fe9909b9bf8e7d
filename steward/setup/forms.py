"""Forms of the settings pages."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.conf import settings
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from steward.accounts.models import CLIENT_ROLES, Organization, Provider, Role, User
from steward.lib import formats
from steward.lib.timezones import available_timezones
from steward.mail.models import MailDomain
from steward.sla.models import BusinessCalendar

LOGO_MAX_BYTES = 512 * 1024
# What the logo view answers for each kind of image it accepts. No SVG: it can carry script.
LOGO_TYPES = {
    b"\x89PNG\r\n\x1a\n": "image/png",
    b"\xff\xd8\xff": "image/jpeg",
    b"GIF87a": "image/gif",
    b"GIF89a": "image/gif",
}
_DOMAIN = re.compile(r"^(?=.{1,200}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


def logo_type(head: bytes) -> str:
    """The image type the first bytes of a file show, or "" if it is not an accepted image."""
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return next((kind for magic, kind in LOGO_TYPES.items() if head.startswith(magic)), "")


def country_choices() -> list[tuple[str, str]]:
    """ISO 3166 countries named in the viewer's language, sorted by that name."""
    names = formats.locale().territories
    countries = [(code, name) for code, name in names.items() if re.fullmatch("[A-Z]{2}", code)]
    return [("", "—"), *sorted(countries, key=lambda c: c[1])]


def _language_choices() -> list[tuple[str, str]]:
    return list(settings.LANGUAGES)


class _LogoLink:
    """What the file input links to as the current logo: the signed-in view, not /media/."""

    url = reverse_lazy("settings:logo")

    def __str__(self) -> str:
        return str(_("Current logo"))


class LogoInput(forms.ClearableFileInput):
    def get_context(self, name: str, value: Any, attrs: Any) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        if context["widget"]["is_initial"]:
            context["widget"]["value"] = _LogoLink()
        return context


class ProviderForm(forms.ModelForm[Provider]):
    country = forms.ChoiceField(label=_("Country"), required=False)

    class Meta:
        model = Provider
        fields = [
            "name",
            "legal_name",
            "address",
            "country",
            "tax_id",
            "company_id",
            "email",
            "phone",
            "website",
            "logo",
            "bank_name",
            "iban",
            "bic",
            "payment_details",
            "payment_terms_days",
            "invoice_footer",
            "review_required_for_p1",
        ]
        labels = {"name": _("Company name")}
        widgets = {
            "address": forms.Textarea(attrs={"rows": 3}),
            "payment_details": forms.Textarea(attrs={"rows": 2}),
            "invoice_footer": forms.Textarea(attrs={"rows": 2}),
            "logo": LogoInput(attrs={"accept": "image/png,image/jpeg,image/webp,image/gif"}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = country_choices()  # type: ignore[attr-defined]
        self.fields["logo"].help_text = _("PNG, JPEG, WebP or GIF, at most 512 KB.")

    def clean_logo(self) -> Any:
        logo = self.cleaned_data.get("logo")
        if not logo or logo == self.instance.logo:
            return logo
        if logo.size > LOGO_MAX_BYTES:
            raise forms.ValidationError(_("The logo may be at most 512 KB."))
        head = logo.read(16)
        logo.seek(0)
        if not logo_type(head):
            raise forms.ValidationError(_("Upload a PNG, JPEG, WebP or GIF image."))
        return logo

    def clean_iban(self) -> str:
        iban = re.sub(r"\s+", "", str(self.cleaned_data.get("iban", ""))).upper()
        if iban and not re.fullmatch(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}", iban):
            raise forms.ValidationError(_("This is not an IBAN."))
        return iban

    def clean_bic(self) -> str:
        bic = str(self.cleaned_data.get("bic", "")).strip().upper()
        if bic and not re.fullmatch(r"[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?", bic):
            raise forms.ValidationError(_("A BIC has 8 or 11 letters and digits."))
        return bic


class OrganizationForm(forms.ModelForm[Organization]):
    timezone = forms.ChoiceField(label=_("Time zone"))
    language = forms.ChoiceField(label=_("Language"))
    country = forms.ChoiceField(label=_("Country"), required=False)
    mail_domains = forms.CharField(
        label=_("Mail domains"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "One a line, e.g. acme.example: mail from an unknown sender at these domains "
            "belongs to this client."
        ),
    )

    class Meta:
        model = Organization
        fields = [
            "name",
            "code",
            "status",
            "timezone",
            "language",
            "calendar",
            "it_manager",
            "headcount",
            "hourly_cost_per_user",
            "legal_name",
            "billing_address",
            "country",
            "tax_id",
            "users_see_all_tickets",
        ]
        labels = {"name": _("Company name")}
        widgets = {"billing_address": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        zones = sorted(available_timezones() | {"UTC"})
        self.fields["timezone"].choices = [(tz, tz) for tz in zones]  # type: ignore[attr-defined]
        self.fields["language"].choices = _language_choices()  # type: ignore[attr-defined]
        self.fields["country"].choices = country_choices()  # type: ignore[attr-defined]
        self.fields["calendar"].queryset = BusinessCalendar.objects.order_by("name")  # type: ignore[attr-defined]
        self.fields["calendar"].empty_label = "—"  # type: ignore[attr-defined]
        self.fields["it_manager"].empty_label = "—"  # type: ignore[attr-defined]
        self.fields["it_manager"].queryset = User.objects.staff()  # type: ignore[attr-defined]
        self.fields["it_manager"].help_text = _(
            "The provider's person accountable for this client."
        )
        self.fields["code"].widget.attrs["style"] = "text-transform: uppercase"
        if self.instance.pk:
            domains = self.instance.mail_domains.values_list("domain", flat=True)
            self.initial["mail_domains"] = "\n".join(domains)

    def clean_code(self) -> str:
        code = str(self.cleaned_data.get("code", "")).strip().upper()
        clash = Organization.objects.exclude(pk=self.instance.pk).filter(code=code)
        if clash.exists():
            raise forms.ValidationError(_("Another organization already has this code."))
        return code

    def clean_name(self) -> str:
        name = str(self.cleaned_data.get("name", "")).strip()
        if Organization.objects.exclude(pk=self.instance.pk).filter(name__iexact=name).exists():
            raise forms.ValidationError(_("Another organization already has this name."))
        return name

    def clean_mail_domains(self) -> list[str]:
        raw = self.cleaned_data.get("mail_domains", "")
        domains: list[str] = []
        for item in re.split(r"[\s,;]+", raw.lower()):
            item = item.strip().lstrip("@")
            if not item or item in domains:
                continue
            if not _DOMAIN.match(item):
                raise forms.ValidationError(
                    _("%(domain)s is not a mail domain.") % {"domain": item}
                )
            domains.append(item)
        taken = (
            MailDomain.objects.filter(domain__in=domains)
            .exclude(organization=self.instance.pk)
            .select_related("organization")
            .first()
        )
        if taken is not None:
            raise forms.ValidationError(
                _("%(domain)s already belongs to %(organization)s.")
                % {"domain": taken.domain, "organization": taken.organization.name}
            )
        return domains


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("Email"))
    name = forms.CharField(label=_("Full name"), max_length=150)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    organization = forms.ModelChoiceField(
        label=_("Organization"),
        queryset=Organization.objects.active(),
        required=False,
        empty_label="—",
        help_text=_("For client admins and client users."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        role, org = data.get("role"), data.get("organization")
        if role in CLIENT_ROLES and org is None:
            self.add_error("organization", _("Client users belong to an organization."))
        if role and role not in CLIENT_ROLES and org is not None:
            self.add_error(
                "organization", _("Provider staff do not belong to a client organization.")
            )
        return data


class OrganizationsField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    """Organizations by id; an id no database column can hold is refused as any unknown id,
    not passed to the database (where SQLite overflows)."""

    def _check_values(self, value: Any) -> Any:
        for pk in value:
            text = str(pk)
            if not (text.isascii() and text.isdigit()) or int(text) >= 2**63:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": pk},
                )
        return super()._check_values(value)  # type: ignore[misc]


class PersonForm(forms.Form):
    name = forms.CharField(label=_("Full name"), max_length=150, required=False)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    organization = forms.ModelChoiceField(
        label=_("Organization"),
        queryset=Organization.objects.all(),
        required=False,
        empty_label="—",
        help_text=_("For client admins and client users."),
    )
    assigned = OrganizationsField(
        label=_("Assigned organizations"),
        queryset=Organization.objects.active(),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        help_text=_("A technician sees and works on the tickets of these clients only."),
    )
    is_active = forms.BooleanField(
        label=_("May sign in"),
        required=False,
        help_text=_(
            "Off: they can no longer sign in or use their API tokens; their tickets and "
            "history stay."
        ),
    )
