"""Steward's URLs plus `POST /bare/tickets`: the same ticket row inserted by a bare view."""

from __future__ import annotations

import json

from django.db import transaction
from django.db.models import F
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from steward.accounts.models import Organization
from steward.desk.models import Ticket
from steward.sla.models import priority_for
from steward.urls import urlpatterns as steward_urls


@csrf_exempt
def bare_create(request: HttpRequest) -> HttpResponse:
    data = json.loads(request.body)
    with transaction.atomic():
        Organization.objects.filter(pk=data["organization"]).update(ticket_seq=F("ticket_seq") + 1)
        org = Organization.objects.get(pk=data["organization"])
        ticket = Ticket.objects.create(
            organization=org,
            seq=org.ticket_seq,
            number=f"{org.code}-{org.ticket_seq}",
            title=data["title"],
            impact=data["impact"],
            urgency=data["urgency"],
            priority=priority_for(data["impact"], data["urgency"]),
            source="api",
        )
    return JsonResponse({"id": ticket.pk, "number": ticket.number}, status=201)


urlpatterns = [path("bare/tickets", bare_create), *steward_urls]
