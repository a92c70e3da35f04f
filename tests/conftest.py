"""Shared fixtures: the groups, a small library, one opening and its people."""

import pytest

from tests import factories


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache. The database reuses primary keys after a
    rolled-back test (SQLite), so counters keyed by a row's id, such as the API's
    per-client rate limit, would otherwise carry one test's calls into the next."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


@pytest.fixture
def groups(db):
    from selection.roles import ensure_groups

    return ensure_groups()


@pytest.fixture
def library(groups):
    return factories.make_library()


@pytest.fixture
def hr(groups):
    return factories.make_user("hr@example.com", "HR")


@pytest.fixture
def hr2(groups):
    return factories.make_user("hr2@example.com", "HR")


@pytest.fixture
def manager(groups):
    return factories.make_user("manager@example.com", "Hiring manager")


@pytest.fixture
def other_manager(groups):
    return factories.make_user("other.manager@example.com", "Hiring manager")


@pytest.fixture
def interviewer(groups):
    return factories.make_user("interviewer@example.com", "Interviewer")


@pytest.fixture
def outsider(groups):
    """An interviewer who is on no hiring team."""
    return factories.make_user("outsider@example.com", "Interviewer")


@pytest.fixture
def superuser(groups):
    return factories.make_user("root@example.com", None, superuser=True)


@pytest.fixture
def opening(library, manager, interviewer):
    return factories.make_opening(
        library["profile"], manager=manager, interviewers=[interviewer]
    )


@pytest.fixture
def reason(db):
    """An active decision reason (a rejection needs one); a second one, switched off."""
    from selection.models import DecisionReason

    DecisionReason.objects.create(name="Retired reason", active=False, order=9)
    return DecisionReason.objects.create(name="Below the knock-out minimum", order=1)


@pytest.fixture
def application(opening):
    return factories.make_application(opening, "Ada", "Lovelace")


@pytest.fixture(autouse=True)
def _two_factor_optional(settings):
    """Staff need no second factor unless a test asks (its default follows DEBUG)."""
    settings.SELECTION_REQUIRE_MFA_FOR_STAFF = False


@pytest.fixture
def wagtail_root(transactional_db):
    """Earlier transactional tests flush every table: the page tree's root and locale too."""
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale, Page

    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root"))
