"""The hiring report page says what its figures mean where they stand: an SJT total on its
scale and among the producers who took the test (with n), what Pct top means, interviewer
agreement in words beside the statistic; and the candidate page shows the one sentence."""

import pytest
from django.utils import timezone
from django.utils.html import escape

from assessments.models import SJTAttempt, SJTInvitation
from reports.hiring_report.gather import candidate_report
from reports.hiring_report.pipeline_status import after_badge
from selection.models import Producer
from tests.reports.test_sjt_completeness_report import _base, take

pytestmark = pytest.mark.django_db


def _producers_take(test, totals, *, answered=8):
    revision = test.latest_revision
    for producer, total in zip(Producer.objects.order_by("pk"), totals, strict=False):
        invitation = SJTInvitation.objects.create(
            test=test, test_revision=revision, producer=producer, email=f"p{producer.pk}@x.io")
        SJTAttempt.objects.create(invitation=invitation, time_limit_minutes=30,
                                  completed_at=timezone.now(), total_score=total,
                                  items_answered=answered, items_total=8)


def test_the_sjt_total_says_its_scale_and_where_it_falls_among_producers(
        cohort_opening, library, manager, client):
    from tests.assessments.conftest import make_test

    ada = cohort_opening.applications_by_name["Ada"]
    test = make_test(library)
    attempt = take(test, ada, manager, rated=8)
    assert attempt.total_score == 1.0
    # Four producers below her, one level with her (counts half), and one incomplete
    # attempt that is left out: percentileofscore(kind="mean") = (4 + 0.5) / 5 = 90 %.
    _producers_take(test, [0.2, 0.4, 0.5, 0.6, 1.0])
    _producers_take(test.__class__.objects.get(pk=test.pk), [], answered=2)
    client.force_login(manager)
    html = client.get(_base(ada) + "report/").content.decode()
    assert escape("Total 1.00 on a scale from 0 (worst) to 1 (best, the experts' key); among "
                  "the 5 producers who took this test it is above 90 % of them.") in html


def test_pct_top_z_and_agreement_are_explained_on_the_report_page(cohort_opening, manager,
                                                                  client):
    ada = cohort_opening.applications_by_name["Ada"]
    client.force_login(manager)
    html = client.get(_base(ada) + "report/").content.decode()
    assert "<strong>Pct top</strong> 70 means the candidate scores above 70 % of the top " \
           "producers on that dimension" in html
    assert "(top 12, middle 12, bottom 12)" in html
    assert "z</strong> is the score in producer standard deviations" in html
    assert "Across this opening, interviewers agree " in html
    assert "Koo &amp; Li (2016)" in html


def test_the_candidate_page_shows_the_reports_band_and_sentence(cohort_opening, manager,
                                                                client):
    ada = cohort_opening.applications_by_name["Ada"]
    client.force_login(manager)
    html = client.get(ada.get_absolute_url()).content.decode()
    report = candidate_report(ada, reader=manager)
    label = report.band["label"]
    assert f'band-{report.band["key"]}">{label}</span> ' \
        f'{escape(after_badge(report.band["sentence"], label))}</p>' in html


def test_the_candidate_pages_sjt_total_says_the_same_as_the_report(cohort_opening, library,
                                                                   manager, client):
    """One rule, every path: the candidate page's test panel explains the total as the
    hiring report does."""
    from tests.assessments.conftest import make_test

    ada = cohort_opening.applications_by_name["Ada"]
    test = make_test(library)
    take(test, ada, manager, rated=8)
    _producers_take(test, [0.2, 0.4, 0.5, 0.6, 1.0])
    client.force_login(manager)
    html = client.get(ada.get_absolute_url()).content.decode()
    assert escape("1.00 on a scale from 0 (worst) to 1 (best, the experts' key); among the 5 "
                  "producers who took this test it is above 90 % of them") in html


def test_sjt_total_in_words_by_hand():
    from assessments.sjt import total_in_words

    # percentileofscore(kind="mean") of 0.5 in [0.2, 0.4, 0.6, 0.8]: 2 below, none equal: 50 %
    assert total_in_words(0.5, "rate_each", [0.2, 0.4, 0.6, 0.8]).endswith(
        "among the 4 producers who took this test it is above 50 % of them")
    assert total_in_words(1.25, "most_least", []).startswith(
        "1.25 on a scale from −2 (worst) to +2 (best")
    assert "no producer has taken this test yet" in total_in_words(1.25, "most_least", [])
