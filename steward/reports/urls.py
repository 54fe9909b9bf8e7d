"""The cost comparison pages. They keep the addresses and names they had among the billing
pages: steward/urls.py adds these to the `billing` and `billing_portal` namespaces."""

from __future__ import annotations

from django.urls import path

from steward.reports import views

desk_urlpatterns = [
    path("organizations/<int:org_id>/value/", views.value, name="value"),
]

portal_urlpatterns = [
    path("value/", views.portal_value, name="value"),
]
