"""The scorecard pages: `desk` (namespace reports), `portal` (reports_portal)."""

from __future__ import annotations

from django.urls import URLPattern, path

from steward.reports import views_scorecard

desk: list[URLPattern] = [
    path("<int:org>/scorecard/", views_scorecard.scorecard, name="scorecard"),
]
portal: list[URLPattern] = [
    path("scorecard/", views_scorecard.portal_scorecard, name="scorecard"),
]
