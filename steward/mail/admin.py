from __future__ import annotations

from django.contrib import admin

from steward.mail.models import Inbound, Mailbox, MailDomain, Outbound


@admin.register(Mailbox)
class MailboxAdmin(admin.ModelAdmin[Mailbox]):
    list_display = ["name", "address", "organization", "imap_host", "enabled", "last_polled_at"]


@admin.register(MailDomain)
class MailDomainAdmin(admin.ModelAdmin[MailDomain]):
    list_display = ["domain", "organization"]
    search_fields = ["domain"]


@admin.register(Inbound)
class InboundAdmin(admin.ModelAdmin[Inbound]):
    list_display = ["received_at", "from_address", "subject", "state", "ticket"]
    list_filter = ["state", "via"]
    search_fields = ["subject", "from_address", "msgid"]
    exclude = ["raw"]
    readonly_fields = ["key", "msgid", "size", "via", "mailbox", "ticket", "message"]

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False  # What was received is never edited; the desk's mail pages place it.


@admin.register(Outbound)
class OutboundAdmin(admin.ModelAdmin[Outbound]):
    list_display = ["created_at", "kind", "subject", "state", "attempts", "sent_at"]
    list_filter = ["state", "kind"]
    search_fields = ["subject", "msgid"]
