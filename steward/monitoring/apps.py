from __future__ import annotations

from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "steward.monitoring"
    label = "monitoring"

    def ready(self) -> None:
        from steward.desk.queries import add_ticket_hook
        from steward.monitoring.links import tickets_checks

        add_ticket_hook(tickets_checks)
