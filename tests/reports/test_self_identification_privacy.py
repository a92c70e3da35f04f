"""Self-identification stays with HR: never on team pages, never in evidence."""

from django.utils import timezone

from reports.calibration.compute import calibrate_opening
from reports.models import SelfIdentification
from tests import factories

LABEL = "Zebra-group-7431"  # unmistakable, so any leak is found


def _identify(application):
    return SelfIdentification.objects.create(
        candidate=application.candidate, group_label=LABEL, consent_given_at=timezone.now()
    )


def test_group_label_is_not_on_candidate_opening_or_calibration_pages(client, manager, hr,
                                                                       application):
    _identify(application)
    opening = application.opening
    pages = [application.get_absolute_url(), opening.get_absolute_url(),
             f"/reports/openings/{opening.slug}/calibration/"]
    for user in (manager, hr):
        client.force_login(user)
        for page in pages:
            response = client.get(page)
            assert response.status_code == 200, page
            assert LABEL not in response.content.decode(), page


def test_group_label_is_not_in_the_calibration_payload(application):
    _identify(application)
    assert LABEL not in str(calibrate_opening(application.opening))


def test_hr_sees_the_group_only_on_the_fairness_page(client, hr, application):
    _identify(application)
    client.force_login(hr)
    assert LABEL in client.get("/reports/fairness/").content.decode()


def test_only_hr_may_edit_self_identification_in_the_workspace(client, hr, manager, groups):
    from django.contrib.auth.models import Group

    hr_perms = set(Group.objects.get(name="HR").permissions.values_list("codename", flat=True))
    assert {"add_selfidentification", "change_selfidentification",
            "view_selfidentification"} <= hr_perms
    for name in ("Hiring manager", "Interviewer"):
        perms = Group.objects.get(name=name).permissions.values_list("codename", flat=True)
        assert "view_selfidentification" not in perms
    client.force_login(hr)
    assert client.get("/cms/snippets/reports/selfidentification/").status_code == 200
    client.force_login(manager)
    assert client.get("/cms/snippets/reports/selfidentification/").status_code in (302, 403)


def test_hr_records_an_answer_from_the_configured_list(client, hr, application, settings):
    settings.SELECTION_SELF_ID_GROUPS = ["Group one", "Group two"]
    client.force_login(hr)
    url = "/cms/snippets/reports/selfidentification/add/"
    page = client.get(url).content.decode()
    assert "Group two" in page and "Prefer not to say" in page
    response = client.post(url, {
        "candidate": application.candidate.pk, "group_label": "Group two",
        "consent_given_at": "2026-01-05 10:00",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    record = SelfIdentification.objects.get(candidate=application.candidate)
    assert record.usable_group == "Group two"
    other = factories.make_application(application.opening, "Bea", "Other")
    response = client.post(url, {"candidate": other.candidate.pk,
                                 "group_label": "Invented group"})
    assert response.status_code == 200  # the form again: not a group from the list
    assert not SelfIdentification.objects.filter(candidate=other.candidate).exists()
