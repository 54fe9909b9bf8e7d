"""The portal's vault pages: secrets. Mounted in the `vault_portal` namespace by
vault/portal_urls.py."""

from __future__ import annotations

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
