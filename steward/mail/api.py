"""API for relays that post received mail over HTTP."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router
from ninja.responses import Status as HttpStatus

from steward.lib.api import ApiError, Out, api_user, require
from steward.mail import inbound
from steward.mail.models import Inbound, Mailbox, Via

router = Router(tags=["Mail"])

RAW_BODY = {
    "requestBody": {
        "required": True,
        "content": {"message/rfc822": {"schema": {"type": "string", "format": "binary"}}},
    }
}


class InboundOut(Out):
    """Where one received message went."""

    id: int
    message_id: str = Field(description="Its Message-ID header.")
    state: str
    reason: str
    duplicate: bool = Field(description="True when this Message-ID was received before.")
    ticket: str | None = Field(description="The number of the ticket it opened or joined.")
    message: int | None = Field(description="The ticket message it became.")

    @classmethod
    def of(cls, mail: Inbound, duplicate: bool) -> InboundOut:
        return cls(
            id=mail.pk,
            message_id=mail.msgid,
            state=mail.state,
            reason=mail.reason,
            duplicate=duplicate,
            ticket=mail.ticket.number if mail.ticket else None,
            message=mail.message_id,
        )


@router.post(
    "/mail/inbound",
    response={200: InboundOut, 202: InboundOut},
    openapi_extra=RAW_BODY,
    summary="Receive one email (raw RFC 822 body)",
)
def receive_mail(request: HttpRequest, mailbox: str = "") -> HttpStatus[InboundOut]:
    """Store and process one raw message. 202 when it is new (the answer says where it went:
    a new ticket, a reply, ignored, quarantined with the reason), 200 for a Message-ID already
    received. `mailbox` is the address it was delivered to."""
    user = api_user(request)
    require(user.can_manage_settings, _("Only provider admins and managers post mail."))
    box = None
    if mailbox:
        box = Mailbox.objects.filter(address__iexact=mailbox).first()
        if box is None:
            raise ApiError(
                404, _("No mailbox with the address %(address)s.") % {"address": mailbox}, "mailbox"
            )
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        raise ApiError(400, _("Content-Length is not a number.")) from None
    if length > settings.MAIL_MAX_BYTES:
        raise ApiError(
            413,
            _("The message is larger than %(limit)s bytes.") % {"limit": settings.MAIL_MAX_BYTES},
            "body",
        )
    # Read the stream directly: request.body would refuse anything over
    # DATA_UPLOAD_MAX_MEMORY_SIZE, which is meant for forms, not for mail.
    raw = request.read(settings.MAIL_MAX_BYTES + 1)
    if not raw.strip():
        raise ApiError(400, _("The request body is empty; send the raw message."), "body")
    try:
        received = inbound.receive(raw, mailbox=box, via=Via.API)
    except inbound.MailTooLarge as exc:
        raise ApiError(413, str(exc), "body") from None
    code = 200 if received.duplicate else 202
    return HttpStatus(code, InboundOut.of(received.inbound, received.duplicate))
