"""Demo people, openings, candidates and producers (seeded by ``manage.py seed_demo``)."""

import random
from datetime import date, timedelta
from decimal import Decimal

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from competencies.models import RoleProfilePage

from .models import (
    Application,
    Candidate,
    CandidateSource,
    DecisionReason,
    HiringTeamMember,
    Opening,
    Producer,
    StageChange,
)
from .producers import assign_tiers
from .roles import HIRING_MANAGER, HR, INTERVIEWER

DEMO_PASSWORD = "selection-demo-2026"

DEMO_USERS = [
    # email, first, last, group, superuser
    ("hr@demo.selection", "Helena", "Ruiz", HR, False),
    ("hr2@demo.selection", "Tomasz", "Wójcik", HR, False),
    ("manager@demo.selection", "Maya", "Okafor", HIRING_MANAGER, False),
    ("manager2@demo.selection", "Lars", "Berg", HIRING_MANAGER, False),
    ("interviewer@demo.selection", "Ines", "Duarte", INTERVIEWER, False),
    ("interviewer2@demo.selection", "Kwame", "Mensah", INTERVIEWER, False),
    ("interviewer3@demo.selection", "Priya", "Raman", INTERVIEWER, False),
    ("interviewer4@demo.selection", "Oliver", "Grant", INTERVIEWER, False),
    ("admin@demo.selection", "Ada", "Admin", None, True),
]

DEMO_OPENINGS = [
    {
        "slug": "ae-nordics",
        "title": "Account Executive, Nordics",
        "profile": "account-executive",
        "location": "Copenhagen / remote",
        "headcount": 2,
        "team": [
            ("manager@demo.selection", HiringTeamMember.HIRING_MANAGER),
            ("interviewer@demo.selection", HiringTeamMember.INTERVIEWER),
            ("interviewer2@demo.selection", HiringTeamMember.INTERVIEWER),
            ("interviewer3@demo.selection", HiringTeamMember.INTERVIEWER),
        ],
    },
    {
        "slug": "sdr-london",
        "title": "Sales Development Representative, London",
        "profile": "sales-development-representative",
        "location": "London",
        "headcount": 3,
        "team": [
            ("manager2@demo.selection", HiringTeamMember.HIRING_MANAGER),
            ("interviewer3@demo.selection", HiringTeamMember.INTERVIEWER),
            ("interviewer4@demo.selection", HiringTeamMember.INTERVIEWER),
        ],
    },
]

# The reasons a decision can give (HR edits the list in the CMS: Hiring > Decision reasons).
DEMO_DECISION_REASONS = [
    "Below the knock-out minimum on a requirement",
    "Below target on requirements the role needs from day one",
    "Interview examples did not show the required skill",
    "Another candidate was a stronger fit",
    "Candidate's expectations do not match the role (pay, location, travel)",
    "Candidate withdrew or stopped responding",
]

# Where candidates come from (HR edits the list in the CMS: Hiring > Candidate sources);
# the same six as migration 0007 creates: name, slug.
DEMO_CANDIDATE_SOURCES = [
    ("Referral", "referral"),
    ("Job board", "job-board"),
    ("Agency", "agency"),
    ("Inbound", "inbound"),
    ("Sourced by recruiter", "sourced-by-recruiter"),
    ("Internal", "internal"),
]
# The open openings' demo candidates, in name order, come from these in turn (the agency
# is the past cohorts' weak source: see reports/validity/demo.py).
CANDIDATE_SOURCE_CYCLE = ["referral", "job-board", "sourced-by-recruiter"]

# Stages for the demo candidates, in the order of the names in CANDIDATE_NAMES.
AE_STAGES = ["calibration", "calibration", "calibration", "interviewing", "interviewing",
             "assessment", "assessment", "screening", "applied", "rejected"]
SDR_STAGES = ["interviewing", "interviewing", "screening", "applied", "offer", "withdrawn"]

PRODUCER_FIRST = ["Alex", "Bea", "Chen", "Dana", "Eero", "Fatima", "Gus", "Hana", "Ivo", "Jun",
                  "Kai", "Lena", "Mateo", "Nora", "Omar", "Paula", "Quinn", "Rosa", "Sami",
                  "Tara", "Uma", "Viktor", "Wen", "Yusuf"]
PRODUCER_LAST = ["Andersen", "Bianchi", "Costa", "Dubois", "Eriksen", "Fischer", "García",
                 "Haddad", "Ito", "Jansen", "Kowalski", "Larsen", "Moreau", "Novak", "Osei"]


