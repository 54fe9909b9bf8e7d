"""The one error a rule of the domain raises: a view shows it, the API answers it with a 4xx."""

from __future__ import annotations


class DomainError(ValueError):
    """A request the rules refuse; `field` names the input at fault, `forbidden` says the
    person's role is the reason (403), not the value (422)."""

    def __init__(self, message: str, field: str = "", forbidden: bool = False) -> None:
        super().__init__(message)
        self.field = field
        self.forbidden = forbidden
