"""The advice pages: `desk` (namespace reports), `portal` (reports_portal)."""

from __future__ import annotations

from django.urls import URLPattern, path

from steward.reports import views_advice

desk: list[URLPattern] = [
    path("<int:org>/advice/", views_advice.advice, name="advice"),
    path("advice/<int:pk>/", views_advice.recommendation, name="recommendation"),
]
portal: list[URLPattern] = [
    path("advice/", views_advice.portal_advice, name="advice"),
    path("advice/<int:pk>/", views_advice.portal_recommendation, name="recommendation"),
]
