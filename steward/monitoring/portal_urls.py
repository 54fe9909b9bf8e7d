"""The client's monitoring page in the portal."""

from __future__ import annotations

from django.urls import path

from steward.monitoring import views

app_name = "monitoring_portal"

urlpatterns = [
    path("", views.portal_home, name="home"),
    path("alerts/", views.portal_alerts, name="alerts"),
]
