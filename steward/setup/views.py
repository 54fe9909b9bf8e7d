"""The settings pages of the desk: the provider, client organizations, people, and the
getting-started checklist. Admins and managers read them; the provider's details and people's
roles are changed by admins only, organizations by managers too."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Max, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from steward.accounts.access import manager_view, user_of
from steward.accounts.models import (
    PROVIDER_ROLES,
    Membership,
    Organization,
    Provider,
    Role,
    User,
)
from steward.accounts.people import invite, invite_tokens, update_person
from steward.contracts.models import Agreement
from steward.desk.models import ACTIVE_STATUSES, Ticket
from steward.lib.errors import DomainError
from steward.mail.models import Mailbox, MailDomain
from steward.setup.forms import InviteForm, OrganizationForm, PersonForm, ProviderForm, logo_type
from steward.setup.mail import send_invitation
from steward.sla.models import BusinessCalendar, SlaPolicy


def _require_admin(request: HttpRequest) -> None:
    if user_of(request).role != Role.ADMIN:
        raise PermissionDenied(_("Only a provider admin may change this."))


@dataclass
class Step:
    title: str
    done: bool
    url: str


def getting_started() -> list[Step]:
    """What an empty installation needs before its first client's first ticket."""
    provider = Provider.current()
    return [
        Step(
            _("Enter your company's details"),
            bool(provider.legal_name and provider.address),
            reverse("settings:provider"),
        ),
        Step(
            _("Add your first client"),
            Organization.objects.exists(),
            reverse("settings:organization_new"),
        ),
        Step(
            _("Set up a business calendar"),
            BusinessCalendar.objects.exists(),
            reverse("policies:calendar_new"),
        ),
        Step(
            _("Define an SLA policy"),
            SlaPolicy.objects.exists(),
            reverse("policies:policy_new"),
        ),
        Step(_("Sign an agreement"), Agreement.objects.exists(), reverse("billing:agreement_new")),
        Step(_("Connect a mailbox"), Mailbox.objects.exists(), reverse("mail:mailbox_new")),
    ]


@manager_view
def index(request: HttpRequest) -> HttpResponse:
    steps = getting_started()
    return render(
        request,
        "setup/index.html",
        {"steps": steps, "done": sum(s.done for s in steps), "first_run": not steps[1].done},
    )


@manager_view
def provider(request: HttpRequest) -> HttpResponse:
    row = Provider.current()
    if request.method == "POST":
        _require_admin(request)
    form = ProviderForm(request.POST or None, request.FILES or None, instance=row)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your company's details were saved."))
        return redirect("settings:provider")
    may_edit = user_of(request).role == Role.ADMIN
    if not may_edit:
        for field in form.fields.values():
            field.disabled = True
    status = 400 if form.is_bound else 200
    return render(
        request, "setup/provider.html", {"form": form, "may_edit": may_edit}, status=status
    )


@login_required
def logo(request: HttpRequest) -> FileResponse:
    """The provider's logo, to anyone signed in: never served from /media/."""
    row = Provider.current()
    if not row.logo:
        raise Http404
    try:
        handle = row.logo.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    kind = logo_type(handle.read(16))
    handle.seek(0)
    response = FileResponse(handle, content_type=kind or "application/octet-stream")
    if not kind:
        response["Content-Disposition"] = "attachment"
    response["Cache-Control"] = "private, max-age=3600"
    return response


@manager_view
def organizations(request: HttpRequest) -> HttpResponse:
    show = request.GET.get("show", "active")
    orgs = (
        Organization.objects.select_related("it_manager")
        .prefetch_related("mail_domains")
        .annotate(
            people=Count("users", filter=Q(users__is_active=True), distinct=True),
            open_tickets=Count(
                "tickets", filter=Q(tickets__status__in=ACTIVE_STATUSES), distinct=True
            ),
            technicians=Count("memberships", distinct=True),
        )
    )
    if show != "all":
        orgs = orgs.exclude(status=Organization.Status.INACTIVE)
    return render(
        request,
        "setup/organizations.html",
        {"orgs": orgs, "show": show},
    )


@manager_view
def organization_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    org = get_object_or_404(Organization, pk=pk) if pk is not None else None
    form = OrganizationForm(request.POST or None, instance=org)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = form.save()
            wanted = form.cleaned_data["mail_domains"]
            MailDomain.objects.filter(organization=saved).exclude(domain__in=wanted).delete()
            have = set(saved.mail_domains.values_list("domain", flat=True))
            for domain in wanted:
                if domain not in have:
                    MailDomain.objects.create(organization=saved, domain=domain)
        messages.success(request, _("%(name)s was saved.") % {"name": saved.name})
        return redirect("settings:organizations")
    contacts = _contacts().filter(organization=org)[:50] if org is not None else []
    return render(
        request,
        "setup/organization_form.html",
        {"form": form, "org": org, "contacts": contacts},
        status=400 if form.is_bound else 200,
    )


