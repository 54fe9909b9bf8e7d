"""The reports pages: the desk's (/desk/reports/), the portal's (/portal/reports/) and the
survey link that works without signing in (/survey/). Each area keeps its own patterns.

The cost comparison pages keep the addresses and names they had among the billing pages:
steward/urls.py adds `desk_urlpatterns` and `portal_urlpatterns` to `billing` and
`billing_portal`."""

from __future__ import annotations

from django.urls import path

from steward.reports import (
    urls_advice,
    urls_csat,
    urls_downtime,
    urls_pack,
    urls_problems,
    urls_reviews,
    urls_scorecard,
    views,
    views_home,
)

desk_urlpatterns = [
    path("organizations/<int:org_id>/value/", views.value, name="value"),
]

portal_urlpatterns = [
    path("value/", views.portal_value, name="value"),
]

# namespace "reports", under /desk/reports/
desk = [
    path("", views_home.home, name="home"),
    path("<int:org>/", views_home.org_home, name="org"),
    path("tickets/<int:pk>/panel/", views_home.ticket_panel, name="ticket_panel"),
    path("dashboard-panel/", views_home.dashboard_panel, name="dashboard_panel"),
    *urls_scorecard.desk,
    *urls_csat.desk,
    *urls_downtime.desk,
    *urls_problems.desk,
    *urls_reviews.desk,
    *urls_advice.desk,
    *urls_pack.desk,
]

# namespace "reports_portal", under /portal/reports/
portal = [
    path("", views_home.portal_home, name="home"),
    path("tickets/<str:number>/panel/", views_home.portal_ticket_panel, name="ticket_panel"),
    *urls_scorecard.portal,
    *urls_csat.portal,
    *urls_downtime.portal,
    *urls_problems.portal,
    *urls_reviews.portal,
    *urls_advice.portal,
    *urls_pack.portal,
]

# namespace "surveys", under /survey/: the signed link of the satisfaction mail
public = [*urls_csat.public]
