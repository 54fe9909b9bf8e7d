"""The invitation mail, sent at once rather than through the outbox: the outbox keeps every
message for staff to read, and a sign-in link must not be readable by anyone but its owner."""

from __future__ import annotations

import zoneinfo
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from steward.accounts.models import Provider, User
from steward.accounts.people import invite_path_args
from steward.lib import formats
from steward.mail.outbound import sender_for


def send_invitation(person: User, by: User) -> None:
    """Mail `person` a one-time link that lets them choose a password and sign in."""
    language = person.preferred_language()
    provider = Provider.current()
    url = settings.SITE_URL + reverse("welcome", args=invite_path_args(person))
    from_header, reply_to = sender_for(person.organization)
    context = {
        "person": person,
        "by": by,
        "url": url,
        "provider": provider,
        "site_name": settings.SITE_NAME,
        "language": language,
    }
    tz = zoneinfo.ZoneInfo(person.preferred_timezone())
    with translation.override(language), timezone.override(tz):
        expires = timezone.now() + timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT)
        context["expires"] = formats.format_datetime(expires, "long", language)
        subject = _("Your %(provider)s account: choose a password") % {"provider": provider.name}
        text = render_to_string("mail/email/invitation.txt", context)
        html = render_to_string("mail/email/invitation.html", context)
    mail = EmailMultiAlternatives(
        subject,
        text,
        from_header,
        [person.email],
        reply_to=[reply_to or provider.email] if (reply_to or provider.email) else None,
        headers={"Auto-Submitted": "auto-generated"},
    )
    mail.attach_alternative(html, "text/html")
    mail.send()
