"""The advice pages: `desk` (namespace reports), `portal` (reports_portal)."""

from __future__ import annotations

from django.urls import URLPattern, path

from steward.reports import views_advice

desk: list[URLPattern] = [
    path("<int:org>/advice/", views_advice.advice, name="advice"),
    path("<int:org>/advice/new/", views_advice.recommendation_new, name="recommendation_new"),
    path("advice/<int:pk>/", views_advice.recommendation, name="recommendation"),
    path("advice/<int:pk>/edit/", views_advice.recommendation_edit, name="recommendation_edit"),
]
portal: list[URLPattern] = [
    path("advice/", views_advice.portal_advice, name="advice"),
    path("advice/<int:pk>/", views_advice.portal_recommendation, name="recommendation"),
]
