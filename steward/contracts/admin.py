from __future__ import annotations

from django.contrib import admin

from steward.contracts.models import Agreement


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
    list_display = ["name", "organization", "starts", "ends", "sla_policy"]
    list_filter = ["organization"]
