"""The desk's vault pages: exit and posture. Mounted in the `vault` namespace by vault/urls.py."""

from __future__ import annotations

from django.urls import URLPattern, path

from steward.vault import views_exit

urlpatterns: list[URLPattern] = [
    path("<int:org>/exit/", views_exit.exit_page, name="exit"),
    path("<int:org>/exit/pack/", views_exit.exit_pack, name="exit_pack"),
    path("<int:org>/posture/", views_exit.posture_page, name="posture"),
    path("<int:org>/posture/<str:control>/", views_exit.posture_edit, name="posture_edit"),
]
