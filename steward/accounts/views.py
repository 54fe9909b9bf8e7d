"""The signed-in user's profile and API tokens."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from steward.accounts.forms import ProfileForm, TokenForm
from steward.accounts.models import ApiToken, User


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    form = ProfileForm(request.POST or None, instance=user)
    if request.method == "POST" and form.is_valid():
        form.save()
        response = redirect("accounts:profile")
        # Switch at once: the language cookie is what LocaleMiddleware reads first.
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME, user.preferred_language(), samesite="Lax"
        )
        messages.success(request, _("Your settings were saved."))
        return response
    return render(request, "accounts/profile.html", {"form": form})


def set_language(request: HttpRequest) -> HttpResponse:
    """Django's language switcher, which also remembers the choice on a signed-in user."""
    from django.views.i18n import set_language as django_set_language

    response = django_set_language(request)
    lang = request.POST.get("language", "")
    if request.user.is_authenticated and lang in dict(settings.LANGUAGES):
        User.objects.filter(pk=request.user.pk).update(language=lang)
    return response


@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    form = TokenForm(request.POST or None)
    new_token = None
    if request.method == "POST" and form.is_valid():
        _token, new_token = ApiToken.issue(user, form.cleaned_data["name"])
        form = TokenForm()
    return render(
        request,
        "accounts/tokens.html",
        {"form": form, "new_token": new_token, "tokens": user.api_tokens.all()},
    )


@login_required
@require_POST
def revoke_token(request: HttpRequest, token_id: int) -> HttpResponse:
    token = _user(request).api_tokens.filter(pk=token_id).first()
    if token is None:
        raise Http404
    token.revoke()
    messages.success(request, _("Token %(name)s revoked.") % {"name": token.name})
    return redirect("accounts:tokens")
