from __future__ import annotations

from django.contrib import admin

from steward.sla.models import BusinessCalendar, SlaPolicy


@admin.register(BusinessCalendar)
class BusinessCalendarAdmin(admin.ModelAdmin[BusinessCalendar]):
    list_display = ["name", "timezone", "holiday_country", "holiday_subdivision"]


@admin.register(SlaPolicy)
class SlaPolicyAdmin(admin.ModelAdmin[SlaPolicy]):
    list_display = ["name", "calendar", "warning_percent"]
