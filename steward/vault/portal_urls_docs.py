"""The portal's vault pages: docs. Mounted in the `vault_portal` namespace by
vault/portal_urls.py."""

from __future__ import annotations

from django.urls import URLPattern, path

from steward.vault import views_docs as v

urlpatterns: list[URLPattern] = [
    path("assets/", v.portal_assets, name="assets"),
    path("assets/<int:pk>/", v.portal_asset, name="asset"),
    path("vendors/", v.portal_vendors, name="vendors"),
    path("documents/", v.portal_documents, name="documents"),
    path("documents/new/", v.portal_document_new, name="document_new"),
    path("documents/<int:pk>/", v.portal_document, name="document"),
    path("documents/<int:pk>/edit/", v.portal_document_edit, name="document_edit"),
    path("documents/<int:pk>/history/", v.portal_document_history, name="document_history"),
    path(
        "documents/<int:pk>/history/<int:revision>/",
        v.portal_document_revision,
        name="document_revision",
    ),
]
