"""The desk's settings for service levels: calendars, SLA policies, queues and routing."""

from __future__ import annotations

from django.urls import path

from steward.desk.views import settings as views

app_name = "policies"

urlpatterns = [
    path("calendars/", views.calendars, name="calendars"),
    path("calendars/new/", views.calendar_new, name="calendar_new"),
    path("calendars/<int:pk>/", views.calendar, name="calendar"),
    path("policies/", views.policies, name="policies"),
    path("policies/new/", views.policy_new, name="policy_new"),
    path("policies/<int:pk>/", views.policy, name="policy"),
    path("queues/", views.queues, name="queues"),
    path("queues/new/", views.queue_new, name="queue_new"),
    path("queues/<int:pk>/", views.queue, name="queue"),
    path("queues/rules/new/", views.rule_new, name="rule_new"),
    path("queues/rules/<int:pk>/", views.rule, name="rule"),
    path("queues/rules/<int:pk>/delete/", views.rule_delete, name="rule_delete"),
]
