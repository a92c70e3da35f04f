"""Fixtures for the assessments tests: a small published SJT and a roleplay exercise."""

import pytest
from django.test import Client

from assessments import delivery
from assessments.models import (
    JudgmentTest,
    ResponseOption,
    RoleplayBehaviour,
    RoleplayExercise,
    Scenario,
)
from tests import factories

# Two scenarios with four options each: keys chosen so that hand computation is easy.
KEYS = [[5, 4, 2, 1], [3, 5, 1, 3]]


def make_test(library, *, method="rate_each", slug="judgment", minutes=30) -> JudgmentTest:
    test = JudgmentTest(title=f"Test {slug}", slug=slug, instructions="Read and rate.",
                        time_limit_minutes=minutes, scoring_method=method, live=False)
    dims = [[library["discovery"]], [library["discovery"], library["negotiating"]]]
    test.scenarios = [
        Scenario(title=f"Scenario {n + 1}", situation=f"Situation {n + 1}.", question="Rate.",
                 sort_order=n, dimensions=dims[n],
                 options=[ResponseOption(text=f"S{n + 1} option {m + 1}", key=k, sort_order=m)
                          for m, k in enumerate(keys)])
        for n, keys in enumerate(KEYS)
    ]
    test.save()
    test.save_revision().publish()
    return JudgmentTest.objects.get(pk=test.pk)


def options_of(test: JudgmentTest) -> list[list[int]]:
    """Option pks per scenario, in order."""
    return [list(s.options.order_by("sort_order").values_list("pk", flat=True))
            for s in test.scenarios.order_by("sort_order")]


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def sjt_test(library):
    return make_test(library)


@pytest.fixture
def most_least_test(library):
    return make_test(library, method="most_least", slug="ml")


@pytest.fixture
def invitation(sjt_test, application, manager):
    inv, _ = delivery.invite(test=sjt_test, by=manager, candidate=application.candidate,
                             application=application)
    return inv


@pytest.fixture
def link(invitation):
    return delivery.link_path(invitation)


@pytest.fixture
def anon():
    return Client()


@pytest.fixture
def exercise(library):
    ex = RoleplayExercise(title="Discovery call", slug="discovery-call", candidate_brief="Call.",
                          buyer_brief="Be Dana.", duration_minutes=20, live=False)
    ex.behaviours = [
        RoleplayBehaviour(dimension=library["discovery"], observable="Asks.", sort_order=0),
        RoleplayBehaviour(dimension=library["negotiating"], observable="Trades.", sort_order=1),
    ]
    ex.save()
    ex.save_revision().publish()
    return RoleplayExercise.objects.get(pk=ex.pk)


def login(client, user):
    client.login(username=user.username, password=factories.PASSWORD)
    return client
