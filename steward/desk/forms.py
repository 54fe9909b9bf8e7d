"""Forms of the agent desk and the client portal."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from steward.accounts.models import CLIENT_ROLES, Organization, User
from steward.contracts.models import Service
from steward.desk.actions import TicketError, check_attachment
from steward.desk.models import Kind, Level, Priority, Queue, Status
from steward.lib.text import title_error


def validate_title(value: str) -> None:
    # A title is the subject of every mail about the ticket: one line of real text.
    problem = title_error(value)
    if problem:
        raise forms.ValidationError(problem)


class QueueFilterForm(forms.Form):
    STATUS_CHOICES = [("open", _("All open")), ("all", _("All")), *Status.choices]

    organization = forms.ModelChoiceField(
        Organization.objects.none(),
        required=False,
        empty_label=_("All organizations"),
        label=_("Organization"),
    )
    status = forms.ChoiceField(choices=STATUS_CHOICES, required=False, label=_("Status"))
    priority = forms.ChoiceField(
        choices=[("", _("Any priority")), *Priority.choices], required=False, label=_("Priority")
    )
    assignee = forms.ChoiceField(required=False, label=_("Assignee"))
    breaching = forms.IntegerField(
        required=False, min_value=0, max_value=24 * 30, label=_("Due within (hours)")
    )
    q = forms.CharField(required=False, max_length=200, label=_("Search"))

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        orgs = Organization.objects.visible_to(user)
        self.fields["organization"].queryset = orgs  # type: ignore[attr-defined]
        staff = User.objects.staff().order_by("name")
        self.fields["assignee"].choices = [  # type: ignore[attr-defined]
            ("", _("Anyone")),
            ("me", _("Me")),
            ("none", _("Unassigned")),
            *[(str(u.pk), str(u)) for u in staff],
        ]


class TicketIdsField(forms.Field):
    """Ticket ids from checkboxes; anything else (a stale or hand-made form) is skipped, as
    are ids no database column can hold. "²".isdigit() is True: hence isascii."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value: Any) -> list[int]:
        values = value if isinstance(value, list | tuple) else []
        return [
            int(v)
            for v in values
            if isinstance(v, str) and v.isascii() and v.isdigit() and len(v) <= 18
        ]


class BulkAssignForm(forms.Form):
    """The queue's "assign selected": an assignee (none: unassign) and the tickets."""

    assignee = forms.ModelChoiceField(User.objects.none(), required=False, label=_("Assignee"))
    tickets = TicketIdsField(required=False, label=_("Tickets"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = User.objects.staff()  # type: ignore[attr-defined]


class AttachmentMixin:
    """Checks an attached file's size and type with the form, before anything is written."""

    cleaned_data: dict[str, Any]

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if upload:
            try:
                check_attachment(upload)
            except TicketError as exc:
                raise forms.ValidationError(str(exc)) from None
        return upload


class ReplyForm(AttachmentMixin, forms.Form):
    body = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), max_length=100_000, label=_("Message")
    )
    public = forms.TypedChoiceField(
        choices=[("1", _("Public reply")), ("0", _("Internal note"))],
        coerce=lambda v: v == "1",
        initial="1",
        label=_("Visibility"),
    )
    file = forms.FileField(required=False, label=_("Attachment"))


class TickForm(AttachmentMixin, forms.Form):
    """Tick (or untick) one checklist item with what was done and seen, and a file."""

    done = forms.BooleanField(required=False, label=_("Done"))
    evidence = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=10_000,
        required=False,
        label=_("Evidence"),
        help_text=_("What you did and saw: the client reads this."),
    )
    file = forms.FileField(
        required=False, label=_("File"), help_text=_("Kept as an internal note.")
    )


class PortalReplyForm(AttachmentMixin, forms.Form):
    body = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), max_length=100_000, label=_("Your reply")
    )
    file = forms.FileField(required=False, label=_("Attachment"))


