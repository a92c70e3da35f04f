"""No snippet listing prints Python's True or False: every yes/no column is a word.

Enumerated from Wagtail's snippet registry, so a listing added later is held to it too.
"""

import pytest
from django.db import models
from django.urls import reverse
from wagtail.snippets.models import get_snippet_models

from selection.models import CandidateSource, DecisionReason


def test_no_listing_names_a_boolean_field_as_a_bare_column():
    bare = []
    for model in get_snippet_models():
        for column in model.snippet_viewset.list_display:
            if not isinstance(column, str) or not hasattr(model, "_meta"):
                continue
            try:
                field = model._meta.get_field(column)
            except Exception:  # a method or property: not a model field
                continue
            if isinstance(field, models.BooleanField):
                bare.append(f"{model.__name__}.{column}")
    assert bare == []


@pytest.mark.parametrize("model, url_name", [
    (DecisionReason, "wagtailsnippets_selection_decisionreason:list"),
    (CandidateSource, "wagtailsnippets_selection_candidatesource:list"),
])
def test_short_lists_show_offered_or_retired(client, hr, model, url_name):
    extra = {"slug": "kept"} if model is CandidateSource else {}
    model.objects.create(name="Kept for the record", active=False, **extra)
    client.force_login(hr, backend="django.contrib.auth.backends.ModelBackend")
    page = client.get(reverse(url_name)).content.decode()
    assert "Retired" in page
    assert ">True<" not in page and ">False<" not in page
    retired_only = client.get(reverse(url_name), {"active": "no"}).content.decode()
    assert "Kept for the record" in retired_only
    assert retired_only.count("Offered") <= 1  # the filter's own choice, not a row
