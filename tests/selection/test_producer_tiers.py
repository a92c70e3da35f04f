"""Tiers default to top 25 % / middle / bottom 25 % of performance; imported tiers stay."""

from selection.models import Producer
from selection.producers import assign_tiers, tier_for_rank
from tests.factories import make_producer


def test_tier_for_rank_by_hand():
    # 8 producers: round(8 * .25) = 2 on top, 2 at the bottom, 4 in the middle.
    tiers = [tier_for_rank(r, 8, top_share=0.25, bottom_share=0.25) for r in range(8)]
    assert tiers == ["top", "top", "middle", "middle", "middle", "middle", "bottom", "bottom"]


def test_assign_tiers_orders_by_performance_and_keeps_imported(db):
    figures = ["140", "80", "120", "60", "100", "95", "70", "110"]
    for n, figure in enumerate(figures):
        make_producer(n, figure)
    imported = make_producer(99, "10", tier="top")
    imported.tier_source = Producer.IMPORTED
    imported.save()

    assert assign_tiers() == 8
    by_figure = {str(p.performance): p.tier for p in Producer.objects.exclude(pk=imported.pk)}
    assert by_figure == {
        "140.00": "top", "120.00": "top",
        "110.00": "middle", "100.00": "middle", "95.00": "middle", "80.00": "middle",
        "70.00": "bottom", "60.00": "bottom",
    }
    imported.refresh_from_db()
    assert imported.tier == "top"
    assert assign_tiers() == 0, "a second run changes nothing"
