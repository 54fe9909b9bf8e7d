"""The client's agreement pages in the portal (client administrators)."""

from __future__ import annotations

from django.urls import path

from steward.billing import views

app_name = "billing_portal"

urlpatterns = [
    path("", views.portal_agreements, name="agreements"),
    path("invoices/", views.portal_invoices, name="invoices"),
    path("invoices/<int:pk>/pdf/", views.portal_invoice_pdf, name="invoice_pdf"),
    path("invoices/<int:pk>/csv/", views.portal_invoice_csv, name="invoice_csv"),
    path("invoices/<int:pk>/ubl/", views.portal_invoice_ubl, name="invoice_ubl"),
    path("quotes/<int:pk>/decide/", views.portal_decide_quote, name="quote_decide"),
]
