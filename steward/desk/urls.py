"""The agent desk: dashboard, queue, ticket pages."""

from __future__ import annotations

from django.urls import path

from steward.desk.views import agent

app_name = "desk"

urlpatterns = [
    path("", agent.dashboard, name="dashboard"),
    path("queue/", agent.queue, name="queue"),
    path("queue/bulk-assign/", agent.bulk_assign, name="bulk_assign"),
    path("tickets/new/", agent.new_ticket, name="new_ticket"),
    path("tickets/<str:number>/", agent.ticket, name="ticket"),
    path("tickets/<str:number>/reply/", agent.reply, name="reply"),
    path("tickets/<str:number>/update/", agent.update, name="update"),
    path("tickets/<str:number>/checklist/<int:item_id>/", agent.tick, name="tick"),
    path("attachments/<int:attachment_id>/", agent.attachment, name="attachment"),
]
