"""The client portal: a client's own tickets, a new request, replies."""

from __future__ import annotations

from django.urls import path

from steward.desk.views import portal

app_name = "portal"

urlpatterns = [
    path("", portal.home, name="home"),
    path("tickets/new/", portal.new_ticket, name="new_ticket"),
    path("tickets/new/preview/", portal.preview, name="preview"),
    path("tickets/<str:number>/", portal.ticket, name="ticket"),
    path("tickets/<str:number>/reply/", portal.reply, name="reply"),
    path("tickets/<str:number>/close/", portal.close, name="close"),
    path("attachments/<int:attachment_id>/", portal.attachment, name="attachment"),
]
