"""Who may open a candidate's hiring report, in the browser and as a PDF."""

import pytest

from tests import factories

EXPECTED = {  # user fixture -> status for the page and the PDF
    "anonymous": 302,
    "interviewer": 403,  # on the hiring team, but does not manage the opening
    "outsider": 403,
    "other_manager": 403,  # manages another opening only
    "manager": 200,
    "hr": 200,
}


@pytest.fixture
def other_opening(library, other_manager):
    return factories.make_opening(library["profile"], manager=other_manager, slug="other")


@pytest.mark.django_db
@pytest.mark.parametrize("who", list(EXPECTED))
@pytest.mark.parametrize("suffix", ["report/", "report.pdf"])
def test_report_access_matrix(client, request, cohort_opening, other_opening, who, suffix):
    ada = cohort_opening.applications_by_name["Ada"]
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    url = f"/reports/openings/{cohort_opening.slug}/candidates/{ada.pk}/{suffix}"
    response = client.get(url)
    assert response.status_code == EXPECTED[who]
    if who == "anonymous":
        assert "/accounts/login/" in response["Location"]
    if response.status_code == 200 and suffix == "report.pdf":
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"] == (
            'attachment; filename="ada-lovelace-hiring-report.pdf"; '
            "filename*=UTF-8''Ada%20Lovelace%20-%20hiring%20report.pdf"
        )
        assert response.content.startswith(b"%PDF")


@pytest.mark.django_db
def test_other_managers_own_opening_does_not_open_this_candidate(
    client, cohort_opening, other_opening, other_manager
):
    """The application id is checked against the opening in the URL."""
    ada = cohort_opening.applications_by_name["Ada"]
    client.force_login(other_manager)
    response = client.get(f"/reports/openings/{other_opening.slug}/candidates/{ada.pk}/report/")
    assert response.status_code == 404
