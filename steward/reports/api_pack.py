"""The pack endpoint of the Reports API (DESIGN.md): the review pack as a PDF."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from steward.accounts.models import Organization
from steward.contracts.models import ACCOUNT_READERS
from steward.lib.api import api_user, get_visible, require
from steward.reports import pack
from steward.reports.period import for_api

router = Router(tags=["reports"])


class PeriodIn(Schema):
    from_: str | None = Field(None, alias="from", description="The first day, YYYY-MM-DD.")
    to: str | None = Field(None, description="The last day, YYYY-MM-DD.")


@router.get(
    "/organizations/{org_id}/review-pack",
    response={200: None},
    openapi_extra={
        "responses": {
            200: {
                "description": "The review pack, a PDF in the client's language.",
                "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
            }
        }
    },
)
def review_pack(
    request: HttpRequest,
    org_id: int,
    q: Query[PeriodIn],
) -> HttpResponse:
    """The quarterly review for the client's board, for a period (`from` and `to`, dates both
    included; without them the last 90 days): scorecard, tickets, downtime and its cost,
    maintenance, problems and reviews, advice and decisions, posture and exit-readiness where
    kept, time and spend. Provider staff who see the organization and its client admins."""
    user = api_user(request)
    org = get_visible(Organization.objects.all(), user, "organization", pk=org_id)
    require(user.role in ACCOUNT_READERS, _("Only the client's administrators read the pack."))
    period = for_api(q.from_, q.to, org.timezone)
    response = HttpResponse(pack.render_pdf(org, period), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{pack.filename(org, period)}"'
    response["Cache-Control"] = "no-store"
    return response
