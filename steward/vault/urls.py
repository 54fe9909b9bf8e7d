"""The desk's vault pages, per organization (/desk/vault/<org id>/...): each area's own module."""

from __future__ import annotations

from steward.vault import urls_docs, urls_exit, urls_secrets

app_name = "vault"

urlpatterns = [*urls_docs.urlpatterns, *urls_secrets.urlpatterns, *urls_exit.urlpatterns]
