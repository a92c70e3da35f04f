"""Demo references and background checks for the AE opening's finalists.

The three finalists (the calibration stage) show every state: the first has two answered
references from former managers (one rating contradicts the interview) and a declined
one; the second has one referee answering (a saved draft), one overdue and one just named
(the email not sent yet); the third has
been asked and has not named anyone yet. Their background checks show each status once.
Run by ``assessments.demo.seed``; safe to run again.
"""

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from competencies.models import Dimension
from selection.models import Application, Opening

from ..models import BackgroundCheck, Referee, ReferenceQuestion, ReferenceRequest
from ..models.references import CRIMINAL, DRUG, EDUCATION, EMPLOYMENT, FORMER_MANAGER, PEER
from . import links, nomination, questionnaire
from .demo_content import QUESTIONS
from .evidence import interview_means


def seed(stdout) -> dict[str, int]:
    created = {"reference questions": ensure_questions()}
    opening = Opening.objects.filter(slug="ae-nordics").first()
    if opening is None:
        return created
    finalists = list(Application.objects.filter(opening=opening, stage=Application.CALIBRATION)
                     .select_related("candidate", "opening").order_by("candidate__email")[:3])
    if len(finalists) < 3 or ReferenceRequest.objects.filter(
            application__opening=opening).exists():
        return created
    hr = get_user_model().objects.filter(email="hr@demo.selection").first()
    with transaction.atomic():
        form = questionnaire.build_form(opening=opening, by=hr)
        questionnaire.set_background_checks(
            form=form, kinds=[EMPLOYMENT, EDUCATION, CRIMINAL, DRUG])
        answered, waiting, asked = (_request(a, hr) for a in finalists)
        created["referees"] = _answered_and_declined(answered) + _in_progress(waiting)
        created["background checks"] = _checks(finalists, hr)
    stdout.write(f"Candidate link to name referees ({asked.application.candidate}): "
                 f"{links.candidate_url(asked)}")
    return created


def ensure_questions() -> int:
    dims = {d.slug: d for d in Dimension.objects.filter(slug__in=[q[0] for q in QUESTIONS])}
    created = 0
    for slug, text, anchors, prompt in QUESTIONS:
        if slug not in dims or ReferenceQuestion.objects.filter(dimension=dims[slug]).exists():
            continue
        question = ReferenceQuestion(dimension=dims[slug], text=text, comment_prompt=prompt,
                                     **{f"anchor_{n}": a for n, a in enumerate(anchors, 1)})
        question.save()
        question.save_revision().publish()
        created += 1
    return created


def _request(application, by) -> ReferenceRequest:
    request, _ = nomination.request_references(application=application, by=by,
                                                 notify=False)
    request.requested_at = timezone.now() - timedelta(days=9)
    request.save(update_fields=["requested_at"])
    return request


def _named(request, rows, days_ago: int) -> list[Referee]:
    when = timezone.now() - timedelta(days=days_ago)
    request.consent_at = request.named_at = when
    request.save(update_fields=["consent_at", "named_at"])
    return [Referee.objects.create(request=request, sent_at=when,
                                   expires_at=when + timedelta(days=14), **row)
            for row in rows]


def _row(name, email, relationship, company, start, end=None) -> dict:
    return {"name": name, "email": email, "relationship": relationship, "company": company,
            "worked_from": start, "worked_to": end}


