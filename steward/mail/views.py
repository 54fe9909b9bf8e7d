"""The desk's mail pages: what came in (and the quarantine), what goes out, the mailboxes."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from steward.accounts.access import manager_view, staff_view, user_of
from steward.mail import inbound as inbound_actions
from steward.mail import oauth
from steward.mail import outbound as outbound_actions
from steward.mail.forms import InboundFilterForm, MailboxForm, PlaceForm
from steward.mail.models import Inbound, InboundState, Mailbox, Outbound, OutboundState
from steward.mail.parsing import parse

PAGE_SIZE = 50


def _visible_inbound(request: HttpRequest, pk: int) -> Inbound:
    mail = Inbound.objects.visible_to(user_of(request)).filter(pk=pk).first()
    if mail is None:
        raise Http404
    return mail


@staff_view
def inbound_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    form = InboundFilterForm(request.GET or {"state": InboundState.QUARANTINED})
    visible = Inbound.objects.visible_to(user)
    mails = visible.select_related("ticket", "mailbox", "organization").defer("raw")
    if form.is_valid():
        if form.cleaned_data["state"]:
            mails = mails.filter(state=form.cleaned_data["state"])
        if q := form.cleaned_data["q"]:
            mails = mails.filter(Q(subject__icontains=q) | Q(from_address__icontains=q))
    counts = dict(visible.values_list("state").annotate(n=Count("id")))
    return render(
        request,
        "mail/inbound_list.html",
        {
            "form": form,
            "mails": mails[:PAGE_SIZE],
            "counts": counts,
            "states": InboundState.choices,
            "pending_out": Outbound.objects.visible_to(user).unsent().count(),
        },
    )


@staff_view
def inbound(request: HttpRequest, pk: int) -> HttpResponse:
    mail = _visible_inbound(request, pk)
    parsed = parse(bytes(mail.raw))
    return render(
        request,
        "mail/inbound.html",
        {
            "mail": mail,
            "parsed": parsed,
            "place_form": PlaceForm(user=user_of(request)),
            "can_place": user_of(request).can_manage_settings,
        },
    )


@staff_view
def original(request: HttpRequest, pk: int) -> HttpResponse:
    """The email exactly as it was received."""
    mail = _visible_inbound(request, pk)
    response = HttpResponse(bytes(mail.raw), content_type="message/rfc822")
    response["Content-Disposition"] = f'attachment; filename="mail-{mail.pk}.eml"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
@manager_view
def reprocess(request: HttpRequest, pk: int) -> HttpResponse:
    mail = _visible_inbound(request, pk)
    if mail.state != InboundState.QUARANTINED:
        messages.error(request, _("Only quarantined mail is processed again."))
        return redirect(mail)
    inbound_actions.process(mail, actor=user_of(request))
    _tell(request, mail)
    return redirect(mail)


@require_POST
@manager_view
def place(request: HttpRequest, pk: int) -> HttpResponse:
    mail = _visible_inbound(request, pk)
    user = user_of(request)
    if mail.state != InboundState.QUARANTINED:
        messages.error(request, _("Only quarantined mail is placed by hand."))
        return redirect(mail)
    form = PlaceForm(request.POST, user=user)
    if not form.is_valid():
        return render(
            request,
            "mail/inbound.html",
            {
                "mail": mail,
                "parsed": parse(bytes(mail.raw)),
                "place_form": form,
                "can_place": True,
            },
            status=400,
        )
    inbound_actions.process(
        mail,
        organization=form.cleaned_data["organization"],
        ticket=form.cleaned_data["ticket"],
        actor=user,
    )
    _tell(request, mail)
    return redirect(mail)


def _tell(request: HttpRequest, mail: Inbound) -> None:
    if mail.state == InboundState.QUARANTINED:
        messages.error(request, _("Still quarantined: %s") % mail.reason_text)
    elif mail.ticket is not None:
        messages.success(
            request,
            _("%(state)s: %(number)s.")
            % {"state": mail.get_state_display(), "number": mail.ticket.number},
        )
    else:
        messages.success(request, mail.get_state_display())


@staff_view
def outbox(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    state = request.GET.get("state", "unsent")
    mails = Outbound.objects.visible_to(user).select_related("ticket")
    if state == "unsent":
        mails = mails.unsent()
    elif state in OutboundState.values:
        mails = mails.filter(state=state)
    counts = dict(Outbound.objects.visible_to(user).values_list("state").annotate(n=Count("id")))
    return render(
        request,
        "mail/outbox.html",
        {
            "mails": mails.defer("html")[:PAGE_SIZE],
            "state": state,
            "counts": counts,
            "can_retry": user.can_manage_settings,
        },
    )


@require_POST
@manager_view
def retry(request: HttpRequest, pk: int) -> HttpResponse:
    mail = Outbound.objects.visible_to(user_of(request)).filter(pk=pk).first()
    if mail is None:
        raise Http404
    outbound_actions.retry(mail)
    messages.success(request, _("It will be sent again within a minute."))
    return redirect("mail:outbox")


@manager_view
def mailboxes(request: HttpRequest) -> HttpResponse:
    boxes = Mailbox.objects.select_related("organization", "queue").annotate(
        quarantined=Count("inbound", filter=Q(inbound__state=InboundState.QUARANTINED))
    )
    return render(request, "mail/mailboxes.html", {"boxes": boxes})


@manager_view
def mailbox_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    box = get_object_or_404(Mailbox, pk=pk) if pk is not None else None
    form = MailboxForm(request.POST or None, instance=box)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        messages.success(request, _("Mailbox %s saved.") % saved.address)
        return redirect("mail:mailboxes")
    return render(
        request,
        "mail/mailbox_form.html",
        {"form": form, "box": box, "redirect_uri": oauth.redirect_uri()},
        status=400 if form.errors else 200,
    )


@manager_view
def mailbox_connect(request: HttpRequest, pk: int) -> HttpResponse:
    """Send the admin to the provider to sign in as the mailbox and consent. A link, not a
    form: browsers hold a form's redirect to another site to the CSP's form-action."""
    box = get_object_or_404(Mailbox, pk=pk)
    if not box.uses_oauth or not box.oauth_client_id:
        messages.error(request, _("Choose OAuth 2 and enter the client ID first."))
        return redirect("mail:mailbox", pk=box.pk)
    return redirect(oauth.authorize_url(box, user_of(request).pk))


@manager_view
def oauth_callback(request: HttpRequest) -> HttpResponse:
    """Where the provider sends the admin back, with a code to exchange for tokens."""
    pk = oauth.read_state(request.GET.get("state", ""), user_of(request).pk)
    box = Mailbox.objects.filter(pk=pk).first() if pk is not None else None
    if box is None or not box.uses_oauth:
        return _oauth_failed(
            request, None, _("This sign-in link is not valid or has expired. Press Connect again.")
        )
    if error := request.GET.get("error", ""):
        detail = request.GET.get("error_description", "")[:300]
        return _oauth_failed(
            request,
            box,
            _("The provider did not connect the mailbox: %(error)s")
            % {"error": f"{error} {detail}".strip()[:400]},
        )
    code = request.GET.get("code", "")
    if not code:
        return _oauth_failed(request, box, _("The provider sent no code back."))
    try:
        oauth.connect(box, code)
    except oauth.TokenError as exc:
        if not exc.said:
            return _oauth_failed(request, box, str(exc))
        return _oauth_failed(
            request,
            box,
            _("The provider did not connect the mailbox: %(error)s") % {"error": exc.said},
        )
    messages.success(request, _("Mailbox %s connected.") % box.address)
    return redirect("mail:mailbox", pk=box.pk)


def _oauth_failed(request: HttpRequest, box: Mailbox | None, reason: str) -> HttpResponse:
    return render(request, "mail/oauth_failed.html", {"box": box, "reason": reason}, status=400)
