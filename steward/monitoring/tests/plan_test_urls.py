"""The project's URLs with the plan pages mounted as the lead will mount them."""

from __future__ import annotations

from django.urls import include, path

from steward.monitoring import plan_urls
from steward.urls import urlpatterns as project

urlpatterns = [
    path("desk/monitoring/", include((plan_urls.urlpatterns, "monitoring"))),
    *project,
]
