"""Top-level URLs: sign-in, the agent desk, the client portal, the API."""

from __future__ import annotations

from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView

from steward import views
from steward.accounts import views as accounts_views
from steward.api import api
from steward.billing import portal_urls as billing_portal_urls
from steward.billing import urls as billing_urls
from steward.reports import urls as reports_urls
from steward.setup import urls as setup_urls
from steward.setup import views as setup_views

# The admin signs in through allauth's form, so it gets the same second factor and the same
# failed-attempt limits as everywhere else; its own password form (not rate limited) gives way
# to allauth's, which is.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("ping/", include("steward.monitoring.ping_urls")),
    path("accounts/", include("allauth.urls")),
    path("account/", include("steward.accounts.urls")),
    path("desk/mail/", include("steward.mail.urls")),
    # The settings pages come from more than one module (calendars and policies are the SLA
    # app's): one namespace, each module's patterns.
    path("desk/settings/", include(([*setup_urls.urlpatterns], "settings"))),
    path("welcome/<uidb64>/<token>/", setup_views.welcome, name="welcome"),
    # The value pages are reports' (they read billing and the desk) but keep their places
    # among the billing pages: one namespace, two apps' patterns.
    path(
        "desk/billing/",
        include(([*billing_urls.urlpatterns, *reports_urls.desk_urlpatterns], "billing")),
    ),
    path(
        "portal/agreements/",
        include(
            ([*billing_portal_urls.urlpatterns, *reports_urls.portal_urlpatterns], "billing_portal")
        ),
    ),
    path("desk/settings/", include("steward.desk.settings_urls")),
    path("desk/monitoring/", include("steward.monitoring.urls")),
    path("desk/reports/", include((reports_urls.desk, "reports"))),
    path("portal/reports/", include((reports_urls.portal, "reports_portal"))),
    path("survey/", include((reports_urls.public, "surveys"))),
    path("desk/vault/", include("steward.vault.urls")),
    path("portal/vault/", include("steward.vault.portal_urls")),
    path("portal/monitoring/", include("steward.monitoring.portal_urls")),
    path("desk/", include("steward.desk.urls")),
    path("portal/", include("steward.desk.portal_urls")),
    path("i18n/setlang/", accounts_views.set_language, name="set_language"),
    path("api/v1/", api.urls),
    re_path(r"^api/", views.api_not_found),
    path(
        "admin/password_change/",
        RedirectView.as_view(pattern_name="account_change_password", query_string=True),
    ),
    path("admin/", admin.site.urls),
]
# No route serves MEDIA_ROOT, not even under DEBUG: attachments are only downloaded through
# desk:attachment and portal:attachment, which check who is asking.
