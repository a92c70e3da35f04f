"""The role-profile form refuses bad requirements at the field and saves nothing."""

import pytest

from competencies.models import RoleProfilePage


@pytest.fixture
def profile_form(client, edit_form, hr, library):
    page = library["profile"]
    url, data = edit_form(hr, page)
    return page, url, data


def post_and_expect_errors(client, page, url, data):
    revisions_before = page.revisions.count()
    response = client.post(url, data)
    assert response.status_code == 200, "an invalid form is shown again, not saved"
    assert page.revisions.count() == revisions_before
    page.refresh_from_db()
    assert [r.weight for r in page.requirements.all()] == [3, 2, 1]
    return response.content.decode()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("requirements-0-weight", "-1", "greater than or equal to 0.01"),
        ("requirements-0-weight", "lots", "Enter a number"),
        ("requirements-0-target_level", "6", "Select a valid choice"),
        ("requirements-0-target_level", "0", "Select a valid choice"),
        ("requirements-0-knock_out_minimum", "5", "cannot be above the target level"),
    ],
)
def test_bad_requirement_values_are_refused(client, profile_form, field, value, message):
    page, url, data = profile_form
    data[field] = value
    html = post_and_expect_errors(client, page, url, data)
    assert message in html


def test_the_same_dimension_twice_is_refused(client, profile_form, library):
    page, url, data = profile_form
    data["requirements-1-dimension"] = str(library["discovery"].pk)
    html = post_and_expect_errors(client, page, url, data)
    assert "is already required in row 1" in html


def test_a_valid_edit_saves_a_draft_revision(client, profile_form):
    page, url, data = profile_form
    data["requirements-2-weight"] = "1.5"
    before = page.revisions.count()
    response = client.post(url, data)
    assert response.status_code == 302
    assert page.revisions.count() == before + 1
    draft = RoleProfilePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert [float(r.weight) for r in draft.requirements.all()][-1] == 1.5
