"""The signed-in user's own settings: language, time zone, API tokens."""

from __future__ import annotations

from django.urls import path

from steward.accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.profile, name="profile"),
    path("tokens/", views.tokens, name="tokens"),
    path("tokens/<int:token_id>/revoke/", views.revoke_token, name="revoke_token"),
]
