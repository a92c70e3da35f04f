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