class ContactsField(forms.ModelMultipleChoiceField[User]):
    """Contacts chosen by id: an id no database column holds is an invalid choice, not a 500."""

    def _check_values(self, value: Any) -> Any:
        for pk in value:
            if not re.fullmatch(r"[0-9]{1,18}", str(pk)):
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)  # type: ignore[misc]


class UpdateForm(forms.Form):
    status = forms.ChoiceField(choices=Status.choices, label=_("Status"))
    impact = forms.ChoiceField(choices=Level.choices, label=_("Impact"))
    urgency = forms.ChoiceField(choices=Level.choices, label=_("Urgency"))
    assignee = forms.ModelChoiceField(
        User.objects.none(), required=False, empty_label=_("Unassigned"), label=_("Assignee")
    )
    queue = forms.ModelChoiceField(
        Queue.objects.all(), required=False, empty_label=_("No queue"), label=_("Queue")
    )
    service = forms.ModelChoiceField(
        Service.objects.filter(active=True),
        required=False,
        empty_label=_("No specific service"),
        label=_("Service"),
    )
    stops_business = forms.BooleanField(
        required=False,
        label=_("Stops the business"),
        help_text=_("The client's work stopped: counted as work lost on the value page."),
    )
    cc = ContactsField(
        User.objects.none(),
        required=False,
        label=_("Copied"),
        help_text=_("Contacts who read this ticket as its requester does."),
    )

    def __init__(self, *args: Any, org: Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = User.objects.staff()  # type: ignore[attr-defined]
        self.fields["cc"].queryset = User.objects.filter(  # type: ignore[attr-defined]
            organization=org, role__in=CLIENT_ROLES, is_active=True
        )


class AgentTicketForm(forms.Form):
    organization = forms.ModelChoiceField(Organization.objects.none(), label=_("Organization"))
    title = forms.CharField(max_length=200, label=_("Title"), validators=[validate_title])
    description = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        max_length=100_000,
        label=_("Description"),
    )
    requester_email = forms.EmailField(required=False, label=_("Requester email"))
    kind = forms.ChoiceField(choices=Kind.choices, label=_("Type"))
    impact = forms.ChoiceField(choices=Level.choices, initial=Level.MEDIUM, label=_("Impact"))
    urgency = forms.ChoiceField(choices=Level.choices, initial=Level.MEDIUM, label=_("Urgency"))
    source = forms.ChoiceField(
        choices=[("phone", _("Phone")), ("agent", _("Agent")), ("email", _("Email"))],
        label=_("Source"),
    )
    stops_business = forms.BooleanField(
        required=False,
        label=_("Stops the business"),
        help_text=_("The client's work stopped: counted as work lost on the value page."),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = (  # type: ignore[attr-defined]
            Organization.objects.visible_to(user).active()
        )


AFFECTED = [
    ("low", _("Just me")),
    ("medium", _("My team or department")),
    ("high", _("The whole company")),
]
CAN_WORK = [
    ("low", _("Yes, it is an inconvenience")),
    ("medium", _("Only slowly, or with a workaround")),
    ("high", _("No, work is stopped")),
]


class PortalTicketForm(AttachmentMixin, forms.Form):
    title = forms.CharField(
        max_length=200, label=_("What is the problem?"), validators=[validate_title]
    )
    description = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        max_length=100_000,
        label=_("Details"),
        help_text=_("What happened, since when, any error message."),
    )
    impact = forms.ChoiceField(
        choices=AFFECTED,
        widget=forms.RadioSelect,
        initial="low",
        label=_("How many people are affected?"),
    )
    urgency = forms.ChoiceField(
        choices=CAN_WORK, widget=forms.RadioSelect, initial="low", label=_("Can you still work?")
    )
    file = forms.FileField(required=False, label=_("Attachment"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Built per form, not at import, so it is in the viewer's language.
        self.fields["file"].help_text = _("Up to %(mb)s MB: a screenshot, a PDF, a document.") % {
            "mb": settings.ATTACHMENT_MAX_BYTES // (1024 * 1024)
        }
