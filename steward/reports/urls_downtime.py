"""The downtime pages: `desk` (namespace reports), `portal` (reports_portal)."""

from __future__ import annotations

from django.urls import URLPattern, path

from steward.reports import views_downtime

desk: list[URLPattern] = [
    path("<int:org>/downtime/", views_downtime.downtime, name="downtime"),
]
portal: list[URLPattern] = [
    path("downtime/", views_downtime.portal_downtime, name="downtime"),
]
