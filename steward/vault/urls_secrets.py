"""The desk's vault pages: secrets. Mounted in the `vault` namespace by vault/urls.py."""

from __future__ import annotations

from django.urls import URLPattern, path

from steward.vault import views_secrets as views

urlpatterns: list[URLPattern] = [
    path("<int:org>/credentials/", views.desk_credentials, name="credentials"),
    path("<int:org>/credentials/new/", views.desk_credential_new, name="credential_new"),
    path(
        "<int:org>/credentials/<int:pk>/edit/", views.desk_credential_edit, name="credential_edit"
    ),
    path(
        "<int:org>/credentials/<int:pk>/delete/",
        views.desk_credential_delete,
        name="credential_delete",
    ),
    path(
        "<int:org>/credentials/<int:pk>/reveal/",
        views.desk_credential_reveal,
        name="credential_reveal",
    ),
    path("<int:org>/access/", views.desk_access, name="access"),
    path("<int:org>/audit/", views.desk_audit, name="audit"),
]
