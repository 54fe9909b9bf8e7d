"""The pack endpoint of the Reports API (DESIGN.md): the review pack as a PDF."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema

from steward.reports import pack
from steward.reports.api_period import organization_and_period

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
    org, period = organization_and_period(request, org_id, q.from_, q.to)
    response = HttpResponse(pack.render_pdf(org, period), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{pack.filename(org, period)}"'
    response["Cache-Control"] = "no-store"
    return response