def _answered_and_declined(request) -> int:
    first, second, third = _named(request, [
        _row("Maja Lindqvist", "maja.lindqvist@northwind.example", FORMER_MANAGER,
             "Northwind Analytics", date(2021, 2, 1), date(2024, 6, 1)),
        _row("Tomas Berg", "tomas.berg@fjordsoft.example", FORMER_MANAGER, "Fjordsoft",
             date(2018, 9, 1), date(2021, 1, 1)),
        _row("Elin Sand", "elin.sand@northwind.example", PEER, "Northwind Analytics",
             date(2021, 2, 1), date(2024, 6, 1)),
    ], days_ago=6)
    interview = interview_means(request.application)
    for referee, lean in ((first, 0), (second, -1)):
        answers = {}
        for n, question in enumerate(request.questions):
            heard = interview.get(question["dimension_id"])
            base = round(sum(heard) / len(heard)) if heard else 3
            # The first question: both managers rate far below what the interviewers heard.
            rating = max(1, base - 2 - (1 if lean else 0)) if n == 0 else min(5, max(
                1, base + lean + (n % 2)))
            comment = COMMENTS[(n + 3 * (lean != 0)) % len(COMMENTS)]
            answers[f"q{question['id']}"] = {"rating": rating, "comment": comment}
        answers.update(relationship=f"I was their manager at {referee.company}.",
                       rehire="yes" if lean == 0 else "reservations",
                       rehire_comment="" if lean == 0 else "Only with close coaching early on.",
                       anything_else="")
        referee.answers, referee.saved_at = answers, referee.sent_at + timedelta(days=2)
        referee.submitted_at = referee.saved_at
        referee.save()
    third.declined_at = third.sent_at + timedelta(days=1)
    third.decline_reason = "Company policy: I may only confirm dates of employment."
    third.save()
    return 3


COMMENTS = [
    "Often moved to a proposal before the buyer had agreed on the problem; we worked on it.",
    "Kept a clean pipeline and told me early when a deal was at risk.",
    "Buyers liked working with them; they followed up on every promise.",
    "Took a lost renewal hard for a week, then came back with a plan for the account.",
    "Asked for my feedback after every big call and used it the next week.",
    "Good at the numbers in a business case; less patient with slow committees.",
]


def _in_progress(request) -> int:
    drafting, silent = _named(request, [
        _row("Jonas Aalto", "jonas.aalto@kalevi.example", FORMER_MANAGER, "Kalevi Systems",
             date(2020, 1, 1)),
        _row("Sofie Dahl", "sofie.dahl@brygge.example", FORMER_MANAGER, "Brygge Data",
             date(2017, 5, 1), date(2019, 12, 1)),
    ], days_ago=2)
    question = request.questions[0]
    drafting.answers = {f"q{question['id']}": {"rating": 4, "comment": "Strong on discovery;"},
                        "relationship": "Their manager since 2020."}
    drafting.saved_at = timezone.now() - timedelta(hours=20)
    drafting.save()
    silent.sent_at = timezone.now() - timedelta(days=9)
    silent.reminders_sent, silent.reminded_at = 2, timezone.now() - timedelta(days=3)
    silent.save()
    # Named a minute ago: the email goes out when the worker's sweep next runs.
    Referee.objects.create(request=request, **_row(
        "Aino Virtanen", "aino.virtanen@kalevi.example", PEER, "Kalevi Systems",
        date(2020, 1, 1)))
    return 3


def _checks(finalists, hr) -> int:
    today = timezone.localdate()
    plan = [
        (finalists[0], EMPLOYMENT, BackgroundCheck.CLEAR),
        (finalists[0], EDUCATION, BackgroundCheck.IN_PROGRESS),
        (finalists[1], CRIMINAL, BackgroundCheck.NEEDS_REVIEW),
        (finalists[1], EMPLOYMENT, BackgroundCheck.NOT_STARTED),
        (finalists[2], EMPLOYMENT, BackgroundCheck.ADVERSE),
        (finalists[2], DRUG, BackgroundCheck.CLEAR),
    ]
    for application, kind, status in plan:
        started = status != BackgroundCheck.NOT_STARTED
        BackgroundCheck.objects.create(
            application=application, kind=kind, status=status, recorded_by=hr,
            consent_on=today - timedelta(days=8) if started else None,
            status_on=today - timedelta(days=1) if started else None,
            provider="Nordic Screening AB" if started else "",
            provider_reference=f"NS-2026-{application.pk:04d}-{kind[:3].upper()}"
            if started else "",
            report_location="Provider portal, case file" if started else "",
        )
    return len(plan)
