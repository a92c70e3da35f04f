"""Uploaded documents are served to staff only, never to anonymous visitors or outsiders.

Nothing in the product links to a document, but HR may upload them in the workspace.

Wagtail's documents app cannot go (its admin API is part of every page editor), so the
root collection carries a group restriction, created by a migration, that every document
inherits.
"""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from tests import factories

BODY = b"%PDF-1.4 confidential offer letter"


@pytest.fixture
def documents(groups, settings, tmp_path):
    """One document in the root collection and one in a child collection."""
    settings.MEDIA_ROOT = tmp_path
    Document = get_document_model()
    root = Collection.get_first_root_node()
    child = root.add_child(name="Offers")
    made = []
    for collection in (root, child):
        doc = Document(title="Offer", collection=collection)
        doc.file.save("offer.pdf", ContentFile(BODY), save=False)
        doc.save()
        made.append(doc)
    return made


def fetch(client, doc):
    response = client.get(reverse("wagtaildocs_serve", args=[doc.pk, doc.filename]))
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body


def test_the_root_collection_is_restricted_to_the_staff_groups(groups):
    restriction = CollectionViewRestriction.objects.get(
        collection=Collection.get_first_root_node())
    assert restriction.restriction_type == CollectionViewRestriction.GROUPS
    assert {g.name for g in restriction.groups.all()} == {"HR", "Hiring manager", "Interviewer"}


@pytest.mark.parametrize("index", [0, 1], ids=["root", "child-collection"])
def test_anonymous_visitors_are_sent_to_log_in_without_the_file(client, documents, index):
    response, body = fetch(client, documents[index])
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
    assert BODY not in body


def test_a_signed_in_person_in_no_staff_group_gets_no_file(client, documents):
    nobody = factories.make_user("nobody@example.com", None)
    client.force_login(nobody, backend="django.contrib.auth.backends.ModelBackend")
    response, body = fetch(client, documents[1])
    assert response.status_code == 403
    assert BODY not in body


@pytest.mark.parametrize("who", ["interviewer", "manager", "hr", "superuser"])
def test_staff_and_superusers_open_documents(client, request, documents, who):
    client.force_login(request.getfixturevalue(who),
                       backend="django.contrib.auth.backends.ModelBackend")
    for doc in documents:
        response, body = fetch(client, doc)
        assert response.status_code == 200
        assert body == BODY
