"""Weights read as people type them (3, 1.5), never as stored (3.00, 1.50): on the kit
page, the opening's page and the role-profile editor's overview."""

import re
from decimal import Decimal

from django.urls import reverse

from competencies.models import RoleRequirement
from tests import factories

TRAILING_ZEROS = re.compile(r"<td[^>]*>\s*\d+\.\d*0\s*</td>")


def test_weights_have_no_trailing_zeros_where_hr_and_managers_read_them(client, hr, library,
                                                                        manager, bank):
    profile = factories.make_profile(library["index"], "field-sales", [
        (library["discovery"], "3", 4, 2), (library["resilience"], "1.5", 3, None)])
    assert RoleRequirement.objects.get(page=profile, dimension=library["resilience"]).weight \
        == Decimal("1.50")
    opening = factories.make_opening(profile, manager=manager, slug="field-sales-north")
    client.force_login(hr, backend="django.contrib.auth.backends.ModelBackend")
    pages = {
        "kit": reverse("interviews:kit", args=[opening.slug]),
        "opening": reverse("opening_detail", args=[opening.slug]),
        "editor": f"/cms/pages/{profile.pk}/edit/",
    }
    for name, url in pages.items():
        html = client.get(url).content.decode()
        cells = [re.sub(r"\s+", " ", c).strip() for c in re.findall(r"<td[^>]*>([^<]*)</td>", html)]
        assert "3" in cells and "1.5" in cells, name
        assert not TRAILING_ZEROS.findall(html), (name, TRAILING_ZEROS.findall(html))
