"""Top-level URLs: sign-in, the agent desk, the client portal, the API."""

from __future__ import annotations

from django.contrib import admin
from django.urls import include, path, re_path

from steward import views
from steward.accounts import views as accounts_views
from steward.api import api

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("accounts/", include("allauth.urls")),
    path("account/", include("steward.accounts.urls")),
    path("desk/mail/", include("steward.mail.urls")),
    path("desk/billing/", include("steward.contracts.urls")),
    path("portal/agreements/", include("steward.contracts.portal_urls")),
    path("desk/", include("steward.desk.urls")),
    path("portal/", include("steward.desk.portal_urls")),
    path("i18n/setlang/", accounts_views.set_language, name="set_language"),
    path("api/v1/", api.urls),
    re_path(r"^api/", views.api_not_found),
    path("admin/", admin.site.urls),
]
# No route serves MEDIA_ROOT, not even under DEBUG: attachments are only downloaded through
# desk:attachment and portal:attachment, which check who is asking.
