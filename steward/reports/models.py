"""What proof of value keeps of its own: satisfaction surveys, problems, post-incident reviews
and the advice log. Everything else reports read from the other apps' rows."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from steward.accounts.models import PROVIDER_ROLES, Organization, Role, TenantQuerySet, User
from steward.desk.models import Ticket
from steward.vault.models import Asset, PostureControl

# --- Satisfaction ---------------------------------------------------------------------------


class SurveyQuerySet(TenantQuerySet["Survey"]):
    pass


class Survey(models.Model):
    """One question to the requester after one resolution of a ticket: 1 to 5 and a comment.
    A ticket resolved, reopened and resolved again is asked again (`resolution` counts)."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="surveys")
    resolution = models.PositiveIntegerField(default=1)
    # When the ticket was resolved: the scorecard counts a survey in the period of its
    # resolution.
    resolved_at = models.DateTimeField()
    requester = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    email = models.EmailField(blank=True)
    sent_at = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    rating = models.PositiveSmallIntegerField(
        _("rating"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    comment = models.TextField(_("comment"), blank=True)

    objects = SurveyQuerySet.as_manager()

    class Meta:
        ordering = ["-sent_at", "-id"]
        verbose_name = _("satisfaction survey")
        verbose_name_plural = _("satisfaction surveys")
        constraints = [
            models.UniqueConstraint(fields=["ticket", "resolution"], name="survey_once"),
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5),
                name="survey_rating_1_to_5",
            ),
        ]
        indexes = [models.Index(fields=["organization", "resolved_at"], name="survey_org_resolved")]

    def __str__(self) -> str:
        return f"{self.ticket_id}#{self.resolution} {self.rating or '-'}"

    @property
    def answered(self) -> bool:
        return self.answered_at is not None


# --- Problems -------------------------------------------------------------------------------


class ProblemStatus(models.TextChoices):
    OPEN = "open", _("Open")
    KNOWN_ERROR = "known_error", _("Known error")
    RESOLVED = "resolved", _("Resolved")


class ProblemQuerySet(TenantQuerySet["Problem"]):
    pass


class Problem(models.Model):
    """The cause behind tickets that keep coming back (ITIL): found, worked around, removed."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="+", verbose_name=_("organization")
    )
    title = models.CharField(_("title"), max_length=200)
    tickets = models.ManyToManyField(
        Ticket, blank=True, related_name="problems", verbose_name=_("tickets")
    )
    root_cause = models.TextField(_("root cause"), blank=True)
    workaround = models.TextField(_("workaround"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ProblemStatus.choices, default=ProblemStatus.OPEN
    )
    owner = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
    )
    created_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)

    objects = ProblemQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("problem")
        verbose_name_plural = _("problems")
        indexes = [models.Index(fields=["organization", "status"], name="problem_org_status")]

    def __str__(self) -> str:
        return self.title


# --- Post-incident reviews ------------------------------------------------------------------


class ReviewQuerySet(TenantQuerySet["Review"]):
    organization_field = "ticket__organization"


class Review(models.Model):
    """After something went wrong: what happened, how it was fixed, how it will be avoided."""

    ticket = models.OneToOneField(Ticket, on_delete=models.CASCADE, related_name="review")
    what_happened = models.TextField(_("what happened"), blank=True)
    how_fixed = models.TextField(_("how it was fixed"), blank=True)
    how_to_avoid = models.TextField(_("how it will be avoided"), blank=True)
    author = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = ReviewQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("post-incident review")
        verbose_name_plural = _("post-incident reviews")

    def __str__(self) -> str:
        return f"review of {self.ticket_id}"


class ReviewActionQuerySet(TenantQuerySet["ReviewAction"]):
    organization_field = "review__ticket__organization"


class ReviewAction(models.Model):
    """Something a review commits someone to, by a date."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="actions")
    position = models.PositiveIntegerField(default=0)
    title = models.CharField(_("action"), max_length=200)
    owner = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
    )
    due = models.DateField(_("due"), null=True, blank=True)
    done = models.BooleanField(_("done"), default=False)
    done_at = models.DateTimeField(null=True, blank=True)

    objects = ReviewActionQuerySet.as_manager()

    class Meta:
        ordering = ["review_id", "position", "id"]
        indexes = [
            models.Index(fields=["due"], name="review_action_open_due", condition=Q(done=False))
        ]

    def __str__(self) -> str:
        return self.title


# --- The advice log -------------------------------------------------------------------------


class AdviceStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    DEFERRED = "deferred", _("Deferred")


# What a client admin may answer.
DECISIONS = (AdviceStatus.ACCEPTED, AdviceStatus.DECLINED, AdviceStatus.DEFERRED)


class RecommendationQuerySet(TenantQuerySet["Recommendation"]):
    # Advice is for the client's administrators (they decide and pay); a client user reads
    # none of it.
    readers = PROVIDER_ROLES | {Role.CLIENT_ADMIN}

    def declined(self) -> RecommendationQuerySet:
        return self.filter(status=AdviceStatus.DECLINED)


class Recommendation(models.Model):
    """Advice the provider gave and the client decided on: the shared record of who said what.
    The provider's financial interest is required: "none" is an answer, silence is not."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="+", verbose_name=_("organization")
    )
    title = models.CharField(_("title"), max_length=200)
    rationale = models.TextField(_("why"))
    risk_if_declined = models.TextField(_("risk if declined"), blank=True)
    cost_once = models.DecimalField(
        _("one-off cost"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    cost_monthly = models.DecimalField(
        _("monthly cost"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    provider_interest = models.TextField(
        _("our financial interest"),
        help_text=_('Say it plainly: "we resell this at 15% margin", or "none".'),
    )
    control = models.ForeignKey(
        PostureControl,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("security control"),
    )
    asset = models.ForeignKey(
        Asset,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("asset"),
    )
    problem = models.ForeignKey(
        Problem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="recommendations",
        verbose_name=_("problem"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=AdviceStatus.choices, default=AdviceStatus.PROPOSED
    )
    created_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = RecommendationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        constraints = [
            models.CheckConstraint(
                condition=~Q(provider_interest=""), name="recommendation_interest_stated"
            )
        ]
        indexes = [
            models.Index(fields=["organization", "status"], name="recommendation_org_status")
        ]

    def __str__(self) -> str:
        return self.title


class DecisionQuerySet(TenantQuerySet["Decision"]):
    organization_field = "recommendation__organization"
    readers = PROVIDER_ROLES | {Role.CLIENT_ADMIN}


class Decision(models.Model):
    """A client admin's answer to a recommendation; every answer is kept, never edited."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="decisions"
    )
    decision = models.CharField(max_length=12, choices=AdviceStatus.choices)
    note = models.TextField(_("note"), blank=True)
    by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.recommendation_id} {self.decision}"
