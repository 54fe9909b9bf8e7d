"""Forms of the mail pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from steward.accounts.models import Organization, User
from steward.desk.models import Ticket
from steward.mail import oauth
from steward.mail.models import AuthMethod, InboundState, Mailbox, OAuthProvider

# A change to any of these makes the tokens the mailbox holds worthless: it is connected again.
_OAUTH_IDENTITY = [
    "auth_method",
    "oauth_provider",
    "oauth_tenant",
    "oauth_authorize_url",
    "oauth_token_url",
    "oauth_client_id",
    "oauth_scopes",
    "imap_user",
]


class MailboxForm(forms.ModelForm[Mailbox]):
    password = forms.CharField(
        label=_("IMAP password"),
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Stored encrypted. Leave empty to keep the current one."),
    )
    client_secret = forms.CharField(
        label=_("Client secret"),
        required=False,
        max_length=2000,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Stored encrypted. Leave empty to keep the current secret."),
    )

    class Meta:
        model = Mailbox
        fields = [
            "name",
            "address",
            "organization",
            "queue",
            "unknown_sender",
            "authserv_id",
            "trust_relay",
            "imap_host",
            "imap_port",
            "imap_security",
            "imap_user",
            "auth_method",
            "oauth_provider",
            "oauth_tenant",
            "oauth_authorize_url",
            "oauth_token_url",
            "oauth_client_id",
            "oauth_scopes",
            "folder",
            "processed_folder",
            "poll_seconds",
            "enabled",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Left out (a form from before OAuth, a script): a password, at Microsoft 365.
        self.fields["auth_method"].required = False
        self.fields["oauth_provider"].required = False
        self.fields["organization"].empty_label = _("All clients")  # type: ignore[attr-defined]
        self.fields["queue"].empty_label = "—"  # type: ignore[attr-defined]

    def clean_auth_method(self) -> str:
        return str(self.cleaned_data.get("auth_method") or AuthMethod.PASSWORD)

    def clean_oauth_provider(self) -> str:
        return str(self.cleaned_data.get("oauth_provider") or OAuthProvider.MICROSOFT)

    def clean_poll_seconds(self) -> int:
        seconds: int = self.cleaned_data["poll_seconds"]
        if not 10 <= seconds <= 3600:
            raise forms.ValidationError(_("Between 10 and 3600 seconds."))
        return seconds

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("auth_method") == AuthMethod.OAUTH2:
            self._clean_oauth(data)
        if data.get("imap_host") and not data.get("imap_user"):
            self.add_error("imap_user", _("An IMAP mailbox needs a user name."))
        return data

    def _clean_oauth(self, data: dict[str, Any]) -> None:
        provider = data.get("oauth_provider") or ""
        if not data.get("imap_host") and "imap_host" not in self.errors:
            # OAuth 2 is for reading a mailbox at its host: the provider's, unless told.
            data["imap_host"] = oauth.default_imap_host(provider)
            if not data["imap_host"]:
                self.add_error("imap_host", _("OAuth 2 signs in to an IMAP server: name it."))
        if not data.get("oauth_client_id"):
            self.add_error(
                "oauth_client_id", _("The client ID of the app registered with the provider.")
            )
        if provider == OAuthProvider.OTHER:
            for field in ("oauth_authorize_url", "oauth_token_url"):
                if not data.get(field) and field not in self.errors:
                    self.add_error(field, _("Another provider needs this address."))

    def save(self, commit: bool = True) -> Mailbox:
        box: Mailbox = super().save(commit=False)
        if "address" in self.changed_data and box.pk is not None:
            # The secrets are bound to the address; seal them again under the new one.
            box.rebind(Mailbox.objects.get(pk=box.pk).address)
        if self.cleaned_data.get("password"):
            box.set_password(self.cleaned_data["password"])
        if self.cleaned_data.get("client_secret"):
            box.seal("oauth_client_secret", self.cleaned_data["client_secret"])
        if self.cleaned_data.get("client_secret") or set(self.changed_data) & set(_OAUTH_IDENTITY):
            box.seal("oauth_refresh_token", "")
            box.seal("oauth_access_token", "")
            box.oauth_expires_at = None
            if box.needs_reconnect:
                box.needs_reconnect = False
                box.last_error = ""
        if commit:
            box.save()
        return box


class InboundFilterForm(forms.Form):
    state = forms.ChoiceField(choices=[("", _("Any state")), *InboundState.choices], required=False)
    q = forms.CharField(required=False, max_length=200)


class PlaceForm(forms.Form):
    """Where a person puts a quarantined email: a new ticket for an organization, or an
    existing ticket."""

    organization = forms.ModelChoiceField(
        Organization.objects.none(), required=False, label=_("New ticket for")
    )
    ticket = forms.CharField(required=False, max_length=30, label=_("Or add to ticket"))

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["organization"].queryset = Organization.objects.visible_to(user)  # type: ignore[attr-defined]

    def clean_ticket(self) -> Ticket | None:
        number = self.cleaned_data["ticket"].strip().upper()
        if not number:
            return None
        ticket = Ticket.objects.visible_to(self.user).filter(number=number).first()
        if ticket is None:
            raise forms.ValidationError(_("No ticket %s.") % number)
        return ticket

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if bool(data.get("organization")) == bool(data.get("ticket")) and not self.errors:
            raise forms.ValidationError(_("Choose an organization or a ticket, not both."))
        return data
