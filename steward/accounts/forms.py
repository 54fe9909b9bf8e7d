"""The signed-in user's own settings."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from steward.accounts.models import User
from steward.lib.timezones import available_timezones


class ProfileForm(forms.ModelForm[User]):
    language = forms.ChoiceField(required=False, label=_("Language"))
    timezone = forms.ChoiceField(required=False, label=_("Time zone"))

    class Meta:
        model = User
        fields = ["name", "phone", "language", "timezone"]

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["language"].choices = [  # type: ignore[attr-defined]
            ("", _("My organization's language")),
            *settings.LANGUAGES,
        ]
        self.fields["timezone"].choices = [  # type: ignore[attr-defined]
            ("", _("My organization's time zone")),
            *[(tz, tz) for tz in sorted(available_timezones())],
        ]


class TokenForm(forms.Form):
    name = forms.CharField(
        max_length=100, label=_("Name"), help_text=_("What the token is for, e.g. 'monitoring'.")
    )
