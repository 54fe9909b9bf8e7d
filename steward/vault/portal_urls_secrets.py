"""The portal's vault pages: secrets. Mounted in the `vault_portal` namespace by
vault/portal_urls.py."""

from __future__ import annotations

from django.urls import URLPattern, path

from steward.vault import views_secrets as views

urlpatterns: list[URLPattern] = [
    path("credentials/", views.portal_credentials, name="credentials"),
    path("credentials/at-risk/", views.portal_at_risk, name="at_risk"),
    path("credentials/new/", views.portal_credential_new, name="credential_new"),
    path("credentials/<int:pk>/edit/", views.portal_credential_edit, name="credential_edit"),
    path("credentials/<int:pk>/delete/", views.portal_credential_delete, name="credential_delete"),
    path("credentials/<int:pk>/reveal/", views.portal_credential_reveal, name="credential_reveal"),
    path("access/", views.portal_access, name="access"),
    path("audit/", views.portal_audit, name="audit"),
]
