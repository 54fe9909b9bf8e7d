from __future__ import annotations

from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "steward.reports"
    label = "reports"

    def ready(self) -> None:
        # A resolved ticket asks its requester how it went: reports follow the desk's status
        # event; the desk never calls up into reports.
        from steward.reports import surveys  # in ready(): it imports the models

        surveys.connect()
