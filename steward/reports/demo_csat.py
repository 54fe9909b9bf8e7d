"""Demo satisfaction answers: most of the demo's resolved tickets were rated, mostly 4 or 5,
with a few low scores whose comments are in the client's language (their IT manager was
mailed); about a third never answered. The desk's demo resolves its tickets through the
desk's actions, so their surveys exist already; a resolved ticket without one (a database
seeded before surveys) is given one here. Does nothing once any survey is answered, or
before the desk's demo made the tickets. Run after the desk's seed and before the mail's
(which marks the history's mail as sent)."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from steward.desk.models import DONE_STATUSES, Ticket
from steward.reports import surveys
from steward.reports.models import Survey

SEED = 13
# Of the surveys sent: how many were answered, and of those how many were low.
ANSWERED = 0.65
LOW_EVERY = 12

GOOD: dict[str, list[str]] = {
    "el": [
        "Πολύ γρήγορη εξυπηρέτηση, ευχαριστούμε!",
        "Ο τεχνικός εξήγησε τι έγινε με υπομονή.",
        "",
        "Λύθηκε από την πρώτη φορά.",
    ],
    "zh-hans": ["处理得很快，谢谢！", "技术员解释得很清楚。", "", "一次就解决了。"],
    "en": [
        "Quick and friendly, thank you!",
        "Explained clearly what went wrong.",
        "",
        "Fixed first time.",
    ],
}
LOW: dict[str, list[str]] = {
    "el": [
        "Περιμέναμε δύο μέρες για απάντηση και το λογιστήριο δεν μπορούσε να εκδώσει τιμολόγια.",
        "Το πρόβλημα ξαναεμφανίστηκε την επόμενη μέρα.",
    ],
    "zh-hans": ["等了两天才有人回复，仓库无法打印发货单。", "第二天问题又出现了。"],
    "en": [
        "Two days before anyone called back, and the shop could not take card payments.",
        "The problem came back the next morning.",
    ],
}


def seed(now: datetime | None = None) -> None:
    """Answer a good share of the demo's surveys (once)."""
    if Survey.objects.filter(answered_at__isnull=False).exists():
        return
    now = now or timezone.now()
    rng = random.Random(SEED)
    with transaction.atomic():
        _missing_surveys()
        found = Survey.objects.select_related("ticket", "organization", "requester").order_by(
            "resolved_at", "pk"
        )
        for n, survey in enumerate(found):
            if rng.random() >= ANSWERED:
                continue  # never answered: the response rate is not 100%
            at = survey.resolved_at + timedelta(minutes=rng.randint(20, 3 * 24 * 60))
            if at >= now:
                continue  # resolved too recently to have been answered yet
            language = survey.organization.language
            if n % LOW_EVERY == LOW_EVERY - 1:
                rating, comment = rng.choice((1, 2)), rng.choice(LOW.get(language, LOW["en"]))
            else:
                rating = rng.choice((4, 5, 5, 5, 4, 3))
                comment = rng.choice(GOOD.get(language, GOOD["en"]))
            # Half through the mailed link (nobody signed in), half in the portal.
            by = survey.requester if rng.random() < 0.5 else None
            surveys.answer(survey, rating, comment, by, at=at)


def _missing_surveys() -> None:
    """A survey for each resolved ticket the demo asked nobody about (seeded before surveys
    existed), as the mail would have made it on resolution."""
    resolved = (
        Ticket.objects.filter(status__in=DONE_STATUSES, resolved_at__isnull=False)
        .exclude(source__in=surveys.NOT_ASKED)
        .filter(surveys__isnull=True)
        .select_related("requester", "organization")
    )
    for ticket in resolved:
        person = surveys.recipient(ticket)
        if person is None:
            continue
        assert ticket.resolved_at is not None
        Survey.objects.create(
            organization=ticket.organization,
            ticket=ticket,
            resolution=max(surveys.resolutions(ticket), 1),
            resolved_at=ticket.resolved_at,
            requester=ticket.requester,
            email=person[0],
            sent_at=ticket.resolved_at,
        )
