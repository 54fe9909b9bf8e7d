"""The portal's vault pages, for the signed-in client's own organization."""

from __future__ import annotations

from django.urls import path

from steward.vault import portal_urls_docs, portal_urls_exit, portal_urls_secrets, views

app_name = "vault_portal"

urlpatterns = [
    path("", views.portal_home, name="home"),
    *portal_urls_docs.urlpatterns,
    *portal_urls_secrets.urlpatterns,
    *portal_urls_exit.urlpatterns,
]
