"""The desk's vault pages: docs. Mounted in the `vault` namespace by vault/urls.py."""

from __future__ import annotations

from django.urls import URLPattern, path

from steward.vault import views_docs as v

urlpatterns: list[URLPattern] = [
    path("<int:org>/assets/", v.assets, name="assets"),
    path("<int:org>/assets/new/", v.asset_new, name="asset_new"),
    path("<int:org>/assets/import/", v.asset_import, name="asset_import"),
    path("<int:org>/assets/export/", v.asset_export, name="asset_export"),
    path("<int:org>/assets/<int:pk>/", v.asset, name="asset"),
    path("<int:org>/assets/<int:pk>/edit/", v.asset_edit, name="asset_edit"),
    path("<int:org>/assets/<int:pk>/delete/", v.asset_delete, name="asset_delete"),
    path("<int:org>/tickets/<int:ticket>/asset/", v.ticket_asset, name="ticket_asset"),
    path("<int:org>/vendors/", v.vendors, name="vendors"),
    path("<int:org>/vendors/new/", v.vendor_new, name="vendor_new"),
    path("<int:org>/vendors/<int:pk>/edit/", v.vendor_edit, name="vendor_edit"),
    path("<int:org>/vendors/<int:pk>/delete/", v.vendor_delete, name="vendor_delete"),
    path("<int:org>/documents/", v.documents, name="documents"),
    path("<int:org>/documents/new/", v.document_new, name="document_new"),
    path("<int:org>/documents/<int:pk>/", v.document, name="document"),
    path("<int:org>/documents/<int:pk>/edit/", v.document_edit, name="document_edit"),
    path("<int:org>/documents/<int:pk>/delete/", v.document_delete, name="document_delete"),
    path("<int:org>/documents/<int:pk>/history/", v.document_history, name="document_history"),
    path(
        "<int:org>/documents/<int:pk>/history/<int:revision>/",
        v.document_revision,
        name="document_revision",
    ),
]
