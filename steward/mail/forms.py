"""Forms of the mail pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from steward.accounts.models import Organization, User
from steward.desk.models import Ticket
from steward.mail.models import InboundState, Mailbox


class MailboxForm(forms.ModelForm[Mailbox]):
    password = forms.CharField(
        label=_("IMAP password"),
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Stored encrypted. Leave empty to keep the current one."),
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
            "folder",
            "processed_folder",
            "poll_seconds",
            "enabled",
        ]

    def clean_poll_seconds(self) -> int:
        seconds: int = self.cleaned_data["poll_seconds"]
        if not 10 <= seconds <= 3600:
            raise forms.ValidationError(_("Between 10 and 3600 seconds."))
        return seconds

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("imap_host") and not data.get("imap_user"):
            self.add_error("imap_user", _("An IMAP mailbox needs a user name."))
        return data

    def save(self, commit: bool = True) -> Mailbox:
        box: Mailbox = super().save(commit=False)
        address_changed = "address" in self.changed_data and box.imap_secret
        if self.cleaned_data.get("password"):
            box.set_password(self.cleaned_data["password"])
        elif address_changed:
            # The secret is bound to the address; re-seal it under the new one.
            old = Mailbox.objects.get(pk=box.pk)
            box.set_password(old.password())
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
