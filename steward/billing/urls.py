"""The desk's billing pages and the ticket page's time, scope and quote forms."""

from __future__ import annotations

from django.urls import path

from steward.billing import views

app_name = "billing"

urlpatterns = [
    path("agreements/", views.agreements, name="agreements"),
    path("agreements/new/", views.edit_agreement, name="agreement_new"),
    path("agreements/<int:pk>/", views.agreement, name="agreement"),
    path("agreements/<int:pk>/edit/", views.edit_agreement, name="agreement_edit"),
    path("agreements/<int:pk>/draft/", views.draft_invoice, name="invoice_draft"),
    path("clients/<int:pk>/tax/", views.client_tax, name="client_tax"),
    path("invoices/<int:pk>/", views.invoice, name="invoice"),
    path("invoices/<int:pk>/issue/", views.issue_invoice, name="invoice_issue"),
    path("invoices/<int:pk>/credit/", views.credit_invoice, name="invoice_credit"),
    path("invoices/<int:pk>/pdf/", views.invoice_pdf, name="invoice_pdf"),
    path("invoices/<int:pk>/csv/", views.invoice_csv, name="invoice_csv"),
    path("invoices/<int:pk>/ubl/", views.invoice_ubl, name="invoice_ubl"),
    path("invoices/export/", views.invoice_export, name="invoice_export"),
    path("tickets/<str:number>/time/", views.log_time, name="time"),
    path("tickets/<str:number>/time/<int:pk>/remove/", views.remove_time, name="time_remove"),
    path("tickets/<str:number>/timer/", views.timer, name="timer"),
    path("tickets/<str:number>/scope/", views.decide_scope, name="scope"),
    path("tickets/<str:number>/quote/", views.request_quote, name="quote"),
]
