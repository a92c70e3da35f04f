"""An opening's reference form is built from its pinned profile and edited per opening."""

import pytest
from django.core.exceptions import ValidationError

from assessments.references import nomination, questionnaire
from tests.assessments.references.conftest import publish_question


def test_the_form_asks_about_the_heaviest_requirements_first(bank, opening, manager):
    form = questionnaire.build_form(opening=opening, by=manager)
    # the profile weighs discovery 3, negotiating 2, resilience 1
    assert [q.dimension.slug for q in questionnaire.form_questions(form)] == [
        "discovery", "negotiating", "resilience"]
    assert form.required_relationships == {"former_manager": 2}
    assert form.background_checks == ["employment"]


def test_a_question_nobody_published_stays_off_the_form(library, opening, manager):
    publish_question(library["discovery"], "A draft nobody approved", live=False)
    form = questionnaire.build_form(opening=opening, by=manager)
    assert questionnaire.form_questions(form) == []


def test_the_setting_gives_the_relationships_asked_for(bank, opening, manager, settings):
    settings.SELECTION_REFERENCE_RELATIONSHIPS = "former_manager:1,customer:1"
    form = questionnaire.build_form(opening=opening, by=manager)
    assert form.required_relationships == {"former_manager": 1, "customer": 1}
    assert questionnaire.describe_relationships(form.required_relationships) == (
        "1 former manager and 1 customer")


@pytest.mark.parametrize("text", ["boss:2", "former_manager:two", "former_manager:7"])
def test_a_wrong_relationship_setting_is_refused_in_words(bank, opening, manager, text):
    form = questionnaire.build_form(opening=opening, by=manager)
    with pytest.raises(ValidationError):
        questionnaire.set_relationships(form=form, text=text)
    form.refresh_from_db()
    assert form.required_relationships == {"former_manager": 2}


def test_editing_the_form_leaves_requests_already_sent_unchanged(bank, opening, finalist,
                                                                 manager):
    form = questionnaire.build_form(opening=opening, by=manager)
    request, created = nomination.request_references(application=finalist, by=manager)
    assert created and len(request.questions) == 3
    questionnaire.remove_question(form=form, question_id=bank["negotiating"].pk)
    request.refresh_from_db()
    assert [q["id"] for q in request.questions] == [
        bank["discovery"].pk, bank["negotiating"].pk, bank["resilience"].pk]
    with pytest.raises(ValidationError):
        questionnaire.add_question(form=form, question_id=bank["discovery"].pk)  # already on
    questionnaire.add_question(form=form, question_id=bank["negotiating"].pk)
    assert [q.pk for q in questionnaire.form_questions(form)][-1] == bank["negotiating"].pk


def test_the_manager_edits_the_form_from_its_page(client, bank, opening, manager):
    client.force_login(manager)
    client.post(f"/assessments/openings/{opening.slug}/references/edit/", {"action": "build"})
    page = client.get(f"/assessments/openings/{opening.slug}/references/")
    assert page.status_code == 200
    assert "How well did they discover needs?" in page.content.decode()
    client.post(f"/assessments/openings/{opening.slug}/references/edit/",
                {"action": "relationships", "relationships": "peer:1"})
    assert questionnaire.form_for(opening).required_relationships == {"peer": 1}


def test_only_hr_sets_the_background_checks(client, bank, opening, manager, hr):
    client.force_login(manager)
    response = client.post(f"/assessments/openings/{opening.slug}/checks/",
                           {"checks": ["criminal"]})
    assert response.status_code == 403
    client.force_login(hr)
    client.post(f"/assessments/openings/{opening.slug}/checks/",
                {"checks": ["criminal", "education"]})
    assert questionnaire.form_for(opening).background_checks == ["education", "criminal"]


def test_references_cannot_be_requested_without_rated_questions(library, finalist, manager):
    with pytest.raises(ValidationError):
        nomination.request_references(application=finalist, by=manager)
