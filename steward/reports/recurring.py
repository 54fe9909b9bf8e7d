"""Recurring problems: tickets of one organization that say the same thing in different words
(character n-gram TF-IDF, cosine similarity, average-linkage clustering), or that concern the
same asset or check, in clusters of at least 3 within a period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from steward.accounts.models import Organization
from steward.reports.period import Period

# The smallest group called recurring.
MIN_CLUSTER = 3


@dataclass(frozen=True)
class Cluster:
    label: str  # "printer on 2F does not print"
    tickets: list[int]  # ticket ids, oldest first
    since: datetime  # the oldest ticket's creation


def clusters(org: Organization, period: Period) -> list[Cluster]:
    raise NotImplementedError
