from __future__ import annotations

from django.apps import AppConfig


class BillingConfig(AppConfig):
    name = "steward.billing"
    label = "billing"

    def ready(self) -> None:
        # A client admin's emailed APPROVE or DECLINE reaches billing as the desk's message
        # event; mail, billing's sibling, never calls it.
        from steward.billing import quotes  # in ready(): it imports the models

        quotes.connect()
