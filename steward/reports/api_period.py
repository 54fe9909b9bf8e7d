"""What the per-organization report endpoints share (scorecard, value, recurring, review
pack): the organization, who reads it, and the period.

Provider staff who see the organization read its reports, and so do its client admins; a
client user is refused (403), as the portal shows these to administrators only: they price
the organization's hours and quote everyone's tickets."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from steward.accounts.models import Organization
from steward.contracts.models import ACCOUNT_READERS
from steward.lib.api import ApiError, api_user, get_visible, require
from steward.reports.period import Period, PeriodError, parse


def for_api(raw_from: str | None, raw_to: str | None, tz: str) -> Period:
    """An endpoint's period, from ?from=&to= in the organization's time zone `tz`; a bad one
    is a 422 naming the parameter, as every other bad input of the API is."""
    try:
        return parse(raw_from, raw_to, timezone.localdate(timezone=ZoneInfo(tz)))
    except PeriodError as error:
        raise ApiError(422, f"{error.field}: {error.message}", error.field) from None


def organization_and_period(
    request: HttpRequest, org_id: int, raw_from: str | None, raw_to: str | None
) -> tuple[Organization, Period]:
    """The organization a report names (another's is a 404), if this caller's role reads
    reports (else 403), and the period asked for (a bad one is a 422)."""
    user = api_user(request)
    org = get_visible(Organization.objects.all(), user, "organization", pk=org_id)
    require(user.role in ACCOUNT_READERS, _("Only the client's administrators read this."))
    return org, for_api(raw_from, raw_to, org.timezone)
