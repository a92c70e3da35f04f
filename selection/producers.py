"""Producer tiers: top, middle and bottom by performance, unless imported."""

from django.conf import settings
from django.db import transaction
from django.db.models import Q

from .models import Producer


def tier_for_rank(rank: int, count: int, *, top_share: float, bottom_share: float) -> str:
    """The tier of the producer at position ``rank`` (0 = best) among ``count``."""
    n_top = round(count * top_share)
    n_bottom = round(count * bottom_share)
    if rank < n_top:
        return Producer.TOP
    if rank >= count - n_bottom:
        return Producer.BOTTOM
    return Producer.MIDDLE


@transaction.atomic
def assign_tiers(*, top_share: float | None = None, bottom_share: float | None = None) -> int:
    """Sets computed tiers from the performance figure; imported tiers are kept.

    Returns the number of producers whose tier changed. Ties keep a stable order by name.
    """
    top_share = settings.SELECTION_TOP_SHARE if top_share is None else top_share
    bottom_share = settings.SELECTION_BOTTOM_SHARE if bottom_share is None else bottom_share
    ranked = list(
        Producer.objects.filter(performance__isnull=False)
        .exclude(tier_source=Producer.IMPORTED)
        .order_by("-performance", "last_name", "first_name", "pk")
    )
    changed = []
    for rank, producer in enumerate(ranked):
        tier = tier_for_rank(rank, len(ranked), top_share=top_share, bottom_share=bottom_share)
        if producer.tier != tier or producer.tier_source != Producer.COMPUTED:
            producer.tier, producer.tier_source = tier, Producer.COMPUTED
            changed.append(producer)
    Producer.objects.bulk_update(changed, ["tier", "tier_source"])
    return len(changed)


def search_producers(queryset, *, query: str = "", tier: str = ""):
    """Producers whose name or email contains every word of ``query``, in ``tier`` if given
    ("none" for producers without a tier)."""
    for word in query.split():
        queryset = queryset.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word)
                                   | Q(email__icontains=word))
    if tier == "none":
        queryset = queryset.filter(tier="")
    elif tier in dict(Producer.TIERS):
        queryset = queryset.filter(tier=tier)
    return queryset