@manager_view
def people(request: HttpRequest) -> HttpResponse:
    org_id = request.GET.get("organization", "")
    users = User.objects.select_related("organization").prefetch_related(
        "memberships__organization"
    )
    if org_id == "staff":
        users = users.filter(role__in=PROVIDER_ROLES)
    elif org_id.isascii() and org_id.isdigit() and len(org_id) < 19:
        users = users.filter(organization_id=int(org_id))
    if request.GET.get("show") != "all":
        users = users.filter(is_active=True)
    staff = [u for u in users if u.is_provider]
    clients = sorted(
        (u for u in users if u.is_client),
        key=lambda u: (u.organization.name if u.organization else "", str(u)),
    )
    return render(
        request,
        "setup/people.html",
        {
            "staff": staff,
            "clients": clients,
            "orgs": Organization.objects.all(),
            "selected": org_id,
            "show": request.GET.get("show", ""),
            "may_edit": user_of(request).role == Role.ADMIN,
        },
    )


def _contacts() -> Any:
    """Addresses that asked for help by mail without an account: one row per address."""
    known = User.objects.values("email")
    return (
        Ticket.objects.filter(requester__isnull=True)
        .exclude(requester_email="")
        .exclude(requester_email__in=known)
        .values("requester_email", "organization")
        .annotate(tickets=Count("id"), last=Max("created_at"))
        .order_by("-last")
    )


@manager_view
def contacts(request: HttpRequest) -> HttpResponse:
    rows = list(_contacts()[:500])
    names = dict(Organization.objects.values_list("pk", "name"))
    for row in rows:
        row["organization_name"] = names.get(row["organization"], "")
    return render(request, "setup/contacts.html", {"contacts": rows})


@manager_view
def invite_person(request: HttpRequest) -> HttpResponse:
    _require_admin(request)
    initial = {"organization": request.GET.get("organization"), "role": request.GET.get("role")}
    form = InviteForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                person = invite(
                    data["email"],
                    data["name"],
                    data["role"],
                    data["organization"],
                    translation.get_language() or "en",
                )
                send_invitation(person, user_of(request))
        except DomainError as exc:
            form.add_error(exc.field or None, str(exc))
        else:
            messages.success(
                request,
                _("%(email)s was invited: they will get a link to choose a password.")
                % {"email": person.email},
            )
            return redirect("settings:people")
    status = 400 if form.is_bound else 200
    return render(request, "setup/invite.html", {"form": form}, status=status)


@manager_view
def person(request: HttpRequest, pk: int) -> HttpResponse:
    _require_admin(request)
    someone = get_object_or_404(User, pk=pk)
    assigned = [
        m.organization
        for m in Membership.objects.filter(user=someone).select_related("organization")
    ]
    initial = {
        "name": someone.name,
        "role": someone.role,
        "organization": someone.organization,
        "assigned": assigned,
        "is_active": someone.is_active,
    }
    form = PersonForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            update_person(
                someone,
                name=data["name"],
                role=data["role"],
                org=data["organization"],
                active=data["is_active"],
                assigned=list(data["assigned"]),
            )
        except DomainError as exc:
            form.add_error(exc.field or None, str(exc))
        else:
            messages.success(request, _("%(name)s was saved.") % {"name": str(someone)})
            return redirect("settings:people")
    status = 400 if form.is_bound else 200
    return render(request, "setup/person.html", {"form": form, "person": someone}, status=status)


@manager_view
@require_POST
def person_invite(request: HttpRequest, pk: int) -> HttpResponse:
    """Mail a new one-time sign-in link (the first one expired or was lost)."""
    _require_admin(request)
    someone = get_object_or_404(User, pk=pk)
    if not someone.is_active:
        messages.error(request, _("%(name)s may not sign in.") % {"name": str(someone)})
    else:
        send_invitation(someone, user_of(request))
        messages.success(
            request, _("A new sign-in link was sent to %(email)s.") % {"email": someone.email}
        )
    return redirect("settings:person", pk=someone.pk)


class Welcome(auth_views.PasswordResetConfirmView):
    """The page an invitation's link opens: choose a password, then sign in. Django's reset
    view moves the token out of the URL into the session before showing the form."""

    token_generator = invite_tokens
    template_name = "setup/welcome.html"
    success_url = reverse_lazy("account_login")

    def get_user(self, uidb64: str) -> Any:
        user = super().get_user(uidb64)
        return user if user is not None and user.is_active else None

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        messages.success(self.request, _("Your password is set. Sign in with it now."))
        return response


welcome = Welcome.as_view()