def ensure_users(stdout=None) -> dict:
    """Creates the demo accounts once; returns them by email."""
    users = {}
    User = get_user_model()
    # Every demo account has the same published password: hashing it once (a fifth of a
    # second each) keeps the first `make run` short.
    hashed = None
    for email, first, last, group, superuser in DEMO_USERS:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User(username=email, email=email, first_name=first, last_name=last,
                        is_superuser=superuser, is_staff=superuser)
            hashed = hashed or make_password(DEMO_PASSWORD)
            user.password = hashed
            user.save()
        if group:
            user.groups.add(Group.objects.get(name=group))
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"primary": True, "verified": True}
        )
        users[email] = user
    return users


def ensure_decision_reasons() -> int:
    """The demo's decision reasons, in order; returns how many were created."""
    created = 0
    for order, name in enumerate(DEMO_DECISION_REASONS, start=1):
        created += DecisionReason.objects.get_or_create(name=name, defaults={"order": order})[1]
    return created


def ensure_candidate_sources() -> int:
    """The six sources, in order (a migrated database has them already); returns how many
    were created."""
    created = 0
    for order, (name, slug) in enumerate(DEMO_CANDIDATE_SOURCES, start=1):
        created += CandidateSource.objects.get_or_create(
            slug=slug, defaults={"name": name, "order": order})[1]
    return created


def candidate_source(slug: str) -> CandidateSource:
    """One of the demo's sources by slug (created with the others when missing)."""
    found = CandidateSource.objects.filter(slug=slug).first()
    if found is None:
        ensure_candidate_sources()
        found = CandidateSource.objects.get(slug=slug)
    return found


def ensure_openings(users: dict) -> list[Opening]:
    openings = []
    for data in DEMO_OPENINGS:
        opening = Opening.objects.filter(slug=data["slug"]).first()
        if opening is None:
            opening = Opening(
                slug=data["slug"], title=data["title"], location=data["location"],
                headcount=data["headcount"],
                role_profile=RoleProfilePage.objects.get(slug=data["profile"]),
            )
            opening.save()
        for email, role in data["team"]:
            HiringTeamMember.objects.get_or_create(opening=opening, user=users[email], role=role)
        openings.append(opening)
    return openings


def ensure_candidates(openings: list[Opening], names: list[tuple[str, str]]) -> int:
    """Creates the demo candidates and their applications once; returns how many are new."""
    created = 0
    plan = [(openings[0], stage) for stage in AE_STAGES] + [
        (openings[1], stage) for stage in SDR_STAGES
    ]
    sources = {slug: candidate_source(slug) for slug in CANDIDATE_SOURCE_CYCLE}
    for n, ((first, last), (opening, stage)) in enumerate(zip(names, plan, strict=False)):
        email = f"{_ascii(first)}.{_ascii(last)}@candidates.example".lower()
        source = sources[CANDIDATE_SOURCE_CYCLE[n % len(CANDIDATE_SOURCE_CYCLE)]]
        candidate, new = Candidate.objects.get_or_create(
            email=email, defaults={"first_name": first, "last_name": last, "source": source}
        )
        created += new
        application, app_new = Application.objects.get_or_create(
            candidate=candidate, opening=opening, defaults={"stage": stage}
        )
        if app_new:
            StageChange.objects.create(application=application, from_stage="", to_stage=stage)
    return created


def _ascii(text: str) -> str:
    import unicodedata

    folded = unicodedata.normalize("NFKD", text.replace("ø", "o").replace("Ø", "O"))
    folded = folded.replace("ł", "l").replace("Ł", "L")
    return "".join(c for c in folded if c.isascii() and c.isalnum())


def ensure_producers(count: int = 120) -> int:
    """Creates ``count`` demo producers with a quota-attainment figure; tiers are computed."""
    rng = random.Random(2026)
    existing = set(Producer.objects.values_list("email", flat=True))
    new = []
    for n in range(count):
        first = PRODUCER_FIRST[n % len(PRODUCER_FIRST)]
        last = PRODUCER_LAST[(n * 7) % len(PRODUCER_LAST)]
        email = f"producer{n + 1:03d}@demo-sales.example"
        attainment = max(20.0, rng.gauss(96, 24))
        if email in existing:
            continue
        new.append(Producer(
            first_name=first, last_name=last, email=email, external_id=f"EMP-{n + 1:04d}",
            role_title="Account Executive" if n % 3 else "Sales Development Representative",
            region=["Nordics", "DACH", "UK&I", "Benelux"][n % 4],
            hire_date=date(2019, 1, 7) + timedelta(days=rng.randint(0, 1800)),
            performance=Decimal(f"{attainment:.1f}"), performance_period="FY2025",
        ))
    Producer.objects.bulk_create(new)
    assign_tiers()
    return len(new)
