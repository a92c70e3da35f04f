"""Fixtures for references: a small question bank, a finalist, a request and referees."""

import datetime

import pytest
from django.core.cache import cache
from django.test import Client

from assessments.models import ReferenceQuestion
from assessments.references import links, nomination

ANCHORS = ["Among the weakest", "Below most", "Like most", "Better than most", "Among the best"]


def publish_question(dimension, text: str, *, live: bool = True) -> ReferenceQuestion:
    question = ReferenceQuestion(dimension=dimension, text=text, live=False,
                                 **{f"anchor_{n}": a for n, a in enumerate(ANCHORS, 1)})
    question.save()
    revision = question.save_revision()
    if live:
        revision.publish()
    return ReferenceQuestion.objects.get(pk=question.pk)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def bank(library):
    return {
        "discovery": publish_question(library["discovery"], "How well did they discover needs?"),
        "negotiating": publish_question(library["negotiating"], "How did they negotiate?"),
        "resilience": publish_question(library["resilience"], "How did they take a loss?"),
    }


@pytest.fixture
def finalist(opening):
    from tests import factories

    return factories.make_application(opening, "Grace", "Hopper", stage="calibration")


@pytest.fixture
def reference_request(bank, finalist, manager):
    request, _ = nomination.request_references(application=finalist, by=manager)
    return request


def referee_rows(*rows) -> dict:
    """POST data naming referees: rows of (name, email, relationship)."""
    data = {"consent": "1"}
    for n, (name, email, relationship) in enumerate(rows):
        data.update({f"r{n}-name": name, f"r{n}-email": email,
                     f"r{n}-relationship": relationship, f"r{n}-company": "Acme",
                     f"r{n}-from": "2020-01", f"r{n}-to": "2023-06"})
    return data


TWO_MANAGERS = referee_rows(("Mia Manager", "mia@acme.example", "former_manager"),
                            ("Max Manager", "max@acme.example", "former_manager"))


@pytest.fixture
def referees(reference_request):
    """Two former managers, named and emailed (the emails as the commit would send them)."""
    from django.utils import timezone

    named = nomination.name_referees(request=reference_request, data=TWO_MANAGERS)
    for referee in named:
        referee.sent_at = timezone.now()
        referee.save(update_fields=["sent_at"])
    return named


@pytest.fixture
def referee(referees):
    return referees[0]


@pytest.fixture
def referee_link(referee):
    return f"/assessments/r/{links.referee_token(referee)}/"


@pytest.fixture
def candidate_link(reference_request):
    return f"/assessments/c/{links.candidate_token(reference_request)}/referees/"


@pytest.fixture
def anon():
    return Client()


def answers_for(referee, *, rating="4", comment="Solid work.", **extra) -> dict:
    data = {"relationship": "Their manager, 2020-2023.", "rehire": "yes"}
    for question in referee.request.questions:
        data[f"q{question['id']}-rating"] = rating
        data[f"q{question['id']}-comment"] = comment
    data.update(extra)
    return data


def a_date(days: int) -> datetime.date:
    return datetime.date.today() + datetime.timedelta(days=days)
