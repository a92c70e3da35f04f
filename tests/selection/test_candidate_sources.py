"""Candidate sources: a short list HR keeps, the old free text mapped onto it, the listing."""

import importlib

import pytest
from django.urls import reverse

from selection.models import Candidate, CandidateSource
from tests import factories

migration = importlib.import_module("selection.migrations.0007_candidate_sources_from_text")
DEFAULTS = migration.DEFAULT_SOURCES


def test_texts_match_a_default_by_name_or_slug_ignoring_case_and_spaces():
    texts = ["referral", " Job   Board ", "JOB-BOARD", "Sourced by recruiter", "internal",
             "INBOUND", "Agency"]
    mapping, new = migration.plan_sources(texts, DEFAULTS)
    assert mapping == {"referral": "referral", " Job   Board ": "job-board",
                       "JOB-BOARD": "job-board", "Sourced by recruiter": "sourced-by-recruiter",
                       "internal": "internal", "INBOUND": "inbound", "Agency": "agency"}
    assert new == []


def test_unknown_texts_become_new_sources_and_empty_ones_none():
    texts = ["LinkedIn", "linkedin", "LinkedIn", "", "   ", "Career fair", "Referral", "!!!"]
    mapping, new = migration.plan_sources(texts, DEFAULTS)
    # spellings differing only in case are one source, named by the most frequent spelling
    assert new == [("!!!", "source"), ("Career fair", "career-fair"), ("LinkedIn", "linkedin")]
    assert mapping == {"LinkedIn": "linkedin", "linkedin": "linkedin",
                       "Career fair": "career-fair", "Referral": "referral", "!!!": "source"}


def test_a_new_slug_never_takes_one_in_use():
    known = [*DEFAULTS, ("Old referral scheme", "referral-2")]
    # "Referral!" is not the name "Referral", but its slug would be "referral"
    mapping, new = migration.plan_sources(["Referral!", "referral  2!"], known)
    assert new == [("referral 2!", "referral-2-2"), ("Referral!", "referral-3")]
    assert mapping == {"Referral!": "referral-3", "referral  2!": "referral-2-2"}


@pytest.fixture
def sources(db):
    return {slug: factories.source(slug, name, order=n)
            for n, (name, slug) in enumerate(DEFAULTS, start=1)}


def test_hr_lists_and_filters_candidates_by_source(client, hr, opening, sources):
    a = factories.make_application(opening, "Ada", "Referred").candidate
    b = factories.make_application(opening, "Bo", "Boarded").candidate
    a.source, b.source = sources["referral"], sources["job-board"]
    a.save()
    b.save()
    client.force_login(hr)
    listing = reverse("wagtailsnippets_selection_candidate:list")
    page = client.get(listing).content.decode()
    assert "Referral" in page and "Job board" in page
    filtered = client.get(listing, {"source": sources["referral"].pk}).content.decode()
    assert "Referred" in filtered and "Boarded" not in filtered


def test_hr_keeps_the_list_of_sources_in_the_hiring_group(client, hr, sources):
    client.force_login(hr)
    page = client.get(reverse("wagtailsnippets_selection_candidatesource:list")).content
    names = [name for name, _ in DEFAULTS]
    text = page.decode()
    assert all(name in text for name in names)
    assert [text.index(n) for n in names] == sorted(text.index(n) for n in names)
    from selection.wagtail_hooks import CandidateSourceViewSet, HiringViewSetGroup

    assert CandidateSourceViewSet in HiringViewSetGroup.items


def test_a_source_in_use_cannot_be_deleted(opening, sources):
    from django.db.models import ProtectedError

    candidate = factories.make_application(opening, "Ada", "Kept").candidate
    candidate.source = sources["agency"]
    candidate.save()
    with pytest.raises(ProtectedError):
        sources["agency"].delete()
    assert Candidate.objects.get(pk=candidate.pk).source == sources["agency"]


def test_the_candidate_form_offers_active_sources_and_the_candidates_own(opening, sources):
    sources["agency"].active = False
    sources["agency"].save()
    form_class = Candidate.snippet_viewset.get_edit_handler().get_form_class()
    offered = set(form_class(instance=Candidate()).fields["source"].queryset)
    assert sources["agency"] not in offered and sources["referral"] in offered
    candidate = factories.make_application(opening, "Ada", "Agent").candidate
    candidate.source = sources["agency"]
    candidate.save()
    assert sources["agency"] in set(form_class(instance=candidate).fields["source"].queryset)
    assert set(CandidateSource.objects.filter(active=True)) <= offered
