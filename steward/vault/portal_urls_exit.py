"""The portal's vault pages: exit and posture. Mounted in the `vault_portal` namespace by
vault/portal_urls.py."""

from __future__ import annotations

from django.urls import URLPattern, path

from steward.vault import views_exit

urlpatterns: list[URLPattern] = [
    path("exit/", views_exit.portal_exit, name="exit"),
    path("exit/pack/", views_exit.portal_exit_pack, name="exit_pack"),
    path("posture/", views_exit.portal_posture, name="posture"),
]
