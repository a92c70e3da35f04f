"""Plain functions that build test data through the real models."""

from decimal import Decimal

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from competencies.models import Competency, RoleProfilePage, RoleRequirement, Trait
from selection.models import (
    Application,
    Candidate,
    CandidateSource,
    HiringTeamMember,
    Opening,
    Producer,
)
from selection.roles import ensure_library

PASSWORD = "a-long-test-password-1"
ANCHORS = ["Poor at it.", "Weak.", "Solid.", "Strong.", "Exceptional."]


def make_user(email: str, group: str | None, *, superuser: bool = False):
    user = get_user_model().objects.create_user(
        username=email, email=email, password=PASSWORD, first_name=email.split("@")[0].title(),
        is_superuser=superuser, is_staff=superuser,
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
    return user


def make_dimension(model, slug: str, name: str | None = None):
    levels = {f"level_{n}": text for n, text in enumerate(ANCHORS, start=1)}
    item = model(slug=slug, name=name or slug.replace("-", " ").title(), category="Test",
                 definition=f"Definition of {slug}.", **levels)
    item.save()
    item.save_revision().publish()
    return item


def make_profile(index, slug: str, requirements: list[tuple], title: str | None = None):
    """Creates and publishes a role profile; requirements are (dimension, weight, target, ko)."""
    page = RoleProfilePage(
        title=title or slug.title(), slug=slug, role_name=slug.title(),
        job_description="<p>Sells things.</p>",
    )
    page.requirements = [
        RoleRequirement(dimension=d, weight=Decimal(w), target_level=t, knock_out_minimum=k,
                        sort_order=n)
        for n, (d, w, t, k) in enumerate(requirements)
    ]
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_library() -> dict:
    index = ensure_library()
    discovery = make_dimension(Competency, "discovery", "Discovery questioning")
    negotiating = make_dimension(Competency, "negotiating", "Negotiating")
    resilience = make_dimension(Trait, "resilience", "Resilience")
    profile = make_profile(
        index, "account-executive",
        [(discovery, "3", 4, 2), (negotiating, "2", 3, None), (resilience, "1", 4, 3)],
        title="Account Executive",
    )
    return {"index": index, "discovery": discovery, "negotiating": negotiating,
            "resilience": resilience, "profile": profile}


def make_opening(profile, *, manager=None, interviewers=(), slug="ae-test") -> Opening:
    opening = Opening(title=f"Opening {slug}", slug=slug, role_profile=profile)
    opening.save()
    if manager:
        HiringTeamMember.objects.create(
            opening=opening, user=manager, role=HiringTeamMember.HIRING_MANAGER
        )
    for person in interviewers:
        HiringTeamMember.objects.create(
            opening=opening, user=person, role=HiringTeamMember.INTERVIEWER
        )
    return opening


def source(slug: str, name: str | None = None, **extra) -> CandidateSource:
    """A candidate source by slug (the migration's defaults may exist already, or not after
    a transactional test emptied the tables)."""
    found, _ = CandidateSource.objects.get_or_create(
        slug=slug, defaults={"name": name or slug.replace("-", " ").capitalize(), **extra})
    return found


def make_application(opening, first: str, last: str, stage: str = "interviewing"):
    candidate, _ = Candidate.objects.get_or_create(
        email=f"{first}.{last}@example.com".lower(),
        defaults={"first_name": first, "last_name": last},
    )
    return Application.objects.create(candidate=candidate, opening=opening, stage=stage)


def make_producer(n: int, performance: str, tier: str = "") -> Producer:
    return Producer.objects.create(
        first_name=f"P{n}", last_name=f"Producer{n:03d}", email=f"p{n}@example.com",
        performance=Decimal(performance), tier=tier,
    )
