"""/ping/<uuid>[/start|/fail|/log|/<exit status>], as healthchecks answers them."""

from __future__ import annotations

from django.urls import path, re_path

from steward.monitoring.ping import ping

urlpatterns = [
    path("<uuid:code>", ping, name="ping"),
    re_path(
        r"^(?P<code>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/(?P<action>[a-z0-9]+)$",
        ping,
        name="ping_action",
    ),
]
