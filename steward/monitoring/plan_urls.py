"""The desk's pages of maintenance plans, for the `monitoring` namespace (mounted under
desk/monitoring/ with the check pages)."""

from __future__ import annotations

from django.urls import path

from steward.monitoring import views_plans

urlpatterns = [
    path("plans/", views_plans.plan_list, name="plans"),
    path("plans/new/", views_plans.plan_new, name="plan_new"),
    path("plans/<int:pk>/", views_plans.plan_detail, name="plan"),
    path("plans/<int:pk>/edit/", views_plans.plan_edit, name="plan_edit"),
]
