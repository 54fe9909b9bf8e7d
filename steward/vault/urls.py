"""The desk's vault pages, per organization (/desk/vault/<org id>/...): each area's own module."""

from __future__ import annotations

from django.urls import path

from steward.vault import urls_docs, urls_exit, urls_secrets, views

app_name = "vault"

urlpatterns = [
    path("", views.home, name="home"),
    path("<int:org>/", views.org_home, name="org"),
    *urls_docs.urlpatterns,
    *urls_secrets.urlpatterns,
    *urls_exit.urlpatterns,
]
