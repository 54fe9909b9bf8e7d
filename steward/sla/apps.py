from __future__ import annotations

from django.apps import AppConfig


class SlaConfig(AppConfig):
    name = "steward.sla"
    label = "sla"
