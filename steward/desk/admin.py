from __future__ import annotations

from django.contrib import admin

from steward.desk.models import Queue, Ticket, TicketEvent


@admin.register(Queue)
class QueueAdmin(admin.ModelAdmin[Queue]):
    list_display = ["name", "email"]


@admin.register(Ticket)
class TicketAdmin(admin.ModelAdmin[Ticket]):
    list_display = ["number", "title", "organization", "priority", "status", "sla_due"]
    list_filter = ["status", "priority", "organization"]
    search_fields = ["number", "title"]
    readonly_fields = [f.name for f in Ticket._meta.fields]

    def has_add_permission(self, request: object) -> bool:  # tickets open through actions
        return False


@admin.register(TicketEvent)
class TicketEventAdmin(admin.ModelAdmin[TicketEvent]):
    list_display = ["ticket", "kind", "at", "actor"]
    list_filter = ["kind"]

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        return False
