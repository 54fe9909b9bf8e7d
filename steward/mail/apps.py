from __future__ import annotations

from django.apps import AppConfig


class MailConfig(AppConfig):
    name = "steward.mail"
    label = "mail"

    def ready(self) -> None:
        # Mail reacts to what the desk records; the desk never calls up into mail.
        from steward.mail import notify  # in ready(): it imports the models

        notify.connect()
