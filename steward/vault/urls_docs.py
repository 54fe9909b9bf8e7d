"""The desk's vault pages: docs. Mounted in the `vault` namespace by vault/urls.py."""

from __future__ import annotations

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
