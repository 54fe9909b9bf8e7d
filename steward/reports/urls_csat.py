"""The satisfaction pages: `desk` (namespace reports), `portal` (reports_portal) and `public`
(namespace surveys, the mailed link that needs no sign-in)."""

from __future__ import annotations

from django.urls import URLPattern, path

from steward.reports import views_csat

desk: list[URLPattern] = [
    path("surveys/", views_csat.surveys_page, name="surveys"),
]
portal: list[URLPattern] = [
    path("surveys/<str:number>/", views_csat.portal_survey, name="survey"),
]
public: list[URLPattern] = [
    path("<str:token>/", views_csat.public_answer, name="answer"),
]
