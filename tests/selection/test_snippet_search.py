"""HR searches every snippet listing of the workspace and finds what is there.

The listings are discovered from Wagtail's snippet registry, so a snippet registered
later is searched here too without anyone adding it to a list.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from wagtail.search.index import class_is_indexed
from wagtail.snippets.models import get_snippet_models


def searched_fields(model) -> list[str]:
    """What the listing searches: the index's autocomplete fields, or the viewset's own list."""
    if class_is_indexed(model):
        return [field.field_name for field in model.get_autocomplete_search_fields()]
    return list(model.snippet_viewset.search_fields or [])


def search_term(obj, fields) -> str:
    """A whole word of one searched field, the one fewest rows share (so it is on page one)."""
    model = type(obj)
    for field in fields:
        value = obj
        for part in field.split("__"):
            value = getattr(value, part)
        words = set(re.findall(r"[A-Za-z]{3,}", str(value)))
        if words:
            return min(sorted(words), key=lambda word: (
                model.objects.filter(**{f"{field}__icontains": word}).count(), -len(word)))
    raise AssertionError(f"{model.__name__} {obj.pk} has no word to search for")


@pytest.fixture
def hr_client(db, client):
    with open("/dev/null", "w") as quiet:
        call_command("seed_demo", stdout=quiet)
    hr = get_user_model().objects.get(email="hr@demo.selection")
    client.force_login(hr, backend="django.contrib.auth.backends.ModelBackend")
    client.raise_request_exception = False  # a 500 is reported per listing, not raised
    return client


def test_every_snippet_listing_is_searchable(hr_client):
    models = get_snippet_models()
    assert len(models) >= 10, models  # the registry really was read
    failures = []
    for model in models:
        viewset = model.snippet_viewset
        label = f"{model._meta.label}"
        obj = model.objects.order_by("pk").last()
        if obj is None:
            failures.append(f"{label}: the demo has no row to search for")
            continue
        fields = searched_fields(model)
        if not fields:
            failures.append(f"{label}: its listing has nothing to search")
            continue
        term = search_term(obj, fields)
        response = hr_client.get(reverse(viewset.get_url_name("list")), {"q": term})
        if response.status_code != 200:
            failures.append(f"{label}: ?q={term} answered {response.status_code}")
            continue
        edit_url = reverse(viewset.get_url_name("edit"), args=[obj.pk])
        if edit_url not in response.content.decode():
            failures.append(f"{label}: ?q={term} did not find {obj!r} ({edit_url})")
        elif edit_url in hr_client.get(reverse(viewset.get_url_name("list")),
                                       {"q": "Zyxwvutq"}).content.decode():
            failures.append(f"{label}: a word in no row still lists {obj!r}")
    assert not failures, "\n".join(failures)


def test_migrate_rebuilds_the_index_for_rows_that_skipped_it(db):
    """A bulk-created row is not indexed; after `migrate` the listing's search finds it."""
    from wagtail.search.backends import get_search_backend

    from selection.models import Producer

    Producer.objects.bulk_create([Producer(first_name="Quillon", last_name="Marsh",
                                           email="quillon@example.com")])
    backend = get_search_backend()
    assert list(backend.autocomplete("Quillon", Producer.objects.all())) == []

    call_command("migrate", verbosity=0)

    found = list(backend.autocomplete("Quillon", Producer.objects.all()))
    assert [p.email for p in found] == ["quillon@example.com"]
