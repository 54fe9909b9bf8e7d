"""The problems pages: `desk` (namespace reports), `portal` (reports_portal)."""

from __future__ import annotations

from django.urls import URLPattern, path

from steward.reports import views_problems

desk: list[URLPattern] = [
    path("<int:org>/recurring/", views_problems.recurring, name="recurring"),
    path("<int:org>/problems/new/", views_problems.problem_new, name="problem_new"),
    path("problems/", views_problems.problems, name="problems"),
    path("problems/<int:pk>/", views_problems.problem, name="problem"),
]
portal: list[URLPattern] = [
    path("problems/", views_problems.portal_problems, name="problems"),
    path("problems/<int:pk>/", views_problems.portal_problem, name="problem"),
]
