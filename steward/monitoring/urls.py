"""The desk's monitoring pages: the board, checks, maintenance windows and plans."""

from __future__ import annotations

from django.urls import path

from steward.monitoring import plan_urls, views

app_name = "monitoring"

urlpatterns = [
    path("", views.board_page, name="board"),
    path("checks/new/", views.check_new, name="check_new"),
    path("checks/<int:pk>/", views.check_page, name="check"),
    path("checks/<int:pk>/edit/", views.check_edit, name="check_edit"),
    path("checks/<int:pk>/delete/", views.check_delete, name="check_delete"),
    path("checks/<int:pk>/pause/", views.check_pause, name="check_pause"),
    path("checks/<int:pk>/resume/", views.check_resume, name="check_resume"),
    path("windows/", views.windows, name="windows"),
    path("windows/new/", views.window_new, name="window_new"),
    path("windows/<int:pk>/delete/", views.window_delete, name="window_delete"),
    *plan_urls.urlpatterns,
]
