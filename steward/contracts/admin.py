from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from steward.contracts import actions
from steward.contracts.models import CHANGED_IN_ADMIN, Agreement
from steward.sla.admin import SlaPolicyAdmin
from steward.sla.models import SlaPolicy


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin[Agreement]):
    list_display = ["name", "organization", "starts", "ends", "sla_policy"]
    list_filter = ["organization"]

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        # A change made here is a change of terms like any other: it is a new version.
        super().save_related(request, form, formsets, change)
        actions.record_version(form.instance, request.user, CHANGED_IN_ADMIN)  # type: ignore[arg-type]


# The SLA policy's targets are part of every agreement's terms: changing them makes a new
# version of each agreement that promises them. (Here, not in sla, which knows nothing of
# agreements.)
admin.site.unregister(SlaPolicy)


@admin.register(SlaPolicy)
class PolicyAdmin(SlaPolicyAdmin):
    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        actions.save_policy(obj, request.user)  # type: ignore[arg-type]
