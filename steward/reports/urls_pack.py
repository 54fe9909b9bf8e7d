"""The pack pages: `desk` (namespace reports), `portal` (reports_portal)."""

from __future__ import annotations

from django.urls import URLPattern, path

from steward.reports import views_pack

desk: list[URLPattern] = [
    path("<int:org>/pack/", views_pack.pack, name="pack"),
    path("<int:org>/pack.pdf", views_pack.pack_pdf, name="pack_pdf"),
]
portal: list[URLPattern] = [
    path("pack/", views_pack.portal_pack, name="pack"),
    path("pack.pdf", views_pack.portal_pack_pdf, name="pack_pdf"),
]
