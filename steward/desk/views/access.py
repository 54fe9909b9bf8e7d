"""Who may open a desk or portal page, and the one way views fetch a ticket."""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest

from steward.accounts.access import View, client_view, staff_view, user_of
from steward.desk.models import Attachment, Ticket
from steward.desk.queries import with_related
from steward.lib.files import download

__all__ = [
    "View",
    "attachment_download",
    "client_view",
    "staff_view",
    "user_of",
    "visible_ticket",
]


def visible_ticket(request: HttpRequest, number: str) -> Ticket:
    """The ticket with this number if the user may see it, else 404 (never 403)."""
    ticket = with_related(Ticket.objects.visible_to(user_of(request))).filter(number=number).first()
    if ticket is None:
        raise Http404
    return ticket


def attachment_download(request: HttpRequest, attachment_id: int) -> FileResponse:
    """The file if the user may see its message, else 404. Files are only ever served from
    here: there is no public media URL, in any mode."""
    item = Attachment.objects.visible_to(user_of(request)).filter(pk=attachment_id).first()
    if item is None:
        raise Http404
    try:
        file = item.file.open("rb")
    except FileNotFoundError:  # the row outlived its file (a restore without media)
        raise Http404 from None
    return download(file, item.name, item.content_type)
