"""The producers page: search by name or email, filter by tier, fifty to a page."""

import re

from tests import factories


def _names(html: str) -> list[str]:
    return re.findall(r'<label for="pick-\d+">(.*?)</label>', html)


def test_search_filter_and_pages(client, hr):
    for n in range(60):
        factories.make_producer(n, str(100 + n), tier="top" if n < 15 else "middle")
    client.force_login(hr, backend="django.contrib.auth.backends.ModelBackend")
    first = client.get("/assessments/producers/").content.decode()
    assert len(_names(first)) == 50 and "page 1 of 2" in first
    assert "tier=" not in re.search(r'<nav aria-label="Pages of producers".*?</nav>', first,
                                    re.S).group(0)
    second = client.get("/assessments/producers/?page=2").content.decode()
    assert len(_names(second)) == 10
    top = client.get("/assessments/producers/?tier=top").content.decode()
    assert len(_names(top)) == 15 and "15 producers match" in top
    found = client.get("/assessments/producers/?q=Producer007").content.decode()
    assert _names(found) == ["P7 Producer007"]
    by_email = client.get("/assessments/producers/?q=p42@example").content.decode()
    assert _names(by_email) == ["P42 Producer042"]


def test_each_producers_sjt_total_says_how_much_was_answered(client, hr, sjt_test):
    """An unanswered item is missing, not wrong: wherever a total appears, so does the count,
    and a test below the completeness threshold says it is left out (issue 14)."""
    from django.utils import timezone

    from assessments.models import SJTAttempt, SJTInvitation

    revision = sjt_test.latest_revision
    for n, (total, answered) in enumerate(((0.81, 60), (0.08, 10))):
        producer = factories.make_producer(n, "100", tier="top")
        invitation = SJTInvitation.objects.create(test=sjt_test, test_revision=revision,
                                                  producer=producer, email=producer.email)
        SJTAttempt.objects.create(invitation=invitation, time_limit_minutes=30,
                                  completed_at=timezone.now(), total_score=total,
                                  items_answered=answered, items_total=65)
    client.force_login(hr, backend="django.contrib.auth.backends.ModelBackend")
    html = client.get("/assessments/producers/").content.decode()
    assert re.search(r"done 0\.81</span> <span class=\"small\">answered 60 of 65</span>", html)
    assert re.search(r"done 0\.08</span> <span class=\"small badge warn\">incomplete: answered "
                     r"10 of 65, below the 80 % needed; left out of the producer comparison"
                     r"</span>", html), html
