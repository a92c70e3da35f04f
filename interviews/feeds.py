"""Each person's read-only calendar feed: a secret address and what it lists."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from .models import CalendarFeed, Interview, new_feed_token

FEED_HISTORY = timedelta(days=90)


def feed_for(user) -> CalendarFeed:
    """The user's feed, created on first use."""
    feed, _ = CalendarFeed.objects.get_or_create(user=user)
    return feed


@transaction.atomic
def reset_feed(user) -> CalendarFeed:
    """Gives the feed a new token: whoever held the old address sees nothing any more."""
    feed = feed_for(user)
    feed.token = new_feed_token()
    feed.created_at = timezone.now()
    feed.save(update_fields=["token", "created_at"])
    return feed


def feed_interviews(user, now=None) -> list[Interview]:
    """The user's own interviews with a time, from 90 days back (cancelled ones too, so a
    calendar removes them)."""
    now = now or timezone.now()
    return list(
        Interview.objects.filter(
            interviewer=user, starts_at__gte=now - FEED_HISTORY,
            status__in=[Interview.SCHEDULED, Interview.CANCELLED],
        )
        .select_related("interviewer", "scorecard", "application__candidate",
                        "application__opening")
        .order_by("starts_at", "pk")
    )
