"""The mail pages of the desk: received mail and quarantine, outbox, mailboxes."""

from __future__ import annotations

from django.urls import path

from steward.mail import views

app_name = "mail"

urlpatterns = [
    path("", views.inbound_list, name="inbound_list"),
    path("<int:pk>/", views.inbound, name="inbound"),
    path("<int:pk>/original/", views.original, name="original"),
    path("<int:pk>/reprocess/", views.reprocess, name="reprocess"),
    path("<int:pk>/place/", views.place, name="place"),
    path("outbox/", views.outbox, name="outbox"),
    path("outbox/<int:pk>/retry/", views.retry, name="retry"),
    path("mailboxes/", views.mailboxes, name="mailboxes"),
    path("mailboxes/new/", views.mailbox_edit, name="mailbox_new"),
    path("mailboxes/<int:pk>/", views.mailbox_edit, name="mailbox"),
    path("mailboxes/<int:pk>/connect/", views.mailbox_connect, name="mailbox_connect"),
    path("oauth/callback/", views.oauth_callback, name="oauth_callback"),
]
